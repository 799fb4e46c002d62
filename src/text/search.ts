// Binary search over sorted data. A leaf module: imports nothing.

/** The first index in [0, length) for which `before(i)` is false, `before` being true then false along the range. */
export function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
