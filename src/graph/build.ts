// Build the graph from stored articles: entities sharing a resolution key across articles become one
// node (union-find over keys), relations become edges with deterministic keys and their evidence. The
// incremental fold (fold.ts) does the work, so a full build and an ingest that adds to a store give the
// same graph; the result depends only on the set of articles, not on the order they were ingested in.
import type { StoredArticle } from '../types.js';
import type { KGraph } from './attrs.js';
import { GraphFold } from './fold.js';

export * from './attrs.js';

export interface BuildOptions {
  /** Canonical labels of lexicon entries, by lexicon key (`org:@orange-mali` → "Orange Mali"). */
  lexiconLabels?: ReadonlyMap<string, string>;
}

export function buildGraph(records: StoredArticle[], opts: BuildOptions = {}): KGraph {
  return GraphFold.of(records, opts.lexiconLabels).toGraph();
}
