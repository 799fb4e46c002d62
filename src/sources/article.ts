// Turns a reader's draft into an Article: id from the normalised text, language, date fallback.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Article, Lang } from '../types.js';
import { findPublicationDate, normaliseDate } from '../clean/dates.js';

export type ArticleDraft = Omit<Article, 'id' | 'lang'> & { lang?: string };

/** Normalised text for hashing: NFC, typographic apostrophes folded, white space collapsed. */
export const normaliseForId = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

export const articleId = (text: string): string =>
  createHash('sha256').update(normaliseForId(text)).digest('hex').slice(0, 16);

// the language detector loads when an article does not declare its language (~120 ms at start-up otherwise)
const require = createRequire(import.meta.url);
let tinyld: typeof import('tinyld') | undefined;
const detect: (typeof import('tinyld'))['detect'] = (text, opts) =>
  (tinyld ??= require('tinyld') as typeof import('tinyld')).detect(text, opts);

export function detectLang(text: string, declared?: string): Lang {
  const d = declared?.trim().toLowerCase().slice(0, 2);
  if (d === 'fr' || d === 'en') return d;
  const guess = detect(text.slice(0, 2000), { only: ['fr', 'en'] });
  return guess === 'en' ? 'en' : 'fr';
}

/**
 * A headline for an article that has none (a raw page dump, front matter without a title): its first
 * sentence, cut at a word near 110 characters with "…". The text itself is never changed.
 */
export function headlineFromText(text: string): string | undefined {
  const first = text.trim().split(/\n/)[0]!.trim();
  const sentence = /^.{20,}?[.!?](?=\s|$)/su.exec(first)?.[0] ?? first;
  if (!sentence) return undefined;
  if (sentence.length <= 110) return sentence.replace(/[.]$/, '');
  return sentence.slice(0, 110).replace(/[\s,;:’'(«-]+\S*$/u, '') + '…';
}

export function finaliseArticle(draft: ArticleDraft): Article {
  const lang = detectLang(draft.text, draft.lang);
  const date = normaliseDate(draft.date) ?? findPublicationDate(draft.text, lang);
  const article: Article = { id: articleId(draft.text), lang, text: draft.text };
  const title = draft.title?.trim() || headlineFromText(draft.text);
  if (title) article.title = title;
  if (date) article.date = date;
  if (draft.source) article.source = draft.source.trim();
  if (draft.url) article.url = draft.url.trim();
  if (draft.author) article.author = draft.author.trim();
  if (draft.origin) article.origin = draft.origin;
  return article;
}
