// The viewer's state as one value (Gephi Lite's atom): what the URL's hash holds (selection, filters,
// appearance, camera, language), so that a link reopens the same view, plus the interface's own
// part (hover, table, layout, playback) that stays out of the URL. It is changed only by the pure
// producers of actions.ts; main.ts derives everything else from it. Pure: no DOM.
import { LANGS, type Lang } from './i18n.js';
import { NODE_KINDS, RELATION_KINDS, type NodeKind, type RelationKind } from './model.js';

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | null;
export type SizeBy = 'mentions' | 'degree' | 'weightedDegree' | 'betweenness' | 'pagerank';
export type ColorBy = 'kind' | 'community';
const SIZE_BY: readonly SizeBy[] = ['mentions', 'degree', 'weightedDegree', 'betweenness', 'pagerank'];

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  selection: Selection;
  /** Kinds switched off (the default, nothing hidden, stays out of the URL). */
  hiddenNodeKinds: Set<NodeKind>;
  hiddenEdgeKinds: Set<RelationKind>;
  /** Period, as YYYY-MM months, inclusive; undefined: open. */
  from?: string;
  to?: string;
  minSources: number;
  /** Only relations a researcher verified (and the entities they link). */
  verifiedOnly?: boolean;
  /** Undated articles' entities and relations ("sans date") are shown; off: only what is dated (in the period). */
  undated: boolean;
  /** Entities without a visible relation are hidden. */
  hideIsolated?: boolean;
  /** Relations below this confidence (0–1) are hidden; 0: all. */
  minConfidence?: number;
  /** With a selected entity: only what lies within this many steps of it; 0 or undefined: everything. */
  egoDepth?: number;
  /** Label density multiplier (sigma's labelDensity); undefined: the default. */
  labels?: number;
  /** Show only the N most mentioned nodes (0: all; undefined: the viewer decides by graph size). */
  top?: number;
  sizeBy: SizeBy;
  /** Node colours: by kind (default) or by Louvain community. */
  colorBy?: ColorBy;
  camera?: CameraView;
  lang: Lang;
}

export type TableKind = 'entities' | 'relations';

/** The table's tab, text filter and sort (a column index, descending or not). */
export interface TableView {
  kind: TableKind;
  filter: string;
  sort: number;
  desc: boolean;
}

/** The interface's own state: never in the URL, kept when a link's state is loaded. */
export interface UiState {
  /** The node under the pointer (its neighbourhood is highlighted). */
  hovered: string | null;
  /** The table of entities and relations: open or not, tab, sort, filter. */
  table: TableView & { open: boolean };
  /** ForceAtlas2 runs (in its worker). */
  layoutRunning: boolean;
  /** The period grows month by month (*Lecture*). */
  playing: boolean;
}

export interface ViewerState extends ViewState {
  ui: UiState;
}

/** What a fresh page shows: nothing selected, nothing filtered, in French. */
export const defaultState = (): ViewerState => ({
  selection: null,
  hiddenNodeKinds: new Set(),
  hiddenEdgeKinds: new Set(),
  minSources: 1,
  undated: true,
  sizeBy: 'mentions',
  lang: 'fr',
  ui: {
    hovered: null,
    table: { open: false, kind: 'entities', filter: '', sort: 2, desc: true },
    layoutRunning: false,
    playing: false,
  },
});

/** The fields "Tout afficher" (reset) returns to their defaults: the filters and the period. */
export const FILTER_FIELDS = [
  'hiddenNodeKinds',
  'hiddenEdgeKinds',
  'from',
  'to',
  'minSources',
  'verifiedOnly',
  'undated',
  'hideIsolated',
  'minConfidence',
  'egoDepth',
] as const satisfies readonly (keyof ViewState)[];
export type Filters = Pick<ViewState, (typeof FILTER_FIELDS)[number]>;

/** The filter fields of a state, every one present (an unset one as undefined, so that spreading clears it). */
export const filtersOf = (s: ViewState): Filters =>
  Object.fromEntries(FILTER_FIELDS.map((f) => [f, s[f]])) as unknown as Filters;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const round = (v: number, digits: number) => Number(v.toFixed(digits));

/** The state as a URL hash (without '#'); defaults are left out. */
export function encodeState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.selection) p.set(s.selection.kind === 'node' ? 'node' : 'edge', s.selection.key);
  if (s.hiddenNodeKinds.size) p.set('hide', [...s.hiddenNodeKinds].sort().join(','));
  if (s.hiddenEdgeKinds.size) p.set('hideRel', [...s.hiddenEdgeKinds].sort().join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.minSources > 1) p.set('sources', String(s.minSources));
  if (s.verifiedOnly) p.set('verified', '1');
  if (!s.undated) p.set('undated', '0');
  if (s.hideIsolated) p.set('isolated', '0');
  if (s.minConfidence) p.set('conf', String(round(s.minConfidence, 2)));
  if (s.egoDepth) p.set('depth', String(s.egoDepth));
  if (s.labels !== undefined) p.set('labels', String(round(s.labels, 2)));
  if (s.top !== undefined) p.set('top', s.top === 0 ? 'all' : String(s.top));
  if (s.sizeBy !== 'mentions') p.set('size', s.sizeBy);
  if (s.colorBy === 'community') p.set('color', 'community');
  if (s.camera) p.set('cam', [round(s.camera.x, 4), round(s.camera.y, 4), round(s.camera.ratio, 4)].join(','));
  if (s.lang !== 'fr') p.set('lang', s.lang);
  return p.toString();
}

/** Read a hash back; anything malformed falls back to the default for that field. */
export function decodeState(hash: string): ViewerState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const s = defaultState();
  const node = p.get('node');
  const edge = p.get('edge');
  if (node) s.selection = { kind: 'node', key: node };
  else if (edge) s.selection = { kind: 'edge', key: edge };
  for (const k of (p.get('hide') ?? '').split(','))
    if ((NODE_KINDS as readonly string[]).includes(k)) s.hiddenNodeKinds.add(k as NodeKind);
  for (const k of (p.get('hideRel') ?? '').split(','))
    if ((RELATION_KINDS as readonly string[]).includes(k)) s.hiddenEdgeKinds.add(k as RelationKind);
  const from = p.get('from');
  const to = p.get('to');
  if (from && MONTH.test(from)) s.from = from;
  if (to && MONTH.test(to)) s.to = to;
  const src = Number(p.get('sources'));
  if (Number.isInteger(src) && src > 1 && src < 1000) s.minSources = src;
  if (p.get('verified') === '1') s.verifiedOnly = true;
  if (p.get('undated') === '0') s.undated = false;
  if (p.get('isolated') === '0') s.hideIsolated = true;
  const conf = Number(p.get('conf'));
  if (p.has('conf') && conf > 0 && conf <= 1) s.minConfidence = conf;
  const depth = Number(p.get('depth'));
  if (Number.isInteger(depth) && depth > 0 && depth <= 10) s.egoDepth = depth;
  const labels = Number(p.get('labels'));
  if (p.has('labels') && Number.isFinite(labels) && labels >= 0 && labels <= 10) s.labels = labels;
  const top = p.get('top');
  if (top === 'all') s.top = 0;
  else if (top && /^\d+$/.test(top) && Number(top) > 0) s.top = Number(top);
  const size = p.get('size');
  if (size && (SIZE_BY as readonly string[]).includes(size)) s.sizeBy = size as SizeBy;
  if (p.get('color') === 'community') s.colorBy = 'community';
  const cam = (p.get('cam') ?? '').split(',').map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0)
    s.camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]! };
  const lang = p.get('lang');
  if (lang && (LANGS as readonly string[]).includes(lang)) s.lang = lang as Lang;
  return s;
}
