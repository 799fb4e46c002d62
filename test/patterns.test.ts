// The role patterns are tries built from the lexicon: they must match exactly what the plain
// alternation of the forms (longest first) matches, only faster.
import { describe, expect, it } from 'vitest';
import { flexible, flexibleUnits, patterns, trieAlternation } from '../src/nlp/patterns.js';

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe('trieAlternation', () => {
  it('matches what the alternation sorted longest first matches, preferring the longer form', () => {
    const words = ['directeur', 'directeur général', 'directeur général adjoint', 'DG', 'DGA', 'dg de', 'président', 'présidente'];
    const plain = new RegExp(`(?:${[...words].sort((a, b) => b.length - a.length).map(flexible).join('|')})`, 'giu');
    const trie = new RegExp(`(?:${trieAlternation(words.map((w) => flexibleUnits(w.toLowerCase())))})`, 'giu');
    const text =
      'Le Directeur  général adjoint et le directeur général, puis le DGA et le DG de la société ; la présidente, le président-directeur et le directeur.';
    expect(matches(trie, text)).toEqual(matches(plain, text));
    expect(matches(trie, text)[0]).toEqual([3, 'Directeur  général adjoint']);
  });

  it('gives the same role matches as the plain pattern over the lexicon, in both cases', () => {
    const { roleForms, ROLE, ROLE_CS } = patterns();
    const plain = new RegExp(`(?<![\\p{L}])(?:${roleForms.map((r) => flexible(r.form)).join('|')})(?![\\p{L}])`, 'giu');
    const trie = new RegExp(`(?<![\\p{L}])${ROLE}(?![\\p{L}])`, 'giu');
    const text = roleForms.map((r, i) => (i % 3 === 0 ? r.form.toUpperCase() : r.form)).join(', puis ');
    expect(matches(trie, text)).toEqual(matches(plain, text));
    // case-sensitive: capitals of a form stay capitals ("DG" is a title, "dg" is not)
    const cs = new RegExp(`(?<![\\p{L}])${ROLE_CS}(?![\\p{L}])`, 'gu');
    expect(matches(cs, 'le DG et le Directeur Général')).toEqual([
      [3, 'DG'],
      [12, 'Directeur Général'],
    ]);
    expect(matches(cs, 'un dg')).toEqual([]);
  });
});
