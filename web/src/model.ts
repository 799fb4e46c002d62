// The viewer's data model: the graph as the server sends it (graphology JSON, DESIGN.md contract),
// loaded into a mixed multi graph so that relations of different kinds between the same two
// entities stay distinct edges.
import { MultiGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type {
  EdgeAttributes,
  Evidence,
  GraphAttributes,
  NodeAttributes,
  NodeKind,
  RelationKind,
} from '../../src/types.js';

export type { EdgeAttributes, Evidence, NodeAttributes, NodeKind, RelationKind };
export { RELATION_KINDS, UNDIRECTED } from '../../src/types.js';

export const NODE_KINDS: readonly NodeKind[] = ['person', 'organisation', 'topic', 'place'];

/** Node attributes in the viewer: the stored ones plus sigma's display attributes. */
export type ViewNode = NodeAttributes & { x: number; y: number; size?: number; color?: string };
/** Edge attributes in the viewer; `type` and `curvature` are sigma's render program and curve. */
export type ViewEdge = EdgeAttributes & { type?: string; curvature?: number; color?: string; size?: number };

export type ViewGraph = MultiGraph<ViewNode, ViewEdge, GraphAttributes>;

/** What /api/articles lists: the server's own type (a type import, erased from the bundle). */
export type { ArticleMeta } from '../../src/serve/graph-source.js';

/** Load the served JSON; nodes without a position get one on a circle (the server normally provides them). */
export function loadGraph(data: SerializedGraph): ViewGraph {
  const graph: ViewGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  graph.import(data as SerializedGraph<ViewNode, ViewEdge, GraphAttributes>);
  const n = graph.order;
  let i = 0;
  graph.forEachNode((key, a) => {
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) {
      const angle = (2 * Math.PI * i) / Math.max(n, 1);
      graph.mergeNodeAttributes(key, { x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 });
    }
    if (!Array.isArray(a.aliases)) graph.setNodeAttribute(key, 'aliases', []);
    i++;
  });
  graph.forEachEdge((key, a) => {
    if (!Array.isArray(a.evidence)) graph.setEdgeAttribute(key, 'evidence', []);
    if (!Array.isArray(a.sources)) graph.setEdgeAttribute(key, 'sources', []);
  });
  return graph;
}

/**
 * Curvatures that draw parallel edges (same two nodes, different kinds) apart: a lone edge is
 * straight (0); n edges between a pair fan out symmetrically. The sign follows each edge's own
 * direction, so that two edges drawn in opposite directions do not fall onto the same curve.
 */
export function parallelCurvatures(
  edges: Iterable<{ key: string; source: string; target: string }>,
  step = 0.35,
): Map<string, number> {
  const groups = new Map<string, { key: string; flip: boolean }[]>();
  for (const e of edges) {
    const flip = e.source > e.target;
    const pair = flip ? `${e.target}\u0000${e.source}` : `${e.source}\u0000${e.target}`;
    let g = groups.get(pair);
    if (!g) groups.set(pair, (g = []));
    g.push({ key: e.key, flip });
  }
  const out = new Map<string, number>();
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.set(g[0]!.key, 0);
      continue;
    }
    g.sort((a, b) => (a.key < b.key ? -1 : 1));
    g.forEach((e, i) => {
      // symmetric offsets: -1, 0, 1 for three edges; -0.5, 0.5 for two
      const c = (i - (g.length - 1) / 2) * step;
      out.set(e.key, e.flip ? -c : c);
    });
  }
  return out;
}

/** Give every edge its render program: straight or curved, with an arrow when directed. */
export function assignEdgePrograms(graph: ViewGraph): void {
  const edges: { key: string; source: string; target: string }[] = [];
  graph.forEachEdge((key, _a, source, target) => edges.push({ key, source, target }));
  const curv = parallelCurvatures(edges);
  graph.forEachEdge((key, _a, _s, _t, _sa, _ta, undirected) => {
    const c = curv.get(key) ?? 0;
    if (c === 0) graph.mergeEdgeAttributes(key, { type: undirected ? 'line' : 'arrow' });
    else graph.mergeEdgeAttributes(key, { type: undirected ? 'curved' : 'curvedArrow', curvature: c });
  });
}
