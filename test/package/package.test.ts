// A script outside the repository imports kunafoni after `npm install <repo path>` (a local install:
// npm links the folder, nothing is fetched).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, seedStoreDir, tempDir } from '../helpers/fixture-helpers.js';

describe('kunafoni as a dependency', () => {
  it(
    '`npm install <repo>` then `import { openStore } from "kunafoni"` works, and so does the bin',
    { timeout: 120_000 },
    () => {
      expect(existsSync(join(repoRoot, 'dist', 'index.js')), 'run `npm run build`').toBe(true);
      const dir = tempDir('kunafoni-install-');
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({ name: 'kunafoni-user', private: true, type: 'module' }),
      );
      execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', repoRoot], {
        cwd: dir,
        stdio: 'pipe',
        timeout: 110_000,
      });
      writeFileSync(
        join(dir, 'script.mjs'),
        `import { openStore, NotFoundError } from 'kunafoni';
const store = await openStore(process.argv[2]);
const e = store.entity('alhamdou ag ilyene');
let missing = null;
try { store.entity('Huawey'); } catch (err) { missing = err instanceof NotFoundError ? err.suggestions : String(err); }
const neighbours = store.neighbors('huawei').map((n) => n.entity.label);
console.log(JSON.stringify({ label: e.label, neighbours, missing }));
`,
      );
      const out = JSON.parse(
        execFileSync(process.execPath, ['script.mjs', seedStoreDir], { cwd: dir, encoding: 'utf8' }),
      );
      expect(out).toEqual({
        label: 'Alhamdou Ag Ilyène',
        neighbours: expect.arrayContaining(['Jean Sun Wei']),
        missing: ['Huawei'],
      });
      const bin = execFileSync(
        join(dir, 'node_modules', '.bin', 'kunafoni'),
        ['query', 'entity', 'huawei', '--json', '--store', seedStoreDir],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(bin).label).toBe('Huawei');
    },
  );
});
