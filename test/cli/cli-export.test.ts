import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { records } from '../helpers/csv-parse.js';
import { cli, seedStoreDir, tempDir } from '../helpers/fixture-helpers.js';

const S = ['--store', seedStoreDir];

describe('kunafoni export', () => {
  it('json to stdout is the whole graph', async () => {
    const r = await cli(['export', '--format', 'json', ...S]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.out);
    expect([g.nodes.length, g.edges.length]).toEqual([9, 9]);
  });

  it.each([
    ['gexf', (t: string) => parseGexf(Graph, t)],
    ['graphml', (t: string) => parseGraphml(Graph, t)],
  ])('%s with filters writes only what the filters keep', async (format, parse) => {
    const out = join(tempDir(), `g.${format}`);
    const r = await cli([
      'export',
      '--format',
      format,
      '--kind',
      'person,organisation',
      '--relation',
      'met-with',
      '--relation',
      'holds-role',
      '--out',
      out,
      ...S,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/wrote 5 nodes and 4 edges/);
    const g = parse(readFileSync(out, 'utf8'));
    expect([g.order, g.size]).toEqual([5, 4]);
  });

  it('gexf --dynamic --ego --depth', async () => {
    const out = join(tempDir(), 'ego.gexf');
    const r = await cli([
      'export',
      '--format',
      'gexf',
      '--dynamic',
      '--ego',
      'jean sun wei',
      '--depth',
      '1',
      '--out',
      out,
      ...S,
    ]);
    expect(r.code, r.err).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('mode="dynamic"');
    expect(parseGexf(Graph, text).order).toBe(3);
  });
});

describe('kunafoni export: files and errors', () => {
  it('csv and neo4j write their files into --out DIR', async () => {
    const dir = tempDir();
    expect((await cli(['export', '--format', 'csv', '--min-sources', '2', '--out', join(dir, 'csv'), ...S])).code).toBe(
      0,
    );
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual(['edges.csv', 'evidence.csv', 'nodes.csv']);
    expect(records(readFileSync(join(dir, 'csv', 'edges.csv'), 'utf8'), '\r\n')).toHaveLength(1);
    expect((await cli(['export', '--format', 'neo4j', '--out', join(dir, 'neo4j'), ...S])).code).toBe(0);
    for (const f of [
      'entities.csv',
      'relations.csv',
      'evidence.csv',
      'articles.csv',
      'links.csv',
      'schema.cypher',
      'import.sh',
    ])
      expect(existsSync(join(dir, 'neo4j', f)), f).toBe(true);
  });

  it.each([['GEXF'], ['Gexf'], ['gexf']])('--format %s is accepted in any case', async (format) => {
    const r = await cli(['export', '--format', format, ...S]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/<gexf [^>]*version="1.3"/);
  });

  it.each([
    [['--format', 'csv'], /writes several files: give --out DIR/],
    [['--format', 'xml'], /unknown format xml; expected one of json, gexf/],
    [['--format', 'json', '--dynamic'], /--dynamic applies to --format gexf only/],
    [['--format', 'json', '--kind', 'people'], /unknown kind "people"/],
    [['--format', 'json', '--since', '2024-13'], /not an ISO date/],
  ])('bad usage %j exits 2 with a message', async (args, message) => {
    const r = await cli(['export', ...args, ...S]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('an unknown --ego exits 1 with the closest names', async () => {
    const r = await cli(['export', '--format', 'json', '--ego', 'Huawey', ...S]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/closest: "Huawei"/);
  });
});
