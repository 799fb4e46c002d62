// The e2e suites serve the built viewer (web/dist): `npm test` builds it first; a suite run alone builds it here.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..');

export async function ensureViewerBuilt(): Promise<void> {
  if (existsSync(join(repo, 'web', 'dist', 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'web', 'vite.config.ts'), logLevel: 'warn' });
}
