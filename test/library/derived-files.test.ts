// graph.json, fold.json and sketches.bin are derived from articles.jsonl (README): a store whose derived
// files are deleted, damaged or left behind reopens to the same graph, labels included (lexicon names, not
// the text's spelling), and every export format writes the same bytes through every read path.
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/export/formats.js';
import type { KGraph } from '../../src/graph/attrs.js';
import { ingestPaths } from '../../src/ingest.js';
import { loadGraph, loadStore, openStoreState } from '../../src/library/store.js';
import { HAS_SHARED, SAMPLES, SHARED, tempDir } from '../helpers/common.js';

const DERIVED = ['graph.json', 'fold.json', 'sketches.bin', 'ids.json', 'lines.bin', 'layout.json'];

/** Every format's output, as one string per file, for a byte-for-byte comparison. */
const exportsOf = (graph: KGraph): Record<string, string> =>
  Object.fromEntries(
    FORMATS.flatMap((f) => {
      const out = f.write(graph, { metrics: false });
      return out.kind === 'text'
        ? [[f.id, out.text]]
        : Object.entries(out.files).map(([name, text]) => [`${f.id}/${name}`, text]);
    }),
  );

describe.each([
  ['the sample articles', SAMPLES, true],
  ['the shared corpus', join(SHARED, 'corpus'), HAS_SHARED],
])('deleting the derived files of a store built from %s', (_name, input, present) => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  it.skipIf(!present)('reopens to the same export in every format through every read path', async () => {
    const store = join(dir, 'store');
    await ingestPaths([input], { store });
    const before = exportsOf((await loadStore(store)).graph);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(FORMATS.length);
    for (const f of readdirSync(store)) if (DERIVED.includes(f)) rmSync(join(store, f));
    expect(exportsOf((await loadGraph(store)).graph)).toEqual(before);
    expect(exportsOf((await loadStore(store)).graph)).toEqual(before);
    const state = await openStoreState(store);
    expect(state.rebuilt.map((r) => `${r.file}: ${r.why}`)).toEqual(['graph.json: missing', 'fold.json: missing']);
    expect(exportsOf(state.store.graph)).toEqual(before);
  });
});

describe('derived files that cannot serve', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  const store = join(dir, 'store');
  let before: Record<string, string>;

  it('a damaged graph.json and fold.json are reasons to rebuild, named, and give the same graph', async () => {
    await ingestPaths([SAMPLES], { store });
    before = exportsOf((await loadStore(store)).graph);
    writeFileSync(join(store, 'graph.json'), '{"nodes": [');
    writeFileSync(join(store, 'fold.json'), 'not json');
    const state = await openStoreState(store);
    expect(state.rebuilt.map((r) => `${r.file}: ${r.why}`)).toEqual(['graph.json: damaged', 'fold.json: damaged']);
    expect(exportsOf((await loadGraph(store)).graph)).toEqual(before);
  });

  it('a derived file that cannot be read (a folder in its place) is an error naming it', async () => {
    rmSync(join(store, 'graph.json'));
    mkdirSync(join(store, 'graph.json'));
    await expect(loadGraph(store)).rejects.toThrow(/cannot read graph\.json/);
    rmSync(join(store, 'graph.json'), { recursive: true });
    expect(exportsOf((await loadStore(store)).graph)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable fold.json is an error naming it (not as root)', async () => {
    writeFileSync(join(store, 'fold.json'), '{}');
    chmodSync(join(store, 'fold.json'), 0o000);
    await expect(loadStore(store)).rejects.toThrow(/cannot read fold\.json/);
    chmodSync(join(store, 'fold.json'), 0o644);
  });
});
