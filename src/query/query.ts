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

/** Query one graph. The graph must not change while the query object is in use. */
export function queryGraph(graph: KGraph): KunafoniQuery {
  let index: NameIndex | undefined;
  let undirected: Graph<Record<string, unknown>, { cost: number }> | undefined;
  const names = () => (index ??= buildNameIndex(graph));
  const resolve = (name: string) => resolveName(graph, names(), name);

  const ref = (key: string): EntityRef => {
    const a = graph.getNodeAttributes(key);
    return { key, label: a.label, kind: a.kind };
  };
  const relation = (key: string, attrs: EdgeAttributes = graph.getEdgeAttributes(key)): RelationInfo => {
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
    for (const f of ['firstSeen', 'lastSeen', 'role', 'commitment'] as const)
      if (attrs[f] !== undefined) out[f] = attrs[f];
    if (typeof attrs.status === 'string') out.status = attrs.status;
    return out;
  };
  const directionOf = (edge: string, node: string): Direction =>
    graph.isUndirected(edge) ? 'both' : graph.source(edge) === node ? 'out' : 'in';

  const checkWindow = (since?: string, until?: string) => parseFilterOptions({ since, until });

  return {
    graph: readOnlyGraph(graph),
    resolve,

    entity(name) {
      const key = resolve(name);
      const a = graph.getNodeAttributes(key);
      const relationCounts: EntityInfo['relationCounts'] = {};
      graph.forEachEdge(key, (_e, attrs) => void (relationCounts[attrs.kind] = (relationCounts[attrs.kind] ?? 0) + 1));
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
    },

    neighbors(name, opts = {}) {
      const key = resolve(name);
      const { since, until } = checkWindow(opts.since, opts.until);
      const kinds = asList(opts.relation);
      const nodeKinds = asList(opts.kind);
      const out: Neighbor[] = [];
      graph.forEachEdge(key, (edge, attrs, source, target) => {
        if (kinds && !kinds.includes(attrs.kind)) return;
        const other = source === key ? target : source;
        if (nodeKinds && !nodeKinds.includes(graph.getNodeAttribute(other, 'kind'))) return;
        const direction = directionOf(edge, key);
        if (opts.direction && opts.direction !== 'any' && direction !== 'both' && direction !== opts.direction) return;
        const kept = edgeInWindow(attrs, since, until);
        if (!kept) return;
        out.push({ entity: ref(other), direction, relation: relation(edge, kept) });
      });
      return out.sort((a, b) => byStrength(a.relation, b.relation) || byLabel(a.entity, b.entity));
    },

    relations(opts = {}) {
      const { since, until } = checkWindow(opts.since, opts.until);
      const kinds = asList(opts.kind);
      const from = opts.from !== undefined ? resolve(opts.from) : undefined;
      const to = opts.to !== undefined ? resolve(opts.to) : undefined;
      const out: RelationInfo[] = [];
      const edges = from ? graph.edges(from) : to ? graph.edges(to) : graph.edges();
      for (const edge of edges) {
        const attrs = graph.getEdgeAttributes(edge);
        if (kinds && !kinds.includes(attrs.kind)) continue;
        const [s, t, und] = [graph.source(edge), graph.target(edge), graph.isUndirected(edge)];
        if (from && !(s === from || (und && t === from))) continue;
        if (to && !(t === to || (und && s === to))) continue;
        if (from && to && und && from === to) continue;
        if (from && to && und && !((s === from && t === to) || (s === to && t === from))) continue;
        const kept = edgeInWindow(attrs, since, until);
        if (kept) out.push(relation(edge, kept));
      }
      return out.sort(byStrength);
    },

    path(a, b, opts = {}) {
      const [s, t] = [resolve(a), resolve(b)];
      if (!undirected) {
        const concept = (n: string) => (['topic', 'place'].includes(graph.getNodeAttribute(n, 'kind')) ? 1 : 0);
        const u = new Graph<Record<string, unknown>, { cost: number }>({ type: 'undirected' });
        graph.forEachNode((n) => u.addNode(n));
        graph.forEachEdge((_e, _a, x, y) => void u.mergeEdge(x, y, { cost: 1 + concept(x) + concept(y) }));
        undirected = u;
      }
      const keys =
        s === t
          ? [s]
          : opts.through === 'any'
            ? bidirectional(undirected, s, t)
            : dijkstraPath(undirected, s, t, 'cost');
      if (!keys?.length) return null;
      const steps = keys.slice(1).map((to, i) => {
        const from = keys[i]!;
        const relations = [...new Set([...graph.edges(from, to), ...graph.edges(to, from)])]
          .map((e) => relation(e))
          .sort(byStrength);
        return { from: ref(from), to: ref(to), relations, evidence: relations.flatMap((r) => r.evidence).sort(byDate) };
      });
      return { from: ref(s), to: ref(t), length: steps.length, steps };
    },

    ego(name, depth = 1) {
      const center = resolve(name);
      if (!Number.isInteger(depth) || depth < 0) throw new RangeError(`ego: depth ${depth} is not an integer >= 0`);
      const keep = egoNodes(graph, center, depth);
      const relations: RelationInfo[] = [];
      graph.forEachEdge((edge, _a, s, t) => void (keep.has(s) && keep.has(t) && relations.push(relation(edge))));
      return {
        center: ref(center),
        depth,
        entities: [...keep].map(ref).sort(byLabel),
        relations: relations.sort(byStrength),
      };
    },

    timeline(name, opts = {}) {
      const key = resolve(name);
      const out: TimelineEntry[] = [];
      graph.forEachEdge(key, (edge, attrs, source, target) => {
        const other = ref(source === key ? target : source);
        const direction = directionOf(edge, key);
        for (const e of attrs.evidence)
          if (e.date || opts.undated)
            out.push({
              date: e.date ?? 'undated',
              kind: attrs.kind as RelationKind,
              relation: edge,
              direction,
              other,
              evidence: { ...e },
            });
      });
      const undated = (t: TimelineEntry) => (t.evidence.date ? 0 : 1);
      return out.sort(
        (x, y) => undated(x) - undated(y) || byDate(x.evidence, y.evidence) || x.relation.localeCompare(y.relation),
      );
    },

    search(text, opts = {}) {
      const q = normaliseName(text);
      if (!q) return [];
      const words = q.split(' ');
      const score = (norm: string): number => {
        if (norm === q) return 1;
        if (norm.startsWith(q)) return 0.9;
        const tokens = norm.split(' ');
        if (words.every((w) => tokens.some((t) => t.startsWith(w)))) return 0.8;
        if (norm.includes(q)) return 0.6;
        return 0;
      };
      const best = new Map<string, SearchHit>();
      graph.forEachNode((key, a) => {
        const fields: [SearchHit['field'], string][] = [
          ['label', a.label],
          ...(a.aliases ?? []).map((s): [SearchHit['field'], string] => ['alias', s]),
          ...(a.roles ?? []).map((s): [SearchHit['field'], string] => ['role', s]),
        ];
        for (const [field, matched] of fields) {
          const s = score(normaliseName(matched)) * (field === 'role' ? 0.5 : 1);
          if (s > (best.get(key)?.score ?? 0))
            best.set(key, { entity: ref(key), field, matched, score: s, mentions: a.mentions });
        }
      });
      return [...best.values()]
        .sort((x, y) => y.score - x.score || y.mentions - x.mentions || byLabel(x.entity, y.entity))
        .slice(0, opts.limit ?? 20);
    },

    roles(name) {
      return rolePeriods(graph, resolve(name), ref);
    },

    commitments(opts = {}) {
      const { since, until } = checkWindow(opts.since, opts.until);
      const status = asList(opts.status);
      return commitmentThreads(graph, ref, {
        ...(opts.actor !== undefined ? { actorKey: resolve(opts.actor) } : {}),
        ...(status ? { status } : {}),
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
      });
    },

    searchEvidence(text, opts = {}) {
      const q = normaliseName(text);
      if (!q) return [];
      const out: EvidenceHit[] = [];
      graph.forEachEdge((edge, attrs) => {
        const hits = attrs.evidence.filter((e) => normaliseName(e.sentence).includes(q));
        if (!hits.length) return;
        const { evidence: _all, ...rel } = relation(edge);
        for (const e of hits) out.push({ relation: rel, evidence: { ...e } });
      });
      return out
        .sort((x, y) => byDate(x.evidence, y.evidence) || x.relation.key.localeCompare(y.relation.key))
        .slice(0, opts.limit ?? 50);
    },
  };
}
