import { Command } from 'commander';
import { DEFAULT_STORE, loadStore } from '../library/store.js';
import { curationOf } from '../library/curation-file.js';
import { communities, computeMetrics, topBy, type RankedEntity } from '../graph/metrics.js';
import type { CliIO } from './io.js';

/** The dated articles' first and last dates, and how many articles have no date. */
export function articleDates(dates: (string | undefined)[]): { first?: string; last?: string; undated: number } {
  const dated = dates.filter((d): d is string => !!d).sort();
  const out: { first?: string; last?: string; undated: number } = { undated: dates.length - dated.length };
  if (dated.length) ((out.first = dated[0]), (out.last = dated[dated.length - 1]));
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

export const statsCommand = (io: CliIO) =>
  new Command('stats')
    .description('count articles, entities and relations in the store; the most central entities and the communities')
    .addHelpText(
      'after',
      '\nJSON: {articles, nodes, edges, nodeKinds, edgeKinds, sources, evidence, dates: {first, last, undated}, isolated, curation, top, communities}',
    )
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .option('--top <n>', 'entities listed per metric and per community', '5')
    .option('--no-metrics', 'counts only: leave out the metrics and communities (they take seconds on large stores)')
    .option('--json', 'print JSON')
    .action(async (opts: { store: string; json?: boolean; top: string; metrics: boolean }) => {
      const store = await loadStore(opts.store, { mustExist: true });
      const g = store.graph;
      const top = Math.max(1, Number(opts.top) || 5);
      const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});
      const metrics = opts.metrics ? computeMetrics(g) : new Map();
      const stats = {
        articles: store.articles.length,
        nodes: g.order,
        edges: g.size,
        nodeKinds: count(g.mapNodes((_k, a) => a.kind)),
        edgeKinds: count(g.mapEdges((_k, a) => a.kind)),
        sources: [...new Set(store.articles.map((a) => a.article.source).filter(Boolean))].length,
        evidence: g.reduceEdges((n, _k, a) => n + a.evidence.length, 0),
        dates: articleDates(store.articles.map((a) => a.article.date)),
        isolated: g.filterNodes((k) => g.degree(k) === 0).length,
        curation: { decisions: curationOf(g)?.decisions ?? 0, stale: curationOf(g)?.stale.length ?? 0 },
        ...(opts.metrics
          ? {
              top: Object.fromEntries(RANKED.map((m) => [m, topBy(g, metrics, m, top)])),
              communities: communities(g, metrics, top),
            }
          : {}),
      };
      if (opts.json) return io.out(JSON.stringify(stats, null, 2) + '\n');
      const lines = [
        `store      ${store.dir}`,
        `articles   ${stats.articles} from ${stats.sources} outlets`,
        `nodes      ${stats.nodes}  ${Object.entries(stats.nodeKinds)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        `edges      ${stats.edges}  ${Object.entries(stats.edgeKinds)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
        `evidence   ${stats.evidence} sentences`,
        `dates      ${stats.dates.first ? `${stats.dates.first} → ${stats.dates.last}` : 'none'}; ${stats.dates.undated} undated article(s)`,
        `isolated   ${stats.isolated} entit${stats.isolated === 1 ? 'y' : 'ies'} with no relation`,
      ];
      if (stats.curation.decisions)
        lines.push(
          `curation   ${stats.curation.decisions} decisions${stats.curation.stale ? `, ${stats.curation.stale} no longer apply (kunafoni curate list --stale)` : ''}`,
        );
      if (stats.top && stats.communities && g.order) {
        lines.push('', 'most central (kunafoni export writes every entity’s metrics)');
        for (const m of RANKED) lines.push(`  ${HEADINGS[m].padEnd(16)} ${ranked(stats.top[m] ?? [])}`);
        lines.push(
          '',
          `communities ${stats.communities.length} (Louvain; largest first, most connected members first)`,
        );
        for (const c of stats.communities.slice(0, top))
          lines.push(
            `  ${String(c.community).padStart(3)}  ${String(c.size).padStart(4)} entities  ${c.members.map((r) => r.label).join(', ')}`,
          );
        if (stats.communities.length > top) lines.push(`  … ${stats.communities.length - top} more (--top, or --json)`);
      }
      io.out(lines.join('\n') + '\n');
    });
