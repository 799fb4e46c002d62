// GEXF 1.3 for Gephi (and networkx, graphology): written by graphology-gexf, then completed through
// fast-xml-parser where the library falls short:
//  - list attributes (aliases, roles, sources) are written as quoted lists (["a, b", "c"]);
//    graphology-gexf leaves items unquoted, so an item with a comma splits in two on reading;
//  - dynamic mode (--dynamic): mode="dynamic" timeformat="date" and a spell on every dated node
//    and edge, starting at its first date, so Gephi's timeline plays the graph's growth.
// Colours are written as r, g, b (networkx cannot read `hex`), positions from the stored layout.
//
// Direction: by default every edge is written directed (defaultedgetype="directed") with a boolean
// `directed` attribute that is false for met-with and signed-agreement-with, because networkx and
// igraph refuse graphs that mix directed and undirected edges. `mixed: true` writes undirected
// edges as type="undirected" (Gephi and graphology read that; networkx does not).
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import type { ReadonlyKGraph } from '../graph/readonly.js';
import { dateStart } from './filter.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type Column, type Value } from './columns.js';
import { metricGraph, type MetricsExportOption } from './metrics.js';
import { nodePositions } from './positions.js';
import { cssRgb, edgeColor, edgeThickness, nodeColor, nodeSize } from './style.js';
import { buildXml, childrenOf, el, element, elements, getAttr, parseXml, setAttr, type XmlNode } from './xml.js';

export interface GexfOptions extends MetricsExportOption {
  /** Spells from dates, for Gephi's timeline. */
  dynamic?: boolean;
  /** Keep undirected edges undirected (a mixed graph; networkx cannot read it). */
  mixed?: boolean;
  /** Graph description written in <meta>. */
  description?: string;
  /** Write every edge's full evidence as a JSON string attribute `evidence` (the viewer's export does). */
  evidence?: boolean;
  /**
   * Colour (`rgb(r,g,b)`) and size of a node as drawn elsewhere (the viewer), instead of the kind's colour and the
   * mentions' size.
   */
  nodeStyle?: (key: string) => { color?: string; size?: number };
}

interface Formatted {
  label: string;
  viz: Record<string, unknown>;
  attributes: Record<string, Value>;
  weight?: number;
  kind?: string;
}

const values = <A>(columns: Column<A>[], attrs: A, undirected: boolean): Record<string, Value> => {
  const out: Record<string, Value> = {};
  for (const c of columns) {
    const v = c.get(attrs, undirected);
    if (v !== undefined) out[c.name] = v;
  }
  return out;
};

const GEXF_EDGE_COLUMNS = EDGE_COLUMNS.filter((c) => c.name !== 'weight');

/** The graph in the shape graphology-gexf writes: label, viz and scalar or list attributes only. */
function formatted(graph: ReadonlyKGraph, opts: GexfOptions): Graph<Formatted, Formatted> {
  const mixed = !!opts.mixed;
  const positions = nodePositions(graph);
  const out = new Graph<Formatted, Formatted>({ type: mixed ? 'mixed' : 'directed', multi: true });
  out.replaceAttributes({ creator: 'Kunafoni', description: 'Kunafoni knowledge graph' });
  graph.forEachNode((key, a) => {
    const p = positions.get(key)!;
    const style = opts.nodeStyle?.(key) ?? {};
    out.addNode(key, {
      label: a.label,
      viz: {
        color: style.color ?? cssRgb(nodeColor(a.kind)),
        size: style.size ?? nodeSize(a.mentions),
        x: p.x,
        y: p.y,
      },
      attributes: values(NODE_COLUMNS, a, false),
    });
  });
  graph.forEachEdge((key, a, s, t, _sa, _ta, undirected) => {
    const attrs: Formatted = {
      label: a.kind,
      kind: a.kind,
      weight: a.weight,
      viz: { color: cssRgb(edgeColor(a.kind)), thickness: edgeThickness(a.weight) },
      // the weight travels as GEXF's own edge weight; an attribute titled "weight" means something else to Gephi
      attributes: values(GEXF_EDGE_COLUMNS, a, undirected),
    };
    if (opts.evidence) attrs.attributes.evidence = JSON.stringify(a.evidence ?? []);
    if (mixed && undirected) out.addUndirectedEdgeWithKey(key, s, t, attrs);
    else out.addDirectedEdgeWithKey(key, s, t, attrs);
  });
  return out;
}

/** A GEXF 1.3 list: every item quoted, so commas and quotes inside items survive. */
const gexfList = (items: string[]): string => JSON.stringify(items);

/** Start date of a node or edge for the timeline: its first date, never before its ends'. */
function spellStart(dates: (string | undefined)[]): string | undefined {
  const ds = dates.filter((d): d is string => !!d).map(dateStart);
  return ds.length ? ds.sort()[ds.length - 1] : undefined;
}

/**
 * graphology-gexf infers an attribute's type from its values: a double column whose values all happen
 * to be whole (every betweenness 0) would be declared integer. Declare the double columns as such.
 */
function declareDoubles(body: XmlNode[]): void {
  const doubles = new Set(
    [...NODE_COLUMNS, ...GEXF_EDGE_COLUMNS].filter((c) => c.type === 'double').map((c) => c.name),
  );
  for (const block of elements(body, 'attributes'))
    for (const a of elements(childrenOf(block), 'attribute'))
      if (doubles.has(getAttr(a, 'id')!)) setAttr(a, 'type', 'double');
}

/** Write the graph as GEXF 1.3. */
export function exportGexf(input: ReadonlyKGraph, opts: GexfOptions = {}): string {
  const graph = metricGraph(input, opts);
  const copy = formatted(graph, opts);
  if (opts.description) copy.setAttribute('description', opts.description);
  const pick = (_key: string, a: Formatted) => ({ ...a, viz: { ...a.viz }, attributes: { ...a.attributes } });
  const raw = gexf.write(copy, { version: '1.3', pedantic: true, pretty: false, formatNode: pick, formatEdge: pick });

  const tree = parseXml(raw);
  const root = element(tree, 'gexf')!;
  const graphEl = element(childrenOf(root), 'graph')!;
  const body = childrenOf(graphEl);
  declareDoubles(body);
  if (opts.dynamic) {
    setAttr(graphEl, 'mode', 'dynamic');
    setAttr(graphEl, 'timeformat', 'date');
  }
  const patch = (container: XmlNode | undefined, tag: 'node' | 'edge') => {
    for (const item of elements(container ? childrenOf(container) : [], tag)) {
      const id = getAttr(item, 'id')!;
      const attrs = tag === 'node' ? copy.getNodeAttributes(id).attributes : copy.getEdgeAttributes(id).attributes;
      const attvalues = element(childrenOf(item), 'attvalues');
      for (const av of attvalues ? elements(childrenOf(attvalues), 'attvalue') : []) {
        const v = attrs[getAttr(av, 'for')!];
        if (Array.isArray(v)) setAttr(av, 'value', gexfList(v));
      }
      if (!opts.dynamic) continue;
      const start =
        tag === 'node'
          ? spellStart([graph.getNodeAttribute(id, 'firstSeen')])
          : spellStart([
              graph.getEdgeAttribute(id, 'firstSeen'),
              ...graph.extremities(id).map((n) => graph.getNodeAttribute(n, 'firstSeen')),
            ]);
      if (start) childrenOf(item).push(el('spells', {}, [el('spell', { start })]));
    }
  };
  patch(element(body, 'nodes'), 'node');
  patch(element(body, 'edges'), 'edge');
  return buildXml(tree);
}
