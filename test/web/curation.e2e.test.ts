// Curation from the viewer, in real headless Chromium, on a store built by the pipeline from fictional
// articles: with `serve --edit` the panel renames, merges (by searching the other entity), verifies
// and deletes; each action lands in curation.json and survives a restart of the server. The
// "verified only" filter shows the verified relation alone. Without --edit the panel offers nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { recordDecision, undoDecision } from '../../src/library/curation.js';
import { CHROMIUM, hasChromium, launch, type Browser } from '../helpers/browser.js';
import { ensureViewerBuilt } from '../helpers/viewer-build.js';
import { batch1Store } from '../helpers/curation-fixtures.js';
import { tempDir } from '../helpers/common.js';

const repo = resolve(import.meta.dirname, '..', '..');
const webDist = join(repo, 'web', 'dist');

if (!hasChromium()) console.warn(`curation e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

const { dir, cleanup } = tempDir('kunafoni-curation-e2e-');
let store: string;
let server: RunningServer;
let browser: Browser;
const pageErrors: string[] = [];
const decisions = () =>
  JSON.parse(readFileSync(join(store, 'curation.json'), 'utf8')).decisions as {
    op: string;
    label?: string;
    note?: string;
  }[];

async function open(hash = '', on: RunningServer = server): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(on.url + hash);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  return page;
}
const node = (key: string) => `#node=${encodeURIComponent(key)}`;

/** Click, then wait for the page to reload the graph the server rebuilt. */
async function act(page: Page, selector: string): Promise<void> {
  await page.evaluate(() => ((window as unknown as { beforeAction: boolean }).beforeAction = true));
  await page.click(selector);
  await page.waitForFunction(
    () => !(window as unknown as { beforeAction?: boolean }).beforeAction && document.body.dataset.state === 'ready',
    undefined,
    { timeout: 30_000 },
  );
}

beforeAll(async () => {
  if (!hasChromium()) return;
  // built once by `npm test` (or here when missing): rebuilding here emptied web/dist under the other
  // e2e suites running in parallel, whose pages then never loaded
  await ensureViewerBuilt();
  store = await batch1Store(dir);
  server = await startServer({ store, port: 0, webDir: webDist, edit: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  cleanup();
});

describe.skipIf(!hasChromium())('curation in the viewer (headless Chromium): decisions', () => {
  it('rename: typed in the panel, recorded with its note, shown after the reload', async () => {
    const page = await open(node('person:seydou-bagayoko'));
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Seydou Bagayoko');
    await page.fill('#panel .curate input[name="note"]', 'spelling in the ministry list');
    await page.fill('#panel .curate input[name="label"]', 'Seydou K. Bagayoko');
    await act(page, '#panel [data-action="rename"]');
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Seydou K. Bagayoko');
    expect(decisions()).toEqual([
      expect.objectContaining({ op: 'rename', label: 'Seydou K. Bagayoko', note: 'spelling in the ministry list' }),
    ]);
    await page.close();
  });

  it('merge: search the other entity in the panel; its name becomes an alias of this one', async () => {
    const page = await open(node('person:seydou-bagayoko'));
    await page.fill('#panel .curate input[name="merge"]', 'Bagayogo');
    await page.waitForSelector('#panel [data-merge="person:seydou-bagayogo"]');
    await act(page, '#panel [data-merge="person:seydou-bagayogo"]');
    await expect.poll(() => page.locator('#panel .facts').textContent()).toContain('Seydou Bagayogo');
    expect(decisions().map((d) => d.op)).toEqual(['rename', 'merge']);
    await page.close();
  });

  it('verify a relation; the "verified only" filter then shows it alone', async () => {
    const edge = 'holds-role|person:seydou-bagayoko|org:kora-mobile';
    const page = await open(`#edge=${encodeURIComponent(edge)}`);
    await act(page, '#panel [data-action="verify"]');
    await expect
      .poll(() => page.locator('#panel .verified-badge').textContent())
      .toMatch(/^Vérifiée par .+ le \d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('#panel [data-action="verify"]').count()).toBe(0);
    await page.check('#verified-only');
    await expect.poll(() => page.textContent('#status')).toMatch(/^2 nœuds, 1 liens/);
    await expect.poll(() => page.url()).toContain('verified=1');
    await page.close();
  });

  it('delete asks for a second click, then the entity is gone', async () => {
    const page = await open(node('person:lassana-toure'));
    await page.click('#panel [data-action="delete"]');
    expect(await page.textContent('#panel [data-action="delete"]')).toMatch(/Confirmer/);
    expect(decisions()).toHaveLength(3); // nothing yet
    await act(page, '#panel [data-action="delete"]');
    expect(await page.getAttribute('#panel', 'data-empty')).toBe('true');
    expect(decisions().map((d) => d.op)).toEqual(['rename', 'merge', 'verify', 'delete']);
    await page.close();
  });
});

describe.skipIf(!hasChromium())('curation in the viewer (headless Chromium): refusals, restart, read-only', () => {
  it('an action the server refuses says why in the panel, and records nothing', async () => {
    const page = await open(node('org:kora-mobile'));
    // meanwhile, someone deletes the entity from the command line: this page is stale
    const other = await recordDecision(store, { op: 'delete', entity: 'org:kora-mobile' }, { author: 'cli-user' });
    await page.fill('#panel .curate input[name="label"]', 'Kora Mobile SA');
    await page.click('#panel [data-action="rename"]');
    await expect
      .poll(() => page.textContent('#panel .curate-status'))
      .toMatch(/^Refusé : no entity matches "org:kora-mobile"/);
    expect(decisions().map((d) => d.op)).toEqual(['rename', 'merge', 'verify', 'delete', 'delete']);
    expect((await undoDecision(store, other.decision.id)).removed.id).toBe(other.decision.id);
    await page.close();
  });

  it('every decision survives a restart of the server', async () => {
    await server.close();
    server = await startServer({ store, port: 0, webDir: webDist, edit: true });
    const page = await open(node('person:seydou-bagayoko'));
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Seydou K. Bagayoko');
    expect(await page.textContent('#panel .facts')).toContain('Seydou Bagayogo');
    const graph = (await (await fetch(`${server.url}api/graph`)).json()) as {
      nodes: { key: string }[];
      edges: { attributes: { verified?: boolean } }[];
    };
    expect(graph.nodes.map((n) => n.key)).not.toContain('person:lassana-toure');
    expect(graph.nodes.map((n) => n.key)).not.toContain('person:seydou-bagayogo');
    expect(graph.edges.filter((e) => e.attributes.verified)).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('without --edit the panel offers no action (and the API refuses writes)', async () => {
    const readonly = await startServer({ store, port: 0, webDir: webDist });
    try {
      const page = await open(node('person:seydou-bagayoko'), readonly);
      await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Seydou K. Bagayoko');
      expect(await page.locator('#panel .curate').count()).toBe(0);
      const status = await page.evaluate(
        async () =>
          (
            await fetch('api/curation', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: '{"op":"delete","entity":"org:kora-mobile"}',
            })
          ).status,
      );
      expect(status).toBe(403);
      await page.close();
    } finally {
      await readonly.close();
    }
    expect(existsSync(join(store, 'curation.json'))).toBe(true);
    expect(decisions()).toHaveLength(4);
  });
});
