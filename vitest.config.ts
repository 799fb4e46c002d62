import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Suites that call our functions in-process (no CLI run, no module mock, no global mode left set; the rules
// and extract tests set the scoring mode, so they stay isolated): run without per-file isolation, so a worker
// imports src/ once for all of them instead of once per file. These 14 files, machine under load 27:
// 30.2 s CPU isolated, 22.2 s not (user+sys of `vitest run --project pure` with and without --isolate).
const PURE = [
  'test/nlp/patterns.test.ts',
  'test/nlp/compromise.test.ts',
  'test/graph/variants.test.ts',
  'test/graph/resolve.test.ts',
  'test/graph/layout.test.ts',
  'test/query/query.test.ts',
  'test/export/export-filter.test.ts',
  'test/export/export-formats.test.ts',
  'test/curation/curation.test.ts',
  'test/text/keys.test.ts',
  'test/sources/readers.test.ts',
  'test/sources/decode.test.ts',
  'test/sources/headline.test.ts',
  'test/web/viewer-model.test.ts',
  // the CLI run in-process (runCliHere, the fixture helpers' cli): each loads the NLP models, once per worker
  // here instead of once per file; none sets the scoring mode, an environment variable or a mock
  'test/cli/cli.test.ts',
  'test/cli/cli-escaping.test.ts',
  'test/cli/cli-export.test.ts',
  'test/cli/cli-query.test.ts',
  'test/cli/curation-cli.test.ts',
  'test/ingest/bad-input.test.ts',
  'test/ingest/ingest-limits.test.ts',
  'test/ingest/pipeline-store.test.ts',
  'test/clean/duplicates.test.ts',
  'test/library/curation-corrupt.test.ts',
  'test/sources/http.test.ts',
  'test/sources/encoding-cli.test.ts',
  'test/sources/follow-private.test.ts',
  'test/sources/walk-symlinks.test.ts',
  'test/package/layers.test.ts',
  // in-process suites that set no mode, variable or mock either
  'test/cli/cli-lazy.test.ts',
  'test/graph/incremental-layout.test.ts',
  'test/graph/semantics.test.ts',
  'test/ingest/ingest-syndication-checkpoint.test.ts',
  'test/library/curation-store.test.ts',
  'test/library/derived-files.test.ts',
  'test/library/incremental.test.ts',
  'test/library/sketches.test.ts',
  'test/library/store.test.ts',
  'test/nlp/candidates.test.ts',
  'test/nlp/mention-classes.test.ts',
  'test/serve/curation-api.test.ts',
  'test/serve/serve-security.test.ts',
  'test/serve/serve.test.ts',
  'test/sources/html-feed.test.ts',
  'test/sources/json-types.test.ts',
  'test/store/lock.test.ts',
  'test/web/curation-viewer.test.ts',
  'test/web/label-placement.test.ts',
  'test/web/viewer-state.test.ts',
  'test/workers/parallel.test.ts',
];

// The longest files, longest first (seconds each took in CI, idle machine, 2 workers): started first, so that
// the run does not end on one of them while the other workers have nothing left (vitest's own order puts
// every file of the pure project first, then the others by size, without a record of durations in a fresh
// clone). Lint runs ESLint and Prettier over the tree beside the other suites.
const LONGEST = [
  'test/web/viewer-filters.e2e.test.ts', // 61
  'test/web/viewer.e2e.test.ts', // 58
  'test/web/curation.e2e.test.ts', // 49
  'test/corpus/corpus.test.ts', // 41
  'test/library/store-safety.test.ts', // 33
  'test/web/analysis.e2e.test.ts', // 27
  'test/nlp/scorer.test.ts', // 25
  'test/web/labels.e2e.test.ts', // 25
  'test/package/lint.test.ts', // 20
  'test/serve/serve-security.e2e.test.ts', // 20
  'test/ingest/ingest-signals.test.ts', // 16
  'test/library/lazy-records.test.ts', // 9
  'test/ingest/ingest-lock-wait.test.ts', // 9
];

/** Vitest's order, with the longest files moved to the front in the order above. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST.indexOf(relative(f.project.config.root, f.moduleId).replaceAll('\\', '/'));
      return i === -1 ? LONGEST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

// Files run at a time: one per core. Two per core was tried (a browser suite waits on Chromium much of its
// time): in a fresh clone on the idle 2-core machine, vitest took 301 s with four files at a time against
// 276 s with two, the browser suites slowing each other (viewer-filters.e2e 175 s instead of ~60 s). A number
// chosen from the load average made the run's shape depend on what else ran (it is always high right after
// `npm ci`'s build), so it is fixed. KUNAFONI_TEST_WORKERS sets another.
const CORES = availableParallelism();
const WORKERS = Number(process.env.KUNAFONI_TEST_WORKERS) || CORES;
// said once (vitest reads this file for the run and for each project)
const said = globalThis as { kunafoniWorkersSaid?: boolean };
if (!said.kunafoniWorkersSaid) console.log(`vitest: ${WORKERS} files at a time (${CORES} cores)`);
said.kunafoniWorkersSaid = true;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // a page reacts within the default second on an idle machine, not always on this shared one (a URL
    // updated after a filter change failed under load 18): expect.poll waits up to 10 s for the same state
    expect: { poll: { timeout: 10_000 } },
    maxWorkers: WORKERS,
    sequence: { sequencer: LongestFirst },
    // one Chromium for every browser test of the run (test/helpers/browser-setup.ts)
    globalSetup: ['test/helpers/browser-setup.ts'],
    projects: [
      { extends: true, test: { name: 'pure', include: PURE, isolate: false } },
      {
        extends: true,
        test: { name: 'suites', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...PURE] },
      },
    ],
  },
});
