// The store: atomic, refuses what it cannot read rather than overwrite it, and a failed run changes nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { ingestArticles, ingestPaths } from '../../src/ingest.js';
import { finaliseArticle } from '../../src/sources/article.js';
import { loadStore } from '../../src/library/store.js';
import { SAMPLES, tempDir } from '../helpers/common.js';

const sample = (text: string) => finaliseArticle({ text, source: 'Test Hebdo', date: '2025-01-02', lang: 'fr' });

describe('store', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('round-trips articles and graph, and leaves no temporary file behind', async () => {
    const store = join(dir, 'a');
    const r = await ingestPaths([SAMPLES], { store });
    expect(r.failed).toEqual([]);
    const loaded = await loadStore(store, { mustExist: true });
    expect(loaded.articles.length).toBe(r.store.articles.length);
    expect(loaded.graph.order).toBe(r.store.graph.order);
    expect(loaded.graph.size).toBe(r.store.graph.size);
    expect(readdirSync(store).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('rebuilds a stale or damaged graph.json from the articles, which are the source of truth', async () => {
    const store = join(dir, 'a');
    const before = await loadStore(store);
    writeFileSync(join(store, 'graph.json'), '{"nodes": [');
    const after = await loadStore(store);
    expect(after.graph.order).toBe(before.graph.order);
  });

  it('refuses a store whose meta.json is corrupt, and names the problem', async () => {
    const store = join(dir, 'corrupt');
    await ingestArticles([sample('Le DG de Kora Mobile, Ali Ould Moussa, a parlé.')], { store });
    writeFileSync(join(store, 'meta.json'), '{not json');
    await expect(loadStore(store)).rejects.toThrow(/meta\.json is corrupt.*refusing to overwrite/);
    await expect(ingestArticles([sample('Un autre article sur Sahel Fibre.')], { store })).rejects.toBeInstanceOf(
      StoreError,
    );
    expect(readFileSync(join(store, 'meta.json'), 'utf8')).toBe('{not json');
  });

  it('refuses a store written by a newer version', async () => {
    const store = join(dir, 'newer');
    await ingestArticles([sample('Le DG de Kora Mobile, Ali Ould Moussa, a parlé.')], { store });
    writeFileSync(join(store, 'meta.json'), JSON.stringify({ format: 'kunafoni-store', version: 99 }));
    await expect(loadStore(store)).rejects.toThrow(/newer kunafoni \(format 99/);
  });

  it('refuses a corrupt line of articles.jsonl instead of dropping the articles', async () => {
    const store = join(dir, 'badline');
    await ingestArticles([sample('Le DG de Kora Mobile, Ali Ould Moussa, a parlé.')], { store });
    writeFileSync(
      join(store, 'articles.jsonl'),
      readFileSync(join(store, 'articles.jsonl'), 'utf8') + '{"article": {"id"\n',
    );
    await expect(loadStore(store)).rejects.toThrow(/articles\.jsonl line 2 is corrupt/);
  });

  it('a run where every input fails leaves the store byte for byte as it was', async () => {
    const store = join(dir, 'untouched');
    await ingestArticles([sample('Le DG de Kora Mobile, Ali Ould Moussa, a parlé.')], { store });
    const snapshot = Object.fromEntries(
      readdirSync(store)
        .filter((f) => !f.startsWith('.'))
        .map((f) => [f, readFileSync(join(store, f), 'utf8')]),
    );
    writeFileSync(join(dir, 'empty.md'), '');
    const r = await ingestPaths([join(dir, 'empty.md'), join(dir, 'missing.txt')], { store });
    expect(r.failed.map((e) => e.message)).toEqual([
      `${join(dir, 'empty.md')}: the file is empty`,
      `${join(dir, 'missing.txt')}: no such file or directory`,
    ]);
    for (const [f, content] of Object.entries(snapshot)) expect(readFileSync(join(store, f), 'utf8')).toBe(content);
  });

  it('a missing store is empty for ingest, an error for readers', async () => {
    const store = join(dir, 'none');
    await expect(loadStore(store, { mustExist: true })).rejects.toThrow(/no store here yet; run `kunafoni ingest/);
    expect(existsSync(store)).toBe(false);
  });
});
