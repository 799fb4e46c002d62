// The table of the visible entities and relations (Gephi Lite's data table): rows derived from the
// graph and the filters, sorted by any column, filtered by text, exported as CSV (RFC 4180).
import { append, clear, el } from './dom.js';
import { NODE_KIND_LABELS, RELATION_NAMES, STRINGS, type Lang } from './i18n.js';
import { nodeLabel, roleLabel } from './labels.js';
import type { ViewGraph } from './model.js';
import type { Visible } from './filter.js';

import type { TableKind, TableView } from './state.js';

export type { TableKind, TableView };
export type Cell = string | number;

export interface Column {
  id: string;
  title: (lang: Lang) => string;
  numeric?: boolean;
}

export interface TableData {
  columns: Column[];
  /** One row per entity or relation; `key` is the node or edge key. */
  rows: { key: string; cells: Cell[] }[];
}

const t = (lang: Lang) => STRINGS[lang];

const ENTITY_COLUMNS: Column[] = [
  { id: 'label', title: (l) => t(l).colLabel },
  { id: 'kind', title: (l) => t(l).colKind },
  { id: 'mentions', title: (l) => t(l).colMentions, numeric: true },
  { id: 'relations', title: (l) => t(l).colDegree, numeric: true },
  { id: 'firstSeen', title: (l) => t(l).colFirst },
  { id: 'lastSeen', title: (l) => t(l).colLast },
];

const RELATION_COLUMNS: Column[] = [
  { id: 'source', title: (l) => t(l).colSource },
  { id: 'relation', title: (l) => t(l).colRelation },
  { id: 'target', title: (l) => t(l).colTarget },
  { id: 'detail', title: (l) => t(l).colDetail },
  { id: 'weight', title: (l) => t(l).colWeight, numeric: true },
  { id: 'confidence', title: (l) => t(l).colConfidence, numeric: true },
  { id: 'firstSeen', title: (l) => t(l).colFirst },
  { id: 'lastSeen', title: (l) => t(l).colLast },
];

/** The rows of the visible part of the graph, labels in the interface's language. */
export function tableData(graph: ViewGraph, visible: Visible, kind: TableKind, lang: Lang): TableData {
  if (kind === 'entities') {
    const rows = [...visible.nodes].map((key) => {
      const a = graph.getNodeAttributes(key);
      let degree = 0;
      graph.forEachEdge(key, (e) => void (visible.edges.has(e) && degree++));
      return {
        key,
        cells: [
          nodeLabel(a, lang),
          NODE_KIND_LABELS[lang][a.kind] ?? a.kind,
          a.mentions ?? 0,
          degree,
          a.firstSeen ?? '',
          a.lastSeen ?? '',
        ],
      };
    });
    return { columns: ENTITY_COLUMNS, rows };
  }
  const rows = [...visible.edges].map((key) => {
    const a = graph.getEdgeAttributes(key);
    const [s, tg] = graph.extremities(key);
    const detail = a.role ? roleLabel(a.role, lang) : (a.commitment ?? '');
    const conf = typeof a.confidence === 'number' ? Math.round(a.confidence * 100) / 100 : '';
    return {
      key,
      cells: [
        nodeLabel(graph.getNodeAttributes(s), lang),
        RELATION_NAMES[lang][a.kind] ?? a.kind,
        nodeLabel(graph.getNodeAttributes(tg), lang),
        detail,
        a.weight,
        conf,
        a.firstSeen ?? '',
        a.lastSeen ?? '',
      ],
    };
  });
  return { columns: RELATION_COLUMNS, rows };
}

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Rows holding the text in any cell (accents and case ignored), sorted by a column. */
export function viewRows(data: TableData, opts: { filter?: string; sort?: number; desc?: boolean }): TableData['rows'] {
  const q = norm(opts.filter?.trim() ?? '');
  const rows = q ? data.rows.filter((r) => r.cells.some((c) => norm(String(c)).includes(q))) : [...data.rows];
  const i = opts.sort ?? 0;
  const dir = opts.desc ? -1 : 1;
  const cmp = (a: Cell | undefined, b: Cell | undefined) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : String(a ?? '').localeCompare(String(b ?? ''), 'fr', { numeric: true });
  return rows.sort((a, b) => dir * cmp(a.cells[i], b.cells[i]) || a.key.localeCompare(b.key));
}

const csvField = (c: Cell) => {
  const s = String(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV (RFC 4180, CRLF) of the rows as shown, with a header of column titles. */
export function tableCsv(data: TableData, rows: TableData['rows'], lang: Lang): string {
  return [data.columns.map((c) => c.title(lang)), ...rows.map((r) => r.cells)]
    .map((r) => r.map(csvField).join(',') + '\r\n')
    .join('');
}

export interface TableContext {
  graph: ViewGraph;
  visible: Visible;
  lang: Lang;
  view: Readonly<TableView>;
  /** A change of tab, sort or filter (the table is drawn again from the state). */
  setView(patch: Partial<TableView>): void;
  select(sel: { kind: 'node' | 'edge'; key: string }): void;
  download(name: string, text: string, type: string): void;
}

/** Draw the table into `root` (tabs, filter, export, rows). */
export function renderTable(root: HTMLElement, ctx: TableContext): void {
  const s = STRINGS[ctx.lang];
  const v = ctx.view;
  const data = tableData(ctx.graph, ctx.visible, v.kind, ctx.lang);
  const rows = viewRows(data, v);
  clear(root);
  const tab = (kind: TableKind, label: string) => {
    const b = el(
      'button',
      { type: 'button', class: 'tab', 'data-table': kind, 'aria-pressed': v.kind === kind ? 'true' : 'false' },
      label,
    );
    b.addEventListener('click', () => ctx.setView({ kind, sort: 0, desc: false }));
    return b;
  };
  const filter = el('input', {
    type: 'search',
    id: 'table-filter',
    placeholder: s.tableFilter,
    value: v.filter,
    autocomplete: 'off',
  });
  filter.addEventListener('input', () => {
    ctx.setView({ filter: filter.value });
    const again = root.querySelector<HTMLInputElement>('#table-filter');
    again?.focus();
    again?.setSelectionRange(again.value.length, again.value.length);
  });
  const exp = el('button', { type: 'button', id: 'table-export' }, s.tableExport);
  exp.addEventListener('click', () =>
    ctx.download(`kunafoni-${v.kind}.csv`, tableCsv(data, rows, ctx.lang), 'text/csv'),
  );
  append(
    root,
    el(
      'div',
      { class: 'table-tools' },
      tab('entities', s.tableEntities),
      tab('relations', s.tableRelations),
      filter,
      exp,
      el('span', { class: 'count', id: 'table-count' }, s.tableRows(rows.length, data.rows.length)),
    ),
  );
  const head = el('tr');
  data.columns.forEach((c, i) => {
    const sorted = v.sort === i;
    const th = el('th', {
      scope: 'col',
      'aria-sort': sorted ? (v.desc ? 'descending' : 'ascending') : 'none',
      class: c.numeric ? 'num' : undefined,
    });
    const b = el(
      'button',
      { type: 'button', 'data-col': c.id },
      c.title(ctx.lang),
      sorted ? (v.desc ? ' ▼' : ' ▲') : '',
    );
    b.addEventListener('click', () => ctx.setView({ desc: sorted ? !v.desc : !!c.numeric, sort: i }));
    th.appendChild(b);
    head.appendChild(th);
  });
  const body = el('tbody');
  for (const r of rows.slice(0, 2000)) {
    const tr = el('tr', { 'data-key': r.key });
    r.cells.forEach((c, i) =>
      tr.appendChild(el('td', { class: data.columns[i]!.numeric ? 'num' : undefined }, String(c))),
    );
    tr.addEventListener('click', () => ctx.select({ kind: v.kind === 'entities' ? 'node' : 'edge', key: r.key }));
    body.appendChild(tr);
  }
  append(root, el('div', { class: 'table-scroll' }, el('table', { id: 'data-table' }, el('thead', {}, head), body)));
}
