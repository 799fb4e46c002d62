// Terminal messages show what came from outside (file names, names, titles) with their control
// characters escaped: a file name holding a newline cannot forge a summary line, nor one holding ESC
// sequences clear the terminal. Long lists in messages stay short.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeControl } from '../../src/cli/io.js';
import { staleLine } from '../../src/cli/ingest.js';
import { tempDir } from '../helpers/common.js';
import { runCliHere } from '../helpers/web-cli.js';

describe('control characters in terminal messages', () => {
  const { dir, cleanup } = tempDir('kunafoni-escaping-');
  afterAll(cleanup);

  it.each([
    ['a\nb', 'a\\nb'],
    ['tab\there', 'tab\\there'],
    ['\x1b[2J\x1b[H', '\\x1b[2J\\x1b[H'],
    ['cr\rover', 'cr\\rover'],
    ['bell\x07 del\x7f c1\x9b', 'bell\\x07 del\\x7f c1\\x9b'],
    ['Aminata N’Diaye, Télécom', 'Aminata N’Diaye, Télécom'],
  ])('escapeControl(%j) → %j', (raw, shown) => {
    expect(escapeControl(raw)).toBe(shown);
  });

  it('a file name with a newline and ESC sequences: one escaped failure line, one real summary line', async () => {
    const name = 'bad\ningested 999, already stored 0, failed 0\x1b[2J.txt';
    writeFileSync(join(dir, name), '');
    writeFileSync(
      join(dir, 'good.txt'),
      'Oumar Traoré, directeur général de Kora Mobile, a rencontré la ministre Fatoumata Keïta à Ségou.',
    );
    const r = await runCliHere(['ingest', join(dir, name), join(dir, 'good.txt'), '--store', join(dir, 'store')]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr.match(/^ingested /gm)).toEqual(['ingested ']);
    expect(r.stderr).toContain('bad\\ningested 999, already stored 0, failed 0\\x1b[2J.txt');
    expect(r.stderr).toMatch(/^ingested 1, already stored 0, failed 1/m);
  });

  it('an error about a name typed by the user is escaped too', async () => {
    const r = await runCliHere(['query', 'entity', 'x\x1b]0;pwned\x07', '--store', join(dir, 'store')]);
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex -- deliberately matches control characters: none reach stderr
    expect(r.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    expect(r.stderr).toContain('x\\x1b]0;pwned\\x07');
  });

  it('the decisions that no longer apply: the first five, clipped, then a count', () => {
    const stale = Array.from({ length: 40_000 }, (_, i) => ({ id: `d${i}`, message: `"${'X'.repeat(1000)}" is gone` }));
    const line = staleLine(stale);
    expect(line.length).toBeLessThan(1500);
    expect(line).toMatch(
      new RegExp(
        '^kunafoni: 40000 curation decision\\(s\\) no longer apply: d0 \\("X+…\\); d1 .*; ' +
          'and 39995 more; see `kunafoni curate list --stale`\\n$',
      ),
    );
  });
});
