// The graph's labels in headless Chromium at 1440×900, on a store ingested from fictional articles
// (test/helpers/fictional.ts: a few organisations, many people, one regulator): at the opening view,
// with a selection's neighbourhood forced and after zooming in, no two labels overlap, none reaches
// under the side panel, and the boxes the viewer reports (#graph's data-labels, web/src/label-layer.ts)
// are where the label canvas has ink (issue 15: labels collided at the opening view).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { openStore } from '../../src/query/open.js';
import { CHROMIUM, hasChromium, launch, type Browser } from '../helpers/browser.js';
import { ensureViewerBuilt, openViewer } from '../helpers/viewer-build.js';
import { cli } from '../helpers/fixture-helpers.js';
import { writeFictional } from '../helpers/fictional.js';

const repo = resolve(import.meta.dirname, '..', '..');
const webDist = join(repo, 'web', 'dist');

interface LabelBox {
  key: string;
  side: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

if (!hasChromium()) console.warn(`labels e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

let tmp: string;
let server: RunningServer;
let browser: Browser;
let hub: string;
let hubLabel: string;
const pageErrors: string[] = [];

const open = (hash = ''): Promise<Page> => openViewer(browser, server.url + hash, pageErrors);

/** The label boxes of the last frame, once two reads 300 ms apart agree (the camera has settled). */
async function settledLabels(page: Page): Promise<LabelBox[]> {
  const read = () => page.locator('#graph').getAttribute('data-labels');
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const now = await read();
    if (now !== null && now === last) return JSON.parse(now) as LabelBox[];
    last = now;
  }
  throw new Error('the labels did not settle');
}

/** Pairs of labels whose boxes share an area. */
function overlapping(boxes: LabelBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        out.push(`${a.key} × ${b.key}`);
    }
  return out;
}

/**
 * The label canvas against the reported boxes: inked pixels outside every box (grown by `slack` px for
 * the halo and antialiasing), and boxes with no ink.
 */
function inkCheck(page: Page, boxes: LabelBox[], slack = 3): Promise<{ stray: number; empty: string[] }> {
  return page.evaluate(
    ({ boxes, slack }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('#graph canvas.sigma-labels')!;
      const ratio = canvas.width / canvas.clientWidth;
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      // which box (index + 1) covers each pixel, then one pass over the pixels
      const owner = new Int32Array(width * height);
      boxes.forEach((b, i) => {
        const [x0, x1] = [
          Math.max(0, Math.floor((b.x - slack) * ratio)),
          Math.min(width - 1, Math.ceil((b.x + b.width + slack) * ratio)),
        ];
        const [y0, y1] = [
          Math.max(0, Math.floor((b.y - slack) * ratio)),
          Math.min(height - 1, Math.ceil((b.y + b.height + slack) * ratio)),
        ];
        for (let py = y0; py <= y1; py++) for (let px = x0; px <= x1; px++) owner[py * width + px] ||= i + 1;
      });
      const ink = new Array<number>(boxes.length).fill(0);
      let stray = 0;
      for (let p = 0; p < width * height; p++) {
        if (data[p * 4 + 3]! < 40) continue;
        if (owner[p]) ink[owner[p]! - 1]!++;
        else stray++;
      }
      return { stray, empty: boxes.filter((_, i) => ink[i] === 0).map((b) => b.key) };
    },
    { boxes, slack },
  );
}

/** The graph canvas and the side panel, in page pixels. */
const rects = (page: Page) =>
  page.evaluate(() => {
    const r = (sel: string) => {
      const b = document.querySelector(sel)!.getBoundingClientRect();
      return { left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width };
    };
    return { graph: r('#graph'), labels: r('#graph canvas.sigma-labels'), panel: r('#panel') };
  });

async function expectClean(page: Page, boxes: LabelBox[]): Promise<void> {
  expect(overlapping(boxes)).toEqual([]);
  const { graph, labels, panel } = await rects(page);
  // the label canvas is the graph's area, and the graph's area ends where the panel starts
  expect(labels.left).toBe(graph.left);
  expect(labels.width).toBe(graph.width);
  expect(graph.right).toBeLessThanOrEqual(panel.left);
  const out = boxes.filter(
    (b) => b.x < 0 || b.y < 0 || graph.left + b.x + b.width > panel.left || graph.top + b.y + b.height > graph.bottom,
  );
  expect(out.map((b) => b.key)).toEqual([]);
  // what is reported is what is drawn: no ink outside the boxes, ink in each box
  expect(await inkCheck(page, boxes)).toEqual({ stray: 0, empty: [] });
}

beforeAll(async () => {
  if (!hasChromium()) return;
  await ensureViewerBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'kunafoni-labels-e2e-'));
  const store = join(tmp, 'store');
  writeFictional(join(tmp, 'articles'), 40);
  const res = await cli(['ingest', join(tmp, 'articles'), '--store', store, '--workers', '0']);
  expect(res.code, res.err).toBe(0);
  // the node drawn largest (sizes follow mentions; sigma and the placement break ties by key)
  const { graph } = await openStore(store);
  const nodes = graph.mapNodes((key, a) => ({ key, mentions: (a.mentions as number | undefined) ?? 1 }));
  nodes.sort((a, b) => b.mentions - a.mentions || (a.key < b.key ? -1 : 1));
  hub = nodes[0]!.key;
  hubLabel = graph.getNodeAttribute(hub, 'label') as string;
  server = await startServer({ store, port: 0, webDir: webDist });
  browser = await launch({ width: 1440, height: 900 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(!hasChromium())('graph labels in headless Chromium at 1440×900', () => {
  it('at the opening view, labels are drawn, no two overlap and none is under the panel', async () => {
    const page = await open();
    const boxes = await settledLabels(page);
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    await expectClean(page, boxes);
    // the largest node of the graph keeps its label
    expect(boxes.map((b) => b.key)).toContain(hub);
    await page.close();
  });

  it('with a selection, its neighbours’ labels are forced and still do not overlap', async () => {
    const page = await open('#node=' + encodeURIComponent(hub));
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe(hubLabel);
    const boxes = await settledLabels(page);
    expect(boxes.map((b) => b.key)).toContain(hub);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    await expectClean(page, boxes);
    await page.close();
  });

  it('after zooming in towards the largest node, labels are placed again for the new camera', async () => {
    const page = await open();
    const before = (await settledLabels(page)).find((b) => b.key === hub)!;
    const { graph } = await rects(page);
    // the wheel zooms towards the pointer: put it just left of the hub's label, on its disc's side
    await page.mouse.move(graph.left + before.x - 6, graph.top + before.y + before.height / 2);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, -120);
      await page.waitForTimeout(150);
    }
    const after = await settledLabels(page);
    const moved = after.find((b) => b.key === hub);
    expect(moved).toBeDefined();
    expect(Math.abs(moved!.x - before.x) + Math.abs(moved!.y - before.y)).toBeGreaterThan(1);
    await expectClean(page, after);
    await page.close();
  });

  it('raised no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
