// Names of one person as outlets spell them, merged across articles only when something else says they
// are one person; different people with close names stay apart.
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build.js';
import { personNamesMatch } from '../../src/graph/variants.js';
import { lexiconLabels } from '../../src/nlp/lexicon.js';
import { extractArticle } from '../../src/nlp/extract.js';
import { finaliseArticle } from '../../src/sources/article.js';
import { variantKey, variantWords } from '../../src/text/names.js';
import type { StoredArticle } from '../../src/types.js';

describe('variantKey', () => {
  const same: Array<[string, string]> = [
    ['haidara', 'aidara'],
    ['toure', 'toureh'],
    ['boubacar', 'boubakar'],
    ['appolinaire', 'apollinaire'],
    ['moussa', 'musa'],
    ['djibril', 'jibril'],
    ['keita', 'kaita'],
    ['cheick', 'cheik'],
  ];
  it.each(same)('%s and %s share a key', (a, b) => expect(variantKey(a)).toBe(variantKey(b)));
  const apart: Array<[string, string]> = [
    ['diarra', 'diallo'],
    ['traore', 'toure'],
    ['cisse', 'sissoko'],
  ];
  it.each(apart)('%s and %s do not', (a, b) => expect(variantKey(a)).not.toBe(variantKey(b)));
  it('folds accents, case and apostrophes first', () =>
    expect(variantWords('Ibrahim Boubacar KEÏTA')).toEqual(variantWords('Ibrahim Boubakar Keita')));
});

describe('personNamesMatch', () => {
  const cases: Array<[string, string, ReturnType<typeof personNamesMatch>]> = [
    ['Oumarou Ag Mohamed Ibrahim Haïdara', 'Oumarou Ag Ibrahim Haidara', 'middle-name'],
    ['Awa Kadiatou Diarra', 'Awa K. Diarra', 'spelling'],
    ['Awa Kadiatou Diarra', 'Awa Diarra', 'middle-name'],
    ['Ibrahima Haidara', 'Ibrahim Haïdara', 'given-name'],
    ['DIALLO Souleymane', 'Souleymane Diallo', 'register-order'],
    ['TRAORÉ Mamadou Lamine', 'Mamadou Lamine Traoré', 'register-order'],
    ['Apollinaire Compaoré', 'Appolinaire Compaore', 'spelling'],
    // never on a surname alone, never on other first names
    ['Choguel Kokalla Maïga', 'Abdoulaye Maïga', undefined],
    ['Amadou Keita', 'Hamidou Keïta', undefined],
    ['Alioune Ndiaye', "Leyti N'Diaye", undefined],
    ['Awa Kadiatou Diarra', 'Awa B. Diarra', undefined],
    ['A. Diarra', 'Awa Diarra', undefined],
    ['Diarra', 'Awa Diarra', undefined],
  ];
  it.each(cases)('%s / %s: %s', (a, b, expected) => {
    expect(personNamesMatch(a, b)).toBe(expected);
    expect(personNamesMatch(b, a)).toBe(expected);
  });
});

const stored = (text: string, date = '2024-01-02'): StoredArticle => {
  const article = finaliseArticle({ text, date, source: 'Test Hebdo', lang: 'fr' });
  return { article, extraction: extractArticle(article) };
};
const persons = (...texts: string[]) => {
  const g = buildGraph(
    texts.map((t) => stored(t)),
    { lexiconLabels: lexiconLabels() },
  );
  return g
    .filterNodes((_k, a) => a.kind === 'person')
    .map((k) => g.getNodeAttribute(k, 'label'))
    .sort();
};

describe('one person across articles', () => {
  it('merges a middle name left out when both are named with the same person', () => {
    const got = persons(
      'Le ministre Harouna Mamadou Toureh a reçu Kadidia Sangaré, directrice de Kora Mobile.',
      'Harouna Toureh a reçu Kadidia Sangaré, directrice de Kora Mobile.',
    );
    expect(got).toEqual(['Harouna Mamadou Toureh', 'Kadidia Sangaré']);
  });
  it('merges a given name a letter apart when both are named with the same person', () => {
    const got = persons(
      'Ibrahima Haidara, PDG de la Poste, a reçu Kadidia Sangaré, directrice de Kora Mobile.',
      'Le PDG Ibrahim Haïdara a reçu Kadidia Sangaré, directrice de Kora Mobile.',
    );
    expect(got).toHaveLength(2);
  });
  it('merges the same words spelt apart with the same title', () => {
    const got = persons(
      'Le président Ibrahim Boubakar Keita a parlé.',
      'President Ibrahim Boubacar Keïta’s speech was short.',
    );
    expect(got).toHaveLength(1);
  });
  it('keeps apart close names with nothing else in common', () => {
    expect(
      persons('Le ministre Harouna Mamadou Toureh a parlé.', 'Le DG de Sahel Fibre, Harouna Toureh, a répondu.'),
    ).toHaveLength(2);
    expect(
      persons('Ibrahima Haidara, PDG de la Poste, a parlé.', 'Le PDG de Kora Mobile, Ibrahim Haïdara, a répondu.'),
    ).toHaveLength(2);
  });
  it('keeps apart two people who share a surname and a neighbour', () => {
    expect(
      persons(
        'Le Premier ministre Choguel Kokalla Maïga a reçu Kadidia Sangaré, directrice de Kora Mobile.',
        'Le Premier ministre Abdoulaye Maïga a reçu Kadidia Sangaré, directrice de Kora Mobile.',
      ),
    ).toHaveLength(3);
  });
});

const organisations = (...texts: string[]) => {
  const g = buildGraph(
    texts.map((t) => stored(t)),
    { lexiconLabels: lexiconLabels() },
  );
  return g
    .filterNodes((_k, a) => a.kind === 'organisation')
    .map((k) => g.getNodeAttribute(k, 'label'))
    .sort();
};

describe('one organisation across articles', () => {
  const expanded = 'L’Agence malienne des bourses universitaires a signé un accord avec Kora Mobile.';
  it(
    'an acronym no article expands is the one name it abbreviates ' + 'when both are named with the same organisation',
    () => {
      expect(
        organisations(
          expanded,
          'Le directeur général de l’AMBU, Moussa Diarra, a signé une convention avec Kora Mobile.',
        ),
      ).toEqual(['Agence malienne des bourses universitaires', 'Kora Mobile']);
    },
  );
  it('but not with nothing else in common', () => {
    expect(
      organisations(
        expanded,
        'Le directeur général de l’AMBU, Moussa Diarra, a signé une convention avec Sahel Fibre.',
      ),
    ).toHaveLength(4);
  });
  const a = 'La Société Kayira Networks Burkina Faso a signé un accord avec Sahel Fibre.';
  it('a long name a letter or two apart is one organisation when both are named with the same organisation', () => {
    expect(
      organisations(a, 'La Société Kayira Netwroks Burkina Faso a signé un accord avec Sahel Fibre.'),
    ).toHaveLength(2);
  });
  it('but not with nothing else in common', () => {
    expect(
      organisations(a, 'La Société Kayira Netwroks Burkina Faso a signé un accord avec Kora Mobile.'),
    ).toHaveLength(4);
  });
});

describe('what a name of the article is not', () => {
  it('a heading glued before a name, a widget after it, an English possessive are not part of it', () => {
    const a = stored('ACTUALITÉSEconomie\n\nAboubacar Sadikh Diop, directeur général de Kora Mobile, a parlé.');
    expect(a.extraction.entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual([
      'Aboubacar Sadikh Diop',
    ]);
    const b = stored('Some protesters called for President Ibrahim Boubacar Keïta’s resignation.');
    expect(b.extraction.entities.filter((e) => e.kind === 'person').map((e) => e.name)).toEqual([
      'Ibrahim Boubacar Keïta',
    ]);
  });
  it('a title whose acronym the article defines is not an organisation', () => {
    const a = stored(
      'La réunion s’est tenue sous la présidence du Président du Conseil d’Administration (PCA) ' +
        'de Kora Mobile, Moussa Diarra.',
    );
    expect(a.extraction.entities.filter((e) => e.kind === 'organisation').map((e) => e.name)).toEqual(['Kora Mobile']);
  });
});
