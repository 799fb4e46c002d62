// The relations extraction reads in one short text we wrote, with the entities' names in place of their ids: what the
// rule-class tests compare with the pairs a reader expects.
import { extractArticle } from '../../src/nlp/extract.js';
import { articleId } from '../../src/sources/article.js';

export interface NamedRelation {
  source: string;
  target: string;
  role?: string;
}

/** The relations of `kind` read in `text`, in the order extraction gives them. */
export function namedRelations(text: string, kind: string, lang: 'fr' | 'en' = 'fr'): NamedRelation[] {
  const x = extractArticle({ id: articleId(text), lang, text });
  const name = new Map(x.entities.map((e) => [e.id, e.name]));
  return x.relations
    .filter((r) => r.kind === kind)
    .map((r) => ({ source: name.get(r.source)!, target: name.get(r.target)!, ...(r.role ? { role: r.role } : {}) }));
}
