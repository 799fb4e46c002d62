// A commitment's object is an undertaking, never an entity (issue 13): in "« … », promet X, le directeur
// de Y" the word "promet" is followed by its speaker, so the organisation named in the quote has not
// committed to "X, le directeur de Y". Sentences written for the test; names fictional.
import { describe, expect, it } from 'vitest';
import { candidatesOf, type Candidate } from '../../src/nlp/candidates.js';
import { extractByRules } from '../../src/nlp/extract.js';
import { articleId } from '../../src/sources/article.js';

/** The committed-to candidates no rule read, as "actor name | clause". */
function undertakings(text: string): string[] {
  const x = extractByRules({ id: articleId(text), lang: 'fr', text });
  const names = new Map(x.entities.map((e) => [e.id, e.name]));
  return candidatesOf(x.sentences, x.entities, x.relations, 'fr', x.anaphors)
    .filter((c: Candidate) => c.kind === 'committed-to' && c.trigger)
    .map((c) => `${names.get(c.source)} | ${c.commitment}`);
}

describe('a commitment whose object would be a name', () => {
  it('reads no undertaking in the speaker named after "promet"', () => {
    const got = undertakings(
      '« Les sept équipes retenues bénéficieront d’un accompagnement de six mois chez Sirakoro Lab », ' +
        'promet Bintou Sanogo, la directrice de Sirakoro Lab.',
    );
    expect(got.filter((g) => /\| promet Bintou Sanogo/u.test(g))).toEqual([]);
    // the quote itself stays a candidate of its speaker
    expect(got.some((g) => g.startsWith('Bintou Sanogo | Les sept équipes retenues bénéficieront'))).toBe(true);
  });

  it('keeps an undertaking whose clause goes on after a name', () => {
    const got = undertakings(
      'La société Kolabanet promet à Sirakoro Lab un financement de dix millions de francs pour ses ateliers.',
    );
    expect(got.some((g) => g.startsWith('Kolabanet | promet à Sirakoro Lab un financement'))).toBe(true);
  });
});
