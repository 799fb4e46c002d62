// DuplicateIndex: a store's saved sketches are scanned for the first finds instead of being put in the map
// (which costs more than a few finds in a ten-thousand-story store). Scanned or mapped, a find must give the
// same story: the same candidates in the same order, so a tie between equally similar stories goes to the
// same one. Checked on stories that share paragraphs (many candidates, many ties), with a story indexed
// again under its key (a preferred copy replacing a stored text), as a store of over 512 stories is opened.
import { describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../../src/clean/duplicates.js';
import { mulberry32 } from '../../src/graph/random.js';

const WORDS = (
  'le ministre de l économie numérique a reçu mardi à bamako la délégation de l opérateur qui va couvrir ' +
  'nouvelles localités en fibre optique avec les régulateurs pour la qualité du service des données'
).split(' ');

/** Paragraphs of 30 words, and stories made of 4 of them (so that stories share paragraphs). */
const pr = mulberry32(1);
const paragraphs = Array.from({ length: 40 }, () =>
  Array.from({ length: 30 }, () => WORDS[Math.floor(pr() * WORDS.length)]).join(' '),
);
function stories(n: number, seed: number): string[] {
  const r = mulberry32(seed);
  return Array.from({ length: n }, () =>
    Array.from({ length: 4 }, () => paragraphs[Math.floor(r() * paragraphs.length)]).join('\n\n'),
  );
}

/** An index of the stories as a store opens it: each by its saved sketch, one of them indexed again. */
function opened(texts: string[]): DuplicateIndex<number> {
  const sketches = texts.map((t) => new DuplicateIndex<number>().add(0, t));
  const index = new DuplicateIndex<number>();
  sketches.forEach((sk, key) => sk && index.addSketch(key, sk, () => texts[key]!));
  index.add(3, texts.at(-1)!); // a copy kept as story 3's text
  return index;
}

describe('finding a story among saved sketches', () => {
  it('gives the same story and similarity whether the sketches are scanned or mapped', () => {
    const texts = stories(700, 7);
    for (let k = 0; k < 10; k++) texts[100 + 7 * k] = texts[50]!; // ties: the first story indexed wins
    const queries = [...stories(30, 8), texts[50]!, texts[10]!, texts[3]!, texts[650]!];
    const scanned = opened(texts);
    const mapped = opened(texts);
    // more finds than the index scans for: the map is filled before the queries below
    for (let i = 0; i < 20; i++) mapped.find(texts[i]!);
    const fromScan = queries.map((q) => scanned.find(q));
    const fromMap = queries.map((q) => mapped.find(q));
    expect(fromScan).toEqual(fromMap);
    expect(fromScan.filter(Boolean).length).toBeGreaterThan(4); // queries that found a story
    expect(fromScan.at(-4)).toEqual({ key: 50, similarity: 1 });
  });

  it('stories added between finds are found alike, scanned or mapped', () => {
    const texts = stories(600, 11);
    const extra = stories(40, 12);
    const run = (index: DuplicateIndex<number>) =>
      extra.flatMap((t, i) => {
        const before = index.find(t);
        index.add(1000 + i, t);
        return [before, index.find(t)];
      });
    const mapped = opened(texts);
    for (let i = 0; i < 20; i++) mapped.find(texts[i]!);
    const fromScan = run(opened(texts));
    expect(fromScan).toEqual(run(mapped));
    // after its own addition each text is found (itself, or a story with the same text)
    for (let i = 0; i < extra.length; i++) expect(fromScan[2 * i + 1]).toBeDefined();
    expect(fromScan.some((f) => f && f.key >= 1000)).toBe(true);
  });
});
