// The `kunafoni` command line. Commands are declared one per file and loaded when invoked: `--version`,
// `--help` and a `query` from a script load nothing they do not use. Results go to stdout, messages to
// stderr. Exit 0 on success, 1 when an input failed, 2 on bad usage.
import { Command, CommanderError } from 'commander';
import { KunafoniError, errorMessage } from '../errors.js';
import { escapeControl, processIO, type CliIO } from './io.js';

type SetExit = (code: number) => void;

/** A command as the top-level help lists it, and how to load its full declaration. */
interface CommandEntry {
  name: string;
  args: string;
  description: string;
  load(io: CliIO, setExit: SetExit): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'ingest',
    args: '<inputs...>',
    description:
      'add articles to the store (files, folders walked recursively, URLs of pages or feeds, "-" for stdin); ' +
      'prints a summary',
    load: async (io, setExit) => (await import('./ingest.js')).ingestCommand(io, setExit),
  },
  {
    name: 'export',
    args: '',
    description: 'write the graph (or a filtered part of it) in an exchange format',
    load: async (io) => (await import('./export.js')).exportCommand(io),
  },
  {
    name: 'query',
    args: '',
    description: 'ask the graph: entities, articles, neighbours, paths, relations, timelines, search',
    load: async (io) => (await import('./query.js')).queryCommand(io),
  },
  {
    name: 'explain',
    args: '<a> <b>',
    description: 'why the edges between two entities exist: rules, sentences, confidence, resolution steps',
    load: async (io) => (await import('./explain.js')).explainCommand(io),
  },
  {
    name: 'stats',
    args: '',
    description: 'count articles, entities and relations in the store; the most central entities and the communities',
    load: async (io) => (await import('./stats.js')).statsCommand(io),
  },
  {
    name: 'serve',
    args: '',
    description: 'serve the graph viewer (web/dist) and the graph at /api/graph',
    load: async (io) => (await import('./serve.js')).serveCommand(io),
  },
  {
    name: 'curate',
    args: '',
    description: 'correct the graph: merge, rename, retype, delete, split, verify; decisions survive every re-ingest',
    load: async (io) => (await import('./curate.js')).curateCommand(io),
  },
];

/** The command a command line invokes (`help X` counts as X); undefined for top-level flags alone. */
export function invokedCommand(argv: string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * The program with the invoked command fully declared (its module loaded) and the others as stubs
 * that only name themselves in the top-level help. `load: 'all'` declares every command.
 */
export async function program(io: CliIO, setExit: SetExit, load: string | undefined): Promise<Command> {
  const p = new Command('kunafoni')
    .description('Knowledge graphs from news about Mali’s digital and telecom sector')
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  kunafoni ingest data/articles            build or extend the graph (store: data/store)
  kunafoni stats                           what the store holds
  kunafoni export --format json --out g.json`,
    );
  for (const entry of COMMANDS) {
    const c =
      load === 'all' || load === entry.name
        ? await entry.load(io, setExit)
        : new Command(entry.name).description(entry.description);
    if (!c.registeredArguments.length) for (const a of entry.args.split(' ').filter(Boolean)) c.argument(a);
    c.configureOutput({ writeOut: io.out, writeErr: io.err }).exitOverride().showHelpAfterError();
    p.addCommand(c);
  }
  return p;
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  let code = 0;
  try {
    const p = await program(io, (c) => (code = Math.max(code, c)), invokedCommand(argv));
    await p.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return 0;
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof KunafoniError) {
      io.err(`kunafoni: ${escapeControl(err.message)}\n`);
      return err.exitCode;
    }
    io.err(`kunafoni: unexpected error: ${escapeControl(errorMessage(err))}\n`);
    return 1;
  }
}
