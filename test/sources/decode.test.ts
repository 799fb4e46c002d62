import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.js';
import {
  charsetOfContentType,
  decode,
  decodeWithInfo,
  detectEncodingWithBasis,
  sniffDeclaredCharset,
} from '../../src/sources/decode.js';
import { BROKEN_TEXT, fixtures } from '../helpers/web-cli.js';

const SAMPLE = 'Économie : Mme Aminata Maïga et M. Oumar N’Diaye — « 2 000 € » pour l’œuvre';

/** Windows-1252 bytes of a string, written from the code page's table (independent of our decoder). */
function cp1252(s: string): Buffer {
  const high: Record<string, number> = {
    '€': 0x80,
    '’': 0x92,
    '‘': 0x91,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
    œ: 0x9c,
    Œ: 0x8c,
    '…': 0x85,
  };
  return Buffer.from([...s].map((c) => high[c] ?? (c.codePointAt(0)! < 256 ? c.codePointAt(0)! : 0x3f)));
}

const utf16be = (s: string): Buffer => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('decode: bytes in the encodings of older West African sites come out intact', () => {
  const cases: Array<[string, Buffer, string | undefined, string]> = [
    ['UTF-8 without BOM', Buffer.from(SAMPLE, 'utf8'), undefined, 'utf-8'],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]),
      undefined,
      'utf-8',
    ],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]),
      undefined,
      'utf-16le',
    ],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)]), undefined, 'utf-16be'],
    ['UTF-16LE without BOM', Buffer.from(SAMPLE, 'utf16le'), undefined, 'utf-16le'],
    ['Windows-1252, undeclared', cp1252(SAMPLE), undefined, 'windows-1252'],
    ['Windows-1252 declared ISO-8859-1 by HTTP', cp1252(SAMPLE), 'ISO-8859-1', 'windows-1252'],
    ['Windows-1252 mislabelled UTF-8 by HTTP', cp1252(SAMPLE), 'utf-8', 'windows-1252'],
    ['UTF-8 mislabelled ISO-8859-1 by HTTP', Buffer.from(SAMPLE, 'utf8'), 'iso-8859-1', 'utf-8'],
  ];
  it.each(cases)('%s', (_name, bytes, declared, encoding) => {
    const out = decodeWithInfo('sample', bytes, declared);
    expect(out.encoding).toBe(encoding);
    expect(out.text).toBe(SAMPLE);
    expect(out.text).not.toMatch(BROKEN_TEXT);
  });

  it('honours a <meta charset> and an XML declaration', () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>'),
      cp1252('N’Diaye'),
      Buffer.from('</title>'),
    ]);
    expect(sniffDeclaredCharset(html)).toBe('windows-1252');
    expect(detectEncodingWithBasis(html)).toEqual({ encoding: 'windows-1252', basis: 'document' });
    expect(decode('page.html', html)).toContain('N’Diaye');
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>'),
      cp1252('Économie'),
      Buffer.from('</title></rss>'),
    ]);
    expect(sniffDeclaredCharset(xml)).toBe('ISO-8859-1');
    expect(decode('feed.rss', xml)).toContain('Économie');
    const httpEquiv = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">');
    expect(sniffDeclaredCharset(httpEquiv)).toBe('iso-8859-1');
  });

  it('an HTTP charset wins over the document’s own', () => {
    const bytes = Buffer.concat([Buffer.from('<meta charset="utf-8">'), Buffer.from('Maïga', 'utf8')]);
    expect(detectEncodingWithBasis(bytes, 'utf-8').basis).toBe('declared');
    expect(charsetOfContentType('text/html; charset="ISO-8859-1"')).toBe('ISO-8859-1');
    expect(charsetOfContentType('text/html')).toBeUndefined();
  });

  it('decodes the Windows-1252 fixture files (made with iconv) with their accents and apostrophes', () => {
    for (const f of ['coupure-kidal-cp1252.txt', 'amende-amanu-cp1252.html']) {
      const text = decode(f, readFileSync(join(fixtures, f)));
      expect(text).toContain('Maïga');
      expect(text).toContain('N’Diaye');
      expect(text).not.toMatch(BROKEN_TEXT);
    }
  });

  it('refuses empty, blank and binary input with a message naming the source', () => {
    const problem = (bytes: Uint8Array) => {
      try {
        decode('x.txt', bytes);
      } catch (err) {
        expect(err).toBeInstanceOf(SourceError);
        return (err as SourceError).message;
      }
      return 'no error';
    };
    expect(problem(new Uint8Array())).toBe('x.txt: the file is empty');
    expect(problem(Buffer.from('  \n\n \t'))).toBe('x.txt: the file holds only white space');
    expect(problem(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toMatch(/^x\.txt: this is a PDF document, not text/);
    expect(problem(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toMatch(
      /PNG image, not text/,
    );
    expect(problem(Buffer.from([1, 2, 3, 0, 5, 6, 7, 8, 200, 201]))).toMatch(/binary file, not text/);
  });
});
