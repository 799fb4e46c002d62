// The shape every `kunafoni query` subcommand shares: --json, --wide and --store flags, examples and the
// JSON fields in its help, a table or JSON on stdout.
import { Command } from 'commander';
import { openStore, type OpenedStore } from '../query/open.js';
import { DEFAULT_STORE } from '../library/store.js';
import type { CliIO } from './io.js';

/** The flags every query subcommand takes. */
export interface QueryFlags {
  json?: boolean;
  wide?: boolean;
  store: string;
}

/** What a subcommand prints: `data` as JSON with --json, else `text`. */
export interface QueryOutput {
  data: unknown;
  text: string;
}

/** A subcommand with the shared --json and --store flags; `run` prints either JSON or text. */
export function querySubcommand<A extends unknown[], F extends QueryFlags>(
  io: CliIO,
  spec: {
    name: string;
    args: string;
    description: string;
    examples: string[];
    fields: string;
    configure?: (c: Command) => Command;
  },
  run: (store: OpenedStore, args: A, flags: F) => QueryOutput,
): Command {
  let c = new Command(spec.name)
    .description(spec.description)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();
  for (const a of spec.args.split(' ').filter(Boolean)) c.argument(a);
  c = (spec.configure ? spec.configure(c) : c)
    .option('--json', 'print JSON (for jq and scripts)')
    .option('--wide', 'tables: whole sentences and titles, not cut at ~90 characters')
    .option('--store <dir>', 'store folder', DEFAULT_STORE);
  c.addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  ${e}`).join('\n')}\n\nJSON: ${spec.fields}`);
  return c.action(async (...all: unknown[]) => {
    const args = all.slice(0, -2) as A;
    const flags = all[all.length - 2] as F;
    const store = await openStore(flags.store);
    const { data, text } = run(store, args, flags);
    io.out(flags.json ? JSON.stringify(data, null, 2) + '\n' : text);
  });
}
