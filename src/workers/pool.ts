// The ingest pool: worker threads (tinypool) that read files and extract articles, so ingestion uses
// every core. The main thread keeps resolution and merge, in source order, so a parallel run gives the
// same store as a sequential one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { WorkerResult, WorkerTask } from './extract-worker.js';

/** The compiled worker: beside this module in dist/, or dist/ seen from src/ (tests run the sources). */
export function workerFile(): string | undefined {
  const candidates = [
    new URL('./extract-worker.js', import.meta.url),
    new URL('../../dist/workers/extract-worker.js', import.meta.url),
  ];
  for (const u of candidates) {
    const p = fileURLToPath(u);
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Worker threads to use by default: one per core. */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

export interface ExtractPool {
  run(task: WorkerTask): Promise<WorkerResult>;
  close(): Promise<void>;
}

export function createPool(threads: number): ExtractPool | undefined {
  const filename = workerFile();
  if (!filename || threads < 1) return undefined;
  const pool = new Tinypool({
    filename,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    // workers wait for tasks on their message port rather than in Atomics.wait between tasks
    useAtomics: false,
    // a worker holds its next tasks: it does not wait for the main thread (busy merging) between two
    concurrentTasksPerWorker: 4,
    // a larger young generation: extraction allocates many short-lived objects (fewer scavenges)
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  return {
    run: (task) => pool.run(task) as Promise<WorkerResult>,
    close: () => pool.destroy(),
  };
}
