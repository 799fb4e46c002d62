// Titles and lists that name other noun phrases (issue 13): a title that is a verb's object or another
// phrase of the sentence does not fall back to the article's only person without a role; lists of
// names are paired with lists of organisations only when both have the same length, else each name
// keeps only what is sure (the plural title). Sentences written for the test; names fictional.
import { describe, expect, it } from 'vitest';
import { extractByRules } from '../../src/nlp/extract.js';
import { articleId } from '../../src/sources/article.js';

/** Each person with their roles, and the holds-role edges as "person -> organisation (role)". */
function read(text: string): { roles: Record<string, string[]>; edges: string[] } {
  const x = extractByRules({ id: articleId(text), lang: 'fr', text });
  const name = new Map(x.entities.map((e) => [e.id, e.name]));
  const roles = Object.fromEntries(x.entities.filter((e) => e.kind === 'person').map((e) => [e.name, e.roles]));
  const edges = x.relations
    .filter((r) => r.kind === 'holds-role')
    .map((r) => `${name.get(r.source)} -> ${name.get(r.target)} (${r.role})`)
    .sort();
  return { roles, edges };
}

describe('a title that is another noun phrase', () => {
  it('does not give the object of a verb to the subject', () => {
    const got = read('Oumar Sidibé a reçu la directrice de Kanaga Télécom à Bamako mardi.');
    expect(got.roles['Oumar Sidibé']).toEqual([]);
    expect(got.edges).toEqual([]);
  });

  it('does not give a verb’s object to the only person without a role, in a later sentence', () => {
    const got = read('Oumar Sidibé est arrivé à Bamako mardi. Il a reçu la directrice de Kanaga Télécom.');
    expect(got.roles['Oumar Sidibé']).toEqual([]);
  });

  it('does not give the subject’s title to the names of its object', () => {
    const got = read('Le directeur général de Kora Mobile a reçu les délégués, Moussa Keita et Ali Coulibaly.');
    expect(got.roles).toEqual({ 'Moussa Keita': [], 'Ali Coulibaly': [] });
    expect(got.edges).toEqual([]);
  });

  it('still gives a title that opens a sentence to the person named in the next one', () => {
    const got = read('Le directeur général de Kora Mobile a ouvert la séance. Moussa Keita a ensuite parlé du réseau.');
    expect(got.edges).toEqual(['Moussa Keita -> Kora Mobile (Directeur général)']);
  });

  it('still reads the apposition right before a name', () => {
    const got = read('Le directeur général de Kora Mobile, Moussa Keita, a reçu Ali Coulibaly.');
    expect(got.edges).toEqual(['Moussa Keita -> Kora Mobile (Directeur général)']);
    expect(got.roles['Ali Coulibaly']).toEqual([]);
  });
});

describe('lists of titles and names of unequal length', () => {
  it('pairs "respectivement" names with organisations when the lengths match', () => {
    const got = read(
      'Les directeurs généraux de Kora Mobile et de Baara Networks, respectivement Moussa Keita et Ali Coulibaly, ' +
        'étaient présents.',
    );
    expect(got.edges).toEqual([
      'Ali Coulibaly -> Baara Networks (Directeur général)',
      'Moussa Keita -> Kora Mobile (Directeur général)',
    ]);
  });

  it('does not pair two names with the one organisation found, but gives both the title', () => {
    const got = read(
      'Les directeurs de Kora Mobile et de Sahel Fibre, respectivement Moussa Keita et Ali Coulibaly, ' +
        'étaient présents.',
    );
    expect(got.edges).toEqual([]);
    expect(got.roles).toEqual({ 'Moussa Keita': ['Directeur'], 'Ali Coulibaly': ['Directeur'] });
  });

  it('gives a plural title to every name of the list after it', () => {
    const got = read(
      'Les DG de BKT-SA et de Sahel Fibre, Moussa Keita et Ali Coulibaly, au nom de leurs institutions ' +
        'respectives, ont procédé à la signature du projet.',
    );
    expect(got.roles).toEqual({ 'Moussa Keita': ['Directeur général'], 'Ali Coulibaly': ['Directeur général'] });
  });

  it('gives a singular title only to the first name of a list', () => {
    const got = read('Le directeur général de Kora Mobile, Moussa Keita et Ali Coulibaly ont signé.');
    expect(got.roles['Ali Coulibaly']).toEqual([]);
  });
});
