// Ingest: read sources, extract each new article, rebuild the graph, save the store atomically.
// A failing source is recorded and counted while the rest of the batch goes on.
import { SourceError } from './errors.js';
import { expandPaths, readFileSource } from './sources/registry.js';
import { extractArticle } from './nlp/extract.js';
import { buildGraph } from './graph/build.js';
import { lexiconLabels } from './nlp/lexicon.js';
import { loadStore, saveStore, withStoreLock, type Store } from './store/store.js';
import type { Article, StoredArticle } from './types.js';

export interface IngestProgress {
  (event: { done: number; total: number; origin: string }): void;
}

export interface IngestSummary {
  read: number;
  ingested: number;
  duplicates: number;
  failed: SourceError[];
  store: Store;
}

export interface IngestOptions {
  store: string;
  onProgress?: IngestProgress;
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

/** Ingest files and folders into the store. The store is written only if something new was added. */
export async function ingestPaths(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const failed: SourceError[] = [];
  const articles: Article[] = [];
  const files = await expandPaths(paths);
  let done = 0;
  for (const f of files) {
    if (f instanceof SourceError) failed.push(f);
    else
      for (const r of await readFileSource(f)) {
        if (r instanceof SourceError) failed.push(r);
        else articles.push(r);
      }
    opts.onProgress?.({ done: ++done, total: files.length, origin: f instanceof SourceError ? f.origin : f });
  }
  return ingestArticles(articles, opts, failed);
}

/** Ingest already-read articles into the store (under its lock). */
export async function ingestArticles(articles: Article[], opts: IngestOptions, failed: SourceError[] = []): Promise<IngestSummary> {
  return withStoreLock(opts.store, async () => {
    const store = await loadStore(opts.store, { build: { lexiconLabels: lexiconLabels() } });
    const known = new Set(store.articles.map((a) => a.article.id));
    const { added, duplicates } = extractNew(articles, known);
    if (added.length) {
      store.articles = [...store.articles, ...added];
      store.graph = buildGraph(store.articles, { lexiconLabels: lexiconLabels() });
      await saveStore(store);
    }
    return { read: articles.length, ingested: added.length, duplicates, failed, store };
  });
}
