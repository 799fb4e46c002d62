#!/usr/bin/env node
// The CLI entry point: runs the compiled TypeScript (built by `npm install` through `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
