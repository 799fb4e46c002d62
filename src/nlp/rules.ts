// The relation rules, as data: one record per rule (see rule.ts for the fields). The engine of each
// relation (meetings.ts, commitments.ts, agreements.ts, sanctions.ts, roles.ts) runs the records of
// its relation in priority order and fills their slots with the resolvers they name. Triggers are
// written with the named fragments of fragments.ts; verb lists live in data/lexicons/verbs.json.
import type { RelationRule } from './rule.js';

const MEET = { relation: 'met-with', confidence: 0.85 } as const;
const VISIT = {
  relation: 'met-with',
  confidence: 0.8,
  slots: { source: 'subject-person-before', target: 'visited-after' },
} as const;
const COMMIT = {
  relation: 'committed-to',
  confidence: 0.8,
  slots: { source: 'subject-before', target: 'clause-after' },
} as const;
const SIGN = { relation: 'signed-agreement-with', confidence: 0.85 } as const;
const SANCTION = { relation: 'sanctioned', confidence: 0.85 } as const;
const ROLE = { relation: 'holds-role', confidence: 0.9, lang: 'any', plain: true, flags: 'iu' } as const;

export const RELATION_RULES: readonly RelationRule[] = [
  // ---- meetings ------------------------------------------------------------------------------
  {
    ...MEET,
    id: 'meet:étaient-présents',
    lang: 'any',
    confidence: 0.7,
    priority: 0,
    flags: 'u',
    trigger:
      String.raw`^(?:Étaient|Etaient|Était|Etait)\s+(?:également\s+|aussi\s+)?présente?s?|^(?:Il|Elle)\s+(?:était` +
      String.raw`|étaient)\s+accompagnée?\s+d|^(?:Present|Also\s+present)\s+(?:were|was)\b`,
    slots: { source: 'pending-host', target: 'people-in-sentence' },
    example:
      'Le ministre Amadou Keïta a reçu une délégation mardi. Étaient présents M. Oumar Sidibé et Mme Awa Traoré.',
    counterexample:
      'Le ministre Amadou Keïta a reçu M. Moussa Konaté mardi. Étaient présents M. Oumar Sidibé et Mme Awa Traoré.',
    reason: 'a sentence that lists who attended a meeting told of just before, whose host received no one named',
  },
  {
    ...MEET,
    id: 'meet:audience-accordée-par',
    lang: 'fr',
    priority: 10,
    trigger: String.raw`\baudience\s+(?:accordée|a\s+été\s+accordée)\b`,
    slots: { source: 'host-after-par', target: 'guests-after' },
    example:
      'Lors de l’audience accordée lundi par le ministre M. Amadou Keïta à M. Oumar Sidibé, les échange' +
      's ont été fructueux.',
    counterexample: 'Une audience a été demandée lundi par le ministre M. Amadou Keïta à M. Oumar Sidibé.',
    reason: 'the audience granted by a host to the people named after him',
  },
  {
    ...MEET,
    id: 'meet:a-reçu',
    lang: 'fr',
    priority: 20,
    trigger:
      String.raw`(?:\b{AUX_IMPF}{ASIDE}\s+{MEET_ADV}(?:reçu|` +
      String.raw`accueilli)(?:\s+en\s+audience)?(?!{RECEIVED_THING_FR})|\breçoit\b|\baccueille\b)`,
    slots: { source: 'subject-before', target: 'guests-after' },
    unless: 'a thing is received ("a reçu l’agrément", "a reçu un financement")',
    example: 'Le ministre M. Amadou Keïta a reçu en audience M. Oumar Sidibé, directeur général de Orange Mali.',
    counterexample: 'M. Amadou Keïta a reçu un financement de la Banque mondiale.',
    reason: 'a reception: the subject receives the people named after the verb',
  },
  {
    ...MEET,
    id: 'meet:a-accordé-une-audience',
    lang: 'fr',
    priority: 21,
    trigger:
      String.raw`\b{AUX_IMPF}{ASIDE}\s+accordé\s+(?:une\s+)?(?:audience|entretien)(?:[^.;]{0,60}?)\s+(?:à|au|` +
      String.raw`aux)\b`,
    slots: { source: 'subject-before', target: 'guests-after' },
    example: 'M. Amadou Keïta a accordé une audience à M. Oumar Sidibé.',
    counterexample: 'M. Amadou Keïta a accordé une remise à M. Oumar Sidibé.',
    reason: 'the subject granted an audience to the people named after',
  },
  {
    ...MEET,
    id: 'meet:a-rencontré',
    lang: 'fr',
    priority: 22,
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+rencontré\b|\b(?:était|étaient)\s+face\s+(?:à|au|aux)\b|` +
      String.raw`\b{AUX}{ASIDE}\s+eu\s+des\s+(?:échanges|entretiens|discussions)\s+avec\b`,
    slots: { source: 'subject-before', target: 'guests-after' },
    example: 'M. Amadou Keïta a rencontré M. Oumar Sidibé à Bamako.',
    counterexample: 'M. Amadou Keïta rencontrera peut-être M. Oumar Sidibé.',
    reason: 'the subject met the people named after the verb',
  },
  {
    ...MEET,
    id: 'meet:s-est-entretenu',
    lang: 'fr',
    priority: 23,
    trigger:
      String.raw`s['’](?:est|sont)\s+{MEET_ADV}entretenue?s?(?:,[^.;]{0,120}?,)?\s+avec|\b{AUX}{ASIDE}\s+(?:eu|` +
      String.raw`tenu)\s+(?:un|une)\s+(?:entretien|séance\s+de\s+travail|rencontre|audience|tête-à-tête)\s+avec|` +
      String.raw`\b{AUX}{ASIDE}\s+{MEET_ADV}(?:échangé|discuté|conféré)(?:\s*,[^.;]{0,80}?,)?\s+avec`,
    slots: { source: 'subject-before', target: 'guests-after' },
    example: 'M. Amadou Keïta s’est entretenu avec M. Oumar Sidibé.',
    counterexample: 'M. Amadou Keïta s’est entretenu de la fibre optique devant M. Oumar Sidibé.',
    reason: 'the subject talked with the people named after "avec"',
  },
  {
    ...MEET,
    id: 'meet:en-met',
    lang: 'en',
    priority: 24,
    trigger:
      String.raw`\b(?:met\s+with|met|received(?!{RECEIVED_THING_EN})|hosted|held\s+(?:talks|discussions|` +
      String.raw`a\s+meeting)(?:\s+[^.;]{0,40}?)?\s+with|sat\s+down\s+with|` +
      String.raw`had\s+(?:a|an)\s+(?:\p{L}+\s+)?(?:working\s+` +
      String.raw`session|meeting|audience|discussion|exchange|interview|tête-à-tête)\s+with|granted\s+(?:an\s+)?` +
      String.raw`audience\s+to|paid\s+(?:a\s+)?courtesy\s+(?:call|visit)\s+(?:on|to))\b`,
    slots: { source: 'subject-before', target: 'guests-after' },
    unless: 'a thing is received ("received its licence")',
    example: 'Minister Amadou Keita met Orange Mali chief executive Mr Oumar Sidibe in Bamako.',
    counterexample: 'Minister Amadou Keita received a grant from the World Bank.',
    reason: 'English: the subject met, received or hosted the people named after the verb',
  },
  {
    ...MEET,
    id: 'meet:ont-été-reçus',
    lang: 'fr',
    priority: 30,
    trigger:
      String.raw`\b(?:ont|a|avaient|avait)\s+été\s+(?:reçue?s?|accueillie?s?)\b|\b(?:était|étaient|est|sont|fut|` +
      String.raw`furent)\s+(?:reçue?s?|accueillie?s?)(?=,?\s+(?:en\s+audience\s+)?(?:[^.;]{0,60}?\s)?par\s)`,
    slots: { source: 'guests-before', target: 'by-phrase' },
    example: 'M. Oumar Sidibé a été reçu par le ministre M. Amadou Keïta.',
    counterexample: 'M. Oumar Sidibé a été nommé par le ministre M. Amadou Keïta.',
    reason: 'a passive reception: the guests come first, the host after "par" (else the article’s host)',
  },
  {
    ...MEET,
    id: 'meet:en-were-received',
    lang: 'en',
    priority: 31,
    trigger: String.raw`\b(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:received|welcomed|hosted)\b`,
    slots: { source: 'guests-before', target: 'by-phrase' },
    example: 'Mr Oumar Sidibe was welcomed by Minister Amadou Keita on Monday.',
    counterexample: 'Mr Oumar Sidibe was appointed by Minister Amadou Keita on Monday.',
    reason: 'English passive reception: the guests first, the host after "by"',
  },
  {
    ...MEET,
    id: 'meet:se-sont-rencontrés',
    lang: 'any',
    confidence: 0.75,
    priority: 40,
    trigger:
      String.raw`\b(?:ont|avaient)\s+(?:longuement\s+|âprement\s+|d['’]abord\s+)?négocié\b|` +
      String.raw`\bse\s+sont\s+(?:longuement\s+|d['’]abord\s+)?(?:rencontrée?s|entretenue?s|` +
      String.raw`retrouvée?s)\b(?!\s+avec)|\b(?:negotiated|held\s+talks)\b(?!\s+with)|\bont\s+(?:longuement\s+|` +
      String.raw`également\s+|ensuite\s+)?(?:échangé|discuté)\b(?!\s+avec)|\b(?:discussed|talked)\b(?!\s+with)`,
    slots: { source: 'people-before-pair', target: 'people-before-pair' },
    example: 'M. Amadou Keïta et M. Oumar Sidibé se sont rencontrés à Bamako.',
    counterexample: 'M. Amadou Keïta et M. Oumar Sidibé se sont rencontrés avec des élèves.',
    reason: 'two people named as the subject who met or negotiated with each other',
  },
  {
    ...MEET,
    id: 'meet:reçu-par',
    lang: 'fr',
    priority: 50,
    trigger: String.raw`(?:^|[,;]\s*)(?:Reçue?s?|Accueillie?s?)\s+(?:en\s+audience\s+)?(?:[^,.;]{0,40}?\s)?par\s+`,
    slots: { source: 'first-person-after', target: 'people-after' },
    example: 'Reçu par le ministre M. Amadou Keïta, M. Oumar Sidibé a présenté son projet.',
    counterexample: 'Nommé par le ministre M. Amadou Keïta, M. Oumar Sidibé a présenté son projet.',
    reason: 'a participle opening the sentence: the host follows "par", the guest comes after him',
  },
  {
    ...MEET,
    id: 'meet:rencontre-entre',
    lang: 'any',
    priority: 60,
    trigger:
      String.raw`\b(?:rencontre|entretien|audience|séance\s+de\s+travail|tête-à-tête|réunion|talks|` +
      String.raw`meeting)\s+(?:[^,.;]{0,30}?\s)?(?:entre|between)\s+`,
    slots: { source: 'parties-after', target: 'parties-after' },
    example: 'La rencontre entre M. Amadou Keïta et M. Oumar Sidibé a duré deux heures.',
    counterexample: 'La différence entre M. Amadou Keïta et M. Oumar Sidibé est grande.',
    reason: 'a meeting between named people: each meets the others',
  },
  {
    ...MEET,
    id: 'meet:rencontre-a-réuni',
    lang: 'any',
    priority: 61,
    trigger:
      String.raw`\b(?:rencontre|entretien|audience|séance\s+de\s+travail|tête-à-tête|réunion|meeting|talks)\b` +
      String.raw`[^.;]{0,60}?\s(?:a|avait|ont)\s+(?:réuni|mis\s+face\s+à\s+face)[\s,]|\b(?:meeting|talks)\b` +
      String.raw`[^.;]{0,60}?\s(?:brought\s+together)\s+`,
    slots: { source: 'parties-after', target: 'parties-after' },
    example: 'Une séance de travail a réuni, jeudi, le ministre M. Amadou Keïta et M. Oumar Sidibé.',
    counterexample: 'La cérémonie a réuni, jeudi, le ministre M. Amadou Keïta et M. Oumar Sidibé.',
    reason:
      'a meeting whose subject is the meeting itself ("une séance de travail a réuni X et Y"): each meets the others',
  },
  {
    ...MEET,
    id: 'meet:lors-de-sa-rencontre-avec',
    lang: 'fr',
    priority: 70,
    trigger:
      String.raw`\b(?:lors\s+de|au\s+cours\s+de|à\s+l['’]issue\s+de|pendant)\s+(?:sa|son|leur)\s+(?:rencontre|` +
      String.raw`entretien|audience|échange|séance\s+de\s+travail)\s+avec\b`,
    slots: { source: 'subject-before', target: 'first-person-after' },
    example: 'M. Amadou Keïta a salué, lors de sa rencontre avec M. Oumar Sidibé, les progrès du réseau.',
    counterexample: 'M. Amadou Keïta a salué, lors de sa visite, M. Oumar Sidibé.',
    reason: '"lors de sa rencontre avec Y": the subject met Y',
  },
  {
    ...VISIT,
    id: 'visit:a-visité',
    lang: 'fr',
    priority: 80,
    trigger: String.raw`\b{AUX}{ASIDE}\s+visité\b`,
    example: 'Le ministre M. Amadou Keïta a visité Orange Mali jeudi.',
    counterexample: 'Le ministre M. Amadou Keïta a quitté Orange Mali jeudi.',
    reason: 'a visit: the visitor meets the organisation visited and the people named with it',
  },
  {
    ...VISIT,
    id: 'visit:s-est-rendu',
    lang: 'fr',
    priority: 81,
    trigger: String.raw`s['’](?:est|sont)\s+rendue?s?\s+(?:[^,.;]{0,40}?\s)?(?:à|au|aux|chez|dans)\b`,
    example: 'Le ministre M. Amadou Keïta s’est rendu chez Orange Mali jeudi.',
    counterexample: 'Le ministre M. Amadou Keïta s’est rendu compte du retard de Orange Mali.',
    reason: 'a visit: "s’est rendu chez/à" an organisation',
  },
  {
    ...VISIT,
    id: 'visit:a-rendu-visite',
    lang: 'fr',
    priority: 82,
    trigger: String.raw`\b{AUX}{ASIDE}\s+rendu\s+(?:une\s+)?visite(?:\s+de\s+\p{L}+)?\s+(?:à|au|aux)\b`,
    example: 'Le ministre M. Amadou Keïta a rendu visite à Orange Mali jeudi.',
    counterexample: 'Le ministre M. Amadou Keïta a rendu hommage à Orange Mali jeudi.',
    reason: 'a visit: "a rendu visite à" an organisation',
  },
  {
    ...VISIT,
    id: 'visit:en-visited',
    lang: 'en',
    priority: 83,
    trigger: String.raw`\b(?:visited|paid\s+a\s+visit\s+to|toured)\b`,
    example: 'Minister Amadou Keita visited Orange Mali on Thursday.',
    counterexample: 'Minister Amadou Keita praised Orange Mali on Thursday.',
    reason: 'English: a visit to an organisation',
  },
  {
    ...MEET,
    id: 'meet:accompagné-de',
    lang: 'fr',
    confidence: 0.7,
    priority: 90,
    trigger: String.raw`\baccompagnée?s?\s+(?:de|du|des|d['’]|par)\s`,
    slots: { source: 'companions-after', target: 'other-party' },
    example:
      'Le ministre M. Amadou Keïta a reçu M. Oumar Sidibé. M. Oumar Sidibé était accompagné de M. Moussa Konaté.',
    counterexample: 'M. Oumar Sidibé était accompagné de M. Moussa Konaté.',
    reason: 'a companion of one party of the last meeting meets the other party',
  },
  // ---- commitments ---------------------------------------------------------------------------
  {
    ...COMMIT,
    id: 'commit:citation',
    lang: 'any',
    priority: 100,
    trigger: String.raw`«([^«»]{8,400})»\s*,?\s*(?:a|ont)(?:-t-(?:il|elle|ils|elles))?\s+{ADV}({SAY})`,
    slots: { source: 'speaker', target: 'quote' },
    unless: 'a wish without a figure or a date ("nous allons y répondre")',
    example:
      '« Nous allons investir 20 milliards de FCFA dans la fibre avant 2026 », a déclaré M. Oumar Sidib' +
      'é, directeur général de Orange Mali.',
    counterexample: '« Nous allons y réfléchir », a déclaré M. Oumar Sidibé, directeur général de Orange Mali.',
    reason: 'a quoted undertaking in the first person and the future, with a figure or a date: the speaker commits',
  },
  {
    ...COMMIT,
    id: 'commit:s-est-engagé-à',
    lang: 'fr',
    priority: 110,
    status: 'announced',
    trigger:
      String.raw`(?:s['’](?:est|étaient|était)|se\s+sont|se\s+seraient)\s+{ADV}(?:\p{L}+\s+)?engagée?s?\s+(?:à|` +
      String.raw`a)\s+|s['’](?:y\s+)?engage(?:nt|ait|aient)?\s+{ADV}(?:à|a)\s+|` +
      String.raw`\b{AUX}{ASIDE}\s+{ADV}pris\s+l['’]engagement\s+(?:de|d['’])\s*`,
    example: 'Orange Mali s’est engagé à connecter cent écoles.',
    counterexample: 'Orange Mali a engagé des travaux dans cent écoles.',
    reason: 'an explicit undertaking: "s’est engagé à", "a pris l’engagement de"',
  },
  {
    ...COMMIT,
    id: 'commit:a-réaffirmé-son-engagement',
    lang: 'fr',
    priority: 111,
    status: 'announced',
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+(?:pour\s+sa\s+part\s+|pour\s+leur\s+part\s+|également\s+|aussi\s+|` +
      String.raw`à\s+son\s+tour\s+|de\s+son\s+côté\s+|ensuite\s+|enfin\s+)?(?:réaffirmé|réitéré|renouvelé|exprimé` +
      String.raw`|affirmé|manifesté|confirmé|témoigné|traduit)\s+(?:son|sa|leur|leurs|la|l['’])\s*(?:engagement|` +
      String.raw`volonté|disponibilité|détermination|soutien|ambition)(?:\s+(?:du|de\s+la|de\s+l['’]|` +
      String.raw`des)\s*[^,.;]{1,60}?(?=\s+(?:à|de|d['’]|pour)\s))?\s*(?:à|de|d['’]|pour|en\s+faveur\s+de)?\s*`,
    example: 'Huawei a réaffirmé son engagement à former des ingénieurs maliens.',
    counterexample: 'Huawei a réaffirmé sa position sur le marché.',
    reason: 'a commitment restated: "a réaffirmé son engagement à", "a exprimé sa volonté de"',
  },
  {
    ...COMMIT,
    id: 'commit:a-annoncé-son-intention',
    lang: 'fr',
    priority: 112,
    status: 'announced',
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+(?:annoncé|exprimé|affiché|fait\s+part\s+de)\s+(?:son|sa|leur)\s+(?:intention|` +
      String.raw`volonté|projet|ambition)\s+(?:de|d['’]|à)\s*`,
    example: 'Moov Africa Malitel a annoncé son intention d’étendre la 4G à Kidal.',
    counterexample: 'Moov Africa Malitel a annoncé son bilan annuel.',
    reason: 'an intention announced: "a annoncé son intention de"',
  },
  {
    ...COMMIT,
    id: 'commit:a-assuré-de-son-engagement',
    lang: 'fr',
    priority: 113,
    status: 'announced',
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+(?:\p{L}+\s+)?assuré\s+[^,.;]{0,60}?\s*(?:de|d['’])\s*(?:son|sa|leur|la|` +
      String.raw`l['’])\s*(?:totale\s+|entière\s+|pleine\s+)?(?:engagement|disponibilité|soutien|volonté|` +
      String.raw`accompagnement|détermination)(?!\s+(?:de\s+l['’]État|de\s+l['’]Etat|du\s+gouvernement|` +
      String.raw`des\s+autorités|de\s+son\s+département|du\s+département|du\s+ministère))\s*`,
    unless: 'the support assured is the State’s or the ministry’s, not the speaker’s',
    example: 'Huawei a assuré les autorités de son soutien pour la formation des jeunes.',
    counterexample: 'M. Oumar Sidibé a assuré les opérateurs du soutien du gouvernement.',
    reason: 'an assurance of the speaker’s own support or engagement',
  },
  {
    ...COMMIT,
    id: 'commit:a-promis',
    lang: 'fr',
    priority: 114,
    status: 'announced',
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+{ADV}promis\s+(?:de|d['’]|que|qu['’])\s*|\bpromet(?:tent)?\s+(?:de|d['’]|que|` +
      String.raw`qu['’])\s*`,
    example: 'Orange Mali a promis de baisser ses tarifs.',
    counterexample: 'Orange Mali a baissé ses tarifs.',
    reason: 'a promise: "a promis de / que"',
  },
  {
    ...COMMIT,
    id: 'commit:a-promis-objet',
    lang: 'fr',
    priority: 115,
    status: 'announced',
    trigger: String.raw`\b{AUX}{ASIDE}\s+{ADV}promis\s+(?=(?:la|le|les|un|une|des)\s+\p{L}|l['’]\p{L})`,
    example: 'Orange Mali a promis la livraison de cinquante tablettes.',
    counterexample: 'Orange Mali a livré cinquante tablettes.',
    reason: 'a promise of a thing: "a promis la livraison de …"',
  },
  {
    ...COMMIT,
    id: 'commit:a-accordé-un-financement',
    lang: 'fr',
    priority: 116,
    status: 'signed',
    keepMatch: true,
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+(?:accordé|octroyé|consenti|mobilisé|débloqué)\s+(?:[^,.;]{0,30}?\s)?(?:un|une|` +
      String.raw`des)\s+(?:financement|prêt|subvention|garantie|don|enveloppe)s?\b`,
    example: 'La Banque mondiale a accordé un financement de 50 millions de dollars au Mali.',
    counterexample: 'La Banque mondiale a demandé un financement de 50 millions de dollars.',
    reason: 'money granted: a financing, a loan or a grant given is a commitment signed',
  },
  {
    ...COMMIT,
    id: 'commit:a-garanti',
    lang: 'fr',
    priority: 117,
    status: 'signed',
    keepMatch: true,
    trigger: String.raw`\b{AUX}{ASIDE}\s+garanti\b`,
    example: 'Le Fonds africain de garantie et de coopération économique a garanti le prêt de la banque.',
    counterexample: 'Le Fonds africain de garantie et de coopération économique a refusé le prêt de la banque.',
    reason: 'a guarantee given: "a garanti le prêt"',
  },
  {
    ...COMMIT,
    id: 'commit:est-prêt-à',
    lang: 'fr',
    priority: 118,
    status: 'announced',
    trigger:
      String.raw`\b(?:est|sont|s['’](?:est|sont)\s+dite?s?|se\s+sont\s+dite?s?|se\s+dit|` +
      String.raw`se\s+disent)\s+(?:«\s*)?(?:prêt|prête|prêts|prêtes|disposée?s?|déterminée?s?|résolue?s?)\s+(?:à|` +
      String.raw`a)\s+`,
    example: 'Huawei est prêt à financer la formation de cent techniciens.',
    counterexample: 'Huawei est présent à Bamako depuis 2005.',
    reason: 'readiness declared: "est prêt à", "s’est dit disposé à"',
  },
  {
    ...COMMIT,
    id: 'commit:a-signé',
    lang: 'fr',
    priority: 119,
    status: 'signed',
    keepMatch: true,
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+signé\s+(?:\p{L}+\s+){0,2}?(?:conventions?|accords?|protocoles?|mémorandums?|` +
      String.raw`partenariats?|contrats?)\b`,
    example: 'Orange Mali a signé une convention de partenariat pour la connexion des écoles.',
    counterexample: 'Orange Mali a signé le registre des visiteurs.',
    reason: 'an agreement signed is a commitment signed by every signatory',
  },
  {
    ...COMMIT,
    id: 'commit:a-annoncé-un-investissement',
    lang: 'fr',
    priority: 120,
    status: 'announced',
    keepMatch: true,
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+{ADV}(?:annoncé|dévoilé|lancé|approuvé)\s+(?:le\s+principe\s+d['’])?(?:un|une|` +
      String.raw`des)\s+(?:\p{L}+\s+){0,2}?(?:investissements?|financements?|enveloppes?|subventions?|dons?|` +
      String.raw`prêts?|lignes?\s+de\s+crédit|plans?\s+d['’]investissement|programmes?\s+de\s+\p{L}+)\b`,
    example: 'La Banque africaine de développement a approuvé un prêt de 30 millions de dollars pour le numérique.',
    counterexample: 'La Banque africaine de développement a approuvé le rapport annuel.',
    reason: 'an investment, a loan or a programme announced',
  },
  {
    ...COMMIT,
    id: 'commit:a-annoncé-l-ouverture',
    lang: 'fr',
    priority: 121,
    status: 'announced',
    keepMatch: true,
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+{ADV}(?:annoncé|confirmé|promis)\s+(?:la\s+|le\s+|l['’])(?:ouverture|création|` +
      String.raw`construction|lancement|déploiement|mise\s+en\s+place|mise\s+en\s+ligne|mise\s+en\s+service|` +
      String.raw`livraison|installation|extension|recrutement|publication)\s+(?:[^.;]{0,60}?\s)?(?:de|d['’]|du|` +
      String.raw`des)`,
    example: 'Huawei a annoncé l’ouverture à Bamako d’un centre de formation.',
    counterexample: 'Huawei a annoncé la fermeture de son bureau.',
    reason: 'an opening, a construction or a launch announced',
  },
  {
    ...COMMIT,
    id: 'commit:a-annoncé-que',
    lang: 'fr',
    priority: 122,
    status: 'announced',
    subjectAfter: true,
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+{ADV}(?:annoncé|assuré|indiqué|affirmé|précisé|garanti)\s+(?:que|` +
      String.raw`qu['’])\s*(?=[^.;]{0,100}?{FUTURE_VERB})`,
    example: 'M. Oumar Sidibé a annoncé que Orange Mali offrira des tablettes aux écoles.',
    counterexample: 'M. Oumar Sidibé a annoncé que Orange Mali a offert des tablettes aux écoles.',
    reason: 'reported speech in the future: what is said will be done (by the entity named after "que")',
  },
  {
    ...COMMIT,
    id: 'commit:futur',
    lang: 'fr',
    confidence: 0.6,
    priority: 123,
    status: 'announced',
    tight: true,
    trigger: String.raw`\b(?={COMMIT_FUTURE}\b)`,
    unless: 'the subject is not written right before the verb',
    example: 'Orange Mali financera la construction de dix pylônes.',
    counterexample: 'La construction de dix pylônes sera financée par des fonds propres.',
    reason: 'an undertaking in the future tense, subject right before the verb (verbs.json "commit-future")',
  },
  {
    ...COMMIT,
    id: 'commit:va',
    lang: 'fr',
    confidence: 0.6,
    priority: 124,
    status: 'announced',
    tight: true,
    trigger:
      String.raw`\b(?:va|vont|compte|comptent|entend|entendent|veut|veulent)\s+(?:«\s*)?{ADV}(?=\p{Ll}+(?:er|ir|` +
      String.raw`re)\b)|\b(?:prévoit|prévoient|ambitionne|ambitionnent|projette|` +
      String.raw`projettent)\s+{ADV}(?:de\s+|d['’])(?=\p{Ll}+(?:er|ir|re)\b)`,
    unless: 'the subject is not written right before the verb; a plan only considered ("envisage de" is a hedge)',
    example: 'Orange Mali va déployer la fibre optique à Sikasso.',
    counterexample: 'Orange Mali a déployé la fibre optique à Sikasso.',
    reason: 'an intent: "va", "compte", "entend", "prévoit de" + infinitive, subject right before',
  },
  {
    ...COMMIT,
    id: 'commit:en-pledged',
    lang: 'en',
    priority: 130,
    status: 'announced',
    trigger:
      String.raw`\b(?:pledged|committed|promised|undertook|vowed|agreed)\s+(?:to|that)\s+|\b(?:has|` +
      String.raw`have)\s+(?:pledged|committed|promised|agreed)\s+to\s+`,
    example: 'Orange Mali pledged to connect one hundred schools.',
    counterexample: 'Orange Mali connected one hundred schools.',
    reason: 'English: an explicit undertaking ("pledged to", "has committed to")',
  },
  {
    ...COMMIT,
    id: 'commit:en-announced-investment',
    lang: 'en',
    priority: 131,
    status: 'announced',
    keepMatch: true,
    trigger:
      String.raw`\b(?:announced|unveiled|approved|granted|extended|provided)\s+(?:a|` +
      String.raw`an)\s+(?:[\p{L}$€,.\d-]+\s+){0,4}?(?:investment|financing|loan|grant|guarantee|credit\s+line|` +
      String.raw`facility)\b`,
    example: 'The World Bank approved a $50 million loan for digital services.',
    counterexample: 'The World Bank approved a new director.',
    reason: 'English: an investment, loan or grant announced or approved',
  },
  {
    ...COMMIT,
    id: 'commit:en-signed',
    lang: 'en',
    priority: 132,
    status: 'signed',
    keepMatch: true,
    trigger: String.raw`\bsigned\s+(?:a|an)\s+(?:\p{L}+\s+){0,2}?(?:agreement|memorandum|convention|contract|deal)\b`,
    example: 'Orange Mali signed an agreement to connect rural schools.',
    counterexample: 'Orange Mali signed the visitors’ book.',
    reason: 'English: an agreement signed is a commitment signed',
  },
  {
    ...COMMIT,
    id: 'commit:en-will',
    lang: 'en',
    confidence: 0.6,
    priority: 133,
    status: 'announced',
    tight: true,
    trigger:
      String.raw`\b(?:will|wants\s+to|want\s+to|is\s+ready\s+to|intends\s+to|plans\s+to)\s+(?:therefore\s+|` +
      String.raw`also\s+)?(?={INTENT_EN})`,
    unless: 'a forecast ("will allow"), or a subject not written right before',
    example: 'Orange Mali will deploy fibre in Sikasso.',
    counterexample: 'Orange Mali will celebrate its anniversary in Sikasso.',
    reason: 'English: "will" or "plans to" + a verb of undertaking, subject right before',
  },
  {
    ...COMMIT,
    id: 'commit:en-said-would',
    lang: 'en',
    priority: 134,
    status: 'announced',
    subjectAfter: true,
    trigger:
      String.raw`\b(?:said|added|announced|confirmed|stated|indicated|explained|noted)\s+(?!(?:he|she|they|we|I|` +
      String.raw`it)\s+(?:hoped|hopes|expected|expects|believed|believes|thought|thinks|feared|fears|` +
      String.raw`wished)\b)(?:that\s+)?(?=[^.;]{0,80}?\b(?:would|will)\s+(?:also\s+|then\s+)?(?:{INTENT_EN})\b)`,
    unless: 'a hope or an expectation ("said she hoped … would")',
    example: 'Mr Oumar Sidibe said Orange Mali would open a training centre in Bamako.',
    counterexample: 'Mr Oumar Sidibe said he hoped Orange Mali would open a training centre in Bamako.',
    reason: 'English reported speech: what someone said would be done',
  },
  // ---- agreements ----------------------------------------------------------------------------
  {
    ...SIGN,
    id: 'sign:a-signé-avec',
    lang: 'fr',
    priority: 200,
    trigger: String.raw`\b{AUX}{ASIDE}\s+signé\b[^.;]*?\bavec\s+(?:respectivement\s+)?`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'subject-before', target: 'list-after' },
    example: 'Orange Mali a signé un accord avec Huawei.',
    counterexample: 'Orange Mali a discuté un accord avec Huawei.',
    reason: 'the subject signed with the parties named after "avec"',
  },
  {
    ...SIGN,
    id: 'sign:en-signed-with',
    lang: 'en',
    priority: 201,
    trigger:
      String.raw`\bsigned\b[^.;]*?\bwith\s+|\b(?:inked|concluded|sealed|entered\s+into)\s+(?:\p{L}+\s+){0,4}?` +
      String.raw`(?:{AGREEMENT}|partnerships?)\b[^.;]*?\bwith\s+`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'subject-before', target: 'list-after' },
    example: 'Orange Mali signed a deal with Huawei on Monday.',
    counterexample: 'Orange Mali discussed a deal with Huawei on Monday.',
    reason: 'English: the subject signed with the parties named after "with"',
  },
  {
    ...SIGN,
    id: 'sign:signé-entre',
    lang: 'fr',
    priority: 210,
    trigger:
      String.raw`\b(?:signée?s?|paraphée?s?|conclue?s?|scellée?s?)\s+(?:[^.;]{0,60}?\s)?entre\s+|\b{AUX}\s+été\s+` +
      String.raw`(?:signée?s?|paraphée?s?)\s+(?:[^.;]{0,40}?\s)?par\s+|\bsignature\s+(?:de\s+la|d['’]une?|du|` +
      String.raw`des)\s+(?:\p{L}+\s+){0,4}?(?:convention|accord|protocole|mémorandum|` +
      String.raw`contrat)s?(?:\s+[^.;]{0,60}?)?\s+entre\s+`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'parties-between', target: 'parties-between' },
    example: 'Une convention a été signée mardi entre Orange Mali et Huawei.',
    counterexample: 'Une convention sera négociée entre Orange Mali et Huawei.',
    reason: 'an agreement signed between (or by) the parties named after the verb',
  },
  {
    ...SIGN,
    id: 'sign:ont-signé',
    lang: 'fr',
    priority: 220,
    trigger: String.raw`\b[Oo]nt\s+signé\b|\b[Oo]nt\s+paraphé\b|\b[Oo]nt\s+procédé\s+à\s+la\s+signature\b`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'parties-before', target: 'parties-before' },
    example: 'Orange Mali et Huawei ont signé un accord de partenariat.',
    counterexample: 'Orange Mali et Huawei ont discuté un accord de partenariat.',
    reason: 'the parties named before "ont signé" signed together',
  },
  {
    ...SIGN,
    id: 'sign:en-signed-by',
    lang: 'en',
    priority: 211,
    trigger: String.raw`\b(?:was|were)\s+signed\s+(?:[^.;]{0,40}?\s)?by\s+`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'parties-between', target: 'parties-between' },
    example: 'The agreement was signed on Monday by Orange Mali and Huawei.',
    counterexample: 'The agreement was drafted on Monday by Orange Mali and Huawei.',
    reason: 'English: an agreement signed by the parties named after "by"',
  },
  {
    ...SIGN,
    id: 'sign:en-signed',
    lang: 'en',
    priority: 221,
    trigger: String.raw`\bsigned\b`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'parties-before', target: 'parties-before' },
    example: 'Orange Mali and Huawei signed the agreement on Monday.',
    counterexample: 'Orange Mali and Huawei discussed the agreement on Monday.',
    reason: 'English: the parties named before "signed" signed together',
  },
  {
    ...SIGN,
    id: 'sign:signer-un-accord-avec',
    lang: 'fr',
    priority: 202,
    trigger:
      String.raw`(?<!(?:pas|jamais|pourrait|pourraient|devrait|devraient|envisage|envisagent|souhaite|souhaitent|` +
      String.raw`vue)\s+(?:encore\s+|de\s+|d['’]\s*)?)(?<![\p{L}]){SIGN_VERB}\s+(?:[^.;]{0,60}?\s)?(?:[ldLD]['’])?` +
      String.raw`(?:{AGREEMENT}|partenariats?)\b[^.;]*?\bavec\s+(?:respectivement\s+)?`,
    unless:
      'a negation or a hedge before the verb ("n’a pas signé", "pourrait signer", "envisage de signer"); a person ' +
      'whose organisation the article does not give',
    slots: { source: 'subject-before', target: 'list-after' },
    example: 'Orange Mali a réussi à signer une convention avec Huawei.',
    counterexample: 'Orange Mali a réussi à négocier une convention avec Huawei.',
    reason: 'any tense of a signing verb and an agreement noun: the subject signed with the parties after "avec"',
  },
  {
    ...SIGN,
    id: 'sign:accord-entre',
    lang: 'any',
    priority: 212,
    trigger: String.raw`\b{AGREEMENT}\b[^.;]{0,80}?\s(?:entre|between)\s+`,
    unless: 'a party of one side only (a partner named with a party is not its counterpart)',
    slots: { source: 'parties-between', target: 'parties-between' },
    example: 'Le contrat de location de capacité entre Orange Mali et Huawei court sur trois ans.',
    counterexample: 'La concurrence de capacité entre Orange Mali et Huawei court sur trois ans.',
    reason: 'an agreement between two sides: every party of the first side with every party of the second',
  },
  {
    ...SIGN,
    id: 'sign:signent',
    lang: 'fr',
    priority: 222,
    trigger:
      String.raw`\b(?:signent|scellent|paraphent|concluent|{AUX}\s+(?:conclu|scellé))\s+(?:\p{L}+\s+){0,3}?` +
      String.raw`(?:{AGREEMENT}|partenariats?)\b`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'parties-before', target: 'parties-before' },
    example: 'Orange Mali et Huawei scellent une convention-cadre.',
    counterexample: 'Orange Mali et Huawei discutent une convention-cadre.',
    reason: 'the parties named before a signing verb in the present tense signed together',
  },
  {
    ...SIGN,
    id: 'sign:en-sign',
    lang: 'en',
    priority: 223,
    trigger:
      String.raw`\b(?:sign|ink|inked|seal|sealed|conclude|concluded|entered\s+into|enter\s+into)\s+` +
      String.raw`(?:\p{L}+\s+){0,3}?` +
      String.raw`(?:{AGREEMENT}|partnerships?)\b`,
    unless: 'a person whose organisation the article does not give (an agreement binds organisations)',
    slots: { source: 'parties-before', target: 'parties-before' },
    example: 'Orange Mali and Huawei sign a partnership agreement.',
    counterexample: 'Orange Mali and Huawei discuss a partnership agreement.',
    reason: 'English: the parties named before "sign"/"ink" in the present tense signed together',
  },
  // ---- sanctions -----------------------------------------------------------------------------
  {
    ...SANCTION,
    id: 'sanction:a-infligé-à',
    lang: 'fr',
    priority: 300,
    trigger: String.raw`\b{AUX_PQP}\s+infligé\s+(?:à|au|aux)\s+`,
    slots: { source: 'subject-before', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a infligé à Oran' +
      'ge Mali une amende.',
    counterexample:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a évité à Orange' +
      ' Mali une amende.',
    reason: 'a penalty inflicted on the organisations named right after',
  },
  {
    ...SANCTION,
    id: 'sanction:a-infligé',
    lang: 'fr',
    priority: 301,
    trigger:
      String.raw`\b{AUX_PQP}{ASIDE}\s+(?:infligé|imposé|appliqué)\s+(?:[^.;]{0,30}?\s)?(?:une\s+|des\s+)?` +
      String.raw`(?:amendes?|sanctions?|` +
      String.raw`pénalités?)\b[^.;]*?\b(?:à|au|aux)\s+`,
    slots: { source: 'subject-before', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a infligé une am' +
      'ende de 2 milliards à Orange Mali.',
    counterexample:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a annoncé une am' +
      'ende à Orange Mali.',
    reason: 'a fine or a sanction inflicted on the organisations named after "à"',
  },
  {
    ...SANCTION,
    id: 'sanction:a-retiré-la-licence',
    lang: 'fr',
    priority: 302,
    trigger:
      String.raw`\b{AUX_PQP}\s+(?:déjà\s+)?retiré\s+(?:la|sa|leur|les)\s+(?:licences?|agréments?|` +
      String.raw`autorisations?)(?:\s+d['’]\p{L}+)?\s+(?:de|d['’]|à|au|aux)\s*`,
    slots: { source: 'subject-before', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a retiré la lice' +
      'nce de Telecel Mali.',
    counterexample:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a renouvelé la l' +
      'icence de Telecel Mali.',
    reason: 'a licence withdrawn from an operator',
  },
  {
    ...SANCTION,
    id: 'sanction:a-sanctionné',
    lang: 'fr',
    priority: 303,
    trigger:
      String.raw`\b{AUX_PQP}\s+(?:déjà\s+|également\s+|aussi\s+)?(?:sanctionné|suspendu|mis\s+en\s+demeure|` +
      String.raw`interdit|épinglé|averti|condamné|retiré\s+la\s+licence\s+(?:de|d['’]|à))[\s,]+`,
    slots: { source: 'subject-before', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a sanctionné Orange Mali.',
    counterexample:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a félicité Orange Mali.',
    reason: 'an authority sanctioned, suspended or gave formal notice to an operator',
  },
  {
    ...SANCTION,
    id: 'sanction:a-adressé-une-mise-en-demeure',
    lang: 'fr',
    priority: 304,
    trigger:
      String.raw`\b{AUX}{ASIDE}\s+(?:adressé|notifié|servi|envoyé)[\s,]+[^.;]{0,60}?(?:une\s+|` +
      String.raw`des\s+)?(?:mises?\s+en\s+demeure|avertissements?|injonctions?|sanctions?)\b[^.;]*?\b(?:à|au|` +
      String.raw`aux)\s+`,
    slots: { source: 'subject-before', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a adressé une mi' +
      'se en demeure à Orange Mali.',
    counterexample:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a adressé une in' +
      'vitation à Orange Mali.',
    reason: 'a formal notice or a warning sent to an operator',
  },
  {
    ...SANCTION,
    id: 'sanction:en-fined',
    lang: 'en',
    priority: 305,
    // (the boundary before the verb is written out: unicodeBoundaries() reads a "\b" after a look-behind as the end of
    // a word, so the
    // rule never fired)
    trigger:
      String.raw`(?<!\b(?:was|were|been|being|be)\s+)(?<![\p{L}\p{N}_])(?:fined|sanctioned|suspended|banned|` +
      String.raw`penali[sz]ed|warned)\s+`,
    slots: { source: 'subject-before', target: 'list-after' },
    unless: 'a passive ("was fined by" is sanction:a-été-sanctionné-par)',
    example: 'The AMRTP fined Orange Mali on Tuesday.',
    counterexample: 'The AMRTP praised Orange Mali on Tuesday.',
    reason: 'English active voice: an authority fined or warned an operator',
  },
  {
    ...SANCTION,
    id: 'sanction:en-imposed-a-fine',
    lang: 'en',
    priority: 306,
    trigger:
      String.raw`\b(?:imposed|levied|slapped|issued)\s+(?:[^.;]{0,40}?\s)?(?:fines?|penalt(?:y|ies)|sanctions?|` +
      String.raw`formal\s+notices?|warnings?)\b[^.;]{0,80}?\s(?:on|upon|against|to)\s+`,
    slots: { source: 'subject-before', target: 'list-after' },
    example: 'The AMRTP imposed a fine of 2 billion CFA francs on Orange Mali.',
    counterexample: 'The AMRTP imposed a new numbering plan on Orange Mali.',
    reason: 'English: an authority imposed a fine, a penalty or a formal notice on an organisation',
  },
  {
    ...SANCTION,
    id: 'sanction:a-été-sanctionné-par',
    lang: 'any',
    priority: 310,
    trigger:
      String.raw`\b{AUX_COND}{ASIDE}\s+été\s+{SANCTIONED}\s+(?:[^.;,]{0,30}?\s)?par\s+|\b(?:was|were|has\s+been|` +
      String.raw`had\s+been)\s+(?:fined|sanctioned|suspended|warned|banned|` +
      String.raw`penali[sz]ed)\s+(?:[^.;,]{0,40}?\s)?by\s+`,
    slots: { source: 'by-phrase', target: 'org-before' },
    example:
      'Orange Mali a été sanctionnée par l’Autorité malienne de régulation des télécommunications, des ' +
      'TIC et des postes.',
    counterexample:
      'Orange Mali a été félicitée par l’Autorité malienne de régulation des télécommunications, des TI' +
      'C et des postes.',
    reason: 'a passive sanction: the operator first, the authority after "par"/"by" (verbs.json "sanctioned")',
  },
  {
    ...SANCTION,
    id: 'sanction:amende-infligée-à-par',
    lang: 'any',
    priority: 311,
    trigger:
      String.raw`\b{SANCTION_NOUN}\b[^.;]{0,80}?\s(?:a|ont|avait|avaient)\s+été\s+(?:infligée?s?|imposée?s?|` +
      String.raw`prononcée?s?|adressée?s?|notifiée?s?)\s+(?:à|au|aux|contre|` +
      String.raw`à\s+l['’]encontre\s+(?:des?|du|d['’]))\s*|` +
      String.raw`\b{SANCTION_NOUN}\b[^.;]{0,80}?\s(?:was|were|has\s+been|had\s+been)\s+(?:imposed|levied|issued)\s+` +
      String.raw`(?:on|upon|against|to)\s+`,
    slots: { source: 'by-after-object', target: 'object-after' },
    example: 'Une amende de 2 milliards a été infligée à Orange Mali par l’AMRTP.',
    counterexample: 'Une amende de 2 milliards a été évitée à Orange Mali par l’AMRTP.',
    reason: 'a passive sanction noun: the organisation after "à"/"on", the authority after "par"/"by"',
  },
  {
    ...SANCTION,
    id: 'sanction:a-reçu-un-avertissement',
    lang: 'any',
    priority: 320,
    trigger:
      String.raw`\b{AUX_PQP}\s+(?:également\s+|aussi\s+|déjà\s+)?(?:reçu|écopé\s+d['’]|écopé\s+de)\s*(?:une?\s+|` +
      String.raw`des\s+)?(?:avertissements?|mises?\s+en\s+demeure|amendes?|sanctions?|blâmes?)\b|\b(?:received|` +
      String.raw`was\s+given)\s+(?:a\s+)?(?:formal\s+)?(?:warning|fine|notice)\b`,
    slots: { source: 'authority-before', target: 'subject-before' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a contrôlé les r' +
      'éseaux. Orange Mali a reçu un avertissement.',
    counterexample:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a contrôlé les r' +
      'éseaux. Orange Mali a reçu un prix.',
    reason: 'an operator received a warning or a fine: from the authority named last',
  },
  {
    ...SANCTION,
    id: 'sanction:autorité-suspend',
    lang: 'any',
    priority: 330,
    trigger: String.raw`\b{SANCTION_VERB}\b\s*`,
    unless: 'a subject that is no authority (a regulator, a ministry, a court)',
    slots: { source: 'authority-subject', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes suspend les offres ' +
      'd’Orange Mali.',
    counterexample: 'Huawei suspend les livraisons à Orange Mali.',
    reason: 'an authority suspends, withdraws or sanctions (any tense): the organisation its object names',
  },
  {
    ...SANCTION,
    id: 'sanction:sanction-contre',
    lang: 'any',
    priority: 331,
    trigger:
      String.raw`\b{SANCTION_NOUN}\b[^.;]{0,60}?\s(?:à\s+l['’]encontre\s+(?:des?|du|d['’])|contre|(?:infligée?s?|` +
      String.raw`imposée?s?)\s+(?:à|au|aux)|against|imposed\s+on)\s*`,
    unless: 'a subject that is no authority (a regulator, a ministry, a court)',
    slots: { source: 'authority-subject', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a prononcé une sanction ' +
      'à l’encontre d’Orange Mali.',
    counterexample:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a prononcé un discours ' +
      'à l’endroit d’Orange Mali.',
    reason: 'a sanction, a fine or a formal notice an authority takes against an organisation',
  },
  {
    ...SANCTION,
    id: 'sanction:retrait-de',
    lang: 'fr',
    priority: 332,
    trigger:
      String.raw`\b(?:suspension|retrait|interdiction|fermeture|arrêt\s+(?:\p{L}+\s+)?de\s+la\s+diffusion)\s+` +
      String.raw`(?:de|du|des|d['’])\s*`,
    unless: 'a subject that is no authority (a regulator, a ministry, a court)',
    slots: { source: 'authority-subject', target: 'list-after' },
    example:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes a décidé du retrait de la ' +
      'licence d’Orange Mali.',
    counterexample: 'Huawei a décidé du retrait de la licence d’Orange Mali.',
    reason: 'an authority decides the suspension, the withdrawal or the ban of what an organisation holds',
  },
  // ---- topics discussed ----------------------------------------------------------------------
  {
    id: 'discuss:échanges-ont-porté-sur',
    lang: 'any',
    relation: 'discussed',
    confidence: 0.6,
    priority: 400,
    trigger:
      String.raw`\b(?:discussions?|échanges?|entretiens?|rencontre|audience|` +
      String.raw`travaux)\s+(?:avec\s+[^,.;]{1,60}\s+)?(?:ont|a|se\s+sont|s['’]est)\s+(?:principalement\s+|` +
      String.raw`notamment\s+|essentiellement\s+)?(?:porté|concerné|inscrites?|inscrit|axée?s?|` +
      String.raw`été\s+l['’]occasion)|\b(?:ont|a)\s+été\s+(?:évoquée?s?|abordée?s?|identifiée?s?|discutée?s?)|` +
      String.raw`\bmis\s+l['’]accent\s+sur|\btalks\s+(?:focused|centred|centered)\s+on`,
    slots: { source: 'meeting-participants', target: 'topics-in-sentence' },
    example: 'M. Amadou Keïta a reçu M. Oumar Sidibé. Les échanges ont porté sur la fibre optique.',
    counterexample: 'M. Amadou Keïta a parlé. Les échanges ont porté sur la fibre optique.',
    reason: 'what a meeting told of in the article was about: the topics of the sentence',
  },
  // ---- roles (run around each person, in this order; see roles.ts) ---------------------------
  {
    ...ROLE,
    id: 'role:respectivement',
    priority: 500,
    flags: 'iu',
    trigger: String.raw`({ROLE})[^.;]*?,?\s*respectivement\s+[^;.]*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example:
      'Les directeurs généraux de Orange Mali et de Huawei, respectivement Oumar Sidibé et Fatoumata Ko' +
      'né, ont signé l’accord.',
    counterexample:
      'Les directeurs généraux de Orange Mali et de Huawei, Oumar Sidibé et Fatoumata Koné, ont signé l’accord.',
    reason: '"the roles of A and B, respectively X and Y": X holds the role at A, Y at B',
  },
  {
    ...ROLE,
    id: 'role:liste-parallèle',
    priority: 505,
    flags: 'iu',
    trigger:
      String.raw`(?<![\p{L}])(?:les|leurs|des|aux|the)\s+(?:\p{L}+\s+)?({ROLE})s?` +
      String.raw`\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of\s+the|of)\s*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example:
      'Les directeurs généraux de Kora Mobile et de Baara Networks, MM. Oumar Sidibé et Bakary Koné, ont ' +
      'signé l’accord.',
    counterexample:
      'Les directeurs généraux de Kora Mobile et de Baara Networks ont reçu MM. Oumar Sidibé et Bakary Koné.',
    reason:
      '"the titles of A and of B, X and Y" (no "respectivement"): as many names as organisations, paired in ' + 'order',
  },
  {
    ...ROLE,
    id: 'role:noms-puis-titres',
    priority: 506,
    flags: 'iu',
    trigger:
      String.raw`^\s*,\s*(?:(?:respectivement|respectively)\s+(?:(?:les\s+|the\s+)?({ROLE})s?\s+)?|` +
      String.raw`(?:les\s+|the\s+)?({ROLE})s?\s+)(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of\s+the|of)\s*`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example:
      'MM. Oumar Sidibé et Bakary Koné, respectivement directeurs généraux de Kora Mobile et de Baara ' +
      'Networks, ont signé l’accord.',
    counterexample:
      'MM. Oumar Sidibé et Bakary Koné, directeurs généraux de Kora Mobile, de Baara Networks et de Sahel ' +
      'Fibre, ont signé l’accord.',
    reason: '"X and Y, (respectively) the titles of A and of B": as many organisations as names, paired in order',
  },
  {
    ...ROLE,
    id: 'role:titre-de-org-nom',
    priority: 510,
    flags: 'u',
    trigger:
      String.raw`^(?:\s+(?:au|en|du|de\s+la|pour\s+l['’])\s+[\p{L}' -]{2,30}?)?(?:\s*,\s*l['’]une?\s+des\s+[^,;.]` +
      String.raw`{2,40})?\s*,\s*(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Le directeur général de Orange Mali, M. Oumar Sidibé, a parlé.',
    counterexample: 'Le partenaire de Orange Mali, M. Oumar Sidibé, a parlé.',
    reason: '"ROLE de ORG, NAME": the title and its organisation written before the name',
  },
  {
    ...ROLE,
    id: 'role:celui-de-org',
    priority: 511,
    trigger: String.raw`(?:celui|celle){PREP_END}`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Le directeur général de Orange Mali, M. Oumar Sidibé, et celui de Huawei, M. Li Wei, étaient là.',
    counterexample:
      'Le directeur général de Orange Mali, M. Oumar Sidibé, et le partenaire de Huawei, M. Li Wei, étaient là.',
    reason: '"celui de ORG, NAME": the same role as the one just given, at another organisation',
  },
  {
    ...ROLE,
    id: 'role:titre-de-nom-commun',
    priority: 520,
    trigger:
      String.raw`(?<![\p{L}])({ROLE})(?:\s+par\s+intérim)?(?:\s+(?:des|du|de\s+la|` +
      String.raw`de\s+l['’])\s*\p{Ll}[\p{L}-]+)?\s+(?:du|de\s+la|de\s+l['’]|` +
      String.raw`of\s+the)\s*(?:\p{L}+\s+)?({ORG_NOUNS}){TITLE_COMPLEMENT}\s*,\s*(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Orange Mali a lancé la 5G. Le directeur général de la société, M. Oumar Sidibé, a parlé.',
    counterexample: 'Orange Mali a lancé la 5G. Un ami de la société, M. Oumar Sidibé, a parlé.',
    reason: '"le DG de la société, NAME": the organisation a common noun stands for',
  },
  {
    ...ROLE,
    id: 'role:nom-titre-de-nom-commun',
    priority: 530,
    trigger:
      String.raw`^\s*,\s*(?:(?:(?:le|la|l['’]|the)\s+)?(?:nouveau\s+|nouvelle\s+)?({ROLE})\s+(?:du|de\s+la|` +
      String.raw`de\s+l['’]|of\s+the)|qui\s+(dirige|pilote|gère|préside)\s+(?:depuis\s+[^,;.]{1,30}?\s+)?(?:le|la` +
      String.raw`|l['’]))\s*(?:\p{L}+\s+)?({ORG_NOUNS})(?![\p{L}])`,
    slots: { source: 'person', target: 'org-of-pattern' },
    roles: ['Président', 'Directeur général'],
    example: 'Orange Mali a lancé la 5G. M. Oumar Sidibé, qui dirige la société, a parlé.',
    counterexample: 'Orange Mali a lancé la 5G. M. Oumar Sidibé, qui connaît la société, a parlé.',
    reason: '"NAME, le DG de la société / qui dirige la société": the organisation a common noun stands for',
  },
  {
    ...ROLE,
    id: 'role:nom-possessif',
    priority: 540,
    trigger:
      String.raw`^\s*,\s*(?:the\s+)?([\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*){0,3})['’]s\s+(?:new\s+)?({ROLE})(?` +
      String.raw`![\p{L}])`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Mr Oumar Sidibe, Orange Mali’s chief executive officer, spoke on Monday.',
    counterexample: 'Mr Oumar Sidibe, Orange Mali’s partner, spoke on Monday.',
    reason: '"NAME, ORG’s ROLE": an English possessive after the name',
  },
  {
    ...ROLE,
    id: 'role:qui-dirige',
    priority: 550,
    trigger:
      String.raw`^\s*,\s*(?:qui|who)\s+(dirige|pilote|gère|préside|leads|heads|runs|` +
      String.raw`chairs)\s+(?:depuis\s+[^,;.]{1,30}?\s+)?(?:la\s+|le\s+|l['’]|the\s+)?$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    roles: ['Président', 'Directeur général'],
    example: 'M. Oumar Sidibé, qui dirige Orange Mali depuis 2020, a parlé.',
    counterexample: 'M. Oumar Sidibé, qui connaît Orange Mali depuis 2020, a parlé.',
    reason: '"NAME, qui dirige ORG": the head of the organisation (Président when "préside")',
  },
  {
    ...ROLE,
    id: 'role:à-la-tête-de',
    priority: 551,
    trigger:
      String.raw`^\s*,?\s*(?:(?:qui\s+(?:est|était)|désormais|(?:nommée?|placée?|portée?|installée?))\s+)?(à)\s+la\s+` +
      String.raw`tête\s+(?:de\s+la\s+direction\s+générale\s+)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])\s*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    roles: ['Directeur général'],
    example: 'M. Oumar Sidibé, à la tête de Orange Mali depuis 2020, a parlé.',
    counterexample: 'M. Oumar Sidibé, à la fête de Orange Mali, a parlé.',
    reason: '"NAME, (qui est) à la tête de ORG": the head of the organisation',
  },
  {
    ...ROLE,
    id: 'role:possessif',
    priority: 560,
    trigger: String.raw`['’]s\s+(?:new\s+)?({ROLE})(?:\s+(?:for|in)\s+[^,;.]{2,30}?)?\s*,?\s*(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Orange Mali’s chief executive officer, Mr Oumar Sidibe, spoke on Monday.',
    counterexample: 'Orange Mali’s partner, Mr Oumar Sidibe, spoke on Monday.',
    reason: '"ORG’s ROLE, NAME": an English possessive before the name',
  },
  {
    ...ROLE,
    id: 'role:org-titre-nom',
    priority: 561,
    flags: 'u',
    trigger: String.raw`\s((?:{ROLE_CS})|(?:{ROLE}))\s+(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Orange Mali CEO Oumar Sidibe spoke on Monday.',
    counterexample: 'Orange Mali and Oumar Sidibe spoke on Monday.',
    reason: '"ORG ROLE NAME": an English title between the organisation and the name, nothing else between',
  },
  {
    ...ROLE,
    id: 'role:nom-titre-de-org',
    priority: 570,
    trigger:
      String.raw`^(?:\s+(?:dite?|alias)\s+\S+)?\s*(?:\(\p{L}\)\s*)?,\s*{APPOINTED}?(?:le\s+|la\s+|l['’]|the\s+)?` +
      String.raw`(?:nouveau\s+|nouvelle\s+|nouvel\s+|new\s+|{FORMER})?(?:{ROLE})(?![\p{L}])[^;.«»,]*?,?[^;.«»,]*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'M. Oumar Sidibé, directeur général de Orange Mali, a parlé.',
    counterexample: 'M. Oumar Sidibé, client de Orange Mali, a parlé.',
    reason: '"NAME, (le) ROLE de ORG": the title in apposition after the name',
  },
  {
    ...ROLE,
    id: 'role:a-été-nommé',
    priority: 571,
    trigger:
      String.raw`^\s+(?:(?:(?:a|avait)\s+été|vient\s+d['’]être|(?:est|fut|était|was|has\s+been|had\s+been|is)` +
      String.raw`(?:\s+(?:officially|recently|officiellement|récemment))?)\s+{APPOINTED}?|(?:au\s+poste\s+de|` +
      String.raw`en\s+qualité\s+de|as)\s+)(?:le\s+|la\s+|l['’]|the\s+|an?\s+)?` +
      String.raw`(?:nouveau\s+|nouvelle\s+|nouvel\s+|new\s+)?(?:{ROLE})(?![\p{L}])[^;.«»,]*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'M. Oumar Sidibé a été nommé directeur général de Orange Mali en mai.',
    counterexample: 'M. Oumar Sidibé a été reçu par le directeur général de Orange Mali en mai.',
    reason: '"NAME a été nommé / was appointed / est le ROLE de ORG": the title given after the verb',
  },
  {
    ...ROLE,
    id: 'role:second-titre',
    priority: 575,
    trigger:
      String.raw`^\s*(?:,\s*)?(?:et|and|,|(?:par\s+ailleurs|également|aussi|en\s+outre|as\s+well\s+as|also))\s+` +
      String.raw`(?:(?:par\s+ailleurs|également|aussi)\s+)?(?:le\s+|la\s+|l['’]|the\s+)?(?:{ROLE})(?![\p{L}])` +
      String.raw`[^;.«»,]*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'M. Oumar Sidibé, président de Orange Mali et directeur de Huawei, a parlé.',
    counterexample: 'M. Oumar Sidibé, président de Orange Mali et client de Huawei, a parlé.',
    reason: 'a second title after the first ("…, PCA de A et DG de B", "par ailleurs DG de B"): the role at B',
  },
  {
    ...ROLE,
    id: 'role:représentée-par',
    priority: 580,
    trigger:
      String.raw`(représentée?s?|dirigée?s?|conduite?s?|pilotée?s?|présidée?s?|(?:co-?)?fondée?s?|créée?s?|led|` +
      String.raw`headed|represented|chaired|founded|co-founded)\s+(?:par|by)\s+(?:son\s+|sa\s+|le\s+|la\s+|l['’]|` +
      String.raw`its\s+|the\s+)?(?:({ROLE}){TITLE_COMPLEMENT}\s*,?\s+)?(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    roles: ['Représentant', 'Président', 'Fondateur', 'Directeur'],
    example: 'Orange Mali, représentée par M. Oumar Sidibé, a signé.',
    counterexample: 'Orange Mali, saluée par M. Oumar Sidibé, a signé.',
    reason: '"ORG, représentée / dirigée / fondée par NAME": the agent of the organisation',
  },
  {
    ...ROLE,
    id: 'role:dont-le-titre',
    priority: 590,
    trigger:
      String.raw`,\s*dont\s+(?:le|la|l['’])\s*(?:nouveau\s+|nouvelle\s+)?({ROLE}){TITLE_COMPLEMENT}(?:\s+(?:au|` +
      String.raw`en)\s+[^,;.]{2,30}?)?\s*,\s*(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Huawei, dont le directeur général au Mali, M. Li Wei, était présent, a signé.',
    counterexample: 'Huawei, dont le siège au Mali, à Bamako, est neuf, a signé.',
    reason: '"ORG, dont le ROLE, NAME": the role at the organisation just before',
  },
  {
    ...ROLE,
    id: 'role:son-titre',
    priority: 600,
    trigger:
      String.raw`(?:son|sa|its)\s+(?:nouveau\s+|` +
      String.raw`nouvelle\s+)?({ROLE}){TITLE_COMPLEMENT}\s*,?\s*(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Orange Mali, à travers son directeur général, M. Oumar Sidibé, a signé.',
    counterexample: 'Orange Mali, à travers son ami, M. Oumar Sidibé, a signé.',
    reason: '"ORG …, son ROLE, NAME": the organisation the possessive refers to',
  },
  {
    ...ROLE,
    id: 'role:apposition',
    confidence: 0.85,
    priority: 610,
    trigger: String.raw`(?<![\p{L}])({ROLE})\s+(?:(?:{CIVILITY})\s+)*$`,
    slots: { source: 'person', target: 'no-org' },
    example: 'Le ministre M. Amadou Keïta a parlé.',
    counterexample: 'Le voisin M. Amadou Keïta a parlé.',
    reason: 'a title next to the name, without an organisation: the role alone',
  },
  {
    ...ROLE,
    id: 'role:titre',
    confidence: 0.75,
    priority: 620,
    flags: 'gu',
    trigger:
      String.raw`(?<![\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Dd]e\s+la|[Aa]u|[Àà]\s+la|[Ll]es\s+deux|[Ll]es|` +
      String.raw`[Tt]he)\s+(?:nouveaux?\s+|nouvelles?\s+)?({ROLE_CS})s?(?![\p{L}])`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'M. Oumar Sidibé, directeur général, a parlé. Le directeur général de Orange Mali a ensuite signé.',
    counterexample: 'M. Oumar Sidibé, directeur général, a parlé. Le directeur général a ensuite signé.',
    reason: 'a title with its organisation ("le DG de X") that stands for a person named with that title',
  },
  {
    ...ROLE,
    id: 'role:titre-puis-nom',
    confidence: 0.7,
    priority: 630,
    flags: 'gu',
    trigger:
      String.raw`(?<![\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Dd]e\s+la|[Aa]u|[Àà]\s+la|[Ll]es\s+deux|[Ll]es|` +
      String.raw`[Tt]he)\s+(?:nouveaux?\s+|nouvelles?\s+)?({ROLE_CS})s?(?![\p{L}])`,
    slots: { source: 'person', target: 'org-of-pattern' },
    example: 'Le directeur général de Orange Mali est arrivé. M. Oumar Sidibé a salué la foule.',
    counterexample: 'Le directeur général de Orange Mali est arrivé.',
    reason: 'a title first, the name later: the next person the article introduces without a role holds it',
  },
];

/** A rule of the table by id: an unknown id is an error (a typo never falls back silently). */
const byId = new Map(RELATION_RULES.map((r) => [r.id, r]));
export function relationRule(id: string): RelationRule {
  const r = byId.get(id);
  if (!r) throw new Error(`rules: no relation rule "${id}" in src/nlp/rules.ts`);
  return r;
}
