// Incremental layout: only the nodes without a position get one — near their neighbours, new
// components beside the drawing — deterministically, and the graph given is not modified.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { LayoutOptionsError, positionNewNodes } from '../../src/graph/incremental-layout.js';

/**
 * A laid-out random graph of `n` nodes (seeded), plus new nodes: each linked to 2 old ones, and a new
 * triangle apart.
 */
function fixture(n = 300) {
  const g = new Graph({ type: 'mixed', multi: true });
  let s = 7;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: rnd() * 100, y: rnd() * 100 });
  for (let i = 1; i < n; i++) g.addEdge(`n${i}`, `n${Math.floor(rnd() * i)}`, { weight: 1 });
  forceAtlas2.assign(g, { iterations: 60, settings: forceAtlas2.inferSettings(g) });
  const fresh: Array<[string, string[]]> = [];
  for (let i = 0; i < 10; i++) {
    const around = [`n${Math.floor(rnd() * n)}`, `n${Math.floor(rnd() * n)}`];
    g.addNode(`new${i}`, { label: `new ${i}` });
    for (const a of around) g.addDirectedEdge(`new${i}`, a, { weight: 2 });
    fresh.push([`new${i}`, around]);
  }
  for (const k of ['t0', 't1', 't2']) g.addNode(k);
  g.addUndirectedEdge('t0', 't1');
  g.addUndirectedEdge('t1', 't2');
  return { g, fresh };
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('positionNewNodes', () => {
  it('positions exactly the new nodes, each near its neighbours, and leaves the graph as it was', () => {
    const { g, fresh } = fixture();
    const before = JSON.stringify(g.export());
    const pos = positionNewNodes(g);
    expect(JSON.stringify(g.export())).toBe(before);
    expect(Object.keys(pos).sort()).toEqual([...fresh.map(([k]) => k), 't0', 't1', 't2'].sort());
    for (const p of Object.values(pos)) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    // typical distance between two old nodes, against a new node's distance to its neighbours' centre
    const old = g.filterNodes((k) => k.startsWith('n')).map((k) => g.getNodeAttributes(k) as { x: number; y: number });
    const typical = old
      .slice(0, 100)
      .map((a, i) => dist(a, old[(i * 37 + 11) % old.length]!))
      .sort((a, b) => a - b)[50]!;
    for (const [k, around] of fresh) {
      const ps = around.map((a) => g.getNodeAttributes(a) as { x: number; y: number });
      const centre = { x: (ps[0]!.x + ps[1]!.x) / 2, y: (ps[0]!.y + ps[1]!.y) / 2 };
      expect(dist(pos[k]!, centre)).toBeLessThan(typical);
    }
    // the new triangle stays together
    expect(dist(pos.t0!, pos.t2!)).toBeLessThan(typical);
  });

  it('is deterministic, and places nothing when every node has a position', () => {
    const { g } = fixture(120);
    expect(positionNewNodes(g)).toEqual(positionNewNodes(g));
    const done = g.copy();
    for (const [k, p] of Object.entries(positionNewNodes(g))) done.mergeNodeAttributes(k, p);
    expect(positionNewNodes(done)).toEqual({});
  });

  it('lays out a graph with no position at all', () => {
    const g = new Graph();
    for (let i = 0; i < 30; i++) g.addNode(`a${i}`);
    for (let i = 1; i < 30; i++) g.addEdge(`a${i}`, `a${i - 1}`);
    const pos = positionNewNodes(g, { iterations: 20 });
    expect(Object.keys(pos)).toHaveLength(30);
    expect(new Set(Object.values(pos).map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`)).size).toBe(30);
  });

  it('refuses bad options with a message naming the option', () => {
    expect(() => positionNewNodes(new Graph(), { iterations: -1 })).toThrow(LayoutOptionsError);
    expect(() => positionNewNodes(new Graph(), { iterations: Number.NaN })).toThrow(/option iterations is NaN/);
  });
});
