// The worker of the ingest pool: reads a file into articles, or extracts one article. Both are pure
// per-item work (the NLP models load once per worker); results cross back to the main thread as plain
// data (errors as {origin, problem}), where resolution and merge happen in source order.
import { SourceError, errorMessage } from '../errors.js';
import { extractArticle } from '../nlp/extract.js';
import { readFileSource } from '../sources/registry.js';
import type { Article, Extraction } from '../types.js';

/** Tasks carry several items: a task costs a message each way, so files and articles travel in small batches. */
export type WorkerTask = { op: 'read'; paths: string[]; maxBytes?: number } | { op: 'extract'; articles: Article[] };

export type ReadItem = { article: Article } | { origin: string; problem: string };
export type Extracted = { extraction: Extraction } | { error: string };
export type WorkerResult = { op: 'read'; items: ReadItem[][] } | { op: 'extract'; results: Extracted[] };

export default async function run(task: WorkerTask): Promise<WorkerResult> {
  if (task.op === 'read') {
    const items: ReadItem[][] = [];
    for (const path of task.paths) {
      const read = await readFileSource(path, task.maxBytes !== undefined ? { maxBytes: task.maxBytes } : {});
      items.push(
        read.map((r) => (r instanceof SourceError ? { origin: r.origin, problem: r.problem } : { article: r })),
      );
    }
    return { op: 'read', items };
  }
  return {
    op: 'extract',
    results: task.articles.map((a) => {
      try {
        return { extraction: extractArticle(a) };
      } catch (err) {
        return { error: errorMessage(err) };
      }
    }),
  };
}
