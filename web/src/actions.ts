// What can happen to the viewer's state, and the pure producers that apply it: `reduce(state, action)`
// returns the next state and never changes the one it is given (Gephi Lite's producers). Handlers in
// main.ts only dispatch these actions; main.ts's `update` derives the graph, the panels and the URL
// from the result. Pure: no DOM, testable in Node.
import type { NodeKind, RelationKind } from './model.js';
import {
  defaultState,
  filtersOf,
  type CameraView,
  type ColorBy,
  type Selection,
  type SizeBy,
  type TableView,
  type ViewState,
  type ViewerState,
} from './state.js';

/** Filters set from one control each; a value equal to the default is stored as unset (it stays out of the URL). */
export type FilterPatch = Partial<
  Pick<ViewState, 'minSources' | 'verifiedOnly' | 'undated' | 'hideIsolated' | 'minConfidence' | 'egoDepth'>
>;

export type Action =
  | { type: 'select'; selection: Selection; /** bring the node into view (search, links) */ centre?: boolean }
  | { type: 'hover'; node: string | null }
  | { type: 'showNodeKind'; kind: NodeKind; shown: boolean }
  | { type: 'showEdgeKind'; kind: RelationKind; shown: boolean }
  | { type: 'filter'; patch: FilterPatch }
  | { type: 'top'; top: number }
  | { type: 'sizeBy'; sizeBy: SizeBy }
  | { type: 'colorBy'; colorBy: ColorBy }
  | { type: 'labels'; density: number }
  /** The period as indices into the months of the histogram (in either order). */
  | { type: 'period'; months: readonly string[]; from: number; to: number }
  | { type: 'play'; months: readonly string[] }
  | { type: 'playStep'; months: readonly string[] }
  | { type: 'reset' }
  | { type: 'toggleLang' }
  | { type: 'toggleLayout' }
  | { type: 'table'; patch: Partial<TableView & { open: boolean }> }
  | { type: 'camera'; camera: CameraView }
  /** A state read from the URL (a link, the back button): it replaces the URL's part, the interface keeps its own. */
  | { type: 'url'; state: ViewerState };

/** The period's first and last month as indices into `months` (the whole range when open). */
export function periodIndices(months: readonly string[], from?: string, to?: string): [number, number] {
  const last = months.length - 1;
  const fromI = from
    ? Math.max(
        0,
        months.findIndex((m) => m >= from),
      )
    : 0;
  let toI = to ? months.findIndex((m) => m > to) - 1 : last;
  if (toI < -1 || toI >= months.length || (to && months.every((m) => m <= to))) toI = last;
  return [fromI, toI];
}

/** The period from month indices; the first and last month of the histogram leave that end open. */
export function withPeriod(s: ViewerState, months: readonly string[], fromI: number, toI: number): ViewerState {
  if (!months.length) return s;
  if (fromI > toI) [fromI, toI] = [toI, fromI];
  return {
    ...s,
    from: fromI <= 0 ? undefined : months[fromI],
    to: toI >= months.length - 1 ? undefined : months[toI],
  };
}

const withUi = (s: ViewerState, ui: Partial<ViewerState['ui']>): ViewerState => ({ ...s, ui: { ...s.ui, ...ui } });

function toggled<K>(set: Set<K>, kind: K, shown: boolean): Set<K> {
  const next = new Set(set);
  if (shown) next.delete(kind);
  else next.add(kind);
  return next;
}

/** Controls give raw values: clamp them, and store a default as unset. */
export function normaliseFilters(patch: FilterPatch): FilterPatch {
  const out: FilterPatch = { ...patch };
  if ('minSources' in patch) out.minSources = Math.max(1, Math.floor(Number(patch.minSources) || 1));
  if ('verifiedOnly' in patch) out.verifiedOnly = patch.verifiedOnly || undefined;
  if ('hideIsolated' in patch) out.hideIsolated = patch.hideIsolated || undefined;
  if ('undated' in patch) out.undated = patch.undated !== false;
  if ('minConfidence' in patch) {
    const v = Math.min(1, Number(patch.minConfidence) || 0);
    out.minConfidence = v > 0 ? v : undefined;
  }
  if ('egoDepth' in patch) {
    const v = Math.floor(Number(patch.egoDepth) || 0);
    out.egoDepth = v > 0 ? v : undefined;
  }
  return out;
}

/** *Lecture*: from the period's start, the end moves one month at a time; again: pause. */
function play(s: ViewerState, months: readonly string[]): ViewerState {
  if (s.ui.playing) return withUi(s, { playing: false });
  if (months.length < 2) return s;
  const [fromI, toI] = periodIndices(months, s.from, s.to);
  // at the end already: start again from the beginning of the period
  return withUi(withPeriod(s, months, fromI, toI >= months.length - 1 ? fromI : toI), { playing: true });
}

function playStep(s: ViewerState, months: readonly string[]): ViewerState {
  if (!s.ui.playing) return s;
  const [fromI, toI] = periodIndices(months, s.from, s.to);
  const next = Math.min(toI + 1, months.length - 1);
  return withUi(withPeriod(s, months, fromI, next), { playing: next < months.length - 1 });
}

/** The next state after `action`; `s` is left as it was. */
export function reduce(s: ViewerState, action: Action): ViewerState {
  switch (action.type) {
    case 'select':
      return { ...s, selection: action.selection };
    case 'hover':
      return s.ui.hovered === action.node ? s : withUi(s, { hovered: action.node });
    case 'showNodeKind':
      return { ...s, hiddenNodeKinds: toggled(s.hiddenNodeKinds, action.kind, action.shown) };
    case 'showEdgeKind':
      return { ...s, hiddenEdgeKinds: toggled(s.hiddenEdgeKinds, action.kind, action.shown) };
    case 'filter':
      return { ...s, ...normaliseFilters(action.patch) };
    case 'top':
      // the layout ran on the graph shown before: it starts again on demand
      return withUi({ ...s, top: Math.max(0, Math.floor(action.top) || 0) }, { layoutRunning: false });
    case 'sizeBy':
      return { ...s, sizeBy: action.sizeBy };
    case 'colorBy':
      return { ...s, colorBy: action.colorBy === 'community' ? 'community' : undefined };
    case 'labels':
      return { ...s, labels: action.density };
    case 'period':
      return withUi(withPeriod(s, action.months, action.from, action.to), { playing: false });
    case 'play':
      return play(s, action.months);
    case 'playStep':
      return playStep(s, action.months);
    case 'reset':
      return withUi({ ...s, ...filtersOf(defaultState()) }, { playing: false });
    case 'toggleLang':
      return { ...s, lang: s.lang === 'fr' ? 'en' : 'fr' };
    case 'toggleLayout':
      return withUi(s, { layoutRunning: !s.ui.layoutRunning });
    case 'table':
      return withUi(s, { table: { ...s.ui.table, ...action.patch } });
    case 'camera':
      return { ...s, camera: action.camera };
    case 'url':
      // a link without a camera leaves the camera where it is
      return { ...action.state, camera: action.state.camera ?? s.camera, ui: s.ui };
  }
}
