#!/usr/bin/env node
// Part of `prepare` (npm install in a clone): link node_modules/.bin/kunafoni to bin/kunafoni.js so
// `npx kunafoni` runs this clone's CLI at once. Without the link, npm 11's `npx` treats the clone as a
// package to install into its own cache, which re-runs `prepare` (a full build) on the first call.
// Nothing is done when kunafoni is installed as someone else's dependency (npm links its bin then).
import { existsSync, lstatSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether the path exists as a file, folder or link (a dangling link counts). */
function linkExists(path) {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const modules = join(root, 'node_modules');
const link = join(modules, '.bin', 'kunafoni');
const insideNodeModules = root.split(/[\\/]/).includes('node_modules');
if (existsSync(modules) && !insideNodeModules && process.platform !== 'win32') {
  if (!linkExists(link)) {
    mkdirSync(join(modules, '.bin'), { recursive: true });
    symlinkSync('../../bin/kunafoni.js', link);
  }
}
