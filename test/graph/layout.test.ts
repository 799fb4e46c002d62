import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { assignLayout, computeLayout, hasLayout, nodeRadius } from '../../src/graph/layout.js';
import { readFixture } from '../helpers/fixture-store.js';

async function fixtureGraph(): Promise<Graph> {
  const g = new Graph({ type: 'mixed' });
  g.import(await readFixture());
  return g;
}

describe('layout (ForceAtlas2 + noverlap, seeded by node key)', () => {
  it('gives every node finite coordinates and marks the graph as laid out', async () => {
    const g = await fixtureGraph();
    expect(hasLayout(g)).toBe(false);
    assignLayout(g);
    expect(hasLayout(g)).toBe(true);
  });

  it('is deterministic, whatever the order in which nodes and edges were added', async () => {
    const data = await readFixture();
    const a = new Graph({ type: 'mixed' });
    a.import(data);
    const b = new Graph({ type: 'mixed' });
    b.import({ ...data, nodes: [...data.nodes].reverse(), edges: [...data.edges].reverse() });
    expect(computeLayout(b)).toEqual(computeLayout(a));
    expect(computeLayout(a, { seed: 'other' })).not.toEqual(computeLayout(a));
  });

  it('pulls linked nodes closer than unlinked ones and keeps discs apart', async () => {
    const g = await fixtureGraph();
    const p = computeLayout(g);
    const d = (u: string, v: string) => Math.hypot(p[u]!.x - p[v]!.x, p[u]!.y - p[v]!.y);
    // Jean Sun Wei is linked to Huawei, not to the AMRTP
    expect(d('person:jean-sun-wei', 'org:huawei')).toBeLessThan(d('person:jean-sun-wei', 'org:amrtp'));
    const keys = g.nodes();
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++) {
        const [u, v] = [keys[i]!, keys[j]!];
        expect(d(u, v)).toBeGreaterThan(
          (nodeRadius(g.getNodeAttribute(u, 'mentions')) + nodeRadius(g.getNodeAttribute(v, 'mentions'))) * 0.5,
        );
      }
  });

  // Its speed is measured by `npm run bench` (bench/layout.mjs), never asserted here.
  it('uses Barnes-Hut on large graphs and gives every node a finite position of its own', () => {
    const g = new Graph();
    for (let i = 0; i < 3000; i++) g.addNode(`n${i}`, { mentions: 1 + (i % 5) });
    for (let i = 0; i < 6000; i++) {
      const s = `n${(i * 7919) % 3000}`;
      const t = `n${(i * 104729 + 13) % 3000}`;
      if (s !== t && !g.hasEdge(s, t)) g.addEdge(s, t, { weight: 1 });
    }
    const p = computeLayout(g, { iterations: 30 });
    expect(Object.keys(p).sort()).toEqual(g.nodes().sort());
    expect(Object.values(p).every((q) => Number.isFinite(q.x) && Number.isFinite(q.y))).toBe(true);
    expect(new Set(Object.values(p).map((q) => `${q.x},${q.y}`)).size).toBe(g.order); // no two nodes stacked
    // 'auto' turned Barnes-Hut on at this size: the same positions as forcing it, not those of the exact pass
    expect(computeLayout(g, { iterations: 30, barnesHut: true })).toEqual(p);
    expect(computeLayout(g, { iterations: 30, barnesHut: false })).not.toEqual(p);
  });

  it('rejects invalid options before any work', async () => {
    expect(() => computeLayout(new Graph(), { iterations: -1 })).toThrow(/iterations must be a non-negative integer/);
  });
});
