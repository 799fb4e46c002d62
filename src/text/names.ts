// Spelling keys for West African names as the press writes them: one key for the spellings outlets use
// for one name ("Haïdara" / "Haidara" / "Aïdara", "Touré" / "Toure" / "Toureh", "Boubacar" / "Boubakar",
// "Appolinaire" / "Apollinaire", "Moussa" / "Musa", "Djibril" / "Jibril"). A leaf module: imports nothing.
// A shared key says two spellings may be one name; whether two people are one person needs more (see
// src/graph/variants.ts).

/** Lower case, no accents, apostrophes dropped, anything else that is not a letter or digit a space. */
export const foldName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

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

/** The words of a name as spelling keys: "Ibrahim Boubacar KEÏTA" → ["ibrahim", "bubakar", "keta"]. */
export const variantWords = (name: string): string[] => foldName(name).split(' ').filter(Boolean).map(variantKey);
