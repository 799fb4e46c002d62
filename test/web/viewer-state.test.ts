// The viewer's state flow without a browser: the pure producers of web/src/actions.ts (each action's
// effect on the one state value, the input left untouched), and the state ↔ URL round trip of the
// states they produce. The handlers in web/src/main.ts only dispatch these actions.
import { describe, expect, it } from 'vitest';
import { periodIndices, reduce, type Action } from '../../web/src/actions.js';
import { decodeState, defaultState, encodeState, type ViewerState } from '../../web/src/state.js';

const MONTHS = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05'];
const run = (actions: Action[], from: ViewerState = defaultState()): ViewerState => actions.reduce(reduce, from);
/** The URL's part of a state: what a link carries (the interface's own part at its defaults). */
const linkOf = (s: ViewerState): ViewerState => ({ ...s, ui: defaultState().ui });

/** [what the user did, the actions, the URL's hash after them] */
const CASES: [string, Action[], string][] = [
  ['hiding a kind of entity', [{ type: 'showNodeKind', kind: 'person', shown: false }], 'hide=person'],
  [
    'showing it again',
    [
      { type: 'showNodeKind', kind: 'person', shown: false },
      { type: 'showNodeKind', kind: 'person', shown: true },
    ],
    '',
  ],
  ['hiding a relation kind', [{ type: 'showEdgeKind', kind: 'discussed', shown: false }], 'hideRel=discussed'],
  ['hide isolated', [{ type: 'filter', patch: { hideIsolated: true } }], 'isolated=0'],
  [
    'hide isolated off again',
    [
      { type: 'filter', patch: { hideIsolated: true } },
      { type: 'filter', patch: { hideIsolated: false } },
    ],
    '',
  ],
  ['"sans date" off', [{ type: 'filter', patch: { undated: false } }], 'undated=0'],
  ['a confidence minimum', [{ type: 'filter', patch: { minConfidence: 0.5 } }], 'conf=0.5'],
  ['a confidence of 0 is no filter', [{ type: 'filter', patch: { minConfidence: 0 } }], ''],
  ['ego depth 2', [{ type: 'filter', patch: { egoDepth: 2 } }], 'depth=2'],
  ['a minimum of sources, clamped to a whole number', [{ type: 'filter', patch: { minSources: 2.7 } }], 'sources=2'],
  ['a minimum of sources below 1 is 1', [{ type: 'filter', patch: { minSources: -4 } }], ''],
  ['verified only', [{ type: 'filter', patch: { verifiedOnly: true } }], 'verified=1'],
  ['a selection', [{ type: 'select', selection: { kind: 'node', key: 'org:huawei' } }], 'node=org%3Ahuawei'],
  ['English', [{ type: 'toggleLang' }], 'lang=en'],
  ['French again', [{ type: 'toggleLang' }, { type: 'toggleLang' }], ''],
  ['size by PageRank', [{ type: 'sizeBy', sizeBy: 'pagerank' }], 'size=pagerank'],
  ['colour by community', [{ type: 'colorBy', colorBy: 'community' }], 'color=community'],
  [
    'colour by kind (the default)',
    [
      { type: 'colorBy', colorBy: 'community' },
      { type: 'colorBy', colorBy: 'kind' },
    ],
    '',
  ],
  ['a period inside the months', [{ type: 'period', months: MONTHS, from: 1, to: 3 }], 'from=2023-02&to=2023-04'],
  ['a period given backwards', [{ type: 'period', months: MONTHS, from: 3, to: 1 }], 'from=2023-02&to=2023-04'],
  ['the whole range is an open period', [{ type: 'period', months: MONTHS, from: 0, to: 4 }], ''],
  ['all of a large graph', [{ type: 'top', top: 0 }], 'top=all'],
  ['hovering stays out of the URL', [{ type: 'hover', node: 'org:huawei' }], ''],
  ['the table stays out of the URL', [{ type: 'table', patch: { open: true, kind: 'relations' } }], ''],
];

describe('producers: (state, action) => state', () => {
  it.each(CASES)('%s', (_name, actions, hash) => {
    expect(encodeState(run(actions))).toBe(hash);
  });

  it('never changes the state it is given', () => {
    const start = run([
      { type: 'showNodeKind', kind: 'topic', shown: false },
      { type: 'select', selection: { kind: 'node', key: 'org:huawei' } },
    ]);
    const copy = structuredClone(start);
    const actions: Action[] = [
      { type: 'showNodeKind', kind: 'person', shown: false },
      { type: 'showEdgeKind', kind: 'met-with', shown: false },
      { type: 'filter', patch: { minConfidence: 0.7, egoDepth: 1 } },
      { type: 'period', months: MONTHS, from: 1, to: 2 },
      { type: 'play', months: MONTHS },
      { type: 'table', patch: { filter: 'orange' } },
      { type: 'hover', node: 'org:amrtp' },
      { type: 'reset' },
      { type: 'url', state: decodeState('#lang=en') },
    ];
    for (const a of actions) reduce(start, a);
    expect(start).toEqual(copy);
  });
});

describe('producers: reset, playback, layout, links', () => {
  it('reset gives the default filters and period, and keeps the selection, language, appearance and camera', () => {
    const busy = run([
      { type: 'showNodeKind', kind: 'person', shown: false },
      { type: 'showEdgeKind', kind: 'discussed', shown: false },
      { type: 'filter', patch: { minSources: 3, verifiedOnly: true, undated: false, hideIsolated: true } },
      { type: 'filter', patch: { minConfidence: 0.4, egoDepth: 2 } },
      { type: 'period', months: MONTHS, from: 1, to: 2 },
      { type: 'select', selection: { kind: 'node', key: 'org:huawei' } },
      { type: 'toggleLang' },
      { type: 'sizeBy', sizeBy: 'degree' },
      { type: 'camera', camera: { x: 0.2, y: 0.3, ratio: 0.5 } },
    ]);
    const reset = reduce(busy, { type: 'reset' });
    expect(encodeState(reset)).toBe('node=org%3Ahuawei&size=degree&cam=0.2%2C0.3%2C0.5&lang=en');
    const fresh = defaultState();
    for (const k of ['hiddenNodeKinds', 'hiddenEdgeKinds', 'minSources', 'undated'] as const)
      expect(reset[k]).toEqual(fresh[k]);
  });

  it('plays the period month by month from its start, then stops at the last month', () => {
    let s = run([{ type: 'period', months: MONTHS, from: 1, to: 4 }]);
    s = reduce(s, { type: 'play', months: MONTHS });
    // the end was the last month: playing starts again from the period's start
    expect([s.from, s.to, s.ui.playing]).toEqual(['2023-02', '2023-02', true]);
    const seen: (string | undefined)[] = [];
    while (s.ui.playing) {
      s = reduce(s, { type: 'playStep', months: MONTHS });
      seen.push(s.to);
    }
    expect(seen).toEqual(['2023-03', '2023-04', undefined]);
    expect(s.from).toBe('2023-02');
    expect(reduce(s, { type: 'playStep', months: MONTHS })).toBe(s);
  });

  it('pauses on a second Play, and when the period is moved by hand', () => {
    const playing = reduce(defaultState(), { type: 'play', months: MONTHS });
    expect(playing.ui.playing).toBe(true);
    expect(reduce(playing, { type: 'play', months: MONTHS }).ui.playing).toBe(false);
    expect(reduce(playing, { type: 'period', months: MONTHS, from: 0, to: 2 }).ui.playing).toBe(false);
    expect(reduce(playing, { type: 'reset' }).ui.playing).toBe(false);
    expect(reduce(defaultState(), { type: 'play', months: ['2023-01'] })).toEqual(defaultState());
  });

  it('a new `top` stops the layout; toggling the layout flips it', () => {
    const running = reduce(defaultState(), { type: 'toggleLayout' });
    expect(running.ui.layoutRunning).toBe(true);
    expect(reduce(running, { type: 'toggleLayout' }).ui.layoutRunning).toBe(false);
    expect(reduce(running, { type: 'top', top: 500 }).ui.layoutRunning).toBe(false);
  });

  it('a link replaces the URL part of the state; the interface keeps its part, and the camera without one', () => {
    const s = run([
      { type: 'showNodeKind', kind: 'person', shown: false },
      { type: 'filter', patch: { minConfidence: 0.5 } },
      { type: 'table', patch: { open: true } },
      { type: 'camera', camera: { x: 1, y: 2, ratio: 0.5 } },
    ]);
    const next = reduce(s, { type: 'url', state: decodeState('#lang=en&from=2023-02') });
    expect(next.hiddenNodeKinds.size).toBe(0);
    expect(next.minConfidence).toBeUndefined();
    expect([next.lang, next.from]).toEqual(['en', '2023-02']);
    expect(next.ui.table.open).toBe(true);
    expect(next.camera).toEqual({ x: 1, y: 2, ratio: 0.5 });
    expect(reduce(s, { type: 'url', state: decodeState('#cam=0,0,1') }).camera).toEqual({ x: 0, y: 0, ratio: 1 });
  });

  it('hovering the node already hovered returns the same state (nothing to derive)', () => {
    const s = reduce(defaultState(), { type: 'hover', node: 'org:huawei' });
    expect(reduce(s, { type: 'hover', node: 'org:huawei' })).toBe(s);
  });
});

describe('state ↔ URL', () => {
  it('every state the producers make reopens from its link', () => {
    const states = [
      run([]),
      run([
        { type: 'showNodeKind', kind: 'place', shown: false },
        { type: 'filter', patch: { hideIsolated: true } },
      ]),
      run([
        { type: 'period', months: MONTHS, from: 2, to: 3 },
        { type: 'filter', patch: { undated: false, minConfidence: 0.35, egoDepth: 3, minSources: 2 } },
        { type: 'select', selection: { kind: 'edge', key: 'met-with|org:a|org:b' } },
        { type: 'toggleLang' },
        { type: 'labels', density: 1.5 },
        { type: 'top', top: 1000 },
        { type: 'colorBy', colorBy: 'community' },
        { type: 'sizeBy', sizeBy: 'betweenness' },
        { type: 'camera', camera: { x: 0.125, y: -0.5, ratio: 2 } },
      ]),
    ];
    for (const s of states) {
      const hash = encodeState(s);
      expect(decodeState('#' + hash)).toEqual(linkOf(s));
      expect(encodeState(decodeState(hash))).toBe(hash);
    }
  });
});

describe('period indices', () => {
  it.each<[string | undefined, string | undefined, [number, number]]>([
    [undefined, undefined, [0, 4]],
    ['2023-02', '2023-04', [1, 3]],
    ['2023-02', undefined, [1, 4]],
    [undefined, '2023-01', [0, 0]],
    ['2022-06', '2030-01', [0, 4]],
  ])('from %s to %s is %j', (from, to, expected) => {
    expect(periodIndices(MONTHS, from, to)).toEqual(expected);
  });
});
