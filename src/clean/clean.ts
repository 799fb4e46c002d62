// Clean an article body: drop page furniture, keep paragraphs verbatim, pull out the byline.
import { furnitureRule, isBlank } from './furniture.js';
import { unwrapParagraph } from './wrap.js';

export interface CleanResult {
  /** Paragraphs joined by blank lines; every kept line is verbatim. */
  text: string;
  /** Byline found in the page (author), if any. */
  author?: string;
  /** The outlet's name when the page signs with it. */
  outlet?: string;
  /** First line when it reads as a headline. */
  headline?: string;
  /** Ids of the furniture rules that dropped lines, for explanation. */
  dropped: string[];
}

const NAME_LINE = /^(?:[A-ZÀ-ÖØ-Þ][\p{L}’'-]*\.?\s+){0,3}[A-ZÀ-ÖØ-Þ][\p{L}’'-]+$/u;
const BULLET = /^\s*[-•]\s+(.*)$/;

/** A short line that reads as a person's name: a byline. */
export const isNameLine = (line: string): boolean => {
  const s = line.trim();
  return s.length <= 40 && s.split(/\s+/).length >= 2 && NAME_LINE.test(s);
};

export function cleanText(raw: string, opts: { source?: string } = {}): CleanResult {
  const dropped: string[] = [];
  const paragraphs: string[][] = [[]];
  let author: string | undefined;
  let outlet: string | undefined;
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      if (paragraphs[paragraphs.length - 1]!.length) paragraphs.push([]);
      continue;
    }
    const rule = furnitureRule(line);
    if (rule) {
      dropped.push(rule);
      continue;
    }
    // a byline block: "- Author", "- il y a 2 jours", "- 2 min de lecture"
    const bullet = BULLET.exec(line);
    if (bullet) {
      const block = [line];
      for (let j = i + 1; j < lines.length && BULLET.test(lines[j]!); j++) block.push(lines[j]!);
      if (block.length >= 2 && block.some((l) => furnitureRule(l) || /^\s*-\s*\d{1,2} \p{L}+\.?(\s\d{4})?$/u.test(l))) {
        const first = BULLET.exec(block[0]!)![1]!.trim();
        if (!furnitureRule(block[0]!)) author ??= first;
        dropped.push('byline');
        i += block.length - 1;
        continue;
      }
    }
    paragraphs[paragraphs.length - 1]!.push(line.replace(/\s+$/, ''));
  }
  // a hard-wrapped paragraph's line breaks inside sentences become spaces (offsets unchanged)
  let paras = paragraphs.filter((p) => p.length).map(unwrapParagraph);
  // trailing signature: the outlet's name, then the author's
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  while (paras.length > 1) {
    const last = paras[paras.length - 1]!.trim();
    // "Author NAME" and "Outlet" on two lines of one paragraph
    const two = last.split('\n');
    if (two.length === 2 && !author && isNameLine(two[0]!) && /^[\p{L}.’' -]{2,40}$/u.test(two[1]!.trim())) {
      author = two[0]!.trim();
      outlet = two[1]!.trim();
      paras = paras.slice(0, -1);
      dropped.push('signature-author', 'signature-outlet');
      continue;
    }
    if (opts.source && norm(last) && norm(opts.source).startsWith(norm(last))) {
      paras = paras.slice(0, -1);
      dropped.push('signature-outlet');
    } else if (isNameLine(last) && !author) {
      author = last;
      paras = paras.slice(0, -1);
      dropped.push('signature-author');
    } else if (
      /^[\p{L}.]+$/u.test(last) &&
      last.length <= 30 &&
      paras.length > 2 &&
      isNameLine(paras[paras.length - 2]!)
    ) {
      // an outlet name alone on the last line, under the author's
      outlet = last;
      paras = paras.slice(0, -1);
      dropped.push('signature-outlet');
    } else break;
  }
  const first = paras[0]?.trim() ?? '';
  const headline = first && first.length < 200 && !/[.!?»]$/.test(first) && !first.includes('\n') ? first : undefined;
  const result: CleanResult = { text: paras.join('\n\n'), dropped };
  if (author) result.author = author;
  if (outlet) result.outlet = outlet;
  if (headline) result.headline = headline;
  return result;
}
