// The articles of a store as a researcher lists them (`kunafoni query articles`) and what one article
// produced (`kunafoni query article <id>`): its entities and the relations its sentences state.
import { KunafoniError } from '../errors.js';
import type { Article, Evidence, RelationKind } from '../types.js';
import type { ReadonlyKGraph } from '../graph/readonly.js';
import type { EntityRef } from './types.js';

/** An article's metadata and what it produced. */
export interface ArticleSummary {
  id: string;
  title?: string;
  date?: string;
  source?: string;
  url?: string;
  lang: string;
  /** Entities the article mentions. */
  entities: number;
  /** Relations the article states (edges with evidence from it). */
  relations: number;
}

export interface ArticleReport extends ArticleSummary {
  author?: string;
  origin?: string;
  /** Other outlets' copies of the story. */
  syndicated: { source?: string; url?: string; date?: string }[];
  entities: number;
  entityList: EntityRef[];
  relationList: {
    key: string;
    kind: RelationKind;
    source: EntityRef;
    target: EntityRef;
    directed: boolean;
    evidence: Evidence[];
  }[];
}

/** An article id (or a prefix of it) that names no article, or several. */
export class ArticleNotFoundError extends KunafoniError {
  override name = 'ArticleNotFoundError';
  constructor(
    readonly query: string,
    readonly matches: string[],
  ) {
    super(
      matches.length
        ? `article id "${query}" is ambiguous: ${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}; ` +
            'give more characters'
        : `no article with id "${query}"; \`kunafoni query articles\` lists them`,
    );
  }
}

type Meta = Pick<Article, 'id' | 'title' | 'date' | 'source' | 'url' | 'lang' | 'author' | 'origin' | 'syndicated'>;

const ref = (graph: ReadonlyKGraph, key: string): EntityRef => {
  const a = graph.getNodeAttributes(key);
  return { key, label: a.label, kind: a.kind };
};

/** For each article id, the node keys mentioning it and the edge keys it gives evidence for. */
function byArticle(graph: ReadonlyKGraph): Map<string, { nodes: Set<string>; edges: Set<string> }> {
  const out = new Map<string, { nodes: Set<string>; edges: Set<string> }>();
  const slot = (id: string) => out.get(id) ?? out.set(id, { nodes: new Set(), edges: new Set() }).get(id)!;
  graph.forEachNode((key, a) => {
    for (const id of a.articles ?? []) slot(id).nodes.add(key);
  });
  graph.forEachEdge((key, a) => {
    for (const e of a.evidence) slot(e.article).edges.add(key);
  });
  return out;
}

/** Every article, dated ones oldest first then the undated, with its counts of entities and relations. */
export function listArticles(articles: readonly Meta[], graph: ReadonlyKGraph): ArticleSummary[] {
  const index = byArticle(graph);
  const rows = articles.map((a): ArticleSummary => {
    const got = index.get(a.id);
    const row: ArticleSummary = {
      id: a.id,
      lang: a.lang,
      entities: got?.nodes.size ?? 0,
      relations: got?.edges.size ?? 0,
    };
    for (const f of ['title', 'date', 'source', 'url'] as const) if (a[f]) row[f] = a[f];
    return row;
  });
  const undated = (r: ArticleSummary) => (r.date ? 0 : 1);
  return rows.sort(
    (x, y) => undated(x) - undated(y) || (x.date ?? '').localeCompare(y.date ?? '') || x.id.localeCompare(y.id),
  );
}

/** The article whose id is `id` or starts with it (at least 4 characters); throws ArticleNotFoundError. */
export function findArticle<T extends { id: string }>(articles: readonly T[], id: string): T {
  const q = id.trim().toLowerCase();
  const exact = articles.find((a) => a.id === q);
  if (exact) return exact;
  const matches = q.length >= 4 ? articles.filter((a) => a.id.startsWith(q)) : [];
  if (matches.length === 1) return matches[0]!;
  throw new ArticleNotFoundError(
    id,
    matches.map((a) => a.id),
  );
}

/**
 * What one article produced: its metadata, the entities it mentions and the relations it states, with its
 * sentences.
 */
export function articleReport(articles: readonly Meta[], graph: ReadonlyKGraph, id: string): ArticleReport {
  const a = findArticle(articles, id);
  const got = byArticle(graph).get(a.id) ?? { nodes: new Set<string>(), edges: new Set<string>() };
  const [summary] = listArticles([a], graph);
  const entityList = [...got.nodes]
    .map((k) => ref(graph, k))
    .sort((x, y) => x.kind.localeCompare(y.kind) || x.label.localeCompare(y.label, 'fr'));
  const relationList = [...got.edges].map((key) => {
    const attrs = graph.getEdgeAttributes(key);
    const evidence = attrs.evidence.filter((e) => e.article === a.id).sort((x, y) => x.start - y.start);
    return {
      key,
      kind: attrs.kind,
      source: ref(graph, graph.source(key)),
      target: ref(graph, graph.target(key)),
      directed: !graph.isUndirected(key),
      evidence,
    };
  });
  relationList.sort((x, y) => x.evidence[0]!.start - y.evidence[0]!.start || x.key.localeCompare(y.key));
  const report: ArticleReport = {
    ...summary!,
    syndicated: (a.syndicated ?? []).map(({ source, url, date }) => ({ source, url, date })),
    entityList,
    relationList,
  };
  if (a.author) report.author = a.author;
  if (a.origin) report.origin = a.origin;
  return report;
}
