// Curation through the real pipeline (fictional articles): decisions recorded in <store>/curation.json
// survive ingesting more articles (including ones that mention a deleted entity again), undo restores
// the previous graph exactly, a decision that no longer applies is reported (by loadStore, ingest,
// stats and `curate list`), a corrupt curation file is refused, and exports carry the decisions.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { exportGexf } from '../../src/export/gexf.js';
import { exportJson } from '../../src/export/json.js';
import type { KGraph } from '../../src/graph/build.js';
import { normaliseName } from '../../src/text/keys.js';
import { ingestPaths } from '../../src/ingest.js';
import { curationOf } from '../../src/library/curation-file.js';
import { recordDecision, undoDecision } from '../../src/library/curation.js';
import { loadStore } from '../../src/library/store.js';
import { tempDir } from '../helpers/common.js';
import { BATCH1, BATCH2 } from '../helpers/curation-fixtures.js';

const names = (g: KGraph, key: string) =>
  [g.getNodeAttribute(key, 'label'), ...g.getNodeAttribute(key, 'aliases')].map(normaliseName);
const carrying = (g: KGraph, name: string) => g.filterNodes((k) => names(g, k).includes(normaliseName(name)));
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false };
  return { io, out, err };
};

// one store for the whole file: the tests below run in order and each builds on the decisions before it
const { dir, cleanup } = tempDir('kunafoni-curation-');
afterAll(cleanup);
const store = join(dir, 'store');
const write = (name: string, articles: object[]) => {
  const p = join(dir, name);
  writeFileSync(p, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return p;
};
const first = await ingestPaths([write('b1.jsonl', BATCH1)], { store });
const raw = first.store.graph;
const author = { author: 'Awa Test', note: 'checked in the articles' };

describe('curation in a store: recording decisions and ingesting more', () => {
  it('precondition: the articles give two Bagayoko entities and a Lassana Touré', () => {
    expect(carrying(raw, 'Seydou Bagayoko')).toHaveLength(1);
    expect(carrying(raw, 'Seydou Bagayogo')).toHaveLength(1);
    expect(carrying(raw, 'Seydou Bagayoko')).not.toEqual(carrying(raw, 'Seydou Bagayogo'));
    expect(carrying(raw, 'Lassana Touré')).toHaveLength(1);
  });

  it('merge, delete, rename and verify land in curation.json, one entry each, and in the graph', async () => {
    await recordDecision(store, { op: 'merge', entity: 'Seydou Bagayogo', into: 'Seydou Bagayoko' }, author);
    await recordDecision(store, { op: 'merge', entity: 'KoraMob', into: 'Kora Mobile' }, author);
    await recordDecision(store, { op: 'delete', entity: 'Lassana Touré' }, { author: 'Awa Test' });
    await recordDecision(
      store,
      { op: 'rename', entity: 'Fanta Coulibaly', label: 'Fanta Coulibaly Diarra' },
      { author: 'Awa Test' },
    );
    const r = await recordDecision(
      store,
      { op: 'verify', source: 'Seydou Bagayoko', target: 'Kora Mobile', kind: 'holds-role' },
      { author: 'Awa Test' },
    );
    expect(r.report.stale).toEqual([]);
    const file = JSON.parse(readFileSync(join(store, 'curation.json'), 'utf8'));
    expect(file.format).toBe('kunafoni-curation');
    expect(file.decisions.map((d: { op: string }) => d.op)).toEqual(['merge', 'merge', 'delete', 'rename', 'verify']);
    expect(file.decisions[0]).toMatchObject({
      author: 'Awa Test',
      note: 'checked in the articles',
      entity: { label: 'Seydou Bagayogo', kind: 'person' },
    });
    expect(Date.parse(file.decisions[0].date)).toBeGreaterThan(0);
    // one decision per block of lines: a diff of a new decision touches only its own lines
    expect(readFileSync(join(store, 'curation.json'), 'utf8').split('\n').length).toBeGreaterThan(5 * 8);

    const g = (await loadStore(store, { mustExist: true })).graph;
    expect(carrying(g, 'Seydou Bagayogo')).toEqual(carrying(g, 'Seydou Bagayoko'));
    expect(carrying(g, 'Lassana Touré')).toEqual([]);
    expect(carrying(g, 'Fanta Coulibaly Diarra')).toHaveLength(1);
  });

  it('ingesting more articles, one mentioning the deleted entity again, keeps every decision', async () => {
    const second = await ingestPaths([write('b2.jsonl', BATCH2)], { store });
    expect(second.ingested).toBe(BATCH2.length);
    // precondition: without curation, the new articles bring Lassana Touré and Bagayogo back
    const { buildGraph } = await import('../../src/graph/build.js');
    const uncurated = buildGraph(second.store.articles);
    const lassana = carrying(uncurated, 'Lassana Touré');
    expect(lassana).toHaveLength(1);
    expect(uncurated.getNodeAttribute(lassana[0]!, 'mentions')).toBe(2);

    for (const g of [second.store.graph, (await loadStore(store, { mustExist: true })).graph]) {
      expect(curationOf(g)).toMatchObject({ decisions: 5, applied: 5, stale: [] });
      expect(carrying(g, 'Lassana Touré')).toEqual([]);
      const [seydou] = carrying(g, 'Seydou Bagayoko');
      expect(carrying(g, 'Seydou Bagayogo')).toEqual([seydou]);
      // the new articles' mentions of the merged name count for the one entity
      expect(g.getNodeAttribute(seydou!, 'mentions')).toBe(
        carrying(uncurated, 'Seydou Bagayoko')
          .concat(carrying(uncurated, 'Seydou Bagayogo'))
          .reduce((n, k) => n + uncurated.getNodeAttribute(k, 'mentions'), 0),
      );
      expect(g.getNodeAttribute(carrying(g, 'Fanta Coulibaly')[0]!, 'label')).toBe('Fanta Coulibaly Diarra');
      expect(g.filterEdges((_e, a) => a.verified === true)).toHaveLength(1);
    }
  });
});

describe('curation in a store: undo and exports', () => {
  it('undo restores the previous graph exactly', async () => {
    const before = readFileSync(join(store, 'graph.json'), 'utf8');
    const beforeCuration = readFileSync(join(store, 'curation.json'), 'utf8');
    const r = await recordDecision(
      store,
      { op: 'merge', entity: 'Sahel Fibre', into: 'Kora Mobile' },
      { author: 'Awa Test' },
    );
    expect(readFileSync(join(store, 'graph.json'), 'utf8')).not.toBe(before);
    const u = await undoDecision(store);
    expect(u.removed.id).toBe(r.decision.id);
    expect(readFileSync(join(store, 'curation.json'), 'utf8')).toBe(beforeCuration);
    expect(readFileSync(join(store, 'graph.json'), 'utf8')).toBe(before);
    const loaded = (await loadStore(store, { mustExist: true })).graph;
    expect(JSON.stringify(loaded.export())).toBe(before);
  });

  it('undo of the last decision in the file returns to the graph the articles alone give', async () => {
    const other = join(dir, 'other');
    await ingestPaths([join(dir, 'b1.jsonl')], { store: other });
    const plain = readFileSync(join(other, 'graph.json'), 'utf8');
    await recordDecision(other, { op: 'delete', entity: 'Fanta Coulibaly' }, { author: 'x' });
    await undoDecision(other);
    expect(readFileSync(join(other, 'graph.json'), 'utf8')).toBe(plain);
    await expect(undoDecision(other)).rejects.toThrow(/no curation decision to undo/);
  });

  it('exports carry the decisions: merged names as aliases, verified on edges', async () => {
    const g = (await loadStore(store, { mustExist: true })).graph;
    const json = JSON.parse(exportJson(g));
    const seydou = json.nodes.find((n: { attributes: { label: string } }) => n.attributes.label === 'Seydou Bagayoko');
    expect(seydou.attributes.aliases).toContain('Seydou Bagayogo');
    expect(json.edges.filter((e: { attributes: { verified?: boolean } }) => e.attributes.verified)).toHaveLength(1);
    const gexf = exportGexf(g, {});
    expect(gexf).toMatch(/title="verified" type="boolean"/);
    expect(gexf.match(/<attvalue for="verified" value="true"\/>/g)).toHaveLength(1);
  });
});

describe('curation in a store: stale and hand-edited decisions', () => {
  it(
    'a decision that no longer applies is reported by loadStore, ingest, stats and curate list ' + '— not dropped',
    async () => {
      // the researcher prunes the store: the articles naming Lassana Touré go
      const path = join(store, 'articles.jsonl');
      const kept = readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l && !l.includes('Lassana'));
      writeFileSync(path, kept.join('\n') + '\n');
      // a hand-pruned file is shorter than the length the store recorded at its last save: say so in meta.json
      const metaPath = join(store, 'meta.json');
      const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      delete meta.articles;
      writeFileSync(metaPath, JSON.stringify(meta));
      const g = (await loadStore(store, { mustExist: true })).graph;
      const stale = curationOf(g)?.stale ?? [];
      expect(stale).toHaveLength(1);
      expect(stale[0]).toMatchObject({ op: 'delete' });
      expect(stale[0]!.message).toMatch(/"Lassana Touré" \(person:lassana-toure\) is no longer in the graph/);
      // still in the file
      expect(JSON.parse(readFileSync(join(store, 'curation.json'), 'utf8')).decisions).toHaveLength(5);

      const ingest = capture();
      expect(
        await run(
          [
            'ingest',
            write('b3.jsonl', [
              { title: 'x', date: '2024-07-01', source: 'Le Témoin', text: 'Fanta Coulibaly a visité Kayes.' },
            ]),
            '--store',
            store,
          ],
          ingest.io,
        ),
      ).toBe(0);
      expect(ingest.err.join('')).toMatch(/1 curation decision\(s\) no longer apply: \w{8} \("Lassana Touré"/);
      const stats = capture();
      await run(['stats', '--store', store], stats.io);
      expect(stats.out.join('')).toMatch(/curation +5 decisions, 1 no longer apply/);
      const list = capture();
      expect(await run(['curate', 'list', '--stale', '--json', '--store', store], list.io)).toBe(0);
      const rows = JSON.parse(list.out.join(''));
      expect(rows.map((r: { op: string; status: string }) => [r.op, r.status])).toEqual([['delete', 'stale']]);
    },
  );

  it('a hand-edited curation file is applied at the next load; a corrupt one is refused with the reason', async () => {
    const path = join(store, 'curation.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const decisions = file.decisions;
    file.decisions = decisions.filter((d: { op: string }) => d.op !== 'rename');
    writeFileSync(path, JSON.stringify(file, null, 2));
    const g = (await loadStore(store, { mustExist: true })).graph;
    expect(carrying(g, 'Fanta Coulibaly Diarra')).toEqual([]);
    expect(carrying(g, 'Fanta Coulibaly')).toHaveLength(1);
    file.decisions = [...decisions, { ...decisions[0], id: 'cafe0001', op: 'merge-all' }];
    writeFileSync(path, JSON.stringify(file, null, 2));
    await expect(loadStore(store)).rejects.toThrow(
      /curation\.json: decision 6 \(cafe0001\): "op" must be one of merge/,
    );
    writeFileSync(path, '{"format": "kunafoni-curation", "version": 1, "decisions": [');
    await expect(loadStore(store)).rejects.toThrow(/curation\.json is not valid JSON/);
    file.decisions = decisions;
    writeFileSync(path, JSON.stringify(file, null, 2));
  });
});
