// The registry of readers, and reading paths (files, directories walked recursively) into articles.
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SourceError, errorMessage } from '../errors.js';
import type { Article } from '../types.js';
import { finaliseArticle } from './article.js';
import { decode } from './decode.js';
import { jsonReader, jsonlReader } from './json.js';
import { markdownReader } from './markdown.js';
import type { SourceReader } from './reader.js';
import { textReader } from './text.js';

/** Readers in the order their `detect` is tried when the extension is unknown. */
export const READERS: SourceReader[] = [markdownReader, jsonlReader, jsonReader, textReader];

/** Files above this size are refused (a press article is a few kilobytes). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const readerFor = (origin: string, content: string): SourceReader => {
  const ext = extname(origin).toLowerCase();
  const byExt = READERS.find((r) => r.extensions.includes(ext));
  if (byExt === textReader && markdownReader.detect(origin, content)) return markdownReader;
  return byExt ?? READERS.find((r) => r.detect(origin, content)) ?? textReader;
};

/** Parse decoded content into articles and per-record failures. */
export function parseContent(origin: string, content: string): Array<Article | SourceError> {
  try {
    return readerFor(origin, content)
      .read(origin, content)
      .map((d) => (d instanceof SourceError ? d : finaliseArticle(d)));
  } catch (err) {
    return [err instanceof SourceError ? err : new SourceError(origin, errorMessage(err))];
  }
}

/** Read one file into articles (or the errors that name what is wrong with it). */
export async function readFileSource(path: string): Promise<Array<Article | SourceError>> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) return [new SourceError(path, `the file is ${(info.size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB cap`)];
    const bytes = await readFile(path);
    return parseContent(path, decode(path, bytes));
  } catch (err) {
    if (err instanceof SourceError) return [err];
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [new SourceError(path, 'no such file or directory')];
    if (code === 'EACCES') return [new SourceError(path, 'permission denied')];
    return [new SourceError(path, errorMessage(err))];
  }
}

/** Hidden files, dependencies, the store itself and a folder's README are not articles. */
const SKIP = /^(\.|node_modules$|store$|readme(\.\w+)?$)/i;

/** Every readable file under the given paths, directories walked recursively, in a stable order. */
export async function expandPaths(paths: string[]): Promise<Array<string | SourceError>> {
  const out: Array<string | SourceError> = [];
  const walk = async (p: string): Promise<void> => {
    let info;
    try {
      info = await stat(p);
    } catch {
      out.push(new SourceError(p, 'no such file or directory'));
      return;
    }
    if (!info.isDirectory()) {
      out.push(p);
      return;
    }
    const entries = (await readdir(p)).filter((e) => !SKIP.test(e)).sort();
    for (const e of entries) {
      const child = join(p, e);
      const s = await stat(child).catch(() => undefined);
      if (s?.isDirectory()) await walk(child);
      else if (s && (READERS.some((r) => r.extensions.includes(extname(e).toLowerCase())))) out.push(child);
    }
  };
  for (const p of paths) await walk(p);
  return out;
}
