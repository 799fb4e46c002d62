import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { filterGraph, parseFilterOptions } from '../export/filter.js';
import { FORMATS, formatById, type ExportOptions } from '../export/formats.js';
import type { ArticleMeta } from '../export/neo4j.js';
import type { ReadonlyKGraph } from '../graph/readonly.js';
import { writeFileAtomic } from '../store/atomic.js';
import { DEFAULT_STORE, loadGraph, loadStore } from '../library/store.js';
import { emit, type CliIO } from './io.js';

interface ExportFlags {
  format: string;
  out?: string;
  store: string;
  pretty?: boolean;
  dynamic?: boolean;
  mixed?: boolean;
  kind?: string[];
  relation?: string[];
  since?: string;
  until?: string;
  minSources?: string;
  minConfidence?: string;
  ego?: string;
  depth?: string;
  metrics?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** The filter flags shared by every format (see src/export/filter.ts for their semantics). */
export const addFilterFlags = (c: Command): Command =>
  c
    .option(
      '--kind <kind>',
      'keep nodes of this kind: person, organisation, topic, place (repeat or comma-separate)',
      collect,
    )
    .option(
      '--relation <kind>',
      'keep relations of this kind, e.g. met-with,holds-role (repeat or comma-separate)',
      collect,
    )
    .option('--since <date>', 'keep what is dated on or after this ISO date (YYYY, YYYY-MM, YYYY-MM-DD)')
    .option('--until <date>', 'keep what is dated on or before this ISO date')
    .option('--min-sources <n>', 'keep relations stated by at least N distinct outlets')
    .option('--min-confidence <x>', 'keep relations whose confidence (0–1) is at least X')
    .option('--ego <name>', 'keep this entity and its surroundings')
    .option('--depth <n>', 'steps around --ego (default 1)');

/**
 * The articles the Neo4j export lists: every stored article (with its metadata, even one that produced
 * no relation), or, when filters cut the graph, those the filtered graph still cites or mentions.
 */
async function neo4jArticles(dir: string, graph: ReadonlyKGraph, filtered: boolean): Promise<ArticleMeta[]> {
  const { articles } = await loadStore(dir, { mustExist: true });
  const cited = new Set<string>();
  if (filtered) {
    graph.forEachNode((_k, a) => (a.articles ?? []).forEach((id) => cited.add(id)));
    graph.forEachEdge((_k, a) => a.evidence.forEach((e) => cited.add(e.article)));
  }
  return articles
    .map(({ article: a }) => ({ id: a.id, title: a.title, date: a.date, source: a.source, url: a.url }))
    .filter((a) => !filtered || cited.has(a.id));
}

export const exportCommand = (io: CliIO) =>
  addFilterFlags(
    new Command('export')
      .description('write the graph (or a filtered part of it) in an exchange format')
      .addOption(
        new Option('--format <format>', 'output format (any case: GEXF works)')
          .choices(FORMATS.map((f) => f.id))
          .argParser((v: string) => v.toLowerCase())
          .default('json'),
      )
      .option('--out <file|dir>', 'write to this file (csv, neo4j: this folder) instead of stdout')
      .option('--dynamic', 'gexf: spells from dates, so Gephi’s timeline plays the graph’s growth')
      .option(
        '--mixed',
        'gexf, graphml: keep met-with and signed-agreement-with undirected ' +
          '(Gephi, graphology; networkx refuses mixed graphs)',
      )
      .option('--pretty', 'json: indent')
      .option('--no-metrics', 'leave out the node metrics (degree, weightedDegree, betweenness, pagerank, community)')
      .option('--store <dir>', 'store folder', DEFAULT_STORE),
  )
    .addHelpText(
      'after',
      `
Formats:
${FORMATS.map((f) => `  ${f.id.padEnd(8)} ${f.description}`).join('\n')}

Examples:
  kunafoni export --format json --out graph.json
  kunafoni export --format gexf --dynamic --out graph.gexf          open in Gephi, play the timeline
  kunafoni export --format graphml --kind person,organisation --min-sources 2 --out core.graphml
  kunafoni export --format csv --ego "Huawei" --depth 2 --out huawei/
  kunafoni export --format neo4j --out neo4j-import/ && sh neo4j-import/import.sh
  kunafoni export --format json | jq '.nodes[] | select(.attributes.kind == "person") | .attributes.label'

JSON is graphology's serialization: {attributes, options, nodes: [{key, attributes}], ` +
        'edges: [{key, source, target, undirected, attributes}]}.',
    )
    .action(async (opts: ExportFlags) => {
      const format = formatById(opts.format);
      if (!format)
        throw new UsageError(`unknown format ${opts.format}; expected one of ${FORMATS.map((f) => f.id).join(', ')}`);
      if (format.multiFile && !opts.out)
        throw new UsageError(`--format ${format.id} writes several files: give --out DIR`);
      if (opts.dynamic && format.id !== 'gexf') throw new UsageError('--dynamic applies to --format gexf only');
      const filters = parseFilterOptions({ ...opts });
      const store = await loadGraph(opts.store, { mustExist: true });
      const graph = filterGraph(store.graph, filters);
      const options: ExportOptions = {
        dynamic: !!opts.dynamic,
        mixed: !!opts.mixed,
        pretty: !!opts.pretty,
        metrics: opts.metrics !== false,
      };
      if (format.id === 'neo4j')
        options.articles = await neo4jArticles(
          opts.store,
          graph,
          [opts.kind, opts.relation, opts.since, opts.until, opts.minSources, opts.ego].some((f) => f !== undefined),
        );
      const out = format.write(graph, options);
      if (out.kind === 'text') await emit(io, out.text, opts.out);
      else {
        await mkdir(opts.out!, { recursive: true });
        for (const [name, text] of Object.entries(out.files)) await writeFileAtomic(join(opts.out!, name), text);
      }
      if (opts.out)
        io.err(
          `wrote ${graph.order} nodes and ${graph.size} edges to ${opts.out}` +
            (out.kind === 'files' ? ` (${Object.keys(out.files).join(', ')})` : '') +
            '\n',
        );
    });
