// The folder walk and symbolic links: a link back to a parent folder (or to the folder itself) would make
// the walk loop; each real folder and file is visited once and the links skipped make one warning.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/sources/registry.js';
import { tempDir } from '../helpers/common.js';
import { runCliHere } from '../helpers/web-cli.js';

describe('symbolic links in the walked folders', () => {
  const { dir, cleanup } = tempDir('kunafoni-walk-');
  afterAll(cleanup);
  const root = join(dir, 'press');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(
    join(root, 'a.txt'),
    'Le ministre Moussa Ag Imaghane a reçu Aminata Diallo, directrice générale de Tamani Télécom, à Bamako.',
  );
  writeFileSync(
    join(root, 'sub', 'b.txt'),
    'Oumar Traoré, directeur général de Kora Mobile, a rencontré la ministre Fatoumata Keïta à Ségou.',
  );
  symlinkSync(root, join(root, 'sub', 'up')); // to the grandparent
  symlinkSync(join(root, 'sub'), join(root, 'sub', 'self')); // to itself
  symlinkSync(join(root, 'a.txt'), join(root, 'sub', 'same-a.txt')); // a second name for a file

  it('visits each real folder and file once; the skipped links are reported once', { timeout: 20_000 }, async () => {
    const reports: string[][] = [];
    const found = await expandPaths([root], { onSkipped: (links) => reports.push(links) });
    expect(found).toEqual([join(root, 'a.txt'), join(root, 'sub', 'b.txt')]);
    expect(reports).toEqual([[join(root, 'sub', 'same-a.txt'), join(root, 'sub', 'self'), join(root, 'sub', 'up')]]);
  });

  it('kunafoni ingest finishes with one warning line, no duplicates and exit 0', { timeout: 60_000 }, async () => {
    const r = await runCliHere(['ingest', root, '--store', join(dir, 'store')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/warning/g)).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^kunafoni: warning: skipped 3 paths that lead to a folder or file already read .*sub\/up/m,
    );
    expect(r.stderr).toMatch(/^ingested 2, already stored 0, failed 0/m);
  });
});
