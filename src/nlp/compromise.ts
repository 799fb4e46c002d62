// The one place that sets up compromise (English) and fr-compromise (French). Both mutate a global
// model when words are added, so this is done once, here. fr-compromise ships TypeScript sources
// instead of declarations (they break a strict build), so it is loaded through `require` (its CommonJS
// build) and typed by the small interface below.
import { createRequire } from 'node:module';
import { lexicon } from './lexicon.js';

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface View {
  json(opts: { offset: boolean }): Array<{ terms: Term[] }>;
  /** Runs the named stages ("offset", "lexicon"…) on the document; returns it. */
  compute(method: string | string[]): View;
  /** The document's terms, sentence by sentence (compromise's internal pointers, read-only here). */
  docs: Array<Array<{ tags: Set<string>; offset: { start: number } }>>;
}
type Nlp = ((text: string) => View) & {
  addWords(words: Record<string, string>): void;
  /** Tokenise only (sentences, terms, normal forms, contractions): no tagging. */
  tokenize(text: string): View;
};

const require = createRequire(import.meta.url);
// Each model loads the first time a sentence needs it (fr-compromise takes ~0.35 s to load): an article
// whose names are all decided by their context never loads it, and a French archive never loads
// compromise's English model
let nlpFrench: Nlp | undefined;
let nlpEnglish: Nlp | undefined;
const french = (): Nlp => (nlpFrench ??= require('fr-compromise') as Nlp);

const lexiconWords = (): Record<string, string> => {
  const lex = lexicon();
  const words: Record<string, string> = {};
  for (const o of lex.orgs)
    for (const n of [o.name, ...o.aliases]) if (!/['’]/.test(n)) words[n.toLowerCase()] = 'Organization';
  for (const p of lex.placeNames) if (!/['’]/.test(p)) words[p.toLowerCase()] = 'Place';
  return words;
};

function english(): Nlp {
  if (!nlpEnglish) {
    nlpEnglish = require('compromise') as Nlp;
    nlpEnglish.addWords(lexiconWords());
  }
  return nlpEnglish;
}

/**
 * Same-length pre-pass for French: an elision ("d’Orange", "l’AGETIC") hides the capital of the next
 * word from fr-compromise, so "d’" becomes "d " (offsets are unchanged).
 */
export const unElide = (text: string): string =>
  text.replace(
    /(?<![\p{L}])([dlDLjJsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=\p{L})/gu,
    (m, p: string) => p + ' '.repeat(m.length - p.length),
  );

/**
 * The NLP pass: the offsets of words the model tags as a person's first name (or, in English, a person).
 *
 * French runs fr-compromise's tokenizer and its lexicon stage, not its pre- and post-tagger: first names
 * come from the lexicon, and the rules that follow it only guess parts of speech (which nothing here
 * reads), at two thirds of the pass's time; one of them even re-tags the first name after "Me" (the
 * lawyer's title: "Me Abdoulaye …") as a verb. English keeps compromise's whole pass: its people are
 * partly found by the tagger.
 */
export function firstNameTokens(text: string, lang: 'fr' | 'en' = 'fr'): Set<number> {
  const doc = lang === 'en' ? english()(text) : french().tokenize(unElide(text)).compute(['lexicon']);
  const out = new Set<number>();
  // the terms' own tags and offsets: what json({offset: true}) reports, without building the JSON of every term
  doc.compute('offset');
  for (const terms of doc.docs)
    for (const t of terms)
      if (t.tags.has('FirstName') || (lang === 'en' && t.tags.has('Person'))) out.add(t.offset.start);
  return out;
}

/**
 * The same, over only the given sentences of the text, in one pass (offsets are the text's): the
 * mention rules ask the model only about names their context leaves undecided, which sit in about
 * one sentence in twenty. No sentence: no pass.
 */
export function firstNameTokensIn(
  text: string,
  sentences: Array<{ start: number; end: number }>,
  lang: 'fr' | 'en' = 'fr',
): Set<number> {
  const pieces = [...new Map(sentences.map((s) => [s.start, s])).values()].sort((a, b) => a.start - b.start);
  if (!pieces.length) return new Set();
  // the sentences joined by blank lines; each piece remembers where it sits in the joined text
  const SEP = '\n\n';
  let joined = '';
  const at: number[] = [];
  for (const p of pieces) {
    at.push(joined.length);
    joined += text.slice(p.start, p.end) + SEP;
  }
  const out = new Set<number>();
  for (const o of firstNameTokens(joined, lang)) {
    let k = at.length - 1;
    while (k > 0 && at[k]! > o) k--;
    out.add(pieces[k]!.start + (o - at[k]!));
  }
  return out;
}
