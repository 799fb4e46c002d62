#!/usr/bin/env node
// Metrics benchmark: degree, weighted degree, betweenness (exact up to 2,000 entities, sampled above),
// PageRank and Louvain (src/graph/metrics.ts) on random graphs of N nodes / 4N edges with a few hubs
// (BENCH_METRICS_SIZES, default 2000,5000,20000): what `kunafoni stats` and every export add.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus.mjs';

const mod = join(repoRoot, 'dist', 'graph', 'metrics.js');
if (!existsSync(mod)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { computeMetrics, DEFAULT_METRICS_OPTIONS } = await import(mod);
const { default: Graph } = await import('graphology');

const sizes = (process.env.BENCH_METRICS_SIZES ?? '2000,5000,20000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
let s = 11;
const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
const rows = [];
for (const n of sizes) {
  const g = new Graph({ type: 'mixed', multi: true });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`);
  for (let i = 0; i < 4 * n; i++) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() ** 2 * n); // a few hubs
    if (a !== b) g.addUndirectedEdge(`n${a}`, `n${b}`, { weight: 1 + Math.floor(rnd() * 3) });
  }
  const t = performance.now();
  const m = computeMetrics(g);
  const ms = performance.now() - t;
  const communities = new Set([...m.values()].map((x) => x.community)).size;
  const mode =
    n <= DEFAULT_METRICS_OPTIONS.exactBetweennessUpTo
      ? 'exact'
      : `${DEFAULT_METRICS_OPTIONS.betweennessSamples} sources`;
  rows.push(`| ${n} nodes / ${g.size} edges | ${mode} | ${(ms / 1000).toFixed(2)} s | ${communities} |`);
}
console.log(
  '\n### Metrics benchmark\n\n| graph | betweenness | all metrics | communities |\n' +
    `|---|---|---|---|\n${rows.join('\n')}\n`,
);
