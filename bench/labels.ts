// Label placement benchmark (web/src/label-placement.ts, run on every frame the viewer draws): time per
// frame for screens crowded with discs, from a sparse opening view to a screen covered with nodes where
// no label finds a place (the worst case: every side of every candidate is tried).
//   npm run bench labels
import { mulberry32 } from '../src/graph/random.js';
import { placeLabels } from '../web/src/label-placement.js';

const area = { x: 0, y: 0, width: 1190, height: 855 };
const cases: [discs: number, candidates: number][] = [
  [250, 40],
  [2000, 150],
  [5000, 200],
  [20000, 400],
];
for (const [n, k] of cases) {
  const r = mulberry32(n);
  const discs = Array.from({ length: n }, (_, i) => ({
    key: `n${i}`,
    x: r() * area.width,
    y: r() * area.height,
    size: 3 + 15 * r() ** 3,
  }));
  const requests = discs.slice(0, k).map((d) => ({ ...d, width: 40 + r() * 120, height: 17 }));
  const run = () => placeLabels(requests, discs, { area, minObstacle: 7 });
  for (let i = 0; i < 5; i++) run();
  const times: number[] = [];
  let placed = 0;
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    placed = run().length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const ms = (x: number) => `${x.toFixed(2)} ms`;
  console.log(`${n} discs, ${k} candidate labels: ${placed} placed, median ${ms(median)}, p95 ${ms(p95)} per frame`);
}
