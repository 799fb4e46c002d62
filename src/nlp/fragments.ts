// Named fragments the rules' triggers are written with ("{AUX}{ASIDE}\s+rencontré"), compiled once.
// A fragment is a piece of pattern: a word list from the lexicons (verb classes, roles, civilities) or
// a recurring construction (an aside between commas, adverbs inside a verb phrase).
import {
  APOS,
  ORG_HEADS,
  ORG_INTRODUCERS,
  ORG_TAILS,
  escapeRe,
  patterns,
  rx,
  unicodeBoundaries,
  UPPERCASE,
} from './patterns.js';
import { verbForms } from './verbs.js';

const alt = (forms: string[]) => `(?:${forms.join('|')})`;

/** Adverbs inside a meeting verb: "s’est d’abord entretenu avec", "a ensuite reçu". */
const MEET_ADV =
  String.raw`(?:(?:d['’]abord|ensuite|également|aussi|longuement|brièvement|notamment|par\s+ailleurs|enfin|` +
  String.raw`tour\s+à\s+tour|successivement)\s+){0,2}`;
/** Adverbs and asides a verb phrase may carry: "s’est par ailleurs engagé", "entend en outre doubler". */
const ADV =
  String.raw`(?:(?:par\s+ailleurs|en\s+outre|également|aussi|de\s+plus|notamment|d['’]ailleurs|` +
  String.raw`pour\s+sa\s+part|pour\s+leur\s+part|de\s+son\s+côté|à\s+son\s+tour|ensuite|enfin|désormais|donc|` +
  String.raw`bientôt|ainsi|déjà)[\s,]+){0,2}`;

/** Make the first letter of each alternative of a lower-case pattern match either case. */
const caseFirst = (pattern: string) =>
  pattern.replace(/(\(\?:|\|)([a-z])/g, (_m, p: string, c: string) => `${p}[${c}${c.toUpperCase()}]`);

/** Kinds of organisation a name is said to be, in apposition: "X, une PME", "X, la coopérative …", "X, a fintech". */
const ORG_KINDS = [
  'PME',
  'PMI',
  'petite entreprise',
  'société',
  'entreprise',
  'start-up',
  'startup',
  'fintech',
  'coopérative',
  'association',
  'ONG',
  'firme',
  'compagnie',
  'banque',
  'agence',
  'cabinet',
  'opérateur',
  'filiale',
  'fondation',
  'institution',
  'mutuelle',
  'microfinance',
  'plateforme',
  'company',
  'firm',
  'start-up',
  'startup',
  'operator',
  'subsidiary',
  'cooperative',
  'bank',
  'agency',
  'non-profit',
  'NGO',
].join('|');

/** The fragments by name. Each is computed on first use (some read the lexicons). */
export const FRAGMENTS: Record<string, { about: string; source: () => string }> = {
  AUX: { about: 'the auxiliary of a French compound past: "a", "ont"', source: () => '(?:a|ont)' },
  AUX_IMPF: {
    about: 'the auxiliary, present or imperfect singular: "a", "ont", "avait"',
    source: () => '(?:a|ont|avait)',
  },
  AUX_PQP: {
    about: 'the auxiliary, present or imperfect: "a", "ont", "avait", "avaient"',
    source: () => '(?:a|ont|avait|avaient)',
  },
  AUX_COND: {
    about: 'the auxiliary, present, imperfect or conditional',
    source: () => '(?:a|ont|avait|avaient|aurait|auraient)',
  },
  ASIDE: {
    about: 'an aside between commas after the auxiliary: "a, pour sa part, rencontré"',
    source: () => String.raw`(?:\s*,[^,.;]{1,40},)?`,
  },
  MEET_ADV: {
    about: 'adverbs inside a meeting verb: "a ensuite reçu", "s’est longuement entretenu"',
    source: () => MEET_ADV,
  },
  ADV: {
    about: 'adverbs and asides inside a verb phrase: "s’est par ailleurs engagé", "entend en outre"',
    source: () => ADV,
  },
  RECEIVED_THING_FR: {
    about: 'a thing received, not a visitor: "a reçu l’agrément", "a reçu un financement"',
    source: () =>
      String.raw`\s+(?:\S+\s+){0,3}?(?:[ldLD]['’])?(?:agréments?|licences?|financements?|prix|distinctions?|` +
      String.raw`subventions?|dons?|autorisations?|certificats?|trophées?|récompenses?|lettres?|plaintes?|` +
      String.raw`commandes?|paiements?|prêts?|appuis?|soutiens?|offres?|demandes?|candidatures?)(?![\p{L}])`,
  },
  RECEIVED_THING_EN: {
    about: 'a thing received, not a visitor: "received its licence", "received a grant"',
    source: () =>
      String.raw`\s+(?:\S+\s+){0,3}?(?:licen[cs]es?|grants?|awards?|prizes?|approvals?|funding|loans?|payments?|` +
      String.raw`certificates?|authori[sz]ations?|permits?|subsid(?:y|ies)|investments?|complaints?|orders?|` +
      String.raw`letters?|requests?|applications?|bids?)\b`,
  },
  INTENT_EN: {
    about: 'what an English subject "will" do that is an undertaking ("will open", "would hire"), not a forecast',
    source: () =>
      String.raw`support|strengthen|invest|provide|build|deploy|finance|fund|train|help|develop|extend|connect|` +
      String.raw`expand|open|share|hire|recruit|launch|lease|publish|deliver|create|install|cover|roll\s+out|` +
      String.raw`set\s+up|mobili[sz]e|offer|double|acquire|buy|upgrade|equip|add|complete|fast-track|raise|expand` +
      String.raw`|deploy|roll`,
  },
  FUTURE_VERB: {
    about: 'a verb in the future or the conditional ("offrira", "prendrait"), not être, avoir, pouvoir or devoir',
    source: () =>
      String.raw`(?<![\p{L}])(?!(?:sera|seront|serait|seraient|aura|auront|aurait|auraient|pourra|pourront|` +
      String.raw`pourrait|pourraient|devra|devront|devrait|devraient)(?![\p{L}]))\p{Ll}{3,}(?:ra|ront|rait|` +
      String.raw`raient)(?![\p{L}])`,
  },
  COMMIT_FUTURE: {
    about: 'verbs of an undertaking in the future (verbs.json "commit-future")',
    source: () => alt(verbForms('commit-future')),
  },
  SAY: { about: 'speech verbs as past participles (verbs.json "say")', source: () => alt(verbForms('say')) },
  SANCTIONED: {
    about: 'what a regulator does to an operator, participles agreeing (verbs.json "sanctioned")',
    source: () => alt(verbForms('sanctioned')),
  },
  SIGN_VERB: {
    about: 'verbs of signing an agreement, any tense (verbs.json "sign")',
    source: () => alt(verbForms('sign')),
  },
  SANCTION_VERB: {
    about: 'what an authority does to an organisation, active voice, any tense (verbs.json "sanction-active")',
    source: () => alt(verbForms('sanction-active')),
  },
  AGREEMENT: {
    about: 'nouns of an agreement signed: "convention(-cadre)", "protocole d’accord", "memorandum", "contract"',
    source: () =>
      String.raw`(?:conventions?|accords?|protocoles?|mémorandums?|memorandums?|contrats?|agreements?|MoUs?|` +
      String.raw`contracts?)(?:[-\s]cadres?)?`,
  },
  SANCTION_NOUN: {
    about: 'what an authority decides against an organisation: "une amende", "la suspension", "le retrait"',
    source: () =>
      String.raw`(?:sanctions?|amendes?|pénalités?|mises?\s+en\s+demeure|avertissements?|blâmes?|suspension|` +
      String.raw`retrait|interdiction|fermeture|arrêt\s+(?:\p{L}+\s+)?de\s+la\s+diffusion|fines?|penalt(?:y|ies)|ban)`,
  },
  SPEECH_BEFORE: {
    about: 'speech verbs and phrases right before a speaker’s name (verbs.json "speech-before")',
    source: () => alt(verbForms('speech-before')),
  },
  AGENT_VERB: {
    about: 'participles before "par"/"by" and an agent (verbs.json "agent")',
    source: () => alt(verbForms('agent')),
  },
  HUMAN_VERB: { about: 'verbs whose subject is a person (verbs.json "human")', source: () => alt(verbForms('human')) },
  UP: { about: 'capital letters, inside a character class: [{UP}]', source: () => UPPERCASE },
  CHUNK: {
    about: 'a capitalised name of up to five words; amounts ("FCFA 1,5 milliard", "USD 120") end it',
    source: () =>
      `[${UPPERCASE}][\\p{L}\\p{N}&’'-]*(?:\\s+(?!(?:F?CFA|USD|EUR|GNF|XOF)\\b)[${UPPERCASE}][\\p{L}\\p{N}&’'-]*){0,4}`,
  },
  NAME_WITH_CONNECTORS: {
    about:
      'a capitalised name whose words may be joined by "du", "de la", "d’", "et", "&" ("Lumière du Niger Énergie")',
    source: () =>
      `[${UPPERCASE}][\\p{L}\\p{N}&’'-]*(?:\\s+(?:(?:du|de\\s+la|d['’]|et|` +
      `&)\\s*)?[${UPPERCASE}][\\p{L}\\p{N}&’'-]*){0,5}`,
  },
  ORG_KINDS: {
    about: 'kinds of organisation a name is said to be in apposition ("une PME", "la coopérative", "a fintech")',
    source: () => ORG_KINDS,
  },
  ORG_INTRODUCER: {
    about: 'nouns that introduce an organisation’s name ("la société", "l’opérateur"), either case first',
    source: () => caseFirst(ORG_INTRODUCERS),
  },
  ACR: {
    about: 'an acronym as written inside parentheses ("AMRTP", "S.A.", "Orange Money")',
    source: () => `[${UPPERCASE}][A-Za-zÀ-ÿ&.\\-]{1,14}(?:\\s[${UPPERCASE}][A-Za-zÀ-ÿ]{1,10})?`,
  },
  ORG_HEAD: {
    about: 'head nouns that open an organisation’s name ("Agence", "Banque", "Fonds")',
    source: () =>
      ORG_HEADS.map(escapeRe)
        .sort((a, b) => b.length - a.length)
        .join('|'),
  },
  ORG_TAIL: {
    about: 'head nouns that end an English organisation’s name ("Bank", "Fund", "Holdings")',
    source: () => ORG_TAILS.map(escapeRe).join('|'),
  },
  PORTFOLIO_SEGMENT: {
    about: 'one portfolio of a ministry: ", de l’Économie numérique", "et de la Modernisation de l’Administration"',
    source: () =>
      `(?:(?:\\s*,\\s*|\\s+et\\s+|\\s+)(?:en\\s+charge\\s+|chargée?\\s+)?(?:de\\s+la|de\\s+l${APOS}|du|` +
      `des|de)\\s*(?!la\\b|l${APOS}|le\\b|les\\b)[\\p{L}-]+(?:\\s+(?!de\\b|du\\b|des\\b|et\\b|la\\b|` +
      `le\\b|les\\b|l${APOS}|d${APOS}|au\\b|aux\\b|en\\b|à\\b|a\\b|qui\\b|pour\\b|sur\\b|` +
      `par\\b)(?:\\p{Lu}[\\p{L}-]+|[\\p{Ll}-]+(?:ique|iques|ale|ales|al|aux|elle|elles|el|els|ienne|ien` +
      `|aire|aires|ive|if|ière|ier|technologies|publique|publiques)))?)`,
  },
  PERSON: {
    about: 'a person’s name: capitalised tokens, particles between them, at most six tokens',
    source: () => patterns().PERSON,
  },
  ROLE: { about: 'any title of roles.json (matched without case)', source: () => patterns().ROLE },
  ROLE_CS: {
    about: 'any title of roles.json, as written, capitalised or in title case',
    source: () => patterns().ROLE_CS,
  },
  CIVILITY: { about: 'any civility of people.json ("M.", "Mme", "Dr", "Général")', source: () => patterns().CIVILITY },
  PREP_END: {
    about: 'a preposition ending the text before an organisation: "… de la", "… of the", "… auprès du"',
    source: () =>
      `\\s+(?:de\\s+la|de\\s+l['’]|du|des|de|d['’]|of\\s+the|of|at\\s+the|at|chez|au|aux|à\\s+la|à\\s+l['’]|` +
      `auprès\\s+(?:du|de\\s+la|de\\s+l['’]|des))\\s*$`,
  },
  ORG_NOUNS: {
    about: 'common nouns that stand for an organisation named before: "la société", "the company"',
    source: () =>
      'régulateur|opérateur|société|agence|autorité|banque|groupe|entreprise|institution|firme|' +
      'compagnie|fonds|collectif|syndicat|association|coopérative|fintech|regulator|operator|company|' +
      'agency|bank|firm|group|lender|institution',
  },
  APPOINTED: {
    about: 'a participle of appointment before a title: "nommé", "nouvellement désignée", "appointed as", "qui est"',
    source: () =>
      String.raw`(?:(?:(?:récemment|nouvellement|newly|recently)\s+)?(?:nommée?|désignée?|élue?|promue?|` +
      String.raw`reconduite?|installée?|appointed|named|elected|promoted)\s+(?:au\s+poste\s+de\s+|as\s+)?|` +
      String.raw`(?:qui\s+est|who\s+is)\s+)`,
  },
  FORMER: {
    about: 'a title held before: "ex-", "ancien", "former", "désormais ex"',
    source: () => String.raw`(?:(?:désormais\s+)?ex-?\s*|ancien(?:ne)?\s+|former\s+|outgoing\s+)`,
  },
  TITLE_COMPLEMENT: {
    about: 'what may follow a title before the name: "directrice des affaires réglementaires", "chargé des opérations"',
    source: () =>
      `(?:\\s+(?:des|du|de\\s+la|de\\s+l['’]|de|d['’]|chargée?s?\\s+(?:de|des|du|de\\s+la)|pour|for|` +
      `in)\\s*[^,;.«»]{2,40}?)?`,
  },
};

const NAME = /(?<!\\[pP])\{([A-Z][A-Z0-9_]+)\}/gu;

/** The fragment names a trigger uses. */
export const fragmentsOf = (trigger: string): string[] => [...trigger.matchAll(NAME)].map((m) => m[1]!);

/** A trigger with its fragments written out; an unknown fragment is an error naming it. */
export function expand(trigger: string): string {
  return trigger.replace(NAME, (_m, name: string) => {
    const f = FRAGMENTS[name];
    if (!f)
      throw new Error(
        `rules: unknown fragment {${name}} in trigger ${trigger.slice(0, 80)}… (known: ` +
          `${Object.keys(FRAGMENTS).join(', ')})`,
      );
    return f.source();
  });
}

/**
 * A trigger compiled once: fragments written out, then (unless `plain`) `\b` given its Unicode
 * meaning by unicodeBoundaries(). `flags` as for RegExp.
 */
export function compile(trigger: string, flags = 'gu', plain = false): RegExp {
  const source = expand(trigger);
  return plain ? rx(source, flags) : cachedU(source, flags);
}

const uCache = new Map<string, RegExp>();
function cachedU(source: string, flags: string): RegExp {
  const k = flags + '\u0000' + source;
  let r = uCache.get(k);
  if (!r) uCache.set(k, (r = unicodeBoundaries(new RegExp(source, flags))));
  return r;
}
