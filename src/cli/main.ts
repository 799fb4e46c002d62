// The `kunafoni` command line. Commands are declared one per file; results go to stdout, messages to
// stderr. Exit 0 on success, 1 when an input failed, 2 on bad usage.
import { Command, CommanderError } from 'commander';
import { KunafoniError, errorMessage } from '../errors.js';
import { curateCommand } from './curate.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';
import { escapeControl, processIO, type CliIO } from './io.js';
import { queryCommand } from './query.js';
import { serveCommand } from './serve.js';
import { statsCommand } from './stats.js';

export function program(io: CliIO, setExit: (code: number) => void): Command {
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
  for (const c of [ingestCommand(io, setExit), exportCommand(io), queryCommand(io), explainCommand(io), statsCommand(io), serveCommand(io), curateCommand(io)]) {
    c.configureOutput({ writeOut: io.out, writeErr: io.err }).exitOverride().showHelpAfterError();
    p.addCommand(c);
  }
  return p;
}

/** Run the CLI; resolves to the exit code. */
export async function run(argv: string[], io: CliIO = processIO): Promise<number> {
  let code = 0;
  const p = program(io, (c) => (code = Math.max(code, c)));
  try {
    await p.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
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
