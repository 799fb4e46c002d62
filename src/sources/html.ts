// HTML pages: the article body through @mozilla/readability (over linkedom's DOM), metadata from
// JSON-LD (NewsArticle and kin), Open Graph / article: meta tags, <time> and <link rel=canonical>.
// The body keeps its paragraphs (blank lines between them) and its characters, so evidence is verbatim.
import type { Readability } from '@mozilla/readability';
import { cleanText } from '../clean/clean.js';
import { SourceError } from '../errors.js';
import type { ArticleDraft } from './article.js';
import { htmlToText, parseDocument, type DomDocument, type DomElement } from './dom.js';
import { loadReadability } from './lazy.js';
import type { ReadContext, SourceReader } from './reader.js';

/** What a page says about itself. */
export interface PageMeta {
  title?: string;
  date?: string;
  source?: string;
  url?: string;
  author?: string;
  lang?: string;
  /** JSON-LD articleBody, when the page gives one (used when the page's markup yields no text). */
  body?: string;
}

const ARTICLE_TYPES = new RegExp(
  '^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|' +
    'BlogPosting|Report|ScholarlyArticle|TechArticle)$',
);

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json).name ?? (v as Json)['@value']);
  return undefined;
};

/** Names from a JSON-LD author value: "A", {name}, [{name}, …]. */
const names = (v: unknown): string | undefined => {
  const list = (Array.isArray(v) ? v : [v]).map(str).filter((s): s is string => !!s && !/^https?:/.test(s));
  return list.length ? list.join(', ') : undefined;
};

/** Every object in a JSON-LD value, @graph and nested arrays included. */
function* jsonLdNodes(v: unknown): Generator<Json> {
  if (Array.isArray(v)) for (const x of v) yield* jsonLdNodes(x);
  else if (v && typeof v === 'object') {
    yield v as Json;
    if ((v as Json)['@graph']) yield* jsonLdNodes((v as Json)['@graph']);
  }
}

const isArticleNode = (n: Json): boolean => {
  const t = n['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
};

/**
 * The first JSON-LD node of an article type. Malformed JSON-LD blocks are skipped: they are the page's metadata,
 * not its text.
 */
export function jsonLdArticle(doc: DomDocument): Json | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown;
    try {
      data = JSON.parse((scripts[i]!.textContent ?? '').trim());
    } catch {
      continue;
    }
    for (const n of jsonLdNodes(data)) if (isArticleNode(n)) return n;
  }
  return undefined;
}

const metaContent = (doc: DomDocument, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const el =
      doc.querySelector(`meta[property="${k}"]`) ??
      doc.querySelector(`meta[name="${k}"]`) ??
      doc.querySelector(`meta[itemprop="${k}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
};

const absoluteUrl = (href: string | undefined | null, base?: string): string | undefined => {
  if (!href?.trim()) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
};

/** The outlet's name from a URL: "https://www.maliweb.net/x" → "maliweb.net". */
export const outletOfUrl = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
};

function timeElementDate(doc: DomDocument): string | undefined {
  const el =
    doc.querySelector('time[pubdate]') ??
    doc.querySelector('[itemprop="datePublished"]') ??
    doc.querySelector('article time[datetime]') ??
    doc.querySelector('time[datetime]');
  return (
    el?.getAttribute('datetime')?.trim() || el?.getAttribute('content')?.trim() || el?.textContent?.trim() || undefined
  );
}

/** Metadata of a page, before Readability touches the document. `base` is the page's URL when known. */
export function pageMetadata(doc: DomDocument, base?: string): PageMeta {
  const ld = jsonLdArticle(doc) ?? {};
  const meta: PageMeta = {};
  const set = <K extends keyof PageMeta>(k: K, ...values: Array<string | undefined>) => {
    const v = values.find((x) => x && x.trim());
    if (v) meta[k] = v.trim().replace(/\s+/g, ' ');
  };
  set('title', str(ld.headline), metaContent(doc, 'og:title', 'twitter:title'));
  set(
    'date',
    str(ld.datePublished),
    metaContent(
      doc,
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'publishdate',
      'DC.date.issued',
      'dc.date',
      'sailthru.date',
    ),
    timeElementDate(doc),
    str(ld.dateCreated),
  );
  const canonical = absoluteUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), base);
  set('url', canonical, absoluteUrl(metaContent(doc, 'og:url'), base), absoluteUrl(str(ld.url), base), base);
  set('source', metaContent(doc, 'og:site_name', 'application-name'), str(ld.publisher));
  const metaAuthor = metaContent(doc, 'author', 'article:author', 'byl', 'dc.creator');
  set('author', metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : undefined, names(ld.author));
  set(
    'lang',
    doc.documentElement.getAttribute('lang') ?? undefined,
    metaContent(doc, 'og:locale', 'content-language', 'language'),
    str(ld.inLanguage),
  );
  const body = typeof ld.articleBody === 'string' ? ld.articleBody : undefined;
  if (body?.trim()) meta.body = body;
  return meta;
}

/** Page furniture around an article, removed when Readability finds no article and the body is read as is. */
const FURNITURE_SELECTOR = [
  'nav, header, footer, aside, form, menu',
  '[role="navigation"], [role="banner"], [role="contentinfo"], .comments, #comments',
].join(', ');

const normTitle = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Readability's article in a page, or null: Readability gives up on some markup (the plain body is read then). */
function readabilityArticle(doc: DomDocument): ReturnType<Readability<DomElement>['parse']> {
  try {
    const { Readability: ReadabilityClass } = loadReadability();
    const reader = new ReadabilityClass<DomElement>(doc as unknown as ConstructorParameters<typeof Readability>[0], {
      serializer: (node) => node as unknown as DomElement,
      charThreshold: 200,
    });
    return reader.parse();
  } catch {
    return null;
  }
}

/**
 * The body text of a page: Readability's article, else the page body without its furniture, else JSON-LD
 * articleBody.
 */
export function pageText(
  doc: DomDocument,
  meta: PageMeta,
): { text: string; title?: string; byline?: string; siteName?: string } {
  const result = readabilityArticle(doc);
  let text = result?.content ? htmlToText(result.content) : '';
  if (!text.trim() && doc.body) {
    const furniture = doc.body.querySelectorAll(FURNITURE_SELECTOR);
    for (let i = furniture.length - 1; i >= 0; i--) furniture[i]!.remove();
    text = htmlToText(doc.body);
  }
  // a page rendered by JavaScript has an empty shell for a body: its JSON-LD articleBody is the article
  if (meta.body && text.trim().length < meta.body.trim().length / 2) text = meta.body.replace(/\r\n?/g, '\n').trim();
  // the headline repeated as the body's first paragraph
  const paras = text.split('\n\n');
  const title = meta.title ?? result?.title ?? undefined;
  if (paras.length > 1 && title && normTitle(paras[0]!) === normTitle(title)) text = paras.slice(1).join('\n\n');
  const out: { text: string; title?: string; byline?: string; siteName?: string } = { text };
  if (result?.title) out.title = result.title;
  if (result?.byline) out.byline = result.byline;
  if (result?.siteName) out.siteName = result.siteName;
  return out;
}

/**
 * Read one HTML page into an article draft. What the page does not say is taken from `defaults` (a feed
 * item's date, outlet…); the outlet falls back to the host name of the page's URL.
 */
export function readHtmlPage(
  origin: string,
  html: string,
  context: ReadContext = {},
  defaults: Omit<ArticleDraft, 'text'> = {},
): ArticleDraft {
  const doc = parseDocument(html);
  const meta = pageMetadata(doc, context.url);
  const documentTitle = doc.title?.trim().replace(/\s+/g, ' ') || undefined;
  const body = pageText(doc, meta);
  const source =
    meta.source ?? body.siteName ?? defaults.source ?? outletOfUrl(meta.url ?? context.url ?? defaults.url);
  const cleaned = cleanText(body.text, source ? { source } : {});
  if (!cleaned.text.trim()) throw new SourceError(origin, 'the page has no article text');
  const draft: ArticleDraft = { text: cleaned.text, origin };
  const title = meta.title ?? body.title ?? defaults.title ?? documentTitle ?? cleaned.headline;
  if (title) draft.title = title;
  const date = meta.date ?? defaults.date;
  if (date) draft.date = date;
  if (source) draft.source = source;
  const url = meta.url ?? defaults.url;
  if (url) draft.url = url;
  const author = meta.author ?? body.byline?.replace(/^(par|by)\s+/i, '') ?? defaults.author ?? cleaned.author;
  if (author) draft.author = author;
  const lang = meta.lang ?? defaults.lang;
  if (lang) draft.lang = lang;
  return draft;
}

const HTML_START =
  /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>])/i;

export const htmlReader: SourceReader = {
  id: 'html',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  detect: (_origin, content) => HTML_START.test(content.replace(/^\uFEFF/, '')),
  read: (origin, content, context) => [readHtmlPage(origin, content, context)],
};
