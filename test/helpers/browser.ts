// Headless Chromium for the browser tests and benchmarks: Debian's chromium driven by playwright-core,
// with the flags that keep SwiftShader's WebGL2 working (DESIGN.md), in a throwaway profile.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { chromium, type BrowserContext, type Download } from 'playwright-core';

export const CHROMIUM = process.env.KUNAFONI_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium ≥ 13x builds its omnibox popup as a WebUI page for every new window, headless too: a renderer
  // loading ~40 chrome://resources modules per page a test opens (2 s of CPU each here, more than the viewer)
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Set by test/helpers/browser-setup.ts: the one Chromium every e2e test file of a vitest run connects to. */
export const SHARED_BROWSER_ENV = 'KUNAFONI_CHROMIUM_WS';

/**
 * A browser context: a fresh context of the run's shared Chromium when vitest's global setup started
 * one (one browser for every e2e file instead of one per file), else a Chromium of its own with a
 * throwaway profile (scripts, benchmarks).
 */
export async function launch(viewport = { width: 1280, height: 800 }, extraArgs: string[] = []): Promise<Browser> {
  const ws = process.env[SHARED_BROWSER_ENV];
  // extra flags (e.g. `--host-resolver-rules=…` pointing a hostile name at loopback) need a browser of their own
  if (ws && extraArgs.length === 0) {
    const browser = await chromium.connect(ws, { timeout: 60_000 });
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    return {
      context,
      async close() {
        await context.close().catch(() => undefined);
        await browser.close().catch(() => undefined);
      },
    };
  }
  const profile = await mkdtemp(join(tmpdir(), 'kunafoni-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport,
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The text of a finished download (a browser we connected to keeps its files: copy it here first). */
export async function downloadText(download: Download): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kunafoni-download-'));
  try {
    const file = join(dir, download.suggestedFilename() || 'download');
    await download.saveAs(file);
    return await readFile(file, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
