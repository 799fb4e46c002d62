// GraphML for networkx, igraph, yEd, Cytoscape and Gephi, written with fast-xml-parser's XMLBuilder
// (graphology-graphml only parses). Typed <key>s for every attribute; lists and the evidence are JSON
// strings (GraphML has no list type); x, y, size and r, g, b carry the layout and colours (Gephi
// reads them). Direction: as in the GEXF export, every edge is directed with a boolean `directed`
// attribute unless `mixed`, which writes edgedefault="undirected" and directed="true" on directed
// edges (graphology reads that; networkx and igraph refuse mixed graphs).
import { XMLBuilder } from 'fast-xml-parser';
import type { ReadonlyKGraph } from '../graph/readonly.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column, type ColumnType, type Value } from './columns.js';
import { metricGraph, type MetricsExportOption } from './metrics.js';
import { nodePositions } from './positions.js';
import { nodeColor, nodeSize } from './style.js';

export interface GraphmlOptions extends MetricsExportOption {
  /** Keep undirected edges undirected (a mixed graph; networkx cannot read it). */
  mixed?: boolean;
}

const GRAPHML_TYPE: Record<ColumnType, string> = {
  string: 'string',
  integer: 'int',
  double: 'double',
  boolean: 'boolean',
  liststring: 'string',
};

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: string;
}

const keyOf = (scope: 'node' | 'edge', c: { name: string; type: ColumnType }): Key => ({
  id: `${scope === 'node' ? 'n' : 'e'}_${c.name}`,
  for: scope,
  name: c.name,
  type: GRAPHML_TYPE[c.type],
});

const VIZ_KEYS: Key[] = [
  { id: 'n_x', for: 'node', name: 'x', type: 'double' },
  { id: 'n_y', for: 'node', name: 'y', type: 'double' },
  { id: 'n_size', for: 'node', name: 'size', type: 'double' },
  { id: 'n_r', for: 'node', name: 'r', type: 'int' },
  { id: 'n_g', for: 'node', name: 'g', type: 'int' },
  { id: 'n_b', for: 'node', name: 'b', type: 'int' },
];
const LABEL_KEY: Key = { id: 'n_label', for: 'node', name: 'label', type: 'string' };
const EVIDENCE_KEY: Key = { id: 'e_evidence', for: 'edge', name: 'evidence', type: 'string' };

const text = (v: Value): string => (Array.isArray(v) ? JSON.stringify(v) : String(v));
const data = (key: string, v: Value) => ({ '@_key': key, '#text': text(v) });

function columnData<A>(scope: 'node' | 'edge', columns: Column<A>[], attrs: A, undirected: boolean) {
  const out = [];
  for (const c of columns) {
    const v = c.get(attrs, undirected);
    if (v !== undefined) out.push(data(keyOf(scope, c).id, v));
  }
  return out;
}

/** Write the graph as GraphML. */
export function exportGraphml(input: ReadonlyKGraph, opts: GraphmlOptions = {}): string {
  const graph = metricGraph(input, opts);
  const positions = nodePositions(graph);
  const keys = [
    LABEL_KEY,
    ...NODE_COLUMNS.map((c) => keyOf('node', c)),
    ...VIZ_KEYS,
    ...EDGE_COLUMNS.map((c) => keyOf('edge', c)),
    EVIDENCE_KEY,
  ];
  const nodes = graph.mapNodes((key, a) => {
    const p = positions.get(key)!;
    const { r, g, b } = nodeColor(a.kind);
    const viz: [string, number][] = [
      ['n_x', p.x],
      ['n_y', p.y],
      ['n_size', nodeSize(a.mentions)],
      ['n_r', r],
      ['n_g', g],
      ['n_b', b],
    ];
    return {
      '@_id': key,
      data: [
        data(LABEL_KEY.id, a.label),
        ...columnData('node', NODE_COLUMNS, a, false),
        ...viz.map(([k, v]) => data(k, v)),
      ],
    };
  });
  const edges = graph.mapEdges((key, a, source, target, _sa, _ta, undirected) => {
    const edge: Record<string, unknown> = { '@_id': key, '@_source': source, '@_target': target };
    if (opts.mixed && !undirected) edge['@_directed'] = 'true';
    edge.data = [
      ...columnData('edge', EDGE_COLUMNS, a, undirected),
      data(EVIDENCE_KEY.id, JSON.stringify(a.evidence ?? [])),
    ];
    return edge;
  });
  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    graphml: {
      '@_xmlns': 'http://graphml.graphdrawing.org/xmlns',
      '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      '@_xsi:schemaLocation':
        'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd',
      key: keys.map((k) => ({ '@_id': k.id, '@_for': k.for, '@_attr.name': k.name, '@_attr.type': k.type })),
      graph: { '@_id': 'G', '@_edgedefault': opts.mixed ? 'undirected' : 'directed', node: nodes, edge: edges },
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
  });
  return builder.build(doc) as string;
}
