// The visible graph as GEXF 1.3 (pedantic, so graph attributes stay standard), with positions, sizes
// and colours as viz, lists joined, and the evidence serialised as JSON (GEXF has no object type).
import { MultiGraph } from 'graphology';
import write from 'graphology-gexf/common/writer.js';
import { EDGE_COLORS, FALLBACK, NODE_COLORS, hexToRgb } from './palette.js';
import type { ViewGraph } from './model.js';
import type { Visible } from './filter.js';

type Attrs = Record<string, unknown>;

const flat = (v: unknown): unknown => (Array.isArray(v) ? v.join('; ') : v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

export function visibleGexf(graph: ViewGraph, visible: Visible, sizes: (key: string) => number): string {
  const out = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  graph.forEachNode((key, a) => {
    if (!visible.nodes.has(key)) return;
    const attrs: Attrs = {
      label: a.label,
      kind: a.kind,
      aliases: flat(a.aliases ?? []),
      mentions: a.mentions,
      x: a.x,
      y: a.y,
      size: sizes(key),
      color: hexToRgb(NODE_COLORS[a.kind] ?? FALLBACK),
    };
    for (const f of ['firstSeen', 'lastSeen'] as const) if (a[f]) attrs[f] = a[f];
    if (a.roles?.length) attrs.roles = flat(a.roles);
    out.addNode(key, attrs);
  });
  graph.forEachEdge((key, a, source, target, _sa, _ta, undirected) => {
    if (!visible.edges.has(key) || !out.hasNode(source) || !out.hasNode(target)) return;
    const attrs: Attrs = {
      kind: a.kind,
      weight: a.weight,
      sources: flat(a.sources ?? []),
      evidence: JSON.stringify(a.evidence ?? []),
      color: hexToRgb(EDGE_COLORS[a.kind] ?? FALLBACK),
    };
    for (const f of ['firstSeen', 'lastSeen', 'role', 'commitment'] as const) if (a[f]) attrs[f] = a[f];
    if (undirected) out.addUndirectedEdgeWithKey(key, source, target, attrs);
    else out.addDirectedEdgeWithKey(key, source, target, attrs);
  });
  out.setAttribute('creator', 'Kunafoni');
  out.setAttribute('description', 'Visible part of the Kunafoni graph, exported from the viewer');
  return write(out, {
    version: '1.3',
    pedantic: true,
    formatEdge: (_key: string, attrs: Attrs) => {
      const { kind, weight, color, ...rest } = attrs;
      // the relation kind both as GEXF's edge kind and as an attribute, for tools that read only one
      return { kind: String(kind), weight: Number(weight), viz: { color: String(color) }, attributes: { kind, ...rest } };
    },
  });
}
