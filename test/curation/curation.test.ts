// applyCuration over a hand-built graph (fictional names): each operation does what a researcher
// expects, decisions chain (a rename after a merge finds the merged entity), a decision whose entity
// is gone is reported stale, the input graph is never modified.
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import type { KGraph } from '../../src/graph/build.js';
import { applyCuration, containsName, type Decision, type EntityRef } from '../../src/curation/curation.js';
import { decide } from '../../src/curation/curation-decide.js';
import { abbreviates, suggestDuplicates } from '../../src/curation/suggest.js';
import type { EdgeAttributes, Evidence, NodeAttributes } from '../../src/types.js';

const ev = (
  article: string,
  sentence: string,
  date: string,
  source: string,
  extra: Partial<Evidence> = {},
): Evidence => ({
  article,
  sentence,
  start: 0,
  end: sentence.length,
  date,
  source,
  rule: 'test',
  ...extra,
});

function node(
  label: string,
  kind: NodeAttributes['kind'],
  articles: string[],
  aliases: string[] = [],
  extra: Partial<NodeAttributes> = {},
): NodeAttributes {
  return {
    label,
    kind,
    aliases,
    mentions: articles.length,
    articles,
    firstSeen: '2024-01-01',
    lastSeen: '2024-06-01',
    ...extra,
  };
}

function edge(kind: EdgeAttributes['kind'], evidence: Evidence[], extra: Partial<EdgeAttributes> = {}): EdgeAttributes {
  return {
    kind,
    weight: new Set(evidence.map((e) => e.article)).size,
    evidence,
    sources: [...new Set(evidence.map((e) => e.source!))].sort(),
    firstSeen: evidence[0]!.date!,
    lastSeen: evidence[evidence.length - 1]!.date!,
    ...extra,
  };
}

/** Kora Mobile, also seen as "Kora" (a duplicate node) and "Sahel Tel" (an alias that is another company). */
function fixture(): KGraph {
  const g: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
  g.replaceAttributes({ version: 1, articles: 4 });
  g.addNode(
    'org:kora-mobile',
    node('Kora Mobile', 'organisation', ['a1', 'a2', 'a3'], ['Sahel Tel'], {
      firstSeen: '2024-01-01',
      lastSeen: '2024-03-01',
    }),
  );
  g.addNode('org:kora', node('Kora', 'organisation', ['a4'], [], { firstSeen: '2024-05-01', lastSeen: '2024-05-01' }));
  g.addNode(
    'person:awa-sangare',
    node('Awa Sangaré', 'person', ['a1', 'a4'], ['Awa Sangare'], { roles: ['Directrice générale'] }),
  );
  g.addNode('person:bakary-doumbia', node('Bakary Doumbia', 'person', ['a2', 'a3']));
  g.addNode('topic:fibre', node('Fibre optique', 'topic', ['a3']));
  const hr1 = ev('a1', 'Awa Sangaré, directrice générale de Kora Mobile, a parlé.', '2024-01-01', 'Le Témoin', {
    role: 'Directrice générale',
    confidence: 0.8,
  });
  const hr4 = ev('a4', 'Awa Sangaré, directrice générale de Kora, a parlé.', '2024-05-01', 'Le Veilleur', {
    role: 'Directrice générale',
    confidence: 0.7,
  });
  g.addDirectedEdgeWithKey(
    'holds-role|person:awa-sangare|org:kora-mobile',
    'person:awa-sangare',
    'org:kora-mobile',
    edge('holds-role', [hr1], { role: 'Directrice générale' }),
  );
  g.addDirectedEdgeWithKey(
    'holds-role|person:awa-sangare|org:kora',
    'person:awa-sangare',
    'org:kora',
    edge('holds-role', [hr4], { role: 'Directrice générale' }),
  );
  g.addUndirectedEdgeWithKey(
    'met-with|org:kora-mobile|person:bakary-doumbia',
    'org:kora-mobile',
    'person:bakary-doumbia',
    edge('met-with', [
      ev('a2', 'Bakary Doumbia a rencontré Kora Mobile.', '2024-02-01', 'Le Témoin'),
      ev('a3', 'Bakary Doumbia a rencontré Sahel Tel à Kayes.', '2024-03-01', 'Info Sahel'),
    ]),
  );
  g.addUndirectedEdgeWithKey(
    'met-with|org:kora|org:kora-mobile',
    'org:kora',
    'org:kora-mobile',
    edge('met-with', [ev('a4', 'Kora et Kora Mobile ont signé.', '2024-05-01', 'Le Veilleur')]),
  );
  g.addDirectedEdgeWithKey(
    'committed-to|org:kora-mobile|topic:fibre|0000abcd',
    'org:kora-mobile',
    'topic:fibre',
    edge(
      'committed-to',
      [
        ev('a3', 'Kora Mobile va déployer la fibre optique.', '2024-03-01', 'Info Sahel', {
          commitment: 'déployer la fibre optique',
        }),
      ],
      { commitment: 'déployer la fibre optique' },
    ),
  );
  return g;
}

const ref = (g: KGraph, key: string): EntityRef => ({
  key,
  label: g.getNodeAttribute(key, 'label'),
  kind: g.getNodeAttribute(key, 'kind'),
});
let n = 0;
const meta = () => ({ id: `d${++n}`, date: '2025-01-10T10:00:00.000Z', author: 'tester' });

describe('applyCuration: merge, rename, retype', () => {
  it('merge: the merged names become aliases, relations move, parallel relations combine their evidence', () => {
    const g = fixture();
    const before = JSON.stringify(g.export());
    const { graph, report } = applyCuration(g, [
      { ...meta(), op: 'merge', entity: ref(g, 'org:kora'), into: ref(g, 'org:kora-mobile') },
    ]);
    expect(JSON.stringify(g.export())).toBe(before); // pure
    expect(report.stale).toEqual([]);
    expect(graph.hasNode('org:kora')).toBe(false);
    const k = graph.getNodeAttributes('org:kora-mobile');
    expect(k.label).toBe('Kora Mobile');
    expect(k.aliases).toEqual(['Kora', 'Sahel Tel']);
    expect(k.articles).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(k.mentions).toBe(4);
    expect(k.lastSeen).toBe('2024-05-01');
    // the two holds-role edges are one now, with both sentences, two articles, two outlets
    const hr = graph.getEdgeAttributes('holds-role|person:awa-sangare|org:kora-mobile');
    expect(hr.evidence.map((e) => e.article)).toEqual(['a1', 'a4']);
    expect(hr.weight).toBe(2);
    expect(hr.sources).toEqual(['Le Témoin', 'Le Veilleur']);
    expect(hr.lastSeen).toBe('2024-05-01');
    expect(hr.confidence).toBe(0.94); // 1 - (1 - 0.8)(1 - 0.7)
    expect(graph.hasEdge('holds-role|person:awa-sangare|org:kora')).toBe(false);
    // "Kora met Kora Mobile" is now a relation of an entity with itself: dropped
    expect(graph.hasEdge('met-with|org:kora|org:kora-mobile')).toBe(false);
    expect(graph.size).toBe(g.size - 2);
  });

  it(
    'rename keeps the old name as an alias; retype changes the kind; ' + 'both find an entity through an earlier merge',
    () => {
      const g = fixture();
      const { graph, report } = applyCuration(g, [
        { ...meta(), op: 'merge', entity: ref(g, 'org:kora-mobile'), into: ref(g, 'org:kora') },
        // decided on the graph as the researcher saw it before the merge: key org:kora-mobile is gone now
        { ...meta(), op: 'rename', entity: ref(g, 'org:kora-mobile'), label: 'Kora Mobile SA' },
        { ...meta(), op: 'retype', entity: ref(g, 'topic:fibre'), kind: 'place' },
      ]);
      expect(report.stale).toEqual([]);
      const k = graph.getNodeAttributes('org:kora');
      expect(k.label).toBe('Kora Mobile SA');
      expect(report.outcomes[1]!.message).toMatch(/^renamed "Kora" to "Kora Mobile SA"$/);
      expect(k.aliases).toEqual(['Kora', 'Kora Mobile', 'Sahel Tel']);
      expect(graph.getNodeAttribute('topic:fibre', 'kind')).toBe('place');
    },
  );
});

describe('applyCuration: delete, verify, split', () => {
  it('delete removes an entity or one relation; verify marks a relation', () => {
    const g = fixture();
    const rel = (key: string) => ({
      key,
      kind: g.getEdgeAttribute(key, 'kind'),
      source: ref(g, g.source(key)),
      target: ref(g, g.target(key)),
    });
    const { graph, report } = applyCuration(g, [
      { ...meta(), op: 'delete', entity: ref(g, 'person:bakary-doumbia') },
      { ...meta(), op: 'delete-relation', relation: rel('met-with|org:kora|org:kora-mobile') },
      { ...meta(), op: 'verify', relation: rel('holds-role|person:awa-sangare|org:kora-mobile') },
    ]);
    expect(report.applied).toBe(3);
    expect(graph.hasNode('person:bakary-doumbia')).toBe(false);
    expect(graph.hasEdge('met-with|org:kora-mobile|person:bakary-doumbia')).toBe(false);
    expect(graph.hasEdge('met-with|org:kora|org:kora-mobile')).toBe(false);
    expect(graph.hasNode('org:kora')).toBe(true);
    expect(graph.getEdgeAttributes('holds-role|person:awa-sangare|org:kora-mobile')).toMatchObject({
      verified: true,
      verifiedBy: 'tester',
      verifiedDate: '2025-01-10',
    });
    expect(graph.getEdgeAttribute('holds-role|person:awa-sangare|org:kora', 'verified')).toBeUndefined();
  });

  it('split moves the alias off with the evidence that names it alone', () => {
    const g = fixture();
    const { graph, report } = applyCuration(g, [
      { ...meta(), op: 'split', entity: ref(g, 'org:kora-mobile'), alias: 'Sahel Tel' },
    ]);
    expect(report.stale).toEqual([]);
    expect(graph.getNodeAttribute('org:kora-mobile', 'aliases')).toEqual([]);
    expect(graph.getNodeAttributes('org:sahel-tel')).toMatchObject({
      label: 'Sahel Tel',
      kind: 'organisation',
      articles: ['a3'],
      mentions: 1,
    });
    // "Bakary Doumbia a rencontré Sahel Tel" follows Sahel Tel; "… a rencontré Kora Mobile" stays
    expect(
      graph.getEdgeAttribute('met-with|org:sahel-tel|person:bakary-doumbia', 'evidence').map((e) => e.article),
    ).toEqual(['a3']);
    expect(
      graph.getEdgeAttribute('met-with|org:kora-mobile|person:bakary-doumbia', 'evidence').map((e) => e.article),
    ).toEqual(['a2']);
    expect(graph.getEdgeAttribute('met-with|org:kora-mobile|person:bakary-doumbia', 'sources')).toEqual(['Le Témoin']);
    // the fibre commitment names Kora Mobile: it stays
    expect(graph.hasEdge('committed-to|org:kora-mobile|topic:fibre|0000abcd')).toBe(true);
  });
});

describe('applyCuration: stale decisions and changed keys', () => {
  it('a decision whose entity is gone is reported stale with the reason, and the others still apply', () => {
    const g = fixture();
    const ghost: EntityRef = { key: 'person:ousmane-ghost', label: 'Ousmane Ghost', kind: 'person' };
    const decisions: Decision[] = [
      { ...meta(), op: 'rename', entity: ghost, label: 'Ousmane G.' },
      { ...meta(), op: 'delete', entity: ref(g, 'org:kora') },
      { ...meta(), op: 'merge', entity: ref(g, 'org:kora'), into: ref(g, 'org:kora-mobile') },
      { ...meta(), op: 'split', entity: ref(g, 'person:awa-sangare'), alias: 'A. Sangaré' },
      { ...meta(), op: 'retype', entity: ref(g, 'topic:fibre'), kind: 'place' },
    ];
    const { graph, report } = applyCuration(g, decisions);
    expect(report.outcomes.map((o) => o.status)).toEqual(['stale', 'applied', 'stale', 'stale', 'applied']);
    expect(report.stale[0]!.message).toMatch(/"Ousmane Ghost" \(person:ousmane-ghost\) is no longer in the graph/);
    expect(report.stale[1]!.message).toMatch(/was deleted by decision/);
    expect(report.stale[2]!.message).toMatch(/no longer has the alias "A. Sangaré"/);
    expect(graph.getNodeAttribute('topic:fibre', 'kind')).toBe('place');
  });

  it('finds an entity by its recorded name when new articles changed its key', () => {
    const g = fixture();
    const old: EntityRef = { key: 'person:awa-sangare-diallo', label: 'Awa Sangaré', kind: 'person' };
    const { graph, report } = applyCuration(g, [{ ...meta(), op: 'rename', entity: old, label: 'Awa Sangaré Diallo' }]);
    expect(report.stale).toEqual([]);
    expect(report.outcomes[0]!.message).toMatch(/found by name as person:awa-sangare/);
    expect(graph.getNodeAttribute('person:awa-sangare', 'label')).toBe('Awa Sangaré Diallo');
  });

  it('no decisions: the graph unchanged', () => {
    const g = fixture();
    expect(JSON.stringify(applyCuration(g, []).graph.export())).toBe(JSON.stringify(g.export()));
  });
});

describe('decide', () => {
  const at = { author: 'tester', date: '2025-01-10T10:00:00.000Z' };
  it.each([
    [{ op: 'merge', entity: 'Kora', into: 'kora' }, /already one entity/],
    [{ op: 'rename', entity: 'Kora', label: 'Kora' }, /already called "Kora"/],
    [
      { op: 'retype', entity: 'Kora', kind: 'company' },
      /kind "company" is not one of person, organisation, topic, place/,
    ],
    [{ op: 'split', entity: 'Kora Mobile', alias: 'Orange' }, /has no alias "Orange"; its aliases: "Sahel Tel"/],
    [{ op: 'verify', source: 'Awa Sangaré', target: 'Bakary Doumbia' }, /no relation between/],
    [{ op: 'delete', entity: 'Kor' }, /no entity matches "Kor"/],
  ] as const)('refuses %j', (req, message) => {
    expect(() => decide(fixture(), req as never, at)).toThrow(message);
  });

  it('records the entities as they are now, by key, label and kind', () => {
    const d = decide(fixture(), { op: 'merge', entity: 'kora', into: 'KORA MOBILE' }, { ...at, note: 'same operator' });
    expect(d).toMatchObject({
      op: 'merge',
      entity: { key: 'org:kora', label: 'Kora', kind: 'organisation' },
      into: { key: 'org:kora-mobile', label: 'Kora Mobile', kind: 'organisation' },
      author: 'tester',
      note: 'same operator',
    });
    expect(d.id).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('suggestDuplicates', () => {
  it(
    'finds near-identical names corroborated by the same role at the same organisation, acronyms, ' +
      'with evidence, most likely first',
    () => {
      const g = fixture();
      g.addNode('person:awa-sangore', node('Awa Sangoré', 'person', ['a9']));
      g.addDirectedEdgeWithKey(
        'holds-role|person:awa-sangore|org:kora-mobile',
        'person:awa-sangore',
        'org:kora-mobile',
        edge(
          'holds-role',
          [
            ev('a9', 'Awa Sangoré, directrice générale de Kora Mobile.', '2024-01-01', 'X', {
              role: 'Directrice générale',
            }),
          ],
          { role: 'Directrice générale' },
        ),
      );
      g.addNode('person:awa-sangara', node('Awa Sangara', 'person', ['a12']));
      g.addNode('org:arcts', node('ARCTS', 'organisation', ['a5']));
      g.addNode(
        'org:autorite-regulation',
        node('Autorité de régulation des communications et des télécoms du Sahel', 'organisation', ['a6', 'a7']),
      );
      g.addNode('person:fanta-camara', node('Fanta Camara', 'person', ['a8']));
      g.addDirectedEdgeWithKey(
        'holds-role|person:fanta-camara|org:kora-mobile',
        'person:fanta-camara',
        'org:kora-mobile',
        edge(
          'holds-role',
          [
            ev('a8', 'Fanta Camara, directrice générale de Kora Mobile.', '2024-01-01', 'X', {
              role: 'Directrice générale',
            }),
          ],
          { role: 'Directrice générale' },
        ),
      );
      g.addNode('person:moussa-keita', node('Moussa Keïta', 'person', ['a10'], ['Keïta']));
      g.addNode('person:oumou-keita', node('Oumou Keïta', 'person', ['a11'], ['Keïta']));
      const found = suggestDuplicates(g);
      const pair = (a: string, b: string) =>
        found.find((s) => [s.keep.key, s.merge.key].sort().join() === [a, b].sort().join());
      const names = pair('person:awa-sangare', 'person:awa-sangore');
      expect(names?.reasons).toContain('similar-names');
      expect(names?.keep.key).toBe('person:awa-sangare'); // the more mentioned is kept
      expect(names?.evidence.join()).toMatch(/differ by 1 letter/);
      const acr = pair('org:arcts', 'org:autorite-regulation');
      expect(acr?.reasons).toEqual(['acronym']);
      expect(acr?.evidence[0]).toMatch(/"ARCTS" abbreviates "Autorité de régulation/);
      expect(names?.evidence.join()).toMatch(/both Directrice générale of Kora Mobile/);
      // a name as close with nothing else in common is not suggested
      expect(pair('person:awa-sangare', 'person:awa-sangara')).toBeUndefined();
      // the same role at the same organisation alone is not one person: roles change hands
      expect(pair('person:awa-sangare', 'person:fanta-camara')).toBeUndefined();
      // Kora / Kora Mobile: contained name of one word is not enough; nothing pairs Bakary with Fanta
      expect(pair('person:bakary-doumbia', 'person:fanta-camara')).toBeUndefined();
      // two people sharing a surname alone are not one person
      expect(pair('person:moussa-keita', 'person:oumou-keita')).toBeUndefined();
      const scores = found.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    },
  );

  it.each([
    ['AMRTP', 'Autorité malienne de régulation des télécommunications, des TIC et des postes', true],
    ['BDM', 'Banque de développement du Mali', true],
    ['ARCTS', 'Autorité de régulation des communications et des télécoms du Sahel', true],
    ['ORTM', 'Kora Mobile', false],
    ['AB', 'Awa', false],
    // an elided article is not a word: AFD is not "Agence du Fonds d’Accès Universel"
    ['AFD', 'Agence du Fonds d’Accès Universel', false],
    ['AFAU', 'Agence du Fonds d’Accès Universel', true],
  ])('%s abbreviates %s: %s', (acr, name, expected) => {
    expect(abbreviates(acr, name)).toBe(expected);
  });

  it('containsName matches whole words, accents and case aside', () => {
    expect(containsName('Il a vu SAHEL TÉL hier', 'Sahel Tel')).toBe(true);
    expect(containsName('Il a vu Sahel Telecom', 'Sahel Tel')).toBe(false);
  });
});
