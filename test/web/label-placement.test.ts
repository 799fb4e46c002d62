// The label collision pass (web/src/label-placement.ts) on synthetic screens: no two placed labels meet,
// none leaves the graph area (the side panel starts where the canvas ends), none covers another node's
// disc, and where two labels compete the larger node keeps its label (issue 15: labels collided at the
// opening view).
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/graph/random.js';
import {
  boxesMeet,
  boxMeetsDisc,
  placeLabels,
  type Box,
  type Disc,
  type LabelRequest,
  type PlacedLabel,
} from '../../web/src/label-placement.js';

const AREA: Box = { x: 0, y: 0, width: 800, height: 600 };
const req = (key: string, x: number, y: number, size: number, width = 80, forced = false): LabelRequest => ({
  key,
  x,
  y,
  size,
  width,
  height: 17,
  forced,
});
const inside = (b: Box, a: Box) =>
  b.x >= a.x && b.y >= a.y && b.x + b.width <= a.x + a.width && b.y + b.height <= a.y + a.height;

function overlaps(placed: PlacedLabel[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++)
      if (boxesMeet(placed[i]!.box, placed[j]!.box)) out.push(`${placed[i]!.key} × ${placed[j]!.key}`);
  return out;
}

describe('placeLabels: sides and priority', () => {
  it('puts a lone label right of its disc, 3 px away, centred on the node', () => {
    const [p] = placeLabels([req('a', 100, 100, 10)], [], { area: AREA });
    expect(p).toEqual({ key: 'a', side: 'right', box: { x: 113, y: 91.5, width: 80, height: 17 } });
  });

  it('flips a label that would leave the area (run under the side panel) to the left of its disc', () => {
    const [p] = placeLabels([req('a', 760, 100, 10)], [], { area: AREA });
    expect(p!.side).toBe('left');
    expect(p!.box.x + p!.box.width).toBeLessThanOrEqual(760 - 10);
  });

  it('of two nodes whose labels would cross, the larger keeps its place and the smaller moves', () => {
    const big = req('big', 100, 100, 12);
    const small = req('small', 130, 104, 5);
    const placed = placeLabels([small, big], [], { area: AREA });
    expect(placed.find((p) => p.key === 'big')!.side).toBe('right');
    expect(placed.find((p) => p.key === 'small')?.side).not.toBe('right');
    expect(overlaps(placed)).toEqual([]);
  });

  it('drops the smaller node’s label when no side of it is free, never the larger one’s', () => {
    // the small node sits inside a crowd of large labelled nodes: every side of it is taken
    const small = req('small', 400, 300, 4, 120);
    const crowd = [req('w', 300, 300, 20), req('n', 400, 255, 20), req('s', 400, 345, 20), req('e', 460, 300, 20)];
    const placed = placeLabels([small, ...crowd], crowd, { area: AREA });
    expect(placed.map((p) => p.key).sort()).toEqual(['e', 'n', 's', 'w']);
    expect(overlaps(placed)).toEqual([]);
  });
});

describe('placeLabels: other nodes’ discs', () => {
  it('keeps a label off other nodes’ discs: it goes to a free side, or is not drawn', () => {
    const a = req('a', 100, 100, 8);
    const blocker: Disc = { key: 'b', x: 150, y: 100, size: 6 };
    const [p] = placeLabels([a], [a, blocker], { area: AREA });
    expect(p!.side).toBe('left');
    expect(boxMeetsDisc(p!.box, blocker)).toBe(false);
  });

  it('keeps `clearance` px between a label and other discs, so that it reads as its own node’s', () => {
    const a = req('a', 100, 100, 8);
    // 5 px under where the right-hand label would be: nearer to it than its own disc is (3 px)
    const near: Disc = { key: 'b', x: 150, y: 108.5 + 5 + 4, size: 4 };
    const [p] = placeLabels([a], [a, near], { area: AREA, minObstacle: 0 });
    expect(p!.side).toBe('left');
    const [q] = placeLabels([a], [a, near], { area: AREA, clearance: 2 });
    expect(q!.side).toBe('right');
  });

  it('covers a dot too small for a label of its own only where no place is clear of every disc', () => {
    const a = req('a', 400, 300, 8);
    // dots of radius 3 on all eight sides, 8 px out
    const dots: Disc[] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
      key: `dot${i}`,
      x: 400 + 30 * Math.cos((i * Math.PI) / 4),
      y: 300 + 20 * Math.sin((i * Math.PI) / 4),
      size: 3,
    }));
    expect(placeLabels([a], [a, ...dots], { area: AREA })).toEqual([]);
    const [p] = placeLabels([a], [a, ...dots], { area: AREA, minObstacle: 5 });
    expect(p!.side).toBe('right');
    // a dot as large as the threshold still keeps the label off
    const big = dots.map((d) => ({ ...d, size: 5 }));
    expect(placeLabels([a], [a, ...big], { area: AREA, minObstacle: 5 })).toEqual([]);
  });

  it('a forced label (the focus) goes before larger ones, and over a disc when it must', () => {
    const focus = req('focus', 100, 100, 4, 80, true);
    const big = req('big', 60, 100, 15);
    const walls: Disc[] = [
      { key: 'r', x: 150, y: 100, size: 10 },
      { key: 'u', x: 100, y: 75, size: 10 },
      { key: 'd', x: 100, y: 125, size: 10 },
    ];
    const placed = placeLabels([big, focus], [big, focus, ...walls], { area: AREA });
    // every side of the focus's disc meets a disc: its label goes over one; the big node's label,
    // which would cross it, is dropped (its other sides are off the area or on discs)
    expect(placed.map((p) => [p.key, p.side])).toEqual([['focus', 'right']]);
    expect(boxMeetsDisc(placed[0]!.box, walls[0]!)).toBe(true);
    // a label that is not forced is never drawn over a disc
    expect(placeLabels([{ ...focus, forced: false }], [big, focus, ...walls], { area: AREA })).toEqual([]);
  });
});

describe('placeLabels on random screens', () => {
  it('on 400 random nodes: no two placed labels meet, all lie inside the area, none covers another disc', () => {
    const r = mulberry32(15);
    const requests = Array.from({ length: 400 }, (_, i) =>
      req(`n${i}`, r() * 800, r() * 600, 3 + 15 * r() ** 2, 30 + Math.floor(r() * 120)),
    );
    const placed = placeLabels(requests, requests, { area: AREA });
    expect(placed.length).toBeGreaterThan(20);
    expect(overlaps(placed)).toEqual([]);
    expect(placed.filter((p) => !inside(p.box, AREA)).map((p) => p.key)).toEqual([]);
    const covered = placed.flatMap((p) =>
      requests.filter((d) => d.key !== p.key && boxMeetsDisc(p.box, d)).map((d) => `${p.key} over ${d.key}`),
    );
    expect(covered).toEqual([]);
    // the largest node's label is always drawn (nothing was placed before it)
    const largest = [...requests].sort((a, b) => b.size - a.size)[0]!;
    expect(placed.map((p) => p.key)).toContain(largest.key);
  });

  it('gives the same labels whatever the order of the requests', () => {
    const r = mulberry32(7);
    const requests = Array.from({ length: 60 }, (_, i) => req(`n${i}`, r() * 400, r() * 300, 3 + 10 * r()));
    const a = placeLabels(requests, requests, { area: AREA });
    const b = placeLabels([...requests].reverse(), requests, { area: AREA });
    expect(b).toEqual(a);
  });
});
