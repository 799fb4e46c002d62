// Curation: a researcher's corrections (merge, rename, retype, delete, split, verify), applied to the
// graph that buildGraph derives from the stored articles. Decisions name entities by their node key
// plus the label and kind they had when the decision was taken, so a decision re-applies after any
// re-ingest: by key first, then (when new articles changed the key) by that name. A decision that finds
// nothing to apply to is reported as stale, never dropped silently.
//
//     const { graph, report } = applyCuration(buildGraph(articles), decisions);
//
// Pure: the input graph is not modified; the same graph and decisions always give the same result.
import type { KGraph } from '../graph/build.js';
import { KIND_PREFIX, normaliseName, slug } from '../text/keys.js';
import type { EdgeAttributes, Evidence, NodeAttributes, NodeKind, RelationKind } from '../types.js';
import { RELATION_KINDS, UNDIRECTED } from '../types.js';
import { edgeFromEvidence, mergeNodes, putEdge, rekeyEdge } from '../graph/semantics.js';

export const NODE_KINDS: readonly NodeKind[] = ['person', 'organisation', 'topic', 'place'];
export const CURATION_OPS = ['merge', 'rename', 'retype', 'delete', 'delete-relation', 'split', 'verify'] as const;
export type CurationOp = (typeof CURATION_OPS)[number];

/** An entity as the researcher saw it when deciding: its node key, label and kind at that time. */
export interface EntityRef {
  key: string;
  label: string;
  kind: NodeKind;
}

/** A relation as the researcher saw it: its edge key, kind and ends (and the pledge, for committed-to). */
export interface RelationRef {
  key: string;
  kind: RelationKind;
  source: EntityRef;
  target: EntityRef;
  commitment?: string;
}

interface DecisionBase {
  /** Short id, unique in the file (`kunafoni curate undo <id>`). */
  id: string;
  /** ISO timestamp of the decision. */
  date: string;
  author: string;
  note?: string;
}

export type Decision = DecisionBase &
  (
    | { op: 'merge'; entity: EntityRef; into: EntityRef }
    | { op: 'rename'; entity: EntityRef; label: string }
    | { op: 'retype'; entity: EntityRef; kind: NodeKind }
    | { op: 'delete'; entity: EntityRef }
    | { op: 'delete-relation'; relation: RelationRef }
    | { op: 'split'; entity: EntityRef; alias: string; kind?: NodeKind }
    | { op: 'verify'; relation: RelationRef }
  );

/** What became of one decision on this graph. */
export interface DecisionOutcome {
  id: string;
  op: CurationOp;
  status: 'applied' | 'stale';
  /** What was done, or why nothing could be done. */
  message: string;
  /** Node or edge keys the decision touched (after resolution). */
  keys: string[];
}

export interface CurationReport {
  decisions: number;
  applied: number;
  stale: DecisionOutcome[];
  outcomes: DecisionOutcome[];
}

// ---------------------------------------------------------------------------------------------
// helpers over evidence and attributes

const sortedUnion = (...lists: (readonly string[] | undefined)[]) => [...new Set(lists.flatMap((l) => l ?? []))].sort();

/** Does `text` contain `name` as whole words (accents, case and apostrophes aside)? */
export function containsName(text: string, name: string): boolean {
  const n = normaliseName(name);
  return !!n && ` ${normaliseName(text)} `.includes(` ${n} `);
}

// ---------------------------------------------------------------------------------------------
// resolution of references against the graph being curated

interface State {
  g: KGraph;
  /** Node keys merged away → the key they were merged into. */
  redirects: Map<string, string>;
  /** Node keys deleted → the decision that deleted them. */
  deleted: Map<string, string>;
}

type Found<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

const shown = (r: { label: string; key: string }) => `"${r.label}" (${r.key})`;

function follow(st: State, key: string): string {
  const seen = new Set<string>();
  while (st.redirects.has(key) && !seen.has(key)) {
    seen.add(key);
    key = st.redirects.get(key)!;
  }
  return key;
}

/** The node an EntityRef designates now: its key (following merges), else a node carrying its name. */
export function findEntity(st: State, ref: EntityRef): Found<string> {
  const key = follow(st, ref.key);
  if (st.g.hasNode(key)) return { ok: true, value: key };
  if (st.deleted.has(key))
    return { ok: false, message: `${shown(ref)} was deleted by decision ${st.deleted.get(key)}` };
  // the key changed (new articles joined it to another entity): look for the name it had
  const norm = normaliseName(ref.label);
  const hits: { key: string; rank: number; mentions: number }[] = [];
  st.g.forEachNode((k, a) => {
    if (normaliseName(a.label) === norm) hits.push({ key: k, rank: a.kind === ref.kind ? 0 : 2, mentions: a.mentions });
    else if ((a.aliases ?? []).some((x) => normaliseName(x) === norm))
      hits.push({ key: k, rank: a.kind === ref.kind ? 1 : 3, mentions: a.mentions });
  });
  hits.sort((x, y) => x.rank - y.rank || y.mentions - x.mentions || (x.key < y.key ? -1 : 1));
  const best = hits[0];
  if (best && best.rank < 2) return { ok: true, value: best.key, note: `found by name as ${best.key}` };
  return { ok: false, message: `${shown(ref)} is no longer in the graph (no entity has that key or name)` };
}

/** The edge a RelationRef designates now: its key, else the relation of that kind between the (resolved) ends. */
function findRelation(st: State, ref: RelationRef): Found<string> {
  if (st.g.hasEdge(ref.key)) return { ok: true, value: ref.key };
  const s = findEntity(st, ref.source);
  if (!s.ok) return s;
  const t = findEntity(st, ref.target);
  if (!t.ok) return t;
  const undirected = UNDIRECTED.has(ref.kind);
  const candidates = (undirected ? st.g.edges(s.value, t.value) : st.g.outEdges(s.value, t.value)).filter(
    (e) => st.g.getEdgeAttribute(e, 'kind') === ref.kind,
  );
  const rekeyed = rekeyEdge(ref.key, ref.kind, s.value, t.value);
  const pledge = ref.commitment ? normaliseName(ref.commitment) : undefined;
  const best =
    candidates.find((e) => e === rekeyed) ??
    candidates.find(
      (e) => pledge !== undefined && normaliseName(st.g.getEdgeAttribute(e, 'commitment') ?? '') === pledge,
    ) ??
    (pledge === undefined ? [...candidates].sort()[0] : undefined);
  if (best) return { ok: true, value: best, note: `found as ${best}` };
  return {
    ok: false,
    message: `the ${ref.kind} relation ${shown(ref.source)} — ${shown(ref.target)} is no longer in the graph`,
  };
}

// ---------------------------------------------------------------------------------------------
// the operations

function merge(st: State, gone: string, keep: string): string {
  const [a, b] = [st.g.getNodeAttributes(keep), st.g.getNodeAttributes(gone)];
  const { moved, dropped } = mergeNodes(st.g, gone, keep, 'keep');
  st.redirects.set(gone, keep);
  const between = dropped ? `, ${dropped} between the two dropped` : '';
  return `merged "${b.label}" into "${a.label}" (${moved} relation(s) moved${between})`;
}

function rename(g: KGraph, key: string, label: string): string {
  const { label: was, aliases } = g.getNodeAttributes(key);
  if (was === label) return `"${label}" already has that name`;
  g.mergeNodeAttributes(key, { label, aliases: sortedUnion(aliases, [was]).filter((x) => x !== label) });
  return `renamed "${was}" to "${label}"`;
}

function split(st: State, key: string, alias: string, kind: NodeKind | undefined): Found<string> {
  const g = st.g;
  const a = g.getNodeAttributes(key);
  const norm = normaliseName(alias);
  const forms = (a.aliases ?? []).filter((x) => normaliseName(x) === norm);
  if (!forms.length) return { ok: false, message: `"${a.label}" (${key}) no longer has the alias "${alias}"` };
  const newKind = kind ?? a.kind;
  const base = `${KIND_PREFIX[newKind]}:${slug(alias)}`;
  let newKey = base;
  for (let i = 2; g.hasNode(newKey); i++) newKey = `${base}-${i}`;
  const remaining = [a.label, ...(a.aliases ?? []).filter((x) => normaliseName(x) !== norm)];
  // evidence naming the alias and none of the entity's other names is about the split-off entity
  const isAboutAlias = (ev: Evidence) =>
    containsName(ev.sentence, alias) &&
    !remaining.some((n) => normaliseName(n) !== norm && containsName(ev.sentence, n));
  const movedEvidence: Evidence[] = [];
  const plans: {
    e: string;
    attrs: EdgeAttributes;
    s: string;
    t: string;
    moved: Evidence[];
    kept: Evidence[];
  }[] = [];
  for (const e of g.edges(key)) {
    const attrs = g.getEdgeAttributes(e);
    const moved = attrs.evidence.filter(isAboutAlias);
    if (!moved.length) continue;
    plans.push({
      e,
      attrs,
      s: g.source(e),
      t: g.target(e),
      moved,
      kept: attrs.evidence.filter((x) => !isAboutAlias(x)),
    });
    movedEvidence.push(...moved);
  }
  const articles = sortedUnion(movedEvidence.map((x) => x.article));
  const dates = movedEvidence
    .map((x) => x.date)
    .filter((d): d is string => !!d)
    .sort();
  const attrs: NodeAttributes = {
    label: forms.sort((x, y) => y.length - x.length)[0]!,
    kind: newKind,
    aliases: forms.slice(1),
    mentions: articles.length,
    articles,
  };
  if (dates.length) {
    attrs.firstSeen = dates[0]!;
    attrs.lastSeen = dates[dates.length - 1]!;
  }
  g.addNode(newKey, attrs);
  g.setNodeAttribute(
    key,
    'aliases',
    (a.aliases ?? []).filter((x) => normaliseName(x) !== norm),
  );
  const outletsOf = (evidence: Evidence[]) =>
    sortedUnion(evidence.map((x) => x.source).filter((s): s is string => !!s));
  for (const p of plans) {
    const s = p.s === key ? newKey : p.s;
    const t = p.t === key ? newKey : p.t;
    if (p.kept.length) {
      const otherOutlets = new Set(p.kept.map((x) => x.source));
      const keptSources = p.attrs.sources.filter(
        (src) => otherOutlets.has(src) || !p.moved.some((x) => x.source === src),
      );
      g.replaceEdgeAttributes(p.e, edgeFromEvidence(p.attrs, p.kept, keptSources));
    } else g.dropEdge(p.e);
    putEdge(g, rekeyEdge(p.e, p.attrs.kind, s, t), s, t, edgeFromEvidence(p.attrs, p.moved, outletsOf(p.moved)));
  }
  return {
    ok: true,
    value: `split "${attrs.label}" off "${a.label}" as ${newKey} (${plans.length} relation(s) with evidence naming it)`,
    note: newKey,
  };
}

function applyOne(st: State, d: Decision): DecisionOutcome {
  const g = st.g;
  const out = (status: DecisionOutcome['status'], message: string, keys: string[] = []): DecisionOutcome => ({
    id: d.id,
    op: d.op,
    status,
    message,
    keys,
  });
  const withNote = (msg: string, ...notes: (string | undefined)[]) => {
    const n = notes.filter(Boolean);
    return n.length ? `${msg} [${n.join('; ')}]` : msg;
  };
  switch (d.op) {
    case 'merge': {
      const gone = findEntity(st, d.entity);
      if (!gone.ok) return out('stale', gone.message);
      const keep = findEntity(st, d.into);
      if (!keep.ok) return out('stale', keep.message);
      if (gone.value === keep.value)
        return out('applied', `${shown(d.entity)} and ${shown(d.into)} are already one entity`, [keep.value]);
      return out('applied', withNote(merge(st, gone.value, keep.value), gone.note, keep.note), [keep.value]);
    }
    case 'rename': {
      const f = findEntity(st, d.entity);
      if (!f.ok) return out('stale', f.message);
      return out('applied', withNote(rename(g, f.value, d.label), f.note), [f.value]);
    }
    case 'retype': {
      const f = findEntity(st, d.entity);
      if (!f.ok) return out('stale', f.message);
      const was = g.getNodeAttribute(f.value, 'kind');
      g.setNodeAttribute(f.value, 'kind', d.kind);
      return out(
        'applied',
        withNote(
          `"${g.getNodeAttribute(f.value, 'label')}" is a ${d.kind}${was === d.kind ? ' (already)' : ` (was ${was})`}`,
          f.note,
        ),
        [f.value],
      );
    }
    case 'delete': {
      const f = findEntity(st, d.entity);
      if (!f.ok) return out('stale', f.message);
      const edges = g.degree(f.value);
      const label = g.getNodeAttribute(f.value, 'label');
      g.dropNode(f.value);
      st.deleted.set(f.value, d.id);
      if (f.value !== d.entity.key) st.deleted.set(d.entity.key, d.id);
      return out('applied', withNote(`deleted "${label}" and its ${edges} relation(s)`, f.note), [f.value]);
    }
    case 'delete-relation': {
      const f = findRelation(st, d.relation);
      if (!f.ok) return out('stale', f.message);
      const [s, t] = g.extremities(f.value).map((k) => g.getNodeAttribute(k, 'label'));
      g.dropEdge(f.value);
      return out('applied', withNote(`deleted the ${d.relation.kind} relation "${s}" — "${t}"`, f.note), [f.value]);
    }
    case 'split': {
      const f = findEntity(st, d.entity);
      if (!f.ok) return out('stale', f.message);
      const r = split(st, f.value, d.alias, d.kind);
      if (!r.ok) return out('stale', r.message);
      return out('applied', withNote(r.value, f.note), [f.value, r.note!]);
    }
    case 'verify': {
      const f = findRelation(st, d.relation);
      if (!f.ok) return out('stale', f.message);
      g.mergeEdgeAttributes(f.value, { verified: true, verifiedBy: d.author, verifiedDate: d.date.slice(0, 10) });
      const [s, t] = g.extremities(f.value).map((k) => g.getNodeAttribute(k, 'label'));
      return out('applied', withNote(`verified the ${d.relation.kind} relation "${s}" — "${t}"`, f.note), [f.value]);
    }
  }
}

/**
 * Apply decisions, in order, to a copy of `graph`. Each decision resolves its entities against the
 * graph as the previous decisions left it (a rename after a merge finds the merged entity).
 */
export function applyCuration(
  graph: KGraph,
  decisions: readonly Decision[],
): { graph: KGraph; report: CurationReport } {
  const st: State = { g: graph.copy() as KGraph, redirects: new Map(), deleted: new Map() };
  const outcomes = decisions.map((d) => applyOne(st, d));
  const stale = outcomes.filter((o) => o.status === 'stale');
  return {
    graph: st.g,
    report: { decisions: decisions.length, applied: outcomes.length - stale.length, stale, outcomes },
  };
}

export const isNodeKind = (v: unknown): v is NodeKind =>
  typeof v === 'string' && (NODE_KINDS as readonly string[]).includes(v);
export const isRelationKind = (v: unknown): v is RelationKind =>
  typeof v === 'string' && (RELATION_KINDS as readonly string[]).includes(v);

const named = (r: EntityRef) => `"${r.label}" (${r.key})`;

/** One line saying what a decision does, for lists and messages. */
export function describeDecision(d: Decision): string {
  switch (d.op) {
    case 'merge':
      return `merge ${named(d.entity)} into ${named(d.into)}`;
    case 'rename':
      return `rename ${named(d.entity)} to "${d.label}"`;
    case 'retype':
      return `retype ${named(d.entity)} from ${d.entity.kind} to ${d.kind}`;
    case 'delete':
      return `delete ${named(d.entity)}`;
    case 'delete-relation':
      return `delete the ${d.relation.kind} relation ${named(d.relation.source)} — ${named(d.relation.target)}`;
    case 'split':
      return `split "${d.alias}" off ${named(d.entity)}${d.kind ? ` as a ${d.kind}` : ''}`;
    case 'verify':
      return `verify the ${d.relation.kind} relation ${named(d.relation.source)} — ${named(d.relation.target)}`;
  }
}
