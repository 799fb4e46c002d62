// The viewer: dataset (/api/graph, /api/articles) → filtered view (filters, period) → visual
// attributes (reducers) → sigma. The view's state lives in the URL's hash.
import './style.css';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { downloadAsPNG } from '@sigma/export-image';
import type { SerializedGraph } from 'graphology-types';
import { fa2Settings } from '../../src/graph/layout.js';
import { indexArticles, type ArticleIndex } from './articles.js';
import { append, clear, el, must } from './dom.js';
import { visibleElements, effectiveTop } from './filter.js';
import { emptyDisplay, syncDisplay } from './display.js';
import { visibleGexf } from './gexf.js';
import { renderTable, type TableView } from './table.js';
import { NODE_KIND_LABELS, RELATION_NAMES, STRINGS, formatDate, type Lang, type Strings } from './i18n.js';
import {
  NODE_KINDS,
  RELATION_KINDS,
  assignEdgePrograms,
  loadGraph,
  type ArticleMeta,
  type NodeKind,
  type RelationKind,
  type ViewGraph,
} from './model.js';
import { EDGE_COLORS, NODE_COLORS } from './palette.js';
import { renderEdgePanel, renderNodePanel } from './panel.js';
import { curationEditable, edgeActions, nodeActions, verifiedBadge } from './curation.js';
import { analysisSections, ensureMetrics, needsMetrics } from './analysis.js';
import {
  DEFAULT_LABEL_DENSITY,
  computeSizes,
  createRenderer,
  neighbourhood,
  type RenderView,
  type Renderer,
  type Sizes,
} from './render.js';
import { buildIndex, type Hit, type SearchIndex } from './search.js';
import { decodeState, encodeState, type SizeBy, type ViewState } from './state.js';
import { monthlyHistogram, type Bucket } from './timeline.js';

interface App {
  /** Everything the server sent. */
  graph: ViewGraph;
  /** What sigma draws: the visible part of `graph`. */
  display: ViewGraph;
  articles: ArticleIndex;
  state: ViewState;
  view: RenderView;
  sizes: Sizes;
  renderer: Renderer;
  index: SearchIndex;
  buckets: Bucket[];
  layout: FA2Layout | null;
  playTimer: number | null;
  /** The server accepts curation decisions (`kunafoni serve --edit`). */
  editable: boolean;
  /** Number of undated articles (the "sans date" choice). */
  undatedArticles: number;
  /** The table of entities and relations: open or not, tab, sort, filter. */
  table: TableView & { open: boolean };
}

const ui = {
  status: () => must('#status'),
  panel: () => must('#panel'),
  panelBody: () => must('#panel-body'),
  search: () => must<HTMLInputElement>('#search'),
  suggestions: () => must<HTMLUListElement>('#suggestions'),
};

const S = (app: { state: ViewState }): Strings => STRINGS[app.state.lang];

function swatch(color: string): HTMLSpanElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = color;
  return s;
}

// ——— static texts ————————————————————————————————————————————————————————————————

function applyLanguage(lang: Lang): void {
  const t = STRINGS[lang] as unknown as Record<string, unknown>;
  document.documentElement.lang = lang;
  document.title = String(t.title);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]'))
    node.textContent = String(t[node.dataset.i18n!] ?? node.textContent);
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-title]'))
    node.title = String(t[node.dataset.i18nTitle!] ?? '');
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-aria]'))
    node.setAttribute('aria-label', String(t[node.dataset.i18nAria!] ?? ''));
  for (const node of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]'))
    node.placeholder = String(t[node.dataset.i18nPlaceholder!] ?? '');
}

// ——— URL ——————————————————————————————————————————————————————————————————————————

let lastHash = '';
function writeUrl(app: App): void {
  const cam = app.renderer.getCamera().getState();
  app.state.camera = { x: cam.x, y: cam.y, ratio: cam.ratio };
  const hash = encodeState(app.state);
  if (hash === lastHash) return;
  lastHash = hash;
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

let urlTimer: number | undefined;
const scheduleUrl = (app: App) => {
  window.clearTimeout(urlTimer);
  urlTimer = window.setTimeout(() => writeUrl(app), 200);
};

// ——— filters and view ————————————————————————————————————————————————————————————

function updateFocus(app: App): void {
  const { view, graph } = app;
  const center = view.hovered ?? view.selectedNode;
  if (center && app.display.hasNode(center)) view.focus = neighbourhood(app.display, center);
  else if (center && graph.hasNode(center)) view.focus = new Set([center]);
  else if (view.selectedEdge && graph.hasEdge(view.selectedEdge))
    view.focus = new Set(graph.extremities(view.selectedEdge));
  else view.focus = null;
}

/** Filters → visible sets → the display graph sigma draws (the selection always stays in). */
function syncView(app: App): void {
  app.view.visible = visibleElements(app.graph, {
    ...app.state,
    top: effectiveTop(app.graph.order, app.state.top),
    center: app.view.selectedNode,
  });
  syncDisplay(app.graph, app.display, app.view.visible, app.view.selectedNode ? [app.view.selectedNode] : []);
  updateFocus(app);
}

function refilter(app: App): void {
  syncView(app);
  app.view.sizeBy = app.state.sizeBy;
  app.view.colorBy = app.state.colorBy ?? 'kind';
  app.renderer.refresh();
  renderStatus(app);
  renderPanel(app);
  renderTimeline(app);
  renderTableView(app);
  scheduleUrl(app);
}

function renderTableView(app: App): void {
  const box = must('#table-view');
  box.hidden = !app.table.open;
  must('#table-open').setAttribute('aria-pressed', String(app.table.open));
  if (!app.table.open) return;
  renderTable(box, {
    graph: app.graph,
    visible: app.view.visible,
    lang: app.state.lang,
    view: app.table,
    redraw: () => renderTableView(app),
    select: (sel) => select(app, sel, sel.kind === 'node'),
    download,
  });
}

function renderStatus(app: App): void {
  ui.status().textContent = S(app).shown(app.view.visible.nodes.size, app.view.visible.edges.size, app.graph.order);
}

function kindCounts<K extends string>(keys: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function renderFilters(app: App): void {
  const lang = app.state.lang;
  const nodeBox = must('#node-kinds');
  const edgeBox = must('#edge-kinds');
  clear(nodeBox);
  clear(edgeBox);
  const nCounts = kindCounts(app.graph.mapNodes((_k, a) => a.kind));
  const eCounts = kindCounts(app.graph.mapEdges((_k, a) => a.kind));
  const row = <K extends string>(
    kind: K,
    label: string,
    color: string,
    count: number,
    hidden: Set<K>,
    name: string,
  ) => {
    const input = el('input', { type: 'checkbox', name, value: kind, checked: !hidden.has(kind) });
    input.addEventListener('change', () => {
      if (input.checked) hidden.delete(kind);
      else hidden.add(kind);
      refilter(app);
    });
    return el(
      'label',
      { class: 'legend-row' },
      input,
      swatch(color),
      el('span', {}, label),
      el('span', { class: 'count' }, String(count)),
    );
  };
  for (const k of NODE_KINDS) {
    if (!nCounts.get(k)) continue;
    nodeBox.appendChild(
      row<NodeKind>(
        k,
        NODE_KIND_LABELS[lang][k],
        NODE_COLORS[k],
        nCounts.get(k)!,
        app.state.hiddenNodeKinds,
        'node-kind',
      ),
    );
  }
  for (const k of RELATION_KINDS) {
    if (!eCounts.get(k)) continue;
    edgeBox.appendChild(
      row<RelationKind>(
        k,
        RELATION_NAMES[lang][k],
        EDGE_COLORS[k],
        eCounts.get(k)!,
        app.state.hiddenEdgeKinds,
        'edge-kind',
      ),
    );
  }
  const min = must<HTMLInputElement>('#min-sources');
  min.value = String(app.state.minSources);
  must<HTMLInputElement>('#verified-only').checked = app.state.verifiedOnly === true;
  must<HTMLInputElement>('#undated').checked = app.state.undated;
  must('#undated-count').textContent = S(app).undatedCount(app.undatedArticles);
  must<HTMLInputElement>('#hide-isolated').checked = app.state.hideIsolated === true;
  must<HTMLInputElement>('#min-confidence').value = String(app.state.minConfidence ?? 0);
  must('#min-confidence-value').textContent = (app.state.minConfidence ?? 0).toFixed(2);
  const depth = must<HTMLSelectElement>('#ego-depth');
  clear(depth);
  for (const n of [0, 1, 2, 3])
    depth.appendChild(
      el(
        'option',
        { value: String(n), selected: (app.state.egoDepth ?? 0) === n },
        n ? S(app).egoSteps(n) : S(app).egoAll,
      ),
    );
  must<HTMLInputElement>('#label-density').value = String(app.state.labels ?? DEFAULT_LABEL_DENSITY);
  const size = must<HTMLSelectElement>('#size-by');
  size.value = app.state.sizeBy;
  must<HTMLSelectElement>('#color-by').value = app.state.colorBy ?? 'kind';
  const top = must<HTMLSelectElement>('#top');
  const current = effectiveTop(app.graph.order, app.state.top);
  clear(top);
  const choices = [
    ...new Set([500, 1000, 2500, 5000, 10000, current].filter((n) => n > 0 && n < app.graph.order)),
  ].sort((a, b) => a - b);
  for (const n of choices) top.appendChild(el('option', { value: String(n), selected: n === current }, S(app).topN(n)));
  top.appendChild(el('option', { value: '0', selected: current === 0 }, S(app).topAll(app.graph.order)));
  must('#top-row').hidden = app.graph.order <= 500;
}

// ——— timeline ————————————————————————————————————————————————————————————————————

function renderTimeline(app: App): void {
  const hist = must('#histogram');
  const from = must<HTMLInputElement>('#period-from');
  const to = must<HTMLInputElement>('#period-to');
  const label = must('#period-label');
  const box = must('#timeline');
  const b = app.buckets;
  box.hidden = b.length === 0;
  if (!b.length) return;
  const max = Math.max(...b.map((x) => x.count), 1);
  const fromI = app.state.from
    ? Math.max(
        0,
        b.findIndex((x) => x.month >= app.state.from!),
      )
    : 0;
  let toI = app.state.to ? b.findIndex((x) => x.month > app.state.to!) - 1 : b.length - 1;
  if (toI < -1 || toI >= b.length) toI = b.length - 1;
  if (app.state.to && b.every((x) => x.month <= app.state.to!)) toI = b.length - 1;
  clear(hist);
  b.forEach((bucket, i) => {
    const bar = el('div', {
      class: i >= fromI && i <= toI ? 'bar in' : 'bar',
      title: `${bucket.month}: ${bucket.count}`,
    });
    bar.style.height = `${Math.max(bucket.count ? 8 : 0, (bucket.count / max) * 100)}%`;
    hist.appendChild(bar);
  });
  for (const input of [from, to]) {
    input.min = '0';
    input.max = String(b.length - 1);
  }
  from.value = String(fromI);
  to.value = String(Math.max(toI, 0));
  label.textContent =
    `${formatDate(b[fromI]?.month, app.state.lang)} → ${formatDate(b[Math.max(toI, 0)]?.month, app.state.lang)}` +
    (app.undatedArticles ? (app.state.undated ? ` + ${S(app).undated}` : '') : '');
}

function setPeriod(app: App, fromI: number, toI: number): void {
  const b = app.buckets;
  if (!b.length) return;
  if (fromI > toI) [fromI, toI] = [toI, fromI];
  if (fromI <= 0) delete app.state.from;
  else app.state.from = b[fromI]!.month;
  if (toI >= b.length - 1) delete app.state.to;
  else app.state.to = b[toI]!.month;
  refilter(app);
}

function stopPlay(app: App): void {
  if (app.playTimer !== null) window.clearInterval(app.playTimer);
  app.playTimer = null;
  must('#play').textContent = S(app).play;
}

function togglePlay(app: App): void {
  if (app.playTimer !== null) return stopPlay(app);
  const b = app.buckets;
  if (b.length < 2) return;
  const fromI = Number(must<HTMLInputElement>('#period-from').value);
  let toI = Number(must<HTMLInputElement>('#period-to').value);
  if (toI >= b.length - 1) toI = fromI; // start again from the beginning of the period
  setPeriod(app, fromI, toI);
  must('#play').textContent = S(app).pause;
  app.playTimer = window.setInterval(
    () => {
      toI++;
      setPeriod(app, fromI, Math.min(toI, b.length - 1));
      if (toI >= b.length - 1) stopPlay(app);
    },
    Math.max(150, Math.min(700, 12_000 / b.length)),
  );
}

// ——— selection and panel ———————————————————————————————————————————————————————

function renderPanel(app: App): void {
  const panel = ui.panel();
  const body = ui.panelBody();
  const sel = app.state.selection;
  const ctx = {
    graph: app.graph,
    articles: app.articles,
    lang: app.state.lang,
    visibleEdges: app.view.visible.edges,
    select: (s: { kind: 'node' | 'edge'; key: string }) => select(app, s, s.kind === 'node'),
  };
  const curation = {
    graph: app.graph,
    lang: app.state.lang,
    search: (q: string) => app.index.search(q, 9),
    reload: () => {
      writeUrl(app);
      location.reload();
    },
  };
  if (sel?.kind === 'node' && app.graph.hasNode(sel.key)) {
    renderNodePanel(body, sel.key, ctx);
    for (const section of analysisSections(sel.key, ctx)) body.insertBefore(section, body.querySelector(':scope > h3'));
    if (app.editable) body.insertBefore(nodeActions(sel.key, curation), body.children[2] ?? null);
  } else if (sel?.kind === 'edge' && app.graph.hasEdge(sel.key)) {
    renderEdgePanel(body, sel.key, ctx);
    const badge = verifiedBadge(sel.key, curation);
    if (badge) body.insertBefore(badge, body.children[1] ?? null);
    if (app.editable) body.insertBefore(edgeActions(sel.key, curation), body.children[2] ?? null);
  } else {
    clear(body);
    append(body, el('p', { class: 'hint' }, S(app).noSelection));
    panel.dataset.empty = 'true';
    return;
  }
  delete panel.dataset.empty;
  body.scrollTop = 0;
}

function centreOn(app: App, key: string): void {
  const d = app.renderer.getNodeDisplayData(key);
  if (!d) return;
  const cam = app.renderer.getCamera();
  // zoom in only where there is a crowd to zoom through; a small graph stays whole on screen
  const ratio = app.display.order > 200 ? Math.min(cam.getState().ratio, 0.35) : cam.getState().ratio;
  cam.animate({ x: d.x, y: d.y, ratio }, { duration: 400 });
}

function select(app: App, sel: ViewState['selection'], centre = false): void {
  app.state.selection = sel;
  app.view.selectedNode = sel?.kind === 'node' && app.graph.hasNode(sel.key) ? sel.key : null;
  app.view.selectedEdge = sel?.kind === 'edge' && app.graph.hasEdge(sel.key) ? sel.key : null;
  const before = app.display.order;
  syncView(app);
  app.renderer.refresh({ skipIndexation: app.display.order === before });
  renderPanel(app);
  if (centre && app.view.selectedNode) centreOn(app, app.view.selectedNode);
  scheduleUrl(app);
}

// ——— search —————————————————————————————————————————————————————————————————————

function setupSearch(app: App): void {
  const input = ui.search();
  const list = ui.suggestions();
  let hits: Hit[] = [];
  let active = -1;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const pick = (hit: Hit | undefined) => {
    if (!hit) return;
    input.value = hit.label;
    close();
    select(app, { kind: 'node', key: hit.key }, true);
  };
  const draw = () => {
    clear(list);
    if (!input.value.trim()) return close();
    if (!hits.length)
      list.appendChild(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, S(app).noMatch));
    hits.forEach((h, i) => {
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
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `sugg-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  input.addEventListener('input', () => {
    hits = app.index.search(input.value);
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
      if (!hits.length) hits = app.index.search(input.value);
      pick(hits[active >= 0 ? active : 0]);
    } else if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
}

// ——— layout, export, language ————————————————————————————————————————————————————

function toggleLayout(app: App): void {
  const btn = must('#layout');
  if (app.layout?.isRunning()) {
    app.layout.stop();
    btn.textContent = S(app).layoutStart;
    btn.setAttribute('aria-pressed', 'false');
    return;
  }
  if (!app.layout) {
    app.layout = new FA2Layout(app.display, { settings: fa2Settings(app.display.order), getEdgeWeight: 'weight' });
  }
  app.layout.start();
  btn.textContent = S(app).layoutStop;
  btn.setAttribute('aria-pressed', 'true');
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function setupControls(app: App): void {
  must('#layout').addEventListener('click', () => toggleLayout(app));
  must('#export-gexf').addEventListener('click', () => {
    const sizes = app.sizes[app.state.sizeBy] ?? app.sizes.mentions;
    download(
      'kunafoni.gexf',
      visibleGexf(app.graph, app.view.visible, (k) => sizes.get(k) ?? 4),
      'application/xml',
    );
  });
  must('#export-png').addEventListener('click', () => {
    void downloadAsPNG(app.renderer as unknown as Parameters<typeof downloadAsPNG>[0], {
      fileName: 'kunafoni',
      backgroundColor: '#ffffff',
    });
  });
  must('#lang').addEventListener('click', () => {
    app.state.lang = app.state.lang === 'fr' ? 'en' : 'fr';
    applyLanguage(app.state.lang);
    renderFilters(app);
    renderTimeline(app);
    renderPanel(app);
    renderStatus(app);
    renderTableView(app);
    app.view.lang = app.state.lang;
    app.renderer.refresh();
    stopPlay(app);
    must('#layout').textContent = app.layout?.isRunning() ? S(app).layoutStop : S(app).layoutStart;
    scheduleUrl(app);
  });
  must<HTMLInputElement>('#verified-only').addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).checked) app.state.verifiedOnly = true;
    else delete app.state.verifiedOnly;
    refilter(app);
  });
  const toggle = (id: string, set: (on: boolean) => void) =>
    must<HTMLInputElement>(id).addEventListener('change', (e) => {
      set((e.target as HTMLInputElement).checked);
      refilter(app);
    });
  toggle('#undated', (on) => (app.state.undated = on));
  toggle('#hide-isolated', (on) => (on ? (app.state.hideIsolated = true) : delete app.state.hideIsolated));
  must<HTMLInputElement>('#min-confidence').addEventListener('input', (e) => {
    const v = Number((e.target as HTMLInputElement).value) || 0;
    if (v > 0) app.state.minConfidence = v;
    else delete app.state.minConfidence;
    must('#min-confidence-value').textContent = v.toFixed(2);
    refilter(app);
  });
  must<HTMLSelectElement>('#ego-depth').addEventListener('change', (e) => {
    const v = Number((e.target as HTMLSelectElement).value) || 0;
    if (v > 0) app.state.egoDepth = v;
    else delete app.state.egoDepth;
    refilter(app);
  });
  must<HTMLInputElement>('#label-density').addEventListener('input', (e) => {
    app.state.labels = Number((e.target as HTMLInputElement).value);
    app.renderer.setSetting('labelDensity', app.state.labels);
    scheduleUrl(app);
  });
  must('#table-open').addEventListener('click', () => {
    app.table.open = !app.table.open;
    renderTableView(app);
  });
  must<HTMLInputElement>('#min-sources').addEventListener('change', (e) => {
    const v = Math.max(1, Math.floor(Number((e.target as HTMLInputElement).value) || 1));
    app.state.minSources = v;
    refilter(app);
  });
  must<HTMLSelectElement>('#top').addEventListener('change', (e) => {
    app.state.top = Number((e.target as HTMLSelectElement).value);
    if (app.layout) {
      app.layout.kill();
      app.layout = null;
      must('#layout').textContent = S(app).layoutStart;
      must('#layout').setAttribute('aria-pressed', 'false');
    }
    refilter(app);
  });
  must<HTMLSelectElement>('#size-by').addEventListener('change', (e) => {
    app.state.sizeBy = (e.target as HTMLSelectElement).value as SizeBy;
    if (needsMetrics(app.state)) ensureMetrics(app.graph, app.sizes);
    refilter(app);
  });
  must<HTMLSelectElement>('#color-by').addEventListener('change', (e) => {
    if ((e.target as HTMLSelectElement).value === 'community') app.state.colorBy = 'community';
    else delete app.state.colorBy;
    if (needsMetrics(app.state)) ensureMetrics(app.graph, app.sizes);
    refilter(app);
  });
  const from = must<HTMLInputElement>('#period-from');
  const to = must<HTMLInputElement>('#period-to');
  const onRange = () => {
    stopPlay(app);
    setPeriod(app, Number(from.value), Number(to.value));
  };
  from.addEventListener('input', onRange);
  to.addEventListener('input', onRange);
  must('#play').addEventListener('click', () => togglePlay(app));
  must('#reset').addEventListener('click', () => {
    stopPlay(app);
    app.state.hiddenNodeKinds.clear();
    app.state.hiddenEdgeKinds.clear();
    app.state.minSources = 1;
    delete app.state.verifiedOnly;
    delete app.state.from;
    delete app.state.to;
    delete app.state.hideIsolated;
    delete app.state.minConfidence;
    delete app.state.egoDepth;
    app.state.undated = true;
    renderFilters(app);
    refilter(app);
  });
  must('#panel-close').addEventListener('click', () => select(app, null));
  window.addEventListener('hashchange', () => {
    if (location.hash.replace(/^#/, '') === lastHash) return;
    const next = decodeState(location.hash);
    const langChanged = next.lang !== app.state.lang;
    Object.assign(app.state, next);
    if (langChanged) applyLanguage(app.state.lang);
    renderFilters(app);
    if (next.camera) app.renderer.getCamera().setState(next.camera);
    select(app, next.selection, !next.camera);
    refilter(app);
  });
}

function setupRendererEvents(app: App): void {
  const r = app.renderer;
  const container = must('#graph');
  r.on('enterNode', ({ node }) => {
    app.view.hovered = node;
    updateFocus(app);
    container.classList.add('pointer');
    r.refresh({ skipIndexation: true });
  });
  r.on('leaveNode', () => {
    app.view.hovered = null;
    updateFocus(app);
    container.classList.remove('pointer');
    r.refresh({ skipIndexation: true });
  });
  r.on('enterEdge', () => container.classList.add('pointer'));
  r.on('leaveEdge', () => container.classList.remove('pointer'));
  r.on('clickNode', ({ node }) => select(app, { kind: 'node', key: node }));
  r.on('clickEdge', ({ edge }) => select(app, { kind: 'edge', key: edge }));
  r.on('clickStage', () => select(app, null));
  r.getCamera().on('updated', () => scheduleUrl(app));
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
  const view: RenderView = {
    visible: visibleElements(graph, { ...state, top: effectiveTop(graph.order, state.top) }),
    sizeBy: state.sizeBy,
    colorBy: state.colorBy ?? 'kind',
    hovered: null,
    selectedNode: null,
    selectedEdge: null,
    focus: null,
    lang: state.lang,
  };
  const display = emptyDisplay();
  syncDisplay(graph, display, view.visible);
  const sizes: Sizes = computeSizes(graph);
  if (needsMetrics(state)) ensureMetrics(graph, sizes);
  const container = must('#graph');
  const t0 = performance.now();
  const renderer = createRenderer(display, container, view, sizes, state.labels);
  const app: App = {
    graph,
    display,
    articles: indexArticles(articleList),
    state,
    view,
    sizes,
    renderer,
    index: buildIndex(graph),
    buckets: monthlyHistogram(articleList),
    layout: null,
    playTimer: null,
    editable,
    undatedArticles: articleList.filter((a) => !a.date).length,
    table: { open: false, kind: 'entities', filter: '', sort: 2, desc: true },
  };
  renderer.once('afterRender', () => {
    performance.mark('kunafoni:first-render');
    performance.measure('kunafoni:renderer', { start: t0, end: performance.now() });
  });
  if (graph.order === 0) {
    const box = must('#message');
    box.textContent = S(app).empty;
    box.hidden = false;
  }
  setupSearch(app);
  setupControls(app);
  setupRendererEvents(app);
  renderFilters(app);
  renderTimeline(app);
  renderStatus(app);
  const initialCamera = state.camera;
  select(app, state.selection, !initialCamera);
  if (initialCamera) renderer.getCamera().setState(initialCamera);
  window.addEventListener('beforeunload', () => app.layout?.kill());
  // ready once the frame with everything above has been drawn
  requestAnimationFrame(() => requestAnimationFrame(() => (document.body.dataset.state = 'ready')));
}

void boot();
