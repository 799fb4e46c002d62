// A holder killed between taking the store's lock and naming itself leaves a lock with no owner file:
// the next ingest takes it over after a few seconds instead of waiting for it to go stale (30 s).
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withStoreLock } from '../../src/library/store.js';
import { tempDir } from '../helpers/common.js';

describe('the store lock', () => {
  const { dir, cleanup } = tempDir('kunafoni-lock-');
  afterAll(cleanup);
  const unnamedLock = (store: string, ageMs: number) => {
    mkdirSync(join(store, '.lock'), { recursive: true });
    writeFileSync(join(store, 'meta.json'), JSON.stringify({ format: 'kunafoni-store', version: 1 }));
    const t = new Date(Date.now() - ageMs);
    utimesSync(join(store, '.lock'), t, t);
  };

  it('an unnamed lock taken seconds ago is taken over at once', async () => {
    const store = join(dir, 'old');
    unnamedLock(store, 10_000);
    // no wait allowed (0): only a takeover on the first attempt succeeds, without waiting for the lock to go stale
    expect(await withStoreLock(store, async () => 'held', 0)).toBe('held');
  });

  it('an unnamed lock taken just now is respected (its holder is naming itself)', async () => {
    const store = join(dir, 'new');
    unnamedLock(store, 0);
    await expect(withStoreLock(store, async () => 'held', 0)).rejects.toThrow(
      /another process is writing to this store/,
    );
  });
});
