// The typed attributes every tabular or XML export writes, defined once so that GEXF, GraphML, CSV
// and Neo4j agree on names and types. Object attributes (evidence) are flattened here: a count and
// the first sentence; the CSV and Neo4j exports also write every sentence in a file of their own.
import type { EdgeAttributes, NodeAttributes } from '../types.js';

export type ColumnType = 'string' | 'integer' | 'double' | 'boolean' | 'liststring';
export type Value = string | number | boolean | string[];

export interface Column<A> {
  name: string;
  type: ColumnType;
  /** undefined when the element has no value. */
  get(attrs: A, undirected: boolean): Value | undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);

export const NODE_COLUMNS: Column<NodeAttributes>[] = [
  { name: 'kind', type: 'string', get: (a) => a.kind },
  { name: 'mentions', type: 'integer', get: (a) => a.mentions },
  { name: 'aliases', type: 'liststring', get: (a) => strings(a.aliases) },
  { name: 'roles', type: 'liststring', get: (a) => strings(a.roles) },
  { name: 'firstSeen', type: 'string', get: (a) => str(a.firstSeen) },
  { name: 'lastSeen', type: 'string', get: (a) => str(a.lastSeen) },
  // network metrics (src/graph/metrics.ts), present when the exporter computed them
  { name: 'degree', type: 'integer', get: (a) => num(a.degree) },
  { name: 'weightedDegree', type: 'integer', get: (a) => num(a.weightedDegree) },
  { name: 'betweenness', type: 'double', get: (a) => num(a.betweenness) },
  { name: 'pagerank', type: 'double', get: (a) => num(a.pagerank) },
  { name: 'community', type: 'integer', get: (a) => num(a.community) },
];

export const EDGE_COLUMNS: Column<EdgeAttributes>[] = [
  { name: 'kind', type: 'string', get: (a) => a.kind },
  { name: 'directed', type: 'boolean', get: (_a, undirected) => !undirected },
  { name: 'weight', type: 'integer', get: (a) => a.weight },
  // 0–1: the rules' reliability times the resolution steps they needed, combined over the evidence
  { name: 'confidence', type: 'double', get: (a) => (typeof a.confidence === 'number' ? a.confidence : undefined) },
  { name: 'role', type: 'string', get: (a) => str(a.role) },
  { name: 'commitment', type: 'string', get: (a) => str(a.commitment) },
  { name: 'status', type: 'string', get: (a) => str(a.status) },
  { name: 'sources', type: 'liststring', get: (a) => strings(a.sources) },
  { name: 'evidenceCount', type: 'integer', get: (a) => a.evidence?.length ?? 0 },
  { name: 'firstEvidence', type: 'string', get: (a) => str(a.evidence?.[0]?.sentence) },
  { name: 'firstSeen', type: 'string', get: (a) => str(a.firstSeen) },
  { name: 'lastSeen', type: 'string', get: (a) => str(a.lastSeen) },
  // a researcher checked its evidence (kunafoni curate verify)
  { name: 'verified', type: 'boolean', get: (a) => a.verified === true },
];
