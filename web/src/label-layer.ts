// Sigma's label layer with collisions resolved: sigma still picks the candidate labels of a frame (label
// density, size threshold, forced labels of the focus) and hands each to `collect` instead of drawing
// it; once the frame is drawn, label-placement.ts chooses which to draw and on which side of the disc,
// and they are drawn on sigma's label canvas. The labels drawn and their boxes, in canvas pixels, are
// written on the graph container's `data-labels` attribute (read by the e2e tests in test/web).
import type Sigma from 'sigma';
import { drawDiscNodeHover } from 'sigma/rendering';
import type { NodeHoverDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { ViewEdge, ViewGraph, ViewNode } from './model.js';
import { placeLabels, type Box, type Disc, type LabelRequest, type PlacedLabel } from './label-placement.js';

type Drawing = Settings<ViewNode, ViewEdge>;
type Candidate = LabelRequest & { label: string; color: string };

const fontOf = (s: Drawing) => `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
/** A label's box height: the font size and room for accents and descenders. */
const lineHeight = (s: Drawing) => Math.ceil(s.labelSize * 1.3);

/** A label in its box, on a thin white halo that keeps it legible over edges. */
function drawText(context: CanvasRenderingContext2D, text: string, box: Box, color: string, s: Drawing): void {
  context.save();
  context.font = fontOf(s);
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = 3;
  context.strokeStyle = 'rgba(255, 255, 255, 0.8)';
  context.strokeText(text, box.x, box.y + box.height / 2);
  context.fillStyle = color;
  context.fillText(text, box.x, box.y + box.height / 2);
  context.restore();
}

export interface LabelLayer {
  collect: NodeLabelDrawingFunction<ViewNode, ViewEdge>;
  drawHover: NodeHoverDrawingFunction<ViewNode, ViewEdge>;
  attach(renderer: Sigma<ViewNode, ViewEdge>): void;
}

/** The discs of the visible nodes on screen (and a little around it), in canvas pixels. */
function discsOnScreen(renderer: Sigma<ViewNode, ViewEdge>, graph: ViewGraph, width: number, height: number): Disc[] {
  const discs: Disc[] = [];
  graph.forEachNode((key) => {
    const d = renderer.getNodeDisplayData(key);
    if (!d || d.hidden) return;
    const { x, y } = renderer.framedGraphToViewport(d);
    const size = renderer.scaleSize(d.size);
    if (x + size < -50 || y + size < -50 || x - size > width + 50 || y - size > height + 50) return;
    discs.push({ key, x, y, size });
  });
  return discs;
}

/** Place `requests` at the renderer's camera and draw them on its label canvas; the placed labels by key. */
function drawLabels(
  renderer: Sigma<ViewNode, ViewEdge>,
  graph: ViewGraph,
  requests: Candidate[],
): Map<string, PlacedLabel> {
  const { width, height } = renderer.getDimensions();
  const area = { x: 0, y: 0, width, height };
  const settings = renderer.getSettings();
  const result = requests.length
    ? placeLabels(requests, discsOnScreen(renderer, graph, width, height), {
        area,
        minObstacle: settings.labelRenderedSizeThreshold,
      })
    : [];
  const context = renderer.getCanvases().labels?.getContext('2d');
  const byKey = new Map(requests.map((r) => [r.key, r]));
  for (const p of result) {
    const r = byKey.get(p.key)!;
    if (context) drawText(context, r.label, p.box, r.color, settings);
  }
  renderer.getContainer().dataset.labels = JSON.stringify(
    result.map(({ key, side, box }) => ({ key, text: byKey.get(key)!.label, side, ...box })),
  );
  return new Map(result.map((p) => [p.key, p]));
}

export function labelLayer(graph: ViewGraph): LabelLayer {
  let pending: Candidate[] = [];
  let placed = new Map<string, PlacedLabel>();
  let renderer: Sigma<ViewNode, ViewEdge> | null = null;
  /** A frame is being drawn and its labels are not placed yet. */
  let framing = false;
  /** Place the frame's candidates and draw them, once per frame. */
  const flush = () => {
    if (!framing || !renderer) return;
    framing = false;
    placed = drawLabels(renderer, graph, pending);
    pending = [];
  };
  const collect: LabelLayer['collect'] = (context, data, settings) => {
    if (!data.label) return;
    context.font = fontOf(settings);
    const key = (data as { key?: string }).key;
    if (key === undefined) return;
    const color = settings.labelColor.color ?? '#000';
    pending.push({
      key,
      x: data.x,
      y: data.y,
      size: data.size,
      width: Math.ceil(context.measureText(data.label).width),
      height: lineHeight(settings),
      forced: !!data.forceLabel,
      label: data.label,
      color,
    });
  };
  // the hovered node's label where the layer placed it, on a white box as sigma draws it on the right
  const drawHover: LabelLayer['drawHover'] = (context, data, settings) => {
    // sigma draws the highlighted nodes after the labels' candidates, before its frame ends
    flush();
    const p = placed.get((data as { key?: string }).key ?? '');
    if (!p || p.side === 'right' || !data.label) return drawDiscNodeHover(context, data, settings);
    context.save();
    context.fillStyle = '#FFF';
    context.shadowBlur = 8;
    context.shadowColor = '#000';
    context.beginPath();
    context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    context.fill();
    context.fillRect(p.box.x - 2, p.box.y, p.box.width + 4, p.box.height);
    context.restore();
    drawText(context, data.label, p.box, settings.labelColor.color ?? '#000', settings);
  };
  const attach = (r: Sigma<ViewNode, ViewEdge>) => {
    renderer = r;
    r.on('beforeRender', () => {
      pending = [];
      framing = true;
    });
    r.on('afterRender', flush);
  };
  return { collect, drawHover, attach };
}
