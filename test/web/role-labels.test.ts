// A woman's title reads in English as its canonical role does (the feminine labels of roles.json).
import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../web/src/labels.js';

describe('roleLabel', () => {
  it.each([
    ['Directrice générale', 'Director General'],
    ['Directeur général', 'Director General'],
    ['Présidente', 'President'],
    ['Représentante résidente', 'Resident Representative'],
  ])('%s → %s', (fr, en) => {
    expect(roleLabel(fr, 'en')).toBe(en);
  });
  it('leaves the French as stored', () => {
    expect(roleLabel('Directrice générale', 'fr')).toBe('Directrice générale');
  });
});
