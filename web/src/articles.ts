import type { ArticleMeta } from './model.js';

export type ArticleIndex = Map<string, ArticleMeta>;

export const indexArticles = (list: ArticleMeta[]): ArticleIndex => new Map(list.map((a) => [a.id, a]));
