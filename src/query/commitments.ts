// Commitments followed over time. Each `committed-to` edge is one pledge (actor → topic, with the
// verbatim `commitment` and a status per sentence: announced, signed, implemented, abandoned). A
// pledge is often reported again later, in other words ("s’est engagé à achever le déploiement des
// 320 sites ruraux" in January, "a annoncé la mise en service des 320 sites ruraux" in December):
// the pledges of one actor on one topic whose wordings share three content words, or half those of
// the shorter (at least two), are linked into one thread (words compared on their first five letters,
// so "construire" and "construira" meet; numbers whole), and its steps are every sentence of those pledges in date
// order. A thread's status is its latest step's.
import { UsageError } from '../errors.js';
import { normaliseName } from '../text/keys.js';
import { dateEnd, dateStart } from '../export/filter.js';
import type { Evidence } from '../types.js';
import type { ReadonlyKGraph } from '../graph/readonly.js';
import type { EntityRef } from './types.js';

export const COMMITMENT_STATUSES = ['announced', 'signed', 'implemented', 'abandoned'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export interface CommitmentStep {
  date?: string;
  status: CommitmentStatus;
  /** The verbatim object phrase of the pledge this sentence states. */
  commitment: string;
  sentence: string;
  article: string;
  source?: string;
  url?: string;
  title?: string;
  /** The `committed-to` relation (edge key). */
  relation: string;
}

export interface CommitmentThread {
  /** Stable id: actor key, topic key and the key of the thread's first relation. */
  id: string;
  actor: EntityRef;
  topic: EntityRef;
  /** The latest step's status. */
  status: CommitmentStatus;
  /** The first step's wording. */
  commitment: string;
  firstSeen?: string;
  lastSeen?: string;
  sources: string[];
  relations: string[];
  steps: CommitmentStep[];
}

export interface CommitmentOptions {
  /** Threads of this actor (a person or an organisation), by any of its names. */
  actor?: string;
  /** Threads whose latest status is one of these. */
  status?: CommitmentStatus | CommitmentStatus[];
  /** Threads with a step dated on or after / on or before (ISO dates). */
  since?: string;
  until?: string;
}

const STOP = new Set(
  [
    'avec dans pour sans sous leur leurs tous toute toutes tout cette ces son ses sur entre depuis avant apres',
    'dici fin annee ainsi afin plus moins nouveaux nouvelles nouveau nouvelle',
    'that with from into their this over will would have been which',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The content words of a wording: numbers, and words of four letters or more that are not function
 * words, cut to their first five letters (a crude stem that meets French inflections).
 */
export function contentWords(text: string): Set<string> {
  const words = normaliseName(text)
    .split(' ')
    .filter((w) => /^\d+$/.test(w) || (w.length >= 4 && !STOP.has(w)));
  return new Set(words.map((w) => (/^\d+$/.test(w) ? w : w.slice(0, 5))));
}

/** Whether two wordings state the same pledge: three content words in common, or two that are half the shorter's. */
export function samePledge(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= 3 || (shared >= 2 && shared >= 0.5 * Math.min(a.size, b.size));
}

const RANK: Record<CommitmentStatus, number> = { announced: 0, signed: 1, implemented: 2, abandoned: 2 };
const statusOf = (s: unknown): CommitmentStatus =>
  COMMITMENT_STATUSES.includes(s as CommitmentStatus) ? (s as CommitmentStatus) : 'announced';
const byStep = (a: CommitmentStep, b: CommitmentStep) =>
  (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') ||
  RANK[a.status] - RANK[b.status] ||
  a.article.localeCompare(b.article) ||
  a.relation.localeCompare(b.relation);

function stepOf(relation: string, commitment: string, fallback: unknown, e: Evidence): CommitmentStep {
  const step: CommitmentStep = {
    status: statusOf(e.status ?? fallback),
    commitment: e.commitment ?? commitment,
    sentence: e.sentence,
    article: e.article,
    relation,
  };
  for (const f of ['date', 'source', 'url', 'title'] as const) if (e[f]) step[f] = e[f];
  return step;
}

/** Group the pledges of one actor on one topic (edge keys) into threads of the same pledge (union-find). */
function linkPledges(graph: ReadonlyKGraph, edges: string[]): string[][] {
  const words = edges.map((e) => contentWords(graph.getEdgeAttribute(e, 'commitment') ?? ''));
  const parent = edges.map((_e, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) if (samePledge(words[i]!, words[j]!)) parent[find(j)] = find(i);
  const groups = new Map<number, string[]>();
  edges.forEach((e, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i))!).push(e));
  return [...groups.values()];
}

function threadOf(graph: ReadonlyKGraph, edges: string[], ref: (k: string) => EntityRef): CommitmentThread {
  const steps = edges
    .flatMap((edge) => {
      const a = graph.getEdgeAttributes(edge);
      return a.evidence.map((e) => stepOf(edge, a.commitment ?? '', a.status, e));
    })
    .sort(byStep)
    // two pledges read from one sentence ("garantir … et équiper …") are one step
    .filter((s, i, all) => all.findIndex((o) => o.article === s.article && o.sentence === s.sentence) === i);
  const dates = steps.map((s) => s.date).filter((d): d is string => !!d);
  const first = steps[0]!;
  const thread: CommitmentThread = {
    id: `${graph.source(edges[0]!)}|${graph.target(edges[0]!)}|${first.relation}`,
    actor: ref(graph.source(edges[0]!)),
    topic: ref(graph.target(edges[0]!)),
    status: steps[steps.length - 1]!.status,
    commitment: first.commitment,
    sources: [...new Set(steps.map((s) => s.source).filter((s): s is string => !!s))].sort(),
    relations: [...new Set(steps.map((s) => s.relation))],
    steps,
  };
  if (dates.length) [thread.firstSeen, thread.lastSeen] = [dates[0]!, dates[dates.length - 1]!];
  return thread;
}

const inWindow = (t: CommitmentThread, since?: string, until?: string) =>
  t.steps.some(
    (s) =>
      !!s.date && (!since || dateEnd(s.date) >= dateStart(since)) && (!until || dateStart(s.date) <= dateEnd(until)),
  );

/** Every commitment thread (of `actorKey` when given), oldest first. */
export function commitmentThreads(
  graph: ReadonlyKGraph,
  ref: (k: string) => EntityRef,
  opts: { actorKey?: string; status?: CommitmentStatus[]; since?: string; until?: string } = {},
): CommitmentThread[] {
  for (const s of opts.status ?? [])
    if (!COMMITMENT_STATUSES.includes(s))
      throw new UsageError(`commitments: unknown status "${s}"; expected one of ${COMMITMENT_STATUSES.join(', ')}`);
  const byPair = new Map<string, string[]>();
  const edges = opts.actorKey ? graph.outEdges(opts.actorKey) : graph.edges();
  for (const edge of edges) {
    if (graph.getEdgeAttribute(edge, 'kind') !== 'committed-to') continue;
    const pair = `${graph.source(edge)}\u0000${graph.target(edge)}`;
    (byPair.get(pair) ?? byPair.set(pair, []).get(pair)!).push(edge);
  }
  const threads = [...byPair.values()].flatMap((es) =>
    linkPledges(graph, es.sort()).map((g) => threadOf(graph, g, ref)),
  );
  return threads
    .filter((t) => !opts.status?.length || opts.status.includes(t.status))
    .filter((t) => (!opts.since && !opts.until) || inWindow(t, opts.since, opts.until))
    .sort(
      (a, b) =>
        (a.firstSeen ?? '\uffff').localeCompare(b.firstSeen ?? '\uffff') ||
        a.actor.label.localeCompare(b.actor.label, 'fr') ||
        a.id.localeCompare(b.id),
    );
}
