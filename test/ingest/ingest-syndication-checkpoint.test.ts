// Syndicated copies of stories already saved are written at the end of the run: whatever the
// checkpoint size, every copy the summary reports is in articles.jsonl, and the story's outlets with it.
// (A run that added no new story and read a multiple of --checkpoint articles used to skip that write.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/ingest.js';
import { finaliseArticle } from '../../src/sources/article.js';
import { loadStore } from '../../src/library/store.js';
import { outletsOf } from '../../src/clean/duplicates.js';
import type { Article } from '../../src/types.js';
import { tempDir } from '../helpers/common.js';

/** Deterministic word salad: stories that share no passage, so none is a near-duplicate of another. */
function stories(n: number): Article[] {
  let seed = 17; // mulberry32
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const syl = [
    'ba',
    'ko',
    'ma',
    'li',
    'se',
    'gou',
    'ka',
    'ye',
    'si',
    'ta',
    'ne',
    'mo',
    'di',
    'ra',
    'fa',
    'tou',
    'ni',
    'ga',
    'so',
    'be',
  ];
  const word = () =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => syl[Math.floor(rnd() * syl.length)]).join('');
  return Array.from({ length: n }, (_, i) => {
    const text = Array.from({ length: 4 }, () => Array.from({ length: 14 }, word).join(' ') + '.').join('\n\n');
    return finaliseArticle({
      text,
      title: `Récit ${i}`,
      source: 'Le Premier',
      url: `https://premier.example/${i}`,
      date: '2024-01-02',
      lang: 'fr',
    });
  });
}
const copyOf = (a: Article, i: number): Article => ({
  ...a,
  source: 'Le Second',
  url: `https://second.example/${i}`,
  date: '2024-01-03',
});

const savedRecords = (store: string) =>
  readFileSync(join(store, 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { article: Article });

describe('syndicated copies across checkpoints', () => {
  const { dir, cleanup } = tempDir('kunafoni-syndication-checkpoint-');
  afterAll(cleanup);

  it.each([1, 2, 200])('a copy of a saved story is written with --checkpoint %i', async (checkpointEvery) => {
    const store = join(dir, `one-${checkpointEvery}`);
    const [story] = stories(1);
    await ingestArticles([story!], { store, checkpointEvery, workers: 0 });
    const r = await ingestArticles([copyOf(story!, 0)], { store, checkpointEvery, workers: 0 });
    expect(r).toMatchObject({ ingested: 0, duplicates: 1, syndicated: 1 });
    const [saved] = savedRecords(store);
    expect(saved!.article.syndicated).toEqual([
      expect.objectContaining({ source: 'Le Second', url: 'https://second.example/0' }),
    ]);
    const reloaded = await loadStore(store, { mustExist: true });
    expect(outletsOf(reloaded.articles[0]!.article)).toEqual(['Le Premier', 'Le Second']);
  });

  it('300 stories, then a run of exactly 200 copies (the default checkpoint): every outlet is kept', async () => {
    const store = join(dir, 'three-hundred');
    const all = stories(300);
    await ingestArticles(all, { store, workers: 0 });
    const copies = all.slice(0, 200).map(copyOf);
    const r = await ingestArticles(copies, { store, workers: 0 });
    expect(r).toMatchObject({ ingested: 0, duplicates: 200, syndicated: 200 });
    const records = savedRecords(store);
    expect(records).toHaveLength(300);
    const withCopy = records.filter((x) => x.article.syndicated?.some((c) => c.source === 'Le Second'));
    expect(withCopy).toHaveLength(200);
    const reloaded = await loadStore(store, { mustExist: true });
    expect(reloaded.articles.filter((x) => outletsOf(x.article).includes('Le Second'))).toHaveLength(200);
  });
});
