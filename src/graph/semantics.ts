// Graph semantics in one place: how an edge is keyed, how its attributes derive from its evidence, in which
// order evidence is listed, and how two nodes become one. The fold (fold.ts), the spelling-variant step
// (variants.ts) and the researcher's curation (curation/) all go through these functions, so an edge
// merged by any of them carries exactly what the fold would have given it.
//
//     const key = edgeKey('met-with', 'org:orange-mali', 'person:alousseni-sanou'); // ends sorted
//     parseEdgeKey(key); // { kind: 'met-with', source: 'org:orange-mali', target: 'person:…' }
//     graph.replaceEdgeAttributes(key, edgeFromEvidence(attrs, evidence, sources));
import type { EdgeAttributes, Evidence, NodeAttributes, RelationKind } from '../types.js';
import { RELATION_KINDS, UNDIRECTED } from '../types.js';
import type { KGraph } from './attrs.js';

// ---------------------------------------------------------------------------------------------
// edge keys: `kind|source|target`, plus `|hash` of the pledge on committed-to edges that have one

const KEY_SEPARATOR = '|';

export interface EdgeKeyParts {
  kind: RelationKind;
  source: string;
  target: string;
  /** The hash of the commitment (committed-to edges with a pledge), else undefined. */
  hash?: string;
}

/** The key of an edge: its ends sorted when the relation is undirected, so either order gives one key. */
export function edgeKey(kind: RelationKind, source: string, target: string, hash?: string): string {
  const [a, b] = UNDIRECTED.has(kind) && target < source ? [target, source] : [source, target];
  return hash ? [kind, a, b, hash].join(KEY_SEPARATOR) : [kind, a, b].join(KEY_SEPARATOR);
}

const isRelationKind = (s: string): s is RelationKind => (RELATION_KINDS as readonly string[]).includes(s);

/** The parts of an edge key, or undefined when the key was not made by `edgeKey` (a hand-made graph). */
export function parseEdgeKey(key: string): EdgeKeyParts | undefined {
  const [kind, source, target, ...rest] = key.split(KEY_SEPARATOR);
  if (!kind || !isRelationKind(kind) || source === undefined || target === undefined) return undefined;
  const parts: EdgeKeyParts = { kind, source, target };
  if (rest.length) parts.hash = rest.join(KEY_SEPARATOR);
  return parts;
}

/** The key an edge gets when its ends change: the same kind and pledge hash, between the new ends. */
export function rekeyEdge(oldKey: string, kind: RelationKind, source: string, target: string): string {
  const old = parseEdgeKey(oldKey);
  return edgeKey(kind, source, target, old?.kind === kind ? old.hash : undefined);
}

// ---------------------------------------------------------------------------------------------
// evidence: its identity, its order, and what derives from it

/** One piece of evidence per (article, sentence start, rule): the same reading twice is one. */
export const evidenceKey = (ev: Pick<Evidence, 'article' | 'start' | 'rule'>): string =>
  `${ev.article}|${ev.start}|${ev.rule}`;

/** Evidence order: by date (undated first), then article, then position in the article. */
export const compareEvidence = (x: Evidence, y: Evidence): number =>
  (x.date ?? '').localeCompare(y.date ?? '') || x.article.localeCompare(y.article) || x.start - y.start;

export const minDate = (a?: string, b?: string): string | undefined => (!a ? b : !b ? a : a < b ? a : b);
export const maxDate = (a?: string, b?: string): string | undefined => (!a ? b : !b ? a : a > b ? a : b);

/** Letters with diacritics: "Brelotte Bâ" says more than "Brelotte Ba", which some outlets write. */
const accents = (s: string) => s.normalize('NFD').replace(/[^\p{M}]/gu, '').length;

/** The most counted string; on a tie the longer, then the one with more accents, then the first in code order. */
export const byCountThenLength = (counts: Map<string, number>, preferred?: string): string => {
  if (preferred) return preferred;
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || accents(b[0]) - accents(a[0]) || (a[0] < b[0] ? -1 : 1),
  )[0]![0];
};

/** The most frequent string (ties as `byCountThenLength`); undefined for an empty list. */
export function mostFrequent(xs: readonly string[]): string | undefined {
  if (!xs.length) return undefined;
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return byCountThenLength(counts);
}

/** An edge's confidence (noisy-or): one minus the chance that every sentence's reading is wrong. */
export function edgeConfidence(evidence: readonly Evidence[]): number | undefined {
  const confs = evidence.map((e) => e.confidence).filter((c): c is number => typeof c === 'number');
  return confs.length ? Math.round((1 - confs.reduce((p, c) => p * (1 - c), 1)) * 1000) / 1000 : undefined;
}

/** Attributes that derive from the evidence (recomputed by `edgeFromEvidence`, never carried over). */
const DERIVED = new Set([
  'kind',
  'weight',
  'evidence',
  'sources',
  'firstSeen',
  'lastSeen',
  'role',
  'commitment',
  'status',
  'confidence',
]);

/**
 * An edge's attributes from its evidence: the evidence in order, its weight (distinct articles), first
 * and last dates, the most frequent role, the first pledge, the latest status and the confidence. A role,
 * pledge or status no evidence carries is kept from `base`, as are attributes that are not derived
 * (a researcher's verification). `sources` are the outlets, which syndicated copies can widen.
 */
export function edgeFromEvidence(
  base: Partial<EdgeAttributes> & Pick<EdgeAttributes, 'kind'>,
  evidence: readonly Evidence[],
  sources: string[],
): EdgeAttributes {
  const ordered = [...evidence].sort(compareEvidence);
  const out: EdgeAttributes = {
    kind: base.kind,
    weight: new Set(ordered.map((e) => e.article)).size,
    evidence: ordered,
    sources,
  };
  const dates = ordered
    .map((e) => e.date)
    .filter((d): d is string => !!d)
    .sort();
  if (dates.length) [out.firstSeen, out.lastSeen] = [dates[0]!, dates[dates.length - 1]!];
  const role = mostFrequent(ordered.map((e) => e.role).filter((r): r is string => !!r)) ?? base.role;
  if (role) out.role = role;
  const commitment = ordered.find((e) => e.commitment)?.commitment ?? base.commitment;
  if (commitment) out.commitment = commitment;
  const status = ordered.filter((e) => e.status).pop()?.status ?? base.status;
  if (status) out.status = status;
  const confidence = edgeConfidence(ordered);
  if (confidence !== undefined) out.confidence = confidence;
  for (const [k, v] of Object.entries(base)) if (!DERIVED.has(k) && v !== undefined) out[k] = v;
  return out;
}

const sortedUnion = (...lists: Array<readonly string[] | undefined>): string[] =>
  [...new Set(lists.flatMap((l) => l ?? []))].sort();

/** Two edges that became one (their ends were merged): evidence and outlets combined, verification kept. */
export function combineEdges(a: EdgeAttributes, b: EdgeAttributes): EdgeAttributes {
  const seen = new Set(a.evidence.map(evidenceKey));
  const evidence = [...a.evidence, ...b.evidence.filter((e) => !seen.has(evidenceKey(e)))];
  const out = edgeFromEvidence({ ...b, ...a }, evidence, sortedUnion(a.sources, b.sources));
  if (a.verified || b.verified) {
    const v = a.verified ? a : b;
    out.verified = true;
    if (v.verifiedBy !== undefined) out.verifiedBy = v.verifiedBy;
    if (v.verifiedDate !== undefined) out.verifiedDate = v.verifiedDate;
  }
  return out;
}

/** Add an edge, or fold it into the edge already carrying that key. */
export function putEdge(graph: KGraph, key: string, source: string, target: string, attrs: EdgeAttributes): void {
  if (graph.hasEdge(key)) graph.replaceEdgeAttributes(key, combineEdges(graph.getEdgeAttributes(key), attrs));
  else if (UNDIRECTED.has(attrs.kind)) graph.addUndirectedEdgeWithKey(key, source, target, attrs);
  else graph.addDirectedEdgeWithKey(key, source, target, attrs);
}

// ---------------------------------------------------------------------------------------------
// nodes

/**
 * How the merged node is named: `keep` keeps the kept node's label (a researcher's merge); `fuller` takes
 * the other label when both are as often mentioned and it has more letters once accents are split off
 * (a spelling variant: "Bâ" over "Ba").
 */
export type MergeLabel = 'keep' | 'fuller';

export interface MergeResult {
  /** Relations moved onto the kept node (merged into an edge already there or not). */
  moved: number;
  /** Relations between the two nodes, dropped (a relation between two names of one entity). */
  dropped: number;
}

/** The attributes of `keep` and `gone` as one node: names, articles, dates and roles united. */
export function mergedNodeAttributes(a: NodeAttributes, b: NodeAttributes, naming: MergeLabel): NodeAttributes {
  const fuller =
    naming === 'fuller' &&
    a.mentions === b.mentions &&
    a.label.normalize('NFD').length < b.label.normalize('NFD').length;
  const label = fuller ? b.label : a.label;
  const articles = sortedUnion(a.articles, b.articles);
  const merged: NodeAttributes = {
    ...a,
    label,
    aliases: sortedUnion(a.aliases, b.aliases, [a.label, b.label]).filter((x) => x !== label),
    articles,
    mentions: articles.length || a.mentions + b.mentions,
  };
  const first = minDate(a.firstSeen, b.firstSeen);
  const last = maxDate(a.lastSeen, b.lastSeen);
  if (first) merged.firstSeen = first;
  if (last) merged.lastSeen = last;
  if (a.roles || b.roles) merged.roles = sortedUnion(a.roles, b.roles);
  return merged;
}

/** Merge node `gone` into `keep`, in place: attributes united, `gone`'s edges moved (and combined) onto `keep`. */
export function mergeNodes(graph: KGraph, gone: string, keep: string, naming: MergeLabel): MergeResult {
  graph.replaceNodeAttributes(
    keep,
    mergedNodeAttributes(graph.getNodeAttributes(keep), graph.getNodeAttributes(gone), naming),
  );
  const result: MergeResult = { moved: 0, dropped: 0 };
  for (const e of graph.edges(gone)) {
    const attrs = graph.getEdgeAttributes(e);
    const s = graph.source(e) === gone ? keep : graph.source(e);
    const t = graph.target(e) === gone ? keep : graph.target(e);
    graph.dropEdge(e);
    if (s === t) {
      result.dropped++;
      continue;
    }
    const key = rekeyEdge(e, attrs.kind, s, t);
    const [x, y] = UNDIRECTED.has(attrs.kind) && t < s ? [t, s] : [s, t];
    putEdge(graph, key, x, y, attrs);
    result.moved++;
  }
  graph.dropNode(gone);
  return result;
}
