// Readers and cleaning: each format becomes articles with metadata; bad input is a SourceError that names the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.js';
import { articleId } from '../../src/sources/article.js';
import { decode } from '../../src/sources/decode.js';
import { expandPaths, parseContent, readFileSource } from '../../src/sources/registry.js';
import type { Article } from '../../src/types.js';
import { SAMPLES, tempDir } from '../helpers/common.js';

const articles = (xs: Array<Article | SourceError>) => xs.filter((x): x is Article => !(x instanceof SourceError));
const errors = (xs: Array<Article | SourceError>) => xs.filter((x): x is SourceError => x instanceof SourceError);

const PAGE_DUMP = [
  'top of page',
  '',
  'Télécoms : la ministre reçoit le nouveau DG de Sahel Fibre',
  '\u00a0',
  'La ministre de l’Économie numérique, Mme Kadiatou Ag Mohamed, a reçu en audience, le 12 mars 2025, le ' +
    'Directeur général de Sahel Fibre, M. Oumar Ould Sidi.',
  '\u00a0',
  'Les échanges ont porté sur la couverture des zones rurales.',
  '\u00a0',
  'Fanta KONÉ',
  'Bamako Hebdo',
  '\u00a0',
  'Commentaires',
  'Noté 0 étoile sur 5.',
  'Pas encore de note',
  'Ajouter une note*',
  'bottom of page',
].join('\n');

describe('raw page dumps (.txt)', () => {
  const [a] = articles(parseContent('page.txt', PAGE_DUMP));
  it('drops page furniture and keeps the paragraphs verbatim', () => {
    expect(a!.text).not.toMatch(/top of page|Commentaires|étoile|Ajouter une note|bottom of page/);
    expect(a!.text).toContain(
      'La ministre de l’Économie numérique, Mme Kadiatou Ag Mohamed, a reçu en audience, le 12 mars 2025,',
    );
  });
  it('reads the headline, the byline and the outlet signature as metadata, not text', () => {
    expect(a!.title).toBe('Télécoms : la ministre reçoit le nouveau DG de Sahel Fibre');
    expect(a!.author).toBe('Fanta KONÉ');
    expect(a!.source).toBe('Bamako Hebdo');
    expect(a!.text).not.toContain('Fanta KONÉ');
  });
  it('takes the publication date from a French date in the text', () => {
    expect(a!.date).toBe('2025-03-12');
    expect(a!.lang).toBe('fr');
  });
});

describe('Markdown with YAML front matter', () => {
  const md = `---\ntitle: "Un titre"\ndate: "2024-05-02"\nsource: "Le Républicain"\nurl: "https://example.org/a"\nlang: fr\nauthor: "Awa Traoré"\n---\nLe texte de l’article, assez long pour être un article.\n`;
  it('reads title, date, outlet, url, language and author', () => {
    const [a] = articles(parseContent('a.md', md));
    expect(a).toMatchObject({
      title: 'Un titre',
      date: '2024-05-02',
      source: 'Le Républicain',
      url: 'https://example.org/a',
      lang: 'fr',
      author: 'Awa Traoré',
    });
    expect(a!.text).toBe('Le texte de l’article, assez long pour être un article.');
  });
  it('names the file and the problem when the front matter is invalid', () => {
    const [e] = errors(parseContent('bad.md', '---\ntitle: "open\n  : : [\n---\ntexte\n'));
    expect(e!.message).toMatch(/^bad\.md: invalid front matter/);
  });
});

describe('JSON and JSON lines from news scrapers', () => {
  it('maps news-please fields (maintext, date_publish, source_domain)', () => {
    const [a] = articles(
      parseContent(
        'x.json',
        JSON.stringify({
          title: 'T',
          maintext: 'Un article sur Orange Mali.',
          date_publish: '2023-01-02 10:00:00',
          source_domain: 'maliweb.net',
          language: 'en',
        }),
      ),
    );
    expect(a).toMatchObject({
      title: 'T',
      date: '2023-01-02',
      source: 'maliweb.net',
      lang: 'en',
      text: 'Un article sur Orange Mali.',
    });
  });
  it('keeps the good lines of a JSON lines file and names the bad line', () => {
    const out = parseContent(
      'feed.jsonl',
      '{"text":"Premier article."}\n{"text": "tronqué\n{"text":"Troisième article."}\n',
    );
    expect(articles(out).map((a) => a.text)).toEqual(['Premier article.', 'Troisième article.']);
    expect(errors(out)[0]!.message).toMatch(/^feed\.jsonl:2: invalid JSON line/);
  });
  it('refuses a record without text, saying which fields it looked for', () => {
    const [e] = errors(parseContent('x.json', '{"title":"no body"}'));
    expect(e!.message).toMatch(/x\.json: no article text \(expected one of the fields text, maintext/);
  });
});

describe('bytes and files', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);
  it('decodes Windows-1252 so accents and apostrophes survive', () => {
    const bytes = Uint8Array.from([
      0x92, 0x20, 0xc9, 0x63, 0x6f, 0x6e, 0x6f, 0x6d, 0x69, 0x65, 0x20, 0x4d, 0x61, 0xef, 0x67, 0x61,
    ]);
    expect(decode('x.txt', bytes)).toBe('’ Économie Maïga');
  });
  it('decodes UTF-8 with a byte-order mark', () => {
    expect(decode('x.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('N’Diaye')]))).toBe('N’Diaye');
  });
  it('names an empty, a binary and a missing file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]));
    const [e1] = await readFileSource(join(dir, 'empty.txt'));
    const [e2] = await readFileSource(join(dir, 'binary.txt'));
    const [e3] = await readFileSource(join(dir, 'nope.md'));
    expect((e1 as SourceError).message).toBe(`${join(dir, 'empty.txt')}: the file is empty`);
    expect((e2 as SourceError).message).toMatch(/binary\.txt: this is a ZIP archive .*not text/);
    expect((e3 as SourceError).message).toMatch(/nope\.md: no such file or directory/);
  });
  it('walks folders recursively, in a stable order, skipping hidden files and READMEs', async () => {
    mkdirSync(join(dir, 'tree', 'sub'), { recursive: true });
    for (const f of ['b.md', 'a.txt', 'sub/c.jsonl', '.hidden.md', 'README.md', 'notes.pdf'])
      writeFileSync(join(dir, 'tree', f), 'x');
    const found = (await expandPaths([join(dir, 'tree')])).map((p) => String(p).slice(join(dir, 'tree').length + 1));
    expect(found).toEqual(['a.txt', 'b.md', 'sub/c.jsonl']);
  });
});

describe('article identity', () => {
  it('is a hash of the normalised text: spacing, case and apostrophes do not change it', () => {
    expect(articleId('Le DG d’Orange  Mali.\n')).toBe(articleId("le dg d'orange mali."));
    expect(articleId('Le DG d’Orange Mali.')).not.toBe(articleId('Le DG de Huawei.'));
  });
});

describe('our sample articles', () => {
  it('all read without error, with a date and an outlet, none of them the README', async () => {
    const files = (await expandPaths([SAMPLES])).filter((f): f is string => typeof f === 'string');
    const read = (await Promise.all(files.map((f) => readFileSource(f)))).flat();
    expect(errors(read)).toEqual([]);
    expect(read.length).toBeGreaterThanOrEqual(12);
    for (const a of articles(read)) {
      expect(a.date, a.origin).toMatch(/^\d{4}-\d{2}/);
      expect(a.source, a.origin).toBeTruthy();
      expect(a.text).not.toMatch(/Article fictif —/);
    }
  });
});
