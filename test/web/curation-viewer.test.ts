// The viewer's "verified relations only" filter and its place in the URL (pure modules, no browser).
import { describe, expect, it } from 'vitest';
import { visibleElements } from '../../web/src/filter.js';
import { loadGraph } from '../../web/src/model.js';
import { decodeState, defaultState, encodeState } from '../../web/src/state.js';
import { readFixture } from '../helpers/fixture-store.js';

describe('verified relations only', async () => {
  const graph = loadGraph(await readFixture());
  const verified = graph.edges()[0]!;
  graph.mergeEdgeAttributes(verified, { verified: true, verifiedBy: 'awa', verifiedDate: '2025-01-10' });

  it('keeps the verified relations and the entities they link, nothing else', () => {
    const all = visibleElements(graph, defaultState());
    const v = visibleElements(graph, { ...defaultState(), verifiedOnly: true });
    expect(all.edges.size).toBeGreaterThan(1);
    expect([...v.edges]).toEqual([verified]);
    expect([...v.nodes].sort()).toEqual([...graph.extremities(verified)].sort());
  });

  it('is written to the URL and read back; off by default', () => {
    const s = { ...defaultState(), verifiedOnly: true };
    expect(encodeState(s)).toBe('verified=1');
    expect(decodeState('#verified=1').verifiedOnly).toBe(true);
    expect(decodeState('#verified=yes').verifiedOnly).toBeUndefined();
    expect(encodeState(defaultState())).toBe('');
  });
});
