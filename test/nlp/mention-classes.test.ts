// Classes of names real press writes that the mention rules once missed (issue 13): a person introduced
// by a nationality or by what they are, two ministers named under one plural title, a surname that is
// also a country, a subsidiary named by its group and a country, organisations listed after their kind,
// and brands written with a capital inside a word. Sentences we wrote, with fictional people and companies.
import { describe, expect, it } from 'vitest';
import { extractByRules } from '../../src/nlp/extract.js';
import { articleId } from '../../src/sources/article.js';

const names = (text: string, kind: 'person' | 'organisation'): string[] =>
  extractByRules({ id: articleId(text), lang: 'fr', text })
    .entities.filter((e) => e.kind === kind)
    .map((e) => e.name)
    .sort();

describe('a person introduced by a nationality or by what they are', () => {
  it.each([
    ['La licence appartient au consortium Kora Net, propriété du malien Tiéba Koroma.', 'Tiéba Koroma'],
    ['Il a succédé au franco-tunisien, Nadir Belkhodja, à la tête de la filiale.', 'Nadir Belkhodja'],
    ['La holding appartient à l’homme d’affaires burkinabè, Wendpouiré Sawadogo, depuis 2015.', 'Wendpouiré Sawadogo'],
    ['Les enquêteurs ont remonté la piste jusqu’à son frère cadet, Nakan Sidibé, qui fut arrêté.', 'Nakan Sidibé'],
    [
      'L’enquête a été menée sous la houlette de l’inspecteur divisionnaire Baba Tiéma Soumbounou.',
      'Baba Tiéma Soumbounou',
    ],
    ['Tout est parti de l’invité Sory Kandioura et de son avis sur la version officielle.', 'Sory Kandioura'],
  ])('%s', (text, person) => {
    expect(names(text, 'person')).toContain(person);
  });

  it('reads no person in a nationality that qualifies an organisation', () => {
    expect(names('Le groupe français Kalanso Conseil a remporté le marché.', 'person')).toEqual([]);
  });
});

describe('names the rules read from their neighbours', () => {
  it('takes both ministers of "les ministres A et B"', () => {
    const text =
      'Les documents ont été signés par les ministres Kalifa Dembélé et Souma Tangara, ' +
      'respectivement de l’Économie et de la Communication.';
    expect(names(text, 'person')).toEqual(['Kalifa Dembélé', 'Souma Tangara']);
  });

  it('keeps a surname that is also a country ("Togo") as part of the name', () => {
    const text = 'Étaient présents le représentant du ministère de la Communication, Sékou Togo, et les lauréats.';
    expect(names(text, 'person')).toEqual(['Sékou Togo']);
  });
});

describe('organisations', () => {
  it('names a subsidiary by its group and a country, apart from the group', () => {
    const text =
      'Il fut directeur général d’Orange Niger avant d’être porté à la tête d’Orange Guinée. ' +
      'Orange Mali l’a ensuite recruté.';
    expect(names(text, 'organisation')).toEqual(['Orange Guinée', 'Orange Mali', 'Orange Niger']);
  });

  it('reads every name listed after a kind of organisation, none as a person', () => {
    const text =
      'Les trois start-up lauréates (Kalo Moringa, Sahel Oil et Dunia Sarl) seront accompagnées. ' +
      'La chaîne privée Kanu TV News a couvert la cérémonie.';
    expect(names(text, 'organisation')).toEqual(['Dunia Sarl', 'Kalo Moringa', 'Kanu TV News', 'Sahel Oil']);
    expect(names(text, 'person')).toEqual([]);
  });

  it('reads a brand with a capital inside a word in a sentence, not in a row of share buttons', () => {
    expect(names('Les porteurs de projets seront accompagnés par KalaLabs au Mali.', 'organisation')).toEqual([
      'KalaLabs',
    ]);
    expect(names('Partager : Facebook  X  WhatsApp  LinkedIn  Imprimer', 'organisation')).toEqual([]);
  });
});
