// Lazy stored records: an ingest knows the stored stories by their ids (ids.json) and sketches
// (sketches.bin), and parses a stored article only when it is a duplicate candidate. It must change
// nothing but the time: a copy of a stored story is still found, and a store whose ids.json is missing,
// damaged or behind ends the same, with ids.json written again and a warning naming it.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoryIndex } from '../../src/clean/duplicates.js';
import { ingestPaths } from '../../src/ingest.js';
import { loadGraph, openStoreState, storeFiles } from '../../src/library/store.js';
import { finaliseArticle } from '../../src/sources/article.js';
import type { Extraction } from '../../src/types.js';
import { tempDir } from '../helpers/common.js';
import { cli } from '../helpers/fixture-helpers.js';
import { fictionalArticle, writeFictional } from '../helpers/fictional.js';

const { dir, cleanup } = tempDir('kunafoni-lazy-');
afterAll(cleanup);

const lineCount = (store: string) => readFileSync(storeFiles(store).articles, 'utf8').trim().split('\n').length;
const idsCovered = (store: string): number =>
  (JSON.parse(readFileSync(storeFiles(store).ids, 'utf8')) as { covers: { count: number } }).covers.count;
const bodyOf = (md: string) => md.replace(/^---\n[\s\S]*?\n---\n/, '');
const noExtraction = (id: string): Extraction =>
  ({ article: id, entities: [], relations: [] }) as unknown as Extraction;

describe('an ingest into a store with ids.json', () => {
  const store = join(dir, 'store');

  it('parses no stored article for a new story, and only the candidates for a copy of one', async () => {
    await ingestPaths(writeFictional(join(dir, 'first'), 40), { store, workers: 0 });
    expect(idsCovered(store)).toBe(lineCount(store));
    const state = await openStoreState(store, { stories: true });
    expect(state.rebuilt).toEqual([]);
    const stories = new StoryIndex(state.records, undefined, state.sketches);
    const stored = stories.length;
    expect(stored).toBe(lineCount(store));
    const unrelated = finaliseArticle({
      text:
        'Les pluies de la saison ont rempli les mares du delta intérieur, et les pêcheurs de Mopti ' +
        'attendent une bonne campagne cette année, disent les responsables des coopératives de la région.',
      lang: 'fr',
      source: 'Le Pêcheur',
    });
    expect(stories.merge(unrelated, (a) => noExtraction(a.id))).toBe('added');
    expect([...stories.heldRecords().keys()]).toEqual([stored]); // the new story only
    const copy = finaliseArticle({ text: bodyOf(fictionalArticle(7)), lang: 'fr', source: 'Autre Gazette' });
    expect(stories.merge(copy, (a) => noExtraction(a.id))).toBe('syndicated');
    const parsed = [...stories.heldRecords().keys()].filter((p) => p < stored);
    expect(parsed.length).toBeGreaterThan(0);
    expect(parsed.length).toBeLessThan(stored);
    expect(parsed.some((p) => stories.record(p).article.syndicated?.some((c) => c.source === 'Autre Gazette'))).toBe(
      true,
    );
  });
});

describe('a store whose ids.json is missing, damaged or behind the articles', () => {
  it('finds the same copies, ends with the same articles and graph, says so, and writes ids.json again', async () => {
    const first = writeFictional(join(dir, 'first2'), 40);
    const later = join(dir, 'later');
    writeFictional(later, 0);
    const fresh = join(later, 'n1.md');
    const copy = join(later, 'copy.md');
    writeFileSync(fresh, fictionalArticle(700));
    writeFileSync(copy, fictionalArticle(5, 'Écho du Sahel'));
    const kinds = ['kept', 'missing', 'damaged', 'behind'] as const;
    const stores = kinds.map((k) => join(dir, `s-${k}`));
    for (const s of stores) await ingestPaths(first, { store: s, workers: 0 });
    rmSync(storeFiles(stores[1]!).ids);
    writeFileSync(storeFiles(stores[2]!).ids, '{"covers": ');
    // ids.json of another store: it does not describe these articles
    writeFileSync(
      storeFiles(stores[3]!).ids,
      readFileSync(storeFiles(stores[0]!).ids, 'utf8').replace(/"[0-9a-f]{32}"/, '"0"'),
    );
    const warnings: string[][] = kinds.map(() => []);
    // a new story alone (no snapshot due: ids.json written on its own), then a copy (a rewrite)
    for (const [i, s] of stores.entries()) {
      const onWarning = (m: string) => warnings[i]!.push(m);
      const one = await ingestPaths([fresh], { store: s, workers: 0, onWarning });
      expect(one.ingested).toBe(1);
      // a current ids.json still covers the stories it covered (the new one is read after them); the others
      // are written again, covering every story
      expect(idsCovered(s)).toBe(lineCount(s) - (i === 0 ? 1 : 0));
      const two = await ingestPaths([copy], { store: s, workers: 0, onWarning });
      expect([two.ingested, two.syndicated]).toEqual([0, 1]);
    }
    expect(warnings[0]).toEqual([]);
    expect(warnings[1]!.join('\n')).toMatch(/^ids\.json in store .*s-missing is missing: the stored articles are read/);
    expect(warnings[2]!.join('\n')).toMatch(/^ids\.json in store .*s-damaged is damaged \(/);
    expect(warnings[3]!.join('\n')).toMatch(/^ids\.json in store .*s-behind is not the stored articles/);
    for (const w of warnings) expect(w.length).toBeLessThanOrEqual(1); // said once: written again after
    const articles = stores.map((s) => readFileSync(storeFiles(s).articles, 'utf8'));
    const graphs = await Promise.all(stores.map(async (s) => JSON.stringify((await loadGraph(s)).graph.export())));
    for (let i = 1; i < stores.length; i++) {
      expect(articles[i]).toBe(articles[0]);
      expect(graphs[i]).toBe(graphs[0]);
      expect(readFileSync(storeFiles(stores[i]!).ids, 'utf8')).toBe(readFileSync(storeFiles(stores[0]!).ids, 'utf8'));
    }
  });
});

describe('kunafoni ingest of one article into a store', () => {
  it('leaves the graph to its next reader, which gives the graph a rebuild gives', async () => {
    const store = join(dir, 'cli');
    const first = await cli(['ingest', join(dir, 'first'), '--store', store, '--workers', '0']);
    expect(first.code, first.err).toBe(0);
    expect(first.err).toMatch(/articles, \d+ nodes, \d+ edges$/m); // the first ingest writes the snapshot
    const more = join(dir, 'more.md');
    writeFileSync(more, fictionalArticle(800));
    const one = await cli(['ingest', more, '--store', store, '--workers', '0']);
    expect(one.code, one.err).toBe(0);
    expect(one.err).toMatch(/^ingested 1, .* articles \(the graph takes the new ones in when it is next read\)$/m);
    const read = JSON.stringify((await loadGraph(store)).graph.export());
    for (const f of ['graph.json', 'fold.json', 'ids.json', 'sketches.bin']) rmSync(join(store, f), { force: true });
    expect(existsSync(storeFiles(store).graph)).toBe(false);
    expect(JSON.stringify((await loadGraph(store)).graph.export())).toBe(read);
  });
});
