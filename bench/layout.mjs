#!/usr/bin/env node
// Layout benchmark: a random graph of N nodes / 4N edges (BENCH_LAYOUT_SIZES, default 5000,50000) laid
// out from scratch (ForceAtlas2, Barnes-Hut, 100 iterations: what a full re-layout costs), against
// positioning 10 and 100 new nodes incrementally (src/graph/incremental-layout.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './corpus.mjs';

const mod = join(repoRoot, 'dist', 'graph', 'incremental-layout.js');
if (!existsSync(mod)) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { positionNewNodes } = await import(mod);
const { default: Graph } = await import('graphology');
const { default: forceAtlas2 } = await import('graphology-layout-forceatlas2');

const sizes = (process.env.BENCH_LAYOUT_SIZES ?? '5000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
let s = 11;
const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
const rows = [];
for (const n of sizes) {
  const g = new Graph({ type: 'mixed', multi: true });
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: rnd() * 1000, y: rnd() * 1000 });
  for (let i = 0; i < 4 * n; i++) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() ** 2 * n); // a few hubs
    if (a !== b) g.addEdge(`n${a}`, `n${b}`, { weight: 1 });
  }
  let t = performance.now();
  forceAtlas2.assign(g, { iterations: 100, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true } });
  const full = performance.now() - t;
  const inc = {};
  for (const k of [10, 100]) {
    const h = g.copy();
    for (let i = 0; i < k; i++) {
      h.addNode(`new${i}`);
      for (let j = 0; j < 3; j++) h.addEdge(`new${i}`, `n${Math.floor(rnd() * n)}`, { weight: 1 });
    }
    const times = [];
    for (let r = 0; r < 3; r++) {
      t = performance.now();
      positionNewNodes(h, { seed: r + 1 });
      times.push(performance.now() - t);
    }
    inc[k] = times.sort((a, b) => a - b)[1]; // median of 3 (the first call also compiles the code)
  }
  const cells = [`${n} nodes / ${g.size} edges`, `${(full / 1000).toFixed(2)} s`, `${inc[10].toFixed(0)} ms`];
  rows.push(`| ${cells.join(' | ')} | ${inc[100].toFixed(0)} ms |`);
}
console.log(
  '\n### Layout benchmark\n\n' +
    '| graph | full FA2 (Barnes-Hut, 100 it.) | +10 nodes, incremental | +100 nodes, incremental |\n' +
    `|---|---|---|---|\n${rows.join('\n')}\n`,
);
