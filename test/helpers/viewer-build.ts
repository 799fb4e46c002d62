// The e2e suites serve the built viewer (web/dist): `npm test` builds it first; a suite run alone builds it here.
// openViewer loads it in a new page and waits until the graph is drawn, recording the page's errors.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from './browser.js';

const repo = resolve(import.meta.dirname, '..', '..');

export async function ensureViewerBuilt(): Promise<void> {
  if (existsSync(join(repo, 'web', 'dist', 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'web', 'vite.config.ts'), logLevel: 'warn' });
}

/** A new page of `browser` at `url`, once the viewer says it is ready; its errors go to `pageErrors`. */
export async function openViewer(
  browser: Browser,
  url: string,
  pageErrors: string[],
  setup?: (page: Page) => void,
): Promise<Page> {
  const page = await browser.context.newPage();
  setup?.(page);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  return page;
}
