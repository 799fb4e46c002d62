// graph.json, fold.json and sketches.bin are derived from articles.jsonl (README): a store whose derived
// files are deleted reopens to the same graph, labels included (lexicon names, not the text's spelling).
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportJson } from '../../src/export/json.js';
import { ingestPaths } from '../../src/ingest.js';
import { loadGraph, loadStore } from '../../src/library/store.js';
import { HAS_SHARED, SAMPLES, SHARED, tempDir } from '../helpers/common.js';

const DERIVED = ['graph.json', 'fold.json', 'sketches.bin', 'layout.json'];

describe.each([
  ['the sample articles', SAMPLES, true],
  ['the shared corpus', join(SHARED, 'corpus'), HAS_SHARED],
])('deleting the derived files of a store built from %s', (_name, input, present) => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  it.skipIf(!present)('reopens to the same export through every read path', async () => {
    const store = join(dir, 'store');
    await ingestPaths([input], { store });
    const before = exportJson((await loadStore(store)).graph, false, { metrics: false });
    for (const f of readdirSync(store)) if (DERIVED.includes(f)) rmSync(join(store, f));
    expect(exportJson((await loadGraph(store)).graph, false, { metrics: false })).toBe(before);
    expect(exportJson((await loadStore(store)).graph, false, { metrics: false })).toBe(before);
  });
});
