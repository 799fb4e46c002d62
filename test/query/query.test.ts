import { describe, expect, it } from 'vitest';
import { AmbiguousNameError, NotFoundError } from '../../src/errors.js';
import { openStore } from '../../src/query/open.js';
import { queryGraph } from '../../src/query/query.js';
import { ReadOnlyGraphError } from '../../src/graph/readonly.js';
import { awkwardGraph, seedStoreDir, thrown } from '../helpers/fixture-helpers.js';

describe('query API on the seed store', async () => {
  const store = await openStore(seedStoreDir);

  it.each([
    ['alhamdou ag ilyene', 'Alhamdou Ag Ilyène'],
    ['ALHAMDOU AG ILYÈNE', 'Alhamdou Ag Ilyène'],
    ['Alhamdou AG Ilyène', 'Alhamdou Ag Ilyène'],
    ['Leyti N’Diaye', "Leyti N'Diaye"],
    ['leyti ndiaye', "Leyti N'Diaye"],
    ['huawei mali', 'Huawei'],
    ['org:orange-mali', 'Orange Mali'],
    ['Ilyène', 'Alhamdou Ag Ilyène'],
  ])('entity(%j) finds %s', (name, label) => {
    expect(store.entity(name).label).toBe(label);
  });

  it('entity() carries kind, aliases, roles, dates and relation counts', () => {
    const e = store.entity('leyti ndiaye');
    expect(e).toMatchObject({
      kind: 'person',
      aliases: ['Leyti N’Diaye'],
      roles: ['Directeur général'],
      firstSeen: '2023-03-14',
      lastSeen: '2024-06-02',
      degree: 2,
    });
    expect(e.relationCounts).toEqual({ 'met-with': 1, 'holds-role': 1 });
  });

  it('an unknown name throws NotFoundError with the closest names', () => {
    expect(() => store.entity('Alhamdu Ilyen')).toThrow(NotFoundError);
    const err = thrown(() => store.entity('Jean Sun Way')) as NotFoundError | undefined;
    expect(err?.suggestions[0]).toBe('Jean Sun Wei');
    expect(err?.message).toMatch(/Jean Sun Way.*closest.*Jean Sun Wei/);
  });

  it('a word shared by several entities is ambiguous, and lists them with their kinds', () => {
    expect(() => store.entity('directeur')).toThrow(NotFoundError);
    const err = thrown(() => store.entity('Mali')) as AmbiguousNameError | undefined;
    expect(err).toBeInstanceOf(AmbiguousNameError);
    expect(err!.candidates.map((c) => [c.label, c.kind]).sort()).toEqual([
      ['Huawei', 'organisation'],
      ['Orange Mali', 'organisation'],
    ]);
  });

  it('neighbors(huawei) includes Jean Sun Wei through holds-role, pointing in', () => {
    const ns = store.neighbors('huawei');
    const jean = ns.find((n) => n.entity.label === 'Jean Sun Wei');
    expect(jean).toMatchObject({
      direction: 'in',
      entity: { kind: 'person' },
      relation: { kind: 'holds-role', role: 'Directeur général' },
    });
    expect(jean!.relation.evidence[0]!.sentence).toContain('Jean Sun Wei');
  });

  it('neighbors() filters by relation, neighbour kind and dates', () => {
    const all = store.neighbors('Orange Mali');
    expect(all.map((n) => n.entity.label).sort()).toEqual(['AMRTP', 'Huawei', "Leyti N'Diaye", 'inclusion numérique']);
    expect(store.neighbors('Orange Mali', { relation: 'holds-role' }).map((n) => n.entity.label)).toEqual([
      "Leyti N'Diaye",
    ]);
    expect(
      store
        .neighbors('Orange Mali', { kind: ['organisation'] })
        .map((n) => n.entity.label)
        .sort(),
    ).toEqual(['AMRTP', 'Huawei']);
    expect(store.neighbors('Orange Mali', { until: '2023-12-31' }).map((n) => n.entity.label)).toEqual([
      "Leyti N'Diaye",
    ]);
    expect(
      store
        .neighbors('Orange Mali', { direction: 'in' })
        .map((n) => n.entity.label)
        .sort(),
    ).toEqual(['AMRTP', 'Huawei', "Leyti N'Diaye"]);
  });
});

describe('query API on the seed store: paths and relations', async () => {
  const store = await openStore(seedStoreDir);

  it("path(Leyti N'Diaye, Jean Sun Wei) passes through Alhamdou Ag Ilyène with evidence on each step", () => {
    const p = store.path("Leyti N'Diaye", 'Jean Sun Wei')!;
    expect(p.length).toBe(2);
    expect(p.steps.map((s) => s.to.label)).toEqual(['Alhamdou Ag Ilyène', 'Jean Sun Wei']);
    for (const s of p.steps) {
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const e of s.evidence) expect(e.sentence).toMatch(/Alhamdou/);
    }
    // evidence in date order
    const dates = p.steps[0]!.evidence.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('path() prefers chains of people and organisations to a shared topic', () => {
    // Huawei → Alhamdou: through Jean Sun Wei (holds-role, met-with) or through "fibre optique"
    // (committed-to, discussed)
    expect(store.path('Huawei', 'Alhamdou Ag Ilyène')!.steps.map((s) => s.to.label)).toEqual([
      'Jean Sun Wei',
      'Alhamdou Ag Ilyène',
    ]);
    expect(store.path('Huawei', 'Alhamdou Ag Ilyène', { through: 'any' })!.length).toBe(2);
    // a topic is still crossed when nothing else connects
    expect(store.path('inclusion numérique', 'AMRTP')!.steps.map((s) => s.to.label)).toEqual(['Orange Mali', 'AMRTP']);
  });

  it('path() ignores directions, returns null when unconnected and a 0-step path to itself', () => {
    const p = store.path('AMRTP', 'Jean Sun Wei')!;
    expect(p.steps.map((s) => s.to.label)).toEqual(['Orange Mali', 'Huawei', 'Jean Sun Wei']);
    expect(store.path('Bamako', 'Huawei')).toBeNull();
    expect(store.path('Huawei', 'huawei technologies')).toMatchObject({ length: 0, steps: [] });
  });

  it('relations() filters by kind, ends and dates', () => {
    expect(store.relations().length).toBe(9);
    const roles = store.relations({ kind: 'holds-role' });
    expect(roles.map((r) => `${r.source.label} -> ${r.target.label}`).sort()).toEqual([
      'Jean Sun Wei -> Huawei',
      "Leyti N'Diaye -> Orange Mali",
    ]);
    // undirected relations match either end
    expect(store.relations({ from: 'Orange Mali', kind: 'signed-agreement-with' })).toHaveLength(1);
    expect(
      store
        .relations({ to: 'Orange Mali' })
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['holds-role', 'sanctioned', 'signed-agreement-with']);
    expect(store.relations({ from: 'Alhamdou Ag Ilyène', to: "Leyti N'Diaye" })).toHaveLength(1);
    expect(store.relations({ since: '2024-01-01' }).every((r) => r.evidence.every((e) => e.date! >= '2024'))).toBe(
      true,
    );
  });

  it('ego() returns the surroundings with labels and kinds', () => {
    const ego = store.ego('Jean Sun Wei', 1);
    expect(ego.entities.map((e) => e.label).sort()).toEqual(['Alhamdou Ag Ilyène', 'Huawei', 'Jean Sun Wei']);
    expect(ego.relations.map((r) => r.kind).sort()).toEqual(['holds-role', 'met-with']);
    expect(store.ego('Jean Sun Wei', 2).entities.length).toBeGreaterThan(ego.entities.length);
  });
});

describe('query API on the seed store: timeline, search, copies', async () => {
  const store = await openStore(seedStoreDir);

  it('timeline() lists dated evidence oldest first', () => {
    const t = store.timeline('Alhamdou Ag Ilyène');
    expect(t.length).toBe(4);
    expect(t.map((x) => x.date)).toEqual([...t.map((x) => x.date)].sort());
    expect(t[0]!.other.label).toBe("Leyti N'Diaye");
    expect(t.every((x) => x.evidence.sentence.length > 0)).toBe(true);
  });

  it('search() ranks exact names first and finds aliases and roles', () => {
    expect(store.search('huawei')[0]!.entity.label).toBe('Huawei');
    expect(store.search('N’Diaye')[0]!.entity.label).toBe("Leyti N'Diaye");
    expect(
      store
        .search('directeur general')
        .map((h) => h.entity.label)
        .sort(),
    ).toEqual(['Jean Sun Wei', "Leyti N'Diaye"]);
    expect(store.search('zzz')).toEqual([]);
    const ev = store.searchEvidence('ECOLES');
    expect(ev).toHaveLength(1);
    expect(ev[0]!.relation.source.label).toBe('Orange Mali');
  });

  it('graph is read-only, and results are copies', () => {
    expect(store.graph.order).toBe(9);
    expect(() => (store.graph as unknown as { dropNode(k: string): void }).dropNode('org:huawei')).toThrow(
      ReadOnlyGraphError,
    );
    expect(() =>
      (store.graph as unknown as { setNodeAttribute(k: string, n: string, v: unknown): void }).setNodeAttribute(
        'org:huawei',
        'label',
        'x',
      ),
    ).toThrow(ReadOnlyGraphError);
    const n = store.neighbors('huawei')[0]!;
    n.relation.evidence.length = 0;
    expect(store.neighbors('huawei')[0]!.relation.evidence.length).toBeGreaterThan(0);
  });

  it('works on a multi graph with parallel relations', async () => {
    const q = queryGraph(await awkwardGraph());
    const step = q.path('Huawei', 'fibre optique')!.steps[0]!;
    expect(step.relations.map((r) => r.kind).sort()).toEqual(['committed-to', 'discussed']);
    expect(q.entity('huawei, "tech" & co <mali>').label).toBe('Huawei');
  });
});

describe('ambiguous names', async () => {
  const { namesakesGraph } = await import('../helpers/fixture-helpers.js');
  const q = queryGraph(await namesakesGraph());

  it.each([['Touré'], ['toure'], ['TOURÉ']])(
    'entity(%j), an alias of two people, lists both with kind and role',
    (name) => {
      const err = thrown(() => q.entity(name)) as AmbiguousNameError | undefined;
      expect(err).toBeInstanceOf(AmbiguousNameError);
      expect(err!.candidates).toEqual([
        expect.objectContaining({ label: 'Amadou Touré', kind: 'person', roles: ['Directeur général'], mentions: 3 }),
        expect.objectContaining({ label: 'Awa Touré', kind: 'person', roles: ['ministre'], mentions: 1 }),
      ]);
      expect(err!.message).toMatch(/"[^"]+" is ambiguous: 2 entities match/);
      expect(err!.message).toMatch(/Amadou Touré \(person, Directeur général; 3 articles\)/);
    },
  );

  it('a surname only in labels ("Traoré") is ambiguous too, not "no entity matches"', () => {
    const err = thrown(() => q.entity('Traoré')) as AmbiguousNameError | undefined;
    expect(err).toBeInstanceOf(AmbiguousNameError);
    expect(err!.candidates.map((c) => c.label).sort()).toEqual(['Issa Traoré', 'Moussa Traoré']);
  });

  it('a full name, a node key, or a name one entity has as its label and another as an alias, is not ambiguous', () => {
    expect(q.entity('Awa Touré').label).toBe('Awa Touré');
    expect(q.entity('person:amadou-toure').label).toBe('Amadou Touré');
    expect(q.entity('Issa Traoré').key).toBe('person:issa-traore');
    expect(q.entity('Orange').key).toBe('org:orange');
  });
});
