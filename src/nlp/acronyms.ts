// Acronyms an article defines: "Long name (ACR)" and "ACR (Long name)" (rules acronym-definition and
// acronym-expansion of mention-rules.ts).
import type { Sentence } from '../types.js';
import { normaliseName } from '../text/keys.js';
import { lexicon } from './lexicon.js';
import { re } from './rule.js';
import { mentionRule } from './mention-rules.js';
import { sentenceHolding } from './sentences.js';
import { CONNECTOR_WORDS, HEAD_SET, isPlace, squash } from './found.js';
import { headWordOrgs } from './orgs.js';

export interface AcronymDef {
  start: number;
  end: number;
  nameEnd: number;
  name: string;
  acronym: string;
  rule: string;
}

const wordsWithOffsets = (s: string, base: number) =>
  [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)].map((m) => ({
    w: m[0],
    start: base + m.index!,
    end: base + m.index! + m[0].length,
  }));

const contentInitials = (words: string[]) =>
  words
    .map((w) => w.replace(/^(?:l|d|qu)['’]/i, ''))
    .filter((w) => !CONNECTOR_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toLowerCase());

/** Share of a phrase's content-word initials found in order in the acronym's letters. */
function initialsScore(initials: string[], acronym: string): number {
  const letters = normaliseName(acronym).replace(/[^a-z]/g, '');
  let i = 0;
  let hit = 0;
  for (const c of initials) {
    const j = letters.indexOf(c, i);
    if (j >= 0) {
      hit++;
      i = j + 1;
    }
  }
  return initials.length ? hit / initials.length : 0;
}

/** Acronym definitions: "Long name (ACR)" and "ACR (Long name)". */
export function acronymDefinitions(text: string, sentences: Sentence[]): AcronymDef[] {
  const defs: AcronymDef[] = [];
  longThenAcronym(text, sentences, defs);
  acronymThenLong(text, defs);
  return defs;
}

/** Long name (ACR): the capitalised phrase before the parenthesis whose initials spell the acronym. */
function longThenAcronym(text: string, sentences: Sentence[], defs: AcronymDef[]): void {
  for (const m of text.matchAll(re(mentionRule('acronym-definition')))) {
    const acr = m[1]!;
    if (!/[A-Z].*[A-Z]|^[A-Z][a-z]{3,}$/.test(acr) && !/[A-Z]{2}/.test(acr)) continue;
    const open = m.index!;
    const sent = sentenceHolding(sentences, open, open);
    const winStart = Math.max(sent?.start ?? 0, open - 220);
    let window = text.slice(winStart, open);
    const cut = Math.max(
      window.lastIndexOf('('),
      window.lastIndexOf(')'),
      window.lastIndexOf('«'),
      window.lastIndexOf(':'),
      window.lastIndexOf(';'),
    );
    const base = cut >= 0 ? winStart + cut + 1 : winStart;
    window = text.slice(base, open);
    const words = wordsWithOffsets(window, base);
    const first = normaliseName(acr)[0];
    let best: { i: number; score: number } | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!.w.replace(/^(?:l|d)['’]/i, '');
      if (!/^\p{Lu}/u.test(w) || normaliseName(w)[0] !== first) continue;
      const phrase = words.slice(i).map((x) => x.w);
      const initials = contentInitials(phrase);
      if (initials.length > normaliseName(acr).replace(/[^a-z]/g, '').length + 4) continue;
      const score = initialsScore(initials, acr);
      if (score < 0.6) continue;
      const caps = phrase.filter((x) => /^\p{Lu}/u.test(x.replace(/^(?:l|d)['’]/i, ''))).length;
      const head = HEAD_SET.has(w) || caps >= 2;
      if (!head || phrase.length < 2) continue;
      // the best match of the initials; at equal scores the longest phrase
      if (!best || score > best.score) best = { i, score };
    }
    // an organisation phrase right before an all-capitals acronym names it, even across languages
    if (!best && /^[A-Z]{2,}$/.test(acr)) {
      const h = headWordOrgs(window)
        .filter((f) => window.slice(f.end).trim() === '')
        .pop();
      const i = h ? words.findIndex((x) => x.start === base + h.start) : -1;
      if (i >= 0) best = { i, score: 0 };
    }
    if (!best) continue;
    // English puts proper modifiers before the head: "the Nyèta Fund for Digital Inclusion (FNIN)"
    while (
      best.i > 0 &&
      /^\p{Lu}/u.test(words[best.i - 1]!.w) &&
      !lexicon().notNames.has(words[best.i - 1]!.w) &&
      /^\s+$/u.test(text.slice(words[best.i - 1]!.end, words[best.i]!.start)) &&
      /^(?:Fund|Bank|Agency|Authority|Union|Council|Foundation|Institute|Company|Group|Committee|Association)$/u.test(
        words[best.i]!.w,
      )
    )
      best = { ...best, i: best.i - 1 };
    const w0 = words[best.i]!;
    const elided = /^(?:l|d)['’]/i.exec(w0.w);
    const start = w0.start + (elided ? elided[0].length : 0);
    const nameEnd = text.slice(start, open).trimEnd().length + start;
    const name = squash(text.slice(start, nameEnd)).replace(/,$/, '');
    if (isPlace(name)) continue;
    defs.push({ start, end: open + m[0].length, nameEnd, name, acronym: acr, rule: 'acronym-definition' });
  }
}

/** ACR (Long name): the expansion in parentheses, when its initials spell the acronym. */
function acronymThenLong(text: string, defs: AcronymDef[]): void {
  for (const m of text.matchAll(re(mentionRule('acronym-expansion')))) {
    const acr = m[1]!;
    const long = squash(m[2]!);
    const initials = contentInitials(long.split(/\s+/));
    if (normaliseName(long)[0] !== normaliseName(acr)[0] || initialsScore(initials, acr) < 0.6) continue;
    if (defs.some((d) => d.start < m.index! + m[0].length && d.end > m.index!)) continue;
    defs.push({
      start: m.index!,
      end: m.index! + m[0].length,
      nameEnd: m.index! + m[0].length,
      name: long,
      acronym: acr,
      rule: 'acronym-expansion',
    });
  }
}
