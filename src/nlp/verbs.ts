// Verb classes of data/lexicons/verbs.json and the forms the rules read, generated from the lemmas:
// a researcher adds a lemma, never a conjugated form. Only the forms the rules need are generated
// (third-person future, past participle, participle agreeing in gender and number).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { once } from './patterns.js';

export type Generated = 'future-3s' | 'future-3p' | 'participle' | 'participle-agreeing';

export interface VerbClass {
  about: string;
  /** Lemmas whose forms are generated; a lemma may be a phrase whose first word is the verb ("mettre en place"). */
  lemmas?: string[];
  generate?: Generated[];
  /** A future stem or a participle the rules of conjugation would get wrong ("soutenir" → "soutiendr"). */
  irregular?: Record<string, string>;
  /** Forms written out as they occur (present tense, English, participles of several verbs). */
  forms?: string[];
}

const FILE = fileURLToPath(new URL('../../data/lexicons/verbs.json', import.meta.url));

export const verbClasses = once(
  (): Record<string, VerbClass> =>
    (JSON.parse(readFileSync(FILE, 'utf8')) as { classes: Record<string, VerbClass> }).classes,
);

/** "déployer" → "déploier", "investir" → "investir", "construire" → "construir": the stem of the future. */
export function futureStem(verb: string): string {
  if (/oyer$|uyer$/u.test(verb)) return verb.replace(/yer$/u, 'ier');
  if (/re$/u.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** "annoncer" → "annoncé", "garantir" → "garanti", "suspendre" → "suspendu". */
export function participle(verb: string): string {
  if (/er$/u.test(verb)) return verb.slice(0, -2) + 'é';
  if (/ir$/u.test(verb)) return verb.slice(0, -1);
  if (/dre$/u.test(verb)) return verb.slice(0, -3) + 'du';
  return verb;
}

/** One word as a pattern: spaces as any white space, either apostrophe. */
const phrasePattern = (s: string): string => s.replace(/['’]/gu, "['’]").replace(/\s+/gu, '\\s+');

/** The pattern forms of one lemma for one generated form. */
function formsOf(lemma: string, form: Generated, irregular: Record<string, string>): string[] {
  const [verb, ...rest] = lemma.split(/\s+/u);
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  const fixed = irregular[lemma];
  if (form === 'future-3s' || form === 'future-3p') {
    const stem = fixed ?? futureStem(verb!);
    return [phrasePattern(stem + (form === 'future-3s' ? 'a' : 'ont') + tail)];
  }
  const p = fixed ? fixed.split(/\s+/u)[0]! : participle(verb!);
  const rest2 = fixed ? fixed.split(/\s+/u).slice(1).join(' ') : rest.join(' ');
  const after = rest2 ? phrasePattern(' ' + rest2) : '';
  return [form === 'participle' ? p + after : `${p}e?s?${after}`];
}

/**
 * The forms of a class as pattern alternatives, in the lexicon's order: for each lemma its generated
 * forms in the order `generate` lists them, then the forms written out.
 */
export function verbForms(name: string): string[] {
  const c = verbClasses()[name];
  if (!c)
    throw new Error(
      `verbs: no verb class "${name}" in data/lexicons/verbs.json (classes: ${Object.keys(verbClasses()).join(', ')})`,
    );
  const out: string[] = [];
  for (const lemma of c.lemmas ?? [])
    for (const g of c.generate ?? []) out.push(...formsOf(lemma, g, c.irregular ?? {}));
  for (const f of c.forms ?? []) out.push(phrasePattern(f));
  return out;
}
