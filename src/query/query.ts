// The query API over one graph: entity, neighbors, relations, path, ego, timeline, search. Every
// name goes through the same matching (accents, case, apostrophes, aliases); an unknown name throws
// a NotFoundError with the closest names. Results are plain typed objects (see ./types.ts).
import Graph from 'graphology';
import { bidirectional as dijkstraPath } from 'graphology-shortest-path/dijkstra.js';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { KGraph } from '../graph/build.js';
import { normaliseName } from '../text/keys.js';
import { edgeInWindow, egoNodes, parseFilterOptions } from '../export/filter.js';
import type { EdgeAttributes, Evidence, RelationKind } from '../types.js';
import { commitmentThreads, type CommitmentOptions, type CommitmentThread } from './commitments.js';
import { buildNameIndex, resolveName, type NameIndex } from '../graph/match.js';
import { rolePeriods, type RolePeriod } from './roles.js';
import { readOnlyGraph, type ReadonlyKGraph } from '../graph/readonly.js';
import type {
  Direction,
  EgoResult,
  EntityInfo,
  EntityRef,
  EvidenceHit,
  Neighbor,
  NeighborOptions,
  PathResult,
  RelationInfo,
  RelationOptions,
  SearchHit,
  TimelineEntry,
} from './types.js';

export interface KunafoniQuery {
  /** The graphology graph, read-only. */
  readonly graph: ReadonlyKGraph;
  /** The node key a name refers to (throws NotFoundError). */
  resolve(name: string): string;
  /** An entity by any of its names, ignoring accents, case and apostrophes. */
  entity(name: string): EntityInfo;
  /** The entities related to `name`, strongest relation first. */
  neighbors(name: string, opts?: NeighborOptions): Neighbor[];
  /** Relations by kind, ends and dates. */
  relations(opts?: RelationOptions): RelationInfo[];
  /**
   * The shortest chain of relations from `a` to `b` (directions ignored), each step with its
   * evidence; null when unconnected. By default a step into or out of a topic or a place counts
   * double, so chains of people and organisations win over "both discussed the same topic";
   * `{ through: 'any' }` counts every step as one.
   */
  path(a: string, b: string, opts?: { through?: 'entities' | 'any' }): PathResult | null;
  /** The entity and everything within `depth` steps of it. */
  ego(name: string, depth?: number): EgoResult;
  /**
   * The dated evidence of every relation of `name`, oldest first; with `{ undated: true }` the
   * undated evidence follows, with `date: 'undated'`.
   */
  timeline(name: string, opts?: { undated?: boolean }): TimelineEntry[];
  /** Entities whose label, alias or role matches `text`, best first. */
  search(text: string, opts?: { limit?: number }): SearchHit[];
  /** Evidence sentences containing `text` (accent- and case-insensitive), oldest first. */
  searchEvidence(text: string, opts?: { limit?: number }): EvidenceHit[];
  /**
   * Who held which post when: one period per (person, organisation, role) of the `holds-role`
   * relations of `name` (an organisation's succession, or a person's career), in the order they start.
   */
  roles(name: string): RolePeriod[];
  /** Commitment threads: one actor's pledge on one topic followed across articles, step by step. */
  commitments(opts?: CommitmentOptions): CommitmentThread[];
}

const asList = <T>(v: T | T[] | undefined): T[] | undefined =>
  v === undefined ? undefined : Array.isArray(v) ? v : [v];

const byLabel = (a: EntityRef, b: EntityRef) => a.label.localeCompare(b.label, 'fr') || (a.key < b.key ? -1 : 1);
const byStrength = (a: RelationInfo, b: RelationInfo) =>
  b.weight - a.weight || b.evidence.length - a.evidence.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byDate = (a: Evidence, b: Evidence) =>
  (a.date ?? '').localeCompare(b.date ?? '') || a.article.localeCompare(b.article) || a.start - b.start;

/** What every query shares: the graph, name resolution, and the graph's records as plain typed objects. */
interface QueryContext {
  graph: KGraph;
  resolve(name: string): string;
  ref(key: string): EntityRef;
  relation(key: string, attrs?: EdgeAttributes): RelationInfo;
  directionOf(edge: string, node: string): Direction;
  /** The undirected graph shortest paths run on, built on first use. */
  pathGraph(): PathGraph;
}

type PathGraph = Graph<Record<string, unknown>, { cost: number }>;

/** Query one graph. The graph must not change while the query object is in use. */
export function queryGraph(graph: KGraph): KunafoniQuery {
  const context = queryContext(graph);
  return {
    graph: readOnlyGraph(graph),
    resolve: context.resolve,
    entity: (name) => entityInfo(context, name),
    neighbors: (name, opts = {}) => neighborsOf(context, name, opts),
    relations: (opts = {}) => relationsMatching(context, opts),
    path: (a, b, opts = {}) => shortestPath(context, a, b, opts),
    ego: (name, depth = 1) => egoOf(context, name, depth),
    timeline: (name, opts = {}) => timelineOf(context, name, opts),
    search: (text, opts = {}) => searchEntities(context, text, opts),
    roles: (name) => rolePeriods(graph, context.resolve(name), context.ref),
    commitments: (opts = {}) => commitmentsOf(context, opts),
    searchEvidence: (text, opts = {}) => searchEvidenceSentences(context, text, opts),
  };
}

function queryContext(graph: KGraph): QueryContext {
  let index: NameIndex | undefined;
  let pathGraph: PathGraph | undefined;
  const names = () => (index ??= buildNameIndex(graph));
  const ref = (key: string): EntityRef => {
    const a = graph.getNodeAttributes(key);
    return { key, label: a.label, kind: a.kind };
  };
  return {
    graph,
    resolve: (name) => resolveName(graph, names(), name),
    ref,
    relation: (key, attrs = graph.getEdgeAttributes(key)) => relationInfo(graph, ref, key, attrs),
    directionOf: (edge, node) => (graph.isUndirected(edge) ? 'both' : graph.source(edge) === node ? 'out' : 'in'),
    pathGraph: () => (pathGraph ??= buildPathGraph(graph)),
  };
}

function relationInfo(
  graph: KGraph,
  ref: (key: string) => EntityRef,
  key: string,
  attrs: EdgeAttributes,
): RelationInfo {
  const out: RelationInfo = {
    key,
    kind: attrs.kind,
    source: ref(graph.source(key)),
    target: ref(graph.target(key)),
    directed: !graph.isUndirected(key),
    weight: attrs.weight,
    sources: [...(attrs.sources ?? [])],
    evidence: attrs.evidence.map((e) => ({ ...e })),
  };
  for (const field of ['firstSeen', 'lastSeen', 'role', 'commitment'] as const)
    if (attrs[field] !== undefined) out[field] = attrs[field];
  if (typeof attrs.status === 'string') out.status = attrs.status;
  return out;
}

/** Rejects a malformed date window the way the export filters do. */
const checkWindow = (since?: string, until?: string) => parseFilterOptions({ since, until });

function entityInfo({ graph, resolve, ref }: QueryContext, name: string): EntityInfo {
  const key = resolve(name);
  const a = graph.getNodeAttributes(key);
  const relationCounts: EntityInfo['relationCounts'] = {};
  graph.forEachEdge(key, (_edge, attrs) => {
    relationCounts[attrs.kind] = (relationCounts[attrs.kind] ?? 0) + 1;
  });
  const out: EntityInfo = {
    ...ref(key),
    aliases: [...(a.aliases ?? [])],
    mentions: a.mentions,
    roles: [...(a.roles ?? [])],
    articles: [...(a.articles ?? [])],
    degree: graph.degree(key),
    relationCounts,
  };
  if (a.firstSeen) out.firstSeen = a.firstSeen;
  if (a.lastSeen) out.lastSeen = a.lastSeen;
  return out;
}

function neighborsOf(context: QueryContext, name: string, opts: NeighborOptions): Neighbor[] {
  const { graph, ref, relation, directionOf } = context;
  const key = context.resolve(name);
  const { since, until } = checkWindow(opts.since, opts.until);
  const kinds = asList(opts.relation);
  const nodeKinds = asList(opts.kind);
  const wanted = (direction: Direction) =>
    !opts.direction || opts.direction === 'any' || direction === 'both' || direction === opts.direction;
  const out: Neighbor[] = [];
  graph.forEachEdge(key, (edge, attrs, source, target) => {
    if (kinds && !kinds.includes(attrs.kind)) return;
    const other = source === key ? target : source;
    if (nodeKinds && !nodeKinds.includes(graph.getNodeAttribute(other, 'kind'))) return;
    const direction = directionOf(edge, key);
    if (!wanted(direction)) return;
    const kept = edgeInWindow(attrs, since, until);
    if (!kept) return;
    out.push({ entity: ref(other), direction, relation: relation(edge, kept) });
  });
  return out.sort((a, b) => byStrength(a.relation, b.relation) || byLabel(a.entity, b.entity));
}

/**
 * Whether an edge goes from `from` to `to` (either end given or not); an undirected edge matches
 * either way round, and an undirected loop never matches a `from` equal to `to`.
 */
function endsMatch(graph: KGraph, edge: string, from?: string, to?: string): boolean {
  const [source, target, undirected] = [graph.source(edge), graph.target(edge), graph.isUndirected(edge)];
  if (from && !(source === from || (undirected && target === from))) return false;
  if (to && !(target === to || (undirected && source === to))) return false;
  if (!(from && to && undirected)) return true;
  if (from === to) return false;
  return (source === from && target === to) || (source === to && target === from);
}

function relationsMatching(context: QueryContext, opts: RelationOptions): RelationInfo[] {
  const { graph, resolve } = context;
  const { since, until } = checkWindow(opts.since, opts.until);
  const kinds = asList(opts.kind);
  const from = opts.from !== undefined ? resolve(opts.from) : undefined;
  const to = opts.to !== undefined ? resolve(opts.to) : undefined;
  const out: RelationInfo[] = [];
  const edges = from ? graph.edges(from) : to ? graph.edges(to) : graph.edges();
  for (const edge of edges) {
    const attrs = graph.getEdgeAttributes(edge);
    if (kinds && !kinds.includes(attrs.kind)) continue;
    if (!endsMatch(graph, edge, from, to)) continue;
    const kept = edgeInWindow(attrs, since, until);
    if (kept) out.push(context.relation(edge, kept));
  }
  return out.sort(byStrength);
}

/** The graph without directions, a step into or out of a topic or a place costing one more. */
function buildPathGraph(graph: KGraph): PathGraph {
  const concept = (node: string) => (['topic', 'place'].includes(graph.getNodeAttribute(node, 'kind')) ? 1 : 0);
  const pathGraph: PathGraph = new Graph({ type: 'undirected' });
  graph.forEachNode((node) => pathGraph.addNode(node));
  graph.forEachEdge((_edge, _attrs, x, y) => {
    pathGraph.mergeEdge(x, y, { cost: 1 + concept(x) + concept(y) });
  });
  return pathGraph;
}

function shortestPath(
  context: QueryContext,
  a: string,
  b: string,
  opts: { through?: 'entities' | 'any' },
): PathResult | null {
  const { graph, ref, relation } = context;
  const [start, end] = [context.resolve(a), context.resolve(b)];
  let keys: string[] | null;
  if (start === end) keys = [start];
  else if (opts.through === 'any') keys = bidirectional(context.pathGraph(), start, end);
  else keys = dijkstraPath(context.pathGraph(), start, end, 'cost');
  if (!keys?.length) return null;
  const nodes = keys;
  const steps = nodes.slice(1).map((to, i) => {
    const from = nodes[i]!;
    const relations = [...new Set([...graph.edges(from, to), ...graph.edges(to, from)])]
      .map((edge) => relation(edge))
      .sort(byStrength);
    return { from: ref(from), to: ref(to), relations, evidence: relations.flatMap((r) => r.evidence).sort(byDate) };
  });
  return { from: ref(start), to: ref(end), length: steps.length, steps };
}

function egoOf({ graph, resolve, ref, relation }: QueryContext, name: string, depth: number): EgoResult {
  const center = resolve(name);
  if (!Number.isInteger(depth) || depth < 0) throw new RangeError(`ego: depth ${depth} is not an integer >= 0`);
  const keep = egoNodes(graph, center, depth);
  const relations: RelationInfo[] = [];
  graph.forEachEdge((edge, _attrs, source, target) => {
    if (keep.has(source) && keep.has(target)) relations.push(relation(edge));
  });
  return {
    center: ref(center),
    depth,
    entities: [...keep].map(ref).sort(byLabel),
    relations: relations.sort(byStrength),
  };
}

function timelineOf(context: QueryContext, name: string, opts: { undated?: boolean }): TimelineEntry[] {
  const { graph, ref } = context;
  const key = context.resolve(name);
  const out: TimelineEntry[] = [];
  graph.forEachEdge(key, (edge, attrs, source, target) => {
    const other = ref(source === key ? target : source);
    const direction = context.directionOf(edge, key);
    for (const e of attrs.evidence) {
      if (!e.date && !opts.undated) continue;
      const kind = attrs.kind as RelationKind;
      out.push({ date: e.date ?? 'undated', kind, relation: edge, direction, other, evidence: { ...e } });
    }
  });
  const undated = (t: TimelineEntry) => (t.evidence.date ? 0 : 1);
  return out.sort(
    (x, y) => undated(x) - undated(y) || byDate(x.evidence, y.evidence) || x.relation.localeCompare(y.relation),
  );
}

/** How well a normalised name matches the normalised query: whole, prefix, every word a prefix, inside. */
function matchScore(name: string, query: string, queryWords: string[]): number {
  if (name === query) return 1;
  if (name.startsWith(query)) return 0.9;
  const tokens = name.split(' ');
  if (queryWords.every((w) => tokens.some((t) => t.startsWith(w)))) return 0.8;
  if (name.includes(query)) return 0.6;
  return 0;
}

function searchEntities({ graph, ref }: QueryContext, text: string, opts: { limit?: number }): SearchHit[] {
  const query = normaliseName(text);
  if (!query) return [];
  const words = query.split(' ');
  const best = new Map<string, SearchHit>();
  graph.forEachNode((key, a) => {
    const fields: [SearchHit['field'], string][] = [
      ['label', a.label],
      ...(a.aliases ?? []).map((alias): [SearchHit['field'], string] => ['alias', alias]),
      ...(a.roles ?? []).map((role): [SearchHit['field'], string] => ['role', role]),
    ];
    for (const [field, matched] of fields) {
      const score = matchScore(normaliseName(matched), query, words) * (field === 'role' ? 0.5 : 1);
      if (score > (best.get(key)?.score ?? 0))
        best.set(key, { entity: ref(key), field, matched, score, mentions: a.mentions });
    }
  });
  return [...best.values()]
    .sort((x, y) => y.score - x.score || y.mentions - x.mentions || byLabel(x.entity, y.entity))
    .slice(0, opts.limit ?? 20);
}

function commitmentsOf({ graph, resolve, ref }: QueryContext, opts: CommitmentOptions): CommitmentThread[] {
  const { since, until } = checkWindow(opts.since, opts.until);
  const status = asList(opts.status);
  return commitmentThreads(graph, ref, {
    ...(opts.actor !== undefined ? { actorKey: resolve(opts.actor) } : {}),
    ...(status ? { status } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  });
}

function searchEvidenceSentences(
  { graph, relation }: QueryContext,
  text: string,
  opts: { limit?: number },
): EvidenceHit[] {
  const query = normaliseName(text);
  if (!query) return [];
  const out: EvidenceHit[] = [];
  graph.forEachEdge((edge, attrs) => {
    const hits = attrs.evidence.filter((e) => normaliseName(e.sentence).includes(query));
    if (!hits.length) return;
    const { evidence: _all, ...rest } = relation(edge);
    for (const e of hits) out.push({ relation: rest, evidence: { ...e } });
  });
  return out
    .sort((x, y) => byDate(x.evidence, y.evidence) || x.relation.key.localeCompare(y.relation.key))
    .slice(0, opts.limit ?? 50);
}
