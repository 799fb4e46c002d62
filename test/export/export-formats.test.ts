import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { XMLParser } from 'fast-xml-parser';
import { exportCsv } from '../../src/export/csv.js';
import { exportGexf } from '../../src/export/gexf.js';
import { exportGraphml } from '../../src/export/graphml.js';
import { exportNeo4j } from '../../src/export/neo4j.js';
import { awkwardGraph, hasShared, hasXmllint, seedGraph, shared, tempDir } from '../helpers/fixture-helpers.js';
import { records } from '../helpers/csv-parse.js';

const seed = await seedGraph();
const awkward = await awkwardGraph();
const undirectedCount = (g: Graph) => g.filterEdges((e) => g.isUndirected(e)).length;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['node', 'edge', 'attvalue', 'spell', 'data', 'key'].includes(name),
});
type Elt = Record<string, unknown> & { id: string };
const gexfNodes = (text: string) => xml.parse(text).gexf.graph.nodes.node as Elt[];
const gexfEdges = (text: string) => xml.parse(text).gexf.graph.edges.edge as Elt[];

describe.skipIf(!hasXmllint() || !hasShared())('GEXF validates against the GEXF 1.3 RELAX NG grammar', () => {
  const rng = join(shared, 'schemas', 'gexf', 'rng-1.3', 'gexf.rng');
  const dir = tempDir();
  it.each([
    ['static', () => exportGexf(seed)],
    ['dynamic', () => exportGexf(seed, { dynamic: true })],
    ['mixed', () => exportGexf(seed, { mixed: true })],
    ['dynamic multi graph with awkward values', () => exportGexf(awkward, { dynamic: true })],
  ])('%s', (name, write) => {
    // the grammar does not declare xsi:schemaLocation (see ../shared/schemas/README.md): validate a copy without it
    const copy = write()
      .replace(/ xmlns:xsi="[^"]*"/, '')
      .replace(/ xsi:schemaLocation="[^"]*"/, '');
    const file = join(dir, `${name.replace(/\W+/g, '-')}.gexf`);
    writeFileSync(file, copy);
    const out = execFileSync('xmllint', ['--noout', '--relaxng', rng, file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });
});
if (!hasXmllint() || !hasShared())
  console.warn('skipped GEXF grammar validation: needs xmllint (apt-get install libxml2-utils) and ../shared/schemas');

describe('GEXF', () => {
  it.each([
    ['static', false],
    ['dynamic', true],
  ])('%s reads back with graphology-gexf with the same counts', (_n, dynamic) => {
    for (const g of [seed, awkward]) {
      const back = parseGexf(Graph, exportGexf(g, { dynamic }));
      expect(back.order).toBe(g.order);
      expect(back.size).toBe(g.size);
    }
  });

  it('list attributes keep items holding commas and quotes; typed values read back typed', () => {
    const back = parseGexf(Graph, exportGexf(awkward));
    expect(back.getNodeAttribute('org:huawei', 'aliases')).toEqual(awkward.getNodeAttribute('org:huawei', 'aliases'));
    expect(back.getNodeAttribute('org:huawei', 'mentions')).toBe(2);
    expect(back.getNodeAttribute('person:leyti-ndiaye', 'label')).toBe("Leyti N'Diaye");
    const e = 'discussed|org:huawei|topic:fibre-optique';
    expect(back.getEdgeAttribute(e, 'firstEvidence')).toBe(awkward.getEdgeAttribute(e, 'evidence')[0]!.sentence);
    expect(back.getEdgeAttribute(e, 'evidenceCount')).toBe(1);
    expect(back.getEdgeAttribute('holds-role|person:jean-sun-wei|org:huawei', 'role')).toBe('Directeur général');
  });

  it('writes colours as r,g,b, sizes, and the stored positions', () => {
    const nodes = gexfNodes(exportGexf(seed));
    for (const n of nodes) {
      const color = n['viz:color'] as Record<string, string>;
      expect(color).not.toHaveProperty('hex');
      expect(Object.keys(color).sort()).toEqual(['b', 'g', 'r']);
      expect(Number((n['viz:size'] as { value: string }).value)).toBeGreaterThan(0);
      const pos = n['viz:position'] as { x: string; y: string };
      expect([Number(pos.x), Number(pos.y)]).toEqual([
        seed.getNodeAttribute(n.id, 'x'),
        seed.getNodeAttribute(n.id, 'y'),
      ]);
    }
  });

  it('computes positions when some are missing: finite, distinct, the same on every run', () => {
    const pos = (text: string) => gexfNodes(text).map((n) => n['viz:position'] as { x: string; y: string });
    const a = pos(exportGexf(awkward));
    expect(a.every((p) => Number.isFinite(Number(p.x)) && Number.isFinite(Number(p.y)))).toBe(true);
    expect(new Set(a.map((p) => `${p.x},${p.y}`)).size).toBe(a.length);
    expect(pos(exportGexf(awkward))).toEqual(a);
  });

  it('is directed by default with a `directed` attribute; --mixed keeps undirected edges undirected', () => {
    const plain = parseGexf(Graph, exportGexf(seed));
    expect(undirectedCount(plain)).toBe(0);
    expect(plain.filterEdges((_e, a) => a.directed === false).length).toBe(undirectedCount(seed));
    const mixed = parseGexf(Graph, exportGexf(seed, { mixed: true }));
    expect(undirectedCount(mixed)).toBe(undirectedCount(seed));
    expect(undirectedCount(seed)).toBeGreaterThan(0);
  });

  it('dynamic mode gives every dated node and edge a spell at its first date, never before its ends', () => {
    const text = exportGexf(awkward, { dynamic: true });
    expect(text).toMatch(/<graph [^>]*mode="dynamic"/);
    expect(text).toMatch(/<graph [^>]*timeformat="date"/);
    const start = (e: Elt) => (e.spells as { spell: { start: string }[] }).spell[0]!.start;
    const nodeStart = new Map(gexfNodes(text).map((n) => [n.id, start(n)]));
    for (const [id, s] of nodeStart) expect(s).toBe(awkward.getNodeAttribute(id, 'firstSeen'));
    for (const e of gexfEdges(text)) {
      const s = start(e);
      expect(s).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(s >= nodeStart.get(e.source as string)! && s >= nodeStart.get(e.target as string)!).toBe(true);
    }
    expect(exportGexf(awkward)).not.toContain('<spell');
  });
});

describe('GraphML', () => {
  it('reads back with graphology-graphml with the same counts and typed values', () => {
    for (const g of [seed, awkward]) {
      const back = parseGraphml(Graph, exportGraphml(g));
      expect([back.order, back.size]).toEqual([g.order, g.size]);
    }
    const back = parseGraphml(Graph, exportGraphml(awkward));
    expect(back.getNodeAttribute('org:huawei', 'mentions')).toBe(2);
    expect(back.getNodeAttribute('org:huawei', 'label')).toBe('Huawei');
    expect(JSON.parse(back.getNodeAttribute('org:huawei', 'aliases'))).toEqual(
      awkward.getNodeAttribute('org:huawei', 'aliases'),
    );
    const e = 'met-with|person:alhamdou-ag-ilyene|person:leyti-ndiaye';
    expect(JSON.parse(back.getEdgeAttribute(e, 'evidence'))).toEqual(seed.getEdgeAttribute(e, 'evidence'));
    expect(back.getEdgeAttribute(e, 'directed')).toBe(false);
    expect(back.getEdgeAttribute(e, 'weight')).toBe(2);
  });

  it('--mixed keeps undirected edges undirected', () => {
    const back = parseGraphml(Graph, exportGraphml(seed, { mixed: true }));
    expect(undirectedCount(back)).toBe(undirectedCount(seed));
    expect(back.size - undirectedCount(back)).toBe(seed.size - undirectedCount(seed));
  });
});

describe('CSV', () => {
  const files = exportCsv(awkward);
  it('writes nodes.csv, edges.csv and evidence.csv with one row per node, edge and sentence (RFC 4180, CRLF)', () => {
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'evidence.csv', 'nodes.csv']);
    expect(records(files['nodes.csv']!, '\r\n')).toHaveLength(awkward.order);
    expect(records(files['edges.csv']!, '\r\n')).toHaveLength(awkward.size);
    expect(records(files['evidence.csv']!, '\r\n')).toHaveLength(
      awkward.reduceEdges((n, _e, a) => n + a.evidence.length, 0),
    );
  });
  it('quotes commas, quotes and ampersands so values come back verbatim', () => {
    const huawei = records(files['nodes.csv']!, '\r\n').find((r) => r.id === 'org:huawei')!;
    expect(huawei.aliases!.split('|')).toEqual(awkward.getNodeAttribute('org:huawei', 'aliases'));
    const ev = records(files['evidence.csv']!, '\r\n').find(
      (r) => r.kind === 'discussed' && r.source === 'org:huawei',
    )!;
    expect(ev.sentence).toBe('Les deux parties ont échangé sur « la fibre », dit-il, & le "backbone".');
    const leyti = records(files['nodes.csv']!, '\r\n').find((r) => r.id === 'person:leyti-ndiaye')!;
    expect(leyti).toMatchObject({ label: "Leyti N'Diaye", kind: 'person', mentions: '2', firstSeen: '2023-03-14' });
  });
});

describe('Neo4j', () => {
  const files = exportNeo4j(awkward);
  const rows = (name: string) => records(files[name]!, '\n');
  it('writes the import files with neo4j-admin header syntax', () => {
    const header = (name: string) => files[name]!.split('\n')[0]!.split(',');
    expect(header('entities.csv')).toEqual(
      expect.arrayContaining(['id:ID', ':LABEL', 'label', 'mentions:int', 'aliases:string[]', 'firstSeen:date']),
    );
    expect(header('relations.csv')).toEqual(
      expect.arrayContaining([':START_ID', ':END_ID', ':TYPE', 'weight:int', 'directed:boolean', 'sources:string[]']),
    );
    expect(header('links.csv')).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(files['schema.cypher']).toMatch(
      /CREATE CONSTRAINT entity_id IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE;/,
    );
    expect(files['import.sh']).toMatch(/neo4j-admin database import full/);
  });
  it('every relationship points at a node the files define', () => {
    const ids = new Set(
      ['entities.csv', 'articles.csv', 'evidence.csv'].flatMap((f) => rows(f).map((r) => r['id:ID']!)),
    );
    expect(rows('entities.csv')).toHaveLength(awkward.order);
    for (const f of ['relations.csv', 'links.csv'])
      for (const r of rows(f)) {
        expect(ids.has(r[':START_ID']!), `${f}: ${r[':START_ID']}`).toBe(true);
        expect(ids.has(r[':END_ID']!), `${f}: ${r[':END_ID']}`).toBe(true);
      }
    expect(rows('relations.csv')).toHaveLength(awkward.size);
    expect(new Set(rows('relations.csv').map((r) => r[':TYPE']))).toEqual(
      new Set(awkward.mapEdges((_e, a) => a.kind.toUpperCase().replace(/-/g, '_'))),
    );
    const leyti = rows('entities.csv').find((r) => r['id:ID'] === 'person:leyti-ndiaye')!;
    expect(leyti[':LABEL']).toBe('Entity;Person');
    expect(rows('evidence.csv')).toHaveLength(awkward.reduceEdges((n, _e, a) => n + a.evidence.length, 0));
  });
});

describe('confidence on edges, in every export', () => {
  const g = seed.copy();
  g.forEachEdge((e, a) => {
    g.setEdgeAttribute(e, 'confidence', 0.83);
    g.setEdgeAttribute(
      e,
      'evidence',
      a.evidence.map((ev) => ({ ...ev, confidence: 0.83 })),
    );
  });

  it('GEXF and GraphML read back with a numeric confidence on every edge', () => {
    for (const back of [parseGexf(Graph, exportGexf(g)), parseGraphml(Graph, exportGraphml(g))]) {
      expect(back.size).toBe(g.size);
      back.forEachEdge((e, a) => expect(a.confidence, e).toBe(0.83));
    }
  });

  it('CSV: a confidence column in edges.csv and evidence.csv', () => {
    const csv = exportCsv(g);
    for (const name of ['edges.csv', 'evidence.csv']) {
      const rows = records(csv[name]!, '\r\n');
      expect(rows.length, name).toBeGreaterThan(0);
      for (const r of rows) expect(r.confidence, name).toBe('0.83');
    }
  });

  it('Neo4j: confidence:float on relationships and evidence', () => {
    const files = exportNeo4j(g);
    for (const name of ['relations.csv', 'evidence.csv']) {
      const rows = records(files[name]!, '\n');
      for (const r of rows) expect(r['confidence:float'], name).toBe('0.83');
    }
  });
});

describe('Neo4j articles.csv', () => {
  it('lists every article it is given, with metadata, even one that produced no relation', () => {
    const cited = new Set(
      seed.reduceEdges((ids: string[], _e, a) => [...ids, ...a.evidence.map((e) => e.article)], []),
    );
    const articles = [...cited].map((id) => ({ id, title: `title of ${id}` }));
    articles.push({ id: 'ffff000000000001', title: 'Un article sans relation' });
    const rows = records(exportNeo4j(seed, { articles })['articles.csv']!, '\n');
    expect(rows.map((r) => r.article).sort()).toEqual(articles.map((a) => a.id).sort());
    expect(rows.find((r) => r.article === 'ffff000000000001')!.title).toBe('Un article sans relation');
  });
});
