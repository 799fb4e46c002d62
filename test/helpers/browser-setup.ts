// vitest global setup: one headless Chromium for the whole run, which every e2e file connects to
// (test/helpers/browser.ts `launch`), instead of one browser started per file. Nothing is started
// when Chromium is absent (the e2e files skip) or when no e2e file is in the run.
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM, CHROMIUM_ARGS, SHARED_BROWSER_ENV, hasChromium } from './browser.js';

let server: BrowserServer | undefined;

/**
 * Whether the run may hold an e2e file: every file (no filter on the command line), or a filter naming
 * one. A run that needs a browser and did not get this one starts its own (test/helpers/browser.ts).
 */
function runsE2e(argv: string[]): boolean {
  const filters = argv
    .slice(argv.findIndex((a) => a === 'run' || /vitest(\.mjs)?$/.test(a)) + 1)
    .filter((a) => !a.startsWith('-') && a !== 'run');
  return !filters.length || filters.some((f) => /e2e/.test(f));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const files = await project.globTestFiles().catch(() => ({ testFiles: [] as string[] }));
  const wantsBrowser = runsE2e(process.argv) && files.testFiles.some((f) => /\.e2e\.test\.ts$/.test(f));
  if (hasChromium() && wantsBrowser && !process.env[SHARED_BROWSER_ENV]) {
    server = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
  }
  return async () => {
    await server?.close();
    server = undefined;
  };
}
