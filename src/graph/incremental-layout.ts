// Incremental layout: after an ingest adds nodes to a graph that was already laid out, position only the
// new ones — each placed at the centre of its positioned neighbours (new components beside the drawing),
// then a short ForceAtlas2 refinement (Barnes-Hut on large neighbourhoods) over the new nodes and their
// neighbours, the neighbours pinned. The cost follows the change, not the graph: adding ten articles to a
// 50k-node graph does not lay out 50k nodes again. Pure: the graph is read, never modified.
import Graph from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { Attributes } from 'graphology-types';
import { mulberry32 } from './random.js';

/** What the layout reads: any graphology graph whose nodes may carry x and y. */
export interface LayoutGraph {
  order: number;
  forEachNode(cb: (key: string, attrs: Attributes) => void): void;
  forEachEdge(cb: (key: string, attrs: Attributes, source: string, target: string) => void): void;
  neighbors(key: string): string[];
}

export interface IncrementalLayoutOptions {
  /** ForceAtlas2 iterations of the refinement (0: placement only). */
  iterations: number;
  /** Barnes-Hut approximation when the refined neighbourhood has at least this many nodes. */
  barnesHutFrom: number;
  /** Seed of the small deterministic spread around a neighbourhood's centre. */
  seed: number;
  /** ForceAtlas2 settings over those inferred from the neighbourhood's size. */
  settings: ForceAtlas2Settings;
}

export const DEFAULT_INCREMENTAL_LAYOUT: IncrementalLayoutOptions = {
  iterations: 40,
  barnesHutFrom: 2000,
  seed: 1,
  settings: {},
};

export class LayoutOptionsError extends Error {
  override name = 'LayoutOptionsError';
}

function validate(opts: Partial<IncrementalLayoutOptions>): IncrementalLayoutOptions {
  const o = { ...DEFAULT_INCREMENTAL_LAYOUT, ...opts };
  for (const k of ['iterations', 'barnesHutFrom', 'seed'] as const)
    if (!Number.isFinite(o[k]) || o[k] < 0)
      throw new LayoutOptionsError(`incremental-layout: option ${k} is ${String(o[k])}; expected a number ≥ 0`);
  return o;
}

export type Positions = Record<string, { x: number; y: number }>;

const positioned = (a: Attributes): boolean => Number.isFinite(a.x) && Number.isFinite(a.y);

/**
 * Positions for the nodes of `graph` that have none (finite x and y), given those that have. Returns
 * only the new nodes' positions; a graph where no node is positioned gets a full layout.
 */
export function positionNewNodes(graph: LayoutGraph, options: Partial<IncrementalLayoutOptions> = {}): Positions {
  const opts = validate(options);
  const random = mulberry32(opts.seed);
  const pos = new Map<string, { x: number; y: number }>();
  const fresh: string[] = [];
  graph.forEachNode((k, a) => {
    if (positioned(a)) pos.set(k, { x: a.x as number, y: a.y as number });
    else fresh.push(k);
  });
  if (!fresh.length) return {};
  fresh.sort();
  const isNew = new Set(fresh);

  // scale of the drawing: extent and a typical spacing between nodes
  const box = boundsOf(pos.values());
  const extent = pos.size ? Math.max(box.maxX - box.minX, box.maxY - box.minY, 1) : Math.sqrt(fresh.length) * 10;
  const spacing = extent / Math.max(1, Math.sqrt(pos.size || fresh.length));
  const centre = pos.size
    ? { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
    : { x: extent / 2, y: extent / 2 };

  // placement: repeatedly, each new node with positioned neighbours goes to their centre (plus a spread)
  let left = fresh;
  let ring = 0;
  while (left.length) {
    const next: string[] = [];
    const placed: Array<[string, { x: number; y: number }]> = [];
    for (const k of left) {
      const around = graph.neighbors(k).filter((n) => pos.has(n));
      if (!around.length) {
        next.push(k);
        continue;
      }
      const c = meanOf(around.map((n) => pos.get(n)!));
      const angle = random() * 2 * Math.PI;
      const r = spacing * (0.3 + 0.4 * random());
      placed.push([k, { x: c.x + r * Math.cos(angle), y: c.y + r * Math.sin(angle) }]);
    }
    for (const [k, p] of placed) pos.set(k, p);
    if (placed.length) {
      left = next;
      continue;
    }
    // components with no positioned node: the first node of each goes beside the drawing, the rest follow
    const seeds = componentSeeds(graph, next);
    for (const k of seeds) {
      const angle = (ring++ * 2.399963) % (2 * Math.PI); // golden angle: seeds spread around the drawing
      const radius = extent * 0.6 + spacing * (1 + ring / 8);
      pos.set(k, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    }
    left = next.filter((k) => !seeds.has(k));
  }

  if (opts.iterations > 0) refine(graph, pos, isNew, opts);
  const out: Positions = {};
  for (const k of fresh) out[k] = pos.get(k)!;
  return out;
}

type Point = { x: number; y: number };

function boundsOf(points: Iterable<Point>): { minX: number; minY: number; maxX: number; maxY: number } {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of points) {
    b.minX = Math.min(b.minX, p.x);
    b.minY = Math.min(b.minY, p.y);
    b.maxX = Math.max(b.maxX, p.x);
    b.maxY = Math.max(b.maxY, p.y);
  }
  return b;
}

/** The mean of the points (summed in their order, as the placement always did). */
function meanOf(points: Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

/** The first node (in `nodes` order) of each connected component the nodes form. */
function componentSeeds(graph: LayoutGraph, nodes: string[]): Set<string> {
  const unplaced = new Set(nodes);
  const seeds = new Set<string>();
  for (const k of nodes) {
    if (!unplaced.has(k)) continue;
    seeds.add(k);
    const queue = [k];
    unplaced.delete(k);
    while (queue.length) for (const n of graph.neighbors(queue.pop()!)) if (unplaced.delete(n)) queue.push(n);
  }
  return seeds;
}

/** ForceAtlas2 over the new nodes and their neighbours, the neighbours pinned (`fixed`). */
function refine(
  graph: LayoutGraph,
  pos: Map<string, { x: number; y: number }>,
  isNew: Set<string>,
  opts: IncrementalLayoutOptions,
): void {
  const local = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const add = (k: string) => {
    if (!local.hasNode(k)) local.addNode(k, { ...pos.get(k)!, fixed: !isNew.has(k) });
  };
  for (const k of isNew) {
    add(k);
    for (const n of graph.neighbors(k)) add(n);
  }
  graph.forEachEdge((_e, a, s, t) => {
    if (!(isNew.has(s) || isNew.has(t)) || s === t) return;
    const w = Number(a.weight) > 0 ? Number(a.weight) : 1;
    if (local.hasEdge(s, t)) local.updateEdgeAttribute(s, t, 'weight', (x: number) => x + w);
    else local.addEdge(s, t, { weight: w });
  });
  const settings: ForceAtlas2Settings = {
    ...forceAtlas2.inferSettings(local.order),
    barnesHutOptimize: local.order >= opts.barnesHutFrom,
    ...opts.settings,
  };
  const moved = forceAtlas2(local, { iterations: opts.iterations, settings, getEdgeWeight: 'weight' });
  for (const k of isNew) {
    const p = moved[k];
    if (p && Number.isFinite(p.x) && Number.isFinite(p.y)) pos.set(k, { x: p.x, y: p.y });
  }
}
