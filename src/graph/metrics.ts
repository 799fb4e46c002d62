// Network metrics for every entity, from graphology's own packages: degree, weighted degree,
// betweenness, PageRank and a Louvain community. One module so that the exports, `kunafoni stats`
// and the viewer compute exactly the same numbers.
//
// The graph mixes directed and undirected relations and may hold several relations between the
// same two entities (a meeting and a role). Degree and weighted degree count those relations as
// they are: `degree` is the number of relations (what `store.entity(name).degree` reports) and
// `weightedDegree` the sum of their weights (distinct articles). Betweenness, PageRank and Louvain
// run on the simple undirected projection: one link per pair of entities, weighted by the sum of
// the weights of the relations between them. Betweenness counts steps (it ignores weights: more
// articles would otherwise mean a longer link) and is normalised as in networkx (1 = on every
// shortest path between two other entities); PageRank (damping 0.85) and Louvain use the weights.
// Exact betweenness costs one breadth-first search per entity (about 6 s for 2,000 entities / 8,000
// links on a loaded 2-core machine): above `exactBetweennessUpTo` entities it is estimated from
// `betweennessSamples` sources drawn with the seeded generator and scaled up (networkx's `k`).
// Louvain draws from a seeded generator and its communities are numbered by size (0 the largest,
// ties by the smallest node key), so the same graph gets the same numbers on every run.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { mulberry32 } from './random.js';

/** The node attributes this module writes, in the order exports list them. */
export const METRIC_NAMES = ['degree', 'weightedDegree', 'betweenness', 'pagerank', 'community'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export interface NodeMetrics {
  /** Number of relations (parallel relations of different kinds count one each). */
  degree: number;
  /** Sum of the relations' weights (distinct articles). */
  weightedDegree: number;
  /** Normalised betweenness on the undirected projection, 0–1. */
  betweenness: number;
  /** PageRank on the weighted undirected projection; sums to 1 over the graph. */
  pagerank: number;
  /** Louvain community, 0 the largest. */
  community: number;
}

export interface MetricsOptions {
  /** Seed of Louvain's random generator. */
  seed?: number;
  /** Louvain resolution: above 1 more, smaller communities. */
  resolution?: number;
  /** Betweenness is exact up to this many entities, estimated from sampled sources above. */
  exactBetweennessUpTo?: number;
  /** Sources sampled when betweenness is estimated. */
  betweennessSamples?: number;
}

export const DEFAULT_METRICS_OPTIONS: Required<MetricsOptions> = {
  seed: 42,
  resolution: 1,
  exactBetweennessUpTo: 2000,
  betweennessSamples: 500,
};

export class MetricsError extends Error {
  override name = 'MetricsError';
}

function validate(opts: Required<MetricsOptions>): void {
  if (!Number.isInteger(opts.seed))
    throw new MetricsError(`graph/metrics: seed must be an integer, got ${String(opts.seed)}`);
  if (!(opts.resolution > 0))
    throw new MetricsError(`graph/metrics: resolution must be a number above 0, got ${String(opts.resolution)}`);
  for (const k of ['exactBetweennessUpTo', 'betweennessSamples'] as const)
    if (!Number.isInteger(opts[k]) || opts[k] < 1)
      throw new MetricsError(`graph/metrics: ${k} must be an integer >= 1, got ${String(opts[k])}`);
}

type Brandes = ((source: number) => [{ pop(): number; size: number }, number[][], Uint32Array]) & {
  index: { collect(values: Float64Array): Record<string, number> };
};

/**
 * Betweenness estimated from `samples` source entities (Brandes' accumulation from each, as
 * graphology-metrics does from every entity), scaled by N / samples and normalised as networkx does.
 */
export function sampledBetweenness(u: UndirectedGraph, samples: number, rng: () => number): Record<string, number> {
  const n = u.order;
  const brandes = (createUnweightedIndexedBrandes as unknown as (g: UndirectedGraph) => Brandes)(u);
  const sources = Array.from({ length: n }, (_v, i) => i);
  const k = Math.min(samples, n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [sources[i], sources[j]] = [sources[j]!, sources[i]!];
  }
  const delta = new Float64Array(n);
  const centrality = new Float64Array(n);
  for (const s of sources.slice(0, k)) {
    const [stack, preds, sigma] = brandes(s);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop();
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of preds[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== s) centrality[w]! += delta[w]!;
    }
  }
  const scale = n > 2 ? n / k / ((n - 1) * (n - 2)) : 0;
  for (let i = 0; i < n; i++) centrality[i]! *= scale;
  return brandes.index.collect(centrality);
}

type AnyGraph = Pick<AbstractGraph<Attributes, Attributes>, 'forEachNode' | 'forEachEdge'>;

const weightOf = (a: Attributes): number => (typeof a.weight === 'number' && a.weight > 0 ? a.weight : 1);

/** One undirected link per pair of entities, weighted by the sum of their relations' weights; no self-loops. */
export function undirectedProjection(graph: AnyGraph): UndirectedGraph<Attributes, { weight: number }> {
  const u = new UndirectedGraph<Attributes, { weight: number }>();
  graph.forEachNode((key) => void u.addNode(key));
  graph.forEachEdge((_e, a, s, t) => {
    if (s === t) return;
    const w = weightOf(a);
    u.updateEdge(s, t, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  });
  return u;
}

/** Louvain's communities renumbered by size (largest 0), ties by the smallest key they hold. */
function renumber(raw: Record<string, number>): Map<string, number> {
  const groups = new Map<number, string[]>();
  for (const [key, c] of Object.entries(raw)) (groups.get(c) ?? groups.set(c, []).get(c)!).push(key);
  const order = [...groups.values()]
    .map((keys) => keys.sort())
    .sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const out = new Map<string, number>();
  order.forEach((keys, i) => keys.forEach((k) => out.set(k, i)));
  return out;
}

/** The metrics of every node, by node key. */
export function computeMetrics(graph: AnyGraph, options: MetricsOptions = {}): Map<string, NodeMetrics> {
  const opts = { ...DEFAULT_METRICS_OPTIONS, ...options };
  validate(opts);
  const u = undirectedProjection(graph);
  const out = new Map<string, NodeMetrics>();
  graph.forEachNode((key) => out.set(key, { degree: 0, weightedDegree: 0, betweenness: 0, pagerank: 0, community: 0 }));
  graph.forEachEdge((_e, a, s, t) => {
    for (const n of s === t ? [s] : [s, t]) {
      const m = out.get(n)!;
      m.degree += 1;
      m.weightedDegree += weightOf(a);
    }
  });
  if (u.order === 0) return out;
  const between =
    u.order <= opts.exactBetweennessUpTo
      ? betweennessCentrality(u, { getEdgeWeight: null, normalized: true })
      : sampledBetweenness(u, opts.betweennessSamples, mulberry32(opts.seed));
  const rank = u.size ? pagerank(u, { getEdgeWeight: 'weight', alpha: 0.85 }) : {};
  const communities = renumber(
    louvain(u, { getEdgeWeight: 'weight', rng: mulberry32(opts.seed), resolution: opts.resolution }),
  );
  for (const [key, m] of out) {
    m.betweenness = between[key] ?? 0;
    m.pagerank = rank[key] ?? 1 / u.order;
    m.community = communities.get(key) ?? 0;
  }
  return out;
}

/** A copy of the graph with the metrics as node attributes (`degree`, `weightedDegree`, …). */
export function withMetrics<C extends AbstractGraph>(graph: AnyGraph & { copy(): C }, options: MetricsOptions = {}): C {
  const metrics = computeMetrics(graph, options);
  const copy = graph.copy();
  for (const [key, m] of metrics) copy.mergeNodeAttributes(key, m as unknown as Attributes);
  return copy;
}

export interface RankedEntity {
  key: string;
  label: string;
  value: number;
}

/** The `n` entities with the highest value of a metric (ties by label), for `kunafoni stats`. */
export function topBy(
  graph: Pick<AbstractGraph, 'getNodeAttribute'>,
  metrics: ReadonlyMap<string, NodeMetrics>,
  metric: Exclude<MetricName, 'community'>,
  n = 5,
): RankedEntity[] {
  const label = (k: string) => String(graph.getNodeAttribute(k, 'label') ?? k);
  return [...metrics]
    .map(([key, m]) => ({ key, label: label(key), value: m[metric] }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, 'fr') || (a.key < b.key ? -1 : 1))
    .slice(0, n);
}

export interface CommunitySummary {
  community: number;
  size: number;
  /** Its members with the highest weighted degree first. */
  members: RankedEntity[];
}

/** Communities, largest first, each with its `n` most connected members. */
export function communities(
  graph: Pick<AbstractGraph, 'getNodeAttribute'>,
  metrics: ReadonlyMap<string, NodeMetrics>,
  n = 5,
): CommunitySummary[] {
  const groups = new Map<number, [string, NodeMetrics][]>();
  for (const entry of metrics)
    (groups.get(entry[1].community) ?? groups.set(entry[1].community, []).get(entry[1].community)!).push(entry);
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([community, members]) => ({
      community,
      size: members.length,
      members: topBy(graph, new Map(members), 'weightedDegree', n),
    }));
}
