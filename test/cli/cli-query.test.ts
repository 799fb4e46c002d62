import { describe, expect, it } from 'vitest';
import { cli, seedStoreDir } from '../helpers/fixture-helpers.js';

const S = ['--store', seedStoreDir];

describe('kunafoni query', () => {
  it('neighbors huawei --json includes Jean Sun Wei', async () => {
    const r = await cli(['query', 'neighbors', 'huawei', '--json', ...S]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out) as { entity: { label: string; kind: string }; relation: { kind: string } }[];
    expect(res).toContainEqual(
      expect.objectContaining({ entity: expect.objectContaining({ label: 'Jean Sun Wei', kind: 'person' }) }),
    );
  });

  it(
    `path "Leyti N'Diaye" "Jean Sun Wei" --json passes through Alhamdou Ag Ilyène ` + 'with evidence on each step',
    async () => {
      const r = await cli(['query', 'path', "Leyti N'Diaye", 'Jean Sun Wei', '--json', ...S]);
      expect(r.code).toBe(0);
      const p = JSON.parse(r.out) as {
        steps: { from: { label: string }; to: { label: string }; evidence: { sentence: string }[] }[];
      };
      expect(p.steps.map((s) => s.to.label)).toContain('Alhamdou Ag Ilyène');
      expect(p.steps.at(-1)!.to.label).toBe('Jean Sun Wei');
      for (const s of p.steps) expect(s.evidence.length).toBeGreaterThan(0);
    },
  );

  it('entity "alhamdou ag ilyene" --json finds the accented label', async () => {
    const r = await cli(['query', 'entity', 'alhamdou ag ilyene', '--json', ...S]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      label: 'Alhamdou Ag Ilyène',
      kind: 'person',
      aliases: ['Alhamdou AG Ilyène'],
    });
  });

  it('an unknown name exits 1 with the closest matches on stderr, nothing on stdout', async () => {
    const r = await cli(['query', 'neighbors', 'Jean Sun Way', '--json', ...S]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/no entity matches "Jean Sun Way"; closest: "Jean Sun Wei"/);
  });
});

describe('kunafoni query: readable tables and errors', () => {
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
    [
      ['relations', '--kind', 'holds-role'],
      (d: { kind: string }[]) => d.length === 2 && d.every((x) => x.kind === 'holds-role'),
    ],
    [
      ['relations', '--from', 'huawei', '--since', '2024'],
      (d: { kind: string }[]) => d.length === 1 && d[0]!.kind === 'signed-agreement-with',
    ],
    [
      ['timeline', 'Orange Mali'],
      (d: { date: string }[]) =>
        d.length === 4 &&
        d.map((x) => x.date).join() ===
          d
            .map((x) => x.date)
            .sort()
            .join(),
    ],
    [['search', 'orange'], (d: { entity: { label: string } }[]) => d[0]!.entity.label === 'Orange Mali'],
    [
      ['search', 'écoles', '--evidence'],
      (d: { evidence: { sentence: string } }[]) => d.length === 1 && d[0]!.evidence.sentence.includes('écoles'),
    ],
    [
      ['neighbors', 'Orange Mali', '--relation', 'holds-role,sanctioned', '--kind', 'organisation'],
      (d: { entity: { label: string } }[]) => d.length === 1 && d[0]!.entity.label === 'AMRTP',
    ],
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

describe('kunafoni query: ambiguous names', async () => {
  const { namesakesGraph, tempDir } = await import('../helpers/fixture-helpers.js');
  const { writeFixtureStore } = await import('../helpers/fixture-store.js');
  const dir = tempDir();
  await writeFixtureStore(dir, (await namesakesGraph()).export());

  it.each([['entity'], ['neighbors'], ['timeline']])(
    '%s "Touré" exits 1 listing the candidates with kind and role, nothing on stdout',
    async (cmd) => {
      const r = await cli(['query', cmd, 'Touré', '--store', dir]);
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/"Touré" is ambiguous: 2 entities match/);
      expect(r.err).toMatch(/Amadou Touré \(person, Directeur général; 3 articles\)\s+person:amadou-toure/);
      expect(r.err).toMatch(/Awa Touré \(person, ministre; 1 article\)\s+person:awa-toure/);
    },
  );

  it('the node key a candidate lists then works', async () => {
    const r = await cli(['query', 'entity', 'person:awa-toure', '--json', '--store', dir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).label).toBe('Awa Touré');
  });
});

describe('kunafoni query articles / article', () => {
  it('articles lists every stored article, dated oldest first, with what each produced', async () => {
    const r = await cli(['query', 'articles', '--json', ...S]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out) as {
      id: string;
      date?: string;
      title?: string;
      entities: number;
      relations: number;
    }[];
    expect(res.map((a) => a.date)).toEqual(['2023-03-14', '2023-11-20', '2024-06-02']);
    expect(res[0]).toMatchObject({
      id: 'a1c0ffee00000001',
      title: expect.stringMatching(/^Fibre optique/),
      entities: 4,
      relations: 2,
    });
    const text = (await cli(['query', 'articles', ...S])).out;
    expect(text).toMatch(/^3 article\(s\)\ndate +id +outlet +entities +relations +title/);
  });

  it(
    'article <id prefix> shows its entities and the relations its sentences state, ' + 'with rule and sentence',
    async () => {
      const one = await cli(['query', 'article', 'a1c0ff', '--json', ...S]);
      expect(one.code).toBe(0);
      const rep = JSON.parse(one.out);
      expect(rep.entityList.map((e: { label: string }) => e.label)).toContain("Leyti N'Diaye");
      expect(rep.relationList.map((x: { kind: string }) => x.kind).sort()).toEqual(['holds-role', 'met-with']);
      for (const x of rep.relationList) for (const e of x.evidence) expect(e.article).toBe('a1c0ffee00000001');
      const text = (await cli(['query', 'article', 'a1c0ffee00000001', ...S])).out;
      expect(text).toMatch(
        new RegExp(
          "Leyti N'Diaye → holds-role → Orange Mali\\n +" +
            '\\[role:apposition\\] Leyti N’Diaye, Directeur général d’Orange Mali',
        ),
      );
    },
  );

  it('an id prefix shared by several articles is refused, naming them', async () => {
    const { findArticle, ArticleNotFoundError } = await import('../../src/query/articles.js');
    const list = [{ id: 'abcd1111' }, { id: 'abcd2222' }, { id: 'ffff0000' }];
    expect(findArticle(list, 'abcd2').id).toBe('abcd2222');
    expect(() => findArticle(list, 'abcd')).toThrow(ArticleNotFoundError);
    expect(() => findArticle(list, 'abcd')).toThrow(
      /article id "abcd" is ambiguous: abcd1111, abcd2222; give more characters/,
    );
    expect(() => findArticle(list, 'abc')).toThrow(/no article with id "abc"/);
  });

  it('an unknown article id exits 1 and says where to find the ids', async () => {
    const r = await cli(['query', 'article', 'ffff0000', ...S]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no article with id "ffff0000"; `kunafoni query articles` lists them/);
  });

  it('tables cut long sentences at about 90 characters; --wide prints them whole', async () => {
    const cutRows = (await cli(['query', 'timeline', 'huawei', ...S])).out;
    expect(cutRows).toMatch(/déployer 1 200…/);
    const wide = (await cli(['query', 'timeline', 'huawei', '--wide', ...S])).out;
    expect(wide).not.toMatch(/…/);
    expect(wide).toMatch(/déployer 1 200 [^\n]*\./);
  });
});

describe('kunafoni query timeline: undated evidence', async () => {
  const { seedGraph, tempDir } = await import('../helpers/fixture-helpers.js');
  const { writeFixtureStore } = await import('../helpers/fixture-store.js');
  const g = (await seedGraph()).copy();
  const edge = g.findEdge((_k, a) => a.kind === 'signed-agreement-with')!;
  g.updateEdgeAttribute(edge, 'evidence', (ev) => ev!.map(({ date: _d, ...e }) => e));
  const dir = tempDir();
  await writeFixtureStore(dir, g.export());

  it('says how many undated sentences it left out; --undated lists them after the dated ones', async () => {
    const r = await cli(['query', 'timeline', 'huawei', '--store', dir]);
    expect(r.out).toMatch(/^Huawei: 2 dated sentence\(s\); 1 undated left out \(--undated lists them\)/);
    const all = await cli(['query', 'timeline', 'huawei', '--undated', '--json', '--store', dir]);
    const res = JSON.parse(all.out) as { date: string; kind: string }[];
    expect(res.map((t) => t.date)).toEqual(['2023-11-20', '2023-11-20', 'undated']);
    expect(res.at(-1)!.kind).toBe('signed-agreement-with');
  });
});
