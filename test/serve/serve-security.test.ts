// The viewer's server against a hostile network: DNS rebinding (a name the attacker controls that
// resolves to 127.0.0.1), forged or mismatched Origins, and a server bound to a network address, where
// `--edit` hands out a secret token that every write must carry. Over raw HTTP, so the Host and Origin
// headers are exactly what an attacker sends; the browser side is in serve-security.e2e.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve.js';
import { hostOfHeader, isLoopback, startServer, type RunningServer } from '../../src/serve/server.js';
import { batch1Store } from '../helpers/curation-fixtures.js';
import { tempDir } from '../helpers/common.js';

interface Raw {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

/** A request to 127.0.0.1:port with whatever Host and Origin the caller forges. */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, timeout: 20_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

const portOf = (s: RunningServer) => Number(new URL(s.url).port);
const deleteLassana = JSON.stringify({ op: 'delete', entity: 'Lassana Touré' });
const json = { 'Content-Type': 'application/json' };

describe('which Host names count as loopback', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.255.255', true],
    ['127.1.2.3', true],
    ['[::1]', true],
    ['127.attacker.example', false],
    ['127.0.0.1.nip.io', false],
    ['127.0.0.256', false],
    ['127.0.0', false],
    ['localhost.attacker.example', false],
    ['localhost.', false],
    ['[::ffff:7f00:1]', false],
    ['0.0.0.0', false],
    ['evil.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it.each([
    ['127.0.0.1:8040', '127.0.0.1'],
    ['[::1]:8040', '[::1]'],
    ['localhost', 'localhost'],
    ['127.attacker.example:8040', '127.attacker.example'],
    ['a:b:c', undefined],
    ['', undefined],
  ])('Host header %j names %j', (header, host) => {
    expect(hostOfHeader(header)).toBe(host);
  });
});

describe('serve on loopback: DNS rebinding and Origins', () => {
  const { dir, cleanup } = tempDir('kunafoni-serve-security-');
  let store: string;
  let server: RunningServer;
  let port: number;
  const curationFile = () => join(store, 'curation.json');

  beforeAll(async () => {
    store = await batch1Store(dir);
    server = await startServer({ store, port: 0, webDir: join(dir, 'no-web'), edit: true });
    port = portOf(server);
  });
  afterAll(async () => {
    await server?.close();
    cleanup();
  });

  it('a rebound name that starts with "127." gets 421 on the graph, the articles and the curation API', async () => {
    const host = `127.attacker.example:${port}`;
    for (const path of ['/api/graph', '/api/articles', '/api/curation', '/'])
      expect((await raw(port, 'GET', path, { Host: host })).status, path).toBe(421);
    const post = await raw(
      port,
      'POST',
      '/api/curation',
      { ...json, Host: host, Origin: `http://${host}` },
      deleteLassana,
    );
    expect(post.status).toBe(421);
    expect(existsSync(curationFile())).toBe(false);
  });

  it('literal loopback names are served', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `127.3.2.1:${port}`])
      expect((await raw(port, 'GET', '/api/graph', { Host: host })).status, host).toBe(200);
  });

  it.each([
    ['https scheme', (p: number) => `https://127.0.0.1:${p}`],
    ['another port', (p: number) => `http://127.0.0.1:${p + 1}`],
    ['another loopback name', (p: number) => `http://localhost:${p}`],
    ['null', () => 'null'],
  ])('a write whose Origin differs from the server (%s) is refused', async (_what, origin) => {
    const r = await raw(
      port,
      'POST',
      '/api/curation',
      { ...json, Host: `127.0.0.1:${port}`, Origin: origin(port) },
      deleteLassana,
    );
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error).toMatch(/refused/);
    expect(existsSync(curationFile())).toBe(false);
  });

  it('the same scheme, host and port is accepted', async () => {
    const r = await raw(
      port,
      'POST',
      '/api/curation',
      { ...json, Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` },
      deleteLassana,
    );
    expect(r.status).toBe(201);
    expect(JSON.parse(readFileSync(curationFile(), 'utf8')).decisions).toHaveLength(1);
  });

  it('curation responses carry the same security headers as the rest (CSP, X-Frame-Options…)', async () => {
    const page = await raw(port, 'GET', '/api/graph', { Host: `127.0.0.1:${port}` });
    for (const path of ['/api/curation', '/api/curation/nowhere']) {
      const r = await raw(port, 'GET', path, { Host: `127.0.0.1:${port}` });
      for (const h of ['content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy'])
        expect(r.headers[h], `${path} ${h}`).toBe(page.headers[h]);
    }
  });
});

describe('serve on a network address: --edit and the token', () => {
  const { dir, cleanup } = tempDir('kunafoni-serve-exposed-');
  let store: string;
  afterAll(cleanup);
  beforeAll(async () => {
    store = await batch1Store(dir);
  });

  it('--edit: writes without the token are refused whatever the Host and Origin; with it they land', async () => {
    const server = await startServer({ store, host: '0.0.0.0', port: 0, webDir: join(dir, 'no-web'), edit: true });
    try {
      const port = portOf(server);
      expect(server.exposed).toBe(true);
      expect(server.editToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const evil = { ...json, Host: 'evil.com', Origin: 'http://evil.com' };
      expect((await raw(port, 'POST', '/api/curation', evil, deleteLassana)).status).toBe(403);
      const own = { ...json, Host: `192.0.2.7:${port}`, Origin: `http://192.0.2.7:${port}` };
      const without = await raw(port, 'POST', '/api/curation', own, deleteLassana);
      expect(without.status).toBe(403);
      expect(JSON.parse(without.body).error).toMatch(/edit token/);
      expect(
        (await raw(port, 'POST', '/api/curation', { ...own, 'X-Kunafoni-Token': 'x'.repeat(43) }, deleteLassana))
          .status,
      ).toBe(403);
      expect((await raw(port, 'POST', '/api/curation/undo', own, '{}')).status).toBe(403);
      expect(existsSync(join(store, 'curation.json'))).toBe(false);
      // the token does not let another site's page in: the Origin must still be the server's
      expect(
        (
          await raw(
            port,
            'POST',
            '/api/curation',
            { ...own, Origin: 'http://evil.com', 'X-Kunafoni-Token': server.editToken! },
            deleteLassana,
          )
        ).status,
      ).toBe(403);
      const ok = await raw(
        port,
        'POST',
        '/api/curation',
        { ...own, 'X-Kunafoni-Token': server.editToken! },
        deleteLassana,
      );
      expect(ok.status).toBe(201);
      const list = JSON.parse((await raw(port, 'GET', '/api/curation', { Host: 'evil.com' })).body);
      expect(list).toMatchObject({ editable: true, tokenRequired: true });
    } finally {
      await server.close();
    }
  });
});

describe('serve on a network address: the CLI', () => {
  const { dir, cleanup } = tempDir('kunafoni-serve-exposed-cli-');
  let store: string;
  afterAll(cleanup);
  beforeAll(async () => {
    store = await batch1Store(dir);
  });

  it('the CLI warns on stderr, prints the address with the token once, and a fresh token each start', async () => {
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      let stop!: () => void;
      const stopped = new Promise<void>((ok) => (stop = ok));
      const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false };
      const done = serveCommand(io, () => stopped).parseAsync(['--port', '0', '--store', store, ...args], {
        from: 'user',
      });
      for (let i = 0; i < 500 && !out.length; i++) await new Promise((r) => setTimeout(r, 20));
      stop();
      await done;
      return { out: out.join(''), err: err.join('') };
    };
    const a = await run(['--host', '0.0.0.0', '--edit']);
    expect(a.err).toMatch(
      new RegExp(
        'warning: listening on 0\\.0\\.0\\.0, not a loopback address: ' +
          'anyone who can reach this port can read the whole store',
      ),
    );
    expect(a.err).toMatch(/token/);
    expect(a.out).toMatch(/^Kunafoni viewer: http:\/\/0\.0\.0\.0:\d+\/\?token=[A-Za-z0-9_-]{40,}\n$/);
    const token = /token=(\S+)/.exec(a.out)![1]!;
    expect(a.err).not.toContain(token);
    const b = await run(['--host', '0.0.0.0', '--edit']);
    expect(/token=(\S+)/.exec(b.out)![1]).not.toBe(token);
    const readOnly = await run(['--host', '0.0.0.0']);
    expect(readOnly.err).toMatch(/warning: listening on 0\.0\.0\.0/);
    expect(readOnly.out).not.toMatch(/token/);
    const loopback = await run([]);
    expect(loopback.err).not.toMatch(/warning/);
  });
});
