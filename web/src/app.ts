// The viewer's one state flow (Gephi Lite): `dispatch(action)` computes the next state with the pure
// producers of actions.ts, and `update(next)` derives everything from it, each part only when what
// it reads changed: dataset → filtered (visible sets) → sigma graph (display) and the reducers' view,
// then the panels, then the effects (layout worker, playback timer, camera), then the URL's hash.
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { fa2Settings } from '../../src/graph/layout.js';
import type { ArticleIndex } from './articles.js';
import { reduce, type Action } from './actions.js';
import { ensureMetrics, needsMetrics } from './analysis.js';
import { syncDisplay } from './display.js';
import { effectiveTop, visibleElements, type Visible } from './filter.js';
import type { ViewGraph } from './model.js';
import { DEFAULT_LABEL_DENSITY, neighbourhood, type RenderView, type Renderer, type Sizes } from './render.js';
import type { SearchIndex } from './search.js';
import { FILTER_FIELDS, encodeState, type ViewerState } from './state.js';
import type { Bucket } from './timeline.js';
import {
  applyLanguage,
  buildFilterControls,
  renderButtons,
  renderPanel,
  renderStatus,
  renderTableView,
  renderTimeline,
  syncFilterControls,
} from './views.js';

/** What the server sent, and what is computed from it once. */
export interface Dataset {
  graph: ViewGraph;
  articles: ArticleIndex;
  buckets: Bucket[];
  /** The histogram's months, in order (the period's indices point into it). */
  months: string[];
  /** Number of undated articles (the "sans date" choice). */
  undatedArticles: number;
  /** The server accepts curation decisions (`kunafoni serve --edit`). */
  editable: boolean;
  index: SearchIndex;
}

/** Running processes the state switches on and off. */
interface Effects {
  layout: FA2Layout | null;
  playTimer: number | null;
  urlTimer: number | undefined;
  /** The hash last written (a hashchange to it is our own). */
  lastHash: string;
}

export interface App {
  data: Dataset;
  /** The one state value; replaced, never changed, by `update`. */
  state: ViewerState;
  /** What sigma draws: the visible part of `data.graph`, plus the selection. */
  display: ViewGraph;
  /** What the reducers read, derived from the state by `update`. */
  view: RenderView;
  sizes: Sizes;
  renderer: Renderer;
  effects: Effects;
  /** The state `update` derived from last; null before the first update. */
  derivedFrom: ViewerState | null;
  dispatch(action: Action): void;
  download(name: string, text: string, type: string): void;
  /** Write the URL now and reload the page (after a curation decision). */
  reload(): void;
}

/** The selected node or edge when it exists in the graph. */
export function selected(graph: ViewGraph, s: ViewerState): { node: string | null; edge: string | null } {
  const sel = s.selection;
  return {
    node: sel?.kind === 'node' && graph.hasNode(sel.key) ? sel.key : null,
    edge: sel?.kind === 'edge' && graph.hasEdge(sel.key) ? sel.key : null,
  };
}

/** The visible sets for a state (the selected node centres the ego filter). */
export function visibleFor(graph: ViewGraph, s: ViewerState): Visible {
  return visibleElements(graph, {
    ...s,
    top: effectiveTop(graph.order, s.top),
    center: selected(graph, s).node,
  });
}

const filtersChanged = (a: ViewerState, b: ViewerState) =>
  FILTER_FIELDS.some((f) => a[f] !== b[f]) || a.top !== b.top || a.selection !== b.selection;

/** The hovered node's, else the selected node's neighbourhood; the ends of a selected edge. */
function focusOf(app: App, s: ViewerState): Set<string> | null {
  const { graph } = app.data;
  const sel = selected(graph, s);
  const center = s.ui.hovered ?? sel.node;
  if (center && app.display.hasNode(center)) return neighbourhood(app.display, center);
  if (center && graph.hasNode(center)) return new Set([center]);
  if (sel.edge) return new Set(graph.extremities(sel.edge));
  return null;
}

/** Dataset → filtered → sigma graph and the reducers' view; true when sigma must index again. */
function deriveGraph(app: App, prev: ViewerState | null, next: ViewerState): boolean {
  const { graph } = app.data;
  const before = app.display.order;
  const old = app.view.visible;
  let visible = old;
  if (!prev || filtersChanged(prev, next)) {
    visible = visibleFor(graph, next);
    const sel = selected(graph, next).node;
    syncDisplay(graph, app.display, visible, sel ? [sel] : []);
  }
  if (needsMetrics(next)) ensureMetrics(graph, app.sizes);
  const sel = selected(graph, next);
  const looks = !prev || prev.sizeBy !== next.sizeBy || prev.colorBy !== next.colorBy || prev.lang !== next.lang;
  Object.assign(app.view, {
    visible,
    sizeBy: next.sizeBy,
    colorBy: next.colorBy ?? 'kind',
    hovered: next.ui.hovered,
    selectedNode: sel.node,
    selectedEdge: sel.edge,
    focus: focusOf(app, next),
    lang: next.lang,
  } satisfies RenderView);
  if (!prev || prev.labels !== next.labels)
    app.renderer.setSetting('labelDensity', next.labels ?? DEFAULT_LABEL_DENSITY);
  return looks || visible !== old || app.display.order !== before;
}

/** The DOM parts whose inputs changed. */
function renderViews(app: App, prev: ViewerState | null, next: ViewerState, visibleChanged: boolean): void {
  const langChanged = !prev || prev.lang !== next.lang;
  if (langChanged) applyLanguage(next.lang);
  // the options' labels are in the language; `top` lists the current choice among them
  if (langChanged || prev!.top !== next.top) buildFilterControls(app);
  const ui = (k: keyof ViewerState['ui']) => !prev || prev.ui[k] !== next.ui[k];
  if (langChanged || filtersChanged(prev!, next) || prev!.sizeBy !== next.sizeBy || prev!.colorBy !== next.colorBy)
    syncFilterControls(app);
  if (langChanged || visibleChanged) renderStatus(app);
  if (langChanged || prev!.from !== next.from || prev!.to !== next.to || prev!.undated !== next.undated)
    renderTimeline(app);
  if (langChanged || visibleChanged || prev!.selection !== next.selection) renderPanel(app);
  if (langChanged || visibleChanged || ui('table')) renderTableView(app);
  if (langChanged || ui('layoutRunning') || ui('playing')) renderButtons(app);
}

/** Start or stop ForceAtlas2 (in its worker) as the state says; a new `top` needs a new layout. */
function runLayout(app: App, prev: ViewerState | null, next: ViewerState): void {
  const fx = app.effects;
  if (prev && prev.top !== next.top && fx.layout) {
    fx.layout.kill();
    fx.layout = null;
  }
  if (next.ui.layoutRunning) {
    fx.layout ??= new FA2Layout(app.display, { settings: fa2Settings(app.display.order), getEdgeWeight: 'weight' });
    if (!fx.layout.isRunning()) fx.layout.start();
  } else if (fx.layout?.isRunning()) fx.layout.stop();
}

function runPlayback(app: App, next: ViewerState): void {
  const fx = app.effects;
  if (next.ui.playing && fx.playTimer === null) {
    const months = app.data.months;
    const every = Math.max(150, Math.min(700, 12_000 / months.length));
    fx.playTimer = window.setInterval(() => app.dispatch({ type: 'playStep', months }), every);
  } else if (!next.ui.playing && fx.playTimer !== null) {
    window.clearInterval(fx.playTimer);
    fx.playTimer = null;
  }
}

/** The camera follows the state when the state moved it (a link); sigma's own moves are already in it. */
function runCamera(app: App, next: ViewerState): void {
  if (!next.camera) return;
  const camera = app.renderer.getCamera();
  const now = camera.getState();
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-4 * Math.max(1, Math.abs(b));
  if (near(now.x, next.camera.x) && near(now.y, next.camera.y) && near(now.ratio, next.camera.ratio)) return;
  camera.setState(next.camera);
}

export function writeUrl(app: App): void {
  window.clearTimeout(app.effects.urlTimer);
  const hash = encodeState(app.state);
  if (hash === app.effects.lastHash) return;
  app.effects.lastHash = hash;
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

function scheduleUrl(app: App): void {
  window.clearTimeout(app.effects.urlTimer);
  app.effects.urlTimer = window.setTimeout(() => writeUrl(app), 200);
}

/** Make everything on screen follow `next`. */
export function update(app: App, next: ViewerState): void {
  const prev = app.derivedFrom;
  if (prev === next) return;
  const visibleBefore = prev ? app.view.visible : null;
  app.state = next;
  app.derivedFrom = next;
  const reindex = deriveGraph(app, prev, next);
  // a camera move alone is drawn by sigma itself
  if (!prev || reindex || prev.ui.hovered !== next.ui.hovered || prev.selection !== next.selection)
    app.renderer.refresh({ skipIndexation: !reindex });
  renderViews(app, prev, next, app.view.visible !== visibleBefore);
  runLayout(app, prev, next);
  runPlayback(app, next);
  runCamera(app, next);
  scheduleUrl(app);
}

/** Bring a node into view: zoom in only where there is a crowd to zoom through. */
function centreOn(app: App, key: string): void {
  const d = app.renderer.getNodeDisplayData(key);
  if (!d) return;
  const cam = app.renderer.getCamera();
  const ratio = app.display.order > 200 ? Math.min(cam.getState().ratio, 0.35) : cam.getState().ratio;
  cam.animate({ x: d.x, y: d.y, ratio }, { duration: 400 });
}

/** The one way the state changes: the producer's result, then `update`, then a centring the action asked for. */
export function dispatch(app: App, action: Action): void {
  update(app, reduce(app.state, action));
  const node = selected(app.data.graph, app.state).node;
  const centre =
    (action.type === 'select' && action.centre) || (action.type === 'url' && !action.state.camera && node !== null);
  if (centre && node) centreOn(app, node);
}
