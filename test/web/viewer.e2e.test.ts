// The viewer in real headless Chromium, on a hand-written fixture graph mirroring the seed article:
// it draws (pixels, not DOM), search opens the panel with the evidence, the URL reopens the view,
// and strings from articles never run as HTML.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { CHROMIUM, downloadText, hasChromium, launch, type Browser } from '../helpers/browser.js';
import { ensureViewerBuilt, openViewer } from '../helpers/viewer-build.js';
import { readFixture, writeFixtureStore } from '../helpers/fixture-store.js';
import { countColour, countInk, decodePng } from '../helpers/png.js';
import { NODE_COLORS } from '../../web/src/palette.js';

const repo = resolve(import.meta.dirname, '..', '..');
const webDist = join(repo, 'web', 'dist');
const SENTENCE =
  'Fraîchement installés dans leurs fonctions, le Directeur général d’Orange Mali, Leyti N’Diaye, ' +
  'et celui de Huawei au Mali, Jean Sun Wei, ont été reçus.';
const EVIL_TITLE = '<img src=x onerror=alert(1)>';

if (!hasChromium()) console.warn(`viewer e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

let tmp: string;
let server: RunningServer;
let browser: Browser;
const dialogs: string[] = [];
const pageErrors: string[] = [];

const open = (hash = ''): Promise<Page> =>
  openViewer(browser, server.url + hash, pageErrors, (page) =>
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );

beforeAll(async () => {
  if (!hasChromium()) return;
  await ensureViewerBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'kunafoni-e2e-'));
  await writeFixtureStore(join(tmp, 'store'), await readFixture());
  server = await startServer({ store: join(tmp, 'store'), port: 0, webDir: webDist });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.skipIf(!hasChromium())('viewer in headless Chromium: drawing and search', () => {
  it('draws the graph on the canvas, in the colours of the node kinds', async () => {
    const page = await open();
    await page.waitForTimeout(300);
    const img = decodePng(await page.locator('#graph').screenshot());
    expect(countInk(img)).toBeGreaterThan(2000);
    expect(countColour(img, NODE_COLORS.person)).toBeGreaterThan(200);
    expect(countColour(img, NODE_COLORS.organisation)).toBeGreaterThan(200);
    expect(await page.textContent('#status')).toMatch(/^9 nœuds, 11 liens/);
    await page.close();
  });

  it('searching "huawei" opens its panel with Jean Sun Wei and the verbatim evidence; the URL reopens it', async () => {
    const page = await open();
    await page.fill('input[type="search"]', 'huawei');
    await expect.poll(() => page.locator('#suggestions li').first().textContent()).toContain('Huawei');
    await page.press('input[type="search"]', 'Enter');
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Huawei');
    const panel = (await page.textContent('#panel'))!;
    expect(panel).toContain('Jean Sun Wei');
    expect(panel).toContain('Directeur général');
    expect(panel).toContain(SENTENCE);
    expect(panel).toContain('Le ministre Alhamdou Ag Ilyène reçoit les nouveaux DG d’Orange Mali et de Huawei');
    expect(await page.getAttribute('#panel a.read', 'href')).toBe(
      'https://example.org/kunafoni/audience-orange-huawei',
    );
    await expect.poll(() => page.url()).toContain('node=org%3Ahuawei');
    await page.waitForTimeout(600); // the camera animation, then its state in the URL
    const url = page.url();
    await page.close();

    const again = await open(url.slice(server.url.length));
    expect(await again.textContent('#panel h2')).toBe('Huawei');
    expect(await again.textContent('#panel')).toContain(SENTENCE);
    await again.close();
  });

  // one page for the four searches (a page load costs seconds of Chromium's time): each search names
  // another entity than the one before it, so each panel title is the new search's own result
  let searchPage: Page | undefined;
  afterAll(() => searchPage?.close());
  it.each([
    ['ilyene', 'Alhamdou Ag Ilyène'],
    ["n'diaye", 'Leyti N’Diaye'],
    ['HUAWEI TECH', 'Huawei'],
    ['qualite', 'Qualité de service'],
  ])('search is accent- and case-insensitive over labels and aliases: %s', async (query, label) => {
    const page = (searchPage ??= await open());
    expect(await page.locator('#panel h2').allTextContents()).not.toContain(label);
    await page.fill('input[type="search"]', query);
    await page.press('input[type="search"]', 'Enter');
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe(label);
  });
});

describe.skipIf(!hasChromium())('viewer in headless Chromium: safety, filters, layout, language, export', () => {
  it('renders a malicious title, outlet and sentence as text, runs nothing, links no javascript: URL', async () => {
    const page = await open('#edge=' + encodeURIComponent('met-with|person:alhamdou-ag-ilyene|person:jean-sun-wei'));
    const panel = page.locator('#panel');
    await expect.poll(() => panel.textContent()).toContain(EVIL_TITLE);
    const text = (await panel.textContent())!;
    expect(text).toContain('<b>Outlet</b>');
    expect(text).toContain('<script>alert(3)</script>');
    expect(await panel.locator('img, script, b').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('filters by kind and keeps the filters in the URL', async () => {
    const page = await open();
    await page.locator('#node-kinds input[value="person"]').uncheck();
    await expect.poll(() => page.textContent('#status')).toMatch(/^6 nœuds, 6 liens/);
    await expect.poll(() => page.url()).toContain('hide=person');
    const reopened = await open(page.url().slice(server.url.length));
    expect(await reopened.textContent('#status')).toMatch(/^6 nœuds, 6 liens/);
    expect(await reopened.locator('#node-kinds input[value="person"]').isChecked()).toBe(false);
    await page.close();
    await reopened.close();
  });

  it('runs ForceAtlas2 in its worker under the CSP (Layout starts and stops, the drawing changes)', async () => {
    const page = await open();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const before = await page.locator('#graph').screenshot();
    await page.click('#layout');
    expect(await page.getAttribute('#layout', 'aria-pressed')).toBe('true');
    // running until the drawing moved (instead of a fixed 1.5 s)
    await expect
      .poll(async () => Buffer.compare(before, await page.locator('#graph').screenshot()), { interval: 250 })
      .not.toBe(0);
    await page.click('#layout');
    expect(await page.getAttribute('#layout', 'aria-pressed')).toBe('false');
    await page.waitForTimeout(300);
    const after = await page.locator('#graph').screenshot();
    expect(Buffer.compare(before, after)).not.toBe(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('switches to English and exports the visible graph as GEXF 1.3', async () => {
    const page = await open();
    await page.click('#lang');
    expect(await page.textContent('#lang')).toBe('Français');
    expect(await page.textContent('#node-kinds')).toContain('Person');
    await expect.poll(() => page.url()).toContain('lang=en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const gexf = await downloadText(download);
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('label="Jean Sun Wei"');
    expect(gexf).toContain('Directeur général');
    await page.close();
  });
});
