// Sigma setup: programs for straight, curved and arrowed edges, colours by kind, sizes by mentions
// or degree, labels by zoom, and highlighting of the focus (hovered or selected) through reducers.
import Sigma from 'sigma';
import { EdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import EdgeCurveProgram, { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import type { Visible } from './filter.js';
import type { ViewEdge, ViewGraph, ViewNode } from './model.js';
import { DIM_NODE, EDGE_COLORS, FALLBACK, NODE_COLORS } from './palette.js';
import type { ColorBy, SizeBy } from './state.js';
import type { Lang } from './i18n.js';
import { nodeLabel } from './labels.js';
import { labelLayer } from './label-layer.js';
import { communityColor } from './analysis.js';

export type Renderer = Sigma<ViewNode, ViewEdge>;

/** What the reducers read; the app mutates it, then calls `renderer.refresh()`. */
export interface RenderView {
  visible: Visible;
  sizeBy: SizeBy;
  colorBy?: ColorBy;
  hovered: string | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** The focus and its neighbours (hover wins over selection); null: no focus. */
  focus: Set<string> | null;
  /** Interface language: topic labels are drawn in it. */
  lang: Lang;
}

export const DEFAULT_LABEL_DENSITY = 0.6;

/**
 * The label drawn for a node: topics in the interface's language; a long name by its acronym when the
 * articles use one (an organisation's alias in capitals of 2–8 letters), else cut at a word with "…".
 */
export function drawnLabel(a: ViewNode, lang: Lang): string {
  const label = nodeLabel(a, lang);
  if (label.length <= MAX_LABEL) return label;
  const acronym =
    a.kind === 'organisation'
      ? (a.aliases ?? []).filter((x) => /^[A-Z][A-Z0-9&-]{1,7}$/.test(x)).sort((x, y) => x.length - y.length)[0]
      : undefined;
  if (acronym) return acronym;
  // otherwise cut at a word boundary: the panel and the table give the full name
  const cut = label.slice(0, MAX_LABEL).replace(/[\s,;:’'-]+\S*$/, '');
  return `${cut}…`;
}

/** Longest label drawn on the canvas (characters). */
const MAX_LABEL = 30;

/** Sizes by mentions and degree always; by the other metrics, and communities, once asked for (web/src/analysis.ts). */
export type Sizes = Record<'mentions' | 'degree', Map<string, number>> &
  Partial<Record<SizeBy, Map<string, number>>> & {
    /** Louvain community of each node (src/graph/metrics.ts). */
    community?: Map<string, number>;
  };

/** Disc sizes in pixels at ratio 1: grow with the square root, so hubs do not swallow the graph. */
export function computeSizes(graph: ViewGraph): Sizes {
  const mentions = new Map<string, number>();
  const degree = new Map<string, number>();
  let maxM = 1;
  let maxD = 1;
  graph.forEachNode((key, a) => {
    maxM = Math.max(maxM, a.mentions ?? 1);
    maxD = Math.max(maxD, graph.degree(key));
  });
  const scale = (v: number, max: number) => 3 + 15 * Math.sqrt(Math.max(v, 0) / max);
  graph.forEachNode((key, a) => {
    mentions.set(key, scale(a.mentions ?? 1, maxM));
    degree.set(key, scale(graph.degree(key), maxD));
  });
  return { mentions, degree };
}

export const edgeSize = (weight: number | undefined): number => 1.5 + 1.5 * Math.log2(Math.max(weight ?? 1, 1));

/** The focus set of a node: itself and its neighbours. */
export function neighbourhood(graph: ViewGraph, key: string): Set<string> {
  const s = new Set<string>([key]);
  graph.forEachNeighbor(key, (n) => s.add(n));
  return s;
}

/** Nodes as the view shows them: hidden when filtered out, dimmed outside the focus, labels of the focus forced. */
function nodeReducerFor(view: RenderView, sizes: Sizes) {
  return (node: string, a: ViewNode): Partial<NodeDisplayData> => {
    const selected = node === view.selectedNode;
    if (!view.visible.nodes.has(node) && !selected) return { x: a.x, y: a.y, hidden: true };
    const res: Partial<NodeDisplayData> = {
      x: a.x,
      y: a.y,
      label: drawnLabel(a, view.lang),
      size: (sizes[view.sizeBy] ?? sizes.mentions).get(node) ?? 4,
      color:
        view.colorBy === 'community' ? communityColor(sizes.community?.get(node)) : (NODE_COLORS[a.kind] ?? FALLBACK),
      zIndex: 1,
    };
    if (view.focus) {
      if (view.focus.has(node)) {
        res.forceLabel = true;
        res.zIndex = 2;
        if (node === view.hovered || selected) res.highlighted = true;
      } else {
        res.color = DIM_NODE;
        res.label = null;
        res.zIndex = 0;
      }
    } else if (selected) res.highlighted = true;
    return res;
  };
}

export function createRenderer(
  graph: ViewGraph,
  container: HTMLElement,
  view: RenderView,
  sizes: Sizes,
  labelDensity = DEFAULT_LABEL_DENSITY,
): Renderer {
  const nodeReducer = nodeReducerFor(view, sizes);
  const edgeReducer = (edge: string, a: ViewEdge): Partial<EdgeDisplayData> => {
    const selected = edge === view.selectedEdge;
    if (!view.visible.edges.has(edge) && !selected) return { hidden: true };
    const res: Partial<EdgeDisplayData> = {
      color: EDGE_COLORS[a.kind] ?? FALLBACK,
      size: edgeSize(a.weight),
      zIndex: 1,
    };
    if (a.type) (res as Record<string, unknown>).type = a.type;
    if (a.curvature !== undefined) (res as Record<string, unknown>).curvature = a.curvature;
    if (selected) {
      res.size = (res.size ?? 1) * 2.5;
      res.zIndex = 3;
    } else if (view.focus) {
      const [s, t] = graph.extremities(edge);
      const center = view.hovered ?? view.selectedNode;
      if (center !== null ? s === center || t === center : view.focus.has(s) && view.focus.has(t)) res.zIndex = 2;
      else res.hidden = true;
    }
    return res;
  };
  const labels = labelLayer(graph);
  const renderer = new Sigma<ViewNode, ViewEdge>(graph, container, {
    nodeReducer,
    edgeReducer,
    zIndex: true,
    enableEdgeEvents: graph.size <= 50_000,
    renderEdgeLabels: false,
    defaultEdgeType: 'line',
    edgeProgramClasses: {
      line: EdgeRectangleProgram,
      arrow: EdgeArrowProgram,
      curved: EdgeCurveProgram,
      curvedArrow: EdgeCurvedArrowProgram,
    },
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelRenderedSizeThreshold: 7,
    labelDensity,
    // sigma offers at most one label per cell at the opening zoom; label-layer.ts drops those that would collide
    labelGridCellSize: 80,
    // one wheel notch zooms by 1.3 (sigma's 1.7 made three notches a 5× zoom)
    zoomingRatio: 1.3,
    minCameraRatio: 0.02,
    maxCameraRatio: 20,
    hideEdgesOnMove: graph.size > 50_000,
    stagePadding: 40,
    // sigma picks the candidates (density, size threshold, focus); label-layer.ts places and draws them
    defaultDrawNodeLabel: labels.collect,
    defaultDrawNodeHover: labels.drawHover,
  });
  labels.attach(renderer);
  return renderer;
}
