import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  comparisonWords,
  edgeSources,
  mergeArticles,
  outletsOf,
  shingles,
  sortedSimilarity,
  storySimilarity,
  wordHashes,
} from '../../src/clean/duplicates.js';
import { mulberry32 } from '../../src/graph/random.js';
import { SourceError } from '../../src/errors.js';
import { readFileSource } from '../../src/sources/registry.js';
import type { Article, Extraction } from '../../src/types.js';
import { loadStore } from '../../src/library/store.js';
import { fixtures, runCliHere, withTempDir } from '../helpers/web-cli.js';

const dir = join(fixtures, 'syndication');
const read = async (f: string): Promise<Article> => {
  const [a] = await readFileSource(join(dir, f));
  if (!a || a instanceof SourceError) throw new Error(`cannot read ${f}: ${String(a)}`);
  return a;
};
const extract = (a: Article): Extraction => ({ article: a.id, entities: [], relations: [] });

const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1
    ? [xs]
    : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));

describe('comparison words', () => {
  const fnv = (w: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  it.each([
    [
      'L’Économie de Ségou : Mme Aminata MAÏGA et N’Diaye',
      ['l', 'economie', 'de', 'segou', 'mme', 'aminata', 'maiga', 'et', 'n', 'diaye'],
    ],
    [
      '« 2 000 € » pour l’Œuvre, naïve ; e\u0301te\u0301 à Kéniéba',
      ['2', '000', 'pour', 'l', 'oeuvre', 'naive', 'ete', 'a', 'kenieba'],
    ],
    ['Ḳano, Ağadez — Lomé', ['kano', 'agadez', 'lome']],
  ])('%s', (text, words) => {
    expect(comparisonWords(text)).toEqual(words);
    expect(wordHashes(text)).toEqual(words.map(fnv)); // the fast path folds the same way
  });
});

describe('the similarity of two stories', () => {
  it('over sorted shingle arrays (stopping early when it cannot reach a rule) is the similarity over sets', () => {
    const r = mulberry32(11);
    let same = 0;
    for (let t = 0; t < 3000; t++) {
      // two texts sharing a random part of a common pool of shingles, of random sizes
      const pool = Array.from({ length: 40 + Math.floor(r() * 200) }, (_, i) => i * 7 + 3);
      const pick = (share: number) => pool.filter(() => r() < share);
      const a = new Set([...pick(0.3 + r() * 0.7), ...pick(r() * 0.2).map((x) => x + 1)]);
      const b = new Set([...pick(0.3 + r() * 0.7), ...pick(r() * 0.2).map((x) => x + 2)]);
      const sorted = (x: Set<number>) => Uint32Array.from([...x].sort((m, n) => m - n));
      expect(sortedSimilarity(sorted(a), sorted(b))).toBeCloseTo(storySimilarity(a, b), 12);
      if (storySimilarity(a, b) > 0) same++;
    }
    // both outcomes are exercised: one story, and two stories sharing part of their text
    expect(same).toBeGreaterThan(100);
    expect(same).toBeLessThan(2700);
  });
});

describe('syndicated copies of one story', () => {
  let essor: Article, sahelweb: Article, bamako: Article, other: Article;
  beforeAll(async () => {
    [essor, sahelweb, bamako, other] = (await Promise.all(
      ['courrier-du-sahel.html', 'sahelweb.html', 'bamako-matin.md', 'sikasso-other-story.md'].map(read),
    )) as [Article, Article, Article, Article];
  });

  it('the three copies are one story; a different story of the same company is not', () => {
    const [a, b, c, d] = [essor, sahelweb, bamako, other].map((x) => shingles(x.text));
    expect(new Set([essor.id, sahelweb.id, bamako.id]).size).toBe(3); // not byte-identical
    expect(storySimilarity(a!, b!)).toBeGreaterThan(0);
    expect(storySimilarity(a!, c!)).toBeGreaterThan(0); // straight apostrophes, last paragraph dropped
    expect(storySimilarity(b!, c!)).toBeGreaterThan(0);
    for (const x of [a, b, c]) expect(storySimilarity(x!, d!)).toBe(0);
  });

  it('are kept as one story with all its outlets, whatever the order they come in', () => {
    for (const order of permutations([essor, sahelweb, bamako, other])) {
      const out = mergeArticles([], order, extract);
      expect(out.added).toBe(2);
      expect(out.syndicated).toBe(2);
      const story = out.records.find((r) => r.article.title?.startsWith('Kayes'))!;
      expect(story.article.id).toBe(essor.id); // the earliest copy is kept
      expect(story.extraction.article).toBe(essor.id);
      expect(outletsOf(story.article)).toEqual(['Le Courrier du Sahel', 'Bamako Matin', 'Sahelweb']);
      expect(story.article.syndicated!.map((c) => c.url).sort()).toEqual([
        'https://bamako-matin.example/kayes-4g',
        'https://sahelweb.example/2025/05/07/telephonie-4g-sahel-connect-kayes/',
      ]);
    }
  });

  it('a copy ingested again, or the same text again, is a plain duplicate', () => {
    const first = mergeArticles([], [essor, sahelweb], extract);
    const again = mergeArticles(first.records, [sahelweb, essor, bamako], extract);
    expect(again).toMatchObject({ added: 0, exact: 2, syndicated: 1 });
    expect(again.records).toHaveLength(1);
    expect(first.records[0]!.article.syndicated).toHaveLength(1); // the input records are not mutated
  });

  it('the same text from another outlet is recorded as a copy', () => {
    const reposted: Article = { ...essor, source: 'Journal du Niger', url: 'https://jdn.example/x' };
    const out = mergeArticles([], [essor, reposted], extract);
    expect(out).toMatchObject({ added: 1, exact: 0, syndicated: 1 });
    expect(outletsOf(out.records[0]!.article)).toEqual(['Le Courrier du Sahel', 'Journal du Niger']);
  });

  it('edgeSources counts the copies’ outlets as sources of the evidence', () => {
    const { records } = mergeArticles([], [essor, sahelweb, bamako, other], extract);
    const byId = new Map(records.map((r) => [r.article.id, r.article]));
    const evidence = records.map((r) => ({ article: r.article.id, source: r.article.source! }));
    expect(edgeSources(evidence, (id) => byId.get(id))).toEqual(['Bamako Matin', 'Le Courrier du Sahel', 'Sahelweb']);
    expect(edgeSources([{ article: other.id, source: 'Le Courrier du Sahel' }], (id) => byId.get(id))).toEqual([
      'Le Courrier du Sahel',
    ]);
  });
});

describe('kunafoni ingest of a syndicated story', () => {
  it('stores it once with its outlets, and says how many copies it recorded', async () => {
    await withTempDir(async (store) => {
      // the repost first: the original, older, replaces it as the story kept
      const r1 = await runCliHere([
        'ingest',
        join(dir, 'sahelweb.html'),
        join(dir, 'sikasso-other-story.md'),
        '--store',
        store,
      ]);
      expect(r1.code, r1.stderr).toBe(0);
      const r2 = await runCliHere([
        'ingest',
        join(dir, 'courrier-du-sahel.html'),
        join(dir, 'bamako-matin.md'),
        '--store',
        store,
      ]);
      expect(r2.code, r2.stderr).toBe(0);
      expect(r2.stderr).toMatch(
        /^ingested 0, already stored 2 \(2 syndicated copies\), failed 0 — store .*: 2 articles/m,
      );
      const { articles } = await loadStore(store, { mustExist: true });
      const story = articles.find((a) => a.article.title?.startsWith('Kayes'))!;
      expect(story.article.source).toBe('Le Courrier du Sahel');
      expect(story.extraction.article).toBe(story.article.id);
      expect(outletsOf(story.article)).toEqual(['Le Courrier du Sahel', 'Bamako Matin', 'Sahelweb']);
      const r3 = await runCliHere(['ingest', dir, '--store', store]);
      expect(r3.stderr).toMatch(/^ingested 0, already stored 4, failed 0/m);
    });
  });
});
