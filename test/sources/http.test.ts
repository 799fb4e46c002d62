// URLs and feeds over HTTP, against a server on 127.0.0.1 that this suite starts; the CLI runs in this
// process (runCliHere), so that the server keeps answering while it runs.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.js';
import { createFetcher, fetchUrl } from '../../src/sources/url.js';
import { ingestPaths } from '../../src/ingest.js';
import { loadStore } from '../../src/library/store.js';
import { BROKEN_TEXT, fixtures, runCliHere, withTempDir } from '../helpers/web-cli.js';
import { PAGES, startServer, type TestServer } from '../helpers/http-server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv?.close();
});

const problem = async (url: string, opts: Parameters<typeof fetchUrl>[1] = {}): Promise<string> => {
  try {
    await fetchUrl(url, opts);
    return 'fetched';
  } catch (err) {
    expect(err).toBeInstanceOf(SourceError);
    return (err as SourceError).message;
  }
};

describe('fetchUrl: limits that keep a crawl honest and bounded', () => {
  it('sends an honest User-Agent and follows a redirect', async () => {
    const got = await fetchUrl(`${srv.base}/moved`);
    expect(got.url).toBe(`${srv.base}/article.html`);
    expect(got.contentType).toMatch(/^text\/html/);
    expect(srv.requests.find((r) => r.url === '/moved')!.headers['user-agent']).toBe(
      'kunafoni/0.1 (+research crawler)',
    );
  });

  it('pauses between two requests to the same host', async () => {
    // a clock of its own: the pauses asked for are recorded (and taken at once), time moves only when told
    let now = 1_000;
    const pauses: number[] = [];
    const clock = { now: () => now, sleep: async (ms: number) => void pauses.push(ms) };
    const fetcher = createFetcher({ delayMs: 400 }, clock);
    await fetcher(`${srv.base}/article.html`);
    expect(pauses).toEqual([]);
    now += 150;
    await fetcher(`${srv.base}/pages/pay.html`);
    expect(pauses).toEqual([250]); // the rest of the 400 ms since the last request to this host
    // another host is not kept waiting by this one (nothing listens there: refused, but asked without a pause)
    await expect(fetcher(`${srv.base.replace('127.0.0.1', '127.0.0.2')}/article.html`)).rejects.toThrow(SourceError);
    expect(pauses).toEqual([250]);
    now += 1_000;
    await fetcher(`${srv.base}/article.html`);
    expect(pauses).toEqual([250]); // the delay has passed: no pause
  });

  it('names a redirect loop and stops an endless redirect chain', async () => {
    expect(await problem(`${srv.base}/loop-a`)).toBe(
      `${srv.base}/loop-a: redirect loop: ${srv.base}/loop-a → ${srv.base}/loop-b → ${srv.base}/loop-a`,
    );
    expect(await problem(`${srv.base}/chain/0`, { maxRedirects: 3 })).toBe(
      `${srv.base}/chain/0: more than 3 redirects (the last to ${srv.base}/chain/4)`,
    );
  });

  it('gives up on a slow response at the timeout', async () => {
    // /slow never completes (a byte every 200 ms, for ever): only the timeout ends this fetch
    expect(await problem(`${srv.base}/slow`, { timeoutMs: 700 })).toBe(
      `${srv.base}/slow: no complete response within 700 ms (timeout)`,
    );
  });

  it('stops reading a huge response at the size cap, and refuses a declared one at once', async () => {
    expect(await problem(`${srv.base}/huge`, { maxBytes: 1024 * 1024 })).toBe(
      `${srv.base}/huge: the response passed the 1 MB cap; stopped reading`,
    );
    expect(await problem(`${srv.base}/huge-declared`, { maxBytes: 1024 * 1024 })).toBe(
      `${srv.base}/huge-declared: the response is 100 MB, over the 1 MB cap`,
    );
  });

  it('names HTTP errors, unreadable media types and refused connections', async () => {
    expect(await problem(`${srv.base}/nowhere`)).toBe(`${srv.base}/nowhere: HTTP 404 Not Found`);
    expect(await problem(`${srv.base}/photo.jpg`)).toBe(
      `${srv.base}/photo.jpg: the server sent image/jpeg, not a page, a feed or text`,
    );
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await problem(`http://127.0.0.1:${port}/x`)).toBe(`http://127.0.0.1:${port}/x: connection refused`);
  });
});

describe('kunafoni ingest <url>', () => {
  it('ingests an HTML article; the other URLs of the batch fail one line each; exit 1', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      const urls = ['article.html', 'loop-a', 'slow', 'huge', 'photo.jpg'].map((u) => `${srv.base}/${u}`);
      const r = await runCliHere([
        'ingest',
        ...urls,
        '--store',
        store,
        '--timeout',
        '1',
        '--max-size',
        '1MB',
        '--delay',
        '0',
      ]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toContain(
        `kunafoni: ${srv.base}/loop-a: redirect loop: ${srv.base}/loop-a → ${srv.base}/loop-b → ${srv.base}/loop-a`,
      );
      expect(lines).toContain(`kunafoni: ${srv.base}/slow: no complete response within 1 s (timeout)`);
      expect(lines).toContain(`kunafoni: ${srv.base}/huge: the response passed the 1 MB cap; stopped reading`);
      expect(lines).toContain(
        `kunafoni: ${srv.base}/photo.jpg: the server sent image/jpeg, not a page, a feed or text`,
      );
      expect(lines.at(-1)).toMatch(/^ingested 1, already stored 0, failed 4 — store /);
      const { articles } = await loadStore(store, { mustExist: true });
      expect(articles).toHaveLength(1);
      expect(articles[0]!.article).toMatchObject({
        source: 'Le Courrier du Sahel',
        url: 'https://courrier-du-sahel.example/economie/fibre-djoliba-sahel-connect',
        date: '2025-03-14',
        origin: `${srv.base}/article.html`,
      });
      expect(articles[0]!.article.text).toContain('M. Oumar N’Diaye');
    });
  });

  it('honours the charset of the HTTP Content-Type (an ISO-8859-1 page without a meta charset)', async () => {
    await withTempDir(async (dir) => {
      const r = await runCliHere(['ingest', `${srv.base}/amende.html`, '--store', dir, '--delay', '0']);
      expect(r.stderr).toMatch(/^ingested 1, already stored 0, failed 0/m);
      expect(r.code).toBe(0);
      const [rec] = (await loadStore(dir, { mustExist: true })).articles;
      expect(rec!.article.title).toBe(
        'Économie numérique : l’AMANU inflige une amende de 2 milliards à Djoliba Télécom',
      );
      expect(rec!.article.text).toContain('Mme Aminata Maïga');
      expect(rec!.article.text).not.toMatch(BROKEN_TEXT);
    });
  });
});

describe('kunafoni ingest <url>: feeds and progress', () => {
  it('ingests a feed: one article per item from the feed alone, or the full pages with --follow', async () => {
    await withTempDir(async (dir) => {
      const plain = join(dir, 'plain');
      const r1 = await runCliHere(['ingest', `${srv.base}/feed.xml`, '--store', plain, '--delay', '0']);
      expect(r1.code).toBe(0);
      const items = (await loadStore(plain, { mustExist: true })).articles.map((a) => a.article);
      expect(items.map((a) => a.text).sort()).toEqual([
        'Djoliba Pay signe un partenariat bancaire.',
        'Un article qui n’existe plus sur le site.',
        'Un câble coupé à Tombouctou.',
      ]);
      expect(items.every((a) => a.source === 'Le Courrier du Sahel')).toBe(true);

      const followed = join(dir, 'followed');
      // the test server is on 127.0.0.1: its item links are private addresses, followed only when allowed
      const r2 = await runCliHere([
        'ingest',
        `${srv.base}/feed.xml`,
        '--follow',
        '--allow-private',
        '--store',
        followed,
        '--delay',
        '0',
      ]);
      expect(r2.code).toBe(1); // one item's page is gone
      expect(r2.stderr).toContain(
        `kunafoni: ${srv.base}/feed.xml item 3 ("Article retiré"): ` +
          `could not read its page ${srv.base}/pages/retire.html: HTTP 404 Not Found`,
      );
      expect(r2.stderr).toMatch(/^ingested 2, already stored 0, failed 1/m);
      const full = (await loadStore(followed, { mustExist: true })).articles.map((a) => a.article);
      const cable = full.find((a) => a.url === `${srv.base}/pages/cable.html`)!;
      expect(cable.text).toBe(PAGES['/pages/cable.html']!.paragraphs.join('\n\n'));
      expect(cable.title).toBe(PAGES['/pages/cable.html']!.title);
      expect(cable.date).toBe('2025-04-03'); // the page's own date wins over the feed's pubDate
    });
  });

  it('reports progress over the sources and the followed items', async () => {
    await withTempDir(async (dir) => {
      const events: Array<{ done: number; total: number }> = [];
      const summary = await ingestPaths([`${srv.base}/feed.xml`, join(fixtures, 'syndication', 'bamako-matin.md')], {
        store: dir,
        follow: true,
        allowPrivate: true,
        fetch: { delayMs: 0 },
        onProgress: ({ done, total }) => events.push({ done, total }),
      });
      expect(summary).toMatchObject({ ingested: 3, duplicates: 0 });
      expect(summary.failed.map((f) => f.origin)).toEqual([`${srv.base}/feed.xml item 3 ("Article retiré")`]);
      expect(events.map((e) => e.done)).toEqual(events.map((_e, i) => i + 1));
      expect(events.at(-1)).toEqual({ done: 5, total: 5 }); // 2 sources + 3 followed items
    });
  });

  it('a URL that claims to be a feed but is not XML fails clearly', async () => {
    await withTempDir(async (dir) => {
      const r = await runCliHere(['ingest', `${srv.base}/not-a-feed.xml`, '--store', dir, '--delay', '0']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `^kunafoni: ${srv.base.replace(/\./g, '\\.')}/not-a-feed\\.xml: ` +
            'not an RSS or Atom feed: the XML is invalid at line 1',
          'm',
        ),
      );
    });
  });
});

describe('kunafoni ingest -', () => {
  it('reads one article from stdin', async () => {
    await withTempDir(async (dir) => {
      const r = await runCliHere(['ingest', '-', '--store', dir], {
        input: readFileSync(join(fixtures, 'amende-amanu-cp1252.html')),
      });
      expect(r.code).toBe(0);
      const [rec] = (await loadStore(dir, { mustExist: true })).articles;
      expect(rec!.article.origin).toBe('stdin');
      expect(rec!.article.text).toContain('M. Oumar N’Diaye');
    });
  });

  it('an empty stdin is one clear failure', async () => {
    await withTempDir(async (dir) => {
      const r = await runCliHere(['ingest', '-', '--store', dir], { input: '' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^kunafoni: stdin: the input is empty$/m);
    });
  });
});
