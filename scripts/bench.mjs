#!/usr/bin/env node
// npm run bench: runs every benchmark in bench/ (bench/*.mjs, and bench/*.ts through tsx), in name
// order; files starting with "_" or named corpus.mjs are helpers. BENCH_SIZES=600,10000 sets the sizes.
// `npm run bench -- ingest` runs only the benchmarks whose name contains "ingest".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = join(root, 'bench');
const only = process.argv.slice(2);
const helpers = new Set(['corpus.mjs']);
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.(mjs|ts)$/.test(f) && !f.startsWith('_') && !helpers.has(f) && !f.endsWith('.d.ts'))
      .filter((f) => !only.length || only.some((o) => f.includes(o)))
      .sort()
  : [];
if (!files.length) {
  console.error('bench: no benchmark found in bench/');
  process.exit(2);
}
let failed = 0;
for (const f of files) {
  console.log(`\n## bench/${f}`);
  const args = f.endsWith('.ts') ? ['--import', 'tsx', join(dir, f)] : [join(dir, f)];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    failed++;
    console.error(`bench: bench/${f} failed (exit ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
