// What the relation rules of one article share: the article's text, sentences, entities and the
// places they are named (refs), the relations found so far, and the state that crosses sentences
// (ArticleState, passed from one sentence to the next and returned, never kept on the side).
import type { LocalEntity, LocalRelation, RelationKind, Sentence } from '../types.js';
import { eventDateOf } from '../clean/dates.js';
import { lowerBound } from '../text/search.js';
import { DERIVED, type Derived, type RelationRule } from './rule.js';

export type Kind = 'person' | 'organisation';

export interface Ref {
  id: string;
  kind: Kind;
  start: number;
  end: number;
  via: 'name' | 'title' | 'pronoun';
}

export interface TopicEntity {
  id: string;
  label: string;
}

export interface Ctx {
  text: string;
  sentences: Sentence[];
  entities: Map<string, LocalEntity>;
  refs: Ref[];
  relations: LocalRelation[];
  /** person id → [org id, role] from this article (read by the roles pass, before the sentences) */
  roleOf: Map<string, Array<{ org: string; role: string }>>;
  topics: Map<string, TopicEntity>;
  /** Event dates already read from sentences, by sentence start (null: the sentence gives none). */
  eventDates: Map<number, { date: string; precision: 'day' | 'month' | 'year' } | null>;
  /** Publication date, against which "mardi dernier" is resolved. */
  published?: string;
}

/** A visit or an audience with an organisation: its people named in the story meet the visitor. */
export interface Visit {
  host: Ref;
  org: string;
  sentence: Sentence;
  rule: RelationRule;
}

/**
 * What one sentence tells the next ones. Each sentence step takes it and returns the next value:
 * - `host`: who received or visited last (the host of a later passive without "par");
 * - `pendingHost`: a host whose meeting named no guest (the next sentence may list who attended);
 * - `lastMeeting`: the last meeting's host and guests (a companion meets the other party);
 * - `prev`: the subject a pronoun of the next sentence refers to;
 * - `parties`: the parties of the last agreement signed ("les deux parties");
 * - `visits`: visits and audiences so far (their organisation's people meet the visitor).
 */
export interface ArticleState {
  host?: Ref;
  pendingHost?: Ref;
  lastMeeting?: { host: string; guests: string[] };
  prev: Ref[];
  parties: string[];
  visits: Visit[];
}

export const initialState = (): ArticleState => ({ prev: [], parties: [], visits: [] });

/** The state a sentence step works on: a copy, so the value passed in is never changed. */
export const nextState = (st: ArticleState): ArticleState => ({
  ...st,
  prev: [...st.prev],
  parties: [...st.parties],
  visits: [...st.visits],
});

/** The subject a pronoun, a title or a name before a position makes of the clause (subject.ts). */
export type Subject = (pos: number) => Ref[];

/**
 * The spans of `sorted` (sorted by start, each ending at or after its start) that lie within [from, to],
 * in their order: a binary search to the first one starting at `from`, then a walk to `to`.
 */
export function spansWithin<T extends { start: number; end: number }>(sorted: T[], from: number, to: number): T[] {
  const lo = lowerBound(sorted.length, (i) => sorted[i]!.start < from);
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start <= to; i++) if (sorted[i]!.end <= to) out.push(sorted[i]!);
  return out;
}

/** The refs of a sentence, in text order (ctx.refs is kept sorted by start). */
export const refsIn = (ctx: Ctx, s: Sentence) => spansWithin(ctx.refs, s.start, s.end);

export const orgOfPerson = (ctx: Ctx, person: string) => ctx.roleOf.get(person)?.[0]?.org;

/** Resolution steps lower confidence: a name is surest, a title or a pronoun less so. */
const VIA_FACTOR: Record<Ref['via'], number> = { name: 1, title: 0.9, pronoun: 0.8 };

/**
 * Record a relation the rule read; `derived` when it is inferred from another one (a member of the organisation
 * visited).
 */
export function add(
  ctx: Ctx,
  kind: RelationKind,
  source: string | Ref,
  target: string | Ref,
  sentence: Sentence,
  rule: RelationRule,
  extra: Partial<LocalRelation> = {},
  derived?: Derived,
): void {
  const a = typeof source === 'string' ? source : source.id;
  const b = typeof target === 'string' ? target : target.id;
  if (a === b) return;
  const steps: string[] = [];
  let confidence = rule.confidence;
  if (derived) confidence *= DERIVED[derived].factor;
  for (const [role, ref] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (typeof ref === 'string' || ref.via === 'name') continue;
    confidence *= VIA_FACTOR[ref.via];
    steps.push(
      `${role} named by ${ref.via === 'title' ? 'a title' : 'a pronoun or a definite description'} "` +
        `${ctx.text.slice(ref.start, ref.end).trim()}" → ${ctx.entities.get(ref.id)?.name}`,
    );
  }
  const id = derived ? `${rule.id}+${derived}` : rule.id;
  const rel: LocalRelation = {
    kind,
    source: a,
    target: b,
    sentence,
    rule: id,
    ...extra,
    confidence: Math.round(confidence * 100) / 100,
  };
  if (steps.length) rel.steps = steps;
  // one date parse per sentence, however many relations it states
  let when = ctx.eventDates.get(sentence.start);
  if (when === undefined)
    ctx.eventDates.set(sentence.start, (when = eventDateOf(sentence.text, ctx.published) ?? null));
  if (when) {
    rel.eventDate = when.date;
    rel.eventPrecision = when.precision;
  }
  ctx.relations.push(rel);
}

/** A person holds a role (at an organisation, when it is known): the role joins the person's roles. */
export function addRole(
  ctx: Ctx,
  person: string,
  org: string | undefined,
  role: string,
  sentence: Sentence,
  rule: RelationRule,
): void {
  const e = ctx.entities.get(person);
  if (!e || e.kind !== 'person') return;
  if (!e.roles.includes(role)) e.roles.push(role);
  if (!org || ctx.entities.get(org)?.kind !== 'organisation') return;
  const list = ctx.roleOf.get(person) ?? [];
  if (!list.some((r) => r.org === org)) list.push({ org, role });
  ctx.roleOf.set(person, list);
  add(ctx, 'holds-role', person, org, sentence, rule, { role });
}

export function dedupe(rels: LocalRelation[]): LocalRelation[] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const [a, b] =
      r.kind === 'met-with' || r.kind === 'signed-agreement-with' ? [r.source, r.target].sort() : [r.source, r.target];
    const k = `${r.kind}|${a}|${b}|${r.sentence.start}|${r.commitment ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The last `n` different people named before `pos`. */
export function lastPeople(ctx: Ctx, pos: number, n: number): Ref[] {
  // ctx.refs is sorted by start: the refs after the last one starting at or before `pos` end after it
  let lo = 0;
  let hi = ctx.refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ctx.refs[mid]!.start <= pos) lo = mid + 1;
    else hi = mid;
  }
  const out: Ref[] = [];
  for (let i = lo - 1; i >= 0 && out.length < n; i--) {
    const r = ctx.refs[i]!;
    if (r.kind === 'person' && r.end <= pos && r.via === 'name' && !out.some((o) => o.id === r.id)) out.push(r);
  }
  return out;
}
