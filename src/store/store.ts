// The store: a folder holding the articles with their extractions (the source of truth, one JSON
// line each) and the graph derived from them. Every write is atomic (temp file + fsync + rename), so a
// process killed at any point leaves the last complete store; writers hold a lock, so two processes
// never interleave; a store that is corrupt or from a newer version is refused, never overwritten.
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import { StoreError, errorMessage } from '../errors.js';
import type { StoredArticle } from '../types.js';
import { buildGraph, GRAPH_VERSION, type BuildOptions, type KGraph } from '../graph/build.js';
import { removeStaleTempFiles, writeFileAtomic } from './atomic.js';
import { acquireStoreLock, type LockOptions, type StoreLock } from './lock.js';
import { curatedGraph } from './curation-file.js';

export const STORE_FORMAT = 'kunafoni-store';
export const STORE_VERSION = 1;
export const DEFAULT_STORE = 'data/store';

export interface StoreMeta {
  format: typeof STORE_FORMAT;
  version: number;
  updated?: string;
}

export interface Store {
  dir: string;
  articles: StoredArticle[];
  graph: KGraph;
}

export const storeFiles = (dir: string) => ({
  meta: join(dir, 'meta.json'),
  articles: join(dir, 'articles.jsonl'),
  graph: join(dir, 'graph.json'),
});
const files = storeFiles;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Refuse a store path that exists but is not a folder. */
async function checkFolder(dir: string, shown: string): Promise<boolean> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new StoreError(shown, 'this path is a file, not a store folder');
    return true;
  } catch (err) {
    if (err instanceof StoreError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreError(shown, `cannot read the store folder (${errorMessage(err)})`);
  }
}

async function readMeta(dir: string, shown: string): Promise<StoreMeta | undefined> {
  const f = files(dir);
  if (!(await exists(f.meta))) {
    if ((await exists(f.articles)) || (await exists(f.graph)))
      throw new StoreError(shown, 'meta.json is missing: this does not look like a kunafoni store; refusing to touch it');
    return undefined;
  }
  let meta: StoreMeta;
  try {
    meta = JSON.parse(await readFile(f.meta, 'utf8')) as StoreMeta;
  } catch (err) {
    throw new StoreError(shown, `meta.json is corrupt (${errorMessage(err)}); refusing to overwrite the store`);
  }
  if (!meta || typeof meta !== 'object' || meta.format !== STORE_FORMAT)
    throw new StoreError(shown, 'meta.json does not describe a kunafoni store; refusing to touch it');
  if (typeof meta.version !== 'number' || meta.version > STORE_VERSION)
    throw new StoreError(
      shown,
      `the store was written by a newer kunafoni (format ${String(meta.version)}, this one reads up to ${STORE_VERSION}); upgrade kunafoni — the store is left untouched`,
    );
  return meta;
}

/** Digest of the articles file's content: graph.json records it, so a graph that does not match its articles is rebuilt. */
export const articlesDigest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

async function readArticles(dir: string, shown: string): Promise<{ articles: StoredArticle[]; digest: string; present: boolean }> {
  const path = files(dir).articles;
  if (!(await exists(path))) return { articles: [], digest: articlesDigest(''), present: false };
  const text = await readFile(path, 'utf8');
  const out: StoredArticle[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    let rec: StoredArticle;
    try {
      rec = JSON.parse(line) as StoredArticle;
    } catch (err) {
      throw new StoreError(shown, `articles.jsonl line ${i + 1} is corrupt (${errorMessage(err)}); refusing to overwrite the store`);
    }
    if (!rec || typeof rec !== 'object' || !rec.article || typeof rec.article.id !== 'string' || typeof rec.article.text !== 'string' || !rec.extraction)
      throw new StoreError(shown, `articles.jsonl line ${i + 1} is not a stored article ({article, extraction}); refusing to overwrite the store`);
    out.push(rec);
  }
  return { articles: out, digest: articlesDigest(text), present: true };
}

/** True when the folder holds a kunafoni store. */
export async function isStore(dir: string): Promise<boolean> {
  return exists(files(dir).meta);
}

/**
 * Load a store. A missing store is an empty one unless `mustExist`. The graph is read from
 * graph.json when it was built from exactly these articles, else rebuilt from them.
 */
export async function loadStore(dir: string, opts: { mustExist?: boolean; build?: BuildOptions } = {}): Promise<Store> {
  const abs = resolve(dir);
  const folder = await checkFolder(abs, dir);
  const meta = folder ? await readMeta(abs, dir) : undefined;
  if (!meta) {
    if (opts.mustExist) throw new StoreError(dir, 'no store here yet; run `kunafoni ingest <files> --store ' + dir + '` first');
    return { dir: abs, articles: [], graph: buildGraph([], opts.build) };
  }
  const { articles, digest, present } = await readArticles(abs, dir);
  let graph: KGraph | undefined;
  const gpath = files(abs).graph;
  if (await exists(gpath)) {
    try {
      const data = JSON.parse(await readFile(gpath, 'utf8'));
      const g: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
      g.import(data);
      const recorded = g.getAttribute('articlesDigest');
      const matches = recorded !== undefined ? recorded === digest : g.getAttribute('articles') === articles.length;
      if (matches && g.getAttribute('version') === GRAPH_VERSION) graph = g;
      else if (!present && Number(g.getAttribute('articles')) > 0)
        throw new StoreError(dir, 'articles.jsonl is missing while graph.json holds articles; refusing to overwrite the store');
    } catch (err) {
      if (err instanceof StoreError) throw err;
      graph = undefined; // derived data: rebuilt below from the articles
    }
  }
  return { dir: abs, articles, graph: await curatedGraph(abs, graph, () => buildGraph(articles, opts.build)) };
}

export interface SaveOptions {
  /** Also write graph.json (default). A checkpoint in the middle of a batch writes only the articles. */
  graph?: boolean;
}

/**
 * Write the store, each file atomically: meta first (so a store interrupted on its first write is
 * still recognised), then the articles (the source of truth), then the derived graph, stamped with the
 * digest of the articles it was built from. Call it holding the lock (withStoreLock).
 */
export async function saveStore(store: Store, opts: SaveOptions = {}): Promise<void> {
  const f = files(store.dir);
  await mkdir(store.dir, { recursive: true });
  await removeStaleTempFiles(store.dir);
  const meta: StoreMeta = { format: STORE_FORMAT, version: STORE_VERSION, updated: new Date().toISOString() };
  await writeFileAtomic(f.meta, JSON.stringify(meta, null, 2) + '\n');
  const text = store.articles.map((a) => JSON.stringify(a)).join('\n') + (store.articles.length ? '\n' : '');
  await writeFileAtomic(f.articles, text);
  if (opts.graph === false) return;
  store.graph.setAttribute('articlesDigest', articlesDigest(text));
  await writeFileAtomic(f.graph, JSON.stringify(store.graph.export()));
}

/**
 * Run `fn` holding the store's lock, so two processes never interleave their writes. A second process
 * waits up to `waitMs` (a lock left by a killed process is taken over), then fails with a clear message.
 * `fn` receives the lock: `lock.check()` throws if the lock was lost (call it before writing).
 */
export async function withStoreLock<T>(dir: string, fn: (lock: StoreLock) => Promise<T>, waitMs = 60_000, opts: Omit<LockOptions, 'waitMs'> = {}): Promise<T> {
  const abs = resolve(dir);
  if (await checkFolder(abs, dir)) await readMeta(abs, dir); // refuse a foreign or newer store before locking it
  await mkdir(abs, { recursive: true });
  const lock = await acquireStoreLock(abs, dir, { ...opts, waitMs });
  try {
    return await fn(lock);
  } finally {
    await lock.release();
  }
}
