// The style rules hold over the whole tree: `npm run lint`'s two commands (ESLint with the limits of
// eslint.config.js, Prettier's check with .prettierrc.json), run here so that `npm test` fails on a lint
// error or a badly formatted file while the other suites run beside them instead of after them. The layer
// rule over src/ is test/package/layers.test.ts. Each command is the one `npm run lint` runs, with its cache
// under node_modules/.cache (a file is checked again only when its content changed).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/common.js';

/** `node <script> <args>` in the repository root: exit code and what it printed. */
function run(script: string, args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules', script), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe.concurrent('npm run lint over the whole tree', () => {
  it('ESLint reports no error', async () => {
    const r = await run('eslint/bin/eslint.js', [
      '.',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      'node_modules/.cache/eslint/',
    ]);
    expect(r.code, `${r.out}\nESLint found errors (npx eslint <file> shows them)`).toBe(0);
  }, 300_000);

  it('every file is formatted as Prettier writes it', async () => {
    const r = await run('prettier/bin/prettier.cjs', ['--check', '.', '--cache', '--cache-strategy', 'content']);
    expect(r.code, `${r.out}\nnpx prettier --write <file> formats one`).toBe(0);
    expect(r.out).toContain('All matched files use Prettier code style');
  }, 300_000);
});
