import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // CLI and browser suites spawn processes: keep the machine's two cores for them
    maxWorkers: 2,
    // one Chromium for every browser test of the run (test/helpers/browser-setup.ts)
    globalSetup: ['test/helpers/browser-setup.ts'],
  },
});
