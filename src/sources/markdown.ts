// Markdown (or text) with YAML front matter: title, date, source, url, lang, author.
import { cleanText } from '../clean/clean.js';
import { SourceError, errorMessage } from '../errors.js';
import type { ArticleDraft } from './article.js';
import { parseFrontMatter } from './front-matter.js';
import type { SourceReader } from './reader.js';

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || v instanceof Date
      ? String(v instanceof Date ? v.toISOString().slice(0, 10) : v)
      : undefined;

export const markdownReader: SourceReader = {
  id: 'markdown',
  extensions: ['.md', '.markdown'],
  detect: (_origin, content) => FRONT.test(content.replace(/^\uFEFF/, '')),
  read(origin, content) {
    const m = FRONT.exec(content);
    if (!m && /^---[ \t]*\r?\n/.test(content))
      throw new SourceError(origin, 'invalid front matter: it opens with "---" but is never closed by a "---" line');
    let meta: Record<string, unknown> = {};
    let body = content;
    if (m) {
      try {
        const parsed: unknown = parseFrontMatter(m[1]!);
        if (parsed !== null && typeof parsed !== 'object') throw new Error('it is not a list of fields');
        meta = (parsed ?? {}) as Record<string, unknown>;
      } catch (err) {
        throw new SourceError(origin, `invalid front matter: ${errorMessage(err).split('\n')[0]}`);
      }
      body = content.slice(m[0].length);
    }
    const source = str(meta.source ?? meta.outlet ?? meta.publisher);
    const cleaned = cleanText(body, source ? { source } : {});
    if (!cleaned.text.trim()) throw new SourceError(origin, 'the article has no text after its front matter');
    const draft: ArticleDraft = { text: cleaned.text, origin };
    const title = str(meta.title) ?? cleaned.headline;
    if (title) draft.title = title;
    const date = str(meta.date ?? meta.published ?? meta.date_publish);
    if (date) draft.date = date;
    if (source) draft.source = source;
    const url = str(meta.url ?? meta.link);
    if (url) draft.url = url;
    const lang = str(meta.lang ?? meta.language);
    if (lang) draft.lang = lang;
    const author = str(meta.author ?? meta.byline) ?? cleaned.author;
    if (author) draft.author = author;
    return [draft];
  },
};
