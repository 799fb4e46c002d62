// A full disk while ingesting: the error names the store and the file being written (not a bare
// "ENOSPC: no space left on device, write"), and what the store held before stays readable.
// The disk is made "full" by making writes to articles.jsonl fail with ENOSPC, as the kernel would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { loadStore } from '../../src/library/store.js';
import { tempDir } from '../helpers/common.js';

const full = { on: false };
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (path, ...rest) => {
    const fh = await fs.open(path, ...rest);
    if (!full.on || !String(path).endsWith('articles.jsonl')) return fh;
    const enospc = () =>
      Promise.reject(
        Object.assign(new Error('ENOSPC: no space left on device, write'), {
          code: 'ENOSPC',
          errno: -28,
          syscall: 'write',
        }),
      );
    return new Proxy(fh, {
      get: (t, k) =>
        k === 'write' || k === 'writeFile'
          ? enospc
          : typeof t[k as keyof typeof t] === 'function'
            ? (t[k as keyof typeof t] as (...a: unknown[]) => unknown).bind(t)
            : t[k as keyof typeof t],
    });
  };
  return { ...fs, open, default: { ...fs, open } };
});

const { ingestArticles } = await import('../../src/ingest.js');
const { finaliseArticle } = await import('../../src/sources/article.js');

const article = (text: string, title: string) =>
  finaliseArticle({ text, title, source: 'Le Témoin', date: '2024-02-12', lang: 'fr' });

describe('a full disk', () => {
  const { dir, cleanup } = tempDir('kunafoni-enospc-');
  afterAll(cleanup);

  it('names the store and articles.jsonl; the stories saved before stay', async () => {
    const store = join(dir, 'store');
    await ingestArticles(
      [
        article(
          'Le ministre Moussa Ag Imaghane a reçu Aminata Diallo, directrice générale de Tamani Télécom, à Bamako.',
          'Un',
        ),
      ],
      { store, workers: 0 },
    );
    const before = readFileSync(join(store, 'articles.jsonl'));
    full.on = true;
    const err = await ingestArticles(
      [
        article(
          'Oumar Traoré, directeur général de Kora Mobile, a rencontré la ministre Fatoumata Keïta à Ségou.',
          'Deux',
        ),
      ],
      { store, workers: 0 },
    ).catch((e: unknown) => e);
    full.on = false;
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(
      new RegExp(
        `^store ${store.replace(/[/.]/g, '\\$&')}: the disk is full \\(ENOSPC\\) while writing articles\\.jsonl; ` +
          'what the store held before is intact',
      ),
    );
    expect(readFileSync(join(store, 'articles.jsonl')).equals(before)).toBe(true);
    expect((await loadStore(store, { mustExist: true })).articles.map((a) => a.article.title)).toEqual(['Un']);
  });
});
