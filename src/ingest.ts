// Ingest: read sources (files, folders, URLs, feeds, stdin), extract each new article, merge it into the
// store (syndicated copies recorded on the story they copy), rebuild the graph, save atomically under the
// store's lock. A failing source is recorded and counted while the rest of the batch goes on. Long
// batches are saved every `checkpointEvery` articles, so a killed run keeps what it had saved.
import { stat } from 'node:fs/promises';
import { SourceError, errorMessage } from './errors.js';
import { StoryIndex } from './clean/duplicates.js';
import { expandPaths, readSource, type ReadOptions } from './sources/registry.js';
import { createFetcher, type FetchOptions, type Fetched } from './sources/url.js';
import { extractArticle } from './nlp/extract.js';
import { buildGraph } from './graph/build.js';
import { lexiconLabels } from './nlp/lexicon.js';
import { loadStore, saveStore, storeFiles, withStoreLock, type Store } from './store/store.js';
import { curatedGraph } from './store/curation-file.js';
import type { LockOwner } from './store/lock.js';
import type { Article, Extraction, StoredArticle } from './types.js';

export interface IngestProgress {
  (event: { done: number; total: number; origin: string }): void;
}

export interface IngestSummary {
  /** Articles read from the sources (duplicates included). */
  read: number;
  /** New stories added to the store. */
  ingested: number;
  /** Articles the store already had, or copies of a story it had (see `syndicated`). */
  duplicates: number;
  /** Of the duplicates, copies from another outlet (or address): recorded on the story as its syndicated copies. */
  syndicated: number;
  failed: SourceError[];
  store: Store;
}

export interface IngestOptions {
  store: string;
  onProgress?: IngestProgress;
  /** For each feed item, fetch the linked page for the full text. */
  follow?: boolean;
  /** Largest file, response or stdin read, in bytes. */
  maxBytes?: number;
  /** Timeout, size cap, redirect limit, User-Agent, pause between requests to one host. */
  fetch?: Partial<FetchOptions>;
  /** Replaces the HTTP fetcher (tests, caches). */
  fetcher?: (url: string) => Promise<Fetched>;
  /** Where "-" reads from (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
  /** Save the articles after this many new ones (default 200). */
  checkpointEvery?: number;
  /** How long to wait for another process holding the store's lock, in milliseconds (default 60 s). */
  lockWaitMs?: number;
  onLockWait?: (owner: LockOwner | undefined) => void;
}

/** Extract articles into stored records, skipping those already in `known` (by id). */
export function extractNew(articles: Article[], known: Set<string>): { added: StoredArticle[]; duplicates: number } {
  const added: StoredArticle[] = [];
  let duplicates = 0;
  for (const article of articles) {
    if (known.has(article.id)) {
      duplicates++;
      continue;
    }
    known.add(article.id);
    added.push({ article, extraction: extractArticle(article) });
  }
  return { added, duplicates };
}

/** What identifies the articles file on disk: it changes with every (atomic, renaming) write. */
async function articlesStamp(dir: string): Promise<string> {
  const info = await stat(storeFiles(dir).articles).catch(() => undefined);
  return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'none';
}

/**
 * One ingest run against one store: articles are added as they are read and merged into the store at
 * checkpoints. Extraction runs outside the lock; the store is reloaded under the lock only when another
 * process wrote it since this one last did.
 */
class IngestSession {
  private pending: Article[] = [];
  private readonly extracted = new Map<string, Extraction>();
  private cached?: { store: Store; stories: StoryIndex; stamp: string };
  private wrote = false;
  readonly failed: SourceError[] = [];
  readonly totals = { read: 0, ingested: 0, duplicates: 0, syndicated: 0 };

  constructor(private readonly opts: IngestOptions) {}

  async add(articles: Article[]): Promise<void> {
    this.pending.push(...articles);
    this.totals.read += articles.length;
    if (this.pending.length >= (this.opts.checkpointEvery ?? 200)) await this.commit(false);
  }

  private extractOutsideLock(): void {
    const keep: Article[] = [];
    for (const a of this.pending) {
      if (this.extracted.has(a.id) || this.cached?.stories.has(a.id)) {
        keep.push(a);
        continue;
      }
      try {
        this.extracted.set(a.id, extractArticle(a));
        keep.push(a);
      } catch (err) {
        this.failed.push(new SourceError(a.origin ?? a.url ?? a.id, `extraction failed (${errorMessage(err)})`));
      }
    }
    this.pending = keep;
  }

  /** Merge pending articles into the store and save; `final` also rebuilds and writes the graph. */
  async commit(final: boolean): Promise<Store> {
    this.extractOutsideLock();
    const build = { lexiconLabels: lexiconLabels() };
    return withStoreLock(
      this.opts.store,
      async (lock) => {
        const stamp = await articlesStamp(this.opts.store);
        if (!this.cached || this.cached.stamp !== stamp) {
          const store = await loadStore(this.opts.store, { build });
          this.cached = { store, stories: new StoryIndex(store.articles), stamp };
        }
        const { store, stories } = this.cached;
        let changed = false;
        for (const a of this.pending) {
          const outcome = stories.merge(a, (x) => this.extracted.get(x.id) ?? extractArticle(x));
          if (outcome === 'added') this.totals.ingested++;
          else this.totals.duplicates++;
          if (outcome === 'syndicated') this.totals.syndicated++;
          if (outcome !== 'exact') changed = true;
        }
        this.pending = [];
        store.articles = stories.records;
        if (changed || (final && this.wrote)) {
          if (final) store.graph = await curatedGraph(this.opts.store, undefined, () => buildGraph(store.articles, build));
          lock.check();
          await saveStore(store, { graph: final });
          this.cached.stamp = await articlesStamp(this.opts.store);
          this.wrote = true;
        }
        this.extracted.clear();
        return store;
      },
      this.opts.lockWaitMs,
      this.opts.onLockWait ? { onWait: this.opts.onLockWait } : {},
    );
  }

  async finish(): Promise<IngestSummary> {
    // nothing read and nothing written: report the store as it is, without creating or locking it
    const store =
      !this.pending.length && !this.wrote
        ? (this.cached?.store ?? (await loadStore(this.opts.store, { build: { lexiconLabels: lexiconLabels() } })))
        : await this.commit(true);
    return { ...this.totals, failed: this.failed, store };
  }
}

const readOptions = (opts: IngestOptions): ReadOptions => {
  const ro: ReadOptions = { fetch: opts.fetcher ?? createFetcher(opts.fetch) };
  if (opts.follow) ro.follow = true;
  if (opts.maxBytes !== undefined) ro.maxBytes = opts.maxBytes;
  if (opts.stdin) ro.stdin = opts.stdin;
  return ro;
};

/** Ingest files, folders (walked recursively), URLs and "-" (stdin) into the store. */
export async function ingestPaths(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const session = new IngestSession(opts);
  const ro = readOptions(opts);
  const sources = await expandPaths(paths);
  // progress counts sources, plus the items of each feed whose pages are followed
  let done = 0;
  let total = sources.length;
  ro.onFollow = ({ index, count, link }) => {
    if (index === 1) total += count;
    opts.onProgress?.({ done: ++done, total, origin: link });
  };
  for (const s of sources) {
    if (s instanceof SourceError) session.failed.push(s);
    else {
      const articles: Article[] = [];
      for (const r of await readSource(s, ro)) {
        if (r instanceof SourceError) session.failed.push(r);
        else articles.push(r);
      }
      await session.add(articles);
    }
    opts.onProgress?.({ done: ++done, total, origin: s instanceof SourceError ? s.origin : s });
  }
  return session.finish();
}

/** Ingest already-read articles into the store (under its lock). */
export async function ingestArticles(articles: Article[], opts: IngestOptions, failed: SourceError[] = []): Promise<IngestSummary> {
  const session = new IngestSession(opts);
  session.failed.push(...failed);
  await session.add(articles);
  return session.finish();
}
