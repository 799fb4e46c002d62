// Sentence splitting with exact offsets into the article text (evidence must be quotable verbatim).
import type { Sentence } from '../types.js';
import { lowerBound } from '../text/search.js';
import { END_PUNCT, captionRule, isHardWrapped } from '../clean/wrap.js';

/** Abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS =
  'M|MM|Mme|Mmes|Mlle|Dr|Me|Pr|Prof|Mr|Mrs|Ms|St|Ste|Gal|Col|Cdt|Cpt|Lt|No|n°|art|av|bd|cf|etc|env|ex|p|vol|' +
  'Jr|Sr|Inc|Ltd|Co|S\\.E|S\\.A|Nov|Déc|Janv|Févr|Sept|Oct|nov|déc|janv|févr|sept|oct';
const ABBREV = new RegExp(String.raw`(?:\b(?:${ABBREVIATIONS})|\b[A-ZÀ-Þ])\.$`, 'u');
/** Words that open a sentence: a photo credit ("Photo : DR") ends before them. */
const OPENERS =
  "Le|La|Les|L['’]|Un|Une|Ce|Cette|Ces|Il|Elle|Ils|Elles|C['’]|En|Au|Aux|À|Selon|Depuis|Lors|Dans|Pour|Après|" +
  'Avec|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|The|On|In|At';
/** A photo credit inside a line, the sentence after it glued on: "Photo : DR La ministre …". */
const CREDIT = new RegExp(
  String.raw`(?<![\p{L}])\(?(?:[Cc]rédits?\s+photos?|[Pp]hotos?)\s*:\s*(?:©\s*)?` +
    String.raw`(?:[\p{Lu}][\p{L}.’'&-]*(?:\s+[\p{Lu}][\p{L}.’'&-]*){0,3}?)\)?(?=\s+(?:${OPENERS})(?![\p{L}]))`,
  'gu',
);

/**
 * Split text into sentences. Paragraphs are separated by blank lines; single line breaks end a sentence unless the
 * text is hard-wrapped.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const paraRe = /[^\n]+(?:\n(?![ \t\u00a0]*\n)[^\n]*)*/g;
  let paragraph = 0;
  for (const pm of text.matchAll(paraRe)) {
    const para = pm[0];
    const base = pm.index!;
    if (!para.trim()) continue;
    const lines = para.split('\n');
    const wrapped = isHardWrapped(lines);
    // blocks: ranges of the paragraph inside which sentences run on
    const blocks: Array<[number, number]> = [];
    let pos = 0;
    let blockStart = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const end = pos + line.length;
      const last = i === lines.length - 1;
      if (last || !wrapped || END_PUNCT.test(line) || captionRule(line)) {
        blocks.push([blockStart, end]);
        blockStart = end + 1;
      }
      pos = end + 1;
    }
    for (const [bs, be] of blocks) splitBlock(text, base + bs, base + be, paragraph, out);
    paragraph++;
  }
  return out;
}

/** Whether a closing guillemet at `at` closes a quote opened in the block (a "» Plan … «" pair does not). */
function closesQuote(block: string, from: number, at: number): boolean {
  const before = block.slice(from, at);
  const open = block[at] === '»' ? '«' : '“';
  const close = block[at] === '»' ? '»' : '”';
  return before.split(open).length > before.split(close).length;
}

/** The places a block is cut: after sentence punctuation (not an abbreviation), a closed quote, a photo credit. */
function cutsOf(block: string): number[] {
  const re = /[.!?…]+["»”’)]*(?=\s+[«"“(\p{Lu}\d])|[»”]\s*(?=[\p{Lu}])/gu;
  const cuts: number[] = [];
  let from = 0;
  for (const m of block.matchAll(re)) {
    const cut = m.index! + m[0].length;
    if (ABBREV.test(block.slice(from, m.index! + 1).trimEnd())) continue;
    if (/^[»”]/u.test(m[0]) && !closesQuote(block, from, m.index!)) continue;
    cuts.push(cut);
    from = cut;
  }
  for (const m of block.matchAll(CREDIT)) cuts.push(m.index! + m[0].length);
  return [...new Set(cuts)].sort((a, b) => a - b);
}

function splitBlock(text: string, start: number, end: number, paragraph: number, out: Sentence[]): void {
  let from = 0;
  for (const cut of cutsOf(text.slice(start, end))) {
    push(text, start + from, start + cut, paragraph, out);
    from = cut;
  }
  push(text, start + from, end, paragraph, out);
}

function push(text: string, s: number, e: number, paragraph: number, out: Sentence[]): void {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e - s < 2) return;
  out.push({ text: text.slice(s, e), start: s, end: e, paragraph });
}

/**
 * Whether a list of sentences has its starts and its ends in non-decreasing order (as splitSentences gives them), by
 * list and length.
 */
const monotone = new WeakMap<Sentence[], { length: number; ok: boolean }>();

function inOrder(sentences: Sentence[]): boolean {
  const known = monotone.get(sentences);
  if (known && known.length === sentences.length) return known.ok;
  let ok = true;
  for (let i = 1; i < sentences.length && ok; i++)
    ok = sentences[i - 1]!.start <= sentences[i]!.start && sentences[i - 1]!.end <= sentences[i]!.end;
  monotone.set(sentences, { length: sentences.length, ok });
  return ok;
}

/**
 * The first sentence that holds [from, to] (start ≤ from, end ≥ to), as `sentences.find` gives it: by
 * binary search when the starts and the ends are in order (the sentences that hold it are then a run,
 * the first one is the first whose end reaches `to`), else by reading them all.
 */
export function sentenceHolding(sentences: Sentence[], from: number, to: number): Sentence | undefined {
  if (!inOrder(sentences)) return sentences.find((s) => s.start <= from && s.end >= to);
  const s = sentences[lowerBound(sentences.length, (i) => sentences[i]!.end < to)];
  return s && s.start <= from ? s : undefined;
}
