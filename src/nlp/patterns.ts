// Regular-expression building blocks for the genre, built once from the lexicons.
import { lexicon } from './lexicon.js';

export const UPPERCASE = 'A-ZÀ-ÖØ-ÞŒ';
export const APOS = "['’]";

/**
 * `\b` in JavaScript only knows ASCII letters ("signé\b" never matches): give it its Unicode meaning.
 * Before a word (`\bavec`, `\b(?:a|ont)`) it becomes "no letter before"; after one (`visité\b`), "no
 * letter after" — cheaper than the two-sided boundary, which made every rule scan slowly.
 */
export const unicodeBoundaries = (re: RegExp): RegExp =>
  new RegExp(
    re.source.replace(/\\b/g, (_m, at: number, src: string) =>
      startsWord(src, at) ? '(?<![\\p{L}\\p{N}_])' : '(?![\\p{L}\\p{N}_])',
    ),
    re.flags.includes('u') ? re.flags : re.flags + 'u',
  );

/** Whether the `\b` at `at` opens a word (a letter follows, or nothing word-like ends before it). */
function startsWord(src: string, at: number): boolean {
  const next = src[at + 2] ?? '';
  if (/\p{L}/u.test(next)) return true;
  const prev = src[at - 1] ?? '';
  const prev2 = src[at - 2] ?? '';
  const endsWord = /[\p{L})]/u.test(prev) || (prev === '?' && /[\p{L})]/u.test(prev2));
  return !endsWord;
}

/** The word-boundary look-behinds unicodeBoundaries() writes (and the rules' own "no letter before"). */
const BOUNDARIES = ['(?<![\\p{L}\\p{N}_])', '(?<![\\p{L}])'];

/**
 * The pattern without its word-boundary look-behinds: it matches wherever the pattern matches (and
 * more), but a look-behind at the start makes the engine test it at every position, where a pattern
 * that starts with letters is searched for quickly. Undefined when a look-behind sits inside a
 * negative look-around, where dropping it would not loosen the pattern.
 */
export function relaxed(re: RegExp): RegExp | undefined {
  let src = re.source;
  if (!BOUNDARIES.some((b) => src.includes(b))) return undefined;
  for (const b of BOUNDARIES) src = src.split(b).join('\u0000');
  // every remaining "(" that opens a negative look-around must not enclose a removed boundary
  const stack: boolean[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    else if (c === '(') stack.push(src.startsWith('(?!', i) || src.startsWith('(?<!', i));
    else if (c === ')') stack.pop();
    else if (src[i] === '\u0000' && stack.some(Boolean)) return undefined;
  }
  return new RegExp(src.split('\u0000').join(''), re.flags.replace('g', ''));
}

const hints = new WeakMap<RegExp, RegExp | null>();
/** The matches of a global pattern in a text, after a quick test of its relaxed form (most sentences fail it). */
export function scan(re: RegExp, text: string): IterableIterator<RegExpMatchArray> | [] {
  let hint = hints.get(re);
  if (hint === undefined) hints.set(re, (hint = relaxed(re) ?? null));
  return hint && !hint.test(text) ? [] : text.matchAll(re);
}

const compiled = new Map<string, Map<string, RegExp>>();
/**
 * A compiled regular expression, built once per source and flags (the rules build theirs from lexicons).
 * Keyed by flags, then by the source itself: no key string is concatenated from a long source per call.
 */
export const rx = (source: string, flags = 'u'): RegExp => {
  let byFlags = compiled.get(flags);
  if (!byFlags) compiled.set(flags, (byFlags = new Map()));
  let r = byFlags.get(source);
  if (!r) byFlags.set(source, (r = new RegExp(source, flags)));
  return r;
};

/** A value computed on first use, then kept (patterns built from the lexicons, which load lazily). */
export const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A lexicon phrase as a tolerant pattern: any white space, either apostrophe, hyphen or space. */
export const flexible = (phrase: string): string =>
  escapeRe(phrase)
    .replace(/['’]/g, APOS)
    .replace(/\\-|\s+/g, '[\\s\\-]+');

/** A capitalised name token: "Leyti", "N’Diaye", "Henri-Marie", "DONDRA", "NTowa", "Keïta". */
export const NAME_TOKEN = `(?:N${APOS})?[${UPPERCASE}][\\p{L}]*(?:[\\-${APOS.slice(1, -1)}][\\p{L}]+)*`;

/** A word of a person's name: a name word, or two joined by a slash ("Zerbo/Sabane"). */
const PERSON_TOKEN = `${NAME_TOKEN}(?:/[${UPPERCASE}]\\p{Ll}+)?`;

const SEP = '[\\s\\-]+';

/** flexible()'s pattern of a phrase, unit by unit (a character, an apostrophe, a run of white space). */
export const flexibleUnits = (phrase: string): string[] => {
  const units: string[] = [];
  for (const m of phrase.matchAll(/\s+|['’]|[^]/gu))
    units.push(/^\s/u.test(m[0]) ? SEP : /['’]/u.test(m[0]) ? APOS : escapeRe(m[0]));
  return units;
};

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
  /** Units on the longest path below. */
  depth: number;
}

/**
 * The alternation of unit sequences (each a pattern fragment), factored as a trie: "(?:d(?:irecteur|g)…)".
 * It matches what "seq1|seq2|…" matches; where several sequences match at one place, the longer is
 * tried first (children before the end of a word, deeper branches first), as with alternatives sorted
 * longest first.
 */
export function trieAlternation(seqs: string[][]): string {
  const root: TrieNode = { end: false, next: new Map(), depth: 0 };
  for (const seq of seqs) {
    let n = root;
    for (const u of seq) {
      let c = n.next.get(u);
      if (!c) n.next.set(u, (c = { end: false, next: new Map(), depth: 0 }));
      n = c;
    }
    n.end = true;
  }
  const depth = (n: TrieNode): number => (n.depth = Math.max(0, ...[...n.next.values()].map((c) => depth(c) + 1)));
  depth(root);
  const emit = (n: TrieNode): string => {
    const alts = [...n.next].sort((a, b) => b[1].depth - a[1].depth).map(([u, c]) => u + emit(c));
    if (!alts.length) return '';
    if (alts.length === 1 && !n.end) return alts[0]!;
    return `(?:${alts.join('|')})${n.end ? '?' : ''}`;
  };
  return emit(root);
}

let cache: ReturnType<typeof build> | undefined;
export const patterns = () => (cache ??= build());

function build() {
  const lex = lexicon();
  const roleForms = lex.roles
    .flatMap((r) => r.forms.map((f) => ({ form: f, role: r.role, head: !!r.head })))
    .sort((a, b) => b.form.length - a.form.length);
  // the same language as the forms joined by "|" (flexible(), matched with the i flag), as a trie: the
  // engine reads a title letter by letter instead of trying a few hundred alternatives at every position
  const roleAlt = trieAlternation(roleForms.map((r) => flexibleUnits(r.form.toLowerCase())));
  const particles = [...lex.particles].map(escapeRe).join('|');
  const civilities = lex.civilities.map((c) => flexible(c).replace(/\\\.$/, '\\.?')).join('|');
  // case-sensitive variants: as written, first letter either case, each word capitalised
  const variants = new Set<string>();
  for (const r of roleForms) {
    const f = r.form;
    variants.add(f);
    variants.add(f[0]!.toUpperCase() + f.slice(1));
    variants.add(f[0]!.toLowerCase() + f.slice(1));
  }
  // roleOf's lookup: the first role form (in roleForms order) for each folded spelling
  const roleByForm = new Map<string, (typeof roleForms)[number]>();
  for (const r of roleForms) {
    const k = r.form.toLowerCase().replace(/’/g, "'");
    if (!roleByForm.has(k)) roleByForm.set(k, r);
  }
  // every lower-case letter of a form may be written in capitals ("président du Conseil d’administration");
  // forms in capitals (DG, PCA) stay as they are
  const anyCase = (f: string): string[] => {
    const units: string[] = [];
    for (const c of f) {
      const u = /\p{Ll}/u.test(c)
        ? `[${c}${c.toUpperCase()}]`
        : /['’]/.test(c)
          ? APOS
          : /[\s-]/.test(c)
            ? SEP
            : escapeRe(c);
      if (!(u === SEP && units[units.length - 1] === SEP)) units.push(u);
    }
    return units;
  };
  // a variant whose every letter another variant also allows adds nothing ("Président" beside
  // "président", which allows either case): dropping it keeps the trie from doubling its branches
  const csUnits = [...variants].map(anyCase);
  const within = (u: string, w: string) => u === w || (u.length === 1 && w === `[${u.toLowerCase()}${u}]`);
  const subsumed = (v: string[], w: string[]) =>
    v !== w && v.length === w.length && v.every((u, i) => within(u, w[i]!));
  const roleCs = trieAlternation(csUnits.filter((v) => !csUnits.some((w) => subsumed(v, w) && !subsumed(w, v))));
  return {
    roleForms,
    /** Any role form, matched case-sensitively (as written, capitalised, or in title case). */
    ROLE_CS: `(?:${roleCs})`,
    /** Any role form (case-insensitive use). */
    ROLE: `(?:${roleAlt})`,
    CIVILITY: `(?:${civilities})`,
    /** A person's name: name tokens, particles between them, at most six tokens. */
    // an initial may stand between names ("Amadou B. Traoré")
    // a married woman's name after her own, after a slash, as Burkinabè and Ivorian press write it ("Zerbo/Sabane")
    PERSON: `${PERSON_TOKEN}(?:[\\s]+(?:(?:${particles})[\\s]+|[${UPPERCASE}]\\.\\s+)*${PERSON_TOKEN}){0,5}`,
    roleOf(form: string): { role: string; head: boolean } | undefined {
      const f = form.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
      const hit = roleByForm.get(f);
      return hit ? { role: hit.role, head: hit.head } : undefined;
    },
  };
}

/** English head nouns of organisation names ("… Authority", "Ministry of …"); orgs.ts reads English names by them. */
export const ENGLISH_ORG_HEADS = [
  'Agency',
  'Authority',
  'Bank',
  'Fund',
  'Company',
  'Corporation',
  'Foundation',
  'Institute',
  'Council',
  'Committee',
  'Organization',
  'Federation',
  'Chamber',
  'Ministry',
  'University',
  'Society',
];
/** Organisation head nouns: a capitalised phrase starting with one of them names an organisation. */
export const ORG_HEADS = [
  'Agence',
  'Autorité',
  'Société',
  'Banque',
  'Direction',
  'Union',
  'Fédération',
  'Confédération',
  'Comité',
  'Conseil',
  'Haut Conseil',
  'Fonds',
  'Association',
  'Orphelinat',
  'Institut',
  'Centre',
  'Groupe',
  'Fondation',
  'Chambre',
  'Jeune Chambre',
  'Office',
  'Université',
  'Commission',
  'Cellule',
  'Observatoire',
  'Alliance',
  'Organisation',
  'Syndicat',
  'Collectif',
  'Coalition',
  'Ordre',
  'Compagnie',
  'Caisse',
  'Mutuelle',
  'Cabinet',
  'École',
  'Ecole',
  'Réseau',
  'Plateforme',
  'Coopérative',
  'Entreprise',
  'Établissement',
  'Etablissement',
  'Consortium',
  'Brigade',
  'Service',
  'Incubateur',
  'Laboratoire',
  'Académie',
  'Secrétariat',
  'Inspection',
  'Régie',
  ...ENGLISH_ORG_HEADS,
  'Commission',
  'Union',
];

/** English phrases end with their head: "West African Development Bank". */
export const ORG_TAILS = [
  'Bank',
  'Fund',
  'Agency',
  'Authority',
  'Union',
  'Corporation',
  'Company',
  'Group',
  'Foundation',
  'Institute',
  'Council',
  'Committee',
  'Organization',
  'Organisation',
  'Association',
  'Telecom',
  'Telecoms',
  'Technologies',
  'Holding',
  'Holdings',
  'Networks',
  'Ventures',
  'Capital',
  'Partners',
  'SA',
  'SARL',
  'SAS',
  'Ltd',
  'Inc',
];

/** Nouns that introduce an organisation's name: "la société X", "l’opérateur X". */
const ORG_INTRODUCERS_FR =
  "la société|la firme|l['’]entreprise|l['’]opérateur|le groupe|la start-?up|la fintech|la banque|la compagnie|" +
  "le cabinet|le fournisseur(?: d['’]accès)?|le service(?: de [\\p{Ll}' ’]+?)?|l['’]agence|l['’]ONG|l['’]association";
const ORG_INTRODUCERS_EN = 'the company|the firm|the operator|the group|the bank|the start-?up';
export const ORG_INTRODUCERS = `(?:${ORG_INTRODUCERS_FR}|${ORG_INTRODUCERS_EN})`;
