// Ways real press writes a person's name (issue 13): a title then a surname alone, in capitals or not,
// when the article never gives the full name; the civil register's order; particles (Ag, Ould, Walet,
// Ben, Dit); a middle name written as its initial; names in a list with nothing but their neighbours
// to say they are people's. Sentences written for the test; names fictional.
import { describe, expect, it } from 'vitest';
import { extractByRules } from '../../src/nlp/extract.js';
import { articleId } from '../../src/sources/article.js';

/** The people of a text, as "name [forms]", sorted; and their keys. */
function people(text: string): { names: string[]; keys: string[][] } {
  const ps = extractByRules({ id: articleId(text), lang: 'fr', text }).entities.filter((e) => e.kind === 'person');
  return {
    names: ps.map((e) => (e.forms.length ? `${e.name} [${e.forms.join(', ')}]` : e.name)).sort(),
    keys: ps.map((e) => e.keys),
  };
}

describe('a title, then a surname alone', () => {
  it('makes a person of "le Ministre SANGARE" when no full name is given', () => {
    const text = 'Dans son intervention, le Ministre KONATE a salué les efforts de l’AMRTP et du CNT.';
    const got = people(text);
    expect(got.names).toEqual(['Konate']);
    // keyed by title, surname and article: another "Konaté" under another title, or the same title in another
    // article, is not merged with this one on the surname alone
    expect(got.keys).toEqual([[`person:ministre konate @${articleId(text)}`]]);
  });

  it('makes a person of a surname in lower case after a title', () => {
    expect(people('Le ministre Konaté a présidé la cérémonie d’ouverture de l’atelier.').names).toEqual(['Konaté']);
  });

  it('joins the surname to the full name the article gives', () => {
    const got = people(
      'Le ministre de l’Économie numérique, Mariam Konaté, est arrivée. Le Ministre KONATE a ensuite parlé.',
    );
    expect(got.names).toEqual(['Mariam Konaté [Konate]']);
  });

  it('reads no person in an acronym, a word of the title, a civility alone or a line cut off', () => {
    expect(people('Le directeur de la SOTELMA a parlé. Le rapport de l’AMRTP a été publié.').names).toEqual([]);
    expect(people('La Directrice Exécutive a ouvert la séance.').names).toEqual([]);
    expect(people('Les débats ont été riches.\n\nM.Konaté\n').names).toEqual([]);
    expect(people('La séance est ouverte.\n\nLe Premier ministre Kon\n').names).toEqual([]);
  });
});

describe('register order, particles, initials, lists', () => {
  it('reads "DIALLO Souleymane" as Souleymane Diallo', () => {
    expect(people('Selon KONÉ Rokia, directrice de Sahel Code, le projet avance.').names).toEqual([
      'Rokia Koné [Koné Rokia]',
    ]);
  });

  it('keeps the particles inside the name', () => {
    const got = people(
      'Le président de Sahel Code, Mohamed Ould Cheikh, a reçu Fatimata Walet Ibrahim et Ahmed Ben Salah. ' +
        'Le ministre de la Communication, Bakary Dit Bamba Koné, était présent.',
    );
    expect(got.names).toEqual([
      'Ahmed Ben Salah',
      'Bakary Dit Bamba Koné',
      'Fatimata Walet Ibrahim',
      'Mohamed Ould Cheikh',
    ]);
  });

  it('joins a middle name written as its initial to the full name', () => {
    const got = people(
      'Awa Kadiatou Diarra, directrice générale de Kanaga Télécom, a lancé le réseau. ' +
        'Awa K. Diarra a ensuite rencontré la presse.',
    );
    expect(got.names).toEqual(['Awa Kadiatou Diarra [Awa K. Diarra]']);
  });

  it('keeps apart an initial that is not the middle name’s', () => {
    const got = people(
      'Awa Kadiatou Diarra, directrice générale de Kanaga Télécom, a lancé le réseau. ' +
        'Awa B. Diarra, directrice de Sahel Code, a ensuite rencontré la presse.',
    );
    expect(got.names).toEqual(['Awa B. Diarra', 'Awa Kadiatou Diarra']);
  });

  it('reads every name of a list whose neighbours are people', () => {
    expect(people('Étaient présents Moussa Keita, Awa Traoré et Ali Coulibaly.').names).toEqual([
      'Ali Coulibaly',
      'Awa Traoré',
      'Moussa Keita',
    ]);
  });

  it('reads no person in a list of organisations', () => {
    expect(people('Étaient présents Kora Mobile, Sahel Fibre et Baara Networks.').names).toEqual([]);
  });
});
