import { describe, expect, it } from 'vitest';
import { filterGraph, parseFilterOptions, type FilterOptions } from '../../src/export/filter.js';
import { NotFoundError, UsageError } from '../../src/errors.js';
import { seedGraph } from '../helpers/fixture-helpers.js';

const labels = (g: { mapNodes: (f: (k: string, a: { label: string }) => string) => string[] }) =>
  g.mapNodes((_k, a) => a.label).sort();

describe('filterGraph', async () => {
  const graph = await seedGraph();

  it.each<[string, FilterOptions, string[], number]>([
    [
      'no filter keeps everything',
      {},
      [
        'AMRTP',
        'Alhamdou Ag Ilyène',
        'Bamako',
        'Huawei',
        'Jean Sun Wei',
        "Leyti N'Diaye",
        'Orange Mali',
        'fibre optique',
        'inclusion numérique',
      ],
      9,
    ],
    [
      'kind keeps those nodes and the edges among them',
      { kinds: ['person'] },
      ['Alhamdou Ag Ilyène', 'Jean Sun Wei', "Leyti N'Diaye"],
      2,
    ],
    [
      'relation drops nodes left without edges',
      { relations: ['holds-role'] },
      ['Huawei', 'Jean Sun Wei', "Leyti N'Diaye", 'Orange Mali'],
      2,
    ],
    ['min-sources counts distinct outlets', { minSources: 2 }, ['Alhamdou Ag Ilyène', "Leyti N'Diaye"], 1],
    ['ego at depth 1', { ego: 'jean sun wei' }, ['Alhamdou Ag Ilyène', 'Huawei', 'Jean Sun Wei'], 2],
    ['ego at depth 0 is the entity alone', { ego: 'Huawei', depth: 0 }, ['Huawei'], 0],
    [
      'until keeps what was seen by then',
      { until: '2023-06' },
      ['Alhamdou Ag Ilyène', "Leyti N'Diaye", 'Orange Mali', 'fibre optique'],
      2,
    ],
  ])('%s', (_name, opts, expected, edges) => {
    const out = filterGraph(graph, opts);
    expect(labels(out)).toEqual(expected);
    expect(out.size).toBe(edges);
  });

  it('a date window trims the evidence and recomputes weight, sources and dates', () => {
    const out = filterGraph(graph, { since: '2024' });
    const key = 'met-with|person:alhamdou-ag-ilyene|person:leyti-ndiaye';
    const before = graph.getEdgeAttributes(key);
    const after = out.getEdgeAttributes(key);
    expect(before.evidence).toHaveLength(2);
    expect(after.evidence.map((e) => e.date)).toEqual(['2024-06-02']);
    expect(after.weight).toBe(1);
    expect(after.sources).toEqual(['Journal du Mali']);
    expect(after.firstSeen).toBe('2024-06-02');
    // the 2023-only edges are gone
    expect(out.hasEdge('holds-role|person:leyti-ndiaye|org:orange-mali')).toBe(false);
  });

  it('never modifies its input', () => {
    const before = JSON.stringify(graph.export());
    filterGraph(graph, {
      since: '2024',
      kinds: ['person', 'organisation'],
      minSources: 1,
      ego: 'Orange Mali',
      depth: 2,
    });
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it('an unknown ego is a NotFoundError with the closest names; an excluded one a UsageError', () => {
    expect(() => filterGraph(graph, { ego: 'Huawey' })).toThrow(/no entity matches "Huawey"; closest: "Huawei"/);
    expect(() => filterGraph(graph, { ego: 'Huawey' })).toThrow(NotFoundError);
    expect(() => filterGraph(graph, { ego: 'Huawei', kinds: ['person'] })).toThrow(UsageError);
  });
});

describe('parseFilterOptions', () => {
  it('reads lists as arrays or comma-separated strings and numbers as strings', () => {
    expect(
      parseFilterOptions({
        kind: ['person', 'topic,place'],
        relation: 'met-with',
        'min-sources': '2',
        ego: 'X',
        depth: '3',
        since: '2023-04',
      }),
    ).toEqual({
      kinds: ['person', 'topic', 'place'],
      relations: ['met-with'],
      minSources: 2,
      ego: 'X',
      depth: 3,
      since: '2023-04',
    });
  });
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['unknown kind', { kind: 'people' }, /unknown kind "people"/],
    ['unknown relation', { relation: 'met' }, /unknown relation "met"/],
    ['bad date', { since: '14/03/2023' }, /not an ISO date/],
    ['reversed window', { since: '2024', until: '2023-12-31' }, /after --until/],
    ['negative count', { minSources: '-1' }, /min-sources/],
    ['depth without ego', { depth: 2 }, /needs --ego/],
  ])('rejects %s', (_n, raw, message) => {
    expect(() => parseFilterOptions(raw)).toThrow(message);
  });
});
