#!/usr/bin/env node
// `npm start`: build what is missing (the CLI in dist/, the viewer in web/dist), ingest the sample
// articles in data/articles into data/store, then serve the viewer on 127.0.0.1 and print its URL.
// Options: --port N (or PORT=N), --store DIR, --articles DIR.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = opt('port', process.env.PORT ?? '8040');
const store = opt('store', 'data/store');
const articles = opt('articles', 'data/articles');
const say = (m) => process.stderr.write(`start: ${m}\n`);
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, cmdArgs, what) {
  say(what);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  return r.status ?? 1;
}

function countFiles(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    n += statSync(p).isDirectory() ? countFiles(p) : 1;
  }
  return n;
}

try {
  if (
    !existsSync(join(root, 'dist', 'cli', 'main.js')) &&
    run(bin('tsc'), ['-p', 'tsconfig.build.json'], 'compiling the CLI (dist/ is missing)') !== 0
  ) {
    say('the TypeScript build failed; see above');
    process.exit(1);
  }
  if (
    !existsSync(join(root, 'web', 'dist', 'index.html')) &&
    run(
      bin('vite'),
      ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
      'building the viewer (web/dist is missing)',
    ) !== 0
  ) {
    say('the viewer build failed; see above');
    process.exit(1);
  }
  const n = countFiles(resolve(root, articles));
  if (n === 0) say(`no sample articles in ${articles}; serving ${store} as it is`);
  else {
    const code = run(
      process.execPath,
      [join(root, 'bin', 'kunafoni.js'), 'ingest', articles, '--store', store],
      `ingesting ${n} files from ${articles} into ${store}`,
    );
    if (code === 2) process.exit(2);
    if (code !== 0) say('some files could not be ingested (listed above); serving the rest');
  }
} catch (err) {
  say(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

// serve in the foreground; Ctrl-C reaches both processes, and we exit with the server's code
const server = spawn(
  process.execPath,
  [join(root, 'bin', 'kunafoni.js'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--store', store],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
say(`serving ${store} (Ctrl-C to stop)`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
