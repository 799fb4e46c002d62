// Spelling keys for West African names as the press writes them: one key for the spellings outlets use
// for one name ("Haïdara" / "Haidara" / "Aïdara", "Touré" / "Toure" / "Toureh", "Boubacar" / "Boubakar",
// "Appolinaire" / "Apollinaire", "Moussa" / "Musa", "Djibril" / "Jibril"). A leaf module: imports only src/text.
// A shared key says two spellings may be one name; whether two people are one person needs more (see
// src/graph/variants.ts).

import { normaliseName } from './keys.js';

/** Lower case, no accents, apostrophes dropped, anything else that is not a letter or digit a space. */
export const foldName = normaliseName;

/**
 * The spelling key of one folded word: `dj` → `j`, `sh` → `ch`, an `h` that is not in `ch` dropped,
 * `c`/`q(u)`/`ck` sounding k → `k`, `ou` → `u`, `ai`/`ei`/`ay`/`ey` → `e`, `y` → `i`, doubled letters single.
 */
export function variantKey(word: string): string {
  return word
    .replace(/dj/g, 'j')
    .replace(/sh/g, 'ch')
    .replace(/(?<!c)h/g, '')
    .replace(/ck|qu|q/g, 'k')
    .replace(/c(?![eiy]|h)/g, 'k')
    .replace(/ou/g, 'u')
    .replace(/[ae][iy](?![aeiou])/g, 'e')
    .replace(/y/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
}

const memo = new Map<string, string[]>();

/** The words of a name as spelling keys: "Ibrahim Boubacar KEÏTA" → ["ibrahim", "bubakar", "keta"]. */
export function variantWords(name: string): string[] {
  let words = memo.get(name);
  if (!words) {
    if (memo.size >= 100_000) memo.clear(); // a bounded cache: names recur across a graph's pairs
    memo.set(name, (words = foldName(name).split(' ').filter(Boolean).map(variantKey)));
  }
  return words;
}

/** How two names of people may be one name. */
export type NameMatch = 'spelling' | 'given-name' | 'middle-name' | 'register-order';

/** A middle word, or an initial of it ("K." for "Kadiatou"). */
const sameMiddle = (a: string, b: string) =>
  a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

/** `b` is `a` with its first word moved last ("DIALLO Souleymane" / "Souleymane Diallo"). */
const firstMovedLast = (a: string[], b: string[]) =>
  a.length === b.length && [...a.slice(1), a[0]].every((w, i) => w === b[i]);

/**
 * Whether two names of people may name one person, and how: the same words spelt apart ("Haïdara" /
 * "Haidara", an initial for a middle name), one given name a letter apart with the same surname
 * ("Ibrahim" / "Ibrahima"), a middle name left out, or the civil register's order (surname first).
 * Never on a surname alone: both names have at least two words, and first names agree.
 */
export function personNamesMatch(x: string, y: string): NameMatch | undefined {
  const a = variantWords(x);
  const b = variantWords(y);
  if (a.length < 2 || b.length < 2) return undefined;
  const n = a.length - 1;
  // every way below needs the same surname, or one's first word the other's last
  if (a[n] !== b[b.length - 1] && a[0] !== b[b.length - 1] && b[0] !== a[n]) return undefined;
  if (a.length === b.length) {
    const differ = a.map((_w, i) => i).filter((i) => !(i > 0 && i < n ? sameMiddle(a[i]!, b[i]!) : a[i] === b[i]));
    if (!differ.length) return 'spelling';
    const i = differ[0]!;
    const [u, v] = [a[i]!, b[i]!];
    // "Ibrahim" / "Ibrahima": one given name is the other and a last letter
    const [short, long] = u.length < v.length ? [u, v] : [v, u];
    if (differ.length === 1 && i < n && short.length >= 5 && long.length === short.length + 1 && long.startsWith(short))
      return 'given-name';
    if (firstMovedLast(a, b) || firstMovedLast(b, a)) return 'register-order';
    return undefined;
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  if (s[0] !== l[0] || s[s.length - 1] !== l[l.length - 1]) return undefined;
  // the shorter name's middle words, in order, among the longer name's
  let j = 1;
  for (const w of s.slice(1, -1)) {
    while (j < l.length - 1 && !sameMiddle(w, l[j]!)) j++;
    if (j >= l.length - 1) return undefined;
    j++;
  }
  return 'middle-name';
}

/**
 * The best way two people's names match, or undefined: any of the names of one against any of the other's,
 * unless their fullest names (three words or more each) say they are two people ("Harouna Mamadou Toureh"
 * and "Arouna Modibo Touré" share "Harouna Toureh" / "Arouna Touré", but not their middle names).
 */
export function bestNameMatch(xs: string[], ys: string[]): NameMatch | undefined {
  const fullest = (ns: string[]) =>
    ns.reduce((f, n) =>
      variantWords(n).length > variantWords(f).length || (variantWords(n).length === variantWords(f).length && n < f)
        ? n
        : f,
    );
  const [fx, fy] = [fullest(xs), fullest(ys)];
  if (variantWords(fx).length >= 3 && variantWords(fy).length >= 3 && !personNamesMatch(fx, fy)) return undefined;
  let best: NameMatch | undefined;
  for (const x of xs)
    for (const y of ys) {
      const m = personNamesMatch(x, y);
      if (m && (!best || STRENGTH.indexOf(m) < STRENGTH.indexOf(best))) best = m;
    }
  return best;
}

const STRENGTH: NameMatch[] = ['spelling', 'given-name', 'register-order', 'middle-name'];

/** Small words an acronym may skip, and too common in names of the sector to say two names are alike. */
export const SMALL_WORDS = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'en',
  'pour',
  'of',
  'the',
  'and',
  'for',
  'a',
  'au',
  'aux',
]);

/** "AMRTP" when `name` is written as an acronym (2 to 8 capitals or digits, optional dots). */
export function asAcronym(name: string): string | undefined {
  const compact = name.replace(/\./g, '').trim();
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(compact) ? compact.replace(/&/g, '') : undefined;
}

/**
 * Does the acronym abbreviate the name? Its letters are the initials of the name's words, in order;
 * small words ("de", "des") may be skipped, and up to a third of the other words.
 */
export function abbreviates(acronym: string, name: string): boolean {
  const words = acronymWords(name);
  const content = words.filter((w) => !SMALL_WORDS.has(w));
  const acr = acronym.toLowerCase();
  if (content.length < 2 || acr.length < 2 || content[0]![0] !== acr[0]) return false;
  let i = 0;
  let skipped = 0;
  for (const w of words) {
    if (i < acr.length && w[0] === acr[i]) i++;
    else if (!SMALL_WORDS.has(w)) skipped++;
  }
  return i === acr.length && skipped <= Math.floor(content.length / 3);
}

const wordMemo = new Map<string, string[]>();

/** The words of a name an acronym is read from: an elided article ("d’Accès") is not a word of it. */
function acronymWords(name: string): string[] {
  let words = wordMemo.get(name);
  if (!words) {
    if (wordMemo.size >= 100_000) wordMemo.clear();
    wordMemo.set(
      name,
      (words = foldName(name.replace(/\b[dDlL][’']/g, ''))
        .split(' ')
        .filter(Boolean)),
    );
  }
  return words;
}
