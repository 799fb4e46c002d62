// From a researcher's request ("merge Malitel into Moov Africa Malitel") to a recorded decision: the
// names are resolved against the current (curated) graph, checked, and written down with the key,
// label and kind each entity has now. Shared by the CLI and the viewer's HTTP API. Pure over the graph.
import { createHash } from 'node:crypto';
import { NotFoundError, UsageError } from '../errors.js';
import type { KGraph } from '../graph/build.js';
import { normaliseName } from '../text/keys.js';
import { buildNameIndex, candidates, suggest } from '../graph/match.js';
import { RELATION_KINDS } from '../types.js';
import {
  CURATION_OPS,
  NODE_KINDS,
  isNodeKind,
  isRelationKind,
  type Decision,
  type EntityRef,
  type RelationRef,
} from './curation.js';

/** A relation named by its edge key, or by its two ends (and its kind when they have several). */
export interface RelationSpec {
  relation?: string;
  source?: string;
  target?: string;
  kind?: string;
}

/** What a researcher asks for; entities by name, alias or node key. */
export type CurationRequest =
  | { op: 'merge'; entity: string; into: string }
  | { op: 'rename'; entity: string; label: string }
  | { op: 'retype'; entity: string; kind: string }
  | { op: 'delete'; entity: string }
  | ({ op: 'delete-relation' } & RelationSpec)
  | { op: 'split'; entity: string; alias: string; kind?: string }
  | ({ op: 'verify' } & RelationSpec);

export interface DecisionMeta {
  author: string;
  /** ISO timestamp (default: now). */
  date?: string;
  note?: string;
}

const ref = (g: KGraph, key: string): EntityRef => ({
  key,
  label: g.getNodeAttribute(key, 'label'),
  kind: g.getNodeAttribute(key, 'kind'),
});
const shown = (g: KGraph, key: string) =>
  `"${g.getNodeAttribute(key, 'label')}" (${key}, ${g.getNodeAttribute(key, 'kind')})`;

/** The one entity a name designates; several entities with that name is an error listing their keys. */
export function resolveEntity(g: KGraph, name: string, what = 'entity'): string {
  if (typeof name !== 'string' || !name.trim()) throw new UsageError(`${what}: a name or node key is required`);
  const index = buildNameIndex(g);
  const found = candidates(g, index, name);
  if (found.keys.length === 1) return found.keys[0]!;
  if (found.keys.length > 1)
    throw new UsageError(
      `${what} "${name}" is ambiguous: ` +
        `${found.exact ? 'several entities carry this name' : 'several entities hold these words'}: ` +
        found.keys
          .slice(0, 6)
          .map((k) => shown(g, k))
          .join(', ') +
        '; give the node key instead',
    );
  throw new NotFoundError(name, suggest(g, index, name));
}

function relationRef(g: KGraph, key: string): RelationRef {
  const a = g.getEdgeAttributes(key);
  const r: RelationRef = { key, kind: a.kind, source: ref(g, g.source(key)), target: ref(g, g.target(key)) };
  if (a.commitment) r.commitment = a.commitment;
  return r;
}

/** The one relation a spec designates: an edge key, or the relation between two entities (of `kind`). */
export function resolveRelation(g: KGraph, spec: RelationSpec): string {
  if (spec.relation) {
    if (g.hasEdge(spec.relation)) return spec.relation;
    throw new UsageError(
      `no relation has the key "${spec.relation}"; list them with \`kunafoni query relations --json\``,
    );
  }
  if (!spec.source || !spec.target)
    throw new UsageError('a relation is named by its edge key, or by its two entities (source and target)');
  if (spec.kind !== undefined && !isRelationKind(spec.kind))
    throw new UsageError(`relation kind "${spec.kind}" is not one of ${RELATION_KINDS.join(', ')}`);
  const s = resolveEntity(g, spec.source, 'source');
  const t = resolveEntity(g, spec.target, 'target');
  if (s === t) throw new UsageError(`source and target are the same entity ${shown(g, s)}`);
  const between = g.edges(s, t).filter((e) => spec.kind === undefined || g.getEdgeAttribute(e, 'kind') === spec.kind);
  if (!between.length)
    throw new UsageError(
      `there is no ${spec.kind ? spec.kind + ' ' : ''}relation between ${shown(g, s)} and ${shown(g, t)}`,
    );
  if (between.length > 1)
    throw new UsageError(
      `${shown(g, s)} and ${shown(g, t)} have ${between.length} relations: ${between.join(', ')}; ` +
        'give --kind or the edge key',
    );
  return between[0]!;
}

/** A short id for a decision, unique among `taken`. */
export function decisionId(content: unknown, taken: ReadonlySet<string>): string {
  const base = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  for (let i = 0; ; i++) {
    const id =
      i === 0
        ? base.slice(0, 8)
        : createHash('sha256')
            .update(base + i)
            .digest('hex')
            .slice(0, 8);
    if (!taken.has(id)) return id;
  }
}

const text = (v: unknown, what: string): string => {
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`${what} is required (a non-empty string)`);
  return v.trim();
};

/**
 * Turn a request into a decision, checked against `g` (the curated graph as it is now). Throws a
 * UsageError (bad or pointless request) or a NotFoundError (unknown name, with the closest names).
 */
export function decide(
  g: KGraph,
  req: CurationRequest,
  meta: DecisionMeta,
  taken: ReadonlySet<string> = new Set(),
): Decision {
  const base: { id: string; date: string; author: string; note?: string } = {
    id: '',
    date: meta.date ?? new Date().toISOString(),
    author: text(meta.author, 'author'),
  };
  if (meta.note?.trim()) base.note = meta.note.trim();
  let d: Decision;
  switch (req.op) {
    case 'merge': {
      const gone = resolveEntity(g, req.entity, 'entity to merge');
      const keep = resolveEntity(g, req.into, 'entity to merge into');
      if (gone === keep)
        throw new UsageError(`"${req.entity}" and "${req.into}" are already one entity ${shown(g, keep)}`);
      d = { ...base, op: 'merge', entity: ref(g, gone), into: ref(g, keep) };
      break;
    }
    case 'rename': {
      const key = resolveEntity(g, req.entity);
      const label = text(req.label, 'the new name');
      if (g.getNodeAttribute(key, 'label') === label)
        throw new UsageError(`${shown(g, key)} is already called "${label}"`);
      d = { ...base, op: 'rename', entity: ref(g, key), label };
      break;
    }
    case 'retype': {
      const key = resolveEntity(g, req.entity);
      if (!isNodeKind(req.kind))
        throw new UsageError(`kind "${String(req.kind)}" is not one of ${NODE_KINDS.join(', ')}`);
      if (g.getNodeAttribute(key, 'kind') === req.kind)
        throw new UsageError(`${shown(g, key)} is already a ${req.kind}`);
      d = { ...base, op: 'retype', entity: ref(g, key), kind: req.kind };
      break;
    }
    case 'delete': {
      d = { ...base, op: 'delete', entity: ref(g, resolveEntity(g, req.entity)) };
      break;
    }
    case 'split': {
      const key = resolveEntity(g, req.entity);
      const alias = text(req.alias, 'the alias to split off');
      const aliases = g.getNodeAttribute(key, 'aliases') ?? [];
      const form = aliases.find((a) => a === alias) ?? aliases.find((a) => normaliseName(a) === normaliseName(alias));
      if (!form)
        throw new UsageError(
          `${shown(g, key)} has no alias "${alias}"` +
            (aliases.length ? `; its aliases: ${aliases.map((a) => `"${a}"`).join(', ')}` : ' (it has none)'),
        );
      if (req.kind !== undefined && !isNodeKind(req.kind))
        throw new UsageError(`kind "${String(req.kind)}" is not one of ${NODE_KINDS.join(', ')}`);
      d = { ...base, op: 'split', entity: ref(g, key), alias: form };
      if (req.kind !== undefined) d.kind = req.kind;
      break;
    }
    case 'delete-relation':
    case 'verify': {
      const key = resolveRelation(g, req);
      if (req.op === 'verify' && g.getEdgeAttribute(key, 'verified') === true)
        throw new UsageError(`the relation ${key} is already verified`);
      d = { ...base, op: req.op, relation: relationRef(g, key) };
      break;
    }
    default:
      throw new UsageError(
        `unknown curation operation "${String((req as { op: unknown }).op)}"; ` +
          `expected one of ${CURATION_OPS.join(', ')}`,
      );
  }
  // written in this order in the file: what, then who and when
  const { id: _id, date, author, note, ...what } = d;
  const id = decisionId({ ...what, date, author, note }, taken);
  return { id, ...what, date, author, ...(note !== undefined ? { note } : {}) } as Decision;
}

/** Validate a request coming from outside (the HTTP API): an object with `op` and the fields that op needs. */
export function parseRequest(body: unknown): CurationRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new UsageError('the request body must be a JSON object with an "op" field');
  const b = body as Record<string, unknown>;
  const op = b.op;
  const str = (k: string, required = true): string | undefined => {
    const v = b[k];
    if (v === undefined || v === null || v === '') {
      if (required) throw new UsageError(`"${String(op)}" needs the field "${k}"`);
      return undefined;
    }
    if (typeof v !== 'string') throw new UsageError(`field "${k}" must be a string, got ${typeof v}`);
    return v;
  };
  const relation = (): RelationSpec => {
    const spec: RelationSpec = {};
    for (const k of ['relation', 'source', 'target', 'kind'] as const) {
      const v = str(k, false);
      if (v !== undefined) spec[k] = v;
    }
    if (!spec.relation && !(spec.source && spec.target))
      throw new UsageError(`"${String(op)}" needs "relation" (an edge key) or "source" and "target"`);
    return spec;
  };
  switch (op) {
    case 'merge':
      return { op, entity: str('entity')!, into: str('into')! };
    case 'rename':
      return { op, entity: str('entity')!, label: str('label')! };
    case 'retype':
      return { op, entity: str('entity')!, kind: str('kind')! };
    case 'delete':
      // a relation when the body names one, else an entity
      if (b.relation !== undefined || b.source !== undefined) return { op: 'delete-relation', ...relation() };
      return { op, entity: str('entity')! };
    case 'delete-relation':
      return { op, ...relation() };
    case 'split': {
      const kind = str('kind', false);
      return { op, entity: str('entity')!, alias: str('alias')!, ...(kind !== undefined ? { kind } : {}) };
    }
    case 'verify':
      return { op, ...relation() };
    default:
      throw new UsageError(
        `unknown curation operation ${JSON.stringify(op)}; expected one of ${CURATION_OPS.join(', ')}`,
      );
  }
}
