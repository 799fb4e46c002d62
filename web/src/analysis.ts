// The analysis the viewer adds to the graph: node metrics and Louvain communities (the same module
// as the exports and `kunafoni stats`: src/graph/metrics.ts), an organisation's (or a person's) role
// succession drawn as a timeline, and an actor's commitment threads (src/query/roles.ts,
// src/query/commitments.ts). Rendered as text only, like the rest of the panel.
import { computeMetrics, type NodeMetrics } from '../../src/graph/metrics.js';
import { commitmentThreads, type CommitmentThread } from '../../src/query/commitments.js';
import type { ReadonlyKGraph } from '../../src/graph/readonly.js';
import type { EntityRef } from '../../src/query/types.js';
import { rolePeriods, type RolePeriod } from '../../src/query/roles.js';
import { el } from './dom.js';
import { roleLabel, topicLabel } from './labels.js';
import { dateRange, formatDate, type Lang } from './i18n.js';
import type { ViewGraph } from './model.js';

export const SIZE_METRICS = ['mentions', 'degree', 'weightedDegree', 'betweenness', 'pagerank'] as const;
export type SizeMetric = (typeof SIZE_METRICS)[number];
export type ColorBy = 'kind' | 'community';

/** Twelve distinct colours for the largest communities (0 the largest); the others share grey. */
export const COMMUNITY_COLORS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
  '#637939',
  '#843c39',
];
export const OTHER_COMMUNITY = '#b0b0b0';
export const communityColor = (c: number | undefined): string =>
  c !== undefined && c < COMMUNITY_COLORS.length ? COMMUNITY_COLORS[c]! : OTHER_COMMUNITY;

/** The metrics of every node of the graph as the server sent it. */
export const viewMetrics = (graph: ViewGraph): Map<string, NodeMetrics> => computeMetrics(graph);

/** Whether the view needs more than mentions and degree (computing the rest takes seconds on large graphs). */
export const needsMetrics = (s: { sizeBy: string; colorBy?: ColorBy }): boolean =>
  s.colorBy === 'community' || !['mentions', 'degree'].includes(s.sizeBy);

/** Add the metric sizes and the communities to `sizes` (the renderer's own object), once. */
export function ensureMetrics(
  graph: ViewGraph,
  sizes: { community?: Map<string, number> } & Partial<Record<SizeMetric, Map<string, number>>>,
): void {
  if (sizes.community) return;
  const metrics = viewMetrics(graph);
  const all = metricSizes(graph, metrics);
  Object.assign(sizes, { weightedDegree: all.weightedDegree, betweenness: all.betweenness, pagerank: all.pagerank });
  sizes.community = new Map([...metrics].map(([k, m]) => [k, m.community]));
}

/** Disc sizes per metric in pixels at ratio 1 (square root, as for mentions: hubs do not swallow the graph). */
export function metricSizes(
  graph: ViewGraph,
  metrics: Map<string, NodeMetrics>,
): Record<SizeMetric, Map<string, number>> {
  const value = (key: string, m: SizeMetric): number =>
    m === 'mentions' ? (graph.getNodeAttribute(key, 'mentions') ?? 1) : (metrics.get(key)?.[m] ?? 0);
  const out = {} as Record<SizeMetric, Map<string, number>>;
  for (const m of SIZE_METRICS) {
    let max = 0;
    graph.forEachNode((key) => void (max = Math.max(max, value(key, m))));
    const sizes = new Map<string, number>();
    graph.forEachNode((key) => sizes.set(key, 3 + 15 * Math.sqrt(max > 0 ? Math.max(value(key, m), 0) / max : 0)));
    out[m] = sizes;
  }
  return out;
}

const TEXT = {
  fr: {
    succession: 'Succession aux postes',
    career: 'Postes occupés',
    threads: 'Engagements suivis',
    steps: (n: number) => `${n} étape${n > 1 ? 's' : ''}`,
    status: { announced: 'annoncé', signed: 'signé', implemented: 'réalisé', abandoned: 'abandonné' },
    sentences: (n: number) => `${n} article${n > 1 ? 's' : ''}`,
  },
  en: {
    succession: 'Role succession',
    career: 'Posts held',
    threads: 'Commitments followed',
    steps: (n: number) => `${n} step${n > 1 ? 's' : ''}`,
    status: { announced: 'announced', signed: 'signed', implemented: 'implemented', abandoned: 'abandoned' },
    sentences: (n: number) => `${n} article${n > 1 ? 's' : ''}`,
  },
} as const;

export interface AnalysisContext {
  graph: ViewGraph;
  lang: Lang;
  select(sel: { kind: 'node' | 'edge'; key: string }): void;
}

const asQueryGraph = (g: ViewGraph) => g as unknown as ReadonlyKGraph;
const refOf =
  (g: ViewGraph) =>
  (key: string): EntityRef => ({ key, label: g.getNodeAttribute(key, 'label'), kind: g.getNodeAttribute(key, 'kind') });

function link(key: string, label: string, ctx: AnalysisContext): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'link', 'data-node': key }, label);
  b.addEventListener('click', () => ctx.select({ kind: 'node', key }));
  return b;
}

/** Days since 1970 of the first (or last) day of an ISO date of any precision. */
const day = (iso: string, end = false): number => {
  const [y, m, d] = iso.split('-').map(Number);
  if (!end) return Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / 86_400_000;
  // the last day: of the year, of the month (day 0 of the next), or the day itself
  return (
    (m === undefined ? Date.UTC(y!, 11, 31) : d === undefined ? Date.UTC(y!, m, 0) : Date.UTC(y!, m - 1, d)) /
    86_400_000
  );
};

/** One row per period: the role, the other end, the dates, and a bar placed on the common time axis. */
function successionTimeline(periods: RolePeriod[], key: string, ctx: AnalysisContext): HTMLElement {
  const dated = periods.filter((p) => p.firstSeen);
  const lo = Math.min(...dated.map((p) => day(p.firstSeen!)));
  const hi = Math.max(...dated.map((p) => day(p.lastSeen ?? p.firstSeen!, true)));
  const span = Math.max(hi - lo, 1);
  const ol = el('ol', { class: 'succession' });
  for (const p of periods) {
    const other = p.person.key === key ? p.organisation : p.person;
    const dates = dateRange(p.firstSeen, p.lastSeen, ctx.lang) ?? formatDate(undefined, ctx.lang);
    const track = el('div', { class: 'track' });
    if (p.firstSeen) {
      const bar = el('div', { class: 'bar', title: dates });
      const start = day(p.firstSeen);
      const end = day(p.lastSeen ?? p.firstSeen, true);
      const width = Math.max(((end - start) / span) * 100, 2); // a one-day period still shows
      bar.style.left = `${Math.min(((start - lo) / span) * 100, 100 - width)}%`; // CSSOM, allowed under the CSP
      bar.style.width = `${width}%`;
      track.appendChild(bar);
    }
    ol.appendChild(
      el(
        'li',
        { class: 'period', 'data-role': p.role, 'data-person': p.person.key },
        el(
          'div',
          { class: 'period-head' },
          el('strong', { class: 'role' }, roleLabel(p.role, ctx.lang)),
          ' — ',
          link(other.key, other.label, ctx),
        ),
        el(
          'div',
          { class: 'meta' },
          `${dates} · ${TEXT[ctx.lang].sentences(p.articles)}${p.sources.length ? ` · ${p.sources.join(', ')}` : ''}`,
        ),
        track,
      ),
    );
  }
  return ol;
}

/** The role periods of an organisation (its succession) or a person (their posts); null when there are none. */
export function successionSection(key: string, ctx: AnalysisContext): HTMLElement | null {
  const periods = rolePeriods(asQueryGraph(ctx.graph), key, refOf(ctx.graph));
  if (!periods.length) return null;
  const kind = ctx.graph.getNodeAttribute(key, 'kind');
  const title = kind === 'person' ? TEXT[ctx.lang].career : TEXT[ctx.lang].succession;
  return el(
    'section',
    { class: 'analysis succession-section' },
    el('h3', {}, title),
    successionTimeline(periods, key, ctx),
  );
}

function threadItem(t: CommitmentThread, ctx: AnalysisContext): HTMLLIElement {
  const tx = TEXT[ctx.lang];
  const steps = el('ol', { class: 'steps' });
  for (const s of t.steps)
    steps.appendChild(
      el(
        'li',
        { class: 'step', 'data-status': s.status },
        el('span', { class: `status status-${s.status}` }, tx.status[s.status]),
        ' ',
        el('time', s.date ? { datetime: s.date } : {}, formatDate(s.date, ctx.lang)),
        s.source ? ` · ${s.source}` : '',
        el('blockquote', { class: 'sentence' }, s.sentence),
      ),
    );
  return el(
    'li',
    { class: 'thread', 'data-status': t.status },
    el(
      'div',
      { class: 'thread-head' },
      el('span', { class: `status status-${t.status}` }, tx.status[t.status]),
      ' ',
      link(t.topic.key, topicLabel(t.topic.label, ctx.lang), ctx),
      ` · ${tx.steps(t.steps.length)}`,
    ),
    el('div', { class: 'commitment' }, t.commitment),
    steps,
  );
}

/** An actor's commitment threads, latest first; null when it made none. */
export function threadsSection(key: string, ctx: AnalysisContext): HTMLElement | null {
  const threads = commitmentThreads(asQueryGraph(ctx.graph), refOf(ctx.graph), { actorKey: key }).reverse();
  if (!threads.length) return null;
  const ul = el('ul', { class: 'threads' });
  for (const t of threads) ul.appendChild(threadItem(t, ctx));
  return el('section', { class: 'analysis threads-section' }, el('h3', {}, TEXT[ctx.lang].threads), ul);
}

/** The sections for a node's panel, to insert before its relations. */
export function analysisSections(key: string, ctx: AnalysisContext): HTMLElement[] {
  return [successionSection(key, ctx), threadsSection(key, ctx)].filter((x): x is HTMLElement => x !== null);
}
