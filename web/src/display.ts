// The graph sigma draws holds only what the filters let through (Gephi Lite's dataset → filtered
// graph → sigma graph): hidden items would still cost their share of every frame. Attribute objects
// are shared with the dataset, so positions from the layout worker are seen by both.
import { MultiGraph } from 'graphology';
import type { Visible } from './filter.js';
import type { ViewGraph } from './model.js';

export function emptyDisplay(): ViewGraph {
  return new MultiGraph({ type: 'mixed', allowSelfLoops: true }) as ViewGraph;
}

/** Make `display` hold exactly the visible part of `dataset` (plus `extra` nodes, e.g. the selection). */
export function syncDisplay(
  dataset: ViewGraph,
  display: ViewGraph,
  visible: Visible,
  extra: Iterable<string> = [],
): void {
  const nodes = new Set(visible.nodes);
  for (const k of extra) if (dataset.hasNode(k)) nodes.add(k);
  display.forEachEdge((e) => {
    if (!visible.edges.has(e)) display.dropEdge(e);
  });
  display.forEachNode((n) => {
    if (!nodes.has(n)) display.dropNode(n);
  });
  for (const n of nodes) if (!display.hasNode(n)) display.addNode(n, dataset.getNodeAttributes(n));
  for (const e of visible.edges) {
    if (display.hasEdge(e)) continue;
    const [s, t] = dataset.extremities(e);
    if (!display.hasNode(s) || !display.hasNode(t)) continue;
    const attrs = dataset.getEdgeAttributes(e);
    if (dataset.isUndirected(e)) display.addUndirectedEdgeWithKey(e, s, t, attrs);
    else display.addDirectedEdgeWithKey(e, s, t, attrs);
  }
}
