// Shared test helpers: paths, the shared data set (present on CI, absent in a user's clone), the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = resolve(ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'corpus')) && existsSync(join(SHARED, 'gold'));
export const SHARED_SKIP_REASON = `../shared is absent (${SHARED}): suites on the shared corpus are skipped`;
export const SEED = join(SHARED, 'corpus', '000-malikunafoni-telecoms-numerique.txt');
export const SAMPLES = join(ROOT, 'data', 'articles');
export const CLI = join(ROOT, 'bin', 'kunafoni.js');

if (!HAS_SHARED) console.warn(`[kunafoni tests] ${SHARED_SKIP_REASON}`);

export function tempDir(prefix = 'kunafoni-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI (npm test builds dist/ first). */
export function cli(args: string[], opts: { cwd?: string; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
