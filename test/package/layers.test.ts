// The layer rule (.dependency-cruiser.cjs): modules import their own layer and the layers below, never
// above. `npm test` runs the check over src/ (npm run lint:layers); this suite shows it catches an upward
// import and a cycle, on a small tree written here.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise as depcruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/common.js';

const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

/**
 * `depcruise src --config .dependency-cruiser.cjs` run from `dir`, through dependency-cruiser's API in this
 * process (the report and exit code its command prints, without a node start per check).
 */
async function check(dir: string): Promise<{ code: number; out: string }> {
  const options = await extractDepcruiseOptions(CONFIG);
  const tsConfig = extractTSConfig(join(dir, 'tsconfig.json'));
  const r = await depcruise(['src'], { ...options, baseDir: dir, validate: true, outputType: 'err' }, {}, { tsConfig });
  return { code: r.exitCode, out: String(r.output) };
}

function cruise(files: Record<string, string>, dir: string): Promise<{ code: number; out: string }> {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: false },
    }),
  );
  return check(dir);
}

describe('the layer rule', () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it('passes on the project’s own src/', async () => {
    const r = await check(ROOT);
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  it.each([
    [
      'nlp importing graph',
      'src/nlp/a.ts',
      "import { b } from '../graph/b.js';\nexport const a = b;\n",
      'src/graph/b.ts',
      'no-upward-from-nlp',
    ],
    [
      'store importing the library that folds it',
      'src/store/a.ts',
      "import { b } from '../library/b.js';\nexport const a = b;\n",
      'src/library/b.ts',
      'no-upward-from-store',
    ],
    [
      'export importing query',
      'src/export/a.ts',
      "import { b } from '../query/b.js';\nexport const a = b;\n",
      'src/query/b.ts',
      'no-upward-from-export',
    ],
  ])('fails on %s', async (_what, from, text, to, rule) => {
    const dir = join(tmp.dir, rule);
    const r = await cruise({ [from]: text, [to]: 'export const b = 1;\n' }, dir);
    expect(r.out).toContain(rule);
    expect(r.code).not.toBe(0);
  });

  it('lets a layer import the layers below it', async () => {
    const dir = join(tmp.dir, 'down');
    const r = await cruise(
      {
        'src/graph/a.ts': "import { b } from '../nlp/b.js';\nexport const a = b;\n",
        'src/nlp/b.ts': 'export const b = 1;\n',
      },
      dir,
    );
    expect(r.out).toContain('no dependency violations');
    expect(r.code).toBe(0);
  });

  it('fails on an import cycle inside a layer', async () => {
    const dir = join(tmp.dir, 'cycle');
    const r = await cruise(
      {
        'src/nlp/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
        'src/nlp/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      },
      dir,
    );
    expect(r.out).toContain('no-circular');
    expect(r.code).not.toBe(0);
  });
});
