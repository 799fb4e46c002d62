// What the mention finders share: the record of a mention found, the spans already claimed, names
// and keys, and the lexicon's tests (a place, a word that is never an entity).
import { normaliseName } from '../text/keys.js';
import { lexicon } from './lexicon.js';
import { ORG_HEADS } from './patterns.js';

export type FoundKind = 'person' | 'organisation' | 'place';

export interface Found {
  start: number;
  end: number;
  /** Surface text, verbatim. */
  text: string;
  kind: FoundKind;
  rule: string;
  /** Display name: civility stripped, white space folded, names in capitals normalised. */
  name: string;
  keys: string[];
  lexId?: string;
  acronym?: string;
  /** A ministry's portfolios, normalised ("communication", "economie numerique"). */
  portfolio?: string[];
  /** One-word person mention (a surname after a civility or title): resolved to a full name or dropped. */
  single?: boolean;
  /**
   * The title or civility written right before a one-word person mention ("le Ministre SANGARE": "ministre"): such a
   * surname names a person even when the article never gives the full name.
   */
  titled?: string;
  /** Other forms of the name found with it ("Bibi" in "Maly Sangho dite Bibi"). */
  forms?: string[];
}

export const CONNECTOR_WORDS = new Set([
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'l',
  'd',
  'et',
  'pour',
  'en',
  'au',
  'aux',
  'sur',
  'of',
  'the',
  'and',
  'for',
  'a',
  'à',
  'qui',
]);

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "DONDRA" → "Dondra"; particles in capitals ("AG") → "Ag"; white space folded. */
export function displayName(raw: string): string {
  return squash(raw)
    .split(' ')
    .map((w) =>
      w.length >= 2 && w === w.toUpperCase() && /\p{L}{2}/u.test(w)
        ? w.toLowerCase().replace(/(^|[-’'])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
        : w,
    )
    .join(' ');
}

export const legalSuffix = /[\s-]+(?:SA|S\.A\.?|SARL|SAS|Ltd|Inc\.?|PLC)$/;
export const orgKey = (name: string) => `org:${normaliseName(name.replace(legalSuffix, ''))}`;
/** Keys of an organisation's name: an acronym-shaped name also keys as an acronym, so "l’AMNS" meets "… (AMNS)". */
export const orgKeys = (name: string): string[] => {
  const bare = name.replace(legalSuffix, '').trim();
  return /^[A-Z][A-Z0-9&]{1,9}$/.test(bare) ? [orgKey(name), `org:acr:${bare}`] : [orgKey(name)];
};
export const personKey = (name: string) => `person:${normaliseName(name)}`;

/** Width of the stretches of text the claimed spans are indexed by. */
const CLAIM_BUCKET = 64;

/** The buckets a span [s, e) covers: those of its characters (of its position when it is empty). */
const bucketsOf = (s: number, e: number): [number, number] => [
  Math.floor(s / CLAIM_BUCKET),
  Math.floor(Math.max(s, e - 1) / CLAIM_BUCKET),
];

/**
 * The spans claimed so far, indexed by stretch of text: an overlap test reads only the spans that
 * share a stretch with it, not every span of the article. Two spans that overlap share a character,
 * hence a stretch; a reversed span (end before start) is kept aside and always tested.
 */
export class Claims {
  private buckets = new Map<number, Array<[number, number]>>();
  private odd: Array<[number, number]> = [];
  overlaps(s: number, e: number): boolean {
    const hit = ([a, b]: [number, number]) => s < b && e > a;
    if (this.odd.some(hit)) return true;
    if (!(s <= e) || !Number.isFinite(s + e)) return [...this.buckets.values()].some((spans) => spans.some(hit));
    const [from, to] = bucketsOf(s, e);
    for (let k = from; k <= to; k++) if (this.buckets.get(k)?.some(hit)) return true;
    return false;
  }
  add(s: number, e: number): void {
    if (e < s || !Number.isFinite(s) || !Number.isFinite(e)) {
      this.odd.push([s, e]);
      return;
    }
    const [from, to] = bucketsOf(s, e);
    for (let k = from; k <= to; k++) {
      const spans = this.buckets.get(k);
      if (spans) spans.push([s, e]);
      else this.buckets.set(k, [[s, e]]);
    }
  }
}

export const isPlace = (s: string) => lexicon().places.has(normaliseName(s));
export const isNotEntity = (s: string) => lexicon().notEntities.has(normaliseName(s));

/**
 * "Fintech", "Ressources Humaines", "Télévision Numérique Terrestre": a name whose every word (connectors aside) is a
 * technology's or a department's common noun of the lexicon names no organisation.
 */
export function isCommonNounName(s: string): boolean {
  const words = normaliseName(s)
    .split(' ')
    .filter((w) => w && !CONNECTOR_WORDS.has(w));
  const common = lexicon().commonNouns;
  return words.length > 0 && words.every((w) => common.has(w));
}

/** The last word of each organisation head noun ("Conseil" of "Haut Conseil"). */
export const HEAD_SET = new Set(ORG_HEADS.map((h) => h.split(' ').pop()!));
