// A long ingest that finds the store locked at several checkpoints says it is waiting once, not at
// every checkpoint ("waiting up to 60 s…" used to repeat up to a dozen times).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireStoreLock, type StoreLock } from '../../src/store/lock.js';
import { tempDir } from '../helpers/common.js';
import { bin, repoRoot } from '../helpers/web-cli.js';

const size = (f: string) => (existsSync(f) ? readFileSync(f).length : 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waiting for the store’s lock', () => {
  const { dir, cleanup } = tempDir('kunafoni-lock-wait-');
  afterAll(cleanup);

  it('is said once per run, however many checkpoints wait', { timeout: 120_000 }, async () => {
    const store = resolve(dir, 'store');
    const names = ['Oumar Traoré', 'Fatoumata Keïta', 'Bakary Coulibaly', 'Awa Sangaré'];
    const files = names.map((n, i) => {
      const p = join(dir, `a${i}.txt`);
      // long enough that extracting it gives this test time to take the lock back between two checkpoints
      writeFileSync(
        p,
        `${n}, directeur général de Kora${i} Télécom, a rencontré le ministre à Ségou le ${i + 1} mai.\n\n`.repeat(250),
      );
      return p;
    });
    mkdirSync(store, { recursive: true });
    let lock: StoreLock | undefined = await acquireStoreLock(store, store, { waitMs: 0 });
    const child = spawn(
      process.execPath,
      [bin, 'ingest', ...files, '--store', store, '--checkpoint', '1', '--workers', '0'],
      { cwd: repoRoot },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let done = false;
    const exited = new Promise<number | null>((ok) => child.on('close', (c) => ((done = true), ok(c))));
    const articles = join(store, 'articles.jsonl');
    let waits = 0; // times this test let a waiting child go
    while (!done) {
      if (lock && /waiting up to/.test(stderr)) {
        // the child waits (it said so once): let it commit one checkpoint, then take the lock back and
        // hold it while the child reaches its next checkpoint, which waits again
        const before = size(articles);
        await lock.release();
        lock = undefined;
        waits++;
        while (!done && size(articles) === before) await sleep(5);
        if (!done) lock = await acquireStoreLock(store, store, { waitMs: 30_000 });
        // the child reaches its next checkpoint while this test holds the lock: give it time to wait
        if (lock) await sleep(1500);
      } else await sleep(20);
    }
    await lock?.release();
    expect(await exited, stderr).toBe(0);
    expect(waits).toBeGreaterThanOrEqual(2);
    expect(stderr.match(/waiting up to/g)).toHaveLength(1);
    expect(stderr).toMatch(/^ingested 4, already stored 0, failed 0/m);
  });
});
