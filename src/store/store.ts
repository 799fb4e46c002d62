// The store: a folder holding the articles with their extractions (the source of truth, one JSON
// line each) and the graph derived from them. Every write is atomic; ingests hold a lock.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import Graph from 'graphology';
import { StoreError, errorMessage } from '../errors.js';
import type { StoredArticle } from '../types.js';
import { buildGraph, GRAPH_VERSION, type BuildOptions, type KGraph } from '../graph/build.js';
import { writeFileAtomic } from './atomic.js';

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

const files = (dir: string) => ({
  meta: join(dir, 'meta.json'),
  articles: join(dir, 'articles.jsonl'),
  graph: join(dir, 'graph.json'),
});

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readMeta(dir: string): Promise<StoreMeta | undefined> {
  const f = files(dir);
  if (!(await exists(f.meta))) {
    if (await exists(f.articles)) throw new StoreError(dir, 'meta.json is missing: this does not look like a kunafoni store; refusing to touch it');
    return undefined;
  }
  let meta: StoreMeta;
  try {
    meta = JSON.parse(await readFile(f.meta, 'utf8')) as StoreMeta;
  } catch (err) {
    throw new StoreError(dir, `meta.json is corrupt (${errorMessage(err)}); refusing to overwrite the store`);
  }
  if (meta.format !== STORE_FORMAT) throw new StoreError(dir, 'meta.json does not describe a kunafoni store; refusing to touch it');
  if (typeof meta.version !== 'number' || meta.version > STORE_VERSION)
    throw new StoreError(dir, `the store was written by a newer kunafoni (format ${meta.version}, this one reads up to ${STORE_VERSION}); upgrade kunafoni`);
  return meta;
}

async function readArticles(dir: string): Promise<StoredArticle[]> {
  const path = files(dir).articles;
  if (!(await exists(path))) return [];
  const text = await readFile(path, 'utf8');
  const out: StoredArticle[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as StoredArticle);
    } catch (err) {
      throw new StoreError(dir, `articles.jsonl line ${i + 1} is corrupt (${errorMessage(err)}); refusing to overwrite the store`);
    }
  }
  return out;
}

/** True when the folder holds a kunafoni store. */
export async function isStore(dir: string): Promise<boolean> {
  return exists(files(dir).meta);
}

/**
 * Load a store. A missing store is an empty one unless `mustExist`. The graph is read from
 * graph.json when it matches the articles, else rebuilt from them.
 */
export async function loadStore(dir: string, opts: { mustExist?: boolean; build?: BuildOptions } = {}): Promise<Store> {
  const abs = resolve(dir);
  const meta = await readMeta(abs);
  if (!meta) {
    if (opts.mustExist) throw new StoreError(dir, 'no store here yet; run `kunafoni ingest <files> --store ' + dir + '` first');
    return { dir: abs, articles: [], graph: buildGraph([], opts.build) };
  }
  const articles = await readArticles(abs);
  let graph: KGraph | undefined;
  const gpath = files(abs).graph;
  if (await exists(gpath)) {
    try {
      const data = JSON.parse(await readFile(gpath, 'utf8'));
      const g: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
      g.import(data);
      if (g.getAttribute('articles') === articles.length && g.getAttribute('version') === GRAPH_VERSION) graph = g;
    } catch {
      graph = undefined; // derived data: rebuilt below from the articles
    }
  }
  return { dir: abs, articles, graph: graph ?? buildGraph(articles, opts.build) };
}

/** Write the store atomically: articles first (the source of truth), then the derived graph, then meta. */
export async function saveStore(store: Store): Promise<void> {
  const f = files(store.dir);
  await mkdir(store.dir, { recursive: true });
  await writeFileAtomic(f.articles, store.articles.map((a) => JSON.stringify(a)).join('\n') + (store.articles.length ? '\n' : ''));
  await writeFileAtomic(f.graph, JSON.stringify(store.graph.export()));
  const meta: StoreMeta = { format: STORE_FORMAT, version: STORE_VERSION, updated: new Date().toISOString() };
  await writeFileAtomic(f.meta, JSON.stringify(meta, null, 2) + '\n');
}

/**
 * Run `fn` holding the store's lock, so two processes never interleave their writes.
 * A second process waits up to `waitMs`, then fails with a clear message.
 */
export async function withStoreLock<T>(dir: string, fn: () => Promise<T>, waitMs = 60_000): Promise<T> {
  const abs = resolve(dir);
  await mkdir(abs, { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(abs, {
      lockfilePath: join(abs, '.lock'),
      stale: 30_000,
      update: 5_000,
      retries: { retries: Math.ceil(waitMs / 250), minTimeout: 250, maxTimeout: 250, factor: 1 },
    });
  } catch (err) {
    throw new StoreError(dir, `another kunafoni process is writing to this store (${errorMessage(err)}); try again when it is done`);
  }
  try {
    return await fn();
  } finally {
    await release().catch(() => undefined);
  }
}
