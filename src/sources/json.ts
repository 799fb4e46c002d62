// JSON and JSON lines: {title, date, url, source, text} and the field names of common news scrapers
// (news-please: maintext, date_publish, source_domain; newspaper: text, publish_date, authors).
import { cleanText } from '../clean/clean.js';
import { SourceError, errorMessage } from '../errors.js';
import type { ArticleDraft } from './article.js';
import type { SourceReader } from './reader.js';

const FIELDS = {
  text: ['text', 'maintext', 'content', 'body', 'article', 'description'],
  title: ['title', 'headline'],
  date: ['date', 'date_publish', 'published', 'publish_date', 'pubDate', 'datePublished'],
  source: ['source', 'source_domain', 'outlet', 'publisher', 'site_name'],
  url: ['url', 'link', 'source_url'],
  lang: ['lang', 'language'],
  author: ['author', 'authors', 'byline'],
} as const;

/** What a field accepts besides a string: several authors as a list, a date as a number (a year, a timestamp). */
const ALSO: Partial<Record<keyof typeof FIELDS, 'list' | 'number'>> = { author: 'list', date: 'number' };

const describeValue = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  const type = typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'true/false' : typeof v;
  return `${type} (${JSON.stringify(v)?.slice(0, 40)})`;
};

/**
 * The first of the field's names the record fills. A field of the wrong type (a number as the text, an
 * object as the title) is an error naming it, not a value turned into a string.
 */
function pick(origin: string, rec: Record<string, unknown>, field: keyof typeof FIELDS): string | undefined {
  const also = ALSO[field];
  for (const n of FIELDS[field]) {
    const v = rec[n];
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim()) return v;
      continue;
    }
    if (also === 'number' && typeof v === 'number' && Number.isFinite(v)) return String(v);
    if (also === 'list' && Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      if (v.length) return v.join(', ');
      continue;
    }
    const expected =
      also === 'list' ? 'a string or a list of strings' : also === 'number' ? 'a string or a number' : 'a string';
    throw new SourceError(origin, `field "${n}" must be ${expected}, got ${describeValue(v)}`);
  }
  return undefined;
}

export function recordToDraft(origin: string, rec: unknown): ArticleDraft {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec))
    throw new SourceError(origin, 'expected an object with a "text" field');
  const r = rec as Record<string, unknown>;
  const text = pick(origin, r, 'text');
  if (!text) throw new SourceError(origin, `no article text (expected one of the fields ${FIELDS.text.join(', ')})`);
  const source = pick(origin, r, 'source');
  const cleaned = cleanText(text, source ? { source } : {});
  const draft: ArticleDraft = { text: cleaned.text, origin };
  for (const k of ['title', 'date', 'url', 'lang', 'author'] as const) {
    const v = pick(origin, r, k);
    if (v) draft[k] = v;
  }
  if (source) draft.source = source;
  draft.title ??= cleaned.headline;
  if (!draft.title) delete draft.title;
  return draft;
}

export const jsonReader: SourceReader = {
  id: 'json',
  extensions: ['.json'],
  detect: (_o, content) => /^\s*[[{]/.test(content),
  read(origin, content) {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch (err) {
      throw new SourceError(origin, `invalid JSON (${errorMessage(err)})`);
    }
    const records = Array.isArray(data) ? data : [data];
    if (!records.length) throw new SourceError(origin, 'the JSON array is empty');
    return records.map((rec, i) => recordToDraft(records.length > 1 ? `${origin}[${i}]` : origin, rec));
  },
};

export const jsonlReader: SourceReader = {
  id: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  detect: (_o, content) => /^\s*\{[^\n]*\}\s*\n\s*\{/.test(content),
  read(origin, content) {
    const out: Array<ArticleDraft | SourceError> = [];
    content.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${origin}:${i + 1}`;
      try {
        out.push(recordToDraft(where, JSON.parse(line)));
      } catch (err) {
        out.push(err instanceof SourceError ? err : new SourceError(where, `invalid JSON line (${errorMessage(err)})`));
      }
    });
    if (!out.length) throw new SourceError(origin, 'no JSON records in the file');
    if (out.every((x) => x instanceof SourceError) && out.length === 1) throw out[0];
    return out;
  },
};
