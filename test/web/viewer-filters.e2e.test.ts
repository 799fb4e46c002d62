// The viewer's filters in headless Chromium, on the hand-written fixture graph with an undated
// relation, an undated entity without relations, confidences and a taxonomy topic: hide isolated,
// the confidence filter, ego depth, the "sans date" toggle against `kunafoni export --since`, English
// role and topic labels (search suggestions included), a language switch that redraws every part, reset,
// the table's CSV export, and the GEXF export with the CLI's columns.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { exportGexf } from '../../src/export/gexf.js';
import { filterGraph } from '../../src/export/filter.js';
import type { KGraph } from '../../src/graph/build.js';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { CHROMIUM, downloadText, hasChromium, launch, type Browser } from '../helpers/browser.js';
import { ensureViewerBuilt, openViewer } from '../helpers/viewer-build.js';
import { articlesOf, readFixture, writeFixtureStore } from '../helpers/fixture-store.js';
import { records } from '../helpers/csv-parse.js';
import { cli, hasNetworkx } from '../helpers/fixture-helpers.js';

const repo = resolve(import.meta.dirname, '..', '..');
const webDist = join(repo, 'web', 'dist');
const UNDATED_EDGE = 'signed-agreement-with|org:huawei|org:orange-mali';
const LOW_EDGE = 'holds-role|person:jean-sun-wei|org:huawei';

/** The viewer fixture plus what this suite needs. */
async function fixture(): Promise<SerializedGraph> {
  const g = new Graph({ multi: true, type: 'mixed' });
  g.import(await readFixture());
  g.forEachEdge((e) => g.setEdgeAttribute(e, 'confidence', 0.9));
  g.setEdgeAttribute(LOW_EDGE, 'confidence', 0.4);
  // an agreement whose article has no date, and an organisation only that undated article names
  g.updateEdgeAttribute(UNDATED_EDGE, 'evidence', (ev: { date?: string }[]) =>
    ev.map(({ date: _d, ...e }) => ({ ...e, article: 'b0000000000000ud' })),
  );
  g.removeEdgeAttribute(UNDATED_EDGE, 'firstSeen');
  g.removeEdgeAttribute(UNDATED_EDGE, 'lastSeen');
  g.addNode('org:sotelma', {
    label: 'Sotelma',
    kind: 'organisation',
    aliases: [],
    mentions: 1,
    articles: ['b0000000000000ud'],
    x: 3,
    y: -2,
  });
  g.mergeNodeAttributes('topic:inclusion-numerique', { label: 'Connectivité' });
  return g.export() as SerializedGraph;
}

const counts = async (page: Page) => {
  const text = (await page.textContent('#status')) ?? '';
  const m = /(\d+)\D+(\d+)/.exec(text);
  return { nodes: Number(m?.[1]), edges: Number(m?.[2]) };
};

if (!hasChromium()) console.warn(`viewer filters e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

let tmp: string;
let server: RunningServer;
let browser: Browser;
let graph: KGraph;
let undatedArticles: number;
/** Entities with at least one relation among the given edges. */
const linked = (edges: string[]) => new Set(edges.flatMap((e) => graph.extremities(e))).size;
const pageErrors: string[] = [];

const open = (hash = ''): Promise<Page> => openViewer(browser, server.url + hash, pageErrors);

beforeAll(async () => {
  if (!hasChromium()) return;
  await ensureViewerBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'kunafoni-e2e-filters-'));
  const data = await fixture();
  const g = new Graph({ multi: true, type: 'mixed' });
  g.import(data);
  graph = g as unknown as KGraph;
  undatedArticles = articlesOf(data).filter((a) => !a.article.date).length;
  await writeFixtureStore(join(tmp, 'store'), data);
  server = await startServer({ store: join(tmp, 'store'), port: 0, webDir: webDist });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
  expect(pageErrors).toEqual([]);
});

describe.skipIf(!hasChromium())('viewer filters in headless Chromium', () => {
  it('hide isolated: the entity without relations goes, every other stays', async () => {
    const page = await open();
    expect(await counts(page)).toEqual({ nodes: graph.order, edges: graph.size });
    await page.check('#hide-isolated');
    expect(await counts(page)).toEqual({ nodes: linked(graph.edges()), edges: graph.size });
    expect(linked(graph.edges())).toBeLessThan(graph.order); // Sotelma at least
    await page.waitForURL(/isolated=0/);
    await page.close();
  });

  it('confidence filter: relations below the minimum go, and the entities left alone', async () => {
    const page = await open();
    await page.locator('#min-confidence').fill('0.5');
    // the 0.4 role goes; Jean Sun Wei stays through his meeting with the minister
    const kept = graph.edges().filter((e) => e !== LOW_EDGE);
    expect(await counts(page)).toEqual({ nodes: linked(kept), edges: graph.size - 1 });
    expect(await page.textContent('#min-confidence-value')).toBe('0.50');
    await page.locator('#min-confidence').fill('0.95');
    expect(await counts(page)).toEqual({ nodes: 0, edges: 0 });
    await page.close();
  });

  it('ego depth: the selected entity and what lies within N steps', async () => {
    const center = 'person:leyti-ndiaye';
    const page = await open(`#node=${encodeURIComponent(center)}`);
    await page.selectOption('#ego-depth', '1');
    const one = new Set([center, ...graph.neighbors(center)]);
    expect((await counts(page)).nodes).toBe(one.size);
    await page.selectOption('#ego-depth', '2');
    const two = new Set([...one].flatMap((n) => [n, ...graph.neighbors(n)]));
    expect((await counts(page)).nodes).toBe(two.size);
    await page.close();
  });

  it('"sans date" off with a period shows exactly what `export --since` keeps; on, the undated come back', async () => {
    const since = filterGraph(graph, { since: '2023-07' });
    // the CLI on the same store writes the same graph
    const res = await cli(['export', '--store', join(tmp, 'store'), '--since', '2023-07', '--format', 'json']);
    expect(res.code, res.err).toBe(0);
    const exported = JSON.parse(res.out) as SerializedGraph;
    expect({ nodes: exported.nodes.length, edges: exported.edges?.length ?? 0 }).toEqual({
      nodes: since.order,
      edges: since.size,
    });
    const page = await open('#from=2023-07');
    expect(undatedArticles).toBeGreaterThan(0);
    expect(await page.textContent('#undated-count')).toBe(
      `(${undatedArticles} article${undatedArticles > 1 ? 's' : ''})`,
    );
    expect(await page.textContent('#period-label')).toMatch(/\+ sans date$/);
    const withUndated = await counts(page);
    await page.uncheck('#undated');
    expect(await counts(page)).toEqual({ nodes: since.order, edges: since.size });
    expect(since.hasEdge(UNDATED_EDGE)).toBe(false);
    expect(withUndated.edges).toBe(since.size + 1);
    expect(withUndated.nodes).toBe(since.order + 1); // Sotelma
    await page.waitForURL(/undated=0/);
    await page.close();
  });
});

describe.skipIf(!hasChromium())('viewer English labels and table in headless Chromium', () => {
  it('English: roles and topics in English in the panel, the table and on the canvas', async () => {
    const page = await open(`#lang=en&node=${encodeURIComponent('person:leyti-ndiaye')}`);
    const facts = (await page.textContent('#panel .facts')) ?? '';
    expect(facts).toContain('Director General');
    expect(facts).not.toContain('Directeur général');
    expect(await page.textContent('#panel .relation-head .qualifier')).toBe(' (Director General)');
    expect(await page.textContent('#panel .succession .role')).toBe('Director General');
    // the next entities by a link followed in the page (the viewer applies a new hash as it applies one at load)
    await page.goto(server.url + `#lang=en&node=${encodeURIComponent('topic:inclusion-numerique')}`);
    await expect.poll(() => page.textContent('#panel h2')).toBe('Connectivity');
    // on the canvas: the selected topic's label as drawn (web/src/label-layer.ts reports what it draws)
    await expect
      .poll(async () => {
        const drawn = JSON.parse((await page.locator('#graph').getAttribute('data-labels')) ?? '[]');
        return (drawn as { key: string; text: string }[]).find((l) => l.key === 'topic:inclusion-numerique')?.text;
      })
      .toBe('Connectivity');
    await page.click('#table-open');
    const table = (await page.textContent('#data-table')) ?? '';
    expect(table).toContain('Connectivity');
    expect(table).not.toContain('Connectivité');
    // Huawei's commitment threads name the topic in English too
    await page.goto(server.url + `#lang=en&node=${encodeURIComponent('org:huawei')}`);
    await expect.poll(() => page.textContent('#panel h2')).toBe('Huawei');
    expect(await page.locator('#panel .threads-section .thread-head .link').allTextContents()).toContain(
      'Connectivity',
    );
    await page.close();
  });

  it('table: sorted, filtered, exported as the CSV of the rows shown', async () => {
    const page = await open();
    await page.click('#table-open');
    await page.click('button[data-table="relations"]');
    expect(await page.locator('#data-table tbody tr').count()).toBe(graph.size);
    await page.fill('#table-filter', 'orange');
    const shown = await page.locator('#data-table tbody tr').count();
    const expected = graph.filterEdges((_e, _a, s, t) =>
      [s, t].some((n) => /orange/i.test(graph.getNodeAttribute(n, 'label'))),
    ).length;
    expect(shown).toBe(expected);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#table-export')]);
    expect(download.suggestedFilename()).toBe('kunafoni-relations.csv');
    const rows = records(await downloadText(download), '\r\n');
    expect(rows).toHaveLength(shown);
    for (const r of rows) expect(`${r.Source} ${r.Cible}`).toMatch(/Orange/);
    await page.click('button[data-col="weight"]');
    const weights = await page.locator('#data-table tbody tr td:nth-child(5)').allTextContents();
    expect(weights.map(Number)).toEqual([...weights.map(Number)].sort((a, b) => b - a));
    await page.close();
  });
});

describe.skipIf(!hasChromium())('viewer language switch and reset in headless Chromium', () => {
  it('English: search suggestions name topics in English, found by either label', async () => {
    const page = await open('#lang=en');
    for (const query of ['connectivity', 'connectivité']) {
      await page.fill('#search', query);
      await expect.poll(() => page.locator('#suggestions li .sugg-label').first().textContent()).toBe('Connectivity');
    }
    await page.press('#search', 'Enter');
    await expect.poll(() => page.textContent('#panel h2')).toBe('Connectivity');
    await page.click('#lang');
    await page.fill('#search', 'connectivity');
    await expect.poll(() => page.locator('#suggestions li .sugg-label').first().textContent()).toBe('Connectivité');
    await page.close();
  });

  it('the language switch redraws every part: panel, table, filters, period, status, buttons', async () => {
    const page = await open(`#node=${encodeURIComponent('topic:inclusion-numerique')}`);
    await page.click('#table-open');
    expect(await page.textContent('#panel h2')).toBe('Connectivité');
    await page.click('#lang');
    expect(await page.textContent('#panel h2')).toBe('Connectivity');
    expect(await page.textContent('#data-table')).toContain('Connectivity');
    expect(await page.textContent('#node-kinds')).toContain('Person');
    expect(await page.textContent('#status')).toMatch(/nodes, \d+ edges shown/);
    expect(await page.textContent('#period-label')).toMatch(/\+ undated$/);
    expect(await page.textContent('#play')).toBe('Play');
    expect(await page.textContent('#layout')).toBe('Layout');
    await page.waitForURL(/lang=en/);
    await page.close();
  });

  it('reset shows everything again and keeps the selection and the language', async () => {
    const page = await open(
      `#lang=en&node=${encodeURIComponent('org:huawei')}&from=2023-07&undated=0&isolated=0&conf=0.5`,
    );
    expect((await counts(page)).nodes).toBeLessThan(graph.order);
    await page.click('#reset');
    expect(await counts(page)).toEqual({ nodes: graph.order, edges: graph.size });
    expect(await page.isChecked('#undated')).toBe(true);
    expect(await page.isChecked('#hide-isolated')).toBe(false);
    expect(await page.inputValue('#min-confidence')).toBe('0');
    await expect.poll(() => page.url()).not.toMatch(/from=|undated=|isolated=|conf=/);
    expect(page.url()).toMatch(/node=org%3Ahuawei.*lang=en/);
    expect(await page.textContent('#panel h2')).toBe('Huawei');
    await page.close();
  });
});

describe.skipIf(!hasChromium())('viewer exports and entities without relations in headless Chromium', () => {
  it('GEXF export: the visible graph with the CLI’s columns (metrics, confidence), read by networkx', async () => {
    const page = await open();
    await page.check('#hide-isolated');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-gexf')]);
    const xml = await downloadText(download);
    await page.close();
    const titles = (x: string) => [...x.matchAll(/<attribute id="[^"]*" title="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(titles(xml)).toEqual([...titles(exportGexf(graph)), 'evidence'].sort());
    for (const column of ['degree', 'weightedDegree', 'betweenness', 'pagerank', 'community', 'confidence'])
      expect(titles(xml)).toContain(column);
    expect(xml).not.toContain('Sotelma'); // hidden (isolated), so not exported
    if (!hasNetworkx()) return console.warn('networkx check skipped: python3 with networkx 3 is missing');
    const file = join(tmp, 'viewer.gexf');
    await writeFile(file, xml);
    const py =
      'import sys, networkx as nx; g = nx.read_gexf(sys.argv[1]); print(len(g), g.number_of_edges(), g.is_directed())';
    const r = spawnSync('python3', ['-c', py, file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`${linked(graph.edges())} ${graph.size} True`);
  });

  it('an entity without relations lists its articles in the panel', async () => {
    const page = await open(`#node=${encodeURIComponent('org:sotelma')}`);
    await page.waitForSelector('#panel .article-list li');
    expect(await page.locator('#panel .article-list li').count()).toBe(1);
    await page.close();
  });
});
