// A store built through the real pipeline (ingest → extract → resolve → build → save), then queried
// and exported. Extraction is improving in parallel, so this asserts only properties that hold for
// any graph: every format carries the same nodes and edges, every label finds its entity, paths and
// timelines are consistent. It keeps passing (and keeps meaning something) as extraction improves.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { normaliseName } from '../../src/text/keys.js';
import { ingestPaths } from '../../src/ingest.js';
import { openStore } from '../../src/query/open.js';
import { records } from '../helpers/csv-parse.js';
import { cli, tempDir } from '../helpers/fixture-helpers.js';

const ARTICLES = [
  {
    title: 'Téléphonie mobile : Moov Africa Malitel étend son réseau 4G',
    date: '2024-02-12',
    source: 'Le Républicain',
    url: 'https://example.org/republicain/2024/02/12/4g',
    text:
      'Le directeur général de Moov Africa Malitel, Issa Koné, a rencontré lundi à Bamako le ministre de ' +
      'l’Économie numérique, Mariam Traoré.\n\n' +
      'Issa Koné, Directeur général de Moov Africa Malitel, a annoncé que l’opérateur va couvrir 300 ' +
      'nouvelles localités en 4G d’ici la fin de l’année.\n\n' +
      'Les deux responsables ont également échangé sur la cybersécurité et la protection des données personnelles.',
  },
  {
    title: 'Régulation : l’AMRTP rappelle les opérateurs à l’ordre',
    date: '2024-03-05',
    source: 'Maliweb',
    url: 'https://example.org/maliweb/2024/03/05/amrtp',
    text:
      'L’Autorité malienne de régulation des télécommunications, des TIC et des postes (AMRTP) a infligé une ' +
      'amende à Moov Africa Malitel pour la qualité de service.\n\n' +
      'Mariam Traoré a reçu le directeur de l’AMRTP, Oumar Diallo, pour faire le point sur la couverture du ' +
      'territoire.',
  },
];

describe('a store built by the pipeline', async () => {
  const dir = tempDir('kunafoni-pipeline-');
  const input = join(dir, 'articles.jsonl');
  writeFileSync(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const storeDir = join(dir, 'store');
  const summary = await ingestPaths([input], { store: storeDir });
  const store = await openStore(storeDir);
  const g = store.graph;

  it('ingests the articles', () => {
    expect(summary.failed).toEqual([]);
    expect(store.articleCount).toBe(ARTICLES.length);
  });

  it('every node is found by its label and by each alias, accents and case aside', () => {
    g.forEachNode((key, a) => {
      for (const name of [a.label, ...(a.aliases ?? [])]) {
        const found = store.entity(name.toUpperCase());
        expect(normaliseName([found.label, ...found.aliases].join(' | '))).toContain(normaliseName(name));
      }
      expect(store.search(a.label).some((h) => h.entity.key === key)).toBe(true);
    });
  });

  it('neighbours, paths and timelines agree with the edges', () => {
    g.forEachEdge((edge, a, s, t) => {
      expect(store.neighbors(s).some((n) => n.entity.key === t && n.relation.key === edge)).toBe(true);
      expect(store.path(s, t)!.length).toBe(1);
      const dated = a.evidence.filter((e) => e.date).length;
      expect(store.timeline(s).filter((x) => x.relation === edge)).toHaveLength(dated);
    });
    expect(store.relations().length).toBe(g.size);
  });

  it('every export format carries the same nodes and edges', async () => {
    const out = join(dir, 'out');
    const write = async (format: string, target: string, ...extra: string[]) => {
      const r = await cli(['export', '--format', format, '--out', target, '--store', storeDir, ...extra]);
      expect(r.code, r.err).toBe(0);
    };
    await write('json', `${out}.json`);
    await write('gexf', `${out}.gexf`, '--dynamic');
    await write('graphml', `${out}.graphml`);
    await write('csv', `${out}-csv`);
    await write('neo4j', `${out}-neo4j`);
    const json = JSON.parse(readFileSync(`${out}.json`, 'utf8'));
    const counts = [json.nodes.length, json.edges.length];
    expect(counts).toEqual([g.order, g.size]);
    const gexf = parseGexf(Graph, readFileSync(`${out}.gexf`, 'utf8'));
    expect([gexf.order, gexf.size]).toEqual(counts);
    const graphml = parseGraphml(Graph, readFileSync(`${out}.graphml`, 'utf8'));
    expect([graphml.order, graphml.size]).toEqual(counts);
    const csv = (f: string) => records(readFileSync(join(`${out}-csv`, f), 'utf8'), '\r\n').length;
    expect([csv('nodes.csv'), csv('edges.csv')]).toEqual(counts);
    const neo = (f: string) => records(readFileSync(join(`${out}-neo4j`, f), 'utf8'), '\n').length;
    expect([neo('entities.csv'), neo('relations.csv')]).toEqual(counts);
    expect(csv('evidence.csv')).toBe(g.reduceEdges((n, _e, a) => n + a.evidence.length, 0));
  });
});
