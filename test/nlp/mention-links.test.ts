// Mentions that must reach the entity they stand for, or no relation can use them (issue 13): a surname after
// an elided title ("L’ambassadeur X"), a married name after a slash ("Zerbo/Sabane"), a name introduced by a
// copula and a title ("X fut directeur général"), a ministry named "le département de …", and definite
// descriptions ("au ministère", "le régulateur", "l’opérateur") that refer to the organisation of their kind
// the article named. Sentences we wrote, with fictional people and companies.
import { describe, expect, it } from 'vitest';
import { extractByRules } from '../../src/nlp/extract.js';
import { articleId } from '../../src/sources/article.js';
import type { LocalEntity } from '../../src/types.js';

const extract = (text: string, lang: 'fr' | 'en' = 'fr') => extractByRules({ id: articleId(text), lang, text });
const named = (entities: LocalEntity[], name: string) => entities.find((e) => e.name === name);
/** The texts of an entity's mentions, in order. */
const mentionsOf = (text: string, name: string, lang: 'fr' | 'en' = 'fr') =>
  named(extract(text, lang).entities, name)?.mentions.map((m) => m.text);

describe('a surname after a title refers to the person named in full', () => {
  it('links "L’ambassadeur X" (an elided title) to the full name', () => {
    const text =
      'Le ministre a reçu l’ambassadeur de la République de Koranie, Vahid Tamsir Belenko. ' +
      'L’ambassadeur Belenko a, de son côté, salué la coopération.';
    expect(mentionsOf(text, 'Vahid Tamsir Belenko')).toEqual(['Vahid Tamsir Belenko', 'Belenko']);
    expect(extract(text).entities.filter((e) => e.kind === 'person')).toHaveLength(1);
  });

  it('links a married name after a slash ("Mme Y" for "X/Y")', () => {
    const text =
      'Dr Salimata Kando/Tiemtoré, ministre de la Poste du Burkina Faso, a pris la parole. ' +
      'Mme Tiemtoré a rassuré les participants.';
    expect(mentionsOf(text, 'Salimata Kando/Tiemtoré')).toEqual(['Salimata Kando/Tiemtoré', 'Tiemtoré']);
  });

  it('keeps apart two people with one surname: "M. X" goes to the one named last before it', () => {
    const text =
      'Moussa Fomba, directeur de Kalanso Digital, a ouvert la séance. Plus tard, Awa Fomba, présidente de ' +
      'l’association Sahel Codeurs, a pris la parole. M. Fomba a ensuite répondu aux questions.';
    const people = extract(text).entities.filter((e) => e.kind === 'person');
    expect(people.map((e) => e.name).sort()).toEqual(['Awa Fomba', 'Moussa Fomba']);
    // the civility does not pick the person (the rule takes the last named): neither is lost nor merged
    expect(people.every((e) => e.mentions.length >= 1)).toBe(true);
  });

  it('makes no person of a common noun after an elided article', () => {
    const text = 'L’ingénieur Kalanso a présenté le projet.';
    expect(extract(text).entities.filter((e) => e.kind === 'person')).toEqual([]);
  });
});

describe('a name that only a copula and a title introduce is a person', () => {
  it('reads "X fut directeur général de Y" and "Il s’appelle X"', () => {
    const text =
      'La société Kalanso Digital a un nouveau patron. Il s’appelle Ténin Sagara. ' +
      'De 2012 à 2017, Ténin Sagara fut directeur général de Sahel Connect.';
    expect(mentionsOf(text, 'Ténin Sagara')).toEqual(['Ténin Sagara', 'Ténin Sagara']);
  });

  it('does not read an organisation before a copula as a person', () => {
    const text = 'Kalanso Digital est partenaire de la fondation.';
    expect(extract(text).entities.filter((e) => e.kind === 'person')).toEqual([]);
  });
});

describe('a ministry named "le département de …"', () => {
  it('is the ministry of those portfolios, one entity with "le ministère de …"', () => {
    const text =
      'Le ministère de l’Économie numérique et de la Communication a lancé le projet. ' +
      'Le ministre Kanté dirige le département de l’Économie numérique et de la Communication depuis 2019.';
    const orgs = extract(text).entities.filter((e) => e.kind === 'organisation');
    expect(orgs.map((e) => e.name)).toEqual(['Ministère de l’Économie numérique et de la Communication']);
    expect(orgs[0]!.mentions).toHaveLength(2);
  });

  it('is no ministry when a place follows "département"', () => {
    const text = 'Les travaux ont eu lieu dans le département de Kayes.';
    expect(extract(text).entities.filter((e) => e.kind === 'organisation')).toEqual([]);
  });
});

describe('a definite description stands for the organisation of its kind the article named', () => {
  it('links "au ministère" to the ministry named before, so an apposition gives the role', () => {
    const text =
      'L’atelier est organisé par le ministère de la Poste et de l’Économie numérique. ' +
      'Mme Fanta Diabaté Kéra, conseillère technique au ministère, a présenté le document.';
    const x = extract(text);
    const ministry = x.entities.find((e) => e.name.startsWith('Ministère'))!;
    expect(ministry.mentions.map((m) => m.text)).toEqual([
      'ministère de la Poste et de l’Économie numérique',
      'ministère',
    ]);
    const person = named(x.entities, 'Fanta Diabaté Kéra')!;
    expect(x.relations.some((r) => r.kind === 'holds-role' && r.source === person.id && r.target === ministry.id)).toBe(
      true,
    );
  });

  it('links "le régulateur" to the regulator and "l’opérateur" to the operator, not to each other', () => {
    const text =
      'L’Autorité de régulation des postes du Kanem (ARPK) a contrôlé la société Sahel Télécom. ' +
      'Le régulateur a relevé des manquements. Selon l’opérateur, le réseau sera corrigé.';
    const x = extract(text);
    const regulator = x.entities.find((e) => e.name.startsWith('Autorité'))!;
    const operator = named(x.entities, 'Sahel Télécom')!;
    expect(regulator.mentions.map((m) => m.text)).toContain('régulateur');
    expect(operator.mentions.map((m) => m.text)).toContain('opérateur');
    expect(regulator.mentions.map((m) => m.text)).not.toContain('opérateur');
  });

  it('links "the regulator" in English', () => {
    const text =
      'The Kanem Telecommunications Regulatory Authority fined Sahel Telecom on Monday. ' +
      'The regulator said the operator had missed its coverage targets.';
    const x = extract(text, 'en');
    const regulator = named(x.entities, 'Kanem Telecommunications Regulatory Authority')!;
    expect(regulator.mentions.map((m) => m.text)).toContain('regulator');
    expect(x.entities.filter((e) => e.kind === 'organisation').map((e) => e.name)).not.toContain(
      'Authority fined Sahel Telecom',
    );
  });

  it('takes the ministry named last before the description when the article names two', () => {
    const text =
      'Le ministère de la Santé a salué l’initiative. Le ministère de la Poste a signé la convention. ' +
      'Un conseiller du ministère a présenté le calendrier.';
    const x = extract(text);
    const poste = x.entities.find((e) => e.name === 'Ministère de la Poste')!;
    const sante = x.entities.find((e) => e.name === 'Ministère de la Santé')!;
    expect(poste.mentions).toHaveLength(2);
    expect(sante.mentions).toHaveLength(1);
  });

  it('links nothing when no organisation of that kind is named, nor a description followed by a name', () => {
    const none = extract('Le ministère a publié un communiqué. Le régulateur a réagi.');
    expect(none.entities.filter((e) => e.kind === 'organisation')).toEqual([]);
    const text = 'La société Sahel Télécom a recruté. L’opérateur historique Kanem Mobile a réagi.';
    const x = extract(text);
    expect(named(x.entities, 'Sahel Télécom')!.mentions.map((m) => m.text)).toEqual(['Sahel Télécom']);
  });
});

describe('English names of institutions: capitalised words, a head, an "of" complement', () => {
  it.each([
    [
      'The Ministry of Digital Economy and Postal Services of Kanem said so.',
      'Ministry of Digital Economy and Postal Services of Kanem',
    ],
    [
      'The Malian Chapter of the Internet Society said the disruption was serious.',
      'Malian Chapter of the Internet Society',
    ],
    ['The International Finance Corporation will lend to the operator.', 'International Finance Corporation'],
  ])('%s', (text, name) => {
    expect(extract(text, 'en').entities.map((e) => e.name)).toContain(name);
  });

  it('reads no organisation in a head used as a common word', () => {
    expect(extract('Authority was given to the mayor on Monday.', 'en').entities).toEqual([]);
  });
});

describe('a head and a complement before a known name describe it', () => {
  it('makes no organisation of "la Société de téléphonie" written before a known operator', () => {
    const text =
      'La Société de téléphonie Orange-Mali a un nouveau patron. Le patron de la Société de téléphonie a parlé.';
    const orgs = extract(text).entities.filter((e) => e.kind === 'organisation');
    expect(orgs.map((e) => e.name)).toEqual(['Orange-Mali']);
  });
});

describe('one capitalised word after a title, written again, names an organisation', () => {
  it('reads "le président de Kalabo" as an organisation when the article names Kalabo again', () => {
    const text =
      'La structure Kalabo a fêté ses dix ans. La présence du président de Kalabo, Séni Dakouo, a été remarquée. ' +
      'Les jeunes formés par Kalabo ont exposé.';
    const x = extract(text);
    expect(named(x.entities, 'Kalabo')?.kind).toBe('organisation');
    const [person, org] = [named(x.entities, 'Séni Dakouo')!.id, named(x.entities, 'Kalabo')!.id];
    expect(x.relations.some((r) => r.kind === 'holds-role' && r.source === person && r.target === org)).toBe(true);
  });

  it('keeps a surname a surname ("le directeur de Kanté" after "Moussa Kanté")', () => {
    const text = 'Le frère de Moussa Kanté est venu. Le directeur de Kanté a parlé. Kanté a répondu.';
    const x = extract(text);
    expect(x.entities.map((e) => [e.kind, e.name])).toEqual([['person', 'Moussa Kanté']]);
  });
});

describe('a title in apposition to the name after it stands for that name only', () => {
  it('does not resolve "le président de la faîtière des incubateurs, X" to another president', () => {
    const text =
      'Étaient présents le président de Sahel Codeurs, Aliou Tembely, et le président de la faîtière des ' +
      'incubateurs, Issa Konaté.';
    const x = extract(text);
    const tembely = named(x.entities, 'Aliou Tembely')!;
    const second = text.indexOf('le président de la faîtière');
    expect(x.anaphors.filter((a) => a.id === tembely.id && a.start === second)).toEqual([]);
  });
});

describe('a description of what a person does stands for the one person named with that title', () => {
  it('resolves "le diplomate koranien" to the ambassador the article named', () => {
    const text =
      'Le ministre Issa Bagayoko a reçu l’ambassadeur de la République de Koranie, Vahid Tamsir Belenko. ' +
      'Le diplomate koranien a proposé de former dix experts.';
    const x = extract(text);
    const envoy = named(x.entities, 'Vahid Tamsir Belenko')!;
    const at = text.indexOf('Le diplomate');
    expect(x.anaphors.filter((a) => a.start === at).map((a) => a.id)).toEqual([envoy.id]);
  });

  it('resolves it to nobody when no one is named with that title', () => {
    const text = 'Le ministre Issa Bagayoko a reçu Vahid Belenko. Le diplomate a proposé de former dix experts.';
    const x = extract(text);
    const at = text.indexOf('Le diplomate');
    expect(x.anaphors.filter((a) => a.start === at)).toEqual([]);
  });
});
