// The viewer's server against a hostile page, in real headless Chromium. DNS rebinding: Chromium
// resolves *.attacker.example to 127.0.0.1 (as an attacker's DNS would after rebinding), so a page at
// http://127.attacker.example:PORT is same-origin with the server; it must read nothing and write
// nothing. On a network address with --edit, the viewer opened at the printed address (?token=…) sends
// the token and records decisions; opened without it, it offers no action.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { CHROMIUM, hasChromium, launch, type Browser } from '../helpers/browser.js';
import { batch1Store } from '../helpers/curation-fixtures.js';
import { tempDir } from '../helpers/common.js';

const repo = resolve(import.meta.dirname, '..', '..');
const webDist = join(repo, 'web', 'dist');

if (!hasChromium()) console.warn(`serve security e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

// one viewer build, store and browser for the whole file (the describes below share them)
const { dir, cleanup } = tempDir('kunafoni-serve-security-e2e-');
let store: string;
let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  if (!hasChromium()) return; // the describes below are skipped
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'web', 'vite.config.ts'), logLevel: 'warn' });
  store = await batch1Store(dir);
  browser = await launch(undefined, ['--host-resolver-rules=MAP *.attacker.example 127.0.0.1']);
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  cleanup();
});

describe.skipIf(!hasChromium())('a hostile page against the viewer server (headless Chromium)', () => {
  it('DNS rebinding: a page at http://127.attacker.example:PORT gets 421 and writes nothing', async () => {
    const server = await startServer({ store, port: 0, webDir: webDist, edit: true });
    servers.push(server);
    const port = new URL(server.url).port;
    const page = await browser.context.newPage();
    const nav = await page.goto(`http://127.attacker.example:${port}/`);
    expect(nav?.status()).toBe(421);
    // the attacker's script, running in that origin: same-origin requests, no preflight needed
    const got = await page.evaluate(async () => {
      const read = await fetch('/api/graph');
      const write = await fetch('/api/curation', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ op: 'delete', entity: 'Lassana Touré' }),
      });
      return { read: read.status, body: await read.text(), write: write.status };
    });
    expect(got.read).toBe(421);
    expect(got.body).not.toContain('Lassana');
    expect(got.write).toBe(421);
    expect(existsSync(join(store, 'curation.json'))).toBe(false);
    await page.close();
  });
});

describe.skipIf(!hasChromium())('the viewer with --edit: the token, a corrupt curation file (Chromium)', () => {
  it(
    'on 0.0.0.0 with --edit the viewer sends the token from its address; ' + 'without it no action is offered',
    async () => {
      const server = await startServer({ store, host: '0.0.0.0', port: 0, webDir: webDist, edit: true });
      servers.push(server);
      const base = `http://127.0.0.1:${new URL(server.url).port}/`;
      const hash = `#node=${encodeURIComponent('person:seydou-bagayoko')}`;

      const stranger = await browser.context.newPage();
      await stranger.goto(base + hash);
      await stranger.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
      await expect.poll(() => stranger.locator('#panel h2').textContent()).toBe('Seydou Bagayoko');
      expect(await stranger.locator('#panel .curate').count()).toBe(0);
      await stranger.close();

      const editor = await browser.context.newPage();
      await editor.goto(`${base}?token=${server.editToken}${hash}`);
      await editor.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
      // the token leaves the address bar (a shared link does not carry it)
      expect(editor.url()).not.toContain('token');
      await editor.fill('#panel .curate input[name="label"]', 'Seydou K. Bagayoko');
      await editor.click('#panel [data-action="rename"]');
      await expect
        .poll(
          () =>
            existsSync(join(store, 'curation.json'))
              ? JSON.parse(readFileSync(join(store, 'curation.json'), 'utf8')).decisions
              : [],
          { timeout: 30_000 },
        )
        .toEqual([expect.objectContaining({ op: 'rename', label: 'Seydou K. Bagayoko' })]);
      // after the reload the tab still holds the token
      await expect
        .poll(() => editor.locator('#panel h2').textContent(), { timeout: 30_000 })
        .toBe('Seydou K. Bagayoko');
      expect(await editor.locator('#panel .curate').count()).toBe(1);
      await editor.close();
    },
  );

  it('a corrupt curation.json: the viewer draws the graph last saved, shows the error, offers no action', async () => {
    const damaged = await batch1Store(dir, 'damaged');
    writeFileSync(join(damaged, 'curation.json'), '{"format": "kunafoni-curation", "decisions": [');
    const server = await startServer({ store: damaged, port: 0, webDir: webDist, edit: true });
    servers.push(server);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}#node=${encodeURIComponent('person:seydou-bagayoko')}`);
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
    await expect.poll(() => page.locator('#panel h2').textContent()).toBe('Seydou Bagayoko');
    expect(await page.locator('#message').isVisible()).toBe(true);
    expect(await page.locator('#message').textContent()).toMatch(/curation\.json is not valid JSON/);
    expect(await page.locator('#panel .curate').count()).toBe(0);
    await page.close();
  });
});
