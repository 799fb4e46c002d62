// vitest global setup: one headless Chromium for the whole run, which every e2e file connects to
// (test/helpers/browser.ts `launch`), instead of one browser started per file. Nothing is started
// when Chromium is absent (the e2e files skip) or when no e2e file is in the run.
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS, SHARED_BROWSER_ENV, hasChromium } from './browser.js';

let server: BrowserServer | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const files = await project.globTestFiles().catch(() => ({ testFiles: [] as string[] }));
  const wantsBrowser = files.testFiles.some((f) => /\.e2e\.test\.ts$/.test(f));
  if (hasChromium() && wantsBrowser && !process.env[SHARED_BROWSER_ENV]) {
    server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
  }
  return async () => {
    await server?.close();
    server = undefined;
  };
}
