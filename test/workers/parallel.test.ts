// A parallel ingest (worker threads reading and extracting) gives the store a sequential one gives:
// same articles file, same graph, same summary, same failures in the same order.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest.js';
import { workerFile } from '../../src/workers/pool.js';
import { tempDir } from '../helpers/common.js';
import { writeFictional } from '../helpers/fictional.js';

const WORKER = workerFile();

describe.skipIf(!WORKER)('parallel ingest', () => {
  const { dir, cleanup } = tempDir('kunafoni-parallel-');
  afterAll(cleanup);

  it(
    'gives byte for byte the store of a sequential run, duplicates, syndicated copies and failures ' + 'included',
    async () => {
      const input = join(dir, 'in');
      writeFictional(input, 40);
      writeFileSync(join(input, 'f00007-empty.md'), '');
      const run = (workers: number) =>
        ingestPaths([input], { store: join(dir, `w${workers}`), workers, checkpointEvery: 15 });
      const [seq, par] = [await run(0), await run(2)];
      const summary = (s: typeof seq) => ({
        read: s.read,
        ingested: s.ingested,
        duplicates: s.duplicates,
        syndicated: s.syndicated,
        failed: s.failed.map((f) => f.message),
      });
      expect(summary(par)).toEqual(summary(seq));
      expect(seq.ingested).toBe(40);
      expect(seq.syndicated).toBe(1);
      expect(seq.failed).toHaveLength(1);
      expect(seq.store.graph.size).toBeGreaterThan(20);
      for (const f of ['articles.jsonl', 'graph.json', 'fold.json'])
        expect(readFileSync(join(dir, 'w2', f), 'utf8')).toBe(readFileSync(join(dir, 'w0', f), 'utf8'));
      expect(JSON.stringify(par.store.graph.export())).toBe(JSON.stringify(seq.store.graph.export()));
    },
  );
});

if (!WORKER)
  describe('parallel ingest', () =>
    it.skip('dist/workers/extract-worker.js is missing: run `npm run build` (npm test does)', () => undefined));
