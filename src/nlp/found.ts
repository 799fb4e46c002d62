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
  /** Other forms of the name found with it ("Bibi" in "Maly Sangho dite Bibi"). */
  forms?: string[];
}

export const CONNECTOR_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'pour', 'en', 'au', 'aux', 'sur', 'of', 'the', 'and', 'for', 'a', 'à', 'qui']);

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "DONDRA" → "Dondra"; particles in capitals ("AG") → "Ag"; white space folded. */
export function displayName(raw: string): string {
  return squash(raw)
    .split(' ')
    .map((w) =>
      w.length >= 2 && w === w.toUpperCase() && /\p{L}{2}/u.test(w)
        ? w
            .toLowerCase()
            .replace(/(^|[-’'])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
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

export class Claims {
  private spans: Array<[number, number]> = [];
  overlaps(s: number, e: number): boolean {
    return this.spans.some(([a, b]) => s < b && e > a);
  }
  add(s: number, e: number): void {
    this.spans.push([s, e]);
  }
}

export const isPlace = (s: string) => lexicon().places.has(normaliseName(s));
export const isNotEntity = (s: string) => lexicon().notEntities.has(normaliseName(s));

/** The last word of each organisation head noun ("Conseil" of "Haut Conseil"). */
export const HEAD_SET = new Set(ORG_HEADS.map((h) => h.split(' ').pop()!));
