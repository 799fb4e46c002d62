import { Command } from 'commander';
import { DEFAULT_STORE, loadStore } from '../library/store.js';
import { curationOf } from '../library/curation-file.js';
import { communities, computeMetrics, topBy, type RankedEntity } from '../graph/metrics.js';
import type { CliIO } from './io.js';

/** The dated articles' first and last dates, and how many articles have no date. */
export function articleDates(dates: (string | undefined)[]): { first?: string; last?: string; undated: number } {
  const dated = dates.filter((d): d is string => !!d).sort();
  const out: { first?: string; last?: string; undated: number } = { undated: dates.length - dated.length };
  if (dated.length) {
    out.first = dated[0];
    out.last = dated[dated.length - 1];
  }
  return out;
}

const RANKED = ['degree', 'weightedDegree', 'betweenness', 'pagerank'] as const;
const HEADINGS: Record<(typeof RANKED)[number], string> = {
  degree: 'degree',
  weightedDegree: 'weighted degree',
  betweenness: 'betweenness',
  pagerank: 'pagerank',
};

const shown = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3));
const ranked = (xs: RankedEntity[]) => xs.map((r) => `${r.label} ${shown(r.value)}`).join(', ');

type StatsFlags = { store: string; json?: boolean; top: string; metrics: boolean };
type LoadedStore = Awaited<ReturnType<typeof loadStore>>;

export const statsCommand = (io: CliIO) =>
  new Command('stats')
    .description('count articles, entities and relations in the store; the most central entities and the communities')
    .addHelpText(
      'after',
      '\nJSON: {articles, nodes, edges, nodeKinds, edgeKinds, sources, evidence, dates: {first, last, undated}, ' +
        'isolated, curation, top, communities}',
    )
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .option('--top <n>', 'entities listed per metric and per community', '5')
    .option('--no-metrics', 'counts only: leave out the metrics and communities (they take seconds on large stores)')
    .option('--json', 'print JSON')
    .action(async (opts: StatsFlags) => {
      const store = await loadStore(opts.store, { mustExist: true });
      const top = Math.max(1, Number(opts.top) || 5);
      const stats = storeStats(store, top, opts.metrics);
      io.out(opts.json ? JSON.stringify(stats, null, 2) + '\n' : statsText(store, stats, top));
    });

/** How many times each value occurs, in order of first occurrence. */
const countEach = (values: string[]) => {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
};

function storeStats(store: LoadedStore, top: number, withMetrics: boolean) {
  const g = store.graph;
  const metrics = withMetrics ? computeMetrics(g) : new Map();
  return {
    articles: store.articles.length,
    nodes: g.order,
    edges: g.size,
    nodeKinds: countEach(g.mapNodes((_k, a) => a.kind)),
    edgeKinds: countEach(g.mapEdges((_k, a) => a.kind)),
    sources: [...new Set(store.articles.map((a) => a.article.source).filter(Boolean))].length,
    evidence: g.reduceEdges((n, _k, a) => n + a.evidence.length, 0),
    dates: articleDates(store.articles.map((a) => a.article.date)),
    isolated: g.filterNodes((k) => g.degree(k) === 0).length,
    curation: { decisions: curationOf(g)?.decisions ?? 0, stale: curationOf(g)?.stale.length ?? 0 },
    ...(withMetrics
      ? {
          top: Object.fromEntries(RANKED.map((m) => [m, topBy(g, metrics, m, top)])),
          communities: communities(g, metrics, top),
        }
      : {}),
  };
}

type StoreStats = ReturnType<typeof storeStats>;

const kindCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');

function statsText(store: LoadedStore, stats: StoreStats, top: number): string {
  const { dates, curation } = stats;
  const lines = [
    `store      ${store.dir}`,
    `articles   ${stats.articles} from ${stats.sources} outlets`,
    `nodes      ${stats.nodes}  ${kindCounts(stats.nodeKinds)}`,
    `edges      ${stats.edges}  ${kindCounts(stats.edgeKinds)}`,
    `evidence   ${stats.evidence} sentences`,
    `dates      ${dates.first ? `${dates.first} → ${dates.last}` : 'none'}; ${dates.undated} undated article(s)`,
    `isolated   ${stats.isolated} entit${stats.isolated === 1 ? 'y' : 'ies'} with no relation`,
  ];
  if (curation.decisions) {
    const stale = curation.stale ? `, ${curation.stale} no longer apply (kunafoni curate list --stale)` : '';
    lines.push(`curation   ${curation.decisions} decisions${stale}`);
  }
  if (stats.top && stats.communities && store.graph.order) lines.push(...metricsLines(stats, top));
  return lines.join('\n') + '\n';
}

function metricsLines(stats: StoreStats, top: number): string[] {
  const lines = ['', 'most central (kunafoni export writes every entity’s metrics)'];
  for (const m of RANKED) lines.push(`  ${HEADINGS[m].padEnd(16)} ${ranked(stats.top?.[m] ?? [])}`);
  const found = stats.communities ?? [];
  lines.push('', `communities ${found.length} (Louvain; largest first, most connected members first)`);
  for (const c of found.slice(0, top)) {
    const members = c.members.map((r) => r.label).join(', ');
    lines.push(`  ${String(c.community).padStart(3)}  ${String(c.size).padStart(4)} entities  ${members}`);
  }
  if (found.length > top) lines.push(`  … ${found.length - top} more (--top, or --json)`);
  return lines;
}
