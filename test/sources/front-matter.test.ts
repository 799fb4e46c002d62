// The front matter's short path must read every block exactly as the yaml library does (it only skips
// loading and running yaml for plain `key: text` lines); anything else goes to yaml, errors included.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFrontMatter } from '../../src/sources/front-matter.js';

const root = resolve(import.meta.dirname, '..', '..');
const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The front matter blocks of the Markdown files under a folder (recursively). */
function blocks(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...blocks(p));
    else if (e.name.endsWith('.md')) {
      const m = FRONT.exec(readFileSync(p, 'utf8'));
      if (m) out.push(m[1]!);
    }
  }
  return out;
}

/** Values of one field: text the short path reads, and what it must leave to yaml. */
const values = [
  '"Dépêche 1"',
  "'Orange Mali'",
  '2022-05-23',
  '2022-05-23T10:00:00Z',
  'fr',
  'Le Monde Afrique',
  'https://www.maliweb.net/a?b=c&d=1',
  '12:30',
  '1_000',
  '0b101',
  '0X1F',
  'NaN',
  'Infinity',
  'yes',
  'No',
  // not text: numbers, booleans, null, and what only yaml reads (escapes, comments, lists, indicators)
  '12',
  '+12',
  '-3',
  '1.',
  '.5',
  '1e3',
  '1.5E-3',
  '0o17',
  '0x1F',
  '.inf',
  '-.Inf',
  '.NaN',
  'true',
  'FALSE',
  'null',
  'Null',
  '~',
  '"a \\"quoted\\" word"',
  "'it''s'",
  '"tab\\there"',
  'a #comment',
  'a: b',
  '[a, b]',
  '{a: 1}',
  '- x',
  '&anchor x',
  '"unclosed',
  "'unclosed",
  'x ',
  'x:',
  '"a" # after',
];

describe('front matter', () => {
  it.each(values)('reads "key: %s" as yaml does', (v) => {
    const text = `title: ${v}`;
    let expected: unknown;
    try {
      expected = parse(text);
    } catch (err) {
      expect(() => parseFrontMatter(text)).toThrow((err as Error).message);
      return;
    }
    expect(parseFrontMatter(text)).toStrictEqual(expected);
  });

  it('reads several fields, and leaves blank lines, comments, indentation and repeated keys to yaml', () => {
    const cases = [
      'title: "Dépêche 1"\nsource: "Maliweb"\ndate: 2022-05-23\nlang: fr',
      'title: a\n\nlang: fr',
      '# a comment\ntitle: a',
      'title: a\n  continued',
      'tags:\n  - a\n  - b',
      'title: a\r\nlang: fr',
      '__proto__: x',
    ];
    for (const text of cases) expect(parseFrontMatter(text)).toStrictEqual(parse(text));
    expect(() => parseFrontMatter('title: a\ntitle: b')).toThrow(/unique/);
  });

  const shared = resolve(root, '..', 'shared', 'corpus');
  const files = [...blocks(shared), ...blocks(join(root, 'test', 'fixtures')), ...blocks(join(root, 'data'))];
  it('reads every front matter of ../shared/corpus, the fixtures and data/ as yaml does', () => {
    if (!existsSync(shared)) console.warn('../shared/corpus is absent: only the fixtures and data/ are compared');
    expect(files.length).toBeGreaterThan(0);
    for (const text of files) expect(parseFrontMatter(text)).toStrictEqual(parse(text));
  });
});
