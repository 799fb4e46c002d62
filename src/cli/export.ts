import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { exportJson } from '../export/json.js';
import { DEFAULT_STORE, loadStore } from '../store/store.js';
import { emit, type CliIO } from './io.js';

export const exportCommand = (io: CliIO) =>
  new Command('export')
    .description('write the graph in an exchange format')
    .addOption(new Option('--format <format>', 'output format').choices(['json']).default('json'))
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--pretty', 'indent JSON')
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .addHelpText(
      'after',
      `
Examples:
  kunafoni export --format json --out graph.json
  kunafoni export --format json | jq '.nodes[] | select(.attributes.kind == "person") | .attributes.label'

JSON is graphology's serialization: {attributes, options, nodes: [{key, attributes}], edges: [{key, source, target, undirected, attributes}]}.`,
    )
    .action(async (opts: { format: string; out?: string; store: string; pretty?: boolean }) => {
      const store = await loadStore(opts.store, { mustExist: true });
      if (opts.format !== 'json') throw new UsageError(`unknown format ${opts.format}`);
      await emit(io, exportJson(store.graph, !!opts.pretty), opts.out);
      if (opts.out) io.err(`wrote ${store.graph.order} nodes and ${store.graph.size} edges to ${opts.out}\n`);
    });
