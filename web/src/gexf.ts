// The visible graph as GEXF 1.3, through the CLI's writer (src/export/gexf.ts): the same columns,
// every edge directed with a `directed` attribute (networkx reads it), plus the viewer's colours and
// sizes and each edge's evidence as JSON.
import { MultiGraph } from 'graphology';
import { exportGexf } from '../../src/export/gexf.js';
import type { KGraph } from '../../src/graph/build.js';
import { FALLBACK, NODE_COLORS, hexToRgb } from './palette.js';
import type { ViewGraph } from './model.js';
import type { Visible } from './filter.js';

/** The visible nodes and edges, with their stored attributes (positions as drawn). */
export function visibleSubgraph(graph: ViewGraph, visible: Visible): KGraph {
  const out = new MultiGraph({ type: 'mixed', allowSelfLoops: true }) as unknown as KGraph;
  graph.forEachNode((key, a) => {
    if (visible.nodes.has(key)) out.addNode(key, { ...a });
  });
  graph.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
    if (!visible.edges.has(key) || !out.hasNode(source) || !out.hasNode(target)) return;
    if (undirected) out.addUndirectedEdgeWithKey(key, source, target, { ...a });
    else out.addDirectedEdgeWithKey(key, source, target, { ...a });
  });
  return out;
}

export function visibleGexf(graph: ViewGraph, visible: Visible, sizes: (key: string) => number): string {
  return exportGexf(visibleSubgraph(graph, visible), {
    description: 'Visible part of the Kunafoni graph, exported from the viewer',
    evidence: true,
    nodeStyle: (key) => ({
      color: hexToRgb(NODE_COLORS[graph.getNodeAttribute(key, 'kind')] ?? FALLBACK),
      size: sizes(key),
    }),
  });
}
