// The relation rules of the genre, as data: each has an id (kept in the evidence, so any edge can be
// explained) and a pattern over a sentence. Patterns are French and English; `relations.ts` runs them.
// `U()` gives `\b` its Unicode meaning.
import { U } from './patterns.js';

export interface VerbRule {
  id: string;
  re: RegExp;
}

/**
 * How much a rule's reading is trusted, by the family of its id (the part before the colon) and
 * by a few ids that read looser cues. Resolution steps lower it further (relations.ts).
 */
export const RULE_CONFIDENCE: Record<string, number> = {
  role: 0.9,
  'role:titre-puis-nom': 0.7,
  'role:titre': 0.75,
  'role:apposition': 0.85,
  meet: 0.85,
  'meet:étaient-présents': 0.7,
  'meet:accompagné-de': 0.7,
  'meet:se-sont-rencontrés': 0.75,
  visit: 0.8,
  commit: 0.8,
  'commit:va': 0.6,
  'commit:futur': 0.6,
  'commit:en-will': 0.6,
  sign: 0.85,
  sanction: 0.85,
  discuss: 0.6,
};
export const ruleConfidence = (id: string): number => {
  const base = id.split('+')[0]!;
  return RULE_CONFIDENCE[base] ?? RULE_CONFIDENCE[base.split(':')[0]!] ?? 0.7;
};

/** Rules whose id says `:en-` read English articles; the others read French ones. */
export const forLang = (rule: VerbRule, lang: 'fr' | 'en'): boolean => rule.id.includes(':en-') === (lang === 'en');

/** "X était accompagné de Y": Y takes part in X's meeting. */
export const COMPANION = U(/\baccompagnée?s?\s+(?:de|du|des|d['’]|par)\s/gu);

/** A sentence that lists who attended the meeting the previous sentence told of. */
export const ATTENDEES = U(/^(?:Étaient|Etaient|Était|Etait)\s+(?:également\s+|aussi\s+)?présente?s?|^(?:Il|Elle)\s+(?:était|étaient)\s+accompagnée?\s+d|^(?:Present|Also\s+present)\s+(?:were|was)\b/u);

/** "received its licence", "a reçu l’agrément": a thing received, not a visitor. */
const RECEIVED_THING_EN = String.raw`\s+(?:\S+\s+){0,3}?(?:licen[cs]es?|grants?|awards?|prizes?|approvals?|funding|loans?|payments?|certificates?|authori[sz]ations?|permits?|subsid(?:y|ies)|investments?|complaints?|orders?|letters?|requests?|applications?|bids?)\b`;
const RECEIVED_THING_FR = String.raw`\s+(?:\S+\s+){0,3}?(?:[ldLD]['’])?(?:agréments?|licences?|financements?|prix|distinctions?|subventions?|dons?|autorisations?|certificats?|trophées?|récompenses?|lettres?|plaintes?|commandes?|paiements?|prêts?|appuis?|soutiens?|offres?|demandes?|candidatures?)(?![\p{L}])`;

/** Adverbs inside a meeting verb: "s’est d’abord entretenu avec", "a ensuite reçu". */
const MEET_ADV = String.raw`(?:(?:d['’]abord|ensuite|également|aussi|longuement|brièvement|notamment|par\s+ailleurs|enfin|tour\s+à\s+tour|successivement)\s+){0,2}`;

/** A reception or a meeting: the subject before the verb meets the people (or organisations) after it. */
export const MEET_ACTIVE: VerbRule[] = [
  { id: 'meet:a-reçu', re: U(new RegExp(String.raw`(?:\b(?:a|ont|avait)(?:\s*,[^,.;]{1,40},)?\s+${MEET_ADV}(?:reçu|accueilli)(?:\s+en\s+audience)?(?!${RECEIVED_THING_FR})|\breçoit\b|\baccueille\b)`, 'gu')) },
  { id: 'meet:a-accordé-une-audience', re: U(/\b(?:a|ont|avait)(?:\s*,[^,.;]{1,40},)?\s+accordé\s+(?:une\s+)?(?:audience|entretien)(?:[^.;]{0,60}?)\s+(?:à|au|aux)\b/gu) },
  { id: 'meet:a-rencontré', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+rencontré\b|\b(?:était|étaient)\s+face\s+(?:à|au|aux)\b|\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+eu\s+des\s+(?:échanges|entretiens|discussions)\s+avec\b/gu) },
  { id: 'meet:s-est-entretenu', re: U(new RegExp(String.raw`s['’](?:est|sont)\s+${MEET_ADV}entretenue?s?(?:,[^.;]{0,120}?,)?\s+avec|\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+(?:eu|tenu)\s+(?:un|une)\s+(?:entretien|séance\s+de\s+travail|rencontre|audience|tête-à-tête)\s+avec|\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+échangé\s+avec`, 'gu')) },
  { id: 'meet:en-met', re: U(new RegExp(String.raw`\b(?:met\s+with|met|received(?!${RECEIVED_THING_EN})|hosted|held\s+(?:talks|discussions|a\s+meeting)(?:\s+[^.;]{0,40}?)?\s+with|sat\s+down\s+with)\b`, 'gu')) },
];

/** The guests come first: "… ont été reçus (par X)". */
export const MEET_PASSIVE: VerbRule[] = [
  { id: 'meet:ont-été-reçus', re: U(/\b(?:ont|a|avaient|avait)\s+été\s+(?:reçue?s?|accueillie?s?)\b/gu) },
  { id: 'meet:en-were-received', re: U(/\b(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:received|welcomed|hosted)\b/gu) },
];

/** Two people named as the subject who negotiated or met each other: "X et Y ont négocié", "X and Y met". */
export const MEET_EACH_OTHER = U(/\b(?:ont|avaient)\s+(?:longuement\s+|âprement\s+|d['’]abord\s+)?négocié\b|\bse\s+sont\s+(?:longuement\s+|d['’]abord\s+)?(?:rencontrée?s|entretenue?s|retrouvée?s)\b(?!\s+avec)|\b(?:negotiated|held\s+talks)\b(?!\s+with)/gu);
/** "the two men", "les deux dirigeants": the last two people named. */
export const TWO_PEOPLE = U(/\b(?:the\s+two\s+(?:men|women|executives|leaders|chief\s+executives|ministers)|both\s+(?:men|women|executives|leaders)|les\s+deux\s+(?:hommes|femmes|dirigeants|dirigeantes|responsables|patrons|ministres))\b/iu);

/** "Reçu par le ministre X, le DG de Y, Z …": the guest comes after the host. */
export const MEET_RECEIVED_BY = U(/(?:^|[,;]\s*)(?:Reçue?s?|Accueillie?s?)\s+(?:en\s+audience\s+)?(?:[^,.;]{0,40}?\s)?par\s+/gu);
/** "la rencontre entre X et Y": every named party meets the others. */
export const MEET_BETWEEN = U(/\b(?:rencontre|entretien|audience|séance\s+de\s+travail|tête-à-tête|réunion|talks|meeting)\s+(?:[^,.;]{0,30}?\s)?(?:entre|between)\s+/gu);

/** "l’audience accordée par X à Y", "lors de sa rencontre avec Y". */
export const MEET_AUDIENCE: VerbRule = { id: 'meet:audience-accordée-par', re: U(/\baudience\s+(?:accordée|a\s+été\s+accordée)\b/gu) };
export const MEET_WITH: VerbRule = { id: 'meet:lors-de-sa-rencontre-avec', re: U(/\b(?:lors\s+de|au\s+cours\s+de|à\s+l['’]issue\s+de|pendant)\s+(?:sa|son|leur)\s+(?:rencontre|entretien|audience|échange|séance\s+de\s+travail)\s+avec\b/gu) };

/** A visit: the visitor meets the organisation visited, and the people of that organisation named in the story. */
export const VISIT: VerbRule[] = [
  { id: 'visit:a-visité', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+visité\b/gu) },
  { id: 'visit:s-est-rendu', re: U(/s['’](?:est|sont)\s+rendue?s?\s+(?:[^,.;]{0,40}?\s)?(?:à|au|aux|chez|dans)\b/gu) },
  { id: 'visit:a-rendu-visite', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+rendu\s+(?:une\s+)?visite(?:\s+de\s+\p{L}+)?\s+(?:à|au|aux)\b/gu) },
  { id: 'visit:en-visited', re: U(/\b(?:visited|paid\s+a\s+visit\s+to|toured)\b/gu) },
];

export type CommitmentStatus = 'announced' | 'signed' | 'implemented' | 'abandoned';

export interface CommitRule extends VerbRule {
  status: CommitmentStatus;
  /** Keep the matched words in the commitment phrase (the object is inside the match). */
  keepMatch?: boolean;
  /** The subject must be written right before the verb (intent verbs are too common otherwise). */
  tight?: boolean;
  /** Reported speech: the entity named right after "que"/"that" commits, else the speaker. */
  subjectAfter?: boolean;
}

/** Adverbs and asides a verb phrase may carry: "s’est par ailleurs engagé", "entend en outre doubler". */
const ADV = String.raw`(?:(?:par\s+ailleurs|en\s+outre|également|aussi|de\s+plus|notamment|d['’]ailleurs|pour\s+sa\s+part|pour\s+leur\s+part|de\s+son\s+côté|à\s+son\s+tour|ensuite|enfin|désormais|donc|bientôt|ainsi|déjà)[\s,]+){0,2}`;

/** What an English subject "will" do that is an undertaking ("will open", "would hire"), not a forecast ("would allow"). */
const INTENT_EN = String.raw`support|strengthen|invest|provide|build|deploy|finance|fund|train|help|develop|extend|connect|expand|open|share|hire|recruit|launch|lease|publish|deliver|create|install|cover|roll\s+out|set\s+up|mobili[sz]e|offer|double|acquire|buy|upgrade|equip|add|complete|fast-track|raise|expand|deploy|roll`;

/** A verb in the future or the conditional ("offrira", "prendrait"), not être, avoir, pouvoir or devoir. */
const FUTURE_VERB = String.raw`(?<![\p{L}])(?!(?:sera|seront|serait|seraient|aura|auront|aurait|auraient|pourra|pourront|pourrait|pourraient|devra|devront|devrait|devraient)(?![\p{L}]))\p{Ll}{3,}(?:ra|ront|rait|raient)(?![\p{L}])`;

export const COMMIT: CommitRule[] = [
  { id: 'commit:s-est-engagé-à', status: 'announced', re: U(new RegExp(String.raw`(?:s['’](?:est|étaient|était)|se\s+sont|se\s+seraient)\s+${ADV}(?:\p{L}+\s+)?engagée?s?\s+(?:à|a)\s+|s['’](?:y\s+)?engage(?:nt|ait|aient)?\s+${ADV}(?:à|a)\s+|\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+${ADV}pris\s+l['’]engagement\s+(?:de|d['’])\s*`, 'gu')) },
  { id: 'commit:a-réaffirmé-son-engagement', status: 'announced', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+(?:pour\s+sa\s+part\s+|pour\s+leur\s+part\s+|également\s+|aussi\s+|à\s+son\s+tour\s+|de\s+son\s+côté\s+|ensuite\s+|enfin\s+)?(?:réaffirmé|réitéré|renouvelé|exprimé|affirmé|manifesté|confirmé|témoigné|traduit)\s+(?:son|sa|leur|leurs|la|l['’])\s*(?:engagement|volonté|disponibilité|détermination|soutien|ambition)(?:\s+(?:du|de\s+la|de\s+l['’]|des)\s*[^,.;]{1,60}?(?=\s+(?:à|de|d['’]|pour)\s))?\s*(?:à|de|d['’]|pour|en\s+faveur\s+de)?\s*/gu) },
  { id: 'commit:a-annoncé-son-intention', status: 'announced', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+(?:annoncé|exprimé|affiché|fait\s+part\s+de)\s+(?:son|sa|leur)\s+(?:intention|volonté|projet|ambition)\s+(?:de|d['’]|à)\s*/gu) },
  { id: 'commit:a-assuré-de-son-engagement', status: 'announced', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+(?:\p{L}+\s+)?assuré\s+[^,.;]{0,60}?\s*(?:de|d['’])\s*(?:son|sa|leur|la|l['’])\s*(?:totale\s+|entière\s+|pleine\s+)?(?:engagement|disponibilité|soutien|volonté|accompagnement|détermination)(?!\s+(?:de\s+l['’]État|de\s+l['’]Etat|du\s+gouvernement|des\s+autorités|de\s+son\s+département|du\s+département|du\s+ministère))\s*/gu) },
  { id: 'commit:a-promis', status: 'announced', re: U(new RegExp(String.raw`\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+${ADV}promis\s+(?:de|d['’]|que|qu['’])\s*|\bpromet(?:tent)?\s+(?:de|d['’]|que|qu['’])\s*`, 'gu')) },
  // "a par ailleurs promis la livraison de cinquante tablettes"
  { id: 'commit:a-promis-objet', status: 'announced', re: U(new RegExp(String.raw`\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+${ADV}promis\s+(?=(?:la|le|les|un|une|des)\s+\p{L}|l['’]\p{L})`, 'gu')) },
  { id: 'commit:a-accordé-un-financement', status: 'signed', keepMatch: true, re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+(?:accordé|octroyé|consenti|mobilisé|débloqué)\s+(?:[^,.;]{0,30}?\s)?(?:un|une|des)\s+(?:financement|prêt|subvention|garantie|don|enveloppe)s?\b/gu) },
  { id: 'commit:a-garanti', status: 'signed', keepMatch: true, re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+garanti\b/gu) },
  { id: 'commit:est-prêt-à', status: 'announced', re: U(/\b(?:est|sont|s['’](?:est|sont)\s+dite?s?|se\s+sont\s+dite?s?|se\s+dit|se\s+disent)\s+(?:«\s*)?(?:prêt|prête|prêts|prêtes|disposée?s?|déterminée?s?|résolue?s?)\s+(?:à|a)\s+/gu) },
  { id: 'commit:a-signé', status: 'signed', keepMatch: true, re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+signé\s+(?:\p{L}+\s+){0,2}?(?:conventions?|accords?|protocoles?|mémorandums?|partenariats?|contrats?)\b/gu) },
  { id: 'commit:a-annoncé-un-investissement', status: 'announced', keepMatch: true, re: U(new RegExp(String.raw`\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+${ADV}(?:annoncé|dévoilé|lancé|approuvé)\s+(?:le\s+principe\s+d['’])?(?:un|une|des)\s+(?:\p{L}+\s+){0,2}?(?:investissements?|financements?|enveloppes?|subventions?|dons?|prêts?|lignes?\s+de\s+crédit|plans?\s+d['’]investissement|programmes?\s+de\s+\p{L}+)\b`, 'gu')) },
  // "a annoncé l’ouverture à Bamako d’un bureau régional", "a confirmé la construction de …"
  { id: 'commit:a-annoncé-l-ouverture', status: 'announced', keepMatch: true, re: U(new RegExp(String.raw`\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+${ADV}(?:annoncé|confirmé|promis)\s+(?:la\s+|le\s+|l['’])(?:ouverture|création|construction|lancement|déploiement|mise\s+en\s+place|mise\s+en\s+ligne|mise\s+en\s+service|livraison|installation|extension|recrutement|publication)\s+(?:[^.;]{0,60}?\s)?(?:de|d['’]|du|des)`, 'gu')) },
  // "a annoncé que la société offrira …", "a assuré que l’UIT prendrait en charge …": what is said will be done
  { id: 'commit:a-annoncé-que', status: 'announced', subjectAfter: true, re: U(new RegExp(String.raw`\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+${ADV}(?:annoncé|assuré|indiqué|affirmé|précisé|garanti)\s+(?:que|qu['’])\s*(?=[^.;]{0,100}?${FUTURE_VERB})`, 'gu')) },
  { id: 'commit:futur', status: 'announced', tight: true, re: U(/\b(?=(?:financera|financeront|investira|investiront|construira|construiront|déploiera|déploieront|formera|formeront|accompagnera|accompagneront|fournira|fourniront|installera|installeront|recrutera|recruteront|étendra|étendront|renforcera|renforceront|soutiendra|soutiendront|couvrira|couvriront|connectera|connecteront|livrera|livreront|réalisera|réaliseront|mobilisera|mobiliseront|garantira|garantiront|mettra\s+en\s+place|mettront\s+en\s+place)\b)/gu) },
  { id: 'commit:va', status: 'announced', tight: true, re: U(new RegExp(String.raw`\b(?:va|vont|compte|comptent|entend|entendent|veut|veulent)\s+(?:«\s*)?${ADV}(?=\p{Ll}+(?:er|ir|re)\b)|\b(?:prévoit|prévoient|ambitionne|ambitionnent|envisage|envisagent|projette|projettent)\s+${ADV}(?:de\s+|d['’])(?=\p{Ll}+(?:er|ir|re)\b)`, 'gu')) },
  { id: 'commit:en-pledged', status: 'announced', re: U(/\b(?:pledged|committed|promised|undertook|vowed|agreed)\s+(?:to|that)\s+|\b(?:has|have)\s+(?:pledged|committed|promised|agreed)\s+to\s+/gu) },
  { id: 'commit:en-announced-investment', status: 'announced', keepMatch: true, re: U(/\b(?:announced|unveiled|approved|granted|extended|provided)\s+(?:a|an)\s+(?:[\p{L}$€,.\d-]+\s+){0,4}?(?:investment|financing|loan|grant|guarantee|credit\s+line|facility)\b/gu) },
  { id: 'commit:en-signed', status: 'signed', keepMatch: true, re: U(/\bsigned\s+(?:a|an)\s+(?:\p{L}+\s+){0,2}?(?:agreement|memorandum|convention|contract|deal)\b/gu) },
  { id: 'commit:en-will', status: 'announced', tight: true, re: U(new RegExp(String.raw`\b(?:will|wants\s+to|want\s+to|is\s+ready\s+to|intends\s+to|plans\s+to)\s+(?:therefore\s+|also\s+)?(?=${INTENT_EN})`, 'gu')) },
  // "X said (that) the company would open …", "who added that the Bank would mobilise …"
  { id: 'commit:en-said-would', status: 'announced', subjectAfter: true, re: U(new RegExp(String.raw`\b(?:said|added|announced|confirmed|stated|indicated|explained|noted)\s+(?!(?:he|she|they|we|I|it)\s+(?:hoped|hopes|expected|expects|believed|believes|thought|thinks|feared|fears|wished)\b)(?:that\s+)?(?=[^.;]{0,80}?\b(?:would|will)\s+(?:also\s+|then\s+)?(?:${INTENT_EN})\b)`, 'gu')) },
];

/** Wording that says a commitment was carried out or dropped. */
export const STATUS_WORDS: Array<[CommitmentStatus, RegExp]> = [
  ['abandoned', U(/\b(?:renoncé|abandonné|annulé|suspendu|abandoned|cancelled|canceled|dropped)\b/iu)],
  ['implemented', U(/\b(?:réalisée?s?|inaugurée?s?|mise?s?\s+en\s+service|livrée?s?|achevée?s?|a\s+offert|a\s+remis|implemented|completed|delivered|launched)\b/iu)],
];

export const SIGN: VerbRule[] = [
  { id: 'sign:a-signé-avec', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+signé\b[^.;]*?\bavec\s+(?:respectivement\s+)?/gu) },
  { id: 'sign:signé-entre', re: U(/\b(?:signée?s?|paraphée?s?)\s+(?:[^.;]{0,60}?\s)?entre\s+|\b(?:a|ont)\s+été\s+(?:signée?s?|paraphée?s?)\s+(?:[^.;]{0,40}?\s)?par\s+|\b(?:was|were)\s+signed\s+(?:[^.;]{0,40}?\s)?by\s+|\bsignature\s+(?:de\s+la|d['’]une?|du|des)\s+(?:\p{L}+\s+){0,4}?(?:convention|accord|protocole|mémorandum|contrat)s?(?:\s+[^.;]{0,60}?)?\s+entre\s+/gu) },
  { id: 'sign:ont-signé', re: U(/\b[Oo]nt\s+signé\b|\bsigned\b|\b[Oo]nt\s+paraphé\b|\b[Oo]nt\s+procédé\s+à\s+la\s+signature\b/gu) },
  { id: 'sign:en-signed-with', re: U(/\bsigned\b[^.;]*?\bwith\s+/gu) },
];

export const SANCTION: VerbRule[] = [
  { id: 'sanction:a-infligé-à', re: U(/\b(?:a|ont|avait|avaient)\s+infligé\s+(?:à|au|aux)\s+/gu) },
  { id: 'sanction:a-infligé', re: U(/\b(?:a|ont|avait|avaient)(?:\s*,[^,.;]{1,40},)?\s+infligé\s+(?:[^.;]{0,30}?\s)?(?:une\s+|des\s+)?(?:amendes?|sanctions?|pénalités?)\b[^.;]*?\b(?:à|au|aux)\s+/gu) },
  { id: 'sanction:a-retiré-la-licence', re: U(/\b(?:a|ont|avait|avaient)\s+(?:déjà\s+)?retiré\s+(?:la|sa|leur|les)\s+(?:licences?|agréments?|autorisations?)(?:\s+d['’]\p{L}+)?\s+(?:de|d['’]|à|au|aux)\s*/gu) },
  { id: 'sanction:a-sanctionné', re: U(/\b(?:a|ont|avait|avaient)\s+(?:déjà\s+|également\s+|aussi\s+)?(?:sanctionné|suspendu|mis\s+en\s+demeure|interdit|épinglé|averti|condamné|retiré\s+la\s+licence\s+(?:de|d['’]|à))[\s,]+/gu) },
  { id: 'sanction:a-adressé-une-mise-en-demeure', re: U(/\b(?:a|ont)(?:\s*,[^,.;]{1,40},)?\s+(?:adressé|notifié|servi|envoyé)[\s,]+[^.;]{0,60}?(?:une\s+|des\s+)?(?:mises?\s+en\s+demeure|avertissements?|injonctions?|sanctions?)\b[^.;]*?\b(?:à|au|aux)\s+/gu) },
  // active voice only: "was fined by" is SANCTION_PASSIVE
  { id: 'sanction:en-fined', re: U(/(?<!\b(?:was|were|been|being|be)\s+)\b(?:fined|sanctioned|suspended|banned|penali[sz]ed|warned)\s+/gu) },
];
export const SANCTION_PASSIVE: VerbRule = {
  id: 'sanction:a-été-sanctionné-par',
  re: U(/\b(?:a|ont|avait|avaient|aurait|auraient)(?:\s*,[^,.;]{1,40},)?\s+été\s+(?:sanctionnée?s?|condamnée?s?|suspendue?s?|mise?s?\s+en\s+demeure|épinglée?s?|frappée?s?\s+d['’]une\s+amende|avertie?s?)\s+(?:[^.;,]{0,30}?\s)?par\s+|\b(?:was|were|has\s+been|had\s+been)\s+(?:fined|sanctioned|suspended|warned|banned|penali[sz]ed)\s+(?:[^.;,]{0,40}?\s)?by\s+/gu),
};
/** "X a reçu un avertissement": the authority named last is the one that warned it. */
export const SANCTION_RECEIVED: VerbRule = {
  id: 'sanction:a-reçu-un-avertissement',
  re: U(/\b(?:a|ont|avait|avaient)\s+(?:également\s+|aussi\s+|déjà\s+)?(?:reçu|écopé\s+d['’]|écopé\s+de)\s*(?:une?\s+|des\s+)?(?:avertissements?|mises?\s+en\s+demeure|amendes?|sanctions?|blâmes?)\b|\b(?:received|was\s+given)\s+(?:a\s+)?(?:formal\s+)?(?:warning|fine|notice)\b/gu),
};

/**
 * A quoted undertaking: the speaker says what "we" will do (« Nous allons investir … », « nous
 * ouvrirons … »), or gives an assurance ("a assuré", "a promis") about what will be done.
 * QUOTE_AFTER: the quote, then who said it; QUOTE_BEFORE: who said it, then the quote.
 */
const SAY = String.raw`(?:déclaré|confié|assuré|promis|garanti|annoncé|affirmé|indiqué|précisé|expliqué|souligné|ajouté|martelé|insisté)`;
export const QUOTE_AFTER = U(new RegExp(String.raw`«([^«»]{8,400})»\s*,?\s*(?:a|ont)(?:-t-(?:il|elle|ils|elles))?\s+${ADV}(${SAY})`, 'gu'));
export const QUOTE_BEFORE = U(new RegExp(String.raw`\b(?:a|ont)\s+${ADV}(${SAY})\s*:?\s*«([^«»]{8,400})»`, 'gu'));
/** The same assurance without quotation marks: "<what will be done>, a-t-il promis", "…, assure-t-il", "…, a assuré Mme X". */
export const ASSURANCE_AFTER = U(new RegExp(String.raw`^([^«»]{12,400}?),\s*(?:(?:a|ont)(?:-t-(?:il|elle|ils|elles))?\s+${ADV}(?:assuré|promis|garanti)|(?:assure|promet|garantit|assurent|promettent)-t?-?(?:il|elle|ils|elles))(?![\p{L}])`, 'u'));
/** English: "<what will be done>, X told reporters / said". */
export const ASSURANCE_AFTER_EN = /^([^"“”]{12,400}?\b(?:will|would)\s+[^"“”]{3,300}?),\s*((?:[\p{Lu}][\p{L}’'-]+\s+){0,3}[\p{Lu}][\p{L}’'-]+)\s+(?:told|said|added|assured|promised)\b/u;

/** First person and future: "nous allons investir", "nous ouvrirons", "je veillerai". */
export const FIRST_PERSON_FUTURE = U(/\b(?:nous|je|j['’])\s+(?:(?:allons|vais|irons)\s+(?:\p{Ll}+\s+){0,2}?\p{Ll}+(?:er|ir|re)\b|(?:\p{Ll}+\s+){0,2}?\p{Ll}{3,}(?:rons|rai)\b)/iu);
/** Any future or conditional verb, être's included ("seront raccordés"), for a quote given as an assurance ("a assuré", "a promis"). */
export const ANY_FUTURE = /(?<![\p{L}])\p{Ll}{2,}(?:ra|ront|rait|raient)(?![\p{L}])/u;
export const QUOTE_COMMIT_ID = 'commit:citation';

export const DISCUSS: VerbRule = {
  id: 'discuss:échanges-ont-porté-sur',
  re: U(/\b(?:discussions?|échanges?|entretiens?|rencontre|audience|travaux)\s+(?:avec\s+[^,.;]{1,60}\s+)?(?:ont|a|se\s+sont|s['’]est)\s+(?:principalement\s+|notamment\s+|essentiellement\s+)?(?:porté|concerné|inscrites?|inscrit|axée?s?|été\s+l['’]occasion)|\b(?:ont|a)\s+été\s+(?:évoquée?s?|abordée?s?|identifiée?s?|discutée?s?)|\bmis\s+l['’]accent\s+sur|\btalks\s+(?:focused|centred|centered)\s+on/gu),
};

/** Pronoun subjects that refer to the previous sentence's subject. */
export const PRONOUN_SUBJECT = U(/^(?:Il|Elle|Ils|Elles|He|She|They|It)\b/u);
/** Nouns that refer back to the organisation last named. */
export const ORG_ANAPHOR = U(/\b(?:l['’]entreprise|la\s+société|l['’]opérateur|le\s+groupe|la\s+structure|la\s+firme|l['’]établissement|l['’]institution|la\s+start-?up|la\s+fintech|the\s+fintech|the\s+start-?up|the\s+company|the\s+firm|the\s+operator|the\s+institution|the\s+lender)\b/giu);
/** "les deux parties": the parties of the agreement the article told of. */
export const PARTIES_ANAPHOR = U(/\b(?:les\s+(?:deux\s+)?parties|the\s+(?:two\s+)?parties|les\s+deux\s+(?:structures|institutions|entreprises|partenaires))\b/giu);
