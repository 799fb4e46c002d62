// Deterministic keys: the same name always gives the same key, whatever the article or the order.

const normalise = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Names normalised so far: the same names come back in every article and every comparison (bounded). */
const normalised = new Map<string, string>();

/** Lower case, no accents, typographic apostrophes folded, punctuation to single spaces. */
export const normaliseName = (s: string): string => {
  let n = normalised.get(s);
  if (n === undefined) {
    n = normalise(s);
    if (normalised.size >= 100_000) normalised.clear();
    normalised.set(s, n);
  }
  return n;
};

/** A slug for node keys: "Leyti N’Diaye" → "leyti-ndiaye". */
export const slug = (s: string): string => normaliseName(s).replace(/ /g, '-');

export const KIND_PREFIX = { person: 'person', organisation: 'org', topic: 'topic', place: 'place' } as const;

/** Levenshtein distance: how many letters to add, drop or change to turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Whether `a` and `b` are at most `k` letters apart (editDistance(a, b) <= k), computing only the band
 * of the table within `k` of its diagonal, and stopping as soon as a row is all above `k`.
 */
export function withinEditDistance(a: string, b: string, k: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > k) return false;
  const INF = k + 1;
  let prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= k ? j : INF;
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(INF);
    cur[0] = i <= k ? i : INF;
    let best = cur[0];
    for (let j = Math.max(1, i - k); j <= Math.min(b.length, i + k); j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = Math.min(v, INF);
      if (cur[j]! < best) best = cur[j]!;
    }
    if (best > k) return false;
    prev = cur;
  }
  return prev[b.length]! <= k;
}
