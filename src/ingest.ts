// Ingest: read sources (files, folders, URLs, feeds, stdin), extract each new article, merge it into the
// store (syndicated copies recorded on the story they copy), rebuild the graph, save atomically under the
// store's lock. A failing source is recorded and counted while the rest of the batch goes on. Long
// batches are saved every `checkpointEvery` articles, so a killed run keeps what it had saved.
import { stat, utimes } from 'node:fs/promises';
import { SourceError, errorMessage } from './errors.js';
import { StoryIndex } from './clean/duplicates.js';
import { MAX_ARTICLE_CHARS, expandPaths, readSource, type ReadOptions } from './sources/registry.js';
import { createFetcher, isUrl, type FetchOptions, type Fetched } from './sources/url.js';
import { createPool, defaultWorkers, type ExtractPool } from './workers/pool.js';
import type { extractArticle as ExtractFn } from './nlp/extract.js';
import { lexiconLabels } from './nlp/lexicon.js';
import { GraphFold } from './graph/fold.js';
import { curatedFrom, readCuration } from './library/curation-file.js';
import { buildGraph } from './graph/build.js';
import {
  appendArticles,
  loadStore,
  openStoreState,
  rewriteArticles,
  shouldCompact,
  storeFiles,
  withStoreLock,
  writeSnapshot,
  writeStorySidecars,
  type RebuildReason,
  type Store,
  type StoreState,
} from './library/store.js';
import type { KGraph } from './graph/build.js';
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
  /** Stories in the store after the ingest (`store.articles.length`, without parsing them). */
  stored: number;
  /**
   * With `deferGraph`, true when the ingest wrote no snapshot and so folded no graph: `store.graph` then
   * throws, and the store's next reader folds the articles appended since the last snapshot.
   */
  graphDeferred: boolean;
}

export interface IngestOptions {
  store: string;
  onProgress?: IngestProgress;
  /** For each feed item, fetch the linked page for the full text. */
  follow?: boolean;
  /** With `follow`: also fetch item links to loopback and private-network addresses. */
  allowPrivate?: boolean;
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
  /** Worker threads reading and extracting (0: all in this thread). Default: one per core when there are many files. */
  workers?: number;
  /** Non-fatal notices (folders and files reached twice through symbolic links, skipped). */
  onWarning?: (message: string) => void;
  /** Longest article text extracted, in characters (default MAX_ARTICLE_CHARS); longer ones are refused. */
  maxArticleChars?: number;
  /**
   * Fold the graph only when a snapshot is written (a compaction, a rewrite, a first ingest): a small
   * ingest into a large store then reads neither fold.json nor builds the graph (see `graphDeferred`).
   */
  deferGraph?: boolean;
}

/** Why an article is too long to extract, or undefined when it is not. */
export function overLength(article: Article, max = MAX_ARTICLE_CHARS): SourceError | undefined {
  if (article.text.length <= max) return undefined;
  const n = (x: number) => x.toLocaleString('en');
  return new SourceError(
    article.origin ?? article.url ?? article.id,
    `the article is ${n(article.text.length)} characters long, over the ${n(max)}-character cap on one article ` +
      '(raise it with --max-article-length)',
  );
}

// The NLP models load on first use: with the worker pool, the main thread never needs them
let extractFn: typeof ExtractFn | undefined;
const loadExtract = async (): Promise<typeof ExtractFn> =>
  (extractFn ??= (await import('./nlp/extract.js')).extractArticle);
const extractArticle: typeof ExtractFn = (a) => {
  if (!extractFn) throw new Error('extraction used before loadExtract()');
  return extractFn(a);
};

/** Extract articles into stored records, skipping those already in `known` (by id). */
export async function extractNew(
  articles: Article[],
  known: Set<string>,
): Promise<{ added: StoredArticle[]; duplicates: number }> {
  await loadExtract();
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

/** What identifies the articles file on disk: it changes with every write (append or atomic rewrite). */
async function articlesStamp(dir: string): Promise<string> {
  const info = await stat(storeFiles(dir).articles).catch(() => undefined);
  return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'none';
}

/**
 * One ingest run against one store: articles are added as they are read and merged into the store at
 * checkpoints. Extraction runs outside the lock (in worker threads when `extracted` is filled by the
 * pool); the store is reloaded under the lock only when another process wrote it since this one last
 * did. New stories are appended to articles.jsonl; stories already saved that gained a syndicated copy
 * are saved by one rewrite at the end of the run. The graph is an incremental fold: the final commit
 * folds the new stories in, and writes a snapshot (fold.json, graph.json) only when enough was appended.
 */
class IngestSession {
  private pending: Article[] = [];
  /** Extractions made ahead (by the pool), and extraction failures, by article id. */
  readonly extracted = new Map<string, Extraction>();
  readonly extractFailed = new Map<string, string>();
  private cached?: { state: StoreState; stories: StoryIndex; stamp: string; saved: number; changed: boolean };
  /**
   * Syndicated copies merged into saved stories but not yet written (the final commit rewrites them): replayed if
   * another process wrote meanwhile.
   */
  private unsaved: Array<{ article: Article; extraction?: Extraction }> = [];
  private wrote = false;
  /** The final commit folded no graph (`deferGraph`, no snapshot due). */
  private graphDeferred = false;
  readonly failed: SourceError[] = [];
  readonly totals = { read: 0, ingested: 0, duplicates: 0, syndicated: 0 };
  private readonly build = { lexiconLabels: lexiconLabels() };

  constructor(private readonly opts: IngestOptions) {}

  /** Articles of this run, or of the store when it has been opened: their extraction is not needed. */
  known(id: string): boolean {
    return this.extracted.has(id) || !!this.cached?.stories.has(id);
  }

  async add(articles: Article[]): Promise<void> {
    this.totals.read += articles.length;
    for (const a of articles) {
      const tooLong = overLength(a, this.opts.maxArticleChars);
      if (tooLong) this.failed.push(tooLong);
      else this.pending.push(a);
    }
    if (this.pending.length >= (this.opts.checkpointEvery ?? 200)) await this.commit(false);
  }

  /** Extract the pending articles, returning to the event loop every ~50 ms so that Ctrl-C acts at once. */
  private async extractOutsideLock(): Promise<void> {
    const keep: Article[] = [];
    let since = performance.now();
    for (const a of this.pending) {
      if (performance.now() - since > 50) {
        await new Promise((ok) => setImmediate(ok));
        since = performance.now();
      }
      const failure = this.extractFailed.get(a.id);
      if (failure !== undefined) {
        this.extractFailed.delete(a.id);
        this.failed.push(new SourceError(a.origin ?? a.url ?? a.id, `extraction failed (${failure})`));
        continue;
      }
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

  /** Merge pending articles into the store and save them; `final` also brings the graph up to date. */
  async commit(final: boolean): Promise<Store> {
    if (
      this.pending.some(
        (a) => !this.extracted.has(a.id) && !this.extractFailed.has(a.id) && !this.cached?.stories.has(a.id),
      )
    )
      await loadExtract();
    await this.extractOutsideLock();
    return withStoreLock(
      this.opts.store,
      async (lock) => {
        const stamp = await articlesStamp(this.opts.store);
        if (!this.cached || this.cached.stamp !== stamp) {
          const state = await openStoreState(this.opts.store, {
            build: this.build,
            needFold: true,
            needGraph: false,
            stories: true,
          });
          this.noticeRebuilt(state);
          const stories = new StoryIndex(state.records, undefined, state.sketches);
          this.cached = { state, stories, stamp, saved: stories.length, changed: false };
          // copies recorded on stories before another process wrote the store: recorded again on the store as it is now
          if (this.unsaved.some((u) => !u.extraction)) await loadExtract();
          for (const u of this.unsaved)
            if (stories.merge(u.article, (x) => u.extraction ?? extractArticle(x)) !== 'exact')
              this.cached.changed = true;
        }
        const cached = this.cached;
        const { state, stories } = cached;
        const merged = this.pending.map((a) => a.id);
        // a store rewritten by another process may lack an article this run skipped as known: extract it here
        if (this.pending.some((a) => !this.extracted.has(a.id) && !stories.has(a.id))) await loadExtract();
        for (const a of this.pending) {
          const outcome = stories.merge(a, (x) => this.extracted.get(x.id) ?? extractArticle(x));
          if (outcome === 'added') this.totals.ingested++;
          else this.totals.duplicates++;
          if (outcome === 'syndicated') {
            this.totals.syndicated++;
            cached.changed = true;
            const extraction = this.extracted.get(a.id);
            this.unsaved.push(extraction ? { article: a, extraction } : { article: a });
          }
        }
        this.pending = [];
        const fresh = stories.recordsFrom(cached.saved);
        let rewrote = false;
        if (fresh.length || (final && cached.changed)) {
          lock.check();
          if (final && cached.changed) {
            await rewriteArticles(state, stories);
            rewrote = true;
          } else await appendArticles(state, fresh);
          cached.saved = stories.length;
          if (final) {
            cached.changed = false;
            this.unsaved = [];
          }
          cached.stamp = await articlesStamp(this.opts.store);
          this.wrote = true;
        }
        let graph: KGraph | undefined;
        if (final && this.wrote) graph = await this.saveGraph(state, stories, rewrote, lock);
        else if (final) graph = (await this.foldOf(state, stories)).toGraph();
        for (const id of merged) this.extracted.delete(id);
        return storeOf(state.store.dir, stories, graph);
      },
      this.opts.lockWaitMs,
      this.opts.onLockWait ? { onWait: this.opts.onLockWait } : {},
    );
  }

  /**
   * After the final write: the graph folded, and the snapshot (fold.json, graph.json, ids.json,
   * sketches.bin) written when it is due; a rewrite of the articles leaves the snapshot behind them, so it
   * is written again then, while the fold is here. Undefined when the graph is deferred.
   */
  private async saveGraph(
    state: StoreState,
    stories: StoryIndex,
    rewrote: boolean,
    lock: { check: () => void },
  ): Promise<KGraph | undefined> {
    const sidecars = { ids: storyIds(stories), sketches: stories.savedSketches() };
    const snapshot = rewrote || shouldCompact(state) || !(await isSnapshot(state));
    let graph: KGraph | undefined;
    if (snapshot || !this.opts.deferGraph) {
      const fold = await this.foldOf(state, stories);
      // graph.json holds the graph with the researcher's decisions applied (their digest says which)
      graph = await curatedFrom(this.opts.store, fold.toGraph(), () => fold.toGraph());
      if (snapshot) {
        lock.check();
        await writeSnapshot(state, fold, graph, sidecars);
        return graph;
      }
    }
    if (state.rebuilt.some(isStorySidecar)) {
      lock.check();
      await writeStorySidecars(state, sidecars);
    }
    await touchGraph(state);
    this.graphDeferred = !graph;
    return graph;
  }

  /**
   * The fold over the records now in the store: new stories folded in; a rebuild when a saved story's text was
   * replaced.
   */
  private async foldOf(state: StoreState, stories: StoryIndex): Promise<GraphFold> {
    let fold = state.fold ?? (state.loadFold ? await state.loadFold() : GraphFold.of([], this.build.lexiconLabels));
    const fresh: StoredArticle[] = [];
    for (let pos = 0; pos < stories.length; pos++)
      if (!fold.articles.has(stories.ids(pos)[0]!)) fresh.push(stories.record(pos));
    if (fold.count + fresh.length !== stories.length)
      fold = GraphFold.of(stories.records(), this.build.lexiconLabels); // a story's kept copy changed
    else {
      for (const r of fresh) fold.add(r);
      // the records never read are as the fold has them: only those held may have gained copies
      const held = [...stories.heldRecords()].sort(([a], [b]) => a - b);
      for (const [, r] of held) if (r.article.syndicated?.length) fold.setOutlets(r.article);
    }
    state.fold = fold;
    return fold;
  }

  /** Says which of the stories' derived files (ids.json, sketches.bin) are rebuilt, and why. */
  private noticeRebuilt(state: StoreState): void {
    if (!state.exists) return;
    for (const r of state.rebuilt.filter(isStorySidecar))
      this.opts.onWarning?.(
        `${r.file} in store ${this.opts.store} is ${r.why}${r.detail ? ` (${r.detail})` : ''}: ` +
          'the stored articles are read instead, and it is written again at the end of this ingest',
      );
  }

  async finish(): Promise<IngestSummary> {
    // nothing read and nothing written: report the store as it is, without creating or locking it. Copies
    // merged into saved stories at a checkpoint (`unsaved`) still need the final rewrite, even when the
    // run appended nothing (it read a multiple of the checkpoint size, all of them copies)
    const cached = this.cached;
    const store =
      !this.pending.length && !this.wrote && !this.unsaved.length
        ? cached
          ? storeOf(cached.state.store.dir, cached.stories, (await this.foldOf(cached.state, cached.stories)).toGraph())
          : await loadStore(this.opts.store, { build: this.build })
        : await this.commit(true);
    const graphDeferred = this.graphDeferred;
    // the researcher's decisions apply to what the store reports (the snapshot keeps the graph as extracted)
    if (!graphDeferred)
      store.graph = await curatedFrom(this.opts.store, store.graph, () => buildGraph(store.articles, this.build));
    const stored = this.cached?.stories.length ?? store.articles.length;
    return { ...this.totals, failed: this.failed, store, stored, graphDeferred };
  }
}

/** The ids of every story and of its copies, in record order (ids.json). */
const storyIds = (stories: StoryIndex): Array<readonly string[]> =>
  Array.from({ length: stories.length }, (_x, pos) => stories.ids(pos));

const isStorySidecar = (r: RebuildReason): boolean =>
  r.file === 'ids.json' || r.file === 'sketches.bin' || r.file === 'lines.bin';

/**
 * The store an ingest reports: its articles are parsed only if they are read; without a graph (deferred),
 * reading `graph` throws.
 */
function storeOf(dir: string, stories: StoryIndex, graph: KGraph | undefined): Store {
  let articles: StoredArticle[] | undefined;
  let folded = graph;
  const store = {
    dir,
    get articles() {
      return (articles ??= stories.records());
    },
    set articles(value: StoredArticle[]) {
      articles = value;
    },
    get graph(): KGraph {
      if (!folded)
        throw new Error(`ingest: the graph of store ${dir} was deferred (deferGraph); open the store to read it`);
      return folded;
    },
    set graph(value: KGraph) {
      folded = value;
    },
  };
  return store;
}

/** graph.json and fold.json are there (a snapshot to fold the appended stories onto). */
async function isSnapshot(state: StoreState): Promise<boolean> {
  const f = storeFiles(state.store.dir);
  return (
    (await stat(f.fold).catch(() => undefined)) !== undefined &&
    (await stat(f.graph).catch(() => undefined)) !== undefined
  );
}

/** Readers watching graph.json's time (the viewer) see that the graph changed, without a rewrite. */
async function touchGraph(state: StoreState): Promise<void> {
  const now = new Date();
  await utimes(storeFiles(state.store.dir).graph, now, now).catch(() => undefined);
}

const readOptions = (opts: IngestOptions): ReadOptions => {
  const readOpts: ReadOptions = { fetch: opts.fetcher ?? createFetcher(opts.fetch) };
  if (opts.follow) readOpts.follow = true;
  if (opts.allowPrivate) readOpts.allowPrivate = true;
  if (opts.maxBytes !== undefined) readOpts.maxBytes = opts.maxBytes;
  if (opts.stdin) readOpts.stdin = opts.stdin;
  return readOpts;
};

/** The warning for paths skipped because they lead to what was already read. */
function skippedLinksMessage(links: string[]): string {
  const one = links.length === 1;
  const listed = links.slice(0, 5).join(', ') + (links.length > 5 ? ', …' : '');
  return (
    `skipped ${links.length} path${one ? '' : 's'} that lead${one ? 's' : ''} to a folder or file already read ` +
    `(a symbolic link loop or a second link): ${listed}`
  );
}

/** The articles a source gave; its failures go to `failed`. */
function articlesOnly(results: Array<Article | SourceError>, failed: SourceError[]): Article[] {
  const articles: Article[] = [];
  for (const r of results) {
    if (r instanceof SourceError) failed.push(r);
    else articles.push(r);
  }
  return articles;
}

/** Ingest files, folders (walked recursively), URLs and "-" (stdin) into the store. */
export async function ingestPaths(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  // a damaged curation.json would stop the run after its articles are written: refuse before anything is
  await readCuration(opts.store);
  const session = new IngestSession(opts);
  const readOpts = readOptions(opts);
  const sources = await expandPaths(paths, {
    onSkipped: (links) => opts.onWarning?.(skippedLinksMessage(links)),
  });
  // progress counts sources, plus the items of each feed whose pages are followed
  let done = 0;
  let total = sources.length;
  readOpts.onFollow = ({ index, count, link }) => {
    if (index === 1) total += count;
    opts.onProgress?.({ done: ++done, total, origin: link });
  };
  const files = sources.filter((s) => typeof s === 'string' && s !== '-' && !isUrl(s)).length;
  const threads = opts.workers ?? (files >= parallelFrom() ? defaultWorkers() : 0);
  // feeds whose links are followed fetch pages: they are read here, where the fetcher keeps its pauses per host
  const pool = threads > 0 && !opts.follow ? createPool(threads) : undefined;
  try {
    const reads = pool ? readAhead(sources, pool, session, opts) : undefined;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      if (s instanceof SourceError) session.failed.push(s);
      else await session.add(articlesOnly(reads ? await reads(i) : await readSource(s, readOpts), session.failed));
      opts.onProgress?.({ done: ++done, total, origin: s instanceof SourceError ? s.origin : s });
    }
  } finally {
    await pool?.close();
  }
  return session.finish();
}

/**
 * Below this many files, one thread is faster than starting workers (each spends about a second loading
 * the NLP models and warming up). Measured on a 2-core machine, whose cores slow each other when both
 * work: 600 articles took 3.3 s in one thread and 3.6 s with two workers, 10,000 took 46 s and 32 s.
 * With more cores the workers pay off sooner.
 */
export const parallelFrom = (cores = defaultWorkers()): number => (cores <= 2 ? 1000 : 64);

/**
 * Read sources in the pool ahead of the merge (a window of batches of files), and extract the articles
 * they give as soon as they are read; `get(i)` waits for source i and its extractions. Results are
 * handed over in source order, so the merge sees what a sequential run sees. URLs and stdin are read
 * here, in order, when their turn comes.
 */
function readAhead(
  sources: Array<string | SourceError>,
  pool: ExtractPool,
  session: IngestSession,
  opts: IngestOptions,
) {
  const batch = 4;
  const window = 16; // batches in flight
  const isFile = (s: string | SourceError): s is string => typeof s === 'string' && s !== '-' && !isUrl(s);
  const started = new Map<number, Promise<Map<number, Array<Article | SourceError>>>>();
  let next = 0;
  const extract = async (articles: Article[]): Promise<void> => {
    const todo: Article[] = [];
    const ids = new Set<string>();
    for (const a of articles) {
      if (ids.has(a.id) || session.known(a.id) || overLength(a, opts.maxArticleChars)) continue;
      ids.add(a.id);
      todo.push(a);
    }
    for (let k = 0; k < todo.length; k += batch) {
      const part = todo.slice(k, k + batch);
      const res = await pool.run({ op: 'extract', articles: part });
      if (res.op !== 'extract') throw new Error('ingest pool: unexpected answer to an extraction');
      res.results.forEach((r, j) => {
        const id = part[j]!.id;
        if ('extraction' in r) session.extracted.set(id, r.extraction);
        else session.extractFailed.set(id, r.error);
      });
    }
  };
  const readBatch = async (b: number): Promise<Map<number, Array<Article | SourceError>>> => {
    const idx: number[] = [];
    for (let i = b * batch; i < Math.min(sources.length, (b + 1) * batch); i++) if (isFile(sources[i]!)) idx.push(i);
    const out = new Map<number, Array<Article | SourceError>>();
    if (!idx.length) return out;
    const paths = idx.map((i) => sources[i] as string);
    const res = await pool.run(
      opts.maxBytes !== undefined ? { op: 'read', paths, maxBytes: opts.maxBytes } : { op: 'read', paths },
    );
    if (res.op !== 'read') throw new Error('ingest pool: unexpected answer to a read');
    const all: Article[] = [];
    res.items.forEach((items, k) => {
      const got = items.map((it) => ('article' in it ? it.article : new SourceError(it.origin, it.problem)));
      out.set(idx[k]!, got);
      for (const a of got) if (!(a instanceof SourceError)) all.push(a);
    });
    await extract(all);
    return out;
  };
  const fill = (upTo: number) => {
    for (; next < Math.min(Math.ceil(sources.length / batch), upTo); next++) {
      const p = readBatch(next);
      p.catch(() => undefined); // awaited in order by get(); a run that stops early must not leave it unhandled
      started.set(next, p);
    }
  };
  return async (i: number): Promise<Array<Article | SourceError>> => {
    const b = Math.floor(i / batch);
    fill(b + window);
    const s = sources[i]!;
    if (s instanceof SourceError) return [];
    if (!isFile(s)) {
      const read = await readSource(s, readOptions(opts));
      const articles = read.filter((r): r is Article => !(r instanceof SourceError));
      await extract(articles);
      return read;
    }
    const got = (await started.get(b)!).get(i) ?? [];
    if (i === Math.min(sources.length, (b + 1) * batch) - 1) started.delete(b);
    return got;
  };
}

/** Ingest already-read articles into the store (under its lock). */
export async function ingestArticles(
  articles: Article[],
  opts: IngestOptions,
  failed: SourceError[] = [],
): Promise<IngestSummary> {
  await readCuration(opts.store);
  const session = new IngestSession(opts);
  session.failed.push(...failed);
  await session.add(articles);
  return session.finish();
}
