// Extraction of one article: sentences, mentions, within-article resolution, relations. Pure: no I/O.
import type { Article, Extraction, LocalEntity } from '../types.js';
import { resolveLocal } from '../resolve/local.js';
import { findMentions } from './mentions.js';
import { extractRelations } from './relations.js';
import { splitSentences } from './sentences.js';

export function extractArticle(article: Article): Extraction {
  const sentences = splitSentences(article.text);
  const found = findMentions(article.text, sentences, article.lang);
  const opts: { outlet?: string; author?: string } = {};
  if (article.source) opts.outlet = article.source;
  if (article.author) opts.author = article.author;
  const { entities } = resolveLocal(found, opts);
  const { relations, topics } = extractRelations(article.text, sentences, entities, article.lang, article.date);
  const topicEntities: LocalEntity[] = topics.map((t) => ({
    id: t.id,
    kind: 'topic',
    name: t.label,
    forms: [],
    keys: [`topic:@${t.id.slice('topic:'.length)}`],
    roles: [],
    mentions: [],
  }));
  // an entity is kept when the article names it; a topic when a relation points to it
  return { article: article.id, entities: [...entities, ...topicEntities], relations };
}
