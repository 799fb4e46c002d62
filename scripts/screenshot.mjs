#!/usr/bin/env node
// Take a screenshot of the viewer on a store (or on a graphology JSON file), for the README.
//   node scripts/screenshot.mjs [--store data/store | --graph FILE.json] [--out docs/viewer.png]
//                               [--search NAME] [--width 1440] [--height 900] [--lang fr|en] [--table]
//                               [--hash 'color=community&size=pagerank']
// --search types NAME in the search box and picks the first suggestion, so the panel shows its evidence.
// Needs Debian's chromium (/usr/bin/chromium) and the dev dependencies (tsx, playwright-core).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const out = resolve(opt('out', join(root, 'docs', 'viewer.png')));
const graphFile = opt('graph');
const search = opt('search');
const lang = opt('lang', 'fr');
// view state as the viewer writes it in the URL (colour, size, filters)
const hash = [lang === 'en' ? 'lang=en' : '', opt('hash', '')].filter(Boolean).join('&');
const width = Number(opt('width', '1440'));
const height = Number(opt('height', '900'));

const { startServer } = await import('../src/serve/server.ts');
const { hasChromium, launch, CHROMIUM } = await import('../test/helpers/browser.ts');
if (!hasChromium()) {
  process.stderr.write(`screenshot: ${CHROMIUM} is absent (apt-get install -y chromium)\n`);
  process.exit(1);
}
let tmp;
let store = resolve(opt('store', join(root, 'data', 'store')));
if (graphFile) {
  const { readFixture, writeFixtureStore } = await import('../test/helpers/fixture-store.ts');
  tmp = await mkdtemp(join(tmpdir(), 'kunafoni-shot-'));
  store = join(tmp, 'store');
  await writeFixtureStore(store, await readFixture(new URL(`file://${resolve(graphFile)}`)));
}
const server = await startServer({ store, port: 0, log: (m) => process.stderr.write(m) });
const browser = await launch({ width, height });
try {
  const page = await browser.context.newPage();
  await page.goto(server.url + (hash ? `#${hash}` : ''));
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 120_000 });
  if (search) {
    await page.fill('input[type="search"]', search);
    await page.press('input[type="search"]', 'Enter');
    await page.waitForSelector('#panel h2', { timeout: 30_000 });
    await page.locator('input[type="search"]').blur();
  }
  if (args.includes('--table')) {
    await page.click('#table-open');
    await page.waitForSelector('#data-table tbody tr', { timeout: 30_000 });
  }
  await page.waitForTimeout(1200); // camera animation
  await page.screenshot({ path: out });
  process.stderr.write(`screenshot: wrote ${out} (${width}×${height}) from ${store}\n`);
} finally {
  await browser.close();
  await server.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}
