// Build the graph from stored articles: entities sharing a resolution key across articles become one
// node (union-find over keys), relations become edges with deterministic keys and their evidence.
// Articles are folded in id order, so the result depends only on the set of articles, not the order
// in which they were ingested.
import Graph from 'graphology';
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes, StoredArticle } from '../types.js';
import { UNDIRECTED } from '../types.js';
import { edgeSources } from '../clean/duplicates.js';
import { KIND_PREFIX, normaliseName, slug } from './keys.js';
import { mergeSpellingVariants } from './variants.js';

export type KGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const GRAPH_VERSION = 1;

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    if (!this.parent.has(x)) this.parent.set(x, x);
    let root = x;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // path compression
    let cur = x;
    while (cur !== root) {
      const next: string = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // the smaller key wins, so the representative does not depend on the order of unions
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/** Node key for a component: a lexicon id when there is one (`org:@orange-mali` → `org:orange-mali`), else the smallest key. */
export function nodeKeyOf(keys: string[]): string {
  const sorted = [...keys].sort();
  // a lexicon id, else a name ("org:agence-malienne-…") rather than an acronym ("org:acr:AMNS")
  const k = sorted.find((x) => x.includes(':@')) ?? sorted.find((x) => !x.includes(':acr:')) ?? sorted[0]!;
  const [prefix, ...rest] = k.split(':');
  return `${prefix}:${slug(rest.join(':').replace(/^@/, ''))}`;
}

/** Letters with diacritics: "Brelotte Bâ" says more than "Brelotte Ba", which some outlets write. */
const accents = (s: string) => s.normalize('NFD').replace(/[^\p{M}]/gu, '').length;

export const byCountThenLength = (counts: Map<string, number>, preferred?: string): string => {
  if (preferred) return preferred;
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || accents(b[0]) - accents(a[0]) || (a[0] < b[0] ? -1 : 1))[0]![0];
};

export const minDate = (a?: string, b?: string) => (!a ? b : !b ? a : a < b ? a : b);
export const maxDate = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b);

export interface BuildOptions {
  /** Canonical labels of lexicon entries, by lexicon key (`org:@orange-mali` → "Orange Mali"). */
  lexiconLabels?: ReadonlyMap<string, string>;
}

export function buildGraph(records: StoredArticle[], opts: BuildOptions = {}): KGraph {
  const sorted = [...records].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  const byId = new Map(sorted.map((r) => [r.article.id, r.article]));
  const uf = new UnionFind();
  for (const { extraction } of sorted) {
    for (const e of extraction.entities) {
      const keys = e.keys.length ? e.keys : [`${KIND_PREFIX[e.kind]}:${e.name}`];
      for (const k of keys) uf.union(keys[0]!, k);
    }
  }
  // members of each component
  const members = new Map<string, Set<string>>();
  for (const { extraction } of sorted)
    for (const e of extraction.entities)
      for (const k of e.keys.length ? e.keys : [`${KIND_PREFIX[e.kind]}:${e.name}`]) {
        const root = uf.find(k);
        if (!members.has(root)) members.set(root, new Set());
        members.get(root)!.add(k);
      }
  const nodeKeyOfRoot = new Map<string, string>();
  for (const [root, keys] of members) nodeKeyOfRoot.set(root, nodeKeyOf([...keys]));

  interface Acc {
    kind: NodeAttributes['kind'];
    names: Map<string, number>;
    forms: Set<string>;
    articles: Set<string>;
    roles: Set<string>;
    first?: string;
    last?: string;
    preferred?: string;
  }
  const nodes = new Map<string, Acc>();
  const localToNode = new Map<string, string>(); // `${article}#${localId}` → node key
  for (const { article, extraction } of sorted) {
    for (const e of extraction.entities) {
      const firstKey = e.keys[0] ?? `${KIND_PREFIX[e.kind]}:${e.name}`;
      const key = nodeKeyOfRoot.get(uf.find(firstKey))!;
      localToNode.set(`${article.id}#${e.id}`, key);
      let acc = nodes.get(key);
      if (!acc) {
        acc = { kind: e.kind, names: new Map(), forms: new Set(), articles: new Set(), roles: new Set() };
        const lexKey = [...(members.get(uf.find(firstKey)) ?? [])].sort().find((k) => k.includes(':@'));
        const preferred = lexKey ? opts.lexiconLabels?.get(lexKey) : undefined;
        if (preferred) acc.preferred = preferred;
        nodes.set(key, acc);
      }
      acc.names.set(e.name, (acc.names.get(e.name) ?? 0) + 1);
      for (const f of [e.name, ...e.forms]) acc.forms.add(f);
      acc.articles.add(article.id);
      for (const r of e.roles) acc.roles.add(r);
      acc.first = minDate(acc.first, article.date);
      acc.last = maxDate(acc.last, article.date);
    }
  }

  const graph: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
  graph.replaceAttributes({ version: GRAPH_VERSION, articles: sorted.length });
  for (const key of [...nodes.keys()].sort()) {
    const acc = nodes.get(key)!;
    const label = byCountThenLength(acc.names, acc.preferred);
    const attrs: NodeAttributes = {
      label,
      kind: acc.kind,
      aliases: [...acc.forms].filter((f) => f !== label).sort(),
      mentions: acc.articles.size,
      articles: [...acc.articles].sort(),
    };
    if (acc.first) attrs.firstSeen = acc.first;
    if (acc.last) attrs.lastSeen = acc.last;
    if (acc.roles.size) attrs.roles = [...acc.roles].sort();
    graph.addNode(key, attrs);
  }

  for (const { article, extraction } of sorted) {
    for (const r of extraction.relations) {
      let a = localToNode.get(`${article.id}#${r.source}`);
      let b = localToNode.get(`${article.id}#${r.target}`);
      if (!a || !b || a === b) continue;
      const undirected = UNDIRECTED.has(r.kind);
      if (undirected && b < a) [a, b] = [b, a];
      // one committed-to edge per commitment: two pledges to the same topic stay two edges
      const edgeKey = r.kind === 'committed-to' && r.commitment ? `${r.kind}|${a}|${b}|${hash(normaliseName(r.commitment))}` : `${r.kind}|${a}|${b}`;
      const ev = evidenceOf(article, r);
      if (!graph.hasEdge(edgeKey)) {
        const attrs: EdgeAttributes = { kind: r.kind, weight: 0, evidence: [], sources: [] };
        if (undirected) graph.addUndirectedEdgeWithKey(edgeKey, a, b, attrs);
        else graph.addDirectedEdgeWithKey(edgeKey, a, b, attrs);
      }
      const attrs = graph.getEdgeAttributes(edgeKey);
      if (!attrs.evidence.some((x) => x.article === ev.article && x.start === ev.start && x.rule === ev.rule)) attrs.evidence.push(ev);
    }
  }
  graph.forEachEdge((_key, attrs) => {
    attrs.evidence.sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || x.article.localeCompare(y.article) || x.start - y.start);
    const arts = new Set(attrs.evidence.map((e) => e.article));
    attrs.weight = arts.size;
    // distinct outlets, counting the syndicated copies of each story (L'Essor reposted by Maliweb)
    attrs.sources = edgeSources(attrs.evidence, (id) => byId.get(id));
    const dates = attrs.evidence.map((e) => e.date).filter((d): d is string => !!d).sort();
    if (dates.length) {
      attrs.firstSeen = dates[0]!;
      attrs.lastSeen = dates[dates.length - 1]!;
    }
    const roles = attrs.evidence.map((e) => e.role).filter((r): r is string => !!r);
    if (roles.length) attrs.role = mostFrequent(roles);
    const commitment = attrs.evidence.find((e) => e.commitment)?.commitment;
    if (commitment) attrs.commitment = commitment;
    const status = attrs.evidence.filter((e) => e.status).pop()?.status;
    if (status) attrs.status = status;
    const confidence = edgeConfidence(attrs.evidence);
    if (confidence !== undefined) attrs.confidence = confidence;
  });
  return mergeSpellingVariants(graph);
}

/** The evidence a relation of an article gives its edge. */
export function evidenceOf(article: StoredArticle['article'], r: StoredArticle['extraction']['relations'][number]): Evidence {
  const ev: Evidence = { article: article.id, sentence: r.sentence.text, start: r.sentence.start, end: r.sentence.end, rule: r.rule };
  for (const f of ['date', 'source', 'url', 'title'] as const) if (article[f]) ev[f] = article[f];
  if (r.role) ev.role = r.role;
  if (r.commitment) ev.commitment = r.commitment;
  if (r.status) ev.status = r.status;
  if (r.confidence !== undefined) ev.confidence = r.confidence;
  if (r.steps?.length) ev.steps = r.steps;
  if (r.eventDate) {
    ev.eventDate = r.eventDate;
    if (r.eventPrecision) ev.eventPrecision = r.eventPrecision;
  }
  return ev;
}

/** An edge's confidence: one minus the chance that every sentence's reading is wrong. */
export function edgeConfidence(evidence: Evidence[]): number | undefined {
  const confs = evidence.map((e) => e.confidence).filter((c): c is number => c !== undefined);
  return confs.length ? Math.round((1 - confs.reduce((p, c) => p * (1 - c), 1)) * 1000) / 1000 : undefined;
}

export function mostFrequent(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return byCountThenLength(counts);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short deterministic id for a phrase. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
