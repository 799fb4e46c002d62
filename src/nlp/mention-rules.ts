// The mention rules, as data: one record per rule id kept on every mention (see rule.ts). Finders
// run in priority order and a later one never takes text an earlier one claimed (mentions.ts).
import type { MentionRule } from './rule.js';

/** Determiners before a kind of organisation (org-noun-list). */
const ORG_NOUN_DETERMINERS = [
  String.raw`[Ll]a|[Ll]es?|[Ll]['’]|[Dd]es|[Dd]u|[Aa]ux?|[Ss]es|[Ll]eurs|[Tt]he`,
  'international|French|rights|digital|law',
].join('|');
/** Kinds of organisation that introduce a name, or a list of names, in lower case (org-noun-list). */
const ORG_NOUNS_MORE = [
  'chaînes?|radios?|télévisions?|journal|journaux|quotidiens?|hebdomadaires?|magazines?',
  'incubateurs?|accélérateurs?|consortiums?|groupements?|holdings?|filiales?',
  'start-?ups?|startups?|fintechs?|entreprises?|sociétés?|plateformes?',
  String.raw`law\s+firm|consultancy|firm|group|observatory|watchdog`,
].join('|');
/** Words between the kind and the name: "la chaîne privée X", "les start-up lauréates (X, Y et Z)". */
const ORG_NOUN_QUALIFIERS = [
  'privée?s?|publiques?|nationales?|internationales?|maliennes?|lauréates?|primées?|sélectionnées?|partenaires?',
  'françaises?|américaines?|sénégalaises?|burkinabès?|ivoiriennes?|panafricaines?',
  'numériques?|locales?|technologiques?',
  String.raw`d['’]information|en\s+ligne|de\s+télévision|de\s+radio`,
].join('|');
/** A count or an age before the kind: "les trois start-up", "les jeunes entreprises". */
const ORG_NOUN_COUNT = String.raw`(?:(?:jeunes?|nouvelles?|deux|trois|quatre|cinq|six)\s+)?`;

const ORG = { kind: 'organisation', lang: 'any', plain: true } as const;
const PERSON = { kind: 'person', lang: 'any', plain: true, trigger: '{PERSON}' } as const;

export const MENTION_RULES: readonly MentionRule[] = [
  {
    ...ORG,
    id: 'lexicon-org',
    priority: 10,
    finder:
      'the names, aliases, former and short names of data/lexicons/organisations.json, ' +
      'as tries (long names without case)',
    example: 'Orange Mali a lancé une offre.',
    counterexample: 'Une orange a été mangée.',
    reason: 'organisations of the sector the lexicon knows, by any of their names',
  },
  {
    ...ORG,
    id: 'org-country-subsidiary',
    priority: 11,
    finder: 'an organisation of the lexicon with a country other than Mali written right after it',
    example: 'Orange Guinée a recruté.',
    counterexample: 'Orange Mali a recruté.',
    reason: '"Orange Guinée", "Sama Money Burundi": a group’s name then a country names its subsidiary there',
  },
  {
    ...ORG,
    id: 'acronym-definition',
    priority: 20,
    trigger: String.raw`\(({ACR})\)`,
    example: 'La Société des Réseaux du Sahel (SRS) a recruté.',
    counterexample: 'La société a recruté (beaucoup).',
    reason: '"Long Name (ACR)": the capitalised phrase whose initials spell the acronym names an organisation',
  },
  {
    ...ORG,
    id: 'acronym-expansion',
    priority: 21,
    trigger: String.raw`(?<![\p{L}])([{UP}]{2,10})\s\(([{UP}][^()]{8,200})\)`,
    example: 'La SRS (Société des Réseaux du Sahel) a recruté.',
    counterexample: 'La SRS (depuis longtemps) a recruté.',
    reason: '"ACR (Long Name)": the expansion in parentheses names the organisation',
  },
  {
    ...ORG,
    id: 'acronym-use',
    priority: 30,
    finder: 'an acronym defined earlier in the article, used alone',
    example: 'La Société des Réseaux du Sahel (SRS) a recruté. La SRS emploie cent personnes.',
    counterexample: 'La SRS emploie cent personnes.',
    reason: 'an acronym the article defined refers to its organisation wherever it is used',
  },
  {
    ...ORG,
    id: 'ministry',
    priority: 40,
    plain: false,
    trigger:
      String.raw`(?<![\p{L}])(?:[Mm]inist[èe]re|[Dd]épartement(?=\s+(?:en\s+charge\s+|chargée?\s+)?` +
      String.raw`(?:de\s+la|de\s+l['’]|du|des|de)\s*[{UP}]))(?:\s+(?:malien|malienne))?((?:{PORTFOLIO_SEGMENT})+)`,
    example: 'Le ministère de la Communication a publié un communiqué. Il dirige le département de la Communication.',
    counterexample: 'Le ministère a publié un communiqué. Il vit dans le département de Kayes.',
    reason:
      'a ministry named by its portfolios, keyed by them whatever their order; "le département de la Communication" ' +
      'is the ministry too (a place after "département" is not a portfolio)',
  },
  {
    ...ORG,
    id: 'org-head-word',
    priority: 50,
    // (not the rank "Général de Brigade")
    trigger: String.raw`(?<![\p{L}])(?<![Gg]énéral\s+de\s+)(?:{ORG_HEAD})(?![\p{L}])`,
    example: 'La Fondation Sahel Connect a offert des ordinateurs.',
    counterexample: 'La fondation a offert des ordinateurs.',
    reason: 'a capitalised phrase opening with a head noun ("Agence", "Fondation", "Banque") names an organisation',
  },
  {
    ...ORG,
    id: 'org-tail-word',
    priority: 51,
    trigger: String.raw`(?:[{UP}][\p{L}&-]+\s+){1,5}(?:{ORG_TAIL})(?![\p{L}])`,
    example: 'Sahel Digital Ventures invested in the project.',
    counterexample: 'Several ventures invested in the project.',
    reason: 'English: capitalised words ending with a head noun ("Bank", "Fund", "Holdings")',
  },
  {
    ...ORG,
    id: 'org-introducer',
    priority: 60,
    trigger: String.raw`{ORG_INTRODUCER}\s+(?:(?:de|d['’]|des|du|en)\s?[\p{Ll}’' -]{0,36}?\s)?({CHUNK})`,
    example: 'La société Kalanso Digital a ouvert ses portes.',
    counterexample: 'La société a ouvert ses portes.',
    reason: '"la société X", "l’opérateur X": a noun that introduces an organisation’s name',
  },
  {
    ...ORG,
    id: 'org-role-complement',
    priority: 61,
    trigger:
      String.raw`(?<![\p{L}])(?:{ROLE_CS}|celui|celle)\s+` +
      String.raw`(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+(?:the\s+)?)({CHUNK})`,
    example: 'M. Oumar Sidibé, directeur général de Kalanso Digital, a parlé.',
    counterexample: 'M. Oumar Sidibé, directeur général de la société, a parlé.',
    reason: 'the complement of a title ("directeur général de X") is an organisation',
  },
  {
    ...ORG,
    id: 'org-partner',
    priority: 62,
    trigger: String.raw`(?:[Pp]artenariat|[Aa]ccord|[Cc]onvention|[Cc]ontrat)\s+avec\s+(?:la\s+|le\s+|l['’])?({CHUNK})`,
    example: 'Un partenariat avec Kalanso Digital a été conclu.',
    counterexample: 'Un partenariat avec la commune a été conclu.',
    reason: '"partenariat avec X", "accord avec X": X is an organisation',
  },
  {
    ...ORG,
    id: 'org-apposed-kind',
    priority: 63,
    needs: String.raw`,\s`,
    trigger:
      String.raw`(?<![\p{L}])({NAME_WITH_CONNECTORS}),\s+(?:(?:une?|an?)\s+(?:{ORG_KINDS})(?![\p{L}])|` +
      String.raw`(?:la|le|l['’]|the)\s*(?:{ORG_KINDS})\s+(?:de|des|du|d['’]|of|qui|that|which)(?![\p{L}]))`,
    unless: '"X, la société revendique": a definite article without a complement opens a new clause',
    example: 'Lumière du Niger Énergie, une PME bamakoise, a installé des panneaux.',
    counterexample: 'Lumière du Niger Énergie, une réussite, a installé des panneaux.',
    reason: '"X, une PME …", "X, la coopérative des …": a kind of organisation in apposition',
  },
  {
    ...ORG,
    id: 'org-noun-list',
    priority: 63.5,
    trigger:
      String.raw`(?<![\p{L}])(?:${ORG_NOUN_DETERMINERS})\s*${ORG_NOUN_COUNT}(?:${ORG_NOUNS_MORE})` +
      String.raw`(?:\s+(?:${ORG_NOUN_QUALIFIERS})){0,2}\s*\(?\s*({CHUNK})`,
    unless: 'the noun in capitals ("la Radio X" is a name of its own)',
    example:
      'La chaîne privée Kanu TV News a été suspendue. ' +
      'Les start-up lauréates (Moringa Plus, Sahel Oil et Kalo Sarl) ont reçu un prix.',
    counterexample: 'La chaîne a été suspendue par Moussa Diarra.',
    reason:
      '"la chaîne privée X", "le consortium X, Y et Z", "the law firm X": a kind of organisation, ' +
      'then its name or a list of names',
  },
  {
    ...ORG,
    id: 'org-camel-case',
    priority: 63.6,
    finder: 'a word with a capital inside after two small letters or more, a small word before it',
    example: 'Les projets seront accompagnés par KalaLabs au Mali.',
    counterexample: 'Partager : Facebook KalaLabs Imprimer',
    reason: '"JokkoLabs", "NetBlocks": brands write a capital inside a word, people’s names do not',
  },
  {
    ...ORG,
    id: 'org-court',
    priority: 64,
    needs: String.raw`[Tt]ribunal|[Cc]our\s`,
    trigger:
      String.raw`(?<![\p{L}])((?:` +
      String.raw`[Tt]ribunal\s+(?:de\s+commerce|de\s+grande\s+instance|de\s+première\s+instance|` +
      String.raw`administratif|du\s+travail)|` +
      String.raw`[Cc]our\s+(?:suprême|d['’]appel|constitutionnelle|des\s+comptes|commune))` +
      String.raw`(?:\s+(?:de|d['’])\s*[{UP}][\p{L}-]+)?)`,
    example: 'Le tribunal de commerce de Bamako a tranché.',
    counterexample: 'Le tribunal a tranché.',
    reason: 'courts, named in lower case ("le tribunal de commerce de Bamako", "la Cour suprême")',
  },
  {
    ...ORG,
    id: 'org-introducer-after-preposition',
    priority: 65,
    needs:
      String.raw`(?:au|du)\s+(?:cabinet|groupe|consortium|fournisseur|fonds)|` +
      String.raw`la\s+(?:société|firme|banque|compagnie|start|fintech|coopérative|plateforme)|` +
      String.raw`l['’](?:entreprise|opérateur|agence|association|ONG)`,
    trigger:
      String.raw`(?<![\p{L}])(?:(?:[Aa]u|[Dd]u)\s+(?:cabinet|groupe|consortium|fournisseur|fonds)|` +
      String.raw`(?:[Àà]|[Dd]e)\s+la\s+(?:société|firme|banque|compagnie|start-?up|fintech|coopérative|plateforme)|` +
      String.raw`(?:[Àà]|[Dd]e)\s+l['’](?:entreprise|opérateur|agence|association|ONG))\s+({CHUNK})`,
    example: 'Mme Awa Traoré est analyste au cabinet Sahel Conseil.',
    counterexample: 'Mme Awa Traoré est analyste au cabinet du maire.',
    reason: '"analyste au cabinet X", "à la société X": the introducer after a preposition, the name capitalised',
  },
  {
    ...ORG,
    id: 'org-possessive-title',
    priority: 66,
    needs: String.raw`['’]s\s`,
    trigger: String.raw`(?<![\p{L}])({CHUNK})['’]s\s+(?:new\s+|former\s+)?(?:{ROLE_CS})(?![\p{L}])`,
    unless: 'a place ("Mali’s minister") or a single word (it may be a person’s name)',
    example: 'Kora Mobile’s chief executive officer spoke on Monday.',
    counterexample: 'Mali’s chief executive officer spoke on Monday.',
    reason: 'English: "X’s chief executive": X is an organisation',
  },
  {
    ...ORG,
    id: 'org-based',
    priority: 67,
    needs: String.raw`-based\s`,
    trigger: String.raw`(?<![\p{L}])[{UP}][\p{L}]+(?:-[{UP}][\p{L}]+)?-based\s+({CHUNK})`,
    example: 'Accra-based Volta Masts Africa won the tender.',
    counterexample: 'Accra-based engineers won the tender.',
    reason: 'English: "Accra-based X": X is an organisation',
  },
  {
    ...ORG,
    id: 'org-repeat',
    priority: 70,
    finder: 'an organisation found by its context, written again the same way (or by its distinctive first word)',
    example: 'La société Kalanso Digital a ouvert ses portes. Kalanso Digital emploie vingt personnes.',
    counterexample: 'Kalanso Digital emploie vingt personnes.',
    reason: 'an organisation found once by its context is named wherever the article writes it the same way',
  },
  {
    ...ORG,
    id: 'org-former-name',
    priority: 71,
    flags: 'u',
    trigger:
      String.raw`^\s*[,(]?\s*` +
      String.raw`(?:ex-|ex\s+|anciennement\s+|formerly\s+|former\s+|ancien(?:ne)?ment\s+appelée?\s+)({CHUNK})`,
    example: 'Moov Africa Malitel, anciennement Sahel Télécom, a investi.',
    counterexample: 'Moov Africa Malitel, comme Sahel Télécom, a investi.',
    reason: '"X (ex-Y)", "X, anciennement Y", "X, formerly Y": Y is another name of X',
  },
  {
    id: 'lexicon-place',
    kind: 'place',
    lang: 'any',
    priority: 80,
    finder: 'the places of data/lexicons/places.json, as a trie',
    example: 'Le réseau couvre désormais Sikasso.',
    counterexample: 'Le réseau couvre désormais la région.',
    reason: 'places are claimed first, so they are never read as people',
  },
  {
    ...ORG,
    ...PERSON,
    kind: 'organisation',
    id: 'org-company-word',
    priority: 90,
    unless: 'a civility before the name ("M. Mobile Diarra")',
    example: 'Kora Mobile a recruté dix ingénieurs.',
    counterexample: 'Kora Diarra a recruté dix ingénieurs.',
    reason: 'a capitalised name holding a company word of people.json ("Mobile", "Tech") is an organisation’s',
  },
  {
    ...PERSON,
    id: 'person-context',
    priority: 91,
    example: 'M. Oumar Sidibé a inauguré le centre.',
    counterexample: 'Centre Sidibé inauguré.',
    reason:
      'a name of two words or more that its context makes a person’s (a civility, a title, a speech verb…) ' +
      'or the first-name lexicon knows',
  },
  {
    ...PERSON,
    id: 'person-surname',
    priority: 92,
    example: 'M. Oumar Sidibé a inauguré le centre. M. Sidibé a ensuite parlé.',
    counterexample: 'Le centre Sidibé a été inauguré.',
    reason: 'one word after a civility or a title: a surname, resolved to the full name given earlier or dropped',
  },
];

const byId = new Map(MENTION_RULES.map((r) => [r.id, r]));
/** A mention rule by id: an unknown id is an error. */
export function mentionRule(id: string): MentionRule {
  const r = byId.get(id);
  if (!r) throw new Error(`rules: no mention rule "${id}" in src/nlp/mention-rules.ts`);
  return r;
}
