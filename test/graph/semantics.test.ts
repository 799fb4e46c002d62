// The one module of graph semantics: edge keys, evidence order, attributes derived from evidence, node merge.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { KGraph } from '../../src/graph/attrs.js';
import {
  edgeFromEvidence,
  edgeKey,
  mergeNodes,
  mostFrequent,
  parseEdgeKey,
  rekeyEdge,
} from '../../src/graph/semantics.js';
import type { Evidence } from '../../src/types.js';

const ev = (article: string, start: number, extra: Partial<Evidence> = {}): Evidence => ({
  article,
  sentence: `sentence ${start} of ${article}`,
  start,
  end: start + 10,
  rule: 'r1',
  ...extra,
});

describe('edge keys', () => {
  it.each([
    [['met-with', 'person:b', 'org:a'], 'met-with|org:a|person:b'],
    [['holds-role', 'person:b', 'org:a'], 'holds-role|person:b|org:a'],
    [['committed-to', 'org:a', 'topic:x', '0badf00d'], 'committed-to|org:a|topic:x|0badf00d'],
  ] as const)('%j → %s, and parsed back', (args, key) => {
    const [kind, s, t, h] = args as unknown as [Parameters<typeof edgeKey>[0], string, string, string?];
    expect(edgeKey(kind, s, t, h)).toBe(key);
    const parts = parseEdgeKey(key)!;
    expect(edgeKey(parts.kind, parts.source, parts.target, parts.hash)).toBe(key);
  });

  it('a key not made by edgeKey parses to nothing; rekeying it keeps no suffix', () => {
    expect(parseEdgeKey('geo_123')).toBeUndefined();
    expect(rekeyEdge('geo_123', 'met-with', 'org:z', 'org:a')).toBe('met-with|org:a|org:z');
    expect(rekeyEdge('committed-to|org:a|topic:x|0badf00d', 'committed-to', 'org:b', 'topic:x')).toBe(
      'committed-to|org:b|topic:x|0badf00d',
    );
  });
});

describe('attributes from evidence', () => {
  it('orders evidence by date, counts articles, takes the latest status and the noisy-or confidence', () => {
    const attrs = edgeFromEvidence(
      { kind: 'committed-to', verified: true },
      [
        ev('b', 5, { date: '2024-02-01', status: 'done', confidence: 0.5 }),
        ev('a', 9, { date: '2023-01-01', commitment: 'the pledge', status: 'announced', confidence: 0.5 }),
        ev('b', 1, { date: '2024-02-01' }),
      ],
      ['x'],
    );
    expect(attrs.evidence.map((e) => [e.article, e.start])).toEqual([
      ['a', 9],
      ['b', 1],
      ['b', 5],
    ]);
    expect(attrs).toMatchObject({
      weight: 2,
      firstSeen: '2023-01-01',
      lastSeen: '2024-02-01',
      commitment: 'the pledge',
      status: 'done',
      confidence: 0.75,
      verified: true,
      sources: ['x'],
    });
  });

  it('the most frequent role wins; on a tie the accented spelling', () => {
    expect(mostFrequent(['Ministre delegue', 'Ministre délégué'])).toBe('Ministre délégué');
    const attrs = edgeFromEvidence(
      { kind: 'holds-role', role: 'old' },
      [ev('a', 1, { role: 'Directrice generale' }), ev('b', 1, { role: 'Directrice générale' })],
      [],
    );
    expect(attrs.role).toBe('Directrice générale');
  });
});

describe('mergeNodes', () => {
  const graph = (): KGraph => {
    const g: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
    const node = (label: string, articles: string[]) => ({
      label,
      kind: 'person' as const,
      aliases: [],
      mentions: articles.length,
      articles,
    });
    g.addNode('person:awa-ba', node('Awa Ba', ['a']));
    g.addNode('person:awa-ba-2', node('Awa Bâ', ['b']));
    g.addNode('org:x', { label: 'X', kind: 'organisation', aliases: [], mentions: 2, articles: ['a', 'b'] });
    const edge = (article: string) =>
      edgeFromEvidence({ kind: 'met-with' }, [ev(article, 1, { date: `2024-0${article === 'a' ? 1 : 2}-01` })], []);
    g.addUndirectedEdgeWithKey(edgeKey('met-with', 'person:awa-ba', 'org:x'), 'org:x', 'person:awa-ba', edge('a'));
    g.addUndirectedEdgeWithKey(edgeKey('met-with', 'person:awa-ba-2', 'org:x'), 'org:x', 'person:awa-ba-2', edge('b'));
    g.addUndirectedEdgeWithKey(
      edgeKey('met-with', 'person:awa-ba', 'person:awa-ba-2'),
      'person:awa-ba',
      'person:awa-ba-2',
      edge('a'),
    );
    return g;
  };

  it('unites the two, combines their edges to a same node, drops the edge between them', () => {
    const g = graph();
    expect(mergeNodes(g, 'person:awa-ba-2', 'person:awa-ba', 'fuller')).toEqual({ moved: 1, dropped: 1 });
    expect(g.getNodeAttributes('person:awa-ba')).toMatchObject({
      label: 'Awa Bâ',
      aliases: ['Awa Ba'],
      mentions: 2,
      articles: ['a', 'b'],
    });
    expect(g.edges()).toEqual(['met-with|org:x|person:awa-ba']);
    expect(g.getEdgeAttributes('met-with|org:x|person:awa-ba')).toMatchObject({
      weight: 2,
      firstSeen: '2024-01-01',
      lastSeen: '2024-02-01',
    });
  });

  it("a researcher's merge keeps the kept node's label", () => {
    const g = graph();
    mergeNodes(g, 'person:awa-ba-2', 'person:awa-ba', 'keep');
    expect(g.getNodeAttributes('person:awa-ba')).toMatchObject({ label: 'Awa Ba', aliases: ['Awa Bâ'] });
  });
});
