// lines.bin and the stamp in meta.json let an ingest append to a large store without reading articles.jsonl
// whole. They are derived data, never trusted blindly: a store whose lines.bin is missing, damaged or from
// other articles, or whose articles.jsonl was changed behind its back (same length, or a torn append), must
// end exactly as the same store without any derived file: the same articles.jsonl, the same graph, with
// lines.bin written again.
import { cpSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest.js';
import { loadGraph, openStoreState, storeFiles, type StoreMeta } from '../../src/library/store.js';
import { tempDir } from '../helpers/common.js';
import { fictionalArticle, writeFictional } from '../helpers/fictional.js';

const { dir, cleanup } = tempDir('kunafoni-lines-');
afterAll(cleanup);

const DERIVED = ['graph.json', 'fold.json', 'sketches.bin', 'ids.json', 'lines.bin'];
const meta = (store: string) => JSON.parse(readFileSync(storeFiles(store).meta, 'utf8')) as StoreMeta;
const graphOf = async (store: string) => JSON.stringify((await loadGraph(store)).graph.export());

/** 40 fictional articles, then one more (no snapshot due: lines.bin and meta as a small ingest left them). */
async function builtStore(name: string): Promise<string> {
  const store = join(dir, name);
  await ingestPaths(writeFictional(join(dir, `in-${name}`), 40), { store, workers: 0 });
  const one = join(dir, `one-${name}.md`);
  writeFileSync(one, fictionalArticle(900));
  await ingestPaths([one], { store, workers: 0 });
  return store;
}

/** New articles: a new story and a syndicated copy of a stored one (a rewrite of articles.jsonl). */
function laterArticles(): string[] {
  const fresh = join(dir, 'fresh.md');
  const copy = join(dir, 'copy.md');
  writeFileSync(fresh, fictionalArticle(901));
  writeFileSync(copy, fictionalArticle(6, 'Écho du Sahel'));
  return [fresh, copy];
}

/** A copy of the store without its derived files. */
function bareCopy(store: string): string {
  const bare = `${store}-bare`;
  rmSync(bare, { recursive: true, force: true });
  cpSync(store, bare, { recursive: true });
  for (const f of DERIVED) rmSync(join(bare, f), { force: true });
  return bare;
}

/** Ingest into the store and into the copy without derived files: both must end byte for byte alike. */
async function expectSameAsWithoutDerived(store: string, files: string[], bare = bareCopy(store)): Promise<string[]> {
  const warnings: string[] = [];
  for (const f of files) {
    await ingestPaths([f], { store, workers: 0, onWarning: (m) => warnings.push(m) });
    await ingestPaths([f], { store: bare, workers: 0, onWarning: () => undefined });
  }
  expect(readFileSync(storeFiles(store).articles)).toEqual(readFileSync(storeFiles(bare).articles));
  expect(await graphOf(store)).toBe(await graphOf(bare));
  expect(existsSync(storeFiles(store).lines)).toBe(true);
  expect((await openStoreState(store, { stories: true })).rebuilt).toEqual([]);
  return warnings;
}

describe('a store as its last ingest left it', () => {
  it('opens its stories from lines.bin and the stamp, and ends like a store without derived files', async () => {
    const store = await builtStore('kept');
    expect(meta(store).articles?.stamp).toBeDefined();
    expect(meta(store).articles?.checked?.length).toBeGreaterThan(0);
    const state = await openStoreState(store, { stories: true });
    expect(state.rebuilt).toEqual([]);
    const warnings = await expectSameAsWithoutDerived(store, laterArticles());
    expect(warnings).toEqual([]);
  });
});

describe('a store whose lines.bin cannot serve', () => {
  const cases: Array<[string, (store: string) => void, RegExp]> = [
    ['missing', (s) => rmSync(storeFiles(s).lines), /^lines\.bin in store .* is missing/],
    [
      'damaged (one byte of its body changed)',
      (s) => {
        const buf = readFileSync(storeFiles(s).lines);
        buf[buf.length - 20] ^= 0xff;
        writeFileSync(storeFiles(s).lines, buf);
      },
      /^lines\.bin in store .* is damaged/,
    ],
    [
      'from another store',
      (s) => cpSync(storeFiles(join(dir, 'kept')).lines, storeFiles(s).lines),
      /^lines\.bin in store .* is not the stored articles/,
    ],
  ];
  for (const [what, spoil, warning] of cases)
    it(`${what}: says so, writes it again, and ends like a store without derived files`, async () => {
      const store = await builtStore(`lines-${what.split(' ')[0]}`);
      spoil(store);
      const warnings = await expectSameAsWithoutDerived(store, laterArticles());
      expect(warnings.join('\n')).toMatch(warning);
    });
});

describe('articles.jsonl changed behind the store', () => {
  it('a record edited in place (same length): the derived files are found stale and rebuilt', async () => {
    const store = await builtStore('edited');
    const path = storeFiles(store).articles;
    const text = readFileSync(path, 'utf8');
    const edited = text.replace('"source":"Gazette 1"', '"source":"Gazette 7"');
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(path, edited);
    const warnings = await expectSameAsWithoutDerived(store, laterArticles());
    expect(warnings.join('\n')).toMatch(/^ids\.json in store .* is not the stored articles/);
    expect(readFileSync(path, 'utf8')).toContain('"source":"Gazette 7"');
  });

  it('a torn append after the committed length: cut, and the next append ends like a store without it', async () => {
    const store = await builtStore('torn');
    const path = storeFiles(store).articles;
    const committed = meta(store).articles!.bytes;
    const bare = bareCopy(store); // as if the torn append never happened
    appendFileSync(path, '{"article":{"id":"half a rec');
    const warnings = await expectSameAsWithoutDerived(store, laterArticles(), bare);
    expect(warnings).toEqual([]);
    expect(readFileSync(path, 'utf8')).not.toContain('half a rec');
    expect(readFileSync(path).length).toBeGreaterThan(committed);
  });

  it('a file cut short of its committed length is refused, not overwritten', async () => {
    const store = await builtStore('cut');
    const path = storeFiles(store).articles;
    const before = readFileSync(path);
    truncateSync(path, before.length - 10);
    await expect(ingestPaths(laterArticles(), { store, workers: 0 })).rejects.toThrow(
      /refusing to overwrite the store/,
    );
    expect(readFileSync(path)).toEqual(before.subarray(0, before.length - 10));
  });
});
