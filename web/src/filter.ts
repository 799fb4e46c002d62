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

/** True when [first, last] meets the period; undated things are always in. */
export function overlaps(first: string | undefined, last: string | undefined, p: Period): boolean {
  if (!p.from && !p.to) return true;
  if (!first && !last) return true;
  const { lo, hi } = periodBounds(p);
  const start = dateSpan((first ?? last)!)[0];
  const end = dateSpan((last ?? first)!)[1];
  return start <= hi && end >= lo;
}

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
}

export type FilterState = Pick<ViewState, 'hiddenNodeKinds' | 'hiddenEdgeKinds' | 'from' | 'to' | 'minSources' | 'verifiedOnly'> & { top?: number };

/** Above this many nodes, the viewer starts with the most mentioned ones only (see `top`). */
export const LARGE_GRAPH = 3000;
export const DEFAULT_TOP = 2000;

/** How many nodes to show: the state's choice, else all of a small graph, else the DEFAULT_TOP most mentioned. */
export const effectiveTop = (order: number, top: number | undefined): number => (top !== undefined ? top : order > LARGE_GRAPH ? DEFAULT_TOP : 0);

/**
 * Edges pass when their kind is shown, enough distinct outlets state them, and one of their
 * evidence sentences falls in the period. Nodes pass when their kind is shown and they are
 * mentioned in the period; with a minimum of sources above one, only nodes that keep an edge stay.
 * With `top`, only the `top` most mentioned of those nodes are kept.
 */
export function visibleElements(graph: ViewGraph, s: FilterState): Visible {
  const period: Period = {};
  if (s.from) period.from = s.from;
  if (s.to) period.to = s.to;
  const dated = !!(s.from || s.to);
  const { lo, hi } = periodBounds(period);
  let nodes = new Set<string>();
  graph.forEachNode((key, a) => {
    if (s.hiddenNodeKinds.has(a.kind)) return;
    if (!overlaps(a.firstSeen, a.lastSeen, period)) return;
    nodes.add(key);
  });
  const top = s.top ?? 0;
  if (top > 0 && nodes.size > top) {
    // the most mentioned first, then the best connected, then by key (stable)
    const ranked = [...nodes].sort(
      (a, b) =>
        (graph.getNodeAttribute(b, 'mentions') ?? 0) - (graph.getNodeAttribute(a, 'mentions') ?? 0) ||
        graph.degree(b) - graph.degree(a) ||
        (a < b ? -1 : 1),
    );
    nodes = new Set(ranked.slice(0, top));
  }
  const edges = new Set<string>();
  const linked = new Set<string>();
  graph.forEachEdge((key, a, source, target) => {
    if (s.hiddenEdgeKinds.has(a.kind)) return;
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (s.minSources > 1 && a.sources.length < s.minSources) return;
    if (s.verifiedOnly && a.verified !== true) return; // a researcher checked its evidence (kunafoni curate verify)
    if (dated) {
      const datedEvidence = a.evidence.filter((e) => e.date);
      if (datedEvidence.length && !datedEvidence.some((e) => {
        const [b, f] = dateSpan(e.date!);
        return b <= hi && f >= lo;
      }))
        return;
    }
    edges.add(key);
    linked.add(source);
    linked.add(target);
  });
  if (s.minSources > 1 || s.verifiedOnly) for (const n of [...nodes]) if (!linked.has(n)) nodes.delete(n);
  return { nodes, edges };
}
