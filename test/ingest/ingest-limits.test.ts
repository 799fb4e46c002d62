// Limits that keep one hostile input from stalling an ingest: an article longer than the cap on one
// article's text is refused with a message naming its file, and the other inputs of the run go through.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest.js';
import { MAX_ARTICLE_CHARS } from '../../src/sources/registry.js';
import { tempDir } from '../helpers/common.js';
import { runCliHere } from '../helpers/web-cli.js';

const SENTENCE =
  'Le ministre Moussa Ag Imaghane a reçu Aminata N’Diaye, directrice générale de Tamani Télécom, à Bamako.\n\n';

describe('the cap on one article’s length', () => {
  const { dir, cleanup } = tempDir('kunafoni-limits-');
  afterAll(cleanup);
  const short = join(dir, 'short.txt');
  writeFileSync(short, SENTENCE);

  it('refuses an article over the cap, naming the file, and ingests the rest (API)', async () => {
    const long = join(dir, 'long.txt');
    writeFileSync(long, SENTENCE.repeat(40));
    const r = await ingestPaths([long, short], { store: join(dir, 'api-store'), maxArticleChars: 2000, workers: 0 });
    expect(r.ingested).toBe(1);
    expect(r.failed.map((f) => f.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          'long\\.txt: the article is 4,\\d{3} characters long, over the 2,000-character cap on one article ' +
            '\\(raise it with --max-article-length\\)',
        ),
      ),
    ]);
  });

  it('defaults to MAX_ARTICLE_CHARS, and the worker pool refuses it too', async () => {
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, SENTENCE.repeat(Math.ceil((MAX_ARTICLE_CHARS + 1) / SENTENCE.length)));
    const r = await ingestPaths([huge, short], { store: join(dir, 'pool-store'), workers: 1 });
    expect(r.ingested).toBe(1);
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]!.origin).toBe(huge);
  });

  it('--max-article-length on the command line: exit 1, one line naming the file, the summary', async () => {
    const long = join(dir, 'cli-long.txt');
    writeFileSync(long, SENTENCE.repeat(20));
    const r = await runCliHere([
      'ingest',
      long,
      short,
      '--store',
      join(dir, 'cli-store'),
      '--max-article-length',
      '1000',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^kunafoni: .*cli-long\.txt: the article is 2,\d{3} characters long, over the 1,000-character cap/m,
    );
    expect(r.stderr).toMatch(/^ingested 1, already stored 0, failed 1/m);
  });
});
