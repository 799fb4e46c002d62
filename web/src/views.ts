// The DOM around the graph, drawn from the state and the derived visible sets: static texts, the
// filters sidebar, the period, the status line, the side panel and the table. Each function reads
// `app` and writes the DOM; a user's action goes back through `app.dispatch`, never into the state.
import { append, clear, el, must } from './dom.js';
import { effectiveTop } from './filter.js';
import { NODE_KIND_LABELS, RELATION_NAMES, STRINGS, formatDate, type Lang, type Strings } from './i18n.js';
import { NODE_KINDS, RELATION_KINDS, type NodeKind, type RelationKind } from './model.js';
import { EDGE_COLORS, NODE_COLORS } from './palette.js';
import { renderEdgePanel, renderNodePanel } from './panel.js';
import { edgeActions, nodeActions, verifiedBadge } from './curation.js';
import { analysisSections } from './analysis.js';
import { DEFAULT_LABEL_DENSITY } from './render.js';
import { renderTable } from './table.js';
import { periodIndices } from './actions.js';
import type { App } from './app.js';

/** The interface's strings in the state's language. */
export const strings = (app: App): Strings => STRINGS[app.state.lang];

export function swatch(color: string): HTMLSpanElement {
  const s = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  s.style.background = color; // CSSOM, allowed under the CSP
  return s;
}

/** The page's fixed texts (marked with data-i18n*) in `lang`. */
export function applyLanguage(lang: Lang): void {
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

export function renderStatus(app: App): void {
  const { nodes, edges } = app.view.visible;
  must('#status').textContent = strings(app).shown(nodes.size, edges.size, app.data.graph.order);
}

/** The layout and playback buttons say what a click does next. */
export function renderButtons(app: App): void {
  const t = strings(app);
  const layout = must('#layout');
  layout.textContent = app.state.ui.layoutRunning ? t.layoutStop : t.layoutStart;
  layout.setAttribute('aria-pressed', String(app.state.ui.layoutRunning));
  must('#play').textContent = app.state.ui.playing ? t.pause : t.play;
}

function kindCounts<K extends string>(keys: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function legendRow(kind: string, label: string, color: string, count: number, name: string, onChange: () => void) {
  const input = el('input', { type: 'checkbox', name, value: kind });
  input.addEventListener('change', onChange);
  return el(
    'label',
    { class: 'legend-row' },
    input,
    swatch(color),
    el('span', {}, label),
    el('span', { class: 'count' }, String(count)),
  );
}

/** One checkbox per kind present in the graph, labelled in the state's language. */
function buildKindRows(app: App): void {
  const { graph } = app.data;
  const lang = app.state.lang;
  const nodeBox = must('#node-kinds');
  const edgeBox = must('#edge-kinds');
  clear(nodeBox);
  clear(edgeBox);
  const nCounts = kindCounts(graph.mapNodes((_k, a) => a.kind));
  const eCounts = kindCounts(graph.mapEdges((_k, a) => a.kind));
  const checked = (row: HTMLElement) => row.querySelector('input')!.checked;
  for (const k of NODE_KINDS.filter((k) => nCounts.get(k))) {
    const row: HTMLElement = legendRow(k, NODE_KIND_LABELS[lang][k], NODE_COLORS[k], nCounts.get(k)!, 'node-kind', () =>
      app.dispatch({ type: 'showNodeKind', kind: k, shown: checked(row) }),
    );
    nodeBox.appendChild(row);
  }
  for (const k of RELATION_KINDS.filter((k) => eCounts.get(k))) {
    const row: HTMLElement = legendRow(k, RELATION_NAMES[lang][k], EDGE_COLORS[k], eCounts.get(k)!, 'edge-kind', () =>
      app.dispatch({ type: 'showEdgeKind', kind: k, shown: checked(row) }),
    );
    edgeBox.appendChild(row);
  }
}

/** The controls whose options depend on the language or the graph: kinds, ego depth, top. */
export function buildFilterControls(app: App): void {
  buildKindRows(app);
  const t = strings(app);
  const depth = must<HTMLSelectElement>('#ego-depth');
  clear(depth);
  for (const n of [0, 1, 2, 3]) depth.appendChild(el('option', { value: String(n) }, n ? t.egoSteps(n) : t.egoAll));
  const order = app.data.graph.order;
  const current = effectiveTop(order, app.state.top);
  const top = must<HTMLSelectElement>('#top');
  clear(top);
  const choices = [...new Set([500, 1000, 2500, 5000, 10000, current].filter((n) => n > 0 && n < order))];
  for (const n of choices.sort((a, b) => a - b)) top.appendChild(el('option', { value: String(n) }, t.topN(n)));
  top.appendChild(el('option', { value: '0' }, t.topAll(order)));
  must('#top-row').hidden = order <= 500;
}

/** Every control shows the state's value. */
export function syncFilterControls(app: App): void {
  const s = app.state;
  for (const input of document.querySelectorAll<HTMLInputElement>('#node-kinds input'))
    input.checked = !s.hiddenNodeKinds.has(input.value as NodeKind);
  for (const input of document.querySelectorAll<HTMLInputElement>('#edge-kinds input'))
    input.checked = !s.hiddenEdgeKinds.has(input.value as RelationKind);
  must<HTMLInputElement>('#min-sources').value = String(s.minSources);
  must<HTMLInputElement>('#verified-only').checked = s.verifiedOnly === true;
  must<HTMLInputElement>('#undated').checked = s.undated;
  must('#undated-count').textContent = strings(app).undatedCount(app.data.undatedArticles);
  must<HTMLInputElement>('#hide-isolated').checked = s.hideIsolated === true;
  must<HTMLInputElement>('#min-confidence').value = String(s.minConfidence ?? 0);
  must('#min-confidence-value').textContent = (s.minConfidence ?? 0).toFixed(2);
  must<HTMLSelectElement>('#ego-depth').value = String(s.egoDepth ?? 0);
  must<HTMLInputElement>('#label-density').value = String(s.labels ?? DEFAULT_LABEL_DENSITY);
  must<HTMLSelectElement>('#size-by').value = s.sizeBy;
  must<HTMLSelectElement>('#color-by').value = s.colorBy ?? 'kind';
  must<HTMLSelectElement>('#top').value = String(effectiveTop(app.data.graph.order, s.top));
}

/** The histogram of articles per month, the period's two handles and its label. */
export function renderTimeline(app: App): void {
  const b = app.data.buckets;
  must('#timeline').hidden = b.length === 0;
  if (!b.length) return;
  const { lang } = app.state;
  const [fromI, toI] = periodIndices(app.data.months, app.state.from, app.state.to);
  const max = Math.max(...b.map((x) => x.count), 1);
  const hist = must('#histogram');
  clear(hist);
  b.forEach((bucket, i) => {
    const bar = el('div', {
      class: i >= fromI && i <= toI ? 'bar in' : 'bar',
      title: `${bucket.month}: ${bucket.count}`,
    });
    bar.style.height = `${Math.max(bucket.count ? 8 : 0, (bucket.count / max) * 100)}%`;
    hist.appendChild(bar);
  });
  const from = must<HTMLInputElement>('#period-from');
  const to = must<HTMLInputElement>('#period-to');
  for (const input of [from, to]) Object.assign(input, { min: '0', max: String(b.length - 1) });
  from.value = String(fromI);
  to.value = String(Math.max(toI, 0));
  const undated = app.data.undatedArticles && app.state.undated ? ` + ${strings(app).undated}` : '';
  must('#period-label').textContent =
    `${formatDate(b[fromI]?.month, lang)} → ${formatDate(b[Math.max(toI, 0)]?.month, lang)}${undated}`;
}

/** The selected entity or relation with its evidence, or a hint. */
export function renderPanel(app: App): void {
  const { graph, articles, editable, index } = app.data;
  const { lang, selection: sel } = app.state;
  const panel = must('#panel');
  const body = must('#panel-body');
  const select = (s: { kind: 'node' | 'edge'; key: string }) =>
    app.dispatch({ type: 'select', selection: s, centre: s.kind === 'node' });
  const ctx = { graph, articles, lang, visibleEdges: app.view.visible.edges, select };
  const curation = { graph, lang, search: (q: string) => index.search(q, lang, 9), reload: app.reload };
  if (sel?.kind === 'node' && graph.hasNode(sel.key)) {
    renderNodePanel(body, sel.key, ctx);
    for (const section of analysisSections(sel.key, ctx)) body.insertBefore(section, body.querySelector(':scope > h3'));
    if (editable) body.insertBefore(nodeActions(sel.key, curation), body.children[2] ?? null);
  } else if (sel?.kind === 'edge' && graph.hasEdge(sel.key)) {
    renderEdgePanel(body, sel.key, ctx);
    const badge = verifiedBadge(sel.key, curation);
    if (badge) body.insertBefore(badge, body.children[1] ?? null);
    if (editable) body.insertBefore(edgeActions(sel.key, curation), body.children[2] ?? null);
  } else {
    clear(body);
    append(body, el('p', { class: 'hint' }, strings(app).noSelection));
    panel.dataset.empty = 'true';
    return;
  }
  delete panel.dataset.empty;
  body.scrollTop = 0;
}

/** The table of the visible entities or relations, when open. */
export function renderTableView(app: App): void {
  const { open, ...view } = app.state.ui.table;
  const box = must('#table-view');
  box.hidden = !open;
  must('#table-open').setAttribute('aria-pressed', String(open));
  if (!open) return;
  renderTable(box, {
    graph: app.data.graph,
    visible: app.view.visible,
    lang: app.state.lang,
    view,
    setView: (patch) => app.dispatch({ type: 'table', patch }),
    select: (sel) => app.dispatch({ type: 'select', selection: sel, centre: sel.kind === 'node' }),
    download: app.download,
  });
}
