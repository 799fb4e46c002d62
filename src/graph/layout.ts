// Positions for the first paint and for exports: ForceAtlas2 (Barnes-Hut on large graphs) then
// noverlap, from initial positions seeded by each node's key, so the same graph always gets the
// same layout whatever the order its nodes were added in.
import { UndirectedGraph } from 'graphology';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { AbstractGraph, Attributes } from 'graphology-types';

export interface LayoutOptions {
  /** ForceAtlas2 iterations; by default fewer on larger graphs (500 under 1k nodes, 50 from 20k). */
  iterations?: number;
  /** Barnes-Hut approximation; 'auto' turns it on from `barnesHutFrom` nodes. */
  barnesHut?: boolean | 'auto';
  barnesHutFrom?: number;
  /** Run noverlap after ForceAtlas2 so that discs do not cover each other. */
  noverlap?: boolean;
  /** Mixed into the per-node seed: another seed gives another (equally deterministic) layout. */
  seed?: string;
}

export const DEFAULT_LAYOUT_OPTIONS: Required<LayoutOptions> = {
  iterations: 0, // 0: chosen from the graph's order
  barnesHut: 'auto',
  barnesHutFrom: 1000,
  noverlap: true,
  seed: 'kunafoni',
};

export type Positions = Record<string, { x: number; y: number }>;

export class LayoutError extends Error {
  override name = 'LayoutError';
}

function validate(opts: Required<LayoutOptions>): void {
  if (!Number.isInteger(opts.iterations) || opts.iterations < 0)
    throw new LayoutError(`graph/layout: iterations must be a non-negative integer, got ${String(opts.iterations)}`);
  if (!Number.isFinite(opts.barnesHutFrom) || opts.barnesHutFrom < 0)
    throw new LayoutError(
      `graph/layout: barnesHutFrom must be a non-negative number, got ${String(opts.barnesHutFrom)}`,
    );
}

/** FNV-1a over a string: 32-bit, stable across runs and platforms. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Two numbers in [-1, 1) derived from the key alone. */
export function seededPoint(key: string, seed = DEFAULT_LAYOUT_OPTIONS.seed): { x: number; y: number } {
  const a = fnv1a(`${seed}\u0000${key}\u0000x`);
  const b = fnv1a(`${seed}\u0000${key}\u0000y`);
  return { x: (a / 0x100000000) * 2 - 1, y: (b / 0x100000000) * 2 - 1 };
}

/**
 * ForceAtlas2 settings for a graph of `order` nodes, shared by the precomputed layout and the
 * viewer's Layout button: strong gravity keeps small components and isolated nodes near the rest
 * instead of drifting off; Barnes-Hut from 1000 nodes.
 */
export function fa2Settings(order: number): ForceAtlas2Settings {
  return {
    ...forceAtlas2.inferSettings(order),
    strongGravityMode: true,
    gravity: 1,
    barnesHutOptimize: order >= DEFAULT_LAYOUT_OPTIONS.barnesHutFrom,
  };
}

// measured here (2 cores): FA2 Barnes-Hut costs ~0.1 s per iteration at 5k nodes / 20k edges and
// ~0.2 s at 20k / 100k; noverlap ~50 ms per iteration at 5k and ~1 s at 20k
const defaultIterations = (order: number): number =>
  order < 1000 ? 500 : order < 5000 ? 150 : order < 20000 ? 80 : 50;
const noverlapIterations = (order: number): number => (order < 2000 ? 100 : order < 10000 ? 20 : 4);

/** True when every node has finite x and y. */
export function hasLayout(graph: AbstractGraph): boolean {
  if (graph.order === 0) return true;
  return graph.everyNode((_k, a: Attributes) => Number.isFinite(a.x) && Number.isFinite(a.y));
}

/** Size of a node's disc in layout units, the same scale the viewer uses (by mentions). */
export const nodeRadius = (mentions: unknown): number =>
  2 + 2 * Math.sqrt(typeof mentions === 'number' && mentions > 0 ? mentions : 1);

const round = (v: number): number => Math.round(v * 100) / 100;

/**
 * Compute positions without touching the graph. Pure in its result: same graph and options, same
 * positions (FA2 and noverlap are deterministic given the starting positions).
 */
export function computeLayout(graph: AbstractGraph, options: LayoutOptions = {}): Positions {
  const opts: Required<LayoutOptions> = { ...DEFAULT_LAYOUT_OPTIONS, ...options };
  validate(opts);
  // work on a copy holding only what the layouts read
  const work = new UndirectedGraph();
  const spread = Math.sqrt(Math.max(graph.order, 1)) * 10;
  // sorted, so that the floating-point sums do not depend on the order the graph was built in
  for (const key of graph.nodes().sort()) {
    const p = seededPoint(key, opts.seed);
    work.addNode(key, { x: p.x * spread, y: p.y * spread, size: nodeRadius(graph.getNodeAttribute(key, 'mentions')) });
  }
  // one weighted undirected link per pair: parallel edges of different kinds pull once, harder
  const links = new Map<string, number>();
  graph.forEachEdge((_e, a: Attributes, s, t) => {
    if (s === t) return;
    const w = typeof a.weight === 'number' && a.weight > 0 ? a.weight : 1;
    const pair = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
    links.set(pair, (links.get(pair) ?? 0) + w);
  });
  for (const pair of [...links.keys()].sort()) {
    const [u, v] = pair.split('\u0000') as [string, string];
    work.addEdge(u, v, { weight: links.get(pair)! });
  }
  if (work.order > 1) {
    const iterations = opts.iterations || defaultIterations(work.order);
    const barnesHutOptimize = opts.barnesHut === 'auto' ? work.order >= opts.barnesHutFrom : opts.barnesHut;
    forceAtlas2.assign(work, {
      iterations,
      getEdgeWeight: 'weight',
      settings: { ...fa2Settings(work.order), barnesHutOptimize },
    });
  }
  if (opts.noverlap && work.order > 1)
    noverlap.assign(work, { maxIterations: noverlapIterations(work.order), settings: { margin: 1, ratio: 1.1 } });
  const out: Positions = {};
  work.forEachNode((key, a: Attributes) => {
    out[key] = { x: round(a.x as number), y: round(a.y as number) };
  });
  return out;
}

/** Compute positions and write them as the nodes' x and y. */
export function assignLayout(graph: AbstractGraph, options: LayoutOptions = {}): Positions {
  const positions = computeLayout(graph, options);
  applyPositions(graph, positions);
  return positions;
}

/** Write positions into the graph; nodes without one are left alone. Returns how many were set. */
export function applyPositions(graph: AbstractGraph, positions: Positions): number {
  let n = 0;
  graph.forEachNode((key) => {
    const p = positions[key];
    if (!p) return;
    graph.mergeNodeAttributes(key, { x: p.x, y: p.y });
    n++;
  });
  return n;
}
