// A damaged curation.json (a bad hand edit, a merge conflict): the error names the file, nothing is lost,
// the viewer still shows the graph last saved, read-only, and ingest refuses before writing anything.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { recordDecision } from '../../src/library/curation.js';
import { BATCH2, batch1Store, writeArticles } from '../helpers/curation-fixtures.js';
import { tempDir } from '../helpers/common.js';
import { runCliHere } from '../helpers/web-cli.js';

describe('a corrupt curation.json', () => {
  const { dir, cleanup } = tempDir('kunafoni-curation-corrupt-');
  let store: string;
  let server: RunningServer;
  let graphBefore: { nodes: { key: string; attributes: { label: string } }[] };
  const logs: string[] = [];
  beforeAll(async () => {
    store = await batch1Store(dir);
    await recordDecision(
      store,
      { op: 'rename', entity: 'person:fanta-coulibaly', label: 'Fanta Coulibaly Diarra' },
      { author: 'awa' },
    );
    graphBefore = JSON.parse(readFileSync(join(store, 'graph.json'), 'utf8'));
    writeFileSync(
      join(store, 'curation.json'),
      '{"format": "kunafoni-curation", "version": 1, "decisions": [ <<<<<<< HEAD',
    );
    server = await startServer({
      store,
      port: 0,
      webDir: join(dir, 'no-web'),
      edit: true,
      log: (m) => void logs.push(m),
    });
  });
  afterAll(async () => {
    await server?.close();
    cleanup();
  });

  it('the viewer still gets the graph last saved (with its decisions), and the error is logged', async () => {
    const r = await fetch(new URL('/api/graph', server.url));
    expect(r.status).toBe(200);
    const g = (await r.json()) as typeof graphBefore;
    expect(g.nodes.map((n) => n.key).sort()).toEqual(graphBefore.nodes.map((n) => n.key).sort());
    expect(g.nodes.find((n) => n.key === 'person:fanta-coulibaly')?.attributes.label).toBe('Fanta Coulibaly Diarra');
    expect(logs.join('')).toMatch(/curation\.json is not valid JSON.*showing the graph last saved, read-only/);
    expect((await fetch(new URL('/api/articles', server.url))).status).toBe(200);
  });

  it('/api/curation says what is wrong (the viewer shows it), and writes are refused', async () => {
    const r = await fetch(new URL('/api/curation', server.url));
    expect(r.status).toBe(409);
    expect(((await r.json()) as { error: string }).error).toMatch(/curation\.json is not valid JSON/);
    const post = await fetch(new URL('/api/curation', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ op: 'delete', entity: 'Lassana Touré' }),
    });
    expect(post.status).toBe(409);
  });

  it('ingest refuses before writing: exit 1, the file named, articles.jsonl unchanged', async () => {
    const articles = readFileSync(join(store, 'articles.jsonl'));
    const r = await runCliHere(['ingest', writeArticles(dir, 'b2.jsonl', BATCH2), '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kunafoni: store .*: curation\.json is not valid JSON .*fix it by hand or restore it/m);
    expect(readFileSync(join(store, 'articles.jsonl')).equals(articles)).toBe(true);
  });
});
