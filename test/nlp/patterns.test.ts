// The role patterns are tries built from the lexicon: they must match exactly what the plain
// alternation of the forms (longest first) matches, only faster.
import { describe, expect, it } from 'vitest';
import {
  flexible,
  flexibleUnits,
  patterns,
  relaxed,
  scan,
  trieAlternation,
  unicodeBoundaries,
} from '../../src/nlp/patterns.js';
import { RELATION_RULES } from '../../src/nlp/rules.js';
import { re } from '../../src/nlp/rule.js';

const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe('trieAlternation', () => {
  it('matches what the alternation sorted longest first matches, preferring the longer form', () => {
    const words = [
      'directeur',
      'directeur général',
      'directeur général adjoint',
      'DG',
      'DGA',
      'dg de',
      'président',
      'présidente',
    ];
    const plain = new RegExp(
      `(?:${[...words]
        .sort((a, b) => b.length - a.length)
        .map(flexible)
        .join('|')})`,
      'giu',
    );
    const trie = new RegExp(`(?:${trieAlternation(words.map((w) => flexibleUnits(w.toLowerCase())))})`, 'giu');
    const text =
      'Le Directeur  général adjoint et le directeur général, puis le DGA et le DG de la société ; ' +
      'la présidente, le président-directeur et le directeur.';
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

describe('relaxed: the quick test run before a rule', () => {
  const sentences = [
    'Le ministre a reçu en audience le DG de Malitel, qui s’est engagé à couvrir 200 villages.',
    'Diarra a promis de revenir ; l’ARCEP a infligé une amende à Moov Africa.',
    'Sa fréquence a reçu (déjà) un avis favorable.',
    'It was received well, and the company pledged to invest.',
  ];

  it('accepts every sentence its rule matches, so skipping a sentence never loses a match', () => {
    // every rule of the table that is scanned over sentences (global triggers)
    for (const rule of RELATION_RULES.filter((r) => (r.flags ?? 'gu').includes('g')))
      for (const text of sentences) {
        const trigger = re(rule);
        const hint = relaxed(trigger);
        if ([...text.matchAll(trigger)].length) expect(hint?.test(text) ?? true, `${rule.id} on "${text}"`).toBe(true);
        expect([...scan(trigger, text)].map((m) => m.index)).toEqual([...text.matchAll(trigger)].map((m) => m.index));
      }
  });

  it('drops the word-boundary look-behind, and refuses when one sits inside a negative look-around', () => {
    const rule = unicodeBoundaries(/\b(?:a|ont)\s+promis\b/gu);
    expect(relaxed(rule)?.source).toBe('(?:a|ont)\\s+promis(?![\\p{L}\\p{N}_])');
    expect(relaxed(rule)?.flags).not.toContain('g');
    expect(relaxed(/x(?!\s*(?<![\p{L}])y)/gu)).toBeUndefined();
    expect(relaxed(/plain/gu)).toBeUndefined();
  });
});
