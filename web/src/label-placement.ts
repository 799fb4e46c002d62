// Where the graph's labels go at the current camera (issue 15: labels collided at the opening view).
// A greedy pass over screen boxes: the labels of forced nodes (the focus) first, then of larger nodes,
// each at the first place around its disc (right, left, above, below, then the corners) where its box
// stays inside the graph area and meets no label already placed and no other node's disc (failing that,
// no disc big enough to carry a label); a label with no such place is not drawn. Pure: pixels in, boxes
// out; web/src/label-layer.ts measures the labels and draws them.

/** A rectangle in screen pixels, from its top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A node's disc on screen: centre and radius in pixels. */
export interface Disc {
  key: string;
  x: number;
  y: number;
  size: number;
}

/** A label to place: its node's disc and the label's measured size. */
export interface LabelRequest extends Disc {
  width: number;
  height: number;
  /** Shown whatever its size (the focus): placed before the others, over discs if it must. */
  forced?: boolean;
}

export type Side = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left';

export interface PlacedLabel {
  key: string;
  side: Side;
  box: Box;
}

export interface PlacementOptions {
  /** Where labels may be drawn: the graph's canvas, which ends where the side panel starts. */
  area: Box;
  /** Space between a disc and its label (sigma draws labels 3 px right of the disc). */
  gap?: number;
  /** Least space kept between two labels. */
  margin?: number;
  /**
   * Least space kept between a label and another node's disc: more than `gap`, so that a label sits
   * nearer its own node than any other and is read as that node's.
   */
  clearance?: number;
  /**
   * A label with no place clear of every disc may cover discs of a smaller radius (the dots too small to
   * carry a label of their own); 0, the default: never.
   */
  minObstacle?: number;
}

/** The places tried, in order: beside the disc, then over or under it, then at its corners. */
const SIDES: readonly Side[] = [
  'right',
  'left',
  'above',
  'below',
  'above-right',
  'below-right',
  'above-left',
  'below-left',
];

/** The box of `r`'s label on one side of its disc. */
export function boxAt(r: LabelRequest, side: Side, gap: number): Box {
  const { x, y, size, width, height } = r;
  switch (side) {
    case 'right':
      return { x: x + size + gap, y: y - height / 2, width, height };
    case 'left':
      return { x: x - size - gap - width, y: y - height / 2, width, height };
    case 'above':
      return { x: x - width / 2, y: y - size - gap - height, width, height };
    case 'below':
      return { x: x - width / 2, y: y + size + gap, width, height };
    // corners: the box touches the disc's bounding square at a corner, 45° from the centre
    case 'above-right':
      return { x: x + size * Math.SQRT1_2 + gap, y: y - size * Math.SQRT1_2 - gap - height, width, height };
    case 'below-right':
      return { x: x + size * Math.SQRT1_2 + gap, y: y + size * Math.SQRT1_2 + gap, width, height };
    case 'above-left':
      return { x: x - size * Math.SQRT1_2 - gap - width, y: y - size * Math.SQRT1_2 - gap - height, width, height };
    case 'below-left':
      return { x: x - size * Math.SQRT1_2 - gap - width, y: y + size * Math.SQRT1_2 + gap, width, height };
  }
}

/** Whether two boxes share an area once the first is grown by `margin` on every side. */
export const boxesMeet = (a: Box, b: Box, margin = 0): boolean =>
  a.x - margin < b.x + b.width &&
  b.x < a.x + a.width + margin &&
  a.y - margin < b.y + b.height &&
  b.y < a.y + a.height + margin;

/** Whether a box, grown by `margin`, meets a disc. */
export function boxMeetsDisc(a: Box, d: Disc, margin = 0): boolean {
  const nx = Math.max(a.x - margin, Math.min(d.x, a.x + a.width + margin));
  const ny = Math.max(a.y - margin, Math.min(d.y, a.y + a.height + margin));
  return (nx - d.x) ** 2 + (ny - d.y) ** 2 < d.size ** 2;
}

const inside = (a: Box, area: Box): boolean =>
  a.x >= area.x && a.y >= area.y && a.x + a.width <= area.x + area.width && a.y + a.height <= area.y + area.height;

/** A uniform grid over the screen, so that a box is tested only against what lies near it. */
class Buckets<T> {
  private readonly cells = new Map<number, T[]>();
  constructor(private readonly cell: number) {}
  /** Calls `fn` on each cell `b` overlaps until it returns true; whether one did. */
  private cellsOf(b: Box, fn: (key: number) => boolean): boolean {
    const [x0, x1] = [Math.floor(b.x / this.cell), Math.floor((b.x + b.width) / this.cell)];
    const [y0, y1] = [Math.floor(b.y / this.cell), Math.floor((b.y + b.height) / this.cell)];
    // screens are far below 2^15 cells wide: one number per cell
    for (let i = x0; i <= x1; i++) for (let j = y0; j <= y1; j++) if (fn(i * 65_536 + j)) return true;
    return false;
  }
  add(b: Box, item: T): void {
    this.cellsOf(b, (k) => {
      const list = this.cells.get(k);
      if (list) list.push(item);
      else this.cells.set(k, [item]);
      return false;
    });
  }
  /** Whether an item in the cells `b` overlaps satisfies `test`. */
  some(b: Box, test: (item: T) => boolean): boolean {
    return this.cellsOf(b, (k) => this.cells.get(k)?.some(test) ?? false);
  }
}

const discBox = (d: Disc): Box => ({ x: d.x - d.size, y: d.y - d.size, width: 2 * d.size, height: 2 * d.size });

/** Forced labels first, then larger nodes, then by key (the same frame gives the same labels). */
const byPriority = (a: LabelRequest, b: LabelRequest): number =>
  Number(!!b.forced) - Number(!!a.forced) || b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The labels to draw and their boxes: no two boxes meet (nor come closer than `margin`), every box lies
 * inside `area`, and a box meets no disc but its own node's where such a place exists; else it may cover
 * discs smaller than `minObstacle`; a forced label, any disc. Where two labels compete for a place,
 * the larger node's is kept.
 */
export function placeLabels(requests: LabelRequest[], discs: Disc[], options: PlacementOptions): PlacedLabel[] {
  const gap = options.gap ?? 3;
  const margin = options.margin ?? 2;
  const discIndex = new Buckets<Disc>(64);
  for (const d of discs) discIndex.add(discBox(d), d);
  const minObstacle = options.minObstacle ?? 0;
  const clearance = options.clearance ?? 8;
  const labelIndex = new Buckets<Box>(64);
  const placed: PlacedLabel[] = [];
  const grown = (b: Box, by = margin): Box => ({
    x: b.x - by,
    y: b.y - by,
    width: b.width + 2 * by,
    height: b.height + 2 * by,
  });
  const free = (b: Box): boolean => !labelIndex.some(grown(b), (o) => boxesMeet(b, o, margin));
  const clearOfDiscs = (b: Box, key: string, least = 0): boolean =>
    !discIndex.some(grown(b, clearance), (d) => d.key !== key && d.size >= least && boxMeetsDisc(b, d, clearance));
  for (const r of [...requests].sort(byPriority)) {
    const boxes = SIDES.map((side) => ({ side, box: boxAt(r, side, gap) })).filter(
      ({ box }) => inside(box, options.area) && free(box),
    );
    const choice =
      boxes.find(({ box }) => clearOfDiscs(box, r.key)) ??
      (minObstacle > 0 ? boxes.find(({ box }) => clearOfDiscs(box, r.key, minObstacle)) : undefined) ??
      (r.forced ? boxes[0] : undefined);
    if (!choice) continue;
    placed.push({ key: r.key, ...choice });
    labelIndex.add(choice.box, choice.box);
  }
  return placed;
}
