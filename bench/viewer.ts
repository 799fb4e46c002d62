// Viewer benchmark: synthetic graphs of 5k nodes / 20k edges and 20k nodes / 100k edges, served by
// `kunafoni serve` and opened in headless Chromium (SwiftShader WebGL): time to first render, and
// frame times while panning (mouse drag) and hovering. Also the serve-time layout (FA2 Barnes-Hut +
// noverlap) in Node for the same graphs, which the server computes once when the store has no x/y.
//   npm run bench viewer                  both sizes
//   npm run bench viewer -- --sizes 5000x20000 --no-layout
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { computeLayout } from '../src/graph/layout.js';
import { startServer } from '../src/serve/server.js';
import { CHROMIUM, hasChromium, launch } from '../test/helpers/browser.js';
import { writeFixtureStore } from '../test/helpers/fixture-store.js';
import { syntheticGraph } from './_synthetic.js';

const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]! : '5000x20000,20000x100000')
  .split(',')
  .map((s) => s.split('x').map(Number) as [number, number]);
const withLayout = !args.includes('--no-layout');

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return {
    n: s.length,
    median: q(0.5),
    p95: q(0.95),
    max: s[s.length - 1] ?? NaN,
    mean: s.reduce((a, b) => a + b, 0) / Math.max(s.length, 1),
  };
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function benchBrowser(n: number, m: number, data: SerializedGraph) {
  const tmp = await mkdtemp(join(tmpdir(), 'kunafoni-bench-'));
  const server = await startServer({
    store: join(tmp, 'store'),
    port: 0,
    webDir: resolve(import.meta.dirname, '..', 'web', 'dist'),
  });
  await writeFixtureStore(join(tmp, 'store'), data);
  await server.source.get(); // warm the server's cache: we measure the browser
  const browser = await launch({ width: 1280, height: 800 });
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url, { timeout: 120_000 });
    await page.waitForFunction(() => performance.getEntriesByName('kunafoni:first-render').length > 0, undefined, {
      timeout: 180_000,
      polling: 100,
    });
    const firstRender = (await page.evaluate(
      "performance.getEntriesByName('kunafoni:first-render')[0].startTime",
    )) as number;
    const sigmaInit = (await page.evaluate(
      "performance.getEntriesByName('kunafoni:renderer')[0]?.duration ?? NaN",
    )) as number;
    await page.waitForSelector('body[data-state="ready"]', { timeout: 60_000 });
    await page.waitForTimeout(500);

    // plain strings: tsx's helpers (__name) do not exist in the page
    const record = () =>
      page.evaluate(`(() => {
        window.__frames = [];
        window.__recording = true;
        let last = performance.now();
        const tick = (t) => {
          if (!window.__recording) return;
          window.__frames.push(t - last);
          last = t;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
      })()`);
    const stop = async (): Promise<number[]> =>
      (await page.evaluate('(window.__recording = false, window.__frames)')) as number[];

    const box = (await page.locator('#graph').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // pan: drag the stage around a circle for ~3 s of mouse moves
    await record();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 90; i++) {
      const a = (i / 90) * 2 * Math.PI;
      await page.mouse.move(cx + Math.cos(a) * 200 - 200, cy + Math.sin(a) * 150, { steps: 1 });
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await page.waitForTimeout(300);
    const pan = stats((await stop()).slice(2));
    // zoom: wheel in and out
    await record();
    for (let i = 0; i < 20; i++) {
      await page.mouse.wheel(0, i < 10 ? -120 : 120);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(400);
    const zoom = stats((await stop()).slice(2));
    // search + select: time from Enter to the panel being filled
    const t0 = Date.now();
    await page.fill('input[type="search"]', 'Organisation 12');
    await page.press('input[type="search"]', 'Enter');
    await page.waitForFunction(() => !!document.querySelector('#panel h2'), undefined, { timeout: 60_000 });
    const select = Date.now() - t0;
    return { n, m, firstRender, sigmaInit, pan, zoom, select, errors };
  } finally {
    await browser.close();
    await server.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

async function main() {
  if (!hasChromium()) {
    process.stderr.write(`bench/viewer: ${CHROMIUM} is absent (apt-get install -y chromium); skipped\n`);
    return;
  }
  const rows: string[] = [];
  for (const [n, m] of sizes) {
    process.stderr.write(`bench/viewer: ${n} nodes, ${m} edges…\n`);
    const data = syntheticGraph(n, m);
    if (withLayout) {
      const g = new Graph({ type: 'mixed' });
      g.import(data);
      const t0 = performance.now();
      computeLayout(g);
      const elapsed = (performance.now() - t0).toFixed(0);
      rows.push(`layout (Node, FA2 Barnes-Hut + noverlap, default iterations)  ${n}/${m}: ${elapsed} ms`);
      process.stderr.write(rows[rows.length - 1] + '\n');
    }
    const r = await benchBrowser(n, m, data);
    const line = [
      `browser ${n} nodes / ${m} edges:`,
      `first render ${ms(r.firstRender)} after navigation (sigma init ${ms(r.sigmaInit)})`,
      `pan frames median ${ms(r.pan.median)}, p95 ${ms(r.pan.p95)}, max ${ms(r.pan.max)} ` +
        `(${r.pan.n} frames, ${(1000 / r.pan.mean).toFixed(0)} fps)`,
      `zoom frames median ${ms(r.zoom.median)}, p95 ${ms(r.zoom.p95)}`,
      `search → panel ${r.select} ms`,
      r.errors.length ? `PAGE ERRORS: ${r.errors.join(' | ')}` : '',
    ]
      .filter(Boolean)
      .join('\n  ');
    rows.push(line);
    process.stderr.write(line + '\n');
  }
  process.stdout.write('\n' + rows.join('\n') + '\n');
}

await main();
