#!/usr/bin/env node
// `npm run bench [name...]`: run every benchmark in bench/ (bench/*.mjs with node, bench/*.ts through
// tsx), or only those whose file name contains one of the names given. Files starting with `_` are
// helpers, not benchmarks. Extra options after `--` go to each benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'bench');
const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const names = sep >= 0 ? argv.slice(0, sep) : argv;
const passThrough = sep >= 0 ? argv.slice(sep + 1) : [];
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.(mjs|ts)$/.test(f) && !f.startsWith('_') && !f.endsWith('.d.ts'))
      .filter((f) => !names.length || names.some((n) => f.includes(n)))
      .sort()
  : [];
if (!files.length) {
  process.stderr.write(`bench: no benchmark in bench/${names.length ? ` matching ${names.join(', ')}` : ''}\n`);
  process.exit(2);
}
let failed = 0;
for (const f of files) {
  process.stderr.write(`\n=== bench/${f}\n`);
  const nodeArgs = f.endsWith('.ts') ? ['--import', 'tsx', join(dir, f)] : [join(dir, f)];
  const r = spawnSync(process.execPath, [...nodeArgs, ...passThrough], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench: bench/${f} failed (exit ${r.status ?? r.signal})\n`);
  }
}
process.exit(failed ? 1 : 0);
