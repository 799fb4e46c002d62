// Field types in JSON and JSON-lines records: a number as the text or an object as the title is an error
// naming the record and the field, not an article titled "42"; the other records of the file go through.
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.js';
import { parseContent } from '../../src/sources/registry.js';
import type { Article } from '../../src/types.js';

const TEXT = 'Le ministre Moussa Ag Imaghane a reçu Aminata Diallo, directrice générale de Tamani Télécom, à Bamako.';

describe('field types in JSON records', () => {
  it.each([
    [{ text: 42, title: {} }, /^f\.json: field "text" must be a string, got a number \(42\)$/],
    [{ text: TEXT, title: {} }, /^f\.json: field "title" must be a string, got an object$/],
    [{ text: TEXT, title: ['a'] }, /^f\.json: field "title" must be a string, got a list$/],
    [{ text: TEXT, source: true }, /^f\.json: field "source" must be a string, got true\/false \(true\)$/],
    [{ text: TEXT, url: 7 }, /^f\.json: field "url" must be a string, got a number \(7\)$/],
    [{ text: TEXT, authors: [1, 2] }, /^f\.json: field "authors" must be a string or a list of strings, got a list$/],
    [{ maintext: { p: TEXT } }, /^f\.json: field "maintext" must be a string, got an object$/],
  ])('%j is refused: %s', (record, message) => {
    const [r] = parseContent('f.json', JSON.stringify(record));
    expect(r).toBeInstanceOf(SourceError);
    expect((r as SourceError).message).toMatch(message);
  });

  it('accepts strings, a list of authors, a numeric date and null fields', () => {
    const [a] = parseContent(
      'f.json',
      JSON.stringify({
        text: TEXT,
        title: 'Audience',
        authors: ['A. Traoré', 'B. Keïta'],
        date: 2024,
        description: null,
        source: 'Le Témoin',
      }),
    ) as Article[];
    expect(a).toMatchObject({ title: 'Audience', author: 'A. Traoré, B. Keïta', source: 'Le Témoin' });
  });

  it('one bad record of a JSON-lines file fails alone, naming its line', () => {
    const lines = [
      JSON.stringify({ text: TEXT, title: 'Bon' }),
      JSON.stringify({ text: 42, title: {} }),
      JSON.stringify({ text: TEXT + ' Encore.', title: 'Bon aussi' }),
    ].join('\n');
    const out = parseContent('f.jsonl', lines);
    expect(out.map((x) => (x instanceof SourceError ? x.message : (x as Article).title))).toEqual([
      'Bon',
      'f.jsonl:2: field "text" must be a string, got a number (42)',
      'Bon aussi',
    ]);
  });
});
