// The banded edit-distance test must agree with the full edit distance (it decides spelling variants).
import { describe, expect, it } from 'vitest';
import { editDistance, withinEditDistance } from '../../src/text/keys.js';
import { mulberry32 } from '../../src/graph/random.js';

describe('withinEditDistance', () => {
  it('says editDistance(a, b) <= k, for names and for random strings', () => {
    const pairs: Array<[string, string]> = [
      ['appolinaire', 'apollinaire'],
      ['compaore', 'compaoré'],
      ['ndiaye', 'n diaye'],
      ['keita', 'keïta'],
      ['', 'ab'],
      ['traore', 'traore'],
    ];
    const r = mulberry32(7);
    const word = () =>
      Array.from({ length: 1 + Math.floor(r() * 9) }, () => 'aeiklmnorst'[Math.floor(r() * 11)]).join('');
    for (let i = 0; i < 2000; i++) pairs.push([word(), word()]);
    for (const [a, b] of pairs)
      for (const k of [0, 1, 2, 3])
        expect(withinEditDistance(a, b, k), `${a} / ${b} within ${k}`).toBe(editDistance(a, b) <= k);
  });
});
