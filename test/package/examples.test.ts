// The scripts in examples/ import 'kunafoni' (the package resolving itself through its `exports`),
// so they run against dist/: `npm test` builds it first.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { repoRoot, seedStoreDir } from '../helpers/fixture-helpers.js';

const run = (script: string, ...args: string[]) =>
  execFileSync(process.execPath, [join(repoRoot, 'examples', script), seedStoreDir, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('examples/', () => {
  it('dist/ is built (npm test runs the build first)', () => {
    expect(existsSync(join(repoRoot, 'dist', 'index.js')), 'run `npm run build`').toBe(true);
  });

  it('neighbors.mjs lists Huawei’s neighbours with their evidence', () => {
    const rows = run('neighbors.mjs', 'huawei')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.map((r) => r[1])).toContain('Jean Sun Wei');
    expect(rows.every((r) => r.length === 5 && r[4]!.length > 0)).toBe(true);
  });

  it('path.mjs goes through Alhamdou Ag Ilyène with a sentence per step', () => {
    const out = run('path.mjs', "Leyti N'Diaye", 'Jean Sun Wei');
    expect(out).toMatch(/^Leyti N'Diaye -\[met-with\]- Alhamdou Ag Ilyène$/m);
    expect(out).toMatch(/^Alhamdou Ag Ilyène -\[met-with\]- Jean Sun Wei$/m);
    expect(out.split('\n').filter((l) => l.startsWith('  ')).length).toBeGreaterThanOrEqual(2);
  });

  it('timeline.mjs prints JSON lines in date order', () => {
    const rows = run('timeline.mjs', 'orange mali')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { date: string });
    expect(rows.length).toBe(4);
    expect(rows.map((r) => r.date)).toEqual(rows.map((r) => r.date).sort());
  });

  it('search.mjs suggests the closest names for an unknown one', () => {
    expect(run('search.mjs', 'Jean Sun Way')).toMatch(/closest: Jean Sun Wei/);
  });

  it('ego-gexf.mjs writes a GEXF of the surroundings', () => {
    const gexf = run('ego-gexf.mjs', 'Jean Sun Wei', '1');
    const g = parseGexf(Graph, gexf);
    expect(g.order).toBe(3);
  });

  it('an unknown name fails with the NotFoundError message and exit code 1', () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'examples', 'neighbors.mjs'), seedStoreDir, 'Huawey'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no entity matches "Huawey"; closest: "Huawei"/);
  });
});
