// sketches.bin: the duplicate-detection sketches saved beside the store, so an ingest into a large
// store does not hash every stored text again. It must change nothing but the time: the same stories,
// the same syndicated copies, whether the file is there, stale or damaged.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest.js';
import { decodeSketches, encodeSketches, storeFiles } from '../../src/library/store.js';
import { tempDir } from '../helpers/common.js';
import { fictionalArticle, writeFictional } from '../helpers/fictional.js';

const { dir, cleanup } = tempDir('kunafoni-sketches-');
afterAll(cleanup);

describe('sketches.bin', () => {
  it('encodes and decodes the sketches of every record (null: a text too short to match)', () => {
    const covers = { bytes: 1234, count: 3, digest: 'abc' };
    const sketches = [Uint32Array.from([1, 5, 4294967295]), null, Uint32Array.from([7])];
    expect(decodeSketches(encodeSketches(covers, sketches))).toEqual({ covers, sketches });
    const bytes = encodeSketches(covers, sketches);
    expect(decodeSketches(bytes.subarray(0, bytes.length - 2))).toBeUndefined(); // truncated: not used
  });

  it(
    'is written with the snapshot, and later ingests give the same store with it, without it, or with a ' +
      'damaged one',
    async () => {
      const first = writeFictional(join(dir, 'first'), 40);
      // later articles: new stories, a syndicated copy of a stored story (same text, another outlet)
      const later = join(dir, 'later');
      const files = [join(later, 'n1.md'), join(later, 'n2.md'), join(later, 'copy.md')];
      writeFictional(later, 0);
      writeFileSync(files[0]!, fictionalArticle(500));
      writeFileSync(files[1]!, fictionalArticle(501));
      writeFileSync(files[2]!, fictionalArticle(3, 'Écho du Sahel'));
      const stores = ['kept', 'removed', 'damaged'].map((k) => join(dir, k));
      for (const s of stores) await ingestPaths(first, { store: s, workers: 0 });
      expect(existsSync(storeFiles(stores[0]!).sketches)).toBe(true);
      rmSync(storeFiles(stores[1]!).sketches);
      writeFileSync(storeFiles(stores[2]!).sketches, Buffer.from('KSK1garbage'));
      const summaries = [];
      for (const s of stores) summaries.push(await ingestPaths(files, { store: s, workers: 0 }));
      for (const sum of summaries) expect([sum.ingested, sum.syndicated]).toEqual([2, 1]);
      const articles = stores.map((s) => readFileSync(storeFiles(s).articles, 'utf8'));
      expect(articles[1]).toBe(articles[0]);
      expect(articles[2]).toBe(articles[0]);
      // the store rewritten for the copy has its sketches written again, covering every record
      for (const s of stores)
        expect(decodeSketches(readFileSync(storeFiles(s).sketches))?.covers.count).toBe(
          articles[0]!.trim().split('\n').length,
        );
    },
  );
});
