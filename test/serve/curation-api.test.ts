// The curation API (src/serve/curation-api.ts) mounted on a bare node:http server on 127.0.0.1: GET
// lists, POST records into curation.json (and the rebuilt graph.json), undo removes; read-only without
// --edit; JSON only, same origin only; clear errors with the right status codes.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { curationApi } from '../../src/serve/curation-api.js';
import { batch1Store } from '../helpers/curation-fixtures.js';
import { tempDir } from '../helpers/common.js';

async function serve(store: string, edit: boolean): Promise<{ url: string; server: Server }> {
  const api = curationApi({ store, edit, author: 'viewer-user' });
  const server = createServer((req, res) => {
    void api(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404);
        res.end('not curation');
      }
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });

// one store and two servers (editable, read-only) for the whole file: the tests below run in order
const { dir, cleanup } = tempDir('kunafoni-curation-api-');
const store = await batch1Store(dir);
const editable = await serve(store, true);
const readonly = await serve(store, false);
afterAll(async () => {
  for (const s of [editable, readonly]) await new Promise((ok) => s.server.close(ok));
  cleanup();
});
const file = () =>
  JSON.parse(readFileSync(join(store, 'curation.json'), 'utf8')).decisions as {
    id: string;
    op: string;
    author: string;
    note?: string;
  }[];
const graphJson = () =>
  JSON.parse(readFileSync(join(store, 'graph.json'), 'utf8')) as {
    nodes: { key: string; attributes: { label: string; aliases: string[] } }[];
  };

describe('curation API: listing and merging', () => {
  it('GET lists no decisions on a fresh store, and says whether it is editable', async () => {
    const r = await fetch(`${editable.url}/api/curation`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ editable: true, decisions: [], stale: 0 });
    expect(((await (await fetch(`${readonly.url}/api/curation`)).json()) as { editable: boolean }).editable).toBe(
      false,
    );
  });

  it('POST merge (by node key, as the viewer sends it) lands in curation.json and in graph.json', async () => {
    const r = await post(`${editable.url}/api/curation`, {
      op: 'merge',
      entity: 'person:seydou-bagayogo',
      into: 'person:seydou-bagayoko',
      note: 'same man',
    });
    expect(r.status).toBe(201);
    const body = (await r.json()) as {
      decision: { id: string };
      outcome: { status: string; message: string };
      stale: unknown[];
    };
    expect(body.outcome).toMatchObject({
      status: 'applied',
      message: expect.stringMatching(/merged "Seydou Bagayogo" into "Seydou Bagayoko"/),
    });
    expect(file()).toEqual([
      expect.objectContaining({ id: body.decision.id, op: 'merge', author: 'viewer-user', note: 'same man' }),
    ]);
    const nodes = graphJson().nodes;
    expect(nodes.find((n) => n.key === 'person:seydou-bagayogo')).toBeUndefined();
    expect(nodes.find((n) => n.key === 'person:seydou-bagayoko')!.attributes.aliases).toContain('Seydou Bagayogo');
  });
});

describe('curation API: rename, verify, delete, undo, suggest', () => {
  it('POST rename, verify, delete with an author; GET lists them with descriptions', async () => {
    expect(
      (
        await post(`${editable.url}/api/curation`, {
          op: 'rename',
          entity: 'person:fanta-coulibaly',
          label: 'Fanta Coulibaly Diarra',
          author: 'Awa',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await post(`${editable.url}/api/curation`, {
          op: 'verify',
          relation: 'holds-role|person:seydou-bagayoko|org:kora-mobile',
        })
      ).status,
    ).toBe(201);
    expect((await post(`${editable.url}/api/curation`, { op: 'delete', entity: 'Lassana Touré' })).status).toBe(201);
    const list = (await (await fetch(`${editable.url}/api/curation`)).json()) as {
      decisions: { op: string; author: string; description: string; status: string }[];
    };
    expect(list.decisions.map((d) => [d.op, d.author, d.status])).toEqual([
      ['merge', 'viewer-user', 'applied'],
      ['rename', 'Awa', 'applied'],
      ['verify', 'viewer-user', 'applied'],
      ['delete', 'viewer-user', 'applied'],
    ]);
    expect(list.decisions[3]!.description).toBe('delete "Lassana Touré" (person:lassana-toure)');
  });

  it('POST /api/curation/undo removes the latest decision (or the one named)', async () => {
    const r = await post(`${editable.url}/api/curation/undo`, {});
    expect(r.status).toBe(200);
    expect(((await r.json()) as { removed: { op: string } }).removed.op).toBe('delete');
    expect(file().map((d) => d.op)).toEqual(['merge', 'rename', 'verify']);
    const id = file()[1]!.id;
    expect((await post(`${editable.url}/api/curation/undo`, { id })).status).toBe(200);
    expect(file().map((d) => d.op)).toEqual(['merge', 'verify']);
  });

  it('GET /api/curation/suggest lists likely duplicates', async () => {
    const r = await fetch(`${editable.url}/api/curation/suggest?limit=5`);
    expect(r.status).toBe(200);
    expect(Array.isArray(await r.json())).toBe(true);
    expect((await fetch(`${editable.url}/api/curation/suggest?limit=zero`)).status).toBe(400);
  });
});

describe('curation API: refused requests, origins and methods', () => {
  it.each([
    [
      'read-only server',
      'readonly',
      { op: 'delete', entity: 'Kora Mobile' },
      {},
      403,
      /read-only; start it with `kunafoni serve --edit`/,
    ],
    [
      'not JSON',
      'editable',
      'op=delete&entity=Kora',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      415,
      /Content-Type: application\/json/,
    ],
    [
      'another origin',
      'editable',
      { op: 'delete', entity: 'Kora Mobile' },
      { Origin: 'http://evil.example' },
      403,
      /a page from http:\/\/evil\.example cannot change this store/,
    ],
    ['malformed JSON', 'editable', '{"op": ', {}, 400, /not valid JSON/],
    [
      'unknown op',
      'editable',
      { op: 'explode', entity: 'Kora Mobile' },
      {},
      400,
      /unknown curation operation "explode"; expected one of merge/,
    ],
    ['missing field', 'editable', { op: 'rename', entity: 'Kora Mobile' }, {}, 400, /"rename" needs the field "label"/],
    [
      'unknown entity',
      'editable',
      { op: 'delete', entity: 'Nobody Known' },
      {},
      404,
      /no entity matches "Nobody Known"/,
    ],
    [
      'pointless merge',
      'editable',
      { op: 'merge', entity: 'Kora Mobile', into: 'org:kora-mobile' },
      {},
      400,
      /already one entity/,
    ],
  ] as const)('refuses a write: %s', async (_name, which, body, headers, status, message) => {
    const before = readFileSync(join(store, 'curation.json'), 'utf8');
    const server = which === 'readonly' ? readonly : editable;
    const r = await post(`${server.url}/api/curation`, body, headers as Record<string, string>);
    expect(r.status).toBe(status);
    expect(((await r.json()) as { error: string }).error).toMatch(message);
    expect(readFileSync(join(store, 'curation.json'), 'utf8')).toBe(before);
  });

  it(
    'the same origin is accepted; wrong methods get 405 with Allow; ' + 'other paths are left to the host server',
    async () => {
      const host = new URL(editable.url).host;
      const r = await post(
        `${editable.url}/api/curation`,
        { op: 'retype', entity: 'Sahel Fibre', kind: 'place' },
        { Origin: `http://${host}` },
      );
      expect(r.status).toBe(201);
      const del = await fetch(`${editable.url}/api/curation`, { method: 'DELETE' });
      expect(del.status).toBe(405);
      expect(del.headers.get('allow')).toBe('GET, HEAD, POST');
      expect(await (await fetch(`${editable.url}/api/graph`)).text()).toBe('not curation');
    },
  );
});
