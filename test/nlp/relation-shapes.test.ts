// The genre's general shapes of the five relations, each as a class read by the rules (not one sentence of the dev
// set): a meeting in any tense or voice and its French and English verbs, a title given by appointment, after "à la
// tête de", held before ("ex-", "fut") or added ("par ailleurs DG de"), a fine imposed or inflicted in the passive, an
// agreement concluded, inked or entered into. Every class has sentences it must not read: a negation, a hedge
// ("envisage", "could", "is expected to"), mere presence at one event. Every sentence is one we wrote (sector names of
// the lexicon, fictional people).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setScoringMode } from '../../src/nlp/scorer.js';
import { namedRelations } from '../helpers/relations.js';

/** The relations of a kind the rules read in a text, as "A -> B" (roles with their title: "A -> B (DG)"). */
function read(text: string, kind: string, lang: 'fr' | 'en' = 'fr'): string[] {
  const undirected = kind === 'met-with' || kind === 'signed-agreement-with';
  return namedRelations(text, kind, lang)
    .map((r) => {
      const ends = [r.source, r.target];
      const pair = (undirected ? ends.sort() : ends).join(' -> ');
      return r.role ? `${pair} (${r.role})` : pair;
    })
    .sort();
}

beforeAll(() => setScoringMode({ mode: 'rules' }));
afterAll(() => setScoringMode(undefined));

describe('met-with: the genre’s meeting shapes', () => {
  it.each([
    ['a passive in the imperfect', 'M. Li Wei était reçu par le ministre de la Communication, Moussa Konaté.'],
    ['a present passive with an aside', 'M. Li Wei est reçu, ce lundi, par le ministre Moussa Konaté.'],
    ['"a échangé, <aside>, avec"', 'Le ministre Moussa Konaté a échangé, mardi, avec M. Li Wei.'],
    ['"a discuté avec"', 'Le ministre Moussa Konaté a longuement discuté avec M. Li Wei.'],
    [
      'a meeting as the subject of "a réuni"',
      'Une séance de travail a réuni, jeudi, le ministre Moussa Konaté et M. Li Wei.',
    ],
    ['two people who "ont échangé"', 'Au cours de cette audience, Moussa Konaté et Li Wei ont échangé sur la 5G.'],
  ])('reads %s', (_what, text) => {
    expect(read(text, 'met-with')).toEqual(['Li Wei -> Moussa Konaté']);
  });

  it.each([
    ['"had a working session with"', 'Minister Moussa Konate had a working session with Mr Li Wei on Monday.'],
    ['"granted an audience to"', 'Minister Moussa Konate granted an audience to Mr Li Wei on Monday.'],
    ['"paid a courtesy call on"', 'Mr Li Wei paid a courtesy call on Minister Moussa Konate on Monday.'],
    ['two people who "discussed"', 'During the meeting, Moussa Konate and Li Wei discussed the 5G rollout.'],
  ])('reads English %s', (_what, text) => {
    expect(read(text, 'met-with', 'en')).toEqual(['Li Wei -> Moussa Konate']);
  });

  it.each([
    ['a negation', 'Le ministre Moussa Konaté n’a pas rencontré M. Li Wei.'],
    ['a hedge', 'Le ministre Moussa Konaté envisage de rencontrer M. Li Wei.'],
    ['mere presence at one event', 'La cérémonie a réuni, jeudi, le ministre Moussa Konaté et M. Li Wei.'],
    ['a meeting to come', 'Le ministre Moussa Konaté sera reçu par M. Li Wei la semaine prochaine.'],
  ])('reads no meeting from %s', (_what, text) => {
    expect(read(text, 'met-with')).toEqual([]);
  });

  it.each([
    ['"is expected to meet"', 'Minister Moussa Konate is expected to meet Mr Li Wei next week.'],
    ['two people at one forum', 'Moussa Konate and Li Wei attended the same forum in Bamako.'],
  ])('reads no English meeting from %s', (_what, text) => {
    expect(read(text, 'met-with', 'en')).toEqual([]);
  });
});

describe('holds-role: appointment, "à la tête de", former and added titles', () => {
  it.each([
    ['"NAME, nommé ROLE de ORG"', 'Oumar Tangara, nommé directeur général de l’AMRTP en 2023, a parlé.'],
    ['"NAME a été nommé ROLE de ORG"', 'Oumar Tangara a été nommé directeur général de l’AMRTP en mai.'],
    ['"NAME est le nouveau ROLE de ORG"', 'Oumar Tangara est le nouveau directeur général de l’AMRTP.'],
    ['"NAME fut ROLE de ORG"', 'De 2012 à 2017, Oumar Tangara fut directeur général de l’AMRTP.'],
    ['"NAME, désormais ex ROLE de ORG"', 'Il s’appelle Oumar Tangara, désormais ex directeur général de l’AMRTP.'],
    ['"NAME, à la tête de ORG"', 'Oumar Tangara, à la tête de l’AMRTP depuis 2021, a parlé.'],
  ])('reads %s', (_what, text) => {
    expect(read(text, 'holds-role')).toEqual(['Oumar Tangara -> AMRTP (Directeur général)']);
  });

  it.each([
    ['"NAME was appointed ROLE of ORG"', 'Oumar Tangara was appointed managing director of AMRTP in May.'],
    ['"ORG ROLE NAME"', 'AMRTP CEO Oumar Tangara presented the plan on Monday.'],
    ['"NAME, former ROLE of ORG"', 'Oumar Tangara, former chief executive of AMRTP, presented the plan.'],
  ])('reads English %s', (_what, text) => {
    expect(read(text, 'holds-role', 'en')).toEqual(['Oumar Tangara -> AMRTP (Directeur général)']);
  });

  it('reads "ROLE at ORG" and "who is ROLE at ORG"', () => {
    expect(read('Li Wei, who is country director at Huawei Mali, spoke.', 'holds-role', 'en')).toEqual([
      'Li Wei -> Huawei Mali (Directeur pays)',
    ]);
  });

  it('reads a second title added after the name or after the first title', () => {
    expect(
      read(
        'Le président du conseil d’administration d’Orange Mali, Oumar Sidibé par ailleurs DG de Huawei, a parlé.',
        'holds-role',
      ),
    ).toEqual([
      'Oumar Sidibé -> Huawei (Directeur général)',
      "Oumar Sidibé -> Orange Mali (Président du Conseil d'administration)",
    ]);
    expect(read('M. Oumar Sidibé, président d’Orange Mali et directeur de Huawei, a parlé.', 'holds-role')).toEqual([
      'Oumar Sidibé -> Huawei (Directeur)',
      'Oumar Sidibé -> Orange Mali (Président)',
    ]);
  });

  it('gives the title after "et" to the next name, not as a second title of the one before', () => {
    const text = 'Il avait à ses côtés le DG d’Orange Mali, Ibrahim Sangaré et la directrice de Huawei, Awa Traoré.';
    expect(read(text, 'holds-role')).toEqual([
      'Awa Traoré -> Huawei (Directrice)',
      'Ibrahim Sangaré -> Orange Mali (Directeur général)',
    ]);
  });

  it.each([
    ['a reception', 'Oumar Tangara a été reçu par Awa Traoré, la directrice générale de l’AMRTP, en mai.'],
    ['a client', 'Oumar Tangara, client de l’AMRTP depuis 2021, a parlé.'],
  ])('gives Oumar Tangara no role from %s', (_what, text) => {
    expect(read(text, 'holds-role').filter((r) => r.startsWith('Oumar Tangara'))).toEqual([]);
  });
});

describe('sanctioned: fines imposed, penalties inflicted in the passive', () => {
  it('reads "une pénalité … a été infligée à X par Y"', () => {
    const text = 'Une pénalité de 300 millions de FCFA a été infligée à Orange Mali par l’AMRTP.';
    expect(read(text, 'sanctioned')).toEqual(['AMRTP -> Orange Mali']);
  });

  it('reads "a imposé une amende à"', () => {
    expect(read('L’AMRTP a imposé une amende de 2 milliards à Orange Mali.', 'sanctioned')).toEqual([
      'AMRTP -> Orange Mali',
    ]);
  });

  it.each([
    ['"imposed a penalty … on"', 'The AMRTP imposed a penalty of 500 million CFA francs on Orange Mali.'],
    ['"a fine was imposed on X by Y"', 'A fine of 2 billion CFA francs was imposed on Orange Mali by the AMRTP.'],
  ])('reads English %s', (_what, text) => {
    expect(read(text, 'sanctioned', 'en')).toEqual(['AMRTP -> Orange Mali']);
  });

  it.each([
    ['a hedge ("pourrait")', 'L’AMRTP pourrait infliger une amende à Orange Mali.', 'fr'],
    ['a plan ("envisage de")', 'L’AMRTP envisage de sanctionner Orange Mali.', 'fr'],
    ['"could"', 'The AMRTP could fine Orange Mali next month.', 'en'],
    ['"is expected to"', 'The AMRTP is expected to sanction Orange Mali.', 'en'],
    ['a rule imposed that is no fine', 'The AMRTP imposed a new numbering plan on Orange Mali.', 'en'],
  ] as const)('reads no sanction from %s', (_what, text, lang) => {
    expect(read(text, 'sanctioned', lang)).toEqual([]);
  });
});

describe('signed-agreement-with: concluded, inked, entered into', () => {
  it.each([
    ['"un partenariat a été conclu entre A et B"', 'Un partenariat a été conclu entre Orange Mali et Huawei.'],
    ['"a conclu un partenariat avec"', 'Orange Mali a conclu un partenariat avec Huawei.'],
  ])('reads %s', (_what, text) => {
    expect(read(text, 'signed-agreement-with')).toEqual(['Huawei -> Orange Mali']);
  });

  it.each([
    ['"A and B inked a … agreement"', 'Orange Mali and Huawei inked a partnership agreement on Tuesday.'],
    ['"A entered into a partnership with B"', 'Orange Mali entered into a partnership with Huawei.'],
  ])('reads English %s', (_what, text) => {
    expect(read(text, 'signed-agreement-with', 'en')).toEqual(['Huawei -> Orange Mali']);
  });

  it.each([
    ['a partnership not signed ("a noué")', 'Orange Mali a noué un partenariat avec Huawei.', 'fr'],
    ['a plan ("envisagent de signer")', 'Orange Mali et Huawei envisagent de signer un accord.', 'fr'],
    ['"are expected to sign"', 'Orange Mali and Huawei are expected to sign an agreement next month.', 'en'],
  ] as const)('reads no agreement from %s', (_what, text, lang) => {
    expect(read(text, 'signed-agreement-with', lang)).toEqual([]);
  });
});

describe('committed-to: a plan only considered is no undertaking', () => {
  it('reads no commitment from "envisage de", "pourrait" or a negation', () => {
    for (const text of [
      'Orange Mali envisage de lancer la 5G en 2026.',
      'Orange Mali pourrait investir dans la fibre optique.',
      'Orange Mali ne va pas augmenter ses tarifs.',
    ])
      expect(read(text, 'committed-to')).toEqual([]);
  });

  it('still reads "prévoit de" and "va" with an infinitive', () => {
    expect(read('Orange Mali prévoit de déployer 200 nouveaux sites en 2025.', 'committed-to')).toEqual([
      'Orange Mali -> Autres engagements',
    ]);
    expect(read('Orange Mali va investir 50 milliards de FCFA dans la fibre optique.', 'committed-to')).toHaveLength(1);
  });
});
