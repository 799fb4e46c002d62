// Feeds: RSS 2.0 (and RSS 1.0/RDF) and Atom. Each item becomes an article: content:encoded (or
// description / Atom content, summary), link, pubDate, author, and the outlet (the item's <source>, else
// the feed's title). `--follow` (in ingest) replaces an item's text with its page's full text.
import type { XMLParser } from 'fast-xml-parser';
import { loadFastXmlParser } from './lazy.js';
import { cleanText } from '../clean/clean.js';
import { SourceError } from '../errors.js';
import type { ArticleDraft } from './article.js';
import { htmlToText, parseDocument } from './dom.js';
import type { ReadContext, SourceReader } from './reader.js';

export interface FeedItem {
  /** 1-based position in the feed, for messages. */
  index: number;
  title?: string;
  link?: string;
  /** Item body as HTML (or plain text). */
  html?: string;
  date?: string;
  author?: string;
  /** The outlet the item names as its source (aggregators). */
  source?: string;
  lang?: string;
}

export interface Feed {
  format: 'rss' | 'atom' | 'rdf';
  title?: string;
  link?: string;
  lang?: string;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'author', 'category', 'dc:creator', 'contributor']);

let parser: XMLParser | undefined;
const feedParser = (): XMLParser =>
  (parser ??= new (loadFastXmlParser().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ARRAYS.has(name),
  }));

/** The text of an XML value: a string, {#text}, or (Atom xhtml content) the strings nested inside. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') {
    const o = v as Node;
    if ('#text' in o) return text(o['#text']);
    const parts: string[] = [];
    const walk = (x: unknown): void => {
      if (typeof x === 'string') parts.push(x);
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') for (const [k, y] of Object.entries(x)) if (!k.startsWith('@_')) walk(y);
    };
    walk(o);
    return parts.join(' ').trim() || undefined;
  }
  return undefined;
}

/** HTML (or plain text) → text with paragraphs, entities decoded. */
export const fragmentText = (html: string): string => {
  const doc = parseDocument(html);
  return doc.body ? htmlToText(doc.body) : html;
};

const oneLine = (s: string | undefined): string | undefined =>
  s ? fragmentText(s).replace(/\s+/g, ' ').trim() || undefined : undefined;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An RFC 822 date ("Tue, 05 Mar 2024 10:00:00 +0000") as written, to YYYY-MM-DD; other forms pass through. */
export function feedDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) : -1;
  if (m && month >= 0) return `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return s.trim();
}

const resolveLink = (href: string | undefined, base: string | undefined): string | undefined => {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return href.trim();
  }
};

function atomLink(links: unknown): string | undefined {
  const list = (Array.isArray(links) ? links : [links]).filter((l): l is Node => !!l && typeof l === 'object');
  const alt = list.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? list[0];
  return alt ? text(alt['@_href']) : text(links);
}

/** RSS <author> is an e-mail address with the name in brackets: "redaction@site.example (Awa Sidibé)". */
const personName = (s: string | undefined): string | undefined => {
  if (!s) return undefined;
  const m = /^\S+@\S+\s*\((.+)\)\s*$/.exec(s);
  if (m) return m[1]!.trim();
  return /^\S+@\S+$/.test(s) ? undefined : s;
};

const authorOf = (v: unknown): string | undefined => {
  const list = (Array.isArray(v) ? v : [v]).map((a) =>
    personName(a && typeof a === 'object' && 'name' in (a as Node) ? text((a as Node).name) : text(a)),
  );
  const names = list.filter((s): s is string => !!s);
  return names.length ? names.join(', ') : undefined;
};

const longest = (...values: Array<string | undefined>): string | undefined =>
  values.filter((v): v is string => !!v).sort((a, b) => b.length - a.length)[0];

function rssItem(item: Node, index: number, base: string | undefined): FeedItem {
  const out: FeedItem = { index };
  const title = oneLine(text(item.title));
  if (title) out.title = title;
  const guid = item.guid as Node | string | undefined;
  const guidLink =
    typeof guid === 'object' && guid?.['@_isPermaLink'] !== 'false'
      ? text(guid)
      : typeof guid === 'string'
        ? guid
        : undefined;
  const link = resolveLink(text(item.link) ?? (guidLink && /^https?:/.test(guidLink) ? guidLink : undefined), base);
  if (link) out.link = link;
  const html = longest(text(item['content:encoded']), text(item.description));
  if (html) out.html = html;
  const date = feedDate(text(item.pubDate) ?? text(item['dc:date']));
  if (date) out.date = date;
  const author = authorOf(item['dc:creator']) ?? authorOf(item.author);
  if (author) out.author = author;
  const source = text(item.source);
  if (source) out.source = source;
  const lang = text(item['dc:language']);
  if (lang) out.lang = lang;
  return out;
}

function atomEntry(entry: Node, index: number, base: string | undefined): FeedItem {
  const out: FeedItem = { index };
  const title = oneLine(text(entry.title));
  if (title) out.title = title;
  const link = resolveLink(atomLink(entry.link), base);
  if (link) out.link = link;
  const html = longest(text(entry.content), text(entry.summary));
  if (html) out.html = html;
  const date = text(entry.published) ?? text(entry.updated);
  if (date) out.date = date;
  const author = authorOf(entry.author);
  if (author) out.author = author;
  const src = entry.source as Node | undefined;
  const source = src ? text(src.title) : undefined;
  if (source) out.source = source;
  const lang = text(entry['@_xml:lang']);
  if (lang) out.lang = lang;
  return out;
}

const FEED_ROOT =
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*)*<(rss|feed|rdf:RDF)[\s>]/;

/** True when the content is an RSS or Atom document. */
export const isFeed = (content: string): boolean => FEED_ROOT.test(content.replace(/^\uFEFF/, ''));

/** Parse an RSS or Atom document; throws a SourceError naming the file and what is wrong with it. */
export function parseFeed(origin: string, content: string, context: ReadContext = {}): Feed {
  const xml = content.replace(/^\uFEFF/, '');
  const valid = loadFastXmlParser().XMLValidator.validate(xml);
  if (valid !== true)
    throw new SourceError(
      origin,
      `not an RSS or Atom feed: the XML is invalid at line ${valid.err.line}, column ${valid.err.col} ` +
        `(${valid.err.msg})`,
    );
  let doc: Node;
  try {
    doc = feedParser().parse(xml) as Node;
  } catch (err) {
    throw new SourceError(origin, `not an RSS or Atom feed: ${err instanceof Error ? err.message : String(err)}`);
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (root === 'rss') {
    const channel = ((doc.rss as Node)?.channel ?? {}) as Node;
    const link = text(channel.link);
    const base = context.url ?? link;
    const items = (Array.isArray(channel.item) ? channel.item : []) as Node[];
    return withOptional(
      { format: 'rss', items: items.map((it, i) => rssItem(it, i + 1, base)) },
      oneLine(text(channel.title)),
      link,
      text(channel.language),
    );
  }
  if (root === 'feed') {
    const feed = doc.feed as Node;
    const link = atomLink(feed.link);
    const base = context.url ?? link;
    const entries = (Array.isArray(feed.entry) ? feed.entry : []) as Node[];
    return withOptional(
      { format: 'atom', items: entries.map((e, i) => atomEntry(e, i + 1, base)) },
      oneLine(text(feed.title)),
      link,
      text(feed['@_xml:lang']),
    );
  }
  if (root === 'rdf:RDF') {
    const rdf = doc['rdf:RDF'] as Node;
    const channel = (rdf.channel ?? {}) as Node;
    const link = text(channel.link);
    const base = context.url ?? link;
    const items = (Array.isArray(rdf.item) ? rdf.item : []) as Node[];
    return withOptional(
      { format: 'rdf', items: items.map((it, i) => rssItem(it, i + 1, base)) },
      oneLine(text(channel.title)),
      link,
      text(channel['dc:language']),
    );
  }
  throw new SourceError(
    origin,
    `XML but not an RSS or Atom feed (its root element is <${root ?? '?'}>, expected <rss>, <feed> or <rdf:RDF>)`,
  );
}

function withOptional(feed: Feed, title?: string, link?: string, lang?: string): Feed {
  if (title) feed.title = title;
  if (link) feed.link = link;
  if (lang) feed.lang = lang;
  return feed;
}

/**
 * The outlet in a feed's title: "Sahelweb – Technologies" → "Sahelweb",
 * "Le Courrier du Sahel | Flux RSS" → "Le Courrier du Sahel".
 */
export const outletOfFeedTitle = (title: string | undefined): string | undefined =>
  title
    ?.split(/\s+[–—|-]\s+|\s+:\s+/)[0]!
    .replace(/\s*\b(flux rss|rss feed|rss|atom)\b\s*$/i, '')
    .trim() || title;

/** Where a feed item is named in messages: `feed.xml item 3 ("Title")`. */
export const itemOrigin = (origin: string, item: FeedItem): string => {
  if (!item.title) return `${origin} item ${item.index}`;
  const title = item.title.length > 60 ? item.title.slice(0, 57) + '…' : item.title;
  return `${origin} item ${item.index} ("${title}")`;
};

/** The metadata a feed gives an item (title, date, author, outlet, url, language), to complete a draft. */
export function feedItemMeta(feed: Feed, item: FeedItem): Omit<ArticleDraft, 'text'> {
  const meta: Omit<ArticleDraft, 'text'> = {};
  if (item.title) meta.title = item.title;
  if (item.date) meta.date = item.date;
  if (item.author) meta.author = item.author;
  const source = item.source ?? outletOfFeedTitle(feed.title);
  if (source) meta.source = source;
  if (item.link) meta.url = item.link;
  const lang = item.lang ?? feed.lang;
  if (lang) meta.lang = lang;
  return meta;
}

/** An item as an article draft from the feed's own content, or a SourceError when it has no text. */
export function feedItemDraft(origin: string, feed: Feed, item: FeedItem): ArticleDraft | SourceError {
  const where = itemOrigin(origin, item);
  const meta = feedItemMeta(feed, item);
  const body = item.html ? fragmentText(item.html) : '';
  const cleaned = cleanText(body, meta.source ? { source: meta.source } : {});
  if (!cleaned.text.trim())
    return new SourceError(where, `the item has no text${item.link ? ' (use --follow to fetch its page)' : ''}`);
  return { ...meta, text: cleaned.text, origin: `${origin}#${item.index}` };
}

export const feedReader: SourceReader = {
  id: 'feed',
  extensions: ['.rss', '.atom', '.xml', '.rdf'],
  detect: (_origin, content) => isFeed(content),
  read(origin, content, context) {
    const feed = parseFeed(origin, content, context);
    if (!feed.items.length) throw new SourceError(origin, 'the feed has no items');
    return feed.items.map((item) => feedItemDraft(origin, feed, item));
  },
};
