// What a first reader of real press saw wrong (issue 13, point 4), each as a class of sentences we
// wrote in the genre (fictional people and companies): a case the fix must handle and one it must leave.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/nlp/extract.js';
import { setScoringMode } from '../../src/nlp/scorer.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { articleId } from '../../src/sources/article.js';
import type { Extraction } from '../../src/types.js';

// the rules' own behaviour (the trained scorer over them is tested in scorer.test.ts)
setScoringMode({ mode: 'rules' });

const run = (text: string): Extraction => extractArticle({ id: articleId(text), lang: 'fr', text });
const nameOf = (x: Extraction, id: string) => x.entities.find((e) => e.id === id)!.name;
/** The distinct holds-role statements: "person -> organisation (role)". */
const roles = (x: Extraction) =>
  [
    ...new Set(
      x.relations
        .filter((r) => r.kind === 'holds-role')
        .map((r) => `${nameOf(x, r.source)} -> ${nameOf(x, r.target)} (${r.role})`),
    ),
  ].sort();
/** The roles each person is given, with or without an organisation. */
const personRoles = (x: Extraction) =>
  Object.fromEntries(x.entities.filter((e) => e.kind === 'person').map((e) => [e.name, e.roles]));

describe('a woman keeps her title in the feminine', () => {
  it.each([
    ['La directrice de Kora Mobile, Mme Awa Sangaré, a ouvert la séance.', 'Awa Sangaré -> Kora Mobile (Directrice)'],
    [
      'Mme Awa Sangaré, directrice générale adjointe de Kora Mobile, a ouvert la séance.',
      'Awa Sangaré -> Kora Mobile (Directrice générale adjointe)',
    ],
    [
      'La présidente de l’Association malienne des opérateurs, Fanta Koné, a ouvert la séance.',
      'Fanta Koné -> Association malienne des opérateurs (Présidente)',
    ],
    [
      'La représentante résidente du Programme des Nations unies pour le développement, Awa Sangaré, a parlé.',
      'Awa Sangaré -> Programme des Nations unies pour le développement (Représentante résidente)',
    ],
    // an abbreviation says nothing of gender: the determiner does
    ['La DG de Kora Mobile, Awa Sangaré, a ouvert la séance.', 'Awa Sangaré -> Kora Mobile (Directrice générale)'],
  ])('%s', (text, expected) => {
    expect(roles(run(text))).toEqual([expected]);
  });

  it('keeps the canonical title of a man, and of a title that is the same for both ("la ministre")', () => {
    const x = run(
      'Le DG de Kora Mobile, Oumar Sidibé, a reçu la directrice de Baara Networks, Awa Sangaré. ' +
        'La ministre de la Communication, Fanta Koné, a salué la rencontre.',
    );
    expect(roles(x)).toEqual([
      'Awa Sangaré -> Baara Networks (Directrice)',
      'Oumar Sidibé -> Kora Mobile (Directeur général)',
    ]);
    expect(personRoles(x)['Fanta Koné']).toEqual(['Ministre']);
  });

  it('does not give a man the feminine title of the woman he receives', () => {
    const x = run('M. Oumar Sidibé, directeur de Kora Mobile, a reçu la présidente de Baara Networks, Awa Sangaré.');
    expect(roles(x)).toEqual(['Awa Sangaré -> Baara Networks (Présidente)', 'Oumar Sidibé -> Kora Mobile (Directeur)']);
  });
});

describe('a list of titles and a list of names are paired in order', () => {
  it.each([
    [
      'Les directeurs généraux de Kora Mobile et de Baara Networks, MM. Oumar Sidibé et Bakary Koné, ont ' +
        'signé l’accord.',
    ],
    ['Les DG de Kora Mobile et de Baara Networks, Oumar Sidibé et Bakary Koné, ont signé au nom de leurs sociétés.'],
    [
      'MM. Oumar Sidibé et Bakary Koné, respectivement directeurs généraux de Kora Mobile et de Baara Networks, ont ' +
        'signé l’accord.',
    ],
    ['MM. Oumar Sidibé et Bakary Koné, directeurs généraux de Kora Mobile et de Baara Networks, ont signé l’accord.'],
  ])('%s', (text) => {
    expect(roles(run(text))).toEqual([
      'Bakary Koné -> Baara Networks (Directeur général)',
      'Oumar Sidibé -> Kora Mobile (Directeur général)',
    ]);
  });

  it('pairs nothing when the lists are not of one length', () => {
    const x = run(
      'MM. Oumar Sidibé et Bakary Koné, directeurs généraux de Kora Mobile, de Baara Networks et de Huawei, ont ' +
        'signé l’accord.',
    );
    expect(x.relations.filter((r) => r.rule === 'role:noms-puis-titres')).toEqual([]);
  });

  it('pairs nothing when the names are the object of a verb, not in apposition', () => {
    const x = run(
      'Les directeurs généraux de Kora Mobile et de Baara Networks ont reçu MM. Oumar Sidibé et Bakary Koné.',
    );
    expect(roles(x)).toEqual([]);
  });
});

describe('sentences: captions, credits and quotes', () => {
  const sentences = (text: string) => splitSentences(text).map((s) => s.text);

  it('cuts a photo credit from the sentence glued after it', () => {
    expect(
      sentences('Photo : DR La ministre de la Communication a reçu le DG. Lundi, la ministre a visité le site.'),
    ).toEqual(['Photo : DR', 'La ministre de la Communication a reçu le DG.', 'Lundi, la ministre a visité le site.']);
    expect(sentences('Le ministre a signé l’accord (Crédit photo : Kora Mobile) Le DG a salué la signature.')).toEqual([
      'Le ministre a signé l’accord (Crédit photo : Kora Mobile)',
      'Le DG a salué la signature.',
    ]);
  });

  it('ends a caption at its line in a hard-wrapped paragraph', () => {
    expect(
      sentences(
        'Le DG de Kora Mobile, Oumar Sidibé (g), recevant le prix\nLe conseil de la société s’est tenu\n' +
          'hier dans les locaux de l’établissement sous la présidence\nde son président. Il a été suivi d’un point.',
      ),
    ).toEqual([
      'Le DG de Kora Mobile, Oumar Sidibé (g), recevant le prix',
      'Le conseil de la société s’est tenu\nhier dans les locaux de l’établissement sous la présidence\nde son ' +
        'président.',
      'Il a été suivi d’un point.',
    ]);
  });

  it('does not cut at guillemets written the wrong way round around a name ("» Plan … «")', () => {
    expect(
      sentences(
        'Kora Mobile, à travers son  » Plan Vert 2030 « , s’est engagé pour l’environnement. La société a signé.',
      ),
    ).toEqual([
      'Kora Mobile, à travers son  » Plan Vert 2030 « , s’est engagé pour l’environnement.',
      'La société a signé.',
    ]);
  });

  it('still cuts after a quote that closes', () => {
    expect(sentences('« Nous irons loin » La ministre a parlé.')).toEqual([
      '« Nous irons loin »',
      'La ministre a parlé.',
    ]);
  });
});

describe('a title after a name in a prepositional phrase, followed by its verb, is someone else', () => {
  it('does not give the head of the meeting the title of the minister who speaks', () => {
    const x = run(
      'La réunion s’est tenue sous la direction du Colonel Bakary Koné, le ministre de la Communication, de ' +
        'l’Économie numérique et de la Modernisation de l’Administration a attiré l’attention du Conseil sur les kits.',
    );
    expect(personRoles(x)).toEqual({ 'Bakary Koné': [] });
  });

  it.each([
    ['M. Oumar Sidibé, le ministre de la Communication, a ouvert la séance.'],
    ['Sous la présidence de M. Oumar Sidibé, le ministre de la Communication, le séminaire a ouvert.'],
    ['Oumar Sidibé, le ministre de la Communication a ouvert la séance.'],
  ])('keeps the apposition: %s', (text) => {
    expect(personRoles(run(text))).toEqual({ 'Oumar Sidibé': ['Ministre'] });
  });

  it('gives "le représentant de la ministre" the representative’s title, not the minister’s', () => {
    const x = run('Étaient présents le représentant de la ministre de la Santé, Bakary Koné, et des élus.');
    expect(personRoles(x)).toEqual({ 'Bakary Koné': ['Représentant'] });
  });
});

describe('what each party of a meeting discussed, and who signed with whom', () => {
  it('attaches the topics of each visitor’s talks to that visitor, not to the other', () => {
    const x = run(
      'Le ministre Oumar Sidibé a reçu le DG de Kora Mobile, Bakary Koné, et la DG de Baara Networks, Awa Sangaré. ' +
        'Les échanges avec Kora Mobile ont porté sur la cybersécurité. S’agissant de Baara Networks, les ' +
        'discussions ont concerné la formation des jeunes.',
    );
    const discussed = x.relations
      .filter((r) => r.kind === 'discussed')
      .map((r) => `${nameOf(x, r.source)} -> ${nameOf(x, r.target)}`)
      .sort();
    expect(discussed).toContain('Kora Mobile -> Cybersécurité');
    expect(discussed).toContain('Baara Networks -> Compétences et formation');
    expect(discussed.filter((d) => d.startsWith('Kora Mobile')).some((d) => d.includes('formation'))).toBe(false);
    expect(discussed.filter((d) => d.startsWith('Baara Networks')).some((d) => d.includes('Cyber'))).toBe(false);
  });

  it('reads no person–organisation edge from "signé entre X, le ministre …, et Y, le président … de Z"', () => {
    const x = run(
      'Un accord de formation a été signé entre Oumar Sidibé, le ministre de la Communication, et Bakary Koné, le ' +
        'président du Conseil de surveillance de Baara Networks.',
    );
    const edges = x.relations
      .filter((r) => r.kind !== 'holds-role')
      .map((r) => `${r.kind} ${nameOf(x, r.source)} -> ${nameOf(x, r.target)}`);
    expect(edges.filter((e) => e.includes('Oumar Sidibé') && e.includes('Baara Networks'))).toEqual([]);
    expect(roles(x)).toEqual(['Bakary Koné -> Baara Networks (Président du Conseil de surveillance)']);
  });
});
