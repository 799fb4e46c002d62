#!/usr/bin/env node
// `prepare` (run by `npm install` in a clone, and by npm 11's `npx kunafoni`, which installs the clone
// into its own cache as a link and prepares it again): build the CLI (dist/) and the viewer (web/dist)
// unless both are newer than every source they come from, then link node_modules/.bin/kunafoni.
// `npm run build` builds what changed since its last build (scripts/build.mjs; `-- --force` builds both).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const inputs = [
  'src',
  'web/src',
  'web/index.html',
  'web/public',
  'web/vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
];
const outputs = ['dist/cli/main.js', 'dist/index.js', 'web/dist/index.html'];

/** Newest modification time under a path (files and folders, recursively); 0 when absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = outputs.map((p) => join(root, p));
const fresh =
  built.every((p) => existsSync(p)) &&
  Math.min(...built.map((p) => statSync(p).mtimeMs)) > Math.max(...inputs.map((p) => newest(join(root, p))));
if (fresh) process.stderr.write('kunafoni: dist/ and web/dist are up to date (npm run build rebuilds them)\n');
else {
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('./link-bin.mjs');
