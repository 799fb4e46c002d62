// The registry of readers, and reading sources into articles: files, directories walked recursively,
// URLs (pages and feeds) and stdin ("-"). Every failure comes back as a SourceError naming the source.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SourceError, errorMessage } from '../errors.js';
import type { Article } from '../types.js';
import { finaliseArticle, type ArticleDraft } from './article.js';
import { charsetOfContentType, decodeWithInfo } from './decode.js';
import { feedItemDraft, feedItemMeta, feedReader, itemOrigin, parseFeed } from './feed.js';
import { htmlReader, readHtmlPage } from './html.js';
import { jsonReader, jsonlReader } from './json.js';
import { markdownReader } from './markdown.js';
import type { ReadContext, SourceReader } from './reader.js';
import { readStdin } from './stdin.js';
import { textReader } from './text.js';
import { formatBytes, isUrl, privateTarget, type Fetched } from './url.js';

/** Readers in the order their `detect` is tried when the extension is unknown. */
export const READERS: SourceReader[] = [markdownReader, feedReader, htmlReader, jsonlReader, jsonReader, textReader];

/** Files above this size are refused (a press article is a few kilobytes). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Articles longer than this many characters are refused (a press article is a few thousand; extraction
 * time grows faster than length on text dense with names, and this keeps the worst case to seconds).
 */
export const MAX_ARTICLE_CHARS = 200_000;

/** The name stdin goes by in messages and in Article.origin. */
export const STDIN_ORIGIN = 'stdin';

export interface ReadOptions {
  /** Largest source read, in bytes. */
  maxBytes?: number;
  /** For each feed item with a link, read the linked page for the full text. */
  follow?: boolean;
  /**
   * Follow item links to loopback and private-network addresses too (refused by default: a feed could make us read
   * the local network).
   */
  allowPrivate?: boolean;
  /** How URLs are fetched (required for URLs and --follow). */
  fetch?: (url: string) => Promise<Fetched>;
  /** Where "-" reads from. */
  stdin?: NodeJS.ReadableStream;
  /** Called as each feed item's page is fetched with `follow` (for progress bars). */
  onFollow?: (event: { index: number; count: number; link: string }) => void;
}

const extensionOf = (origin: string): string => {
  if (isUrl(origin)) {
    try {
      return extname(new URL(origin).pathname).toLowerCase();
    } catch {
      return '';
    }
  }
  return extname(origin).toLowerCase();
};

/** The reader a media type names, if it names one. */
function readerForContentType(contentType: string | undefined, content: string): SourceReader | undefined {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!media) return undefined;
  if (/^(text\/html|application\/xhtml\+xml)$/.test(media))
    return feedReader.detect('', content) ? feedReader : htmlReader;
  if (/(rss|atom|rdf)\+xml$|^(application|text)\/xml$/.test(media))
    return feedReader.detect('', content) || media !== 'text/xml' ? feedReader : undefined;
  if (/json$/.test(media)) return jsonlReader.detect('', content) ? jsonlReader : jsonReader;
  if (media === 'application/x-ndjson') return jsonlReader;
  if (media === 'text/markdown') return markdownReader;
  return undefined;
}

export const readerFor = (origin: string, content: string, context: ReadContext = {}): SourceReader => {
  const byType = readerForContentType(context.contentType, content);
  if (byType) return byType;
  const ext = extensionOf(origin);
  const byExt = READERS.find((r) => r.extensions.includes(ext));
  if (byExt === textReader && markdownReader.detect(origin, content)) return markdownReader;
  return byExt ?? READERS.find((r) => r.detect(origin, content)) ?? textReader;
};

const finalise = (drafts: Array<ArticleDraft | SourceError>): Array<Article | SourceError> =>
  drafts.map((d) => (d instanceof SourceError ? d : finaliseArticle(d)));

/** Parse decoded content into articles and per-record failures. */
export function parseContent(origin: string, content: string, context: ReadContext = {}): Array<Article | SourceError> {
  try {
    return finalise(readerFor(origin, content, context).read(origin, content, context));
  } catch (err) {
    return [err instanceof SourceError ? err : new SourceError(origin, errorMessage(err))];
  }
}

/** Fill a draft's missing metadata from defaults (a feed item's title, date, outlet…). */
const withDefaults = (draft: ArticleDraft, defaults: Omit<ArticleDraft, 'text'>): ArticleDraft => {
  const out = { ...draft };
  for (const k of ['title', 'date', 'source', 'url', 'author', 'lang'] as const) {
    const v = defaults[k];
    if (v && !out[k]) out[k] = v;
  }
  return out;
};

/** Fetch a page and read it as one article, filling what the page does not say from `defaults`. */
async function readLinkedPage(
  where: string,
  link: string,
  defaults: Omit<ArticleDraft, 'text'>,
  opts: ReadOptions,
): Promise<Array<ArticleDraft | SourceError>> {
  if (!opts.fetch) return [new SourceError(where, 'cannot follow links: no fetcher given')];
  const inside = opts.allowPrivate ? undefined : await privateTarget(link);
  if (inside)
    return [
      new SourceError(
        where,
        `refused to follow its link ${link}: it points to ${inside} (pass --allow-private to allow it)`,
      ),
    ];
  try {
    const page = await opts.fetch(link);
    const { text } = decodeWithInfo(link, page.bytes, charsetOfContentType(page.contentType), 'response');
    const context = contextOf(page);
    const reader = readerFor(link, text, context);
    if (reader === htmlReader) return [readHtmlPage(link, text, context, defaults)];
    return reader.read(link, text, context).map((d) => (d instanceof SourceError ? d : withDefaults(d, defaults)));
  } catch (err) {
    const problem = err instanceof SourceError ? err.problem : errorMessage(err);
    return [new SourceError(where, `could not read its page ${link}: ${problem}`)];
  }
}

const contextOf = (page: Fetched): ReadContext => {
  const context: ReadContext = { url: page.url };
  if (page.contentType) context.contentType = page.contentType;
  return context;
};

/** Read decoded content; a feed with `follow` has each item's page fetched for the full text. */
async function readContent(
  origin: string,
  content: string,
  context: ReadContext,
  opts: ReadOptions,
): Promise<Array<Article | SourceError>> {
  const reader = readerFor(origin, content, context);
  if (reader !== feedReader || !opts.follow) return parseContent(origin, content, context);
  let feed;
  try {
    feed = parseFeed(origin, content, context);
  } catch (err) {
    return [err instanceof SourceError ? err : new SourceError(origin, errorMessage(err))];
  }
  if (!feed.items.length) return [new SourceError(origin, 'the feed has no items')];
  const out: Array<ArticleDraft | SourceError> = [];
  for (const [i, item] of feed.items.entries()) {
    if (!item.link) out.push(feedItemDraft(origin, feed, item));
    else out.push(...(await readLinkedPage(itemOrigin(origin, item), item.link, feedItemMeta(feed, item), opts)));
    opts.onFollow?.({ index: i + 1, count: feed.items.length, link: item.link ?? itemOrigin(origin, item) });
  }
  return finalise(out);
}

const fileProblem = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return errorMessage(err);
};

/** Read one file into articles (or the errors that name what is wrong with it). */
export async function readFileSource(path: string, opts: ReadOptions = {}): Promise<Array<Article | SourceError>> {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  try {
    const info = await stat(path);
    if (info.size > maxBytes)
      return [new SourceError(path, `the file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} cap`)];
    const bytes = await readFile(path);
    const { text } = decodeWithInfo(path, bytes);
    return await readContent(path, text, {}, opts);
  } catch (err) {
    return [err instanceof SourceError ? err : new SourceError(path, fileProblem(err))];
  }
}

/** Fetch a URL (a page or a feed) into articles. */
export async function readUrlSource(url: string, opts: ReadOptions = {}): Promise<Array<Article | SourceError>> {
  if (!opts.fetch) return [new SourceError(url, 'cannot fetch URLs: no fetcher given')];
  try {
    const page = await opts.fetch(url);
    const { text } = decodeWithInfo(url, page.bytes, charsetOfContentType(page.contentType), 'response');
    return await readContent(url, text, contextOf(page), opts);
  } catch (err) {
    return [err instanceof SourceError ? err : new SourceError(url, errorMessage(err))];
  }
}

/** Read stdin ("-") into articles: one article (or a feed, or JSON records), whatever its format. */
export async function readStdinSource(opts: ReadOptions = {}): Promise<Array<Article | SourceError>> {
  try {
    const bytes = await readStdin(STDIN_ORIGIN, opts.stdin ?? process.stdin, opts.maxBytes ?? MAX_FILE_BYTES);
    const { text } = decodeWithInfo(STDIN_ORIGIN, bytes, undefined, 'input');
    return await readContent(STDIN_ORIGIN, text, {}, opts);
  } catch (err) {
    return [err instanceof SourceError ? err : new SourceError(STDIN_ORIGIN, errorMessage(err))];
  }
}

/** Read any source: a file, a URL or "-" (stdin). */
export function readSource(source: string, opts: ReadOptions = {}): Promise<Array<Article | SourceError>> {
  if (source === '-') return readStdinSource(opts);
  if (isUrl(source)) return readUrlSource(source, opts);
  return readFileSource(source, opts);
}

/** Hidden files, dependencies, the store itself and a folder's README are not articles. */
const SKIP = /^(\.|node_modules$|store$|readme(\.\w+)?$)/i;

/**
 * Every readable source under the given inputs, in a stable order: directories are walked recursively
 * (files with a known extension), files, URLs and "-" pass through. Each real folder and file is visited
 * once, whatever symbolic links lead to it twice (a link to a parent folder would loop): the links
 * skipped are passed to `onSkipped` once, at the end.
 */
export async function expandPaths(
  paths: string[],
  opts: { onSkipped?: (paths: string[]) => void } = {},
): Promise<Array<string | SourceError>> {
  const out: Array<string | SourceError> = [];
  const seen = new Set<string>();
  const skipped: string[] = [];
  const known = (name: string) => READERS.some((r) => r.extensions.includes(extname(name).toLowerCase()));
  /** False when the real path behind `p` was visited already. */
  const firstVisit = async (p: string): Promise<boolean> => {
    const real = await realpath(p).catch(() => p);
    if (seen.has(real)) {
      skipped.push(p);
      return false;
    }
    seen.add(real);
    return true;
  };
  const walk = async (p: string): Promise<void> => {
    let info;
    try {
      info = await stat(p);
    } catch (err) {
      out.push(new SourceError(p, fileProblem(err)));
      return;
    }
    if (!(await firstVisit(p))) return;
    if (!info.isDirectory()) {
      out.push(p);
      return;
    }
    const entries = (await readdir(p)).filter((e) => !SKIP.test(e)).sort();
    for (const e of entries) {
      const child = join(p, e);
      const s = await stat(child).catch(() => undefined);
      if (s?.isDirectory()) await walk(child);
      else if (s && known(e) && (await firstVisit(child))) out.push(child);
    }
  };
  for (const p of paths) {
    if (p === '-' || isUrl(p)) out.push(p);
    else await walk(p);
  }
  if (skipped.length) opts.onSkipped?.(skipped);
  return out;
}
