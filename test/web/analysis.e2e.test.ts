// The viewer's analysis in real headless Chromium, on a store ingested from the fictional articles
// of test/fixtures/succession: the organisation's panel shows its role succession as a timeline,
// a person's panel their posts and commitment threads, nodes can be coloured by Louvain community
// (pixels, not DOM) and sized by any metric.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/query/open.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { COMMUNITY_COLORS } from '../../web/src/analysis.js';
import { ensureViewerBuilt, openViewer } from '../helpers/viewer-build.js';
import { CHROMIUM, hasChromium, launch, type Browser } from '../helpers/browser.js';
import { countColour, countInk, decodePng } from '../helpers/png.js';
import { cli } from '../helpers/fixture-helpers.js';
import { setScoringMode } from '../../src/nlp/scorer.js';

// The succession fixtures test periods and threads over a known extraction: the rules' (the trained scorer
// is tested on its own, in scorer.test.ts and the corpus suite).
setScoringMode({ mode: 'rules' });

const repo = resolve(import.meta.dirname, '..', '..');
const webDist = join(repo, 'web', 'dist');

if (!hasChromium()) console.warn(`analysis e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

let tmp: string;
let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
const keys: Record<string, string> = {};

const open = (hash = ''): Promise<Page> => openViewer(browser, server.url + hash, pageErrors);

beforeAll(async () => {
  if (!hasChromium()) return;
  await ensureViewerBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'kunafoni-analysis-e2e-'));
  const store = join(tmp, 'store');
  const res = await cli(['ingest', join(repo, 'test', 'fixtures', 'succession'), '--store', store, '--workers', '0']);
  expect(res.code, res.err).toBe(0);
  const q = await openStore(store);
  for (const n of ['Falaise Télécom', 'Bakary Ag Intalla', 'Oumou Sanogo']) keys[n] = q.resolve(n);
  server = await startServer({ store, port: 0, webDir: webDist });
  browser = await launch({ width: 1440, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(!hasChromium())('viewer analysis in headless Chromium: succession and threads', () => {
  it('the organisation’s panel shows its succession as a timeline, in order, with bars on one time axis', async () => {
    const page = await open('#node=' + encodeURIComponent(keys['Falaise Télécom']!));
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Falaise Télécom');
    const section = page.locator('.succession-section');
    await expect.poll(() => section.locator('h3').textContent()).toBe('Succession aux postes');
    const rows = section.locator('li.period');
    expect(await rows.count()).toBe(3);
    const heads = await rows.locator('.period-head').allTextContents();
    expect(heads).toEqual([
      'Directeur général — Bakary Ag Intalla',
      'Directrice générale — Oumou Sanogo',
      "Président du Conseil d'administration — Bakary Ag Intalla",
    ]);
    expect(await rows.nth(0).locator('.meta').textContent()).toMatch(/^13 avril 2021 → 9 novembre 2022 · 2 articles/);
    // the former DG's bar ends before the new DG's starts, on the same track width
    const bars = await Promise.all([0, 1, 2].map((i) => rows.nth(i).locator('.bar').boundingBox()));
    expect(bars.every(Boolean)).toBe(true);
    const [dg1, dg2, pca] = bars as { x: number; width: number }[];
    expect(dg1!.x + dg1!.width).toBeLessThan(dg2!.x);
    expect(Math.abs(dg2!.x - pca!.x)).toBeLessThan(1);
    // the succession sits above the relations
    const order = await page
      .locator('#panel-body > section, #panel-body > h3')
      .evaluateAll((els) => els.map((e) => e.className || e.tagName));
    expect(order.indexOf('analysis succession-section')).toBeLessThan(order.indexOf('H3'));
    // a name in the timeline opens that person's panel
    await rows.nth(1).locator('button.link').click();
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Oumou Sanogo');
    await page.close();
  });

  it('a person’s panel shows posts and commitment threads, each step with status, date and sentence', async () => {
    const page = await open('#node=' + encodeURIComponent(keys['Bakary Ag Intalla']!));
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Bakary Ag Intalla');
    expect(await page.locator('.succession-section h3').textContent()).toBe('Postes occupés');
    expect(await page.locator('.succession-section li.period .role').allTextContents()).toEqual([
      'Directeur général',
      "Président du Conseil d'administration",
    ]);
    const threads = page.locator('.threads-section li.thread');
    expect(await threads.count()).toBe(1);
    expect(await threads.first().getAttribute('data-status')).toBe('implemented');
    const steps = threads.first().locator('li.step');
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).toEqual([
      'announced',
      'implemented',
    ]);
    expect(await steps.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')))).toEqual([
      '2021-04-13',
      '2022-11-09',
    ]);
    expect(await steps.nth(1).locator('blockquote').textContent()).toContain(
      'a annoncé la mise en service des 200 sites solaires',
    );
    // the organisation's own pledge: announced, then abandoned
    await page.locator('.succession-section li.period button.link').first().click();
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Falaise Télécom');
    expect(await page.locator('.threads-section li.thread').getAttribute('data-status')).toBe('abandoned');
    await page.locator('#lang').click();
    await expect.poll(() => page.locator('.threads-section h3').textContent()).toBe('Commitments followed');
    expect(await page.locator('.threads-section .thread-head .status').textContent()).toBe('abandoned');
    await page.close();
  });
});

describe.skipIf(!hasChromium())('viewer analysis in headless Chromium: metrics', () => {
  it('colours nodes by community and sizes them by a metric; both stay in the URL', async () => {
    const page = await open();
    await page.waitForTimeout(300);
    const community0 = COMMUNITY_COLORS[0]!;
    const before = decodePng(await page.locator('#graph').screenshot());
    expect(countColour(before, community0, 10)).toBeLessThan(50);
    await page.selectOption('#color-by', 'community');
    await expect.poll(() => page.url()).toContain('color=community');
    await page.waitForTimeout(300);
    const after = decodePng(await page.locator('#graph').screenshot());
    expect(countColour(after, community0, 10)).toBeGreaterThan(200);

    const ink = countInk(after);
    await page.selectOption('#size-by', 'betweenness');
    await expect.poll(() => page.url()).toContain('size=betweenness');
    await page.waitForTimeout(300);
    const sized = decodePng(await page.locator('#graph').screenshot());
    expect(countInk(sized)).not.toBe(ink);

    const reopened = await open(page.url().slice(server.url.length));
    expect(await reopened.locator('#color-by').inputValue()).toBe('community');
    expect(await reopened.locator('#size-by').inputValue()).toBe('betweenness');
    expect(pageErrors).toEqual([]);
    await page.close();
    await reopened.close();
  });
});
