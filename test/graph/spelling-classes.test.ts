// The spellings of issue 13 point 3 across two articles of different outlets, through the whole
// extraction: an initial h dropped, ou/u, ï/i, a legal suffix, an acronym an article defines, a middle
// name's initial — merged only with corroboration (the same role at the same organisation, an entity
// named with both); close names with nothing in common stay apart. Sentences written for the test;
// names fictional.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { lexiconLabels } from '../../src/nlp/lexicon.js';
import { extractArticle } from '../../src/nlp/extract.js';
import { finaliseArticle } from '../../src/sources/article.js';
import type { NodeKind, StoredArticle } from '../../src/types.js';

const stored = (text: string, source: string): StoredArticle => {
  const article = finaliseArticle({ text, date: '2024-01-02', source, lang: 'fr' });
  return { article, extraction: extractArticle(article) };
};

/** The labels of one kind in the graph of the two articles, with their aliases. */
function nodes(kind: NodeKind, one: string, two: string): string[] {
  const g = buildGraph([stored(one, 'Le Tamani'), stored(two, 'Kibaru Hebdo')], { lexiconLabels: lexiconLabels() });
  return g
    .filterNodes((_k, a) => a.kind === kind)
    .map((k) => [g.getNodeAttribute(k, 'label'), ...g.getNodeAttribute(k, 'aliases')].join(' / '))
    .sort();
}

describe('one person spelt apart by two outlets', () => {
  it('merges an initial h dropped and ou written u, with the same role at the same organisation', () => {
    const got = nodes(
      'person',
      'Le directeur général de Kanaga Télécom, Moussa Haïdara, a présenté les offres à Ségou.',
      'Le directeur général de Kanaga Télécom, Mousa Aïdara, a lancé le réseau à Kayes.',
    );
    expect(got).toHaveLength(1);
  });

  it('keeps them apart at two different organisations', () => {
    const got = nodes(
      'person',
      'Le directeur général de Kanaga Télécom, Moussa Haïdara, a présenté les offres à Ségou.',
      'Le directeur général de Sahel Fibre, Mousa Aïdara, a lancé le réseau à Kayes.',
    );
    expect(got).toHaveLength(2);
  });

  it('merges a middle name written as its initial when an entity is named with both', () => {
    const got = nodes(
      'person',
      'Awa Kadiatou Sissoko, directrice de Kanaga Télécom, a reçu Bréhima Tangara, président de Sahel Fibre.',
      'Awa K. Sissoko, directrice de Kanaga Télécom, a reçu Bréhima Tangara, président de Sahel Fibre.',
    );
    expect(got.filter((n) => n.includes('Sissoko'))).toHaveLength(1);
  });
});

describe('one organisation written apart by two outlets', () => {
  it('merges a legal suffix written or not', () => {
    const got = nodes(
      'organisation',
      'La société Kanaga Télécom SA a signé un accord avec Sahel Fibre à Bamako.',
      'Kanaga Télécom a lancé son réseau à Ségou avec Sahel Fibre.',
    );
    expect(got.filter((n) => n.includes('Kanaga'))).toEqual(['Kanaga Télécom SA / Kanaga Télécom']);
  });

  it('merges an acronym the article defines with the name it stands for', () => {
    const got = nodes(
      'organisation',
      'Le Fonds sahélien pour l’inclusion numérique (FSIN) a financé le projet de Sahel Fibre.',
      'Le directeur général du FSIN, Bréhima Tangara, a signé la convention avec Kanaga Télécom.',
    );
    expect(got.filter((n) => /FSIN|Fonds/u.test(n))).toEqual(['Fonds sahélien pour l’inclusion numérique / FSIN']);
  });
});

describe('a surname named alone after a title, in two articles', () => {
  it('is one person with the same role at the same organisation', () => {
    const got = nodes(
      'person',
      'Le directeur général de Kanaga Télécom, le DG TANGARA, a parlé aux clients.',
      'Le directeur général de Kanaga Télécom, le DG TANGARA, a reçu les abonnés ce lundi.',
    );
    expect(got).toEqual(['Tangara']);
  });

  it('is one person with the full name another article gives with that role there', () => {
    const got = nodes(
      'person',
      'Le directeur général de Kanaga Télécom, le DG TANGARA, a parlé aux clients.',
      'Le directeur général de Kanaga Télécom, Bréhima TANGARA, a coupé le ruban.',
    );
    expect(got).toEqual(['Bréhima Tangara / Tangara']);
  });

  it('stays two people on the title and surname alone (another organisation)', () => {
    const got = nodes(
      'person',
      'Le directeur général de Kanaga Télécom, le DG TANGARA, a parlé aux clients.',
      'Le directeur général de Sahel Fibre, le DG TANGARA, a reçu les abonnés.',
    );
    expect(got).toEqual(['Tangara', 'Tangara']);
  });
});
