import { Command } from 'commander';
import { DEFAULT_STORE, loadStore } from '../store/store.js';
import { curationOf } from '../store/curation-file.js';
import type { CliIO } from './io.js';

/** The dated articles' first and last dates, and how many articles have no date. */
export function articleDates(dates: (string | undefined)[]): { first?: string; last?: string; undated: number } {
  const dated = dates.filter((d): d is string => !!d).sort();
  const out: { first?: string; last?: string; undated: number } = { undated: dates.length - dated.length };
  if (dated.length) (out.first = dated[0]), (out.last = dated[dated.length - 1]);
  return out;
}

export const statsCommand = (io: CliIO) =>
  new Command('stats')
    .description('count articles, entities and relations in the store')
    .addHelpText('after', '\nJSON: {articles, nodes, edges, nodeKinds, edgeKinds, sources, evidence, dates: {first, last, undated}, isolated, curation}')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .option('--json', 'print JSON')
    .action(async (opts: { store: string; json?: boolean }) => {
      const store = await loadStore(opts.store, { mustExist: true });
      const g = store.graph;
      const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, k) => ((m[k] = (m[k] ?? 0) + 1), m), {});
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
      };
      if (opts.json) return io.out(JSON.stringify(stats, null, 2) + '\n');
      const lines = [
        `store      ${store.dir}`,
        `articles   ${stats.articles} from ${stats.sources} outlets`,
        `nodes      ${stats.nodes}  ${Object.entries(stats.nodeKinds).map(([k, n]) => `${k} ${n}`).join(', ')}`,
        `edges      ${stats.edges}  ${Object.entries(stats.edgeKinds).map(([k, n]) => `${k} ${n}`).join(', ')}`,
        `evidence   ${stats.evidence} sentences`,
        `dates      ${stats.dates.first ? `${stats.dates.first} → ${stats.dates.last}` : 'none'}; ${stats.dates.undated} undated article(s)`,
        `isolated   ${stats.isolated} entit${stats.isolated === 1 ? 'y' : 'ies'} with no relation`,
      ];
      if (stats.curation.decisions) lines.push(`curation   ${stats.curation.decisions} decisions${stats.curation.stale ? `, ${stats.curation.stale} no longer apply (kunafoni curate list --stale)` : ''}`);
      io.out(lines.join('\n') + '\n');
    });
