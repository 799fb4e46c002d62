// Resolution across articles: one node per real-world entity, however the articles spell it, and
// never a merge on a surname or a similar name alone.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { lexiconLabels } from '../../src/nlp/lexicon.js';
import { extractArticle } from '../../src/nlp/extract.js';
import { finaliseArticle } from '../../src/sources/article.js';
import type { StoredArticle } from '../../src/types.js';

const stored = (text: string, date = '2024-01-02'): StoredArticle => {
  const article = finaliseArticle({ text, date, source: 'Test Hebdo', lang: 'fr' });
  return { article, extraction: extractArticle(article) };
};
const graphOf = (...texts: string[]) =>
  buildGraph(
    texts.map((t) => stored(t)),
    { lexiconLabels: lexiconLabels() },
  );
const labels = (texts: string[], kind: string) =>
  graphOf(...texts)
    .filterNodes((_k, a) => a.kind === kind)
    .map((k) => graphOf(...texts).getNodeAttribute(k, 'label'))
    .sort();

describe('one node per entity across articles', () => {
  const cases: Array<[string, string[], string, string[]]> = [
    [
      'apostrophes and accents',
      ['Le DG de Kora Mobile, Aminata N’Diaye, a parlé.', 'La DG de Kora Mobile, Aminata Ndiaye, a répondu.'],
      'person',
      ['Aminata N’Diaye'],
    ],
    [
      'particles in capitals',
      [
        'Le ministre Moussa AG Intalla a reçu la presse.',
        'Le ministre de l’Économie numérique, Moussa Ag Intalla, a parlé.',
      ],
      'person',
      ['Moussa Ag Intalla'],
    ],
    [
      'former names of an operator',
      ['La Sotelma a annoncé ses résultats.', 'Moov Africa Malitel a lancé la 5G.', 'Malitel reste leader.'],
      'organisation',
      ['Moov Africa Malitel'],
    ],
    [
      'an acronym and its expansion in two articles',
      [
        'L’Autorité de Régulation des Services Numériques (ARSN) a publié son rapport.',
        'Le DG de l’ARSN, Ali Ould Moussa, a parlé.',
      ],
      'organisation',
      ['Autorité de Régulation des Services Numériques'],
    ],
    [
      'spelling variants with the same role at the same organisation',
      [
        'Le DG de Kora Mobile, Appolinaire Compaoré, a parlé.',
        'Le DG de Kora Mobile, Apollinaire Compaoré, a répondu.',
      ],
      'person',
      ['Apollinaire Compaoré'],
    ],
  ];
  it.each(cases)('%s', (_what, texts, kind, expected) => {
    const got = labels(texts, kind);
    expect(got).toHaveLength(expected.length);
    if (kind === 'person' && expected[0] === 'Apollinaire Compaoré')
      expect(['Apollinaire Compaoré', 'Appolinaire Compaoré']).toContain(got[0]);
    else expect(got).toEqual(expected);
  });

  const apart: Array<[string, string[]]> = [
    [
      'two people who share a surname',
      ['Le DG de Kora Mobile, Aicha Touré, a parlé.', 'Le DG de la Banque du Sahel, Daniel Touré, a répondu.'],
    ],
    [
      'similar names without a shared role',
      [
        'Le DG de Kora Mobile, Appolinaire Compaoré, a parlé.',
        'Le DG de Sahel Fibre, Apollinaire Compaoré, a répondu.',
      ],
    ],
  ];
  it.each(apart)('keeps apart %s', (_what, texts) => expect(labels(texts, 'person')).toHaveLength(2));

  it('node keys do not depend on which article came first', () => {
    const a = 'Le DG de Kora Mobile, Aminata N’Diaye, a parlé.';
    const b = 'Le ministre Moussa Ag Intalla a reçu la DG de Kora Mobile, Aminata Ndiaye.';
    expect(graphOf(a, b).nodes().sort()).toEqual(graphOf(b, a).nodes().sort());
    expect(graphOf(a, b).edges().sort()).toEqual(graphOf(b, a).edges().sort());
  });
});
