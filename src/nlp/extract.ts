// Extraction of one article: mentions, within-article resolution, relations. Pure: no I/O.
import type { Article, Extraction } from '../types.js';

export function extractArticle(article: Article): Extraction {
  return { article: article.id, entities: [], relations: [] };
}
