#!/usr/bin/env node
// npm run eval: ingest ../shared/corpus into a temporary store, export JSON, score it with the shared
// scorer. Extra arguments go to the scorer (e.g. --verbose). `--corpus DIR --gold DIR` score other sets.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const take = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = args[i + 1];
  args.splice(i, 2);
  return resolve(v);
};
const shared = resolve(root, '..', 'shared');
const corpus = take('--corpus', join(shared, 'corpus'));
const gold = take('--gold', join(shared, 'gold'));
const scorer = join(shared, 'tools', 'eval.mjs');
for (const [what, p] of [['corpus', corpus], ['gold', gold], ['scorer', scorer]])
  if (!existsSync(p)) {
    console.error(`eval: no ${what} at ${p} (the shared data set lives beside the repository, in ../shared)`);
    process.exit(2);
  }
const cli = join(root, 'bin', 'kunafoni.js');
const tmp = mkdtempSync(join(tmpdir(), 'kunafoni-eval-'));
try {
  const store = join(tmp, 'store');
  const out = join(tmp, 'graph.json');
  // the pipeline's own messages are shown only when it fails, so the score is the last line printed
  const run = (argv) => {
    const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8' });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      console.error(`eval: \`kunafoni ${argv[0]}\` failed (exit ${r.status})`);
      process.exit(r.status ?? 1);
    }
  };
  run(['ingest', corpus, '--store', store]);
  run(['export', '--format', 'json', '--out', out, '--store', store]);
  const r = spawnSync(process.execPath, [scorer, '--graph', out, '--gold', gold, '--articles', corpus, ...args], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
