// Deterministic keys: the same name always gives the same key, whatever the article or the order.

/** Lower case, no accents, typographic apostrophes folded, punctuation to single spaces. */
export const normaliseName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A slug for node keys: "Leyti N’Diaye" → "leyti-ndiaye". */
export const slug = (s: string): string => normaliseName(s).replace(/ /g, '-');

export const KIND_PREFIX = { person: 'person', organisation: 'org', topic: 'topic', place: 'place' } as const;

/** Levenshtein distance: how many letters to add, drop or change to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
