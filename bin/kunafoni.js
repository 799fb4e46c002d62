#!/usr/bin/env node
// The CLI entry point: runs the compiled TypeScript (built by `npm install` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
// The extraction rules are large regular expressions (every title, civility and organisation of the lexicons).
// By default V8 runs a pattern's first match in its bytecode interpreter and compiles it to machine code only
// on the second: for those patterns that first interpreted match costs more than the compilation (about 0.35 s
// of CPU per process, 10% of a 600-article ingest). Same matches either way; set before any pattern runs, and
// for the worker threads too (V8's flags are the process's).
setFlagsFromString('--no-regexp-tier-up');
const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(
    'kunafoni: the compiled CLI is missing (dist/). Run `npm install` or `npm run build` in the kunafoni folder.\n',
  );
  process.exit(2);
}
// `kunafoni … | head` closes the pipe early: that is not an error
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
