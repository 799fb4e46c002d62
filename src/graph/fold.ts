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
import {
  byCountThenLength,
  edgeConfidence,
  evidenceOf,
  GRAPH_VERSION,
  hash,
  maxDate,
  minDate,
  mostFrequent,
  nodeKeyOf,
  type KGraph,
} from './attrs.js';
import { mergeSpellingVariants } from './variants.js';
import { KIND_PREFIX, normaliseName } from '../text/keys.js';
import { lexiconLabels } from '../nlp/lexicon.js';

/** (article id, entity index): the position of an entity in buildGraph's fold order. */
type At = [string, number];
const before = (a: At, b: At | undefined): boolean => !b || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

interface Comp {
  members: Set<string>;
  kind?: NodeKind;
  at?: At;
  names: Map<string, number>;
  forms: Set<string>;
  articles: Set<string>;
  roles: Set<string>;
  first?: string;
  last?: string;
  edges: Set<FEdge>;
  nodeKey?: string; // cached; reset when members change
}

interface Ev {
  ev: Evidence;
  /** Index of the relation in its article's extraction. */
  rel: number;
}

interface FEdge {
  kind: RelationKind;
  a: Comp;
  b: Comp;
  /** Hash of the commitment for committed-to edges that have one, else ''. */
  h: string;
  /** (article, start, rule) → the first evidence for it. */
  ev: Map<string, Ev>;
}

export interface FoldJSON {
  format: 'kunafoni-fold';
  version: number;
  /** Lexicon labels the fold was made with (query-side loads use them too). */
  labels: Array<[string, string]>;
  articles: string[];
  outlets: Array<[string, string[]]>;
  comps: Array<{
    m: string[];
    k?: NodeKind;
    at?: At;
    n: Array<[string, number]>;
    f: string[];
    a: string[];
    r: string[];
    d?: [string | null, string | null];
  }>;
  edges: Array<{ k: RelationKind; a: number; b: number; h: string; e: Array<[number, Evidence]> }>;
}

export const FOLD_VERSION = 1;

const evKey = (ev: Pick<Evidence, 'article' | 'start' | 'rule'>) => `${ev.article}|${ev.start}|${ev.rule}`;

export class GraphFold {
  private readonly compOf = new Map<string, Comp>();
  private readonly comps = new Set<Comp>();
  private readonly edges = new Map<string, FEdge>();
  private readonly ids = new Map<Comp, number>();
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

  private id(c: Comp): number {
    let i = this.ids.get(c);
    if (i === undefined) this.ids.set(c, (i = this.nextId++));
    return i;
  }

  private sig(kind: RelationKind, a: Comp, b: Comp, h: string): string {
    let ia = this.id(a);
    let ib = this.id(b);
    if (UNDIRECTED.has(kind) && ib < ia) [ia, ib] = [ib, ia];
    return `${kind}|${ia}|${ib}|${h}`;
  }

  private comp(key: string): Comp {
    let c = this.compOf.get(key);
    if (!c) {
      c = {
        members: new Set([key]),
        names: new Map(),
        forms: new Set(),
        articles: new Set(),
        roles: new Set(),
        edges: new Set(),
      };
      this.compOf.set(key, c);
      this.comps.add(c);
    }
    return c;
  }

  /** Merge two components (the smaller into the larger); their edges to a same node merge too. */
  private union(x: Comp, y: Comp): Comp {
    if (x === y) return x;
    const [big, small] = x.members.size + x.edges.size >= y.members.size + y.edges.size ? [x, y] : [y, x];
    for (const k of small.members) {
      big.members.add(k);
      this.compOf.set(k, big);
    }
    big.nodeKey = undefined;
    for (const [n, c] of small.names) big.names.set(n, (big.names.get(n) ?? 0) + c);
    for (const f of small.forms) big.forms.add(f);
    for (const a of small.articles) big.articles.add(a);
    for (const r of small.roles) big.roles.add(r);
    big.first = minDate(big.first, small.first);
    big.last = maxDate(big.last, small.last);
    if (small.at && before(small.at, big.at)) {
      big.at = small.at;
      big.kind = small.kind!;
    }
    this.comps.delete(small);
    for (const e of small.edges) {
      this.edges.delete(this.sig(e.kind, e.a, e.b, e.h));
      if (e.a === small) e.a = big;
      if (e.b === small) e.b = big;
      const s = this.sig(e.kind, e.a, e.b, e.h);
      const there = this.edges.get(s);
      if (there && there !== e) {
        mergeEvidence(there.ev, e.ev);
        e.a.edges.delete(e);
        e.b.edges.delete(e);
      } else {
        this.edges.set(s, e);
        big.edges.add(e);
      }
    }
    small.edges.clear();
    this.ids.delete(small);
    return big;
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
    const local = new Map<string, Comp>();
    extraction.entities.forEach((e, i) => {
      const c = this.compOf.get(keysOf(e)[0]!)!;
      local.set(e.id, c);
      const at: At = [article.id, i];
      if (before(at, c.at)) {
        c.at = at;
        c.kind = e.kind;
      }
      c.names.set(e.name, (c.names.get(e.name) ?? 0) + 1);
      c.forms.add(e.name);
      for (const f of e.forms) c.forms.add(f);
      c.articles.add(article.id);
      for (const r of e.roles) c.roles.add(r);
      c.first = minDate(c.first, article.date);
      c.last = maxDate(c.last, article.date);
    });
    extraction.relations.forEach((r, rel) => {
      const a = local.get(r.source);
      const b = local.get(r.target);
      if (!a || !b || a === b) return; // a self-loop between two components of one node is dropped in toGraph
      const h = r.kind === 'committed-to' && r.commitment ? hash(normaliseName(r.commitment)) : '';
      const ev = evidenceOf(article, r);
      const s = this.sig(r.kind, a, b, h);
      let e = this.edges.get(s);
      if (!e) {
        e = { kind: r.kind, a, b, h, ev: new Map() };
        this.edges.set(s, e);
        a.edges.add(e);
        b.edges.add(e);
      }
      const k = evKey(ev);
      if (!e.ev.has(k)) e.ev.set(k, { ev, rel });
    });
  }

  /** A story's syndicated copies changed (its text did not): the outlets its edges count change. */
  setOutlets(article: StoredArticle['article']): void {
    if (article.syndicated?.length) this.outlets.set(article.id, outletsOf(article));
    else this.outlets.delete(article.id);
  }

  private nodeKey(c: Comp): string {
    return (c.nodeKey ??= nodeKeyOf([...c.members]));
  }

  /** The graph buildGraph would give for the folded articles. */
  toGraph(): KGraph {
    interface Node {
      lead: Comp;
      parts: Comp[];
    }
    const nodes = new Map<string, Node>();
    for (const c of this.comps) {
      if (!c.at) continue;
      const key = this.nodeKey(c);
      const n = nodes.get(key);
      if (!n) nodes.set(key, { lead: c, parts: [c] });
      else {
        n.parts.push(c);
        if (before(c.at, n.lead.at)) n.lead = c;
      }
    }
    const graph: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
    graph.replaceAttributes({ version: GRAPH_VERSION, articles: this.articles.size });
    for (const key of [...nodes.keys()].sort()) {
      const { lead, parts } = nodes.get(key)!;
      const lexKey = [...lead.members].sort().find((k) => k.includes(':@'));
      const preferred = lexKey ? this.labels.get(lexKey) : undefined;
      let names = lead.names;
      let forms = lead.forms;
      let articles = lead.articles;
      let roles = lead.roles;
      let first = lead.first;
      let last = lead.last;
      if (parts.length > 1) {
        names = new Map();
        forms = new Set();
        articles = new Set();
        roles = new Set();
        for (const p of parts) {
          for (const [n, c] of p.names) names.set(n, (names.get(n) ?? 0) + c);
          for (const f of p.forms) forms.add(f);
          for (const a of p.articles) articles.add(a);
          for (const r of p.roles) roles.add(r);
          first = minDate(first, p.first);
          last = maxDate(last, p.last);
        }
      }
      const label = byCountThenLength(names, preferred);
      const attrs: NodeAttributes = {
        label,
        kind: lead.kind!,
        aliases: [...forms].filter((f) => f !== label).sort(),
        mentions: articles.size,
        articles: [...articles].sort(),
      };
      if (first) attrs.firstSeen = first;
      if (last) attrs.lastSeen = last;
      if (roles.size) attrs.roles = [...roles].sort();
      graph.addNode(key, attrs);
    }

    interface Out {
      kind: RelationKind;
      a: string;
      b: string;
      ev: Map<string, Ev>;
      firstAt: At;
    }
    const out = new Map<string, Out>();
    for (const e of this.edges.values()) {
      let a = this.nodeKey(e.a);
      let b = this.nodeKey(e.b);
      if (a === b) continue;
      if (UNDIRECTED.has(e.kind) && b < a) [a, b] = [b, a];
      const key = e.h ? `${e.kind}|${a}|${b}|${e.h}` : `${e.kind}|${a}|${b}`;
      const o = out.get(key);
      if (!o) out.set(key, { kind: e.kind, a, b, ev: new Map(e.ev), firstAt: ['\uffff', 0] });
      else mergeEvidence(o.ev, e.ev);
    }
    for (const o of out.values())
      for (const { ev, rel } of o.ev.values()) {
        const at: At = [ev.article, rel];
        if (before(at, o.firstAt)) o.firstAt = at;
      }
    const order = [...out.entries()].sort(([, x], [, y]) => (before(x.firstAt, y.firstAt) ? -1 : 1));
    for (const [key, o] of order) {
      const evs = [...o.ev.values()].sort(
        (x, y) =>
          (x.ev.date ?? '').localeCompare(y.ev.date ?? '') ||
          x.ev.article.localeCompare(y.ev.article) ||
          x.ev.start - y.ev.start ||
          (x.ev.article < y.ev.article ? -1 : x.ev.article > y.ev.article ? 1 : x.rel - y.rel),
      );
      const evidence = evs.map((x) => ({ ...x.ev }));
      const attrs: EdgeAttributes = { kind: o.kind, weight: 0, evidence, sources: [] };
      attrs.weight = new Set(evidence.map((e) => e.article)).size;
      const sources = new Set<string>();
      for (const ev of evidence) {
        if (ev.source) sources.add(ev.source);
        for (const s of this.outlets.get(ev.article) ?? []) sources.add(s);
      }
      attrs.sources = [...sources].sort();
      const dates = evidence
        .map((e) => e.date)
        .filter((d): d is string => !!d)
        .sort();
      if (dates.length) {
        attrs.firstSeen = dates[0]!;
        attrs.lastSeen = dates[dates.length - 1]!;
      }
      const roles = evidence.map((e) => e.role).filter((r): r is string => !!r);
      if (roles.length) attrs.role = mostFrequent(roles);
      const commitment = evidence.find((e) => e.commitment)?.commitment;
      if (commitment) attrs.commitment = commitment;
      const status = evidence.filter((e) => e.status).pop()?.status;
      if (status) attrs.status = status;
      const confidence = edgeConfidence(evidence);
      if (confidence !== undefined) attrs.confidence = confidence;
      if (UNDIRECTED.has(o.kind)) graph.addUndirectedEdgeWithKey(key, o.a, o.b, attrs);
      else graph.addDirectedEdgeWithKey(key, o.a, o.b, attrs);
    }
    return mergeSpellingVariants(graph);
  }

  toJSON(): FoldJSON {
    const index = new Map<Comp, number>();
    const comps: FoldJSON['comps'] = [];
    for (const c of this.comps) {
      index.set(c, comps.length);
      const j: FoldJSON['comps'][number] = {
        m: [...c.members],
        n: [...c.names],
        f: [...c.forms],
        a: [...c.articles],
        r: [...c.roles],
      };
      if (c.at) ((j.k = c.kind!), (j.at = c.at));
      if (c.first || c.last) j.d = [c.first ?? null, c.last ?? null];
      comps.push(j);
    }
    const edges: FoldJSON['edges'] = [];
    for (const e of this.edges.values())
      edges.push({
        k: e.kind,
        a: index.get(e.a)!,
        b: index.get(e.b)!,
        h: e.h,
        e: [...e.ev.values()].map((x) => [x.rel, x.ev]),
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
      const c: Comp = {
        members: new Set(x.m),
        names: new Map(x.n),
        forms: new Set(x.f),
        articles: new Set(x.a),
        roles: new Set(x.r),
        edges: new Set(),
      };
      if (x.at) ((c.at = x.at), (c.kind = x.k!));
      if (x.d?.[0]) c.first = x.d[0];
      if (x.d?.[1]) c.last = x.d[1];
      for (const k of c.members) fold.compOf.set(k, c);
      fold.comps.add(c);
      return c;
    });
    for (const x of j.edges) {
      const e: FEdge = {
        kind: x.k,
        a: comps[x.a]!,
        b: comps[x.b]!,
        h: x.h,
        ev: new Map(x.e.map(([rel, ev]) => [evKey(ev), { ev, rel }])),
      };
      fold.edges.set(fold.sig(e.kind, e.a, e.b, e.h), e);
      e.a.edges.add(e);
      e.b.edges.add(e);
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
function mergeEvidence(into: Map<string, Ev>, from: Map<string, Ev>): void {
  for (const [k, x] of from) {
    const y = into.get(k);
    if (!y || x.rel < y.rel) into.set(k, x);
  }
}
