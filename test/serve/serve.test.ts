import { mkdtemp, mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve.js';
import { resolveStatic, startServer, type RunningServer } from '../../src/serve/server.js';
import { reuseLayout } from '../../src/serve/graph-source.js';
import { computeLayout } from '../../src/graph/layout.js';
import { readFixture, writeFixtureStore } from '../helpers/fixture-store.js';

/** A raw GET: fetch() would normalise `..` away before sending, which is not what an attacker does. */
function rawGet(
  url: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

let tmp: string;
let web: string;
let store: string;
let server: RunningServer;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'kunafoni-serve-'));
  web = join(tmp, 'web');
  store = join(tmp, 'store');
  await mkdir(join(web, 'assets'), { recursive: true });
  await writeFile(join(web, 'index.html'), '<!doctype html><title>viewer</title>');
  await writeFile(join(web, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(tmp, 'secret.txt'), 'TOP SECRET');
  await writeFixtureStore(store, await readFixture());
  server = await startServer({ store, webDir: web, port: 0 });
});

afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('kunafoni serve', () => {
  it('binds to 127.0.0.1 unless told otherwise', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the viewer at / with a CSP that allows the FA2 worker from blob: and no inline script', async () => {
    const r = await rawGet(server.url, '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>viewer</title>');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/worker-src[^;]*blob:/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect((await rawGet(server.url, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('serves the stored graph with a position for every node, computed once and cached', async () => {
    const r = await rawGet(server.url, '/api/graph');
    expect(r.status).toBe(200);
    const g = new Graph({ type: 'mixed' });
    g.import(JSON.parse(r.body));
    const fixture = await readFixture();
    expect(g.order).toBe(fixture.nodes.length);
    expect(g.size).toBe(fixture.edges.length);
    g.forEachNode((_k, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
    });
    expect(g.getEdgeAttribute('holds-role|person:jean-sun-wei|org:huawei', 'role')).toBe('Directeur général');
    const cache = JSON.parse(await readFile(join(store, 'layout.json'), 'utf8'));
    expect(Object.keys(cache.positions)).toHaveLength(g.order);
    // a second server reuses the cached positions: same coordinates, no recomputation
    const again = await startServer({ store, webDir: web, port: 0 });
    try {
      const first = await again.source.get();
      expect(first.ok && first.value.layout).toBe('cache');
      const g2 = JSON.parse((await rawGet(again.url, '/api/graph')).body);
      expect(g2.nodes.map((n: { attributes: { x: number } }) => n.attributes.x)).toEqual(
        JSON.parse(r.body).nodes.map((n: { attributes: { x: number } }) => n.attributes.x),
      );
    } finally {
      await again.close();
    }
  });

  it('lists the articles with their metadata for the timeline', async () => {
    const r = await rawGet(server.url, '/api/articles');
    const arts = JSON.parse(r.body) as { id: string; date?: string; title?: string }[];
    expect(arts).toHaveLength(4);
    expect(arts.find((a) => a.id === 'fx-2023-05-02-xss')?.title).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    ['/../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/..%2fsecret.txt'],
    ['/assets/..%2f..%2fsecret.txt'],
    ['/%2e%2e%5csecret.txt'],
    ['/assets%00/app.js'],
    ['/%E0%A4%A'],
  ])('never serves a file outside its own folder: %s', async (path) => {
    const r = await rawGet(server.url, path);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.body).not.toContain('TOP SECRET');
  });
});

describe('kunafoni serve: paths, hosts, missing store or viewer, CLI', () => {
  it('resolves paths inside the root only', () => {
    expect(resolveStatic('/srv/web', '/')).toBe('/srv/web/index.html');
    expect(resolveStatic('/srv/web', '/assets/a.js')).toBe('/srv/web/assets/a.js');
    expect(resolveStatic('/srv/web', '/../etc/passwd')).toBeUndefined();
    expect(resolveStatic('/srv/web', '/%2e%2e/etc/passwd')).toBeUndefined();
  });

  it('refuses other hosts than loopback names (DNS rebinding) and other methods than GET', async () => {
    expect((await rawGet(server.url, '/api/graph', { Host: 'evil.example:80' })).status).toBe(421);
    expect((await rawGet(server.url, '/api/graph', { Host: 'localhost' })).status).toBe(200);
    const post = await fetch(new URL('/api/graph', server.url), { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
  });

  it('answers a missing store with a message that says what to do', async () => {
    const s = await startServer({ store: join(tmp, 'nowhere'), webDir: web, port: 0 });
    try {
      const r = await rawGet(s.url, '/api/graph');
      expect(r.status).toBe(404);
      expect(JSON.parse(r.body).error).toMatch(/no kunafoni store in .*nowhere.*kunafoni ingest/);
    } finally {
      await s.close();
    }
  });

  it('says when the viewer is not built', async () => {
    const s = await startServer({ store, webDir: join(tmp, 'no-web'), port: 0 });
    try {
      const r = await rawGet(s.url, '/');
      expect(r.status).toBe(503);
      expect(r.body).toContain('npm run build:web');
    } finally {
      await s.close();
    }
  });

  it('runs as a CLI command: prints the URL on stdout and a missing store on stderr', async () => {
    const out: string[] = [];
    const err: string[] = [];
    let stop!: () => void;
    const stopped = new Promise<void>((ok) => (stop = ok));
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), isTTY: false };
    const done = serveCommand(io, () => stopped).parseAsync(['--port', '0', '--store', join(tmp, 'empty')], {
      from: 'user',
    });
    for (let i = 0; i < 100 && !out.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(out.join('')).toMatch(/^Kunafoni viewer: http:\/\/127\.0\.0\.1:\d+\/\n$/);
    expect(err.join('')).toMatch(/no store in .*empty.*kunafoni ingest/);
    const url = out.join('').split(': ')[1]!.trim();
    expect((await rawGet(url, '/api/graph')).status).toBe(404);
    stop();
    await done;
  });

  it('rejects a bad port as usage', async () => {
    const io = { out: () => undefined, err: () => undefined, isTTY: false };
    const cmd = serveCommand(io, async () => undefined).exitOverride();
    await expect(cmd.parseAsync(['--port', 'abc'], { from: 'user' })).rejects.toThrow(/--port must be an integer/);
  });
});

describe('layout after the graph changes', () => {
  it('keeps every known entity where it was and places only the new ones near their neighbours', async () => {
    const g = new Graph({ type: 'mixed' });
    g.import((await readFixture()) as never);
    const previous = computeLayout(g);
    g.addNode('person:awa-new', { label: 'Awa New', kind: 'person' });
    g.addDirectedEdge('person:awa-new', 'org:huawei', { kind: 'holds-role' });
    const positions = reuseLayout(g, previous)!;
    for (const [k, p] of Object.entries(previous)) expect(positions[k]).toEqual(p);
    const fresh = positions['person:awa-new']!;
    expect(Number.isFinite(fresh.x) && Number.isFinite(fresh.y)).toBe(true);
    // placed near Huawei, its only neighbour, rather than anywhere in the drawing
    const huawei = previous['org:huawei']!;
    const spread = Math.max(...Object.values(previous).map((p) => Math.hypot(p.x - huawei.x, p.y - huawei.y)));
    expect(Math.hypot(fresh.x - huawei.x, fresh.y - huawei.y)).toBeLessThan(spread);
  });
  it('lays out again when most entities are new', async () => {
    const g = new Graph({ type: 'mixed' });
    g.import((await readFixture()) as never);
    expect(reuseLayout(g, { 'org:huawei': { x: 0, y: 0 } })).toBeUndefined();
  });
});
