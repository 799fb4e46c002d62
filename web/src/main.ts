// The viewer: dataset (/api/graph, /api/articles) → filtered view (filters, period) → visual
// attributes (reducers) → sigma. One state value (state.ts), changed only through `app.dispatch`
// (the producers of actions.ts); app.ts derives the graph, the panels and the URL's hash from it.
// The handlers below only translate DOM events into actions.
import './style.css';
import { downloadAsPNG } from '@sigma/export-image';
import type { SerializedGraph } from 'graphology-types';
import { indexArticles } from './articles.js';
import { append, clear, el, must } from './dom.js';
import { emptyDisplay, syncDisplay } from './display.js';
import { visibleGexf } from './gexf.js';
import { NODE_KIND_LABELS, STRINGS, type Lang } from './i18n.js';
import { assignEdgePrograms, loadGraph, type ArticleMeta, type ViewGraph } from './model.js';
import { NODE_COLORS } from './palette.js';
import { curationEditable } from './curation.js';
import { computeSizes, createRenderer, type RenderView } from './render.js';
import { buildIndex, type Hit } from './search.js';
import { decodeState, type ColorBy, type SizeBy, type ViewerState } from './state.js';
import { monthlyHistogram } from './timeline.js';
import { dispatch, update, visibleFor, writeUrl, type App, type Dataset } from './app.js';
import { applyLanguage, strings, swatch } from './views.js';

// ——— search —————————————————————————————————————————————————————————————————————

/** The suggestions under the search box (their own list state: what was typed, which is active). */
function setupSearch(app: App): void {
  const input = must<HTMLInputElement>('#search');
  const list = must<HTMLUListElement>('#suggestions');
  let hits: Hit[] = [];
  let active = -1;
  const find = () => (hits = app.data.index.search(input.value, app.state.lang));
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const pick = (hit: Hit | undefined) => {
    if (!hit) return;
    input.value = hit.label;
    close();
    app.dispatch({ type: 'select', selection: { kind: 'node', key: hit.key }, centre: true });
  };
  const item = (h: Hit, i: number) => {
    const li = el(
      'li',
      { role: 'option', id: `sugg-${i}`, 'aria-selected': i === active ? 'true' : 'false', 'data-node': h.key },
      swatch(NODE_COLORS[h.kind]),
      el('span', { class: 'sugg-label' }, h.label),
      h.via ? el('span', { class: 'via' }, h.via) : null,
      el('span', { class: 'sugg-kind' }, NODE_KIND_LABELS[app.state.lang][h.kind]),
    );
    li.addEventListener('mousedown', (e) => {
      e.preventDefault(); // keep the focus in the input
      pick(h);
    });
    return li;
  };
  const draw = () => {
    clear(list);
    if (!input.value.trim()) return close();
    if (!hits.length)
      list.appendChild(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, strings(app).noMatch));
    hits.forEach((h, i) => list.appendChild(item(h, i)));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `sugg-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    find();
    active = -1;
    draw();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length;
      draw();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!hits.length) find();
      pick(hits[active >= 0 ? active : 0]);
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
}

// ——— controls ———————————————————————————————————————————————————————————————————

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The visible graph as GEXF, the nodes sized as drawn. */
function exportGexf(app: App): void {
  const sizes = app.sizes[app.state.sizeBy] ?? app.sizes.mentions;
  const xml = visibleGexf(app.data.graph, app.view.visible, (k) => sizes.get(k) ?? 4);
  download('kunafoni.gexf', xml, 'application/xml');
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
const checked = (e: Event) => (e.target as HTMLInputElement).checked;

/** Every control of the page becomes an action. */
function setupControls(app: App): void {
  const on = (selector: string, event: string, handler: (e: Event) => void) =>
    must(selector).addEventListener(event, handler);
  const d = app.dispatch;
  on('#layout', 'click', () => d({ type: 'toggleLayout' }));
  on('#export-gexf', 'click', () => exportGexf(app));
  on('#export-png', 'click', () => {
    const renderer = app.renderer as unknown as Parameters<typeof downloadAsPNG>[0];
    void downloadAsPNG(renderer, { fileName: 'kunafoni', backgroundColor: '#ffffff' });
  });
  on('#lang', 'click', () => d({ type: 'toggleLang' }));
  on('#verified-only', 'change', (e) => d({ type: 'filter', patch: { verifiedOnly: checked(e) } }));
  on('#undated', 'change', (e) => d({ type: 'filter', patch: { undated: checked(e) } }));
  on('#hide-isolated', 'change', (e) => d({ type: 'filter', patch: { hideIsolated: checked(e) } }));
  on('#min-confidence', 'input', (e) => d({ type: 'filter', patch: { minConfidence: Number(value(e)) } }));
  on('#ego-depth', 'change', (e) => d({ type: 'filter', patch: { egoDepth: Number(value(e)) } }));
  on('#min-sources', 'change', (e) => d({ type: 'filter', patch: { minSources: Number(value(e)) } }));
  on('#label-density', 'input', (e) => d({ type: 'labels', density: Number(value(e)) }));
  on('#table-open', 'click', () => d({ type: 'table', patch: { open: !app.state.ui.table.open } }));
  on('#top', 'change', (e) => d({ type: 'top', top: Number(value(e)) }));
  on('#size-by', 'change', (e) => d({ type: 'sizeBy', sizeBy: value(e) as SizeBy }));
  on('#color-by', 'change', (e) => d({ type: 'colorBy', colorBy: value(e) as ColorBy }));
  const months = app.data.months;
  const period = () => ({
    from: Number(must<HTMLInputElement>('#period-from').value),
    to: Number(must<HTMLInputElement>('#period-to').value),
  });
  on('#period-from', 'input', () => d({ type: 'period', months, ...period() }));
  on('#period-to', 'input', () => d({ type: 'period', months, ...period() }));
  on('#play', 'click', () => d({ type: 'play', months }));
  on('#reset', 'click', () => d({ type: 'reset' }));
  on('#panel-close', 'click', () => d({ type: 'select', selection: null }));
  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') === app.effects.lastHash) return;
    d({ type: 'url', state: decodeState(location.hash) });
  });
  window.addEventListener('beforeunload', () => app.effects.layout?.kill());
}

function setupRendererEvents(app: App): void {
  const r = app.renderer;
  const container = must('#graph');
  r.on('enterNode', ({ node }) => {
    container.classList.add('pointer');
    app.dispatch({ type: 'hover', node });
  });
  r.on('leaveNode', () => {
    container.classList.remove('pointer');
    app.dispatch({ type: 'hover', node: null });
  });
  r.on('enterEdge', () => container.classList.add('pointer'));
  r.on('leaveEdge', () => container.classList.remove('pointer'));
  r.on('clickNode', ({ node }) => app.dispatch({ type: 'select', selection: { kind: 'node', key: node } }));
  r.on('clickEdge', ({ edge }) => app.dispatch({ type: 'select', selection: { kind: 'edge', key: edge } }));
  r.on('clickStage', () => app.dispatch({ type: 'select', selection: null }));
  r.getCamera().on('updated', (c) => app.dispatch({ type: 'camera', camera: { x: c.x, y: c.y, ratio: c.ratio } }));
}

// ——— boot ——————————————————————————————————————————————————————————————————————————

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${path}: HTTP ${res.status}`);
  return body;
}

function fail(message: string, lang: Lang): void {
  const box = must('#message');
  clear(box);
  append(box, el('strong', {}, STRINGS[lang].loadError), el('p', {}, message));
  box.hidden = false;
  document.body.dataset.state = 'error';
}

function dataset(graph: ViewGraph, articleList: ArticleMeta[], editable: boolean): Dataset {
  const buckets = monthlyHistogram(articleList);
  return {
    graph,
    articles: indexArticles(articleList),
    buckets,
    months: buckets.map((b) => b.month),
    undatedArticles: articleList.filter((a) => !a.date).length,
    editable,
    index: buildIndex(graph),
  };
}

/** The app around a first derivation of the display graph (sigma is sized on it). */
function createApp(data: Dataset, state: ViewerState): App {
  const display = emptyDisplay();
  const view: RenderView = {
    visible: visibleFor(data.graph, state),
    sizeBy: state.sizeBy,
    hovered: null,
    selectedNode: null,
    selectedEdge: null,
    focus: null,
    lang: state.lang,
  };
  syncDisplay(data.graph, display, view.visible);
  const sizes = computeSizes(data.graph);
  const renderer = createRenderer(display, must('#graph'), view, sizes, state.labels);
  const app: App = {
    data,
    state,
    display,
    view,
    sizes,
    renderer,
    effects: { layout: null, playTimer: null, urlTimer: undefined, lastHash: '' },
    derivedFrom: null,
    dispatch: (action) => dispatch(app, action),
    download,
    reload: () => {
      writeUrl(app);
      location.reload();
    },
  };
  return app;
}

async function boot(): Promise<void> {
  const state = decodeState(location.hash);
  applyLanguage(state.lang);
  document.body.dataset.state = 'loading';
  let data: SerializedGraph;
  let articleList: ArticleMeta[];
  let editable: boolean;
  try {
    [data, articleList, editable] = await Promise.all([
      fetchJson<SerializedGraph>('api/graph'),
      fetchJson<ArticleMeta[]>('api/articles'),
      curationEditable(),
    ]);
  } catch (err) {
    return fail(err instanceof Error ? err.message : String(err), state.lang);
  }
  const graph = loadGraph(data);
  assignEdgePrograms(graph);
  const t0 = performance.now();
  const app = createApp(dataset(graph, articleList, editable), state);
  app.renderer.once('afterRender', () => {
    performance.mark('kunafoni:first-render');
    performance.measure('kunafoni:renderer', { start: t0, end: performance.now() });
  });
  if (graph.order === 0) {
    const box = must('#message');
    box.textContent = strings(app).empty;
    box.hidden = false;
  }
  setupSearch(app);
  setupControls(app);
  setupRendererEvents(app);
  // the first state as a link gives it: everything derived, the camera or a centring on the selection
  update(app, { ...state, camera: undefined });
  app.dispatch({ type: 'url', state });
  // ready once the frame with everything above has been drawn
  requestAnimationFrame(() => requestAnimationFrame(() => (document.body.dataset.state = 'ready')));
}

void boot();
