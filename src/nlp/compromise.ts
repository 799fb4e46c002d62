// The one place that sets up compromise (English) and fr-compromise (French). Both mutate a global
// model when words are added, so this is done once, here. fr-compromise ships TypeScript sources
// instead of declarations (they break a strict build), so it is loaded through `require` (its CommonJS
// build) and typed by the small interface below.
import { createRequire } from 'node:module';
import nlpEn from 'compromise';
import { lexicon } from './lexicon.js';

interface Term {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface View {
  json(opts: { offset: boolean }): Array<{ terms: Term[] }>;
}
type Nlp = ((text: string) => View) & { addWords(words: Record<string, string>): void };

const nlpFr = createRequire(import.meta.url)('fr-compromise') as Nlp;
const nlpEnglish = nlpEn as unknown as Nlp;

let ready = false;
function setup(): void {
  if (ready) return;
  const lex = lexicon();
  const words: Record<string, string> = {};
  for (const o of lex.orgs) for (const n of [o.name, ...o.aliases]) if (!/['’]/.test(n)) words[n.toLowerCase()] = 'Organization';
  for (const p of lex.placeNames) if (!/['’]/.test(p)) words[p.toLowerCase()] = 'Place';
  nlpFr.addWords(words);
  nlpEnglish.addWords(words);
  ready = true;
}

/**
 * Same-length pre-pass for French: an elision ("d’Orange", "l’AGETIC") hides the capital of the next
 * word from fr-compromise, so "d’" becomes "d " (offsets are unchanged).
 */
export const unElide = (text: string): string => text.replace(/(?<![\p{L}])([dlDLjJsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’](?=\p{L})/gu, (m, p: string) => p + ' '.repeat(m.length - p.length));

/** One NLP pass over the article: the offsets of words the model tags as a person's first name or a person. */
export function firstNameTokens(text: string, lang: 'fr' | 'en' = 'fr'): Set<number> {
  setup();
  const doc = lang === 'en' ? nlpEnglish(text) : nlpFr(unElide(text));
  const out = new Set<number>();
  for (const s of doc.json({ offset: true }))
    for (const t of s.terms) if (t.tags.includes('FirstName') || (lang === 'en' && t.tags.includes('Person'))) out.add(t.offset.start);
  return out;
}
