// The viewer's pure modules (no DOM, no WebGL): URL state, filters, timeline, search, parallel edges, GEXF.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TOP, dateSpan, effectiveTop, overlaps, visibleElements } from '../../web/src/filter.js';
import { emptyDisplay, syncDisplay } from '../../web/src/display.js';
import { visibleGexf } from '../../web/src/gexf.js';
import { exportGexf } from '../../src/export/gexf.js';
import { hasNetworkx } from '../helpers/fixture-helpers.js';
import { assignEdgePrograms, loadGraph, parallelCurvatures, type ViewGraph } from '../../web/src/model.js';
import { buildIndex } from '../../web/src/search.js';
import { decodeState, defaultState, encodeState, type ViewerState } from '../../web/src/state.js';
import { monthlyHistogram } from '../../web/src/timeline.js';
import { readFixture } from '../helpers/fixture-store.js';

const RNG = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'schemas', 'gexf', 'rng-1.3', 'gexf.rng');
if (!existsSync(RNG)) console.warn(`GEXF schema validation skipped: ${RNG} is absent (../shared)`);

/** A GEXF file as networkx reads it: nodes and edges with their attributes, sorted. */
const NX_DUMP = `
import sys, json, networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({'directed': g.is_directed(),
  'nodes': sorted([k, a] for k, a in g.nodes(data=True)),
  'edges': sorted([s, t, k, a] for s, t, k, a in g.edges(keys=True, data=True))}, default=str))
`;
type NxAttrs = Record<string, unknown> & { viz?: Record<string, unknown> };
interface NxDump {
  directed: boolean;
  nodes: [string, NxAttrs][];
  edges: [string, string, string, NxAttrs][];
}

let graph: ViewGraph;
beforeAll(async () => {
  graph = loadGraph(await readFixture());
});

describe('URL state', () => {
  it('round-trips every field through the hash', () => {
    const s: ViewerState = {
      ...defaultState(),
      selection: { kind: 'edge', key: 'holds-role|person:jean-sun-wei|org:huawei' },
      hiddenNodeKinds: new Set(['topic', 'place']),
      hiddenEdgeKinds: new Set(['discussed']),
      from: '2023-03',
      to: '2023-12',
      minSources: 2,
      verifiedOnly: true,
      undated: false,
      hideIsolated: true,
      minConfidence: 0.6,
      egoDepth: 2,
      labels: 0.4,
      top: 500,
      sizeBy: 'degree',
      colorBy: 'community',
      camera: { x: 0.25, y: 0.75, ratio: 0.5 },
      lang: 'en',
    };
    expect(decodeState('#' + encodeState(s))).toEqual(s);
  });

  it('leaves defaults out of the URL', () => {
    expect(encodeState(defaultState())).toBe('');
  });

  it.each([
    ['node=org%3Ahuawei', { selection: { kind: 'node', key: 'org:huawei' } }],
    ['hide=person,bogus', { hiddenNodeKinds: new Set(['person']) }],
    ['from=2023-13&to=nope', {}],
    ['sources=-3', {}],
    ['cam=1,2', {}],
    ['cam=0.1,0.2,0', {}],
    ['lang=de', {}],
  ] as const)('reads %s, ignoring what is malformed', (hash, expected) => {
    expect(decodeState(hash)).toEqual({ ...defaultState(), ...expected });
  });
});

describe('filters', () => {
  it.each([
    ['2023', ['2023-01-01', '2023-12-31']],
    ['2023-05', ['2023-05-01', '2023-05-31']],
    ['2023-05-02', ['2023-05-02', '2023-05-02']],
    ['2023-05-02T10:00:00Z', ['2023-05-02', '2023-05-02']],
  ])('a partial date %s spans %j', (d, span) => {
    expect(dateSpan(d)).toEqual(span);
  });

  it.each([
    ['2023-03-14', '2023-09-20', { from: '2023-04', to: '2023-08' }, true],
    ['2024-01-10', '2024-01-10', { to: '2023-12' }, false],
    ['2023-03-14', '2023-03-14', { from: '2023-03' }, true],
    [undefined, undefined, { from: '2030-01' }, true],
  ] as const)('[%s, %s] overlaps %j: %s', (first, last, period, expected) => {
    expect(overlaps(first, last, period)).toBe(expected);
  });

  it('undated things pass only while "sans date" is on, with or without a period', () => {
    expect(overlaps(undefined, undefined, {}, false)).toBe(false);
    expect(overlaps(undefined, undefined, { from: '2023-01' }, false)).toBe(false);
    expect(overlaps('2023-03', '2023-03', {}, false)).toBe(true);
  });

  it('hide isolated: entities with no visible relation go, the others stay', () => {
    const g = graph.copy() as ViewGraph;
    g.addNode('person:lonely', { label: 'Lonely', kind: 'person', aliases: [], mentions: 1, articles: [], x: 0, y: 0 });
    expect(visibleElements(g, defaultState()).nodes.has('person:lonely')).toBe(true);
    const v = visibleElements(g, { ...defaultState(), hideIsolated: true });
    expect(v.nodes.has('person:lonely')).toBe(false);
    for (const n of v.nodes) expect([...v.edges].some((e) => g.extremities(e).includes(n))).toBe(true);
    expect(v.edges.size).toBe(g.size);
  });

  it('confidence: relations below the minimum go, and entities left without a relation', () => {
    const g = graph.copy() as ViewGraph;
    g.forEachEdge((e) => g.setEdgeAttribute(e, 'confidence', 0.9));
    g.setEdgeAttribute('holds-role|person:jean-sun-wei|org:huawei', 'confidence', 0.4);
    const v = visibleElements(g, { ...defaultState(), minConfidence: 0.5 });
    expect(v.edges.has('holds-role|person:jean-sun-wei|org:huawei')).toBe(false);
    expect(v.edges.size).toBe(g.size - 1);
    expect(visibleElements(g, { ...defaultState(), minConfidence: 0.95 }).nodes.size).toBe(0);
  });

  it('ego depth: only what lies within N steps of the selected entity', () => {
    const center = 'person:leyti-ndiaye';
    const one = visibleElements(graph, { ...defaultState(), egoDepth: 1, center });
    expect([...one.nodes].sort()).toEqual([center, ...graph.neighbors(center)].sort());
    const two = visibleElements(graph, { ...defaultState(), egoDepth: 2, center });
    expect(two.nodes.size).toBeGreaterThan(one.nodes.size);
    for (const n of graph.neighbors(center)) for (const m of graph.neighbors(n)) expect(two.nodes.has(m)).toBe(true);
    expect(visibleElements(graph, { ...defaultState(), egoDepth: 2 }).nodes.size).toBe(graph.order);
  });

  it('hides a kind of node and the edges that touch it', () => {
    const v = visibleElements(graph, { ...defaultState(), hiddenNodeKinds: new Set(['topic']) });
    expect(v.nodes.has('topic:inclusion-numerique')).toBe(false);
    expect(v.edges.has('committed-to|org:huawei|topic:inclusion-numerique')).toBe(false);
    expect(v.edges.has('holds-role|person:jean-sun-wei|org:huawei')).toBe(true);
  });

  it('keeps only edges stated by enough distinct outlets, and the nodes they link', () => {
    const v = visibleElements(graph, { ...defaultState(), minSources: 2 });
    expect([...v.edges]).toEqual(['met-with|person:alhamdou-ag-ilyene|person:jean-sun-wei']);
    expect([...v.nodes].sort()).toEqual(['person:alhamdou-ag-ilyene', 'person:jean-sun-wei']);
  });

  it('grows with the period: nothing from 2024 before 2024', () => {
    const early = visibleElements(graph, { ...defaultState(), to: '2023-03' });
    expect(early.edges.has('signed-agreement-with|org:huawei|org:orange-mali')).toBe(false);
    expect(early.nodes.has('org:amrtp')).toBe(false);
    expect(early.edges.has('holds-role|person:leyti-ndiaye|org:orange-mali')).toBe(true);
    const all = visibleElements(graph, defaultState());
    expect(all.edges.size).toBe(graph.size);
    expect(early.edges.size).toBeLessThan(all.edges.size);
  });
});

describe('timeline', () => {
  it('counts articles per month, empty months included', () => {
    const h = monthlyHistogram([
      { id: 'a', date: '2023-11-30' },
      { id: 'b', date: '2024-01' },
      { id: 'c', date: '2024-01-05' },
      { id: 'd' },
    ]);
    expect(h).toEqual([
      { month: '2023-11', count: 1 },
      { month: '2023-12', count: 0 },
      { month: '2024-01', count: 2 },
    ]);
  });
});

describe('search', () => {
  it.each([
    ['huawei', 'org:huawei'],
    ['HUAWEI', 'org:huawei'],
    ['ilyene', 'person:alhamdou-ag-ilyene'],
    ["n'diaye", 'person:leyti-ndiaye'],
    ['ndiaye', 'person:leyti-ndiaye'],
    ['sun wei', 'person:jean-sun-wei'],
    ['autorite malienne', 'org:amrtp'],
    ['qualite', 'topic:qualite-de-service'],
    ['huwei', 'org:huawei'],
  ])('"%s" finds %s first', (q, key) => {
    expect(buildIndex(graph).search(q)[0]?.key).toBe(key);
  });

  it('says through which alias a match was found', () => {
    expect(buildIndex(graph).search('autorite')[0]?.via).toMatch(/^Autorité malienne/);
  });

  it('labels a topic in the language asked for, and finds it by its label in either language', () => {
    const g = loadGraph(graph.export());
    g.setNodeAttribute('topic:inclusion-numerique', 'label', 'Connectivité');
    const index = buildIndex(g);
    expect(index.search('connectivite', 'fr')[0]).toMatchObject({
      key: 'topic:inclusion-numerique',
      label: 'Connectivité',
    });
    expect(index.search('connectivite', 'en')[0]).toMatchObject({
      key: 'topic:inclusion-numerique',
      label: 'Connectivity',
      via: 'Connectivité',
    });
    expect(index.search('connectivity', 'fr')[0]).toMatchObject({ label: 'Connectivité', via: 'Connectivity' });
    expect(index.search('huawei', 'en')[0]?.label).toBe('Huawei');
  });

  it('finds nothing for nonsense', () => {
    expect(buildIndex(graph).search('zzzqqq')).toEqual([]);
  });
});

describe('parallel edges', () => {
  it('draws a lone edge straight and fans parallel ones out symmetrically, whatever their direction', () => {
    const c = parallelCurvatures([
      { key: 'a', source: 'x', target: 'y' },
      { key: 'b', source: 'y', target: 'x' },
      { key: 'c', source: 'x', target: 'z' },
    ]);
    expect(c.get('c')).toBe(0);
    // a: x→y, offset -0.175; b: y→x, offset +0.175 but drawn the other way: same sign on screen side
    expect(Math.abs(c.get('a')!)).toBeCloseTo(0.175);
    expect(c.get('a')).toBe(c.get('b'));
  });

  it('gives the AMRTP’s sanction and meeting with Orange Mali distinct curves', () => {
    const g = loadGraph(graph.export());
    assignEdgePrograms(g);
    const sanction = g.getEdgeAttributes('sanctioned|org:amrtp|org:orange-mali');
    const meeting = g.getEdgeAttributes('met-with|org:amrtp|org:orange-mali');
    expect(sanction.type).toBe('curvedArrow');
    expect(meeting.type).toBe('curved');
    expect(sanction.curvature).not.toBe(meeting.curvature);
    expect(g.getEdgeAttribute('holds-role|person:jean-sun-wei|org:huawei', 'type')).toBe('arrow');
  });
});

describe('GEXF export of the visible graph', () => {
  it('writes GEXF 1.3 with only visible elements, rgb colours and the evidence as JSON', () => {
    const v = visibleElements(graph, { ...defaultState(), hiddenNodeKinds: new Set(['topic']) });
    const xml = visibleGexf(graph, v, () => 5);
    expect(xml).toMatch(/<gexf version="1\.3" xmlns="http:\/\/gexf\.net\/1\.3"/);
    expect(xml).not.toContain('hex=');
    const back = parse(MultiGraph, xml);
    expect(back.order).toBe(v.nodes.size);
    expect(back.size).toBe(v.edges.size);
    expect(back.hasNode('topic:inclusion-numerique')).toBe(false);
    const ev = JSON.parse(back.getEdgeAttribute('holds-role|person:jean-sun-wei|org:huawei', 'evidence') as string);
    expect(ev[0].sentence).toMatch(/^Fraîchement installés/);
    expect(back.getNodeAttribute('person:jean-sun-wei', 'label')).toBe('Jean Sun Wei');
  });

  it('uses the CLI writer: the same columns, every edge directed with a `directed` attribute', () => {
    const xml = visibleGexf(graph, visibleElements(graph, defaultState()), () => 5);
    expect(xml).toMatch(/defaultedgetype="directed"/);
    expect(xml).not.toMatch(/type="undirected"/);
    const titles = (x: string) => [...x.matchAll(/<attribute id="[^"]*" title="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(titles(xml)).toEqual([...titles(exportGexf(graph)), 'evidence'].sort());
    for (const metric of ['degree', 'weightedDegree', 'betweenness', 'pagerank', 'community'])
      expect(titles(xml)).toContain(metric);
    const back = parse(MultiGraph, xml);
    expect(back.getEdgeAttribute('met-with|org:amrtp|org:orange-mali', 'directed')).toBe(false);
  });

  it.skipIf(!hasNetworkx())('networkx reads it with the attributes of the CLI’s GEXF, value for value', async () => {
    const v = visibleElements(graph, defaultState());
    const dir = await mkdtemp(join(tmpdir(), 'kunafoni-gexf-'));
    try {
      await writeFile(
        join(dir, 'viewer.gexf'),
        visibleGexf(graph, v, () => 5),
      );
      await writeFile(join(dir, 'cli.gexf'), exportGexf(graph));
      const read = (file: string) => {
        const r = spawnSync('python3', ['-c', NX_DUMP, join(dir, file)], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        return JSON.parse(r.stdout) as NxDump;
      };
      const viewer = read('viewer.gexf');
      const cli = read('cli.gexf');
      expect([viewer.directed, viewer.nodes.length, viewer.edges.length]).toEqual([true, v.nodes.size, v.edges.size]);
      // the viewer adds each edge's evidence and draws nodes in its own colours and sizes; the rest is the CLI's
      const bare = (d: NxDump) => ({
        ...d,
        nodes: d.nodes.map(([k, a]) => [k, { ...a, viz: { ...a.viz, size: 0, color: null } }]),
        edges: d.edges.map(([s, t, k, { evidence: _e, ...a }]) => [s, t, k, a]),
      });
      expect(bare(viewer)).toEqual(bare(cli));
      expect(viewer.nodes.find(([k]) => k === 'org:huawei')![1]).toHaveProperty('pagerank');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(RNG) || spawnSync('xmllint', ['--version']).error)(
    'validates against the GEXF 1.3 RELAX NG grammar (../shared/schemas)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'kunafoni-gexf-'));
      try {
        const xml = visibleGexf(graph, visibleElements(graph, defaultState()), () => 5)
          .replace(/ xmlns:xsi="[^"]*"/, '')
          .replace(/ xsi:schemaLocation="[^"]*"/, '');
        await writeFile(join(dir, 'g.gexf'), xml);
        const r = spawnSync('xmllint', ['--noout', '--relaxng', RNG, join(dir, 'g.gexf')], { encoding: 'utf8' });
        expect(r.stderr).toContain('validates');
        expect(r.status).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('large graphs open on their most mentioned nodes', () => {
  it('keeps the `top` most mentioned nodes and only the edges between them', () => {
    const v = visibleElements(graph, { ...defaultState(), top: 3 });
    // mentions: Alhamdou 3, Orange Mali 3, then Huawei, Jean Sun Wei and Bamako 2: Huawei has the most relations (3)
    expect([...v.nodes].sort()).toEqual(['org:huawei', 'org:orange-mali', 'person:alhamdou-ag-ilyene']);
    for (const e of v.edges) for (const n of graph.extremities(e)) expect(v.nodes.has(n)).toBe(true);
  });

  it.each([
    [100, undefined, 0],
    [50_000, undefined, DEFAULT_TOP],
    [50_000, 0, 0],
    [50_000, 500, 500],
  ] as const)('a graph of %i nodes with top=%s shows %i (0: all)', (order, top, expected) => {
    expect(effectiveTop(order, top)).toBe(expected);
  });

  it('keeps the display graph equal to the visible part, selection included', () => {
    const display = emptyDisplay();
    const v = visibleElements(graph, { ...defaultState(), hiddenNodeKinds: new Set(['person']) });
    syncDisplay(graph, display, v, ['person:jean-sun-wei']);
    expect(display.order).toBe(v.nodes.size + 1);
    expect(display.size).toBe(v.edges.size);
    syncDisplay(graph, display, visibleElements(graph, defaultState()));
    expect(display.order).toBe(graph.order);
    expect(display.size).toBe(graph.size);
    expect(display.getNodeAttributes('org:huawei')).toBe(graph.getNodeAttributes('org:huawei'));
  });
});
