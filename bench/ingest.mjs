#!/usr/bin/env node
// Ingest benchmark: for each size N (BENCH_SIZES, default 600,10000) generate N articles from the
// corpus's paragraphs (bench/corpus.mjs, in a temp dir), then measure, each as a whole process:
//   - ingest of the N articles in the default mode (one thread below parallelFrom() files, else one
//     worker per core) vs one bare single-threaded fr-compromise pass over the same texts
//     (`nlp(text).json()`): the ratio is the headline; CPU and peak RSS too
//   - the same ingest in the other mode (--workers <cores>, or --workers 0; BENCH_SEQUENTIAL=0 skips the latter)
//   - adding one article to the full store vs to an empty one (median of 3)
//   - export of the full store to JSON and GEXF
//   - query latency on the full store (p50, p99 of `neighbors` and `path`, in-process after one load),
//     and the load itself
// Prints a Markdown table per size. `npm run bench` runs it; CI never does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { generate, paragraphs, repoRoot } from './corpus.mjs';
import { parallelFrom } from '../dist/ingest.js';

const sizes = (process.env.BENCH_SIZES ?? '600,10000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const sequential = process.env.BENCH_SEQUENTIAL !== '0';
const cli = join(repoRoot, 'bin', 'kunafoni.js');
if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'kunafoni-bench-'));
// a preload that reports the process's CPU time and peak RSS (all threads) when it exits
const usage = join(tmp, 'usage.cjs');
writeFileSync(
  usage,
  `process.on('exit', () => {
  const u = process.resourceUsage();
  const cpu = (u.userCPUTime + u.systemCPUTime) / 1e6;
  require('fs').writeFileSync(process.env.BENCH_USAGE, JSON.stringify({ cpu, rss: u.maxRSS * 1024 }));
});\n`,
);
const bare = join(tmp, 'bare.cjs');
writeFileSync(
  bare,
  `// one bare single-threaded fr-compromise pass over the same texts (front matter removed)
const fs = require('fs'), path = require('path');
const nlp = require(require.resolve('fr-compromise', { paths: [${JSON.stringify(repoRoot)}] }));
const dir = process.argv[2];
const withoutFrontMatter = (text) => text.replace(/^---\\n[\\s\\S]*?\\n---\\n/, '');
for (const f of fs.readdirSync(dir).sort()) nlp(withoutFrontMatter(fs.readFileSync(path.join(dir, f), 'utf8'))).json();
`,
);

/** Run a node process; wall time (s), CPU time (s, all threads) and peak RSS (bytes). */
function run(args, what) {
  const out = join(tmp, 'usage.json');
  rmSync(out, { force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--require', usage, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_USAGE: out },
    maxBuffer: 1 << 30,
  });
  const wall = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  const u = JSON.parse(readFileSync(out, 'utf8'));
  return { wall, cpu: u.cpu, rss: u.rss, stderr: r.stderr, stdout: r.stdout };
}

const s = (x) => `${x.toFixed(2)} s`;
const mb = (x) => `${Math.round(x / 1048576)} MB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const pool = paragraphs();
try {
  for (const n of sizes) {
    const rows = [];
    const row = (what, value, note = '') => rows.push(`| ${what} | ${value} | ${note} |`);
    const corpus = join(tmp, `corpus-${n}`);
    const { chars } = generate(corpus, n, { pool });
    const store = join(tmp, `store-${n}`);

    const b = run([bare, corpus, repoRoot], 'bare fr-compromise pass');
    const ing = run([cli, 'ingest', corpus, '--store', store], 'ingest');
    const mode =
      n >= parallelFrom()
        ? `worker pool, ${availableParallelism()} threads`
        : `one thread: below ${parallelFrom()} files on ${availableParallelism()} cores`;
    const summary = /ingested (\d+).*?(\d+) articles, (\d+) nodes, (\d+) edges/.exec(ing.stderr);
    const [, ingested, , nodes, edges] = summary ?? [];
    row(
      'articles generated (characters)',
      `${n} (${(chars / 1e6).toFixed(1)} M)`,
      `ingested ${ingested}, graph ${nodes} nodes / ${edges} edges`,
    );
    row(
      'bare fr-compromise pass, 1 thread (whole process)',
      s(b.wall),
      `CPU ${s(b.cpu)}, peak RSS ${mb(b.rss)}, ${(n / b.wall).toFixed(0)} articles/s`,
    );
    row(
      `**ingest, default mode (${mode}; whole process)**`,
      `**${s(ing.wall)}**`,
      `CPU ${s(ing.cpu)}, peak RSS ${mb(ing.rss)}, ${(n / ing.wall).toFixed(0)} articles/s`,
    );
    row('**ratio ingest / bare pass**', `**${(ing.wall / b.wall).toFixed(2)}**`, 'wall time; ≤ 1 is the goal');
    // the other mode than the default, so both are always measured
    if (n < parallelFrom()) {
      const poolStore = join(tmp, `store-${n}-pool`);
      const p = run(
        [cli, 'ingest', corpus, '--store', poolStore, '--workers', String(availableParallelism())],
        'pool ingest',
      );
      const same =
        readFileSync(join(store, 'graph.json'), 'utf8') === readFileSync(join(poolStore, 'graph.json'), 'utf8');
      row(
        `ingest, --workers ${availableParallelism()} (worker pool, whole process)`,
        s(p.wall),
        `CPU ${s(p.cpu)}, peak RSS ${mb(p.rss)}; ` +
          `graph.json ${same ? 'identical to' : 'DIFFERS from'} the default run's`,
      );
      rmSync(poolStore, { recursive: true, force: true });
    }
    if (sequential && n >= parallelFrom()) {
      const seqStore = join(tmp, `store-${n}-seq`);
      const seq = run([cli, 'ingest', corpus, '--store', seqStore, '--workers', '0'], 'sequential ingest');
      const same =
        readFileSync(join(store, 'graph.json'), 'utf8') === readFileSync(join(seqStore, 'graph.json'), 'utf8');
      row(
        'ingest, --workers 0 (whole process)',
        s(seq.wall),
        `CPU ${s(seq.cpu)}, peak RSS ${mb(seq.rss)}; graph.json ${same ? 'identical to' : 'DIFFERS from'} the pool's`,
      );
      rmSync(seqStore, { recursive: true, force: true });
    }

    // one more article, into the full store and into an empty one
    const extra = join(tmp, `extra-${n}`);
    generate(extra, 3, { from: n + 1_000_000, pool });
    const one = (i, target) =>
      run(
        [cli, 'ingest', join(extra, `a${String(n + 1_000_000 + i).padStart(6, '0')}.md`), '--store', target],
        'one-article ingest',
      );
    // wall time is the goal's measure; CPU time and peak RSS too, as wall times vary on a shared machine
    const emptyRuns = [0, 1, 2].map((i) => one(i, join(tmp, `empty-${n}-${i}`)));
    const fullRuns = [0, 1, 2].map((i) => one(i, store));
    const onEmpty = median(emptyRuns.map((r) => r.wall));
    const onFull = median(fullRuns.map((r) => r.wall));
    const cpuOf = (runs) => median(runs.map((r) => r.cpu));
    const rssOf = (runs) => median(runs.map((r) => r.rss));
    row(
      'one article into an empty store',
      s(onEmpty),
      `median of 3, whole process; CPU ${s(cpuOf(emptyRuns))}, peak RSS ${mb(rssOf(emptyRuns))}`,
    );
    row(
      `one article into the ${n}-article store`,
      s(onFull),
      `×${(onFull / onEmpty).toFixed(2)} the empty store's (≤ 1.5 is the goal); ` +
        `CPU ${s(cpuOf(fullRuns))} (×${(cpuOf(fullRuns) / cpuOf(emptyRuns)).toFixed(2)}), ` +
        `peak RSS ${mb(rssOf(fullRuns))}`,
    );

    for (const format of ['json', 'gexf']) {
      const out = join(tmp, `export-${n}.${format}`);
      const e = run([cli, 'export', '--format', format, '--out', out, '--store', store], `export ${format}`);
      row(`export ${format.toUpperCase()}`, s(e.wall), `CPU ${s(e.cpu)}, peak RSS ${mb(e.rss)}`);
      rmSync(out, { force: true });
    }

    // queries, in one process after one load (the latency a script or the viewer's server sees)
    const q = join(tmp, 'query.mjs');
    writeFileSync(
      q,
      `import { openStore } from ${JSON.stringify(join(repoRoot, 'dist', 'index.js'))};
const t0 = performance.now();
const store = await openStore(process.argv[2]);
const load = performance.now() - t0;
const keys = store.graph.nodes().filter((k) => store.graph.degree(k) > 0);
let seed = 1; const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
// by node key: two entities may share a label (a surname alone under two titles), and a label then is ambiguous
const pick = () => keys[Math.floor(rnd() * keys.length)];
const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
const nb = [], pa = [];
for (let i = 0; i < 300; i++) nb.push(time(() => store.neighbors(pick())));
for (let i = 0; i < 300; i++) pa.push(time(() => { try { store.path(pick(), pick()); } catch {} }));
console.log(JSON.stringify({ load, nb, pa, order: store.graph.order }));
`,
    );
    const qr = run([q, store], 'queries');
    const { load, nb, pa } = JSON.parse(qr.stdout);
    row(
      'open the store for queries (in-process load)',
      `${load.toFixed(0)} ms`,
      `whole process (load and 600 queries): CPU ${s(qr.cpu)}, peak RSS ${mb(qr.rss)}`,
    );
    row(
      'query neighbors',
      `p50 ${pct(nb, 50).toFixed(2)} ms`,
      `p99 ${pct(nb, 99).toFixed(2)} ms (300 random entities)`,
    );
    row('query path', `p50 ${pct(pa, 50).toFixed(2)} ms`, `p99 ${pct(pa, 99).toFixed(2)} ms (300 random pairs)`);
    const cq = run(
      [
        cli,
        'query',
        'neighbors',
        JSON.parse(JSON.stringify(pool.length ? 'Orange Mali' : 'x')),
        '--json',
        '--store',
        store,
      ],
      'query CLI',
    );
    row('`kunafoni query neighbors "Orange Mali"` (whole process)', s(cq.wall), '');

    console.log(`\n### Ingest benchmark, N = ${n}\n\n| measure | value | notes |\n|---|---|---|\n${rows.join('\n')}\n`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
