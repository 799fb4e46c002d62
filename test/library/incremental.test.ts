// The incremental store: adding articles appends them (articles.jsonl is not rewritten, graph.json is
// not rewritten until compaction), and the graph folded incrementally — in any order, across snapshots —
// is exactly the graph a full rebuild gives (same nodes, keys, labels, mentions, edges, evidence, order).
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { ingestPaths } from '../../src/ingest.js';
import { lexiconLabels } from '../../src/nlp/lexicon.js';
import { GraphFold } from '../../src/graph/fold.js';
import { loadGraph, loadStore } from '../../src/library/store.js';
import type { StoredArticle } from '../../src/types.js';
import { HAS_SHARED, SAMPLES, SHARED, tempDir } from '../helpers/common.js';
import { writeFictional } from '../helpers/fictional.js';

const exported = (g: { export(): unknown }) => JSON.stringify(g.export());
const withoutDigest = (g: ReturnType<typeof buildGraph>) => {
  const c = g.copy();
  c.removeAttribute('articlesDigest');
  return exported(c);
};

/** A seeded shuffle. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 16807) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Hand-made records: two organisations that a later article reveals to be one (an acronym and its expansion). */
function unionCase(): StoredArticle[] {
  const sentence = {
    text: 'Awa Togola, directrice de la SFX et de Sahel Fibre Extra.',
    start: 0,
    end: 58,
    paragraph: 0,
  };
  const ent = (id: string, kind: 'person' | 'organisation', name: string, keys: string[]) => ({
    id,
    kind,
    name,
    forms: [],
    keys,
    roles: [],
    mentions: [],
  });
  const a: StoredArticle = {
    article: { id: 'a1', lang: 'fr', text: sentence.text, date: '2024-01-02', source: 'Gazette' },
    extraction: {
      article: 'a1',
      entities: [
        ent('e0', 'person', 'Awa Togola', ['person:awa togola']),
        ent('e1', 'organisation', 'SFX', ['org:acr:SFX']),
        ent('e2', 'organisation', 'Sahel Fibre Extra', ['org:sahel fibre extra']),
      ],
      relations: [
        { kind: 'holds-role', source: 'e0', target: 'e2', sentence, rule: 'role-b', role: 'Directrice' },
        { kind: 'holds-role', source: 'e0', target: 'e1', sentence, rule: 'role-b', role: 'PDG' },
        { kind: 'met-with', source: 'e1', target: 'e0', sentence, rule: 'meet' },
        { kind: 'met-with', source: 'e0', target: 'e2', sentence, rule: 'meet' },
      ],
    },
  };
  const b: StoredArticle = {
    article: { id: 'b2', lang: 'fr', text: 'La Sahel Fibre Extra (SFX) a signé.', date: '2023-05-06', source: 'Écho' },
    extraction: {
      article: 'b2',
      entities: [ent('e0', 'organisation', 'Sahel Fibre Extra', ['org:acr:SFX', 'org:sahel fibre extra'])],
      relations: [],
    },
  };
  return [a, b];
}

describe('the incremental graph', () => {
  it(
    'merging two components merges their edges, keeping the evidence of the earliest relation, ' + 'in either order',
    () => {
      const recs = unionCase();
      const full = buildGraph(recs);
      expect(full.order).toBe(2); // the person and the one organisation
      const role = full.filterEdges((_e, a) => a.kind === 'holds-role');
      expect(role).toHaveLength(1);
      expect(full.getEdgeAttribute(role[0]!, 'evidence').map((e) => e.role)).toEqual(['Directrice']);
      for (const order of [recs, [...recs].reverse()]) {
        const fold = new GraphFold();
        for (const r of order) fold.add(r);
        expect(exported(fold.toGraph())).toBe(exported(full));
      }
    },
  );
});

// one folder for the stores of the tests below, which run in order (the torn append reuses the store built
// one article at a time)
const { dir, cleanup } = tempDir('kunafoni-incremental-');
afterAll(cleanup);
const labels = lexiconLabels();
let records: StoredArticle[] = [];
let unchangedGraphJson = 0;

describe('the incremental graph: folding and appending', () => {
  it('folded in any order, with snapshots between, is the graph buildGraph gives', async () => {
    const input = join(dir, 'in');
    writeFictional(input, 30);
    const inputs = [input, SAMPLES, ...(HAS_SHARED ? [join(SHARED, 'corpus')] : [])];
    const r = await ingestPaths(inputs, { store: join(dir, 'all'), workers: 0 });
    records = r.store.articles;
    expect(records.length).toBeGreaterThan(35);
    const full = buildGraph(records, { lexiconLabels: labels });
    expect(full.size).toBeGreaterThan(40);
    for (const seed of [1, 2, 3]) {
      let fold = new GraphFold(labels);
      shuffled(records, seed).forEach((rec, i) => {
        fold.add(rec);
        if (i % 10 === 9) fold = GraphFold.fromJSON(JSON.parse(JSON.stringify(fold.toJSON())));
      });
      expect(exported(fold.toGraph())).toBe(exported(full));
    }
    expect(withoutDigest(r.store.graph)).toBe(exported(full));
  });

  it('one article at a time: appended, graph.json left alone, and the loaded graph is the full rebuild', async () => {
    const input = join(dir, 'one');
    const files = writeFictional(input, 24, 500);
    const store = join(dir, 'one-store');
    await ingestPaths(files.slice(0, 12), { store });
    for (const f of files.slice(12)) {
      const before = {
        articles: readFileSync(join(store, 'articles.jsonl')),
        graph: readFileSync(join(store, 'graph.json'), 'utf8'),
      };
      const r = await ingestPaths([f], { store });
      const after = readFileSync(join(store, 'articles.jsonl'));
      // the file grew by what was added, its beginning untouched (no syndicated copy changed a saved story)
      if (r.ingested === 1) {
        expect(after.subarray(0, before.articles.length).equals(before.articles)).toBe(true);
        expect(after.length).toBeGreaterThan(before.articles.length);
      }
      const loaded = await loadStore(store, { mustExist: true });
      const rebuilt = buildGraph(loaded.articles, { lexiconLabels: labels });
      expect(withoutDigest(loaded.graph)).toBe(exported(rebuilt));
      expect(withoutDigest(r.store.graph)).toBe(exported(rebuilt));
      // what queries and exports load (without parsing the articles) is the same graph
      const forQueries = await loadGraph(store, { mustExist: true });
      expect(withoutDigest(forQueries.graph)).toBe(exported(rebuilt));
      expect(forQueries.articleCount).toBe(loaded.articles.length);
      if (r.ingested === 1 && readFileSync(join(store, 'graph.json'), 'utf8') === before.graph) unchangedGraphJson++;
    }
    // most single-article ingests into a store of 12+ articles do not rewrite graph.json (compaction is amortised)
    expect(unchangedGraphJson).toBeGreaterThanOrEqual(6);
  });
});

describe('the incremental graph: torn appends and records appended by hand', () => {
  it('a torn append left by a killed ingest is ignored, and cut by the next one', async () => {
    const store = join(dir, 'one-store');
    const before = await loadStore(store, { mustExist: true });
    appendFileSync(join(store, 'articles.jsonl'), '{"article":{"id":"torn","text":"Une dépêche coup');
    const loaded = await loadStore(store, { mustExist: true });
    expect(loaded.articles.map((a) => a.article.id)).toEqual(before.articles.map((a) => a.article.id));
    const next = join(dir, 'next');
    writeFictional(next, 1, 900);
    const r = await ingestPaths([next], { store });
    expect(r.ingested).toBe(1);
    const text = readFileSync(join(store, 'articles.jsonl'), 'utf8');
    expect(text).not.toContain('"torn"');
    expect(
      text
        .trimEnd()
        .split('\n')
        .every((l) => JSON.parse(l).article),
    ).toBe(true);
    expect(existsSync(join(store, 'fold.json'))).toBe(true);
    expect(readdirSync(store).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('records appended by hand after the last save are whole stories: loaded, and folded into the graph', async () => {
    const store = join(dir, 'one-store');
    const { articles } = await loadStore(store, { mustExist: true });
    const extra = records.find((r) => !articles.some((a) => a.article.id === r.article.id))!;
    appendFileSync(join(store, 'articles.jsonl'), JSON.stringify(extra) + '\n');
    const loaded = await loadStore(store, { mustExist: true });
    expect(loaded.articles).toHaveLength(articles.length + 1);
    expect(withoutDigest(loaded.graph)).toBe(exported(buildGraph(loaded.articles, { lexiconLabels: labels })));
  });
});
