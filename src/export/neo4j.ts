// Neo4j: CSV files for `neo4j-admin database import full` and a Cypher file of constraints and
// indexes, for graphs that outgrow one machine. The model:
//   (:Entity:Person|Organisation|Topic|Place {id, label, kind, aliases[], mentions, ...})
//   (a)-[:MET_WITH|HOLDS_ROLE|COMMITTED_TO|SIGNED_AGREEMENT_WITH|SANCTIONED|DISCUSSED {key, weight, ...}]->(b)
//   (:Evidence {sentence, date, outlet, relation: <relationship key>, ...})-[:ABOUT]->(both ends)
//   (:Evidence)-[:FROM]->(:Article {article, title, date, outlet, url})-[:MENTIONS]->(:Entity)
// Relationships are directed in Neo4j: met-with and signed-agreement-with keep `directed: false`
// (query them without an arrow). Headers use neo4j-admin's syntax (id:ID, :LABEL, :START_ID,
// :END_ID, :TYPE, mentions:int, aliases:string[]); arrays use its default delimiter ";", LF line
// ends, fields quoted as in RFC 4180.
import type { ReadonlyKGraph } from '../graph/readonly.js';
import type { Article, Evidence, NodeKind } from '../types.js';
import { EDGE_COLUMNS, NODE_COLUMNS, type ColumnType } from './columns.js';
import { statusOf, toCsv, type Cell, type CsvFormat } from './csv.js';
import { metricGraph, type MetricsExportOption } from './metrics.js';

const NEO4J_CSV: CsvFormat = { lineEnd: '\n', listSeparator: ';' };

const NEO4J_TYPE: Record<ColumnType, string> = {
  string: '',
  integer: ':int',
  double: ':float',
  boolean: ':boolean',
  liststring: ':string[]',
};
/** Date-valued columns get Neo4j's date type (it reads YYYY, YYYY-MM and YYYY-MM-DD). */
const typed = (name: string, type: ColumnType) =>
  name + (name === 'firstSeen' || name === 'lastSeen' ? ':date' : NEO4J_TYPE[type]);

export const NODE_LABEL: Record<NodeKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  topic: 'Topic',
  place: 'Place',
};
/** "met-with" → "MET_WITH". */
export const relationshipType = (kind: string): string => kind.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

const articleId = (id: string) => `article:${id}`;
const evidenceId = (edge: string, i: number) => `evidence:${edge}#${i}`;

export const NEO4J_FILES = [
  'entities.csv',
  'articles.csv',
  'evidence.csv',
  'relations.csv',
  'links.csv',
  'schema.cypher',
  'import.sh',
] as const;

/** An article's metadata as articles.csv writes it. */
export type ArticleMeta = Pick<Article, 'id' | 'title' | 'date' | 'source' | 'url'>;

export interface Neo4jOptions {
  /**
   * The store's articles: each gets a row of articles.csv with its metadata, even when it produced no
   * relation. Without it, the articles are those the graph cites, with what their evidence says.
   */
  articles?: readonly ArticleMeta[];
}

const ARTICLE_HEADER = ['id:ID', ':LABEL', 'article', 'title', 'date:date', 'outlet', 'url'];
const EVIDENCE_HEADER = [
  'id:ID',
  ':LABEL',
  'relation',
  'kind',
  'sentence',
  'date:date',
  'outlet',
  'url',
  'title',
  'article',
  'rule',
  'confidence:float',
  'role',
  'commitment',
  'status',
  'start:int',
  'end:int',
];

/** One row of evidence.csv, in EVIDENCE_HEADER's order. */
const evidenceRow = (id: string, relation: string, kind: string, e: Evidence): Cell[] => [
  id,
  'Evidence',
  relation,
  kind,
  e.sentence,
  e.date,
  e.source,
  e.url,
  e.title,
  e.article,
  e.rule,
  e.confidence,
  e.role,
  e.commitment,
  statusOf(e),
  e.start,
  e.end,
];

/**
 * The rows of evidence.csv and articles.csv, and links.csv's: each evidence sentence ABOUT its relation's
 * two ends and FROM its article, each article MENTIONS the entities it names. An article's metadata comes
 * from the store when given, else from the first evidence that carries a title.
 */
function evidenceRows(graph: ReadonlyKGraph, stored: readonly ArticleMeta[]) {
  const articles = new Map<string, Partial<Evidence>>(
    stored.map((a) => [a.id, { article: a.id, title: a.title, date: a.date, source: a.source, url: a.url }]),
  );
  const evidence: Cell[][] = [];
  const links: Cell[][] = [];
  graph.forEachEdge((key, a, s, t) => {
    (a.evidence ?? []).forEach((e, i) => {
      const id = evidenceId(key, i);
      evidence.push(evidenceRow(id, key, a.kind, e));
      links.push([id, s, 'ABOUT'], [id, t, 'ABOUT'], [id, articleId(e.article), 'FROM']);
      if (!articles.get(e.article)?.title) articles.set(e.article, e);
    });
  });
  graph.forEachNode((key, a) => {
    for (const art of a.articles ?? []) {
      if (!articles.has(art)) articles.set(art, { article: art });
      links.push([articleId(art), key, 'MENTIONS']);
    }
  });
  const articleRows = [...articles.entries()].map(([id, e]): Cell[] => [
    articleId(id),
    'Article',
    id,
    e.title,
    e.date,
    e.source,
    e.url,
  ]);
  return { evidence, links, articleRows };
}

/** The Neo4j import files, by file name. */
export function exportNeo4j(
  input: ReadonlyKGraph,
  opts: Neo4jOptions & MetricsExportOption = {},
): Record<string, string> {
  const graph = metricGraph(input, opts);
  const entities = graph.mapNodes((key, a): Cell[] => [
    key,
    `Entity;${NODE_LABEL[a.kind] ?? 'Entity'}`,
    a.label,
    ...NODE_COLUMNS.map((c) => c.get(a, false)),
  ]);
  const entityHeader = ['id:ID', ':LABEL', 'label', ...NODE_COLUMNS.map((c) => typed(c.name, c.type))];

  const relations = graph.mapEdges((key, a, s, t, _sa, _ta, undirected): Cell[] => [
    s,
    t,
    relationshipType(a.kind),
    key,
    ...EDGE_COLUMNS.map((c) => c.get(a, undirected)),
  ]);
  const relationHeader = [':START_ID', ':END_ID', ':TYPE', 'key', ...EDGE_COLUMNS.map((c) => typed(c.name, c.type))];

  const { evidence, links, articleRows } = evidenceRows(graph, opts.articles ?? []);
  return {
    'entities.csv': toCsv(entityHeader, entities, NEO4J_CSV),
    'articles.csv': toCsv(ARTICLE_HEADER, articleRows, NEO4J_CSV),
    'evidence.csv': toCsv(EVIDENCE_HEADER, evidence, NEO4J_CSV),
    'relations.csv': toCsv(relationHeader, relations, NEO4J_CSV),
    'links.csv': toCsv([':START_ID', ':END_ID', ':TYPE'], links, NEO4J_CSV),
    'schema.cypher': SCHEMA,
    'import.sh': IMPORT,
  };
}

const SCHEMA = `// Kunafoni graph: constraints and indexes. Run once the import is done and the database started:
//   cypher-shell -d neo4j -f schema.cypher
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE INDEX evidence_relation IF NOT EXISTS FOR (n:Evidence) ON (n.relation);
CREATE INDEX evidence_date IF NOT EXISTS FOR (n:Evidence) ON (n.date);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.label];
CREATE FULLTEXT INDEX evidence_sentences IF NOT EXISTS FOR (n:Evidence) ON EACH [n.sentence];
`;

const IMPORT = `#!/bin/sh
# Import the Kunafoni graph into a new Neo4j 5 database (default: neo4j). Stop the DBMS first;
# --overwrite-destination replaces an existing database of that name.
set -e
cd "$(dirname "$0")"
DB="\${1:-neo4j}"
neo4j-admin database import full --overwrite-destination \\
  --nodes=entities.csv --nodes=articles.csv --nodes=evidence.csv \\
  --relationships=relations.csv --relationships=links.csv \\
  --multiline-fields=true --array-delimiter=";" "$DB"
echo "imported into $DB; start Neo4j, then: cypher-shell -d $DB -f schema.cypher"
`;
