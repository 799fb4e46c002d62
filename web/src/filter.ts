// Which nodes and edges the filters let through. Pure, over the graph's attributes; the renderer
// hides the rest through its reducers (the graph itself is never changed).
import type { ViewGraph } from './model.js';
import type { ViewState } from './state.js';

/** The first and last day a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) may stand for. */
export function dateSpan(d: string): [string, string] {
  if (/^\d{4}$/.test(d)) return [`${d}-01-01`, `${d}-12-31`];
  if (/^\d{4}-\d{2}$/.test(d)) return [`${d}-01`, `${d}-31`];
  const day = d.slice(0, 10);
  return [day, day];
}

export interface Period {
  from?: string;
  to?: string;
}

/** Day bounds of a period given in months. */
export function periodBounds(p: Period): { lo: string; hi: string } {
  return { lo: p.from ? `${p.from}-01` : '0000-00-00', hi: p.to ? `${p.to}-31` : '9999-99-99' };
}

/**
 * True when [first, last] meets the period. Undated things pass only when `undated` is on (the
 * default): with it off and a period set, the viewer keeps what `kunafoni export --since/--until` keeps.
 */
export function overlaps(first: string | undefined, last: string | undefined, p: Period, undated = true): boolean {
  if (!first && !last) return undated;
  if (!p.from && !p.to) return true;
  const { lo, hi } = periodBounds(p);
  const start = dateSpan((first ?? last)!)[0];
  const end = dateSpan((last ?? first)!)[1];
  return start <= hi && end >= lo;
}

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

export type FilterState = Pick<
  ViewState,
  'hiddenNodeKinds' | 'hiddenEdgeKinds' | 'from' | 'to' | 'minSources' | 'verifiedOnly'
> &
  Partial<Pick<ViewState, 'undated' | 'hideIsolated' | 'minConfidence' | 'egoDepth'>> & {
    top?: number;
    center?: string | null;
  };

/** Above this many nodes, the viewer starts with the most mentioned ones only (see `top`). */
export const LARGE_GRAPH = 3000;
export const DEFAULT_TOP = 2000;

/** How many nodes to show: the state's choice, else all of a small graph, else the DEFAULT_TOP most mentioned. */
export const effectiveTop = (order: number, top: number | undefined): number =>
  top !== undefined ? top : order > LARGE_GRAPH ? DEFAULT_TOP : 0;

/** True when one of the edge's evidence sentences is dated inside the period, or undated while undated things pass. */
function edgeInPeriod(evidence: { date?: string }[], period: Period, undated: boolean): boolean {
  const { lo, hi } = periodBounds(period);
  return evidence.some((e) => {
    if (!e.date) return undated;
    const [b, f] = dateSpan(e.date);
    return b <= hi && f >= lo;
  });
}

/** The nodes within `depth` steps of `center` through the given edges (either direction). */
export function egoWithin(graph: ViewGraph, edges: Set<string>, center: string, depth: number): Set<string> {
  const seen = new Set<string>([center]);
  let frontier = [center];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier)
      graph.forEachEdge(n, (e, _a, s, t) => {
        const other = s === n ? t : s;
        if (!edges.has(e) || seen.has(other)) return;
        seen.add(other);
        next.push(other);
      });
    frontier = next;
  }
  return seen;
}

/** The most mentioned first, then the best connected, then by key (stable). */
function mostMentioned(graph: ViewGraph, nodes: Set<string>, top: number): Set<string> {
  const ranked = [...nodes].sort(
    (a, b) =>
      (graph.getNodeAttribute(b, 'mentions') ?? 0) - (graph.getNodeAttribute(a, 'mentions') ?? 0) ||
      graph.degree(b) - graph.degree(a) ||
      (a < b ? -1 : 1),
  );
  return new Set(ranked.slice(0, top));
}

/**
 * Edges pass when their kind is shown, enough distinct outlets state them, their confidence reaches
 * the minimum, and one of their evidence sentences falls in the period (an undated one counts while
 * "sans date" is on). Nodes pass when their kind is shown and they are mentioned in the period (an
 * undated node while "sans date" is on). With a minimum of sources or of confidence, verified only or
 * hide isolated, only nodes that keep an edge stay. With `top`, only the `top` most mentioned of those
 * nodes are kept; with `egoDepth` and a `center`, only what lies within that many steps of it.
 */
export function visibleElements(graph: ViewGraph, s: FilterState): Visible {
  const period: Period = {};
  if (s.from) period.from = s.from;
  if (s.to) period.to = s.to;
  const undated = s.undated !== false;
  const minConfidence = s.minConfidence ?? 0;
  let nodes = new Set<string>();
  graph.forEachNode((key, a) => {
    if (s.hiddenNodeKinds.has(a.kind)) return;
    if (!overlaps(a.firstSeen, a.lastSeen, period, undated)) return;
    nodes.add(key);
  });
  const top = s.top ?? 0;
  if (top > 0 && nodes.size > top) nodes = mostMentioned(graph, nodes, top);
  const edges = new Set<string>();
  graph.forEachEdge((key, a, source, target) => {
    if (s.hiddenEdgeKinds.has(a.kind)) return;
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (s.minSources > 1 && a.sources.length < s.minSources) return;
    if (s.verifiedOnly && a.verified !== true) return; // a researcher checked its evidence (kunafoni curate verify)
    if (minConfidence > 0 && typeof a.confidence === 'number' && a.confidence < minConfidence) return;
    if (!edgeInPeriod(a.evidence, period, undated)) return;
    edges.add(key);
  });
  const linked = new Set<string>();
  const link = () => {
    linked.clear();
    for (const e of edges) for (const n of graph.extremities(e)) linked.add(n);
  };
  link();
  if (s.minSources > 1 || s.verifiedOnly || minConfidence > 0 || s.hideIsolated)
    for (const n of [...nodes]) if (!linked.has(n)) nodes.delete(n);
  if (s.egoDepth && s.center && graph.hasNode(s.center)) {
    const keep = egoWithin(graph, edges, s.center, s.egoDepth);
    for (const n of [...nodes]) if (!keep.has(n) && n !== s.center) nodes.delete(n);
    for (const e of [...edges]) if (!graph.extremities(e).every((n) => nodes.has(n) || n === s.center)) edges.delete(e);
  }
  return { nodes, edges };
}
