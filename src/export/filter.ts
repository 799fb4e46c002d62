// Filters shared by every export format, the query API and the viewer's export: a pure function
// from a graph and options to a new graph. The input graph is never modified.
//
// Semantics, in order:
//  1. nodes: `kinds` keeps nodes of those kinds; a date window keeps nodes seen in it;
//  2. edges between kept nodes: `relations` keeps those kinds; a date window keeps the evidence dated
//     inside it (undated evidence is dropped) and the edges left with evidence, their weight, sources
//     and dates recomputed; `minSources` keeps edges stated by at least N distinct outlets;
//     `minConfidence` keeps edges whose confidence is at least X;
//  3. with `relations`, `minSources` or `minConfidence`, nodes left without any edge are dropped;
//  4. `ego` keeps the entity and what lies within `depth` steps of it (either direction).
import Graph from 'graphology';
import { UsageError } from '../errors.js';
import type { KGraph } from '../graph/build.js';
import type { ReadonlyKGraph } from '../graph/readonly.js';
import { buildNameIndex, resolveName } from '../graph/match.js';
import { RELATION_KINDS, type EdgeAttributes, type Evidence, type NodeKind, type RelationKind } from '../types.js';

export const NODE_KINDS: readonly NodeKind[] = ['person', 'organisation', 'topic', 'place'];

export interface FilterOptions {
  /** Node kinds to keep. */
  kinds?: NodeKind[];
  /** Relation kinds to keep. */
  relations?: RelationKind[];
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD): keep what is dated on or after it. */
  since?: string;
  /** ISO date: keep what is dated on or before it. */
  until?: string;
  /** Keep relations stated by at least this many distinct outlets. */
  minSources?: number;
  /** Keep relations whose confidence (0–1; the relation scorer's probability) is at least this. */
  minConfidence?: number;
  /** Keep only this entity (any of its names) and its surroundings. */
  ego?: string;
  /** Steps around `ego` (default 1). */
  depth?: number;
}

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** First day a partial ISO date covers: "2024" → "2024-01-01". */
export const dateStart = (d: string): string =>
  d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.slice(0, 10);
/** Last day a partial ISO date covers (string order is enough: "2024-02" → "2024-02-31"). */
export const dateEnd = (d: string): string =>
  d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d.slice(0, 10);

/** True when the (possibly partial) date range [from, to] overlaps the window. Undated → false when a window is set. */
export function overlapsWindow(
  from: string | undefined,
  to: string | undefined,
  since?: string,
  until?: string,
): boolean {
  if (!since && !until) return true;
  if (!from && !to) return false;
  const lo = dateStart((from ?? to)!);
  const hi = dateEnd((to ?? from)!);
  if (since && hi < dateStart(since)) return false;
  if (until && lo > dateEnd(until)) return false;
  return true;
}

const list = (v: unknown): string[] =>
  v === undefined
    ? []
    : (Array.isArray(v) ? v : [v])
        .flatMap((x) => String(x).split(','))
        .map((s) => s.trim())
        .filter(Boolean);

/**
 * Validate raw options (CLI flags, URL query parameters) into FilterOptions. Lists may be arrays or
 * comma-separated strings. Throws UsageError naming the bad value and what was expected.
 */
export function parseFilterOptions(raw: Record<string, unknown>): FilterOptions {
  const out: FilterOptions = {};
  const kinds = list(raw.kind ?? raw.kinds);
  for (const k of kinds)
    if (!(NODE_KINDS as readonly string[]).includes(k))
      throw new UsageError(`filter: unknown kind "${k}"; expected one of ${NODE_KINDS.join(', ')}`);
  if (kinds.length) out.kinds = kinds as NodeKind[];
  const relations = list(raw.relation ?? raw.relations);
  for (const r of relations)
    if (!(RELATION_KINDS as readonly string[]).includes(r))
      throw new UsageError(`filter: unknown relation "${r}"; expected one of ${RELATION_KINDS.join(', ')}`);
  if (relations.length) out.relations = relations as RelationKind[];
  for (const f of ['since', 'until'] as const) {
    const v = raw[f];
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string' || !ISO_DATE.test(v))
      throw new UsageError(`filter: --${f} "${String(v)}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    out[f] = v;
  }
  if (out.since && out.until && dateStart(out.since) > dateEnd(out.until))
    throw new UsageError(`filter: --since ${out.since} is after --until ${out.until}`);
  const int = (name: string, v: unknown, min: number): number | undefined => {
    if (v === undefined || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new UsageError(`filter: --${name} "${String(v)}" is not an integer >= ${min}`);
    return n;
  };
  const minSources = int('min-sources', raw.minSources ?? raw['min-sources'], 0);
  if (minSources !== undefined) out.minSources = minSources;
  const conf = raw.minConfidence ?? raw['min-confidence'];
  if (conf !== undefined && conf !== '') {
    const c = typeof conf === 'number' ? conf : Number(conf);
    if (typeof conf === 'boolean' || !(c >= 0 && c <= 1))
      throw new UsageError(`filter: --min-confidence "${String(conf)}" is not a number between 0 and 1`);
    out.minConfidence = c;
  }
  if (raw.ego !== undefined && raw.ego !== '') {
    if (typeof raw.ego !== 'string') throw new UsageError('filter: --ego expects an entity name');
    out.ego = raw.ego;
  }
  const depth = int('depth', raw.depth, 0);
  if (depth !== undefined) {
    if (!out.ego) throw new UsageError('filter: --depth needs --ego NAME');
    out.depth = depth;
  }
  return out;
}

/** True when the options filter anything at all. */
export const isFiltering = (o: FilterOptions): boolean =>
  !!(o.kinds?.length || o.relations?.length || o.since || o.until || o.minSources || o.minConfidence || o.ego);

/** The edge's attributes restricted to the evidence inside the window (undefined when none is left). */
export function edgeInWindow(attrs: EdgeAttributes, since?: string, until?: string): EdgeAttributes | undefined {
  if (!since && !until) return attrs;
  const evidence = attrs.evidence.filter((e) => e.date && overlapsWindow(e.date, e.date, since, until));
  if (!evidence.length) return undefined;
  if (evidence.length === attrs.evidence.length) return attrs;
  return summarise(attrs, evidence);
}

/** Recompute the derived edge attributes (weight, sources, dates, role, commitment) from its evidence. */
function summarise(attrs: EdgeAttributes, evidence: Evidence[]): EdgeAttributes {
  const out: EdgeAttributes = { ...attrs, evidence, weight: new Set(evidence.map((e) => e.article)).size };
  out.sources = [...new Set(evidence.map((e) => e.source).filter((s): s is string => !!s))].sort();
  const dates = evidence
    .map((e) => e.date)
    .filter((d): d is string => !!d)
    .sort();
  delete out.firstSeen;
  delete out.lastSeen;
  if (dates.length) {
    out.firstSeen = dates[0]!;
    out.lastSeen = dates[dates.length - 1]!;
  }
  // keep the role / commitment when some remaining evidence still states it, else the first one left
  for (const f of ['role', 'commitment'] as const) {
    if (attrs[f] === undefined || evidence.some((e) => e[f] === attrs[f])) continue;
    const other = evidence.find((e) => e[f])?.[f];
    if (other) out[f] = other;
    else delete out[f];
  }
  return out;
}

/** A new graph holding what the options keep (see the module comment for the exact semantics). */
export function filterGraph(graph: ReadonlyKGraph, opts: FilterOptions = {}): KGraph {
  const out: KGraph = new Graph({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops });
  out.replaceAttributes({ ...graph.getAttributes() });
  const { kinds, relations, since, until, minSources, minConfidence } = opts;
  const keepKind = kinds?.length ? new Set<string>(kinds) : undefined;
  const keepRelation = relations?.length ? new Set<string>(relations) : undefined;

  graph.forEachNode((key, attrs) => {
    if (keepKind && !keepKind.has(attrs.kind)) return;
    if (!overlapsWindow(attrs.firstSeen, attrs.lastSeen, since, until)) return;
    out.addNode(key, { ...attrs });
  });
  graph.forEachEdge((key, attrs, source, target, _sa, _ta, undirected) => {
    if (!out.hasNode(source) || !out.hasNode(target)) return;
    if (keepRelation && !keepRelation.has(attrs.kind)) return;
    const kept = edgeInWindow(attrs, since, until);
    if (!kept) return;
    if (minSources && kept.sources.length < minSources) return;
    if (minConfidence && (kept.confidence ?? 1) < minConfidence) return;
    const copy = { ...kept };
    if (undirected) out.addUndirectedEdgeWithKey(key, source, target, copy);
    else out.addDirectedEdgeWithKey(key, source, target, copy);
  });
  if (keepRelation || minSources || minConfidence)
    for (const key of out.filterNodes((n) => out.degree(n) === 0)) out.dropNode(key);

  if (opts.ego !== undefined) {
    const center = resolveName(graph, buildNameIndex(graph), opts.ego);
    if (!out.hasNode(center))
      throw new UsageError(
        `filter: --ego "${opts.ego}" (${graph.getNodeAttribute(center, 'label')}) is excluded by the other filters`,
      );
    const keep = egoNodes(out, center, opts.depth ?? 1);
    for (const key of out.filterNodes((n) => !keep.has(n))) out.dropNode(key);
  }
  return out;
}

/** Nodes within `depth` steps of `center`, following edges in either direction (breadth first). */
export function egoNodes(graph: ReadonlyKGraph, center: string, depth: number): Set<string> {
  const seen = new Set([center]);
  let frontier = [center];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const n of frontier)
      graph.forEachNeighbor(n, (m) => {
        if (seen.has(m)) return;
        seen.add(m);
        next.push(m);
      });
    frontier = next;
  }
  return seen;
}
