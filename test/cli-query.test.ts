import { describe, expect, it } from 'vitest';
import { cli, seedStoreDir } from './fixture-helpers.js';

const S = ['--store', seedStoreDir];

describe('kunafoni query', () => {
  it('neighbors huawei --json includes Jean Sun Wei', async () => {
    const r = await cli(['query', 'neighbors', 'huawei', '--json', ...S]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out) as { entity: { label: string; kind: string }; relation: { kind: string } }[];
    expect(res).toContainEqual(expect.objectContaining({ entity: expect.objectContaining({ label: 'Jean Sun Wei', kind: 'person' }) }));
  });

  it(`path "Leyti N'Diaye" "Jean Sun Wei" --json passes through Alhamdou Ag Ilyène with evidence on each step`, async () => {
    const r = await cli(['query', 'path', "Leyti N'Diaye", 'Jean Sun Wei', '--json', ...S]);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.out) as { steps: { from: { label: string }; to: { label: string }; evidence: { sentence: string }[] }[] };
    expect(p.steps.map((s) => s.to.label)).toContain('Alhamdou Ag Ilyène');
    expect(p.steps.at(-1)!.to.label).toBe('Jean Sun Wei');
    for (const s of p.steps) expect(s.evidence.length).toBeGreaterThan(0);
  });

  it('entity "alhamdou ag ilyene" --json finds the accented label', async () => {
    const r = await cli(['query', 'entity', 'alhamdou ag ilyene', '--json', ...S]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ label: 'Alhamdou Ag Ilyène', kind: 'person', aliases: ['Alhamdou AG Ilyène'] });
  });

  it('an unknown name exits 1 with the closest matches on stderr, nothing on stdout', async () => {
    const r = await cli(['query', 'neighbors', 'Jean Sun Way', '--json', ...S]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/no entity matches "Jean Sun Way"; closest: "Jean Sun Wei"/);
  });

  it('prints readable tables by default', async () => {
    const r = await cli(['query', 'neighbors', 'Orange Mali', ...S]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('Orange Mali: 4 neighbour(s)');
    expect(lines[1]).toMatch(/^relation\s+neighbour\s+kind\s+weight/);
    expect(lines).toHaveLength(3 + 4);
    expect(r.out).toContain("Leyti N'Diaye");
  });

  it.each([
    [['relations', '--kind', 'holds-role'], (d: { kind: string }[]) => d.length === 2 && d.every((x) => x.kind === 'holds-role')],
    [['relations', '--from', 'huawei', '--since', '2024'], (d: { kind: string }[]) => d.length === 1 && d[0]!.kind === 'signed-agreement-with'],
    [['timeline', 'Orange Mali'], (d: { date: string }[]) => d.length === 4 && d.map((x) => x.date).join() === d.map((x) => x.date).sort().join()],
    [['search', 'orange'], (d: { entity: { label: string } }[]) => d[0]!.entity.label === 'Orange Mali'],
    [['search', 'écoles', '--evidence'], (d: { evidence: { sentence: string } }[]) => d.length === 1 && d[0]!.evidence.sentence.includes('écoles')],
    [['neighbors', 'Orange Mali', '--relation', 'holds-role,sanctioned', '--kind', 'organisation'], (d: { entity: { label: string } }[]) => d.length === 1 && d[0]!.entity.label === 'AMRTP'],
  ])('%j --json', async (args, check) => {
    const r = await cli(['query', ...args, '--json', ...S]);
    expect(r.code, r.err).toBe(0);
    expect(check(JSON.parse(r.out))).toBe(true);
  });

  it('bad usage exits 2', async () => {
    expect((await cli(['query', 'neighbors', 'huawei', '--relation', 'knows', ...S])).code).toBe(2);
    expect((await cli(['query', 'relations', '--since', 'yesterday', ...S])).code).toBe(2);
    expect((await cli(['query', 'entity', ...S])).code).toBe(2);
  });

  it('a missing store is an error naming it', async () => {
    const r = await cli(['query', 'entity', 'x', '--store', '/nonexistent/kunafoni-store']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nonexistent\/kunafoni-store/);
  });
});
