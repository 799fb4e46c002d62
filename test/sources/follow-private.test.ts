// --follow fetches pages a feed names: a hostile feed must not make kunafoni read this machine or its
// private network (an admin page on 127.0.0.1, a router, a cloud metadata service), unless the researcher
// says so with --allow-private. The feed itself, named on the command line, is fetched as asked.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress, privateTarget } from '../../src/sources/url.js';
import { loadStore } from '../../src/library/store.js';
import { runCliHere, withTempDir } from '../helpers/web-cli.js';
import { PAGES, startServer, type TestServer } from '../helpers/http-server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv?.close();
});

describe('which addresses are private', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.0.0.1', true],
    ['8.8.8.8', false],
    ['172.32.0.1', false],
    ['196.200.1.1', false],
    ['2001:4860:4860::8888', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('names the reason for literal addresses and localhost', async () => {
    expect(await privateTarget('http://127.0.0.1:8080/admin')).toMatch(/127\.0\.0\.1/);
    expect(await privateTarget('http://[::1]/')).toMatch(/::1/);
    expect(await privateTarget('http://localhost/x')).toMatch(/this machine/);
    expect(await privateTarget('http://169.254.169.254/latest/meta-data/')).toMatch(/169\.254\.169\.254/);
    expect(await privateTarget('https://8.8.8.8/')).toBeUndefined();
  });
});

describe('kunafoni ingest --follow', () => {
  it(
    'refuses item links to private addresses, one line per item naming it and the way to allow it; no page ' +
      'is requested',
    async () => {
      await withTempDir(async (dir) => {
        const store = join(dir, 'store');
        const r = await runCliHere(['ingest', `${srv.base}/feed.xml`, '--follow', '--store', store, '--delay', '0']);
        expect(r.code).toBe(1);
        const refused = r.stderr.split('\n').filter((l) => l.includes('refused to follow'));
        expect(refused).toHaveLength(3);
        expect(refused[0]).toBe(
          `kunafoni: ${srv.base}/feed.xml item 1 ("${PAGES['/pages/cable.html']!.title}"): ` +
            `refused to follow its link ${srv.base}/pages/cable.html: ` +
            'it points to the private or loopback address 127.0.0.1 (pass --allow-private to allow it)',
        );
        expect(r.stderr).toMatch(/^ingested 0, already stored 0, failed 3/m);
        expect(srv.requests.filter((q) => q.url.startsWith('/pages/'))).toEqual([]);
      });
    },
  );

  it('--allow-private follows them', async () => {
    await withTempDir(async (dir) => {
      const store = join(dir, 'store');
      const r = await runCliHere([
        'ingest',
        `${srv.base}/feed.xml`,
        '--follow',
        '--allow-private',
        '--store',
        store,
        '--delay',
        '0',
      ]);
      expect(r.stderr).not.toContain('refused to follow');
      expect(r.stderr).toMatch(/^ingested 2, already stored 0, failed 1/m); // one page is gone (404)
      expect((await loadStore(store, { mustExist: true })).articles).toHaveLength(2);
    });
  });
});
