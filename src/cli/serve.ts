import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../serve/server.js';
import { DEFAULT_STORE, isStore } from '../library/store.js';
import type { CliIO } from './io.js';

const parsePort = (v: string): number => {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new UsageError(`--port must be an integer between 0 and 65535, got "${v}"`);
  return n;
};

/**
 * Serve the viewer until interrupted. `until` resolves when the server should stop (Ctrl-C by
 * default); tests pass their own.
 */
export const serveCommand = (io: CliIO, until: () => Promise<void> = interrupted) =>
  new Command('serve')
    .description('serve the graph viewer (web/dist) and the graph at /api/graph')
    .option('--port <n>', 'port (0: any free port)', parsePort, DEFAULT_PORT)
    .option('--host <host>', 'address to bind; anything but loopback exposes your store to the network', DEFAULT_HOST)
    .option('--store <dir>', 'store folder', DEFAULT_STORE)
    .option(
      '--edit',
      "let the viewer correct the graph (rename, merge, delete, verify), recorded in the store's curation.json",
    )
    .addHelpText(
      'after',
      `
Examples:
  kunafoni serve                         http://127.0.0.1:${DEFAULT_PORT}/
  kunafoni serve --port 0 --store research/store
  kunafoni serve --edit                  the panel offers rename, merge, delete and verify
  kunafoni serve --host 0.0.0.0 --edit   on the network: prints a warning and an address with a secret
                                         token (?token=…) without which changes are refused

Endpoints: / (the viewer), /api/graph (graphology JSON with x/y), /api/articles ([{id, title, date, source, url}]),
/api/curation (GET: the decisions; POST: record one, with --edit only; see \`kunafoni curate --help\`).
` +
        'Positions are computed once (ForceAtlas2 + noverlap) when the stored graph has none, ' +
        `and cached in the store's layout.json.
Prints the URL on stdout; Ctrl-C stops.`,
    )
    .action(async (opts: { port: number; host: string; store: string; edit?: boolean }) => {
      if (!(await isStore(opts.store)))
        io.err(
          `kunafoni: no store in ${opts.store} yet; ` +
            `the viewer will say so until you run \`kunafoni ingest <files> --store ${opts.store}\`\n`,
        );
      const server = await startServer({
        store: opts.store,
        host: opts.host,
        port: opts.port,
        log: io.err,
        edit: opts.edit === true,
      });
      if (server.exposed)
        io.err(
          `kunafoni: warning: listening on ${opts.host}, not a loopback address: ` +
            'anyone who can reach this port can read the whole store' +
            (server.editToken
              ? '; changes (--edit) need the secret token in the address printed below: ' +
                'share it only with those who may edit\n'
              : '\n'),
        );
      // warm the cache (and compute the layout) before the first visit
      const first = await server.source.get();
      if (first.ok)
        io.err(
          `serving ${first.value.order} nodes and ${first.value.size} edges from ${server.source.dir} ` +
            `(positions: ${first.value.layout})\n`,
        );
      // the token is printed once, in the address the viewer reads it from
      io.out(`Kunafoni viewer: ${server.url}${server.editToken ? `?token=${server.editToken}` : ''}\n`);
      await until();
      await server.close();
    });

function interrupted(): Promise<void> {
  return new Promise((ok) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ok();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
