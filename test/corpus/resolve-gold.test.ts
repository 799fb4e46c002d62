// Resolution measured on the shared gold (../shared, skipped when absent): the persons the variant step
// merges across articles, and the pairs `curate suggest` proposes. A pair is right when both names map
// to one gold entity, wrong when they map to two; a name the gold does not list (a false positive) can
// be neither. The figures are printed; the test holds them to a precision.
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KGraph } from '../../src/graph/build.js';
import { HAS_SHARED, SHARED, SHARED_SKIP_REASON, tempDir } from '../helpers/common.js';

// the graph as the fold gives it before the variant step, to see which pairs that step merges
const state = vi.hoisted(() => ({ bypass: false }));
vi.mock('../../src/graph/variants.js', async (original) => {
  const m = await original<typeof import('../../src/graph/variants.js')>();
  return { ...m, mergeSpellingVariants: (g: KGraph) => (state.bypass ? g : m.mergeSpellingVariants(g)) };
});
const { mergeSpellingVariants, orgVariantPairs, personVariantPairs } = await import('../../src/graph/variants.js');
const { suggestDuplicates } = await import('../../src/curation/suggest.js');
const { ingestPaths } = await import('../../src/ingest.js');

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Gold entity ids by name or alias, kind included, as the shared scorer reads them. */
function goldIds(dir: string): (kind: string, name: string) => string[] {
  const byName = new Map<string, Set<string>>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    const g = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      entities?: Array<{ name: string; kind: string; aliases?: string[] }>;
    };
    for (const e of g.entities ?? [])
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        const k = `${e.kind}|${fold(n)}`;
        (byName.get(k) ?? byName.set(k, new Set()).get(k)!).add(`${e.kind}:${fold(e.name)}`);
      }
  }
  return (kind, name) => [...(byName.get(`${kind}|${fold(name)}`) ?? [])];
}

interface Tally {
  right: string[];
  wrong: string[];
  unknown: string[];
}

function tally(graph: KGraph, pairs: Array<[string, string]>, ids: (kind: string, name: string) => string[]): Tally {
  const t: Tally = { right: [], wrong: [], unknown: [] };
  for (const [p, q] of pairs) {
    const [a, b] = [graph.getNodeAttributes(p), graph.getNodeAttributes(q)];
    const [ia, ib] = [ids(a.kind, a.label), ids(b.kind, b.label)];
    const show = `${a.label} / ${b.label}`;
    if (!ia.length || !ib.length) t.unknown.push(show);
    else (ia.some((x) => ib.includes(x)) ? t.right : t.wrong).push(show);
  }
  return t;
}

/** Right among the judged pairs (1 when none is judged: no suggestion the gold can say is wrong). */
const precision = (t: Tally) =>
  t.right.length + t.wrong.length ? t.right.length / (t.right.length + t.wrong.length) : 1;
const report = (what: string, t: Tally) =>
  console.log(
    [
      `${what}: ${t.right.length} right, ${t.wrong.length} wrong, ${t.unknown.length} not in the gold`,
      `  right: ${t.right.join('; ')}`,
      `  wrong: ${t.wrong.join('; ')}`,
      `  not in the gold: ${t.unknown.join('; ')}`,
    ].join('\n'),
  );

describe.skipIf(!HAS_SHARED)('resolution on the shared gold', () => {
  const { dir, cleanup } = tempDir();
  let raw: KGraph;
  let built: KGraph;
  let ids: (kind: string, name: string) => string[];
  beforeAll(async () => {
    state.bypass = true;
    raw = (await ingestPaths([join(SHARED, 'corpus')], { store: join(dir, 'store'), workers: 0 })).store.graph;
    state.bypass = false;
    built = mergeSpellingVariants(raw.copy());
    ids = goldIds(join(SHARED, 'gold'));
  }, 300_000);
  afterAll(cleanup);

  it('merges spelling variants of persons and organisations across articles, and no two gold entities', () => {
    const persons = tally(
      raw,
      personVariantPairs(raw).map(([p, q]) => [p, q]),
      ids,
    );
    report('person variant merges', persons);
    const orgs = tally(
      raw,
      orgVariantPairs(raw).map(([p, q]) => [p, q]),
      ids,
    );
    report('organisation variant merges', orgs);
    expect(persons.right.length).toBeGreaterThan(0);
    expect([...persons.wrong, ...orgs.wrong]).toEqual([]);
  });

  it('no node of the built graph carries the names of two gold entities', () => {
    // names that map to exactly one gold entity; a node whose names map to two is a wrong merge
    const wrong: string[] = [];
    let merged = 0;
    built.forEachNode((_k, a) => {
      if (a.kind !== 'person' && a.kind !== 'organisation') return;
      const found = new Set(
        [a.label, ...a.aliases]
          .map((n) => ids(a.kind, n))
          .filter((x) => x.length === 1)
          .map((x) => x[0]!),
      );
      if ([a.label, ...a.aliases].length > 1) merged++;
      if (found.size > 1) wrong.push(`${a.label}: ${[...found].join(', ')}`);
    });
    console.log(
      `nodes with more than one name: ${merged}; ` +
        `nodes with the names of two gold entities: ${wrong.length}\n  ${wrong.join('\n  ')}`,
    );
    expect(wrong.length).toBeLessThanOrEqual(Math.floor(merged / 20));
  });

  it('curate suggest: precision at least 0.8 on the pairs the gold can judge', () => {
    // on the graph a user sees, and on the graph before the variant step (more pairs to judge: the step
    // takes the surest ones out of the suggestions)
    let judged = 0;
    for (const [what, g] of [
      ['built graph', built],
      ['graph before the variant step', raw],
    ] as const) {
      const found = suggestDuplicates(g, { limit: 1000 });
      const t = tally(
        g,
        found.map((s) => [s.keep.key, s.merge.key]),
        ids,
      );
      report(`curate suggest on the ${what} (${found.length} suggestions, precision ${precision(t).toFixed(2)})`, t);
      expect(precision(t)).toBeGreaterThanOrEqual(0.8);
      judged += t.right.length + t.wrong.length;
    }
    expect(judged).toBeGreaterThan(0);
  });
});

if (!HAS_SHARED) console.warn(`[resolve-gold] ${SHARED_SKIP_REASON}`);
