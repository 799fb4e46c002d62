// Mentions of organisations, places and people in an article's text. Each finder is a rule of
// mention-rules.ts with an id kept on the mention; finders run in order of reliability and later ones
// never take text an earlier one claimed.
import { normaliseName } from '../text/keys.js';
import { lexicon } from './lexicon.js';
import type { Sentence } from '../types.js';
import { escapeRe, rx } from './patterns.js';
import {
  type Found,
  Claims,
  HEAD_SET as HEAD_WORDS,
  isCommonNounName,
  isNotEntity,
  isPlace,
  legalSuffix,
  orgKey,
  squash,
} from './found.js';
import {
  camelCaseOrgs,
  contextOrgs,
  countrySubsidiary,
  formerNames,
  headWordOrgs,
  lexOrgRegexes,
  listOrgs,
  ministries,
  placeRegex,
  repeatOrgs,
} from './orgs.js';
import { acronymDefinitions } from './acronyms.js';
import { people } from './people.js';

export type { Found, FoundKind } from './found.js';
export { displayName, isNotEntity, isPlace, orgKey, orgKeys, personKey, squash } from './found.js';
export { portfolioOf } from './orgs.js';

/** Find every mention in an article. */
export function findMentions(text: string, sentences: Sentence[], lang: 'fr' | 'en' = 'fr'): Found[] {
  const claims = new Claims();
  const found: Found[] = [];
  const take = (f: Found) => {
    claims.add(f.start, f.end);
    found.push(f);
  };

  lexiconAndAcronyms(text, sentences, found, claims, take);

  for (const f of ministries(text)) if (!claims.overlaps(f.start, f.end)) take(f);
  // a name found by its context is refused when it is a common noun ("Fintech", "Ressources Humaines")
  const free = (f: Found) => !claims.overlaps(f.start, f.end) && !isCommonNounName(f.name);
  for (const f of headWordOrgs(text)) if (free(f) && !isNotEntity(f.name)) take(f);
  for (const f of contextOrgs(text)) if (free(f) && !isNotEntity(f.name) && !isPlace(f.name)) take(f);
  for (const f of listOrgs(text)) if (free(f)) take(f);
  // (after the repeats: "service TapTap Send" is the company named before, not "TapTap" alone)
  repeatOrgs(text, found, claims, take);
  for (const f of camelCaseOrgs(text)) if (free(f)) take(f);
  formerNames(text, found, claims, take);

  // places: claimed so that they are never read as people
  for (const m of text.matchAll(placeRegex())) {
    if (claims.overlaps(m.index!, m.index! + m[0].length) || surnameLikePlace(text, m.index!, m[0])) continue;
    take({
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
      kind: 'place',
      rule: 'lexicon-place',
      name: squash(m[0]),
      keys: [`place:${normaliseName(m[0])}`],
    });
  }

  for (const f of people(text, sentences, claims, lang)) take(f);
  repeatOrgs(text, found, claims, take);
  formerNames(text, found, claims, take);
  return found.sort((a, b) => a.start - b.start);
}

/** The lexicon's organisation names in a text, long ones first, none overlapping (rule lexicon-org). */
function lexiconOrgs(text: string): Found[] {
  const lexOrgs: Found[] = [];
  const { cs, ci, byNorm } = lexOrgRegexes();
  for (const re of [ci, cs])
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (lexOrgs.some((f) => s < f.end && e > f.start)) continue;
      const id = byNorm.get(normaliseName(m[0]));
      if (!id) continue;
      lexOrgs.push({
        start: s,
        end: e,
        text: m[0],
        kind: 'organisation',
        rule: 'lexicon-org',
        name: squash(m[0]),
        keys: [`org:@${id}`],
        lexId: id,
      });
    }
  return lexOrgs;
}

/**
 * The lexicon's organisations, the acronyms the article defines (which take the lexicon names inside them), and their
 * later uses.
 */
function lexiconAndAcronyms(
  text: string,
  sentences: Sentence[],
  found: Found[],
  claims: Claims,
  take: (f: Found) => void,
): void {
  const lexOrgs = lexiconOrgs(text);
  const { byNorm } = lexOrgRegexes();

  // acronym definitions: "Long name (ACR)" and "ACR (Long name)"
  for (const def of acronymDefinitions(text, sentences)) {
    const inner = lexOrgs.filter((f) => f.start >= def.start && f.end <= def.end);
    const byAcronym = byNorm.get(normaliseName(def.acronym));
    const lexHit =
      byNorm.get(normaliseName(def.name)) ?? (byAcronym && namesAlike(def.name, byAcronym) ? byAcronym : undefined);
    const innerWhole = inner.find((f) => f.start === def.start && f.end === def.nameEnd);
    const lexId = lexHit ?? innerWhole?.lexId;
    for (const f of inner) lexOrgs.splice(lexOrgs.indexOf(f), 1);
    // "Collectif national des producteurs de mangue (CNPM)": the article's own definition of an acronym the lexicon
    // gives another organisation wins in this article, its later uses included
    if (byAcronym && !lexId)
      dropAll(lexOrgs, (f) => f.lexId === byAcronym && normaliseName(f.text) === normaliseName(def.acronym));
    // "Télévision Numérique Terrestre (TNT)": a technology spelled out, not an organisation (its span stays claimed)
    if (!lexId && isCommonNounName(def.name)) {
      claims.add(def.start, def.end);
      continue;
    }
    // a place inside the expansion ("… de Bamako") belongs to the name
    const keys = lexId
      ? [`org:@${lexId}`]
      : [orgKey(def.name), `org:acr:${def.acronym.replace(legalSuffix, '').toUpperCase()}`];
    const f: Found = {
      start: def.start,
      end: def.end,
      text: text.slice(def.start, def.end),
      kind: 'organisation',
      rule: def.rule,
      name: def.name,
      keys,
      acronym: def.acronym,
    };
    if (lexId) f.lexId = lexId;
    found.push(f);
    claims.add(def.start, def.end);
  }
  for (const f of lexOrgs) {
    if (claims.overlaps(f.start, f.end)) continue;
    const sub = countrySubsidiary(text, f);
    take(sub && !claims.overlaps(sub.start, sub.end) ? sub : f);
  }

  // known acronyms used alone later in the article ("la DGCC", "l’AGETIC")
  const acronyms = new Map(found.filter((f) => f.acronym).map((f) => [f.acronym!.replace(legalSuffix, ''), f]));
  for (const [acr, def] of acronyms) {
    const re = rx(`(?<![\\p{L}\\p{N}])${escapeRe(acr)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      if (claims.overlaps(s, s + m[0].length)) continue;
      const f: Found = {
        start: s,
        end: s + m[0].length,
        text: m[0],
        kind: 'organisation',
        rule: 'acronym-use',
        name: def.name,
        keys: def.keys,
      };
      if (def.lexId) f.lexId = def.lexId;
      take(f);
    }
  }
}

/** Remove from a list, in place, the items a test picks. */
function dropAll<T>(xs: T[], pick: (x: T) => boolean): void {
  for (let i = xs.length - 1; i >= 0; i--) if (pick(xs[i]!)) xs.splice(i, 1);
}

/** The words of a name that carry its meaning: four letters or more, normalised. */
const contentWords = (name: string): string[] =>
  normaliseName(name)
    .split(' ')
    .filter((w) => w.length >= 4);

/**
 * Whether an acronym's definition names the organisation of the lexicon with that acronym, written another way: half
 * of its words or more are words of one of the entry's names ("Autorité malienne de régulation des télécoms et des
 * postes" for the AMRTP), not another body with the same initials.
 */
function namesAlike(defined: string, lexId: string): boolean {
  const entry = lexicon().orgById.get(lexId);
  if (!entry) return false;
  const words = contentWords(defined);
  if (!words.length) return true;
  return [entry.name, ...entry.aliases, ...(entry.formerNames ?? [])].some((n) => {
    const known = new Set(contentWords(n));
    return words.filter((w) => known.has(w)).length * 2 >= words.length;
  });
}

/**
 * "Hamidou Togo": a country right after a capitalised word that is no place nor title may be a surname
 * (people.ts decides).
 */
function surnameLikePlace(text: string, start: number, place: string): boolean {
  const n = normaliseName(place);
  if (n === 'mali' || !lexicon().countries.has(n)) return false;
  const w = /(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, start - 30), start))?.[1];
  if (!w) return false;
  const lex = lexicon();
  const word = [lex.notNames, lex.particles, lex.companyWords, HEAD_WORDS].some((set) => set.has(w));
  return !isPlace(w) && !word;
}
