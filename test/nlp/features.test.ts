// The features the relation scorer reads for a person–organisation pair (holds-role): the shape of what
// stands between the two names and a title tied to the organisation by its "de". Sentences written for
// the test; people fictional, organisations of the lexicon.
import { describe, expect, it } from 'vitest';
import { candidatesOf } from '../../src/nlp/candidates.js';
import { extractByRules } from '../../src/nlp/extract.js';
import { featuresOf } from '../../src/nlp/features.js';
import { articleId } from '../../src/sources/article.js';
import type { Article } from '../../src/types.js';

/** The holds-role features of the pair (person, organisation) named in a one-sentence article, kind prefix off. */
function roleFeatures(text: string, person: string, org: string): string[] {
  const a: Article = { id: articleId(text), lang: 'fr', text };
  const x = extractByRules(a);
  const id = (name: string) => x.entities.find((e) => e.name === name)?.id;
  const c = candidatesOf(x.sentences, x.entities, x.relations, 'fr', x.anaphors).find(
    (k) => k.kind === 'holds-role' && k.source === id(person) && k.target === id(org),
  );
  if (!c) throw new Error(`no holds-role candidate ${person} → ${org} in: ${text}`);
  const ctx = { text, lang: 'fr' as const, entities: new Map(x.entities.map((e) => [e.id, e])) };
  return featuresOf(c, ctx)
    .filter((f) => f.startsWith('holds-role|'))
    .map((f) => f.slice('holds-role|'.length));
}

describe('holds-role: what stands between the person and the organisation', () => {
  it('reads a title and its glue alone between them, and the title tied to the organisation by "de"', () => {
    const f = roleFeatures(
      'Aminata Kéita Sangaré, directrice générale d’Orange Mali, a inauguré le centre de données de Kita.',
      'Aminata Kéita Sangaré',
      'Orange Mali',
    );
    expect(f).toContain('rshape=title+<=0');
    expect(f).toContain('title-of-org');
  });

  it('reads the title before the organisation when the person comes after it', () => {
    const f = roleFeatures(
      'Le directeur général de Moov Africa Malitel, Bakary Traoré Diamoutène, a reçu les journalistes à Ségou.',
      'Bakary Traoré Diamoutène',
      'Moov Africa Malitel',
    );
    expect(f).toContain('rshape=none+<=0');
    expect(f).toContain('title-of-org');
  });

  it('reads a clause of its own between them, and no title tied to the organisation', () => {
    const f = roleFeatures(
      'Aminata Kéita Sangaré a visité hier à Kita les nouveaux pylônes qu’Orange Mali vient de poser.',
      'Aminata Kéita Sangaré',
      'Orange Mali',
    );
    expect(f.filter((x) => x.startsWith('rshape='))).toEqual(['rshape=none+>3']);
    expect(f).not.toContain('title-of-org');
  });
});
