// The graph as an incremental fold over stored articles: adding one article touches only the components
// and edges it names, and `toGraph()` gives exactly the graph `buildGraph` gives for the same records
// (same node and edge keys, labels, mentions, evidence, and the same insertion order), whatever the order
// in which the articles were added. The store keeps a snapshot of this state (fold.json) and folds the
// articles appended since, so neither ingest nor load rebuilds the graph from every article.
//
// Why each piece of state: buildGraph unions entity keys across all articles (union-find, here merged
// eagerly, smaller into larger), takes a node's kind and lexicon label from the first entity in article-id
// order (kept as the smallest (article, index) seen), its label from name counts, and keeps the first
// evidence per (article, sentence start, rule) in (article, relation index) order (kept as the smallest
// relation index). Node keys and edge keys are computed from the components when the graph is built,
// because a union can change them; two components whose keys slug alike share a node, as in buildGraph.
import Graph from 'graphology';
import type { EdgeAttributes, Evidence, NodeAttributes, NodeKind, RelationKind, StoredArticle } from '../types.js';
import { UNDIRECTED } from '../types.js';
import { outletsOf } from '../clean/duplicates.js';
import { evidenceOf, GRAPH_VERSION, hash, nodeKeyOf, type KGraph } from './attrs.js';
import {
  byCountThenLength,
  compareEvidence,
  edgeFromEvidence,
  edgeKey,
  evidenceKey,
  maxDate,
  minDate,
} from './semantics.js';
import { mergeSpellingVariants } from './variants.js';
import { KIND_PREFIX, normaliseName } from '../text/keys.js';
import { lexiconLabels } from '../nlp/lexicon.js';

/** (article id, index in that article): where an entity or a relation comes in buildGraph's fold order. */
type FoldPosition = [string, number];
const before = (a: FoldPosition, b: FoldPosition | undefined): boolean =>
  !b || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** Entities whose keys were united: one node of the graph (or part of one, when two keys slug alike). */
interface Component {
  members: Set<string>;
  kind?: NodeKind;
  /** The first entity of the component in fold order: it gives the node its kind. */
  firstAt?: FoldPosition;
  names: Map<string, number>;
  forms: Set<string>;
  articles: Set<string>;
  roles: Set<string>;
  firstSeen?: string;
  lastSeen?: string;
  edges: Set<FoldEdge>;
  nodeKey?: string; // cached; reset when members change
}

/** A piece of evidence and the index of its relation in the article's extraction (a tie-break of the order). */
interface HeldEvidence {
  evidence: Evidence;
  relationIndex: number;
}

/** A relation between two components: one edge of the graph (or part of one, when components share a node). */
interface FoldEdge {
  kind: RelationKind;
  source: Component;
  target: Component;
  /** Hash of the commitment for committed-to edges that have one, else ''. */
  pledgeHash: string;
  /** evidenceKey → the first evidence for it. */
  evidence: Map<string, HeldEvidence>;
}

/**
 * fold.json as written on disk. The short field names are the disk format (kept so older and newer
 * kunafoni read each other's snapshots); `encodeComponent`/`decodeComponent` map them to the names above:
 * m members, k kind, at firstAt, n names (name → count), f forms, a articles, r roles, d [firstSeen,
 * lastSeen]; for edges k kind, a/b the indexes of the source/target components, h pledgeHash, e
 * [relationIndex, evidence] pairs.
 */
export interface FoldJSON {
  format: 'kunafoni-fold';
  version: number;
  /** Lexicon labels the fold was made with (query-side loads use them too). */
  labels: Array<[string, string]>;
  articles: string[];
  outlets: Array<[string, string[]]>;
  comps: ComponentJSON[];
  edges: Array<{ k: RelationKind; a: number; b: number; h: string; e: Array<[number, Evidence]> }>;
}

interface ComponentJSON {
  m: string[];
  k?: NodeKind;
  at?: FoldPosition;
  n: Array<[string, number]>;
  f: string[];
  a: string[];
  r: string[];
  d?: [string | null, string | null];
}

export const FOLD_VERSION = 1;

function encodeComponent(c: Component): ComponentJSON {
  const j: ComponentJSON = { m: [...c.members], n: [...c.names], f: [...c.forms], a: [...c.articles], r: [...c.roles] };
  if (c.firstAt) {
    j.k = c.kind!;
    j.at = c.firstAt;
  }
  if (c.firstSeen || c.lastSeen) j.d = [c.firstSeen ?? null, c.lastSeen ?? null];
  return j;
}

function decodeComponent(x: ComponentJSON): Component {
  const c: Component = {
    members: new Set(x.m),
    names: new Map(x.n),
    forms: new Set(x.f),
    articles: new Set(x.a),
    roles: new Set(x.r),
    edges: new Set(),
  };
  if (x.at) {
    c.firstAt = x.at;
    c.kind = x.k!;
  }
  if (x.d?.[0]) c.firstSeen = x.d[0];
  if (x.d?.[1]) c.lastSeen = x.d[1];
  return c;
}

const emptyComponent = (key: string): Component => ({
  members: new Set([key]),
  names: new Map(),
  forms: new Set(),
  articles: new Set(),
  roles: new Set(),
  edges: new Set(),
});

/** What a component says of its entity: names counted, forms, articles and roles, the dates it spans. */
type EntitySummary = Pick<Component, 'names' | 'forms' | 'articles' | 'roles' | 'firstSeen' | 'lastSeen'>;

/** Adds `from`'s summary to `into`: names counted, sets united, dates widened. */
function addSummary(into: EntitySummary, from: EntitySummary): void {
  for (const [n, c] of from.names) into.names.set(n, (into.names.get(n) ?? 0) + c);
  for (const f of from.forms) into.forms.add(f);
  for (const a of from.articles) into.articles.add(a);
  for (const r of from.roles) into.roles.add(r);
  into.firstSeen = minDate(into.firstSeen, from.firstSeen);
  into.lastSeen = maxDate(into.lastSeen, from.lastSeen);
}

/** What the components sharing one node key give that node: names counted, sets united, dates widened. */
function unitedParts(parts: Component[]): EntitySummary {
  if (parts.length === 1) return parts[0]!;
  const out = {
    names: new Map<string, number>(),
    forms: new Set<string>(),
    articles: new Set<string>(),
    roles: new Set<string>(),
    firstSeen: undefined as string | undefined,
    lastSeen: undefined as string | undefined,
  };
  for (const p of parts) addSummary(out, p);
  return out;
}

/** An edge of the graph being built: the fold edges between one pair of nodes, their evidence merged. */
interface OutEdge {
  kind: RelationKind;
  source: string;
  target: string;
  evidence: Map<string, HeldEvidence>;
  firstAt: FoldPosition;
}

/** Evidence in the graph's order; the relation index breaks ties within an article. */
const compareHeld = (x: HeldEvidence, y: HeldEvidence): number =>
  compareEvidence(x.evidence, y.evidence) ||
  (x.evidence.article < y.evidence.article
    ? -1
    : x.evidence.article > y.evidence.article
      ? 1
      : x.relationIndex - y.relationIndex);

export class GraphFold {
  private readonly compOf = new Map<string, Component>();
  private readonly comps = new Set<Component>();
  private readonly edges = new Map<string, FoldEdge>();
  private readonly ids = new Map<Component, number>();
  private nextId = 0;
  /** Ids of the articles folded in. */
  readonly articles = new Set<string>();
  /** Outlets of stories that have syndicated copies (the others' outlet is their evidence's source). */
  private readonly outlets = new Map<string, string[]>();

  /**
   * `labels`: canonical names of lexicon entries; by default the lexicon's own, so every way of opening a
   * store names `org:@boad` as the lexicon does, whether or not its derived files were kept.
   */
  constructor(readonly labels: ReadonlyMap<string, string> = lexiconLabels()) {}

  get count(): number {
    return this.articles.size;
  }

  private id(c: Component): number {
    let i = this.ids.get(c);
    if (i === undefined) this.ids.set(c, (i = this.nextId++));
    return i;
  }

  /** The fold's own key of an edge: by component ids, which (unlike node keys) a union does not change. */
  private signature(kind: RelationKind, a: Component, b: Component, pledgeHash: string): string {
    let ia = this.id(a);
    let ib = this.id(b);
    if (UNDIRECTED.has(kind) && ib < ia) [ia, ib] = [ib, ia];
    return `${kind}|${ia}|${ib}|${pledgeHash}`;
  }

  private comp(key: string): Component {
    let c = this.compOf.get(key);
    if (!c) {
      c = emptyComponent(key);
      this.compOf.set(key, c);
      this.comps.add(c);
    }
    return c;
  }

  /** Merge two components (the smaller into the larger); their edges to a same node merge too. */
  private union(x: Component, y: Component): Component {
    if (x === y) return x;
    const [big, small] = x.members.size + x.edges.size >= y.members.size + y.edges.size ? [x, y] : [y, x];
    for (const k of small.members) {
      big.members.add(k);
      this.compOf.set(k, big);
    }
    big.nodeKey = undefined;
    addSummary(big, small);
    if (small.firstAt && before(small.firstAt, big.firstAt)) {
      big.firstAt = small.firstAt;
      big.kind = small.kind!;
    }
    this.comps.delete(small);
    this.moveEdges(small, big);
    this.ids.delete(small);
    return big;
  }

  /** Re-attach the edges of a component merged away; an edge that now duplicates one gives it its evidence. */
  private moveEdges(small: Component, big: Component): void {
    for (const e of small.edges) {
      this.edges.delete(this.signature(e.kind, e.source, e.target, e.pledgeHash));
      if (e.source === small) e.source = big;
      if (e.target === small) e.target = big;
      const s = this.signature(e.kind, e.source, e.target, e.pledgeHash);
      const there = this.edges.get(s);
      if (there && there !== e) {
        mergeEvidence(there.evidence, e.evidence);
        e.source.edges.delete(e);
        e.target.edges.delete(e);
      } else {
        this.edges.set(s, e);
        big.edges.add(e);
      }
    }
    small.edges.clear();
  }

  /** Fold one stored article in. An article already folded is ignored (records change only through a rebuild). */
  add({ article, extraction }: StoredArticle): void {
    if (this.articles.has(article.id)) return;
    this.articles.add(article.id);
    if (article.syndicated?.length) this.outlets.set(article.id, outletsOf(article));
    const keysOf = (e: (typeof extraction.entities)[number]) =>
      e.keys.length ? e.keys : [`${KIND_PREFIX[e.kind]}:${e.name}`];
    for (const e of extraction.entities) {
      const keys = keysOf(e);
      let c = this.comp(keys[0]!);
      for (const k of keys) c = this.union(c, this.comp(k));
    }
    const local = new Map<string, Component>();
    extraction.entities.forEach((e, i) => {
      const c = this.compOf.get(keysOf(e)[0]!)!;
      local.set(e.id, c);
      const at: FoldPosition = [article.id, i];
      if (before(at, c.firstAt)) {
        c.firstAt = at;
        c.kind = e.kind;
      }
      c.names.set(e.name, (c.names.get(e.name) ?? 0) + 1);
      c.forms.add(e.name);
      for (const f of e.forms) c.forms.add(f);
      c.articles.add(article.id);
      for (const r of e.roles) c.roles.add(r);
      c.firstSeen = minDate(c.firstSeen, article.date);
      c.lastSeen = maxDate(c.lastSeen, article.date);
    });
    extraction.relations.forEach((r, relationIndex) => {
      const a = local.get(r.source);
      const b = local.get(r.target);
      if (!a || !b || a === b) return; // a self-loop between two components of one node is dropped in toGraph
      const pledgeHash = r.kind === 'committed-to' && r.commitment ? hash(normaliseName(r.commitment)) : '';
      const evidence = evidenceOf(article, r);
      const s = this.signature(r.kind, a, b, pledgeHash);
      let e = this.edges.get(s);
      if (!e) {
        e = { kind: r.kind, source: a, target: b, pledgeHash, evidence: new Map() };
        this.edges.set(s, e);
        a.edges.add(e);
        b.edges.add(e);
      }
      const k = evidenceKey(evidence);
      if (!e.evidence.has(k)) e.evidence.set(k, { evidence, relationIndex });
    });
  }

  /** A story's syndicated copies changed (its text did not): the outlets its edges count change. */
  setOutlets(article: StoredArticle['article']): void {
    if (article.syndicated?.length) this.outlets.set(article.id, outletsOf(article));
    else this.outlets.delete(article.id);
  }

  private nodeKey(c: Component): string {
    return (c.nodeKey ??= nodeKeyOf([...c.members]));
  }

  /** The graph buildGraph would give for the folded articles. */
  toGraph(): KGraph {
    const graph: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
    graph.replaceAttributes({ version: GRAPH_VERSION, articles: this.articles.size });
    this.addNodes(graph);
    this.addEdges(graph);
    return mergeSpellingVariants(graph);
  }

  /** One node per node key, in key order; the component seen first leads (kind, lexicon label). */
  private addNodes(graph: KGraph): void {
    const nodes = new Map<string, { lead: Component; parts: Component[] }>();
    for (const c of this.comps) {
      if (!c.firstAt) continue;
      const key = this.nodeKey(c);
      const n = nodes.get(key);
      if (!n) nodes.set(key, { lead: c, parts: [c] });
      else {
        n.parts.push(c);
        if (before(c.firstAt, n.lead.firstAt)) n.lead = c;
      }
    }
    for (const key of [...nodes.keys()].sort()) {
      const { lead, parts } = nodes.get(key)!;
      graph.addNode(key, this.nodeAttributes(lead, parts));
    }
  }

  private nodeAttributes(lead: Component, parts: Component[]): NodeAttributes {
    const lexKey = [...lead.members].sort().find((k) => k.includes(':@'));
    const preferred = lexKey ? this.labels.get(lexKey) : undefined;
    const { names, forms, articles, roles, firstSeen, lastSeen } = unitedParts(parts);
    const label = byCountThenLength(names, preferred);
    const attrs: NodeAttributes = {
      label,
      kind: lead.kind!,
      aliases: [...forms].filter((f) => f !== label).sort(),
      mentions: articles.size,
      articles: [...articles].sort(),
    };
    if (firstSeen) attrs.firstSeen = firstSeen;
    if (lastSeen) attrs.lastSeen = lastSeen;
    if (roles.size) attrs.roles = [...roles].sort();
    return attrs;
  }

  /** One edge per edge key, in the order of the first relation that gives it. */
  private addEdges(graph: KGraph): void {
    const out = new Map<string, OutEdge>();
    for (const e of this.edges.values()) {
      const a = this.nodeKey(e.source);
      const b = this.nodeKey(e.target);
      if (a === b) continue;
      const key = edgeKey(e.kind, a, b, e.pledgeHash || undefined);
      const [source, target] = UNDIRECTED.has(e.kind) && b < a ? [b, a] : [a, b];
      const o = out.get(key);
      if (!o) out.set(key, { kind: e.kind, source, target, evidence: new Map(e.evidence), firstAt: ['\uffff', 0] });
      else mergeEvidence(o.evidence, e.evidence);
    }
    for (const o of out.values())
      for (const { evidence, relationIndex } of o.evidence.values()) {
        const at: FoldPosition = [evidence.article, relationIndex];
        if (before(at, o.firstAt)) o.firstAt = at;
      }
    const order = [...out.entries()].sort(([, x], [, y]) => (before(x.firstAt, y.firstAt) ? -1 : 1));
    for (const [key, o] of order) {
      const attrs = this.edgeAttributes(o);
      if (UNDIRECTED.has(o.kind)) graph.addUndirectedEdgeWithKey(key, o.source, o.target, attrs);
      else graph.addDirectedEdgeWithKey(key, o.source, o.target, attrs);
    }
  }

  private edgeAttributes(o: OutEdge): EdgeAttributes {
    const evidence = [...o.evidence.values()].sort(compareHeld).map((x) => ({ ...x.evidence }));
    const sources = new Set<string>();
    for (const ev of evidence) {
      if (ev.source) sources.add(ev.source);
      for (const s of this.outlets.get(ev.article) ?? []) sources.add(s);
    }
    return edgeFromEvidence({ kind: o.kind }, evidence, [...sources].sort());
  }

  toJSON(): FoldJSON {
    const index = new Map<Component, number>();
    const comps: ComponentJSON[] = [];
    for (const c of this.comps) {
      index.set(c, comps.length);
      comps.push(encodeComponent(c));
    }
    const edges: FoldJSON['edges'] = [];
    for (const e of this.edges.values())
      edges.push({
        k: e.kind,
        a: index.get(e.source)!,
        b: index.get(e.target)!,
        h: e.pledgeHash,
        e: [...e.evidence.values()].map((x) => [x.relationIndex, x.evidence]),
      });
    return {
      format: 'kunafoni-fold',
      version: FOLD_VERSION,
      labels: [...this.labels],
      articles: [...this.articles],
      outlets: [...this.outlets],
      comps,
      edges,
    };
  }

  static fromJSON(j: FoldJSON): GraphFold {
    if (j?.format !== 'kunafoni-fold' || j.version !== FOLD_VERSION)
      throw new Error('not a fold snapshot of this version');
    const fold = new GraphFold(new Map(j.labels));
    for (const a of j.articles) fold.articles.add(a);
    for (const [id, o] of j.outlets) fold.outlets.set(id, o);
    const comps = j.comps.map((x) => {
      const c = decodeComponent(x);
      for (const k of c.members) fold.compOf.set(k, c);
      fold.comps.add(c);
      return c;
    });
    for (const x of j.edges) {
      const e: FoldEdge = {
        kind: x.k,
        source: comps[x.a]!,
        target: comps[x.b]!,
        pledgeHash: x.h,
        evidence: new Map(x.e.map(([relationIndex, evidence]) => [evidenceKey(evidence), { evidence, relationIndex }])),
      };
      fold.edges.set(fold.signature(e.kind, e.source, e.target, e.pledgeHash), e);
      e.source.edges.add(e);
      e.target.edges.add(e);
    }
    return fold;
  }

  /** Fold every record (what a rebuild does). */
  static of(records: Iterable<StoredArticle>, labels?: ReadonlyMap<string, string>): GraphFold {
    const fold = new GraphFold(labels);
    for (const r of records) fold.add(r);
    return fold;
  }
}

/** Merge evidence maps: for one (article, start, rule) the evidence of the earliest relation wins. */
function mergeEvidence(into: Map<string, HeldEvidence>, from: Map<string, HeldEvidence>): void {
  for (const [k, x] of from) {
    const y = into.get(k);
    if (!y || x.relationIndex < y.relationIndex) into.set(k, x);
  }
}
