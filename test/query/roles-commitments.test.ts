// Who held which post when (store.roles, `kunafoni query roles`) and commitments followed over time
// (store.commitments, `kunafoni query commitments`): on the fictional articles of
// test/fixtures/succession, whose succession and pledges are written down in its README, and on
// small graphs built by hand.
import { join } from 'node:path';
import Graph from 'graphology';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/errors.js';
import type { KGraph } from '../../src/graph/build.js';
import { openStore, type OpenedStore } from '../../src/query/open.js';
import { queryGraph } from '../../src/query/query.js';
import { contentWords, samePledge } from '../../src/query/commitments.js';
import type { Evidence } from '../../src/types.js';
import { edgeFromEvidence } from '../../src/graph/semantics.js';
import { cli, repoRoot, tempDir } from '../helpers/fixture-helpers.js';
import { setScoringMode } from '../../src/nlp/scorer.js';

// The succession fixtures test periods and threads over a known extraction: the rules' (the trained scorer
// is tested on its own, in scorer.test.ts and the corpus suite).
setScoringMode({ mode: 'rules' });

const fixtures = join(repoRoot, 'test', 'fixtures', 'succession');
let store: OpenedStore;
let dir: string;

beforeAll(async () => {
  dir = join(tempDir(), 'store');
  const res = await cli(['ingest', fixtures, '--store', dir, '--workers', '0']);
  expect(res.code, res.err).toBe(0);
  store = await openStore(dir);
});

const period = (p: {
  role: string;
  person: { label: string };
  organisation: { label: string };
  firstSeen?: string;
  lastSeen?: string;
}) => [p.role, p.person.label, p.organisation.label, p.firstSeen, p.lastSeen];

describe('role periods on the succession fixtures', () => {
  it('an organisation’s succession: the former DG, the new DG, the former DG become chairman', () => {
    expect(store.roles('Falaise Télécom').map(period)).toEqual([
      ['Directeur général', 'Bakary Ag Intalla', 'Falaise Télécom', '2021-04-13', '2022-11-09'],
      ['Directrice générale', 'Oumou Sanogo', 'Falaise Télécom', '2025-03-18', '2025-10-07'],
      ["Président du Conseil d'administration", 'Bakary Ag Intalla', 'Falaise Télécom', '2025-03-18', '2025-10-07'],
    ]);
  });

  it('a person’s changing roles at one organisation are separate periods, each with its sentences and outlets', () => {
    const periods = store.roles('bakary ag intalla');
    expect(periods.map(period)).toEqual([
      ['Directeur général', 'Bakary Ag Intalla', 'Falaise Télécom', '2021-04-13', '2022-11-09'],
      ["Président du Conseil d'administration", 'Bakary Ag Intalla', 'Falaise Télécom', '2025-03-18', '2025-10-07'],
    ]);
    const [dg, pca] = periods;
    expect(dg!.articles).toBe(2);
    expect(dg!.sources).toEqual(['Le Courrier du Sahel (fictional sample)']);
    expect(pca!.sources).toEqual(['La Gazette de Kayes (fictional sample)']);
    // every sentence of the DG period names him DG; none of the chairman's does
    for (const e of dg!.evidence) expect(e.sentence).toMatch(/Directeur général de Falaise Télécom/);
    for (const e of pca!.evidence) expect(e.sentence).toMatch(/Président du Conseil d’administration/);
    expect(dg!.evidence.map((e) => e.date)).toEqual([...dg!.evidence.map((e) => e.date)].sort());
  });

  it('an unknown name throws NotFoundError; an entity without roles has none', () => {
    expect(() => store.roles('Falaise Telekom SA')).toThrow(NotFoundError);
    const topic = store.graph.findNode((_k, a) => a.kind === 'topic')!;
    expect(store.roles(store.graph.getNodeAttribute(topic, 'label'))).toEqual([]);
  });

  it('kunafoni query roles: a table, and --json as the API returns it', async () => {
    const text = await cli(['query', 'roles', 'Falaise Télécom', '--store', dir]);
    expect(text.code).toBe(0);
    const lines = text.out.split('\n');
    expect(lines[0]).toBe('Falaise Télécom: 3 role period(s)');
    expect(lines[3]).toMatch(/^2021-04-13 … 2022-11-09\s+Directeur général\s+Bakary Ag Intalla\s+2\s/);
    expect(lines[4]).toMatch(/^2025-03-18 … 2025-10-07\s+Directrice générale\s+Oumou Sanogo\s/);
    const json = await cli(['query', 'roles', 'Falaise Télécom', '--store', dir, '--json']);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(store.roles('Falaise Télécom'))));
    const missing = await cli(['query', 'roles', 'Falaise Telekom SA', '--store', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no entity matches "Falaise Telekom SA"/);
  });
});

describe('role periods on a graph built by hand', () => {
  const ev = (date: string | undefined, role: string | undefined, article: string): Evidence => ({
    article,
    sentence: `${role ?? 'no role'} ${date ?? ''}`,
    start: 0,
    end: 1,
    rule: 'test',
    ...(date ? { date } : {}),
    ...(role ? { role } : {}),
  });
  const graph = (): KGraph => {
    const g = new Graph({ type: 'mixed', multi: true }) as unknown as KGraph;
    g.addNode('person:p', { label: 'P', kind: 'person', aliases: [], mentions: 3, articles: [] });
    g.addNode('org:o', { label: 'O', kind: 'organisation', aliases: [], mentions: 3, articles: [] });
    // the edge's role is the most frequent one (PCA): the 2021 sentences say DG
    g.addDirectedEdgeWithKey('holds-role|person:p|org:o', 'person:p', 'org:o', {
      kind: 'holds-role',
      weight: 4,
      sources: [],
      role: 'PCA',
      evidence: [
        ev('2021-02', 'Directeur général', 'a1'),
        ev('2021-06-01', 'directeur general', 'a2'),
        ev('2025', 'PCA', 'a3'),
        ev('2025-05-05', 'PCA', 'a4'),
        ev(undefined, undefined, 'a5'),
      ],
    });
    return g;
  };
  it(
    'splits one relation by the role each sentence gives (case and accents aside); ' +
      'a sentence without a role takes the relation’s',
    () => {
      const periods = queryGraph(graph()).roles('P');
      expect(periods.map((p) => [p.role, p.firstSeen, p.lastSeen, p.articles])).toEqual([
        ['Directeur général', '2021-02', '2021-06-01', 2],
        ['PCA', '2025', '2025-05-05', 3],
      ]);
      // the evidence order of every edge (graph/semantics): undated first, then by date
      expect(periods[1]!.evidence.map((e) => e.article)).toEqual(['a5', 'a3', 'a4']);
    },
  );
  it('a role worded two ways equally often is named as the edge’s role is (the accented wording)', () => {
    const evidence = [ev('2021-02', 'directeur general', 'a1'), ev('2021-06', 'Directeur général', 'a2')];
    const g = graph();
    g.setEdgeAttribute('holds-role|person:p|org:o', 'evidence', evidence);
    const edgeRole = edgeFromEvidence({ kind: 'holds-role' }, evidence, []).role;
    expect(edgeRole).toBe('Directeur général');
    expect(
      queryGraph(g)
        .roles('P')
        .map((p) => p.role),
    ).toEqual([edgeRole]);
  });
});

describe('commitment threads on the succession fixtures', () => {
  const shape = (t: {
    actor: { label: string };
    topic: { label: string };
    status: string;
    steps: { date?: string; status: string }[];
  }) => [t.actor.label, t.status, t.steps.map((s) => [s.date, s.status])];

  it('one actor’s pledge followed across articles: announced then implemented; announced then abandoned', () => {
    expect(store.commitments().map(shape)).toEqual([
      [
        'Bakary Ag Intalla',
        'implemented',
        [
          ['2021-04-13', 'announced'],
          ['2022-11-09', 'implemented'],
        ],
      ],
      [
        'Falaise Télécom',
        'abandoned',
        [
          ['2021-04-13', 'announced'],
          ['2025-10-07', 'abandoned'],
        ],
      ],
    ]);
    const [solar, datacentre] = store.commitments();
    expect(solar!.steps[0]!.sentence).toMatch(/s’est engagé à mettre en service 200 sites solaires/);
    expect(solar!.steps[1]!.sentence).toMatch(/a annoncé la mise en service des 200 sites solaires/);
    expect(solar!.relations).toHaveLength(2);
    expect(datacentre!.steps[1]!.sentence).toMatch(/a finalement renoncé au projet/);
    expect(datacentre!.sources).toEqual([
      'La Gazette de Kayes (fictional sample)',
      'Le Courrier du Sahel (fictional sample)',
    ]);
  });

  it('filters: --actor, --status (the latest step’s), --since and --until (a step in the window)', () => {
    expect(store.commitments({ actor: 'falaise telecom' }).map((t) => t.status)).toEqual(['abandoned']);
    expect(store.commitments({ status: 'implemented' }).map((t) => t.actor.label)).toEqual(['Bakary Ag Intalla']);
    expect(store.commitments({ status: ['announced'] })).toEqual([]);
    expect(store.commitments({ since: '2023' }).map((t) => t.actor.label)).toEqual(['Falaise Télécom']);
    expect(store.commitments({ until: '2021-12' })).toHaveLength(2);
    expect(() => store.commitments({ actor: 'Nobody Known' })).toThrow(NotFoundError);
    expect(() => store.commitments({ since: 'last year' })).toThrow(/since/);
  });

  it('kunafoni query commitments: the threads, --json, and a bad status exits 2', async () => {
    const text = await cli(['query', 'commitments', '--store', dir, '--status', 'abandoned,implemented']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^2 commitment thread\(s\)/);
    expect(text.out).toContain('Falaise Télécom → Infrastructures: ABANDONED  (2021-04-13 … 2025-10-07, 2 step(s))');
    const json = await cli(['query', 'commitments', '--store', dir, '--actor', 'Bakary Ag Intalla', '--json']);
    expect(JSON.parse(json.out)).toEqual(JSON.parse(JSON.stringify(store.commitments({ actor: 'Bakary Ag Intalla' }))));
    const bad = await cli(['query', 'commitments', '--store', dir, '--status', 'kept']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown status "kept"; expected one of announced, signed, implemented, abandoned/);
  });
});

describe('samePledge: which wordings are one pledge', () => {
  it.each([
    [
      's’est engagé à mettre en service 200 sites solaires dans la région de Ségou',
      'a annoncé la mise en service des 200 sites solaires de Ségou',
      true,
    ],
    [
      'construira un centre de données à Kayes pour héberger les services publics',
      'construire un centre de données à Kayes, a renoncé au projet',
      true,
    ],
    [
      'déployer cent nouveaux sites d’ici la fin de l’année',
      'mettre son réseau et son expertise au service de la modernisation',
      false,
    ],
    ['former 1 000 jeunes en deux ans', 'recruter 150 stagiaires du programme', false],
  ])('%s / %s → %s', (a, b, same) => {
    expect(samePledge(contentWords(a), contentWords(b))).toBe(same);
  });
});
