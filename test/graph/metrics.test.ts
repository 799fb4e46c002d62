// Network metrics (src/graph/metrics.ts) on graphs whose answers were worked out by hand, and their
// presence in every export and in `kunafoni stats`.
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/csv.js';
import { exportGexf } from '../../src/export/gexf.js';
import { exportJson } from '../../src/export/json.js';
import { exportNeo4j } from '../../src/export/neo4j.js';
import { exportGraphml } from '../../src/export/graphml.js';
import type { KGraph } from '../../src/graph/build.js';
import type { EdgeAttributes, RelationKind } from '../../src/types.js';
import { communities, computeMetrics, MetricsError, topBy } from '../../src/graph/metrics.js';
import { parseCsv } from '../helpers/csv-parse.js';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awkwardGraph, cli, hasNetworkx, seedStoreDir, tempDir } from '../helpers/fixture-helpers.js';

const edge = (weight: number, kind: RelationKind = 'met-with'): EdgeAttributes => ({
  kind,
  weight,
  sources: [],
  evidence: [],
});

/**
 * Two triangles a-b-c and d-e-f joined by the bridge c-d (every relation of weight 1).
 * By hand: c and d lie on every shortest path between their triangle's two other members and the
 * other triangle's three members (2 × 3 = 6 pairs); networkx's normalisation for 6 nodes is
 * 2 / (5 × 4), so their betweenness is 0.6 and the others' 0. PageRank (α = 0.85): by symmetry
 * a = b = e = f = x and c = d = y with 4x + 2y = 1 and x = 0.15/6 + 0.85 (x/2 + y/3), which gives
 * 0.575x − 0.85y/3 = 0.025, so x = (1/6) / (0.575 + 0.85/3 · 2) = 0.145985 and y = 0.5 − 2x = 0.208029.
 * Louvain: the two triangles (modularity 0.357 against 0 for one group), numbered 0 for the one holding the
 * smaller key.
 */
function twoTriangles(order: string[] = ['a', 'b', 'c', 'd', 'e', 'f']): KGraph {
  const g = new Graph({ type: 'mixed', multi: true }) as unknown as KGraph;
  for (const n of order)
    g.addNode(n, { label: n.toUpperCase(), kind: 'person', aliases: [], mentions: 1, articles: [] });
  const pairs = [
    ['a', 'b'],
    ['b', 'c'],
    ['a', 'c'],
    ['d', 'e'],
    ['e', 'f'],
    ['d', 'f'],
    ['c', 'd'],
  ];
  for (const [s, t] of order[0] === 'a' ? pairs : [...pairs].reverse()) g.addUndirectedEdge(s!, t!, edge(1));
  return g;
}

describe('computeMetrics on graphs worked out by hand', () => {
  it('two triangles joined by a bridge: betweenness, PageRank, communities', () => {
    const m = computeMetrics(twoTriangles());
    const x = 0.145985;
    const y = 0.208029;
    expect([...m.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    for (const k of ['a', 'b', 'e', 'f']) {
      expect(m.get(k)!.betweenness).toBe(0);
      expect(m.get(k)!.pagerank).toBeCloseTo(x, 4);
      expect(m.get(k)!.degree).toBe(2);
    }
    for (const k of ['c', 'd']) {
      expect(m.get(k)!.betweenness).toBeCloseTo(0.6, 10);
      expect(m.get(k)!.pagerank).toBeCloseTo(y, 4);
      expect(m.get(k)!.degree).toBe(3);
    }
    expect(['a', 'b', 'c'].map((k) => m.get(k)!.community)).toEqual([0, 0, 0]);
    expect(['d', 'e', 'f'].map((k) => m.get(k)!.community)).toEqual([1, 1, 1]);
  });

  it('the same communities and numbers on every run and whatever order the graph was built in', () => {
    const runs = [
      computeMetrics(twoTriangles()),
      computeMetrics(twoTriangles()),
      computeMetrics(twoTriangles(['f', 'e', 'd', 'c', 'b', 'a'])),
    ];
    const flat = (m: ReturnType<typeof computeMetrics>) =>
      [...m]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, v.community, v.degree, v.betweenness.toFixed(9), v.pagerank.toFixed(6)]);
    expect(flat(runs[1]!)).toEqual(flat(runs[0]!));
    expect(flat(runs[2]!)).toEqual(flat(runs[0]!));
  });

  it(
    'parallel relations: degree counts each relation, weighted degree sums their articles, ' +
      'the projection sums the weights',
    () => {
      // p —met-with(2)— q, p —holds-role(3)→ q, q —committed-to(1)→ t; an isolated node z.
      const g = new Graph({ type: 'mixed', multi: true }) as unknown as KGraph;
      for (const n of ['p', 'q', 't', 'z'])
        g.addNode(n, { label: n, kind: 'person', aliases: [], mentions: 1, articles: [] });
      g.addUndirectedEdge('p', 'q', edge(2));
      g.addDirectedEdge('p', 'q', edge(3, 'holds-role'));
      g.addDirectedEdge('q', 't', edge(1, 'committed-to'));
      const m = computeMetrics(g);
      expect([m.get('p')!.degree, m.get('q')!.degree, m.get('t')!.degree, m.get('z')!.degree]).toEqual([2, 3, 1, 0]);
      expect([
        m.get('p')!.weightedDegree,
        m.get('q')!.weightedDegree,
        m.get('t')!.weightedDegree,
        m.get('z')!.weightedDegree,
      ]).toEqual([5, 6, 1, 0]);
      // q lies on the one shortest path p…t; among 4 nodes networkx normalises by 2 / (3 × 2): 1/3
      expect(m.get('q')!.betweenness).toBeCloseTo(1 / 3, 10);
      expect(m.get('z')!.betweenness).toBe(0);
      // PageRank sums to 1 over the graph, an isolated node gets (1 - α)/N plus its share of the dangling mass
      const total = [...m.values()].reduce((s, v) => s + v.pagerank, 0);
      expect(total).toBeCloseTo(1, 6);
      // z is alone in its community; the three others are together (largest first: 0)
      expect(m.get('z')!.community).toBe(1);
      expect(new Set(['p', 'q', 't'].map((k) => m.get(k)!.community))).toEqual(new Set([0]));
    },
  );

  it(
    'above exactBetweennessUpTo, betweenness is estimated from sampled sources: ' +
      'every source gives the exact value',
    () => {
      const exact = computeMetrics(twoTriangles());
      const sampledAll = computeMetrics(twoTriangles(), { exactBetweennessUpTo: 1, betweennessSamples: 6 });
      for (const [k, v] of exact) expect(sampledAll.get(k)!.betweenness).toBeCloseTo(v.betweenness, 12);
      // three sources of six: an estimate, the same on every run, zero for a, b, e, f whatever the draw
      const a = computeMetrics(twoTriangles(), { exactBetweennessUpTo: 1, betweennessSamples: 3 });
      const b = computeMetrics(twoTriangles(), { exactBetweennessUpTo: 1, betweennessSamples: 3 });
      expect([...a].map(([k, v]) => [k, v.betweenness])).toEqual([...b].map(([k, v]) => [k, v.betweenness]));
      for (const k of ['a', 'b', 'e', 'f']) expect(a.get(k)!.betweenness).toBe(0);
      expect(a.get('c')!.betweenness + a.get('d')!.betweenness).toBeGreaterThan(0);
    },
  );
});

describe('computeMetrics: edge cases and summaries', () => {
  it('an empty graph gives no metrics; a bad seed is refused with the module name', () => {
    expect(computeMetrics(new Graph()).size).toBe(0);
    expect(() => computeMetrics(twoTriangles(), { seed: 1.5 })).toThrow(MetricsError);
    expect(() => computeMetrics(twoTriangles(), { resolution: 0 })).toThrow(/graph\/metrics: resolution/);
  });

  it('top entities per metric and the communities with their members', () => {
    const g = twoTriangles();
    const m = computeMetrics(g);
    expect(topBy(g, m, 'betweenness', 2).map((r) => r.label)).toEqual(['C', 'D']);
    expect(topBy(g, m, 'degree', 3).map((r) => [r.label, r.value])).toEqual([
      ['C', 3],
      ['D', 3],
      ['A', 2],
    ]);
    const cs = communities(g, m, 2);
    expect(cs.map((c) => [c.community, c.size, c.members.map((x) => x.label)])).toEqual([
      [0, 3, ['C', 'A']],
      [1, 3, ['D', 'E']],
    ]);
  });
});

describe('metrics in every export', () => {
  const g = twoTriangles();
  it('JSON: node attributes', () => {
    const json = JSON.parse(exportJson(g)) as { nodes: { key: string; attributes: Record<string, number> }[] };
    const c = json.nodes.find((n) => n.key === 'c')!.attributes;
    expect(c.degree).toBe(3);
    expect(c.weightedDegree).toBe(3);
    expect(c.betweenness).toBeCloseTo(0.6, 10);
    expect(c.pagerank).toBeCloseTo(0.208029, 4);
    expect(c.community).toBe(0);
    const plain = JSON.parse(exportJson(g, false, { metrics: false })) as {
      nodes: { attributes: Record<string, unknown> }[];
    };
    expect(plain.nodes[0]!.attributes).not.toHaveProperty('pagerank');
    // the exported graph is a copy: the caller's graph is left as it was
    expect(g.getNodeAttributes('c')).not.toHaveProperty('pagerank');
  });

  it('GEXF: betweenness stays a double when every value is whole', () => {
    const pairs = new Graph({ type: 'mixed', multi: true }) as unknown as KGraph;
    for (const n of ['a', 'b', 'c', 'd'])
      pairs.addNode(n, { label: n, kind: 'person', aliases: [], mentions: 1, articles: [] });
    pairs.addUndirectedEdge('a', 'b', edge(1));
    pairs.addUndirectedEdge('c', 'd', edge(1));
    const x = exportGexf(pairs);
    expect(x).toMatch(/<attribute id="betweenness" title="betweenness" type="double"\/>/);
    expect(x).toMatch(/<attribute id="degree" title="degree" type="integer"\/>/);
  });

  it('GEXF: typed attributes with the values', () => {
    const x = exportGexf(g);
    expect(x).toMatch(/<attribute id="betweenness" title="betweenness" type="double"\/>/);
    expect(x).toMatch(/<attribute id="community" title="community" type="integer"\/>/);
    const node = x.match(/<node id="d"[\s\S]*?<\/node>/)![0];
    expect(Number(node.match(/for="betweenness" value="([^"]+)"/)![1])).toBeCloseTo(0.6, 10);
    expect(node).toMatch(/for="community" value="1"/);
  });

  it('GraphML: read back with graphology-graphml', () => {
    const back = parseGraphml(Graph, exportGraphml(g));
    expect(back.getNodeAttribute('d', 'community')).toBe(1);
    expect(back.getNodeAttribute('a', 'degree')).toBe(2);
    expect(back.getNodeAttribute('c', 'pagerank') as number).toBeCloseTo(0.208029, 4);
  });

  it('CSV and Neo4j: columns with the values', () => {
    const [head, ...rows] = parseCsv(exportCsv(g)['nodes.csv']!, '\r\n');
    const col = (name: string) => head!.indexOf(name);
    const c = rows.find((r) => r[0] === 'c')!;
    expect([c[col('degree')], c[col('weightedDegree')], c[col('community')]]).toEqual(['3', '3', '0']);
    expect(Number(c[col('betweenness')])).toBeCloseTo(0.6, 10);
    const [nhead, ...nrows] = parseCsv(exportNeo4j(g)['entities.csv']!, '\n');
    expect(nhead).toEqual(
      expect.arrayContaining([
        'degree:int',
        'weightedDegree:int',
        'betweenness:float',
        'pagerank:float',
        'community:int',
      ]),
    );
    const e = nrows.find((r) => r[0] === 'e')!;
    expect(e[nhead!.indexOf('community:int')]).toBe('1');
  });
});

describe('kunafoni stats', () => {
  it('lists the top entities per metric and the communities (text and --json)', async () => {
    const text = await cli(['stats', '--store', seedStoreDir]);
    expect(text.code).toBe(0);
    for (const h of ['degree', 'weighted degree', 'betweenness', 'pagerank', 'communities'])
      expect(text.out).toContain(h);
    const res = await cli(['stats', '--store', seedStoreDir, '--json']);
    const stats = JSON.parse(res.out) as {
      top: Record<string, { label: string; value: number }[]>;
      communities: { size: number }[];
      nodes: number;
    };
    expect(Object.keys(stats.top)).toEqual(['degree', 'weightedDegree', 'betweenness', 'pagerank']);
    for (const list of Object.values(stats.top)) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.map((r) => r.value)).toEqual([...list.map((r) => r.value)].sort((a, b) => b - a));
    }
    expect(stats.communities.reduce((s, c) => s + c.size, 0)).toBe(stats.nodes);
    expect((await cli(['stats', '--store', seedStoreDir, '--json'])).out).toBe(res.out);
    const counts = JSON.parse((await cli(['stats', '--store', seedStoreDir, '--json', '--no-metrics'])).out) as Record<
      string,
      unknown
    >;
    expect(counts.nodes).toBe(stats.nodes);
    expect(counts).not.toHaveProperty('top');
    expect((await cli(['stats', '--store', seedStoreDir, '--no-metrics'])).out).not.toContain('communities');
  });
});

// networkx computes betweenness and PageRank on the same projection (one link per pair, weights summed)
const NX = `
import json, sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
u = nx.Graph(); u.add_nodes_from(g.nodes())
for a, b, d in g.edges(data=True):
    if a != b:
        w = d['weight'] + (u[a][b]['weight'] if u.has_edge(a, b) else 0)
        u.add_edge(a, b, weight=w)
bc = nx.betweenness_centrality(u, normalized=True)
pr = nx.pagerank(u, alpha=0.85, weight='weight')
print(json.dumps({n: [bc[n], pr[n], g.nodes[n]['betweenness'], g.nodes[n]['pagerank']] for n in g.nodes()}))
`;

describe.skipIf(!hasNetworkx())('networkx agrees', () => {
  it(
    'betweenness and PageRank of the GraphML export equal networkx’s ' + 'on a multi graph with parallel relations',
    async () => {
      const file = join(tempDir(), 'g.graphml');
      writeFileSync(file, exportGraphml(await awkwardGraph()));
      const out = JSON.parse(execFileSync('python3', ['-c', NX, file], { encoding: 'utf8' })) as Record<
        string,
        [number, number, number, number]
      >;
      expect(Object.keys(out).length).toBe(9);
      for (const [bcNx, prNx, bc, pr] of Object.values(out)) {
        expect(bc).toBeCloseTo(bcNx, 9);
        expect(pr).toBeCloseTo(prNx, 5);
      }
    },
  );
});
