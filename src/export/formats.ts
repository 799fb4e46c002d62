// The export formats, declared as data: what each writes (one text, or several named files).
import type { ReadonlyKGraph } from '../graph/readonly.js';
import { exportCsv } from './csv.js';
import { exportGexf } from './gexf.js';
import { exportGraphml } from './graphml.js';
import { exportJson } from './json.js';
import { exportNeo4j, type ArticleMeta } from './neo4j.js';

export interface ExportOptions {
  /** Node metrics (degree, weightedDegree, betweenness, pagerank, community); default true. */
  metrics?: boolean;
  /** GEXF: spells from dates (Gephi's timeline). */
  dynamic?: boolean;
  /** GEXF, GraphML: keep undirected edges undirected (a mixed graph, which networkx cannot read). */
  mixed?: boolean;
  /** JSON: indent. */
  pretty?: boolean;
  /** Neo4j: the store's articles, so articles.csv lists those that produced no relation too. */
  articles?: readonly ArticleMeta[];
}

export type ExportOutput = { kind: 'text'; text: string } | { kind: 'files'; files: Record<string, string> };

export interface ExportFormat {
  id: 'json' | 'gexf' | 'graphml' | 'csv' | 'neo4j';
  description: string;
  /** Several files: --out names a folder. */
  multiFile: boolean;
  write(graph: ReadonlyKGraph, opts: ExportOptions): ExportOutput;
}

const text = (t: string): ExportOutput => ({ kind: 'text', text: t });
const files = (f: Record<string, string>): ExportOutput => ({ kind: 'files', files: f });

export const FORMATS: readonly ExportFormat[] = [
  {
    id: 'json',
    description: "graphology's serialization (the viewer's and the scorer's format)",
    multiFile: false,
    write: (g, o) => text(exportJson(g, !!o.pretty, o)),
  },
  {
    id: 'gexf',
    description: 'GEXF 1.3 for Gephi and networkx (--dynamic for the timeline)',
    multiFile: false,
    write: (g, o) => text(exportGexf(g, o)),
  },
  {
    id: 'graphml',
    description: 'GraphML for networkx, igraph, yEd, Cytoscape',
    multiFile: false,
    write: (g, o) => text(exportGraphml(g, o)),
  },
  {
    id: 'csv',
    description: 'nodes.csv, edges.csv, evidence.csv (RFC 4180, CRLF)',
    multiFile: true,
    write: (g, o) => files(exportCsv(g, o)),
  },
  {
    id: 'neo4j',
    description: 'CSV files for neo4j-admin import, schema.cypher, import.sh',
    multiFile: true,
    write: (g, o) => files(exportNeo4j(g, o)),
  },
];

export const formatById = (id: string): ExportFormat | undefined => FORMATS.find((f) => f.id === id.toLowerCase());
