// The command line as a user runs it: help, summaries on stderr, results on stdout, exit codes. The help
// and the usage errors run the installed binary (bin/kunafoni.js, a process of its own); the other
// commands run its main in this process (runCliHere), which prints and exits the same.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLES, cli, tempDir } from '../helpers/common.js';
import { runCliHere as here } from '../helpers/web-cli.js';

// one store for the whole file: the tests below run in order, ingest first
const { dir, cleanup } = tempDir();
afterAll(cleanup);
const store = join(dir, 'store');

describe('kunafoni CLI', () => {
  it('--help lists the commands with examples', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['ingest', 'export', 'stats']) expect(r.stdout).toContain(c);
    expect(r.stdout).toMatch(/Examples:/);
    expect(cli(['ingest', '--help']).stdout).toMatch(/Exit code 1 when any input failed/);
  });

  it('ingest prints a summary; a bad file is named on its own line, the good ones still go in, exit 1', async () => {
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{"title": "truncated", "text": "Le DG');
    const r = await here(['ingest', SAMPLES, bad, '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`kunafoni: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: invalid JSON`));
    expect(r.stderr).toMatch(/ingested 1[0-9], already stored 0, failed 1/);
    expect(r.stdout).toBe('');
  });

  it('ingesting the same files again adds nothing and exits 0', async () => {
    const r = await here(['ingest', SAMPLES, '--store', store]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ingested 0, already stored 1[0-9], failed 0/);
  });

  it('export --format json writes graphology JSON to stdout, pipeable to jq', async () => {
    const r = await here(['export', '--format', 'json', '--store', store]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout);
    expect(Array.isArray(g.nodes) && Array.isArray(g.edges)).toBe(true);
    const kinds = new Set(g.nodes.map((n: { attributes: { kind: string } }) => n.attributes.kind));
    expect(kinds).toContain('person');
    expect(kinds).toContain('organisation');
    for (const e of g.edges) expect(e.attributes.evidence.length).toBeGreaterThan(0);
  });
});

describe('kunafoni CLI: stats, neo4j articles, explain, usage errors', () => {
  it('stats --json counts what the store holds', async () => {
    const r = await here(['stats', '--json', '--store', store]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.articles).toBeGreaterThanOrEqual(12);
    expect(s.nodeKinds.person).toBeGreaterThan(5);
    // the sample articles run from March 2021 to January 2026
    expect(s.dates.first).toMatch(/^2021-03/);
    expect(s.dates.last).toMatch(/^2026-01/);
    expect(s.dates.undated).toBeGreaterThanOrEqual(0);
    expect(s.dates.undated).toBeLessThan(s.articles);
    const g = JSON.parse((await here(['export', '--format', 'json', '--store', store])).stdout);
    const linked = new Set(g.edges.flatMap((e: { source: string; target: string }) => [e.source, e.target]));
    expect(s.isolated).toBe(g.nodes.filter((n: { key: string }) => !linked.has(n.key)).length);
    expect((await here(['stats', '--store', store])).stdout).toMatch(
      /^dates +2021-03.* → 2026-01.*; \d+ undated article\(s\)\nisolated +\d+ entit/m,
    );
  });

  it('export --format neo4j lists every stored article in articles.csv, relations or not', async () => {
    const out = join(dir, 'neo4j');
    expect((await here(['export', '--format', 'neo4j', '--out', out, '--store', store])).code).toBe(0);
    const stats = JSON.parse((await here(['stats', '--json', '--store', store])).stdout);
    const lines = readFileSync(join(out, 'articles.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id:ID,:LABEL,article,title,date:date,outlet,url');
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(stats.articles);
  });

  it('explain shows the rule, the sentence, the confidence and how names were resolved', async () => {
    const r = await here(['explain', 'Kora Mobile', 'ARCN', '--store', store, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(x.edges.length).toBeGreaterThan(0);
    for (const e of x.edges)
      for (const ev of e.evidence) {
        expect(ev.rule).toMatch(/^[a-z-]+:/);
        expect(ev.sentence.length).toBeGreaterThan(20);
        expect(ev.confidence).toBeGreaterThan(0);
        // every rule cited comes with the reason its record gives
        expect(x.rules[ev.rule]).toMatch(/\w{4,}/);
      }
    const text = await here(['explain', 'kora mobile', 'arcn', '--store', store]);
    expect(text.stdout).toMatch(/sanctioned: .*Kora Mobile|sanctioned: .*→ Kora Mobile/);
    const rule = x.edges[0].evidence[0].rule as string;
    expect(text.stdout).toContain(`• rule ${rule}`);
    expect(text.stdout).toContain(`why: ${x.rules[rule]}`);
    const unknown = await here(['explain', 'Nobody Known', 'ARCN', '--store', store]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no entity matches "Nobody Known"/);
  });

  it('bad usage exits 2; a missing store is a clear message, not a stack trace', () => {
    expect(cli(['ingest']).code).toBe(2);
    expect(cli(['export', '--format', 'pdf', '--store', store]).code).toBe(2);
    const r = cli(['stats', '--store', join(dir, 'nowhere')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kunafoni: store .*nowhere: no store here yet/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
