// What the viewer's API serves: the store's graph with positions (computed once when the stored graph
// has none, then cached in memory and in the store's layout.json) and the articles' metadata.
// The store is re-read when its files change, so an ingest while serving shows on reload.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { StoreError, errorMessage } from '../errors.js';
import { applyPositions, computeLayout, hasLayout, type LayoutOptions, type Positions } from '../graph/layout.js';
import { positionNewNodes } from '../graph/incremental-layout.js';
import { writeFileAtomic } from '../store/atomic.js';
import { isStore, loadStore } from '../library/store.js';

/** What /api/articles lists: enough to draw the timeline and cite an article. */
export interface ArticleMeta {
  id: string;
  title?: string;
  date?: string;
  source?: string;
  url?: string;
}

export interface Served {
  /** graphology JSON with x and y on every node. */
  graph: string;
  articles: string;
  order: number;
  size: number;
  /**
   * Where positions came from: the graph, the cache, a full layout, or the cache with new nodes placed near their
   * neighbours.
   */
  layout: 'stored' | 'cache' | 'computed' | 'incremental';
}

export type ServedResult = { ok: true; value: Served } | { ok: false; status: number; message: string };

const LAYOUT_CACHE = 'layout.json';
const LAYOUT_CACHE_VERSION = 1;

interface LayoutCache {
  version: number;
  /** Hash of the graph's structure (node keys, edges, weights) the positions were computed for. */
  structure: string;
  positions: Positions;
}

async function fingerprint(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const f of ['meta.json', 'articles.jsonl', 'graph.json', 'curation.json']) {
    const s = await stat(join(dir, f)).catch(() => undefined);
    parts.push(s ? `${f}:${s.size}:${s.mtimeMs}` : `${f}:-`);
  }
  return parts.join('|');
}

/**
 * Positions for `graph` from an older layout: every entity still there keeps its place and the new
 * ones are placed near their neighbours (a short pinned refinement), so the drawing does not jump after
 * an ingest or an edit. Undefined when fewer than half the entities had a place (lay out again).
 */
export function reuseLayout(graph: AbstractGraph, previous: Positions): Positions | undefined {
  const kept = graph.filterNodes((k) => !!previous[k]);
  if (!kept.length || kept.length < graph.order / 2) return undefined;
  const positions: Positions = {};
  for (const k of kept) positions[k] = previous[k]!;
  const copy = graph.copy();
  applyPositions(copy, positions);
  return { ...positions, ...positionNewNodes(copy) };
}

/** Hash of what the layout depends on, so a cached layout is reused only for the same structure. */
export function structureHash(graph: AbstractGraph, options: LayoutOptions): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(options));
  graph.forEachNode((k) => h.update(`n${k}\n`));
  graph.forEachEdge((e, a: Attributes, s, t) => h.update(`e${e}\t${s}\t${t}\t${String(a.weight ?? 1)}\n`));
  return h.digest('hex');
}

export interface GraphSourceOptions {
  store: string;
  layout?: LayoutOptions;
  /** Write computed positions to the store's layout.json (default true). */
  persistLayout?: boolean;
  log?: (message: string) => void;
}

/** A cached view of the store for the API; `get()` reloads only when the store's files changed. */
export function graphSource(opts: GraphSourceOptions) {
  const dir = resolve(opts.store);
  let cached: { key: string; result: ServedResult } | undefined;
  let pending: Promise<ServedResult> | undefined;
  return {
    dir,
    async get(): Promise<ServedResult> {
      const key = await fingerprint(dir);
      if (cached?.key === key) return cached.result;
      if (!pending)
        pending = loadServed(dir, opts).finally(() => {
          pending = undefined;
        });
      const result = await pending;
      // do not cache failures: the next request retries (the store may appear in the meantime)
      if (result.ok) cached = { key, result };
      return result;
    },
  };
}

/** The cached layout: `exact` when it was computed for this very structure. */
async function readLayoutCache(
  dir: string,
  structure: string,
): Promise<{ positions: Positions; exact: boolean } | undefined> {
  try {
    const c = JSON.parse(await readFile(join(dir, LAYOUT_CACHE), 'utf8')) as LayoutCache;
    return c.version === LAYOUT_CACHE_VERSION
      ? { positions: c.positions, exact: c.structure === structure }
      : undefined;
  } catch {
    return undefined; // no cache or an unreadable one: compute again
  }
}

/** The store's graph and articles as the API serves them, or why they cannot be served. */
async function loadServed(dir: string, opts: GraphSourceOptions): Promise<ServedResult> {
  if (!(await isStore(dir)))
    return {
      ok: false,
      status: 404,
      message: `no kunafoni store in ${dir}; run \`kunafoni ingest <files> --store ${opts.store}\` first, then reload`,
    };
  let store;
  try {
    // a damaged curation.json leaves the viewer usable: the graph last saved, read-only, the error shown
    // (in the log, and by /api/curation, which the viewer reports)
    store = await loadStore(dir, {
      mustExist: true,
      onCurationError: (err) => opts.log?.(`serve: ${err.message}; showing the graph last saved, read-only\n`),
    });
  } catch (err) {
    return {
      ok: false,
      status: 500,
      message: err instanceof StoreError ? err.message : `store ${dir}: ${errorMessage(err)}`,
    };
  }
  const graph = store.graph;
  const layout = hasLayout(graph) ? 'stored' : await placeNodes(graph, dir, opts);
  const articles: ArticleMeta[] = store.articles.map(({ article: a }) => {
    const m: ArticleMeta = { id: a.id };
    for (const f of ['title', 'date', 'source', 'url'] as const) if (a[f]) m[f] = a[f];
    return m;
  });
  return {
    ok: true,
    value: {
      graph: JSON.stringify(graph.export()),
      articles: JSON.stringify(articles),
      order: graph.order,
      size: graph.size,
      layout,
    },
  };
}

type PositionedGraph = Awaited<ReturnType<typeof loadStore>>['graph'];

/**
 * Give a graph without stored positions the cached ones when the cache fits its structure; else place only
 * the new nodes near their neighbours (after an ingest or an edit most entities keep their place, and the
 * drawing does not jump); else lay the whole graph out. New positions are written to the cache.
 */
async function placeNodes(graph: PositionedGraph, dir: string, opts: GraphSourceOptions): Promise<Served['layout']> {
  const layoutOptions = opts.layout ?? {};
  const structure = structureHash(graph, layoutOptions);
  const cached = await readLayoutCache(dir, structure);
  let positions = cached?.exact ? cached.positions : undefined;
  let layout: Served['layout'] = 'cache';
  if (!positions && cached) {
    const t0 = Date.now();
    positions = reuseLayout(graph, cached.positions);
    if (positions) {
      layout = 'incremental';
      opts.log?.(`layout: new nodes placed among the ${graph.order} in ${Date.now() - t0} ms\n`);
    }
  }
  if (!positions) {
    const t0 = Date.now();
    positions = computeLayout(graph, layoutOptions);
    layout = 'computed';
    opts.log?.(`layout: ${graph.order} nodes, ${graph.size} edges in ${Date.now() - t0} ms\n`);
  }
  if (layout !== 'cache' && opts.persistLayout !== false) await cachePositions(dir, structure, positions, opts.log);
  applyPositions(graph, positions);
  return layout;
}

/** Write positions to the layout cache; a failure is logged, not fatal (they are computed again next start). */
async function cachePositions(
  dir: string,
  structure: string,
  positions: Positions,
  log: GraphSourceOptions['log'],
): Promise<void> {
  const cache: LayoutCache = { version: LAYOUT_CACHE_VERSION, structure, positions };
  await writeFileAtomic(join(dir, LAYOUT_CACHE), JSON.stringify(cache)).catch((err: unknown) =>
    log?.(
      `layout: could not cache positions in ${join(dir, LAYOUT_CACHE)} (${errorMessage(err)}); ` +
        'they will be computed again next start\n',
    ),
  );
}

export type GraphSource = ReturnType<typeof graphSource>;
