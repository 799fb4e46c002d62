// Node positions for the exports: the stored layout (x, y node attributes) when every node has one;
// otherwise a quick ForceAtlas2 run started from the stored positions and a circle for the rest.
// Deterministic: the same graph always gives the same positions.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ReadonlyKGraph } from '../graph/readonly.js';

export interface Point {
  x: number;
  y: number;
}

const hasPosition = (a: { x?: unknown; y?: unknown }) => Number.isFinite(a.x) && Number.isFinite(a.y);

/** Positions by node key. `iterations` of ForceAtlas2 run only when some node lacks a stored position. */
export function nodePositions(graph: ReadonlyKGraph, iterations = graph.order > 2000 ? 50 : 100): Map<string, Point> {
  const out = new Map<string, Point>();
  if (graph.everyNode((_k, a) => hasPosition(a))) {
    graph.forEachNode((k, a) => out.set(k, { x: a.x as number, y: a.y as number }));
    return out;
  }
  const keys = graph.nodes().sort();
  const radius = 10 * Math.sqrt(Math.max(keys.length, 1));
  const layout = new Graph({ type: 'undirected' });
  keys.forEach((k, i) => {
    const a = graph.getNodeAttributes(k);
    const angle = (2 * Math.PI * i) / keys.length;
    layout.addNode(
      k,
      hasPosition(a) ? { x: a.x, y: a.y } : { x: radius * Math.cos(angle), y: radius * Math.sin(angle) },
    );
  });
  graph.forEachEdge((_e, a, s, t) => {
    if (layout.hasEdge(s, t)) layout.updateEdgeAttribute(s, t, 'weight', (w: number) => w + a.weight);
    else layout.addEdge(s, t, { weight: a.weight });
  });
  if (layout.size > 0 && iterations > 0)
    forceAtlas2.assign(layout, { iterations, settings: forceAtlas2.inferSettings(layout), getEdgeWeight: 'weight' });
  layout.forEachNode((k, a) => out.set(k, { x: round(a.x), y: round(a.y) }));
  return out;
}

const round = (v: number) => Math.round(v * 1000) / 1000;
