// Who may be the actor of an undertaking the rules did not read: the candidate generator widens past
// "the name right before the undertaking word" to the subject carried from the sentence before, the
// agent of a passive and the speaker after a quote. Sentences written for the test; names fictional.
import { describe, expect, it } from 'vitest';
import { candidatesOf, type Candidate } from '../../src/nlp/candidates.js';
import { extractByRules } from '../../src/nlp/extract.js';
import { articleId } from '../../src/sources/article.js';
import type { Article } from '../../src/types.js';

const article = (text: string): Article => ({ id: articleId(text), lang: 'fr', text });

/** The committed-to candidates no rule read, as "actor name | how found | clause". */
function undertakings(text: string): string[] {
  const x = extractByRules(article(text));
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  return candidatesOf(x.sentences, x.entities, x.relations, 'fr', x.anaphors)
    .filter((c: Candidate) => c.kind === 'committed-to' && c.trigger)
    .map((c) => `${names.get(c.source)} | ${c.actorVia ?? 'named'} | ${c.commitment}`);
}

describe('committed-to candidates beyond the name before the undertaking', () => {
  it('carries the subject of the sentence before to one that opens with a definite description', () => {
    const got = undertakings(
      'Le directeur général de Sahelnet, Bakary Traoré Diamoutène, a reçu les journalistes à Ségou. ' +
        'Le sexagénaire a également proposé la formation de vingt techniciens aux métiers de la fibre.',
    );
    expect(got.some((g) => g.startsWith('Bakary Traoré Diamoutène | carried | a également proposé la formation'))).toBe(
      true,
    );
  });

  it('does not carry a subject to a sentence that names its own actor before the undertaking', () => {
    const got = undertakings(
      'Le directeur général de Sahelnet, Bakary Traoré Diamoutène, a reçu les journalistes à Ségou. ' +
        'La société Kolabanet a proposé la construction de trois pylônes à Kita.',
    );
    expect(got.filter((g) => g.includes('| carried |'))).toEqual([]);
  });

  it('takes each agent of a passive financing as an actor', () => {
    const got = undertakings(
      'Le programme Jigiya Numérique est financé par la Banque mondiale et par l’Agence française de développement ' +
        'sur une durée de trois ans.',
    );
    expect(got.some((g) => g.startsWith('Banque mondiale | agent | financé par'))).toBe(true);
    expect(got.some((g) => g.startsWith('Agence française de développement | agent |'))).toBe(true);
  });

  it('takes the speaker after a quote that promises, with the quote as the undertaking', () => {
    const got = undertakings(
      '« Les dix lauréats bénéficieront d’un accompagnement de six mois », ' +
        'promet Mariam Sangaré Dembélé, la directrice de Wulikan.',
    );
    expect(got.some((g) => /^Mariam Sangaré Dembélé \| speaker \| Les dix lauréats bénéficieront/u.test(g))).toBe(true);
  });

  it('opens an undertaking at "va" or "doit" before an infinitive, an aside between them', () => {
    const got = undertakings(
      'Orange Mali va, d’ici à 2026, déployer la fibre optique à Kita. La société Sahelnet doit, a précisé son ' +
        'directeur, accueillir les antennes de Huawei sur ses sites.',
    );
    expect(got.filter((g) => g.startsWith('Orange Mali | named | va, d’ici à 2026, déployer la fibre'))).toHaveLength(
      1,
    );
    expect(
      got.filter((g) => g.startsWith('Sahelnet | named | doit, a précisé son directeur, accueillir')),
    ).toHaveLength(1);
  });

  it('opens no undertaking at "va" or "doit" without an infinitive after', () => {
    const got = undertakings('Orange Mali va bien. La société Sahelnet doit des millions à Huawei depuis 2023.');
    expect(got).toEqual([]);
  });

  it('takes no speaker when the quote promises nothing', () => {
    const got = undertakings(
      '« La cérémonie était belle », a souligné Mariam Sangaré Dembélé, la directrice de Wulikan.',
    );
    expect(got.filter((g) => g.includes('| speaker |'))).toEqual([]);
  });
});
