// CSV for spreadsheets and data frames: nodes.csv, edges.csv and evidence.csv (one row per evidence
// sentence). RFC 4180: comma-separated, CRLF line ends, fields holding a comma, a quote, CR or LF
// quoted with quotes doubled; UTF-8 without BOM. Lists (aliases, roles, sources) are joined with "|".
import type { ReadonlyKGraph } from '../graph/readonly.js';
import type { Evidence } from '../types.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type Value } from './columns.js';
import { metricGraph, type MetricsExportOption } from './metrics.js';
import { nodePositions } from './positions.js';

export type Cell = Value | null | undefined;

export interface CsvFormat {
  lineEnd: '\r\n' | '\n';
  /** How list cells are joined. */
  listSeparator: string;
}

export const RFC4180: CsvFormat = { lineEnd: '\r\n', listSeparator: '|' };

const NEEDS_QUOTES = /[",\r\n]/;

/** One field: empty for null/undefined, quoted when it holds a comma, quote, CR or LF. */
export function csvField(v: Cell, format: CsvFormat = RFC4180): string {
  if (v === undefined || v === null) return '';
  const s = Array.isArray(v) ? v.join(format.listSeparator) : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV text: header row, then rows, each line ended by `format.lineEnd`. */
export function toCsv(header: string[], rows: Cell[][], format: CsvFormat = RFC4180): string {
  return [header, ...rows].map((r) => r.map((c) => csvField(c, format)).join(',') + format.lineEnd).join('');
}

export const NODES_HEADER = ['id', 'label', ...NODE_COLUMNS.map((c) => c.name), 'x', 'y'];
export const EDGES_HEADER = [
  'id',
  'source',
  'target',
  'sourceLabel',
  'targetLabel',
  ...EDGE_COLUMNS.map((c) => c.name),
];
export const EVIDENCE_HEADER = [
  'edge',
  'kind',
  'source',
  'target',
  'sourceLabel',
  'targetLabel',
  'article',
  'date',
  'outlet',
  'title',
  'url',
  'rule',
  'confidence',
  'role',
  'commitment',
  'status',
  'start',
  'end',
  'sentence',
];

/** committed-to evidence may carry a status (announced, signed, …). */
export const statusOf = (e: Evidence): string | undefined => (e as Evidence & { status?: string }).status;

/** The three CSV files, by file name. */
export function exportCsv(input: ReadonlyKGraph, opts: MetricsExportOption = {}): Record<string, string> {
  const graph = metricGraph(input, opts);
  const positions = nodePositions(graph);
  const label = (k: string) => graph.getNodeAttribute(k, 'label');
  const nodes = graph.mapNodes((key, a): Cell[] => {
    const p = positions.get(key)!;
    return [key, a.label, ...NODE_COLUMNS.map((c) => c.get(a, false)), p.x, p.y];
  });
  const edges = graph.mapEdges((key, a, s, t, _sa, _ta, undirected): Cell[] => [
    key,
    s,
    t,
    label(s),
    label(t),
    ...EDGE_COLUMNS.map((c) => c.get(a, undirected)),
  ]);
  const evidence: Cell[][] = [];
  graph.forEachEdge((key, a, s, t) => {
    for (const e of a.evidence ?? [])
      evidence.push([
        key,
        a.kind,
        s,
        t,
        label(s),
        label(t),
        e.article,
        e.date,
        e.source,
        e.title,
        e.url,
        e.rule,
        e.confidence,
        e.role,
        e.commitment,
        statusOf(e),
        e.start,
        e.end,
        e.sentence,
      ]);
  });
  return {
    'nodes.csv': toCsv(NODES_HEADER, nodes),
    'edges.csv': toCsv(EDGES_HEADER, edges),
    'evidence.csv': toCsv(EVIDENCE_HEADER, evidence),
  };
}
