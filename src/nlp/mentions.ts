// Mentions of organisations, places and people in an article's text. Each finder is a rule with an
// id; finders run in order of reliability and later ones never take text an earlier one claimed.
import { normaliseName } from '../graph/keys.js';
import type { Sentence } from '../types.js';
import { lexicon } from './lexicon.js';
import { APOS, ORG_HEADS, ORG_INTRODUCERS, ORG_TAILS, U, UP, escapeRe, flexible, flexibleUnits, patterns, rx, trieAlternation } from './patterns.js';
import { firstNameTokensIn } from './compromise.js';

export type FoundKind = 'person' | 'organisation' | 'place';

export interface Found {
  start: number;
  end: number;
  /** Surface text, verbatim. */
  text: string;
  kind: FoundKind;
  rule: string;
  /** Display name: civility stripped, white space folded, names in capitals normalised. */
  name: string;
  keys: string[];
  lexId?: string;
  acronym?: string;
  /** A ministry's portfolios, normalised ("communication", "economie numerique"). */
  portfolio?: string[];
  /** One-word person mention (a surname after a civility or title): resolved to a full name or dropped. */
  single?: boolean;
  /** Other forms of the name found with it ("Bibi" in "Maly Sangho dite Bibi"). */
  forms?: string[];
}

const CONNECTOR_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'pour', 'en', 'au', 'aux', 'sur', 'of', 'the', 'and', 'for', 'a', 'à', 'qui']);

export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** "DONDRA" → "Dondra"; particles in capitals ("AG") → "Ag"; white space folded. */
export function displayName(raw: string): string {
  return squash(raw)
    .split(' ')
    .map((w) =>
      w.length >= 2 && w === w.toUpperCase() && /\p{L}{2}/u.test(w)
        ? w
            .toLowerCase()
            .replace(/(^|[-’'])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase())
        : w,
    )
    .join(' ');
}

const legalSuffix = /[\s-]+(?:SA|S\.A\.?|SARL|SAS|Ltd|Inc\.?|PLC)$/;
export const orgKey = (name: string) => `org:${normaliseName(name.replace(legalSuffix, ''))}`;
/** Keys of an organisation's name: an acronym-shaped name also keys as an acronym, so "l’AMNS" meets "… (AMNS)". */
export const orgKeys = (name: string): string[] => {
  const bare = name.replace(legalSuffix, '').trim();
  return /^[A-Z][A-Z0-9&]{1,9}$/.test(bare) ? [orgKey(name), `org:acr:${bare}`] : [orgKey(name)];
};
export const personKey = (name: string) => `person:${normaliseName(name)}`;

class Claims {
  private spans: Array<[number, number]> = [];
  overlaps(s: number, e: number): boolean {
    return this.spans.some(([a, b]) => s < b && e > a);
  }
  add(s: number, e: number): void {
    this.spans.push([s, e]);
  }
}

const lexOrgRegexes = (() => {
  let cached: { cs: RegExp; ci: RegExp; byNorm: Map<string, string> } | undefined;
  return () => {
    if (cached) return cached;
    const lex = lexicon();
    const cs: string[] = [];
    const ci: string[] = [];
    for (const o of lex.orgs)
      for (const n of [o.name, ...o.aliases, ...(o.formerNames ?? []), ...(o.short ?? [])]) {
        const long = n.split(/\s+/).length >= 3 && n.length >= 12;
        (long ? ci : cs).push(n);
      }
    // the names as tries (the same language as their alternation, longest first): read letter by letter
    cached = {
      cs: rx(`(?<![\\p{L}\\p{N}])(?:${trieAlternation(cs.map((n) => flexibleUnits(n)))})(?![\\p{L}\\p{N}])`, 'gu'),
      ci: rx(`(?<![\\p{L}\\p{N}])(?:${trieAlternation(ci.map((n) => flexibleUnits(n.toLowerCase())))})(?![\\p{L}\\p{N}])`, 'giu'),
      byNorm: lex.orgByName,
    };
    return cached;
  };
})();

const placeRegex = (() => {
  let cached: RegExp | undefined;
  return () =>
    (cached ??= rx(
      `(?<![\\p{L}\\p{N}])(?:${trieAlternation([...lexiconPlaces()].map((p) => flexibleUnits(p)))})(?![\\p{L}\\p{N}])`,
      'gu',
    ));
})();

const lexiconPlaces = () => lexicon().placeNames;

export const isPlace = (s: string) => lexicon().places.has(normaliseName(s));
export const isNotEntity = (s: string) => lexicon().notEntities.has(normaliseName(s));

/** Find every mention in an article. */
export function findMentions(text: string, sentences: Sentence[], lang: 'fr' | 'en' = 'fr'): Found[] {
  const claims = new Claims();
  const found: Found[] = [];
  const take = (f: Found) => {
    claims.add(f.start, f.end);
    found.push(f);
  };

  const lexOrgs: Found[] = [];
  const { cs, ci, byNorm } = lexOrgRegexes();
  for (const re of [ci, cs])
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (lexOrgs.some((f) => s < f.end && e > f.start)) continue;
      const id = byNorm.get(normaliseName(m[0]));
      if (!id) continue;
      lexOrgs.push({ start: s, end: e, text: m[0], kind: 'organisation', rule: 'lexicon-org', name: squash(m[0]), keys: [`org:@${id}`], lexId: id });
    }

  // acronym definitions: "Long name (ACR)" and "ACR (Long name)"
  for (const def of acronymDefinitions(text, sentences)) {
    const inner = lexOrgs.filter((f) => f.start >= def.start && f.end <= def.end);
    const lexHit = byNorm.get(normaliseName(def.name)) ?? byNorm.get(normaliseName(def.acronym));
    const innerWhole = inner.find((f) => f.start === def.start && f.end === def.nameEnd);
    const lexId = lexHit ?? innerWhole?.lexId;
    for (const f of inner) lexOrgs.splice(lexOrgs.indexOf(f), 1);
    // a place inside the expansion ("… de Bamako") belongs to the name
    const keys = lexId ? [`org:@${lexId}`] : [orgKey(def.name), `org:acr:${def.acronym.replace(legalSuffix, '').toUpperCase()}`];
    const f: Found = { start: def.start, end: def.end, text: text.slice(def.start, def.end), kind: 'organisation', rule: def.rule, name: def.name, keys, acronym: def.acronym };
    if (lexId) f.lexId = lexId;
    found.push(f);
    claims.add(def.start, def.end);
  }
  for (const f of lexOrgs) if (!claims.overlaps(f.start, f.end)) take(f);

  // known acronyms used alone later in the article ("la DGCC", "l’AGETIC")
  const acronyms = new Map(found.filter((f) => f.acronym).map((f) => [f.acronym!.replace(legalSuffix, ''), f]));
  for (const [acr, def] of acronyms) {
    const re = rx(`(?<![\\p{L}\\p{N}])${escapeRe(acr)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      if (claims.overlaps(s, s + m[0].length)) continue;
      const f: Found = { start: s, end: s + m[0].length, text: m[0], kind: 'organisation', rule: 'acronym-use', name: def.name, keys: def.keys };
      if (def.lexId) f.lexId = def.lexId;
      take(f);
    }
  }

  for (const f of ministries(text)) if (!claims.overlaps(f.start, f.end)) take(f);
  for (const f of headWordOrgs(text)) if (!claims.overlaps(f.start, f.end) && !isNotEntity(f.name)) take(f);
  for (const f of contextOrgs(text)) if (!claims.overlaps(f.start, f.end) && !isNotEntity(f.name) && !isPlace(f.name)) take(f);
  repeatOrgs(text, found, claims, take);
  formerNames(text, found, claims, take);

  // places: claimed so that they are never read as people
  for (const m of text.matchAll(placeRegex())) {
    if (claims.overlaps(m.index!, m.index! + m[0].length)) continue;
    take({ start: m.index!, end: m.index! + m[0].length, text: m[0], kind: 'place', rule: 'lexicon-place', name: squash(m[0]), keys: [`place:${normaliseName(m[0])}`] });
  }

  for (const f of people(text, sentences, claims, lang)) take(f);
  repeatOrgs(text, found, claims, take);
  formerNames(text, found, claims, take);
  return found.sort((a, b) => a.start - b.start);
}

// ---- organisations -------------------------------------------------------------------------

/** "Djéma Télécom (ex-Tilé Mobile)", "X, ex-Y", "X, anciennement Y", "X, formerly Y": Y is another name of X. */
function formerNames(text: string, found: Found[], claims: Claims, take: (f: Found) => void): void {
  const re = rx(`^\\s*[,(]?\\s*(?:ex-|ex\\s+|anciennement\\s+|formerly\\s+|former\\s+|ancien(?:ne)?ment\\s+appelée?\\s+)(${CHUNK})`, 'u');
  for (const f of [...found]) {
    if (f.kind !== 'organisation') continue;
    const m = re.exec(text.slice(f.end, f.end + 80));
    if (!m) continue;
    const name = m[1]!.replace(/\s+(?:et|and)$/u, '');
    const start = f.end + m[0].length - m[1]!.length;
    if (claims.overlaps(start, start + name.length)) continue;
    const former: Found = { start, end: start + name.length, text: name, kind: 'organisation', rule: 'org-former-name', name: f.name, keys: [...f.keys, ...orgKeys(name)], forms: [squash(name)] };
    if (f.lexId) former.lexId = f.lexId;
    take(former);
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Where a phrase occurs in a text as whole words (no letter or digit right before or after it). */
function wordOccurrences(text: string, phrase: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at > 0 ? text[at - 1]! : '';
    const after = text[at + phrase.length] ?? '';
    if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
    out.push(at);
  }
  return out;
}

/** An organisation found once by its context is named wherever else the article writes it the same way. */
function repeatOrgs(text: string, found: Found[], claims: Claims, take: (f: Found) => void): void {
  const known = new Map<string, Found>();
  for (const f of found) if (f.kind === 'organisation' && !f.lexId && !f.portfolio && f.text.length >= 4 && !f.text.includes('\n')) known.set(f.text, f);
  // the first word of a company's name stands for it later ("Tamba Towers Africa" … "Tamba has committed"),
  // when it is a name of its own: not a head noun, a common word, a place, a title, nor another company's first word
  const lex = lexicon();
  const firsts = new Map<string, Found | null>();
  for (const f of known.values()) {
    const words = f.text.split(/\s+/);
    const w = words[0]!;
    if (words.length < 2 || !/^\p{Lu}\p{Ll}{2,}$/u.test(w) || HEAD_SET.has(w) || lex.notNames.has(w) || lex.particles.has(w) || lex.companyWords.has(w) || isPlace(w) || patterns().roleOf(w)) continue;
    firsts.set(w, firsts.has(w) && firsts.get(w)?.name !== f.name ? null : f);
  }
  for (const [w, f] of firsts) if (f && !known.has(w)) known.set(w, f);
  for (const [surface, def] of known) {
    for (const s of wordOccurrences(text, surface)) {
      if (claims.overlaps(s, s + surface.length)) continue;
      take({ start: s, end: s + surface.length, text: surface, kind: 'organisation', rule: 'org-repeat', name: def.name, keys: def.keys });
    }
  }
}

interface AcronymDef {
  start: number;
  end: number;
  nameEnd: number;
  name: string;
  acronym: string;
  rule: string;
}

const wordsWithOffsets = (s: string, base: number) =>
  [...s.matchAll(/[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu)].map((m) => ({ w: m[0], start: base + m.index!, end: base + m.index! + m[0].length }));

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

const HEAD_SET = new Set(ORG_HEADS.map((h) => h.split(' ').pop()!));

function acronymDefinitions(text: string, sentences: Sentence[]): AcronymDef[] {
  const defs: AcronymDef[] = [];
  const ACR = `[${UP}][A-Za-zÀ-ÿ&.\\-]{1,14}(?:\\s[${UP}][A-Za-zÀ-ÿ]{1,10})?`;
  // Long name (ACR)
  for (const m of text.matchAll(rx(`\\((${ACR})\\)`, 'gu'))) {
    const acr = m[1]!;
    if (!/[A-Z].*[A-Z]|^[A-Z][a-z]{3,}$/.test(acr) && !/[A-Z]{2}/.test(acr)) continue;
    const open = m.index!;
    const sent = sentences.find((s) => s.start <= open && s.end >= open);
    const winStart = Math.max(sent?.start ?? 0, open - 220);
    let window = text.slice(winStart, open);
    const cut = Math.max(window.lastIndexOf('('), window.lastIndexOf(')'), window.lastIndexOf('«'), window.lastIndexOf(':'), window.lastIndexOf(';'));
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
      const h = headWordOrgs(window).filter((f) => window.slice(f.end).trim() === '').pop();
      const i = h ? words.findIndex((x) => x.start === base + h.start) : -1;
      if (i >= 0) best = { i, score: 0 };
    }
    if (!best) continue;
    // English puts proper modifiers before the head: "the Nyèta Fund for Digital Inclusion (FNIN)"
    while (best.i > 0 && /^\p{Lu}/u.test(words[best.i - 1]!.w) && !lexicon().notNames.has(words[best.i - 1]!.w) && /^\s+$/u.test(text.slice(words[best.i - 1]!.end, words[best.i]!.start)) && /^(?:Fund|Bank|Agency|Authority|Union|Council|Foundation|Institute|Company|Group|Committee|Association)$/u.test(words[best.i]!.w))
      best = { ...best, i: best.i - 1 };
    const w0 = words[best.i]!;
    const elided = /^(?:l|d)['’]/i.exec(w0.w);
    const start = w0.start + (elided ? elided[0].length : 0);
    const nameEnd = text.slice(start, open).trimEnd().length + start;
    const name = squash(text.slice(start, nameEnd)).replace(/,$/, '');
    if (isPlace(name)) continue;
    defs.push({ start, end: open + m[0].length, nameEnd, name, acronym: acr, rule: 'acronym-definition' });
  }
  // ACR (Long name)
  for (const m of text.matchAll(rx(`(?<![\\p{L}])([${UP}]{2,10})\\s\\(([${UP}][^()]{8,200})\\)`, 'gu'))) {
    const acr = m[1]!;
    const long = squash(m[2]!);
    const initials = contentInitials(long.split(/\s+/));
    if (normaliseName(long)[0] !== normaliseName(acr)[0] || initialsScore(initials, acr) < 0.6) continue;
    if (defs.some((d) => d.start < m.index! + m[0].length && d.end > m.index!)) continue;
    defs.push({ start: m.index!, end: m.index! + m[0].length, nameEnd: m.index! + m[0].length, name: long, acronym: acr, rule: 'acronym-expansion' });
  }
  return defs;
}

/** "ministère de la Communication, de l’Économie numérique et de la Modernisation de l’Administration". */
export const PORTFOLIO_SEGMENT = `(?:(?:\\s*,\\s*|\\s+et\\s+|\\s+)(?:en\\s+charge\\s+|chargée?\\s+)?(?:de\\s+la|de\\s+l${APOS}|du|des|de)\\s*(?!la\\b|l${APOS}|le\\b|les\\b)[\\p{L}-]+(?:\\s+(?!de\\b|du\\b|des\\b|et\\b|la\\b|le\\b|les\\b|l${APOS}|d${APOS}|au\\b|aux\\b|en\\b|à\\b|a\\b|qui\\b|pour\\b|sur\\b|par\\b)(?:\\p{Lu}[\\p{L}-]+|[\\p{Ll}-]+(?:ique|iques|ale|ales|al|aux|elle|elles|el|els|ienne|ien|aire|aires|ive|if|ière|ier|technologies|publique|publiques)))?)`;

export function portfolioOf(segments: string): string[] {
  const pieces = segments.split(rx(`(?:\\s*,\\s*|\\s+et\\s+|\\s+|^)(?:en\\s+charge\\s+|chargée?\\s+)?(?:de\\s+la|de\\s+l${APOS}|du|des|de)(?:\\s+|(?<=${APOS}))`, 'u'));
  const out = pieces.map((p) => p.trim()).filter((p) => p && !isPlace(p)).map(normaliseName).filter(Boolean);
  return [...new Set(out)].sort();
}

function ministries(text: string): Found[] {
  const out: Found[] = [];
  const re = U(rx(`(?<![\\p{L}])[Mm]inist[èe]re(?:\\s+(?:malien|malienne))?((?:${PORTFOLIO_SEGMENT})+)`, 'gu'));
  for (const m of text.matchAll(re)) {
    let segs = m[1]!;
    // a trailing "du Mali" names the country, not a portfolio
    const country = rx(`\\s+(?:du|de\\s+la|de\\s+l${APOS}|des)\\s+([\\p{L}-]+)(?:\\s+[\\p{L}-]+)?$`, 'u').exec(segs);
    if (country && isPlace(country[1]!)) segs = segs.slice(0, country.index);
    const portfolio = portfolioOf(segs);
    if (!portfolio.length) continue;
    const start = m.index!;
    const end = start + m[0].length - (m[1]!.length - segs.length);
    const label = 'Ministère' + squash(segs.replace(/^\s*(?:malien|malienne)\s+/u, '')).replace(/^(?=[^\s,])/, ' ');
    out.push({ start, end, text: text.slice(start, end), kind: 'organisation', rule: 'ministry', name: label.replace(/\s+,/g, ','), keys: [`org:ministry:${portfolio.join('+')}`], portfolio });
  }
  return out;
}

/** Capitalised function words and dates: never inside an organisation's name. */
const FUNCTION_CAPS = /^(?:Le|La|Les|Un|Une|Des|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Nous|Vous|Selon|Pour|Par|Avec|Dans|Sur|Lors|Après|Avant|Depuis|Au|Aux|Du|The|This|That|In|On|At|For|With|By|From|It|They|He|She|We|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u;

/** Lower-case adjectives that may end an organisation's name ("Fibre optique", "Inclusion numérique"). */
const ADJECTIVE = /^\p{Ll}+(?:ique|iques|al|ale|ales|aux|el|elle|els|elles|aire|aires|ien|ienne|iens|iennes|if|ive|ifs|ives|ais|aise|ain|aine|ère|er)$/u;
/** Units inside an organisation. */
const SUB_UNIT = /^(?:Conseil\s+d['’]administration|Conseil\s+de\s+surveillance|Direction\s+(?:générale|technique|commerciale|régionale|financière|juridique|administrative)|Comité\s+de\s+direction|Secrétariat\s+général|Cabinet\s+du|Service\s+(?:de|des|du|client))/iu;

const HEAD_RE = rx(`(?<![\\p{L}])(?:${ORG_HEADS.map(escapeRe).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])`, 'gu');

/** "Haut Conseil Islamique du Mali", "Orphelinat ‘’Niaber’’ de Sébénikoro", "Centre international de conférences de Bamako". */
/** What follows a French institution's head: "(nationale) pour l’emploi", "régionale du travail (de Bamako)". */
const INSTITUTION_COMPLEMENT = new RegExp(
  String.raw`^(?:\s+(?:nationale?|régionale?|générale?|malienne?|africaine?|ouest-africaine?|internationale?|centrale?|supérieure?|technique|provisoire))?(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|pour\s+la|pour\s+le|pour\s+les|pour\s+l['’]|chargée?\s+(?:de\s+la|du|des|de))\s*\p{Ll}[\p{L}-]{2,}(?:\s+\p{Ll}+(?:ale|ales|aux|el|elle|elles|ique|iques|aire|aires|ienne|ien|ière|ières|ée|ées))?(?:\s+et\s+(?:des\s+|du\s+|de\s+la\s+|de\s+l['’])?\p{Ll}[\p{L}-]{2,})?){1,3}(?:\s+(?:de|d['’])\s*\p{Lu}[\p{L}-]+)?(?![\p{L}])`,
  'u',
);

function headWordOrgs(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(HEAD_RE)) {
    const start = m.index!;
    let pos = start + m[0].length;
    let lastCapEnd = -1;
    let institution = false;
    let words = 0;
    const rest = text.slice(pos, pos + 200);
    const tok = /^(\s+)(?:([‘’'"“”]{1,2}\s?[\p{Lu}][\p{L}-]+\s?[‘’'"“”]{1,2})|((?:l|d)['’])?([\p{L}][\p{L}\p{N}’'-]*))/u;
    let off = 0;
    let prevWord = '';
    let capsNotPlaces = 0;
    while (words < 12) {
      const t = tok.exec(rest.slice(off));
      if (!t) break;
      const quoted = t[2];
      const word = t[4] ?? '';
      const len = t[0].length;
      if (quoted) {
        lastCapEnd = pos + off + len;
        capsNotPlaces++;
      } else if (/^\p{Lu}/u.test(word)) {
        // "Fonds au Mali": a place after a locative is where, not who
        if (isPlace(word) && /^(?:au|aux|en|à)$/iu.test(prevWord)) break;
        if (!isPlace(word)) capsNotPlaces++;
        if (FUNCTION_CAPS.test(word)) break; // "… et Le Fonds": a sentence's words, not the name's
        lastCapEnd = pos + off + len;
      } else if (!CONNECTOR_WORDS.has(word.toLowerCase()) && !/^\p{Ll}/u.test(word)) break;
      else if (/^(?:a|à|qui)$/u.test(word)) break; // "Autorité a mis en demeure …": a verb ends the name
      else if (!CONNECTOR_WORDS.has(word.toLowerCase()) && !t[3] && !CONNECTOR_WORDS.has(prevWord.toLowerCase()) && !ADJECTIVE.test(word) && words > 0) break;
      else if (lastCapEnd === pos + off && ADJECTIVE.test(word)) lastCapEnd = pos + off + len; // "Inclusion numérique"
      else if (lastCapEnd === pos + off && word === 'en' && /^\s+ligne(?![\p{L}])/u.test(rest.slice(off + len))) {
        // "Services en ligne"
        const m = /^\s+ligne/u.exec(rest.slice(off + len))!;
        lastCapEnd = pos + off + len + m[0].length;
      }
      prevWord = word;
      off += len;
      words++;
    }
    if (lastCapEnd < 0) {
      // "l’Agence nationale pour l’emploi", "la Direction régionale du travail de Bamako": a capitalised head
      // in the middle of a sentence, then a complement in lower case, as French institutions are named
      const inside = /[\p{Ll},’']\s*$/u.test(text.slice(Math.max(0, start - 3), start));
      const c = inside ? INSTITUTION_COMPLEMENT.exec(text.slice(pos)) : null;
      if (!c) continue;
      lastCapEnd = pos + c[0].length;
      institution = true;
    }
    const end = lastCapEnd;
    const name = squash(text.slice(start, end));
    if (name.split(' ').length < 2) continue;
    // a unit of an organisation ("Conseil d’administration de X", "Direction générale de X") names X, not itself
    if (SUB_UNIT.test(name)) continue;
    if (!institution && !capsNotPlaces && !/\s(?:de|du|des|d['’])\s?[\p{Lu}]/u.test(name)) continue;
    // a unit of a known organisation ("Direction Technique de Moov Africa Malitel") is not an organisation of its own
    const { cs, ci } = lexOrgRegexes();
    cs.lastIndex = 0;
    ci.lastIndex = 0;
    if (cs.test(name) || ci.test(name)) {
      cs.lastIndex = 0;
      ci.lastIndex = 0;
      continue;
    }
    cs.lastIndex = 0;
    ci.lastIndex = 0;
    out.push({ start, end, text: text.slice(start, end), kind: 'organisation', rule: 'org-head-word', name: name.replace(/[‘’'"“”]{2}/g, (q) => q), keys: [orgKey(name.replace(/[‘’'"“”]/g, ''))] });
  }
  // English: capitalised words ending with a head noun
  const tailRe = rx(`(?:[${UP}][\\p{L}&-]+\\s+){1,5}(?:${ORG_TAILS.map(escapeRe).join('|')})(?![\\p{L}])`, 'gu');
  for (const m of text.matchAll(tailRe)) {
    // leading words that never start a name ("The", "Chez", "Selon") are not part of it
    const words = squash(m[0]).split(' ');
    while (words.length > 1 && (/^(?:The|In|At|For|By|With|From)$/.test(words[0]!) || /-based$/u.test(words[0]!) || lexicon().notNames.has(words[0]!))) words.shift();
    const name = words.join(' ');
    const start = m.index! + m[0].indexOf(words[0]!);
    out.push({ start, end: m.index! + m[0].length, text: text.slice(start, m.index! + m[0].length), kind: 'organisation', rule: 'org-tail-word', name, keys: [orgKey(name)] });
  }
  return out;
}

/** Make the first letter of each alternative of a lower-case pattern match either case. */
const caseFirst = (pattern: string) => pattern.replace(/(\(\?:|\|)([a-z])/g, (_m, p: string, c: string) => `${p}[${c}${c.toUpperCase()}]`);

/** A capitalised name of up to five words; amounts ("FCFA 1,5 milliard", "USD 120") end it. */
const CHUNK = `[${UP}][\\p{L}\\p{N}&’'-]*(?:\\s+(?!(?:F?CFA|USD|EUR|GNF|XOF)\\b)[${UP}][\\p{L}\\p{N}&’'-]*){0,4}`;

/** Capitalised words of a minister's portfolio, which a name never starts with (English wires write the title, the portfolio, then the name). */
const PORTFOLIO_WORDS = new Set(
  'Economy Digital Finance Finances Communication Communications Administration Modernisation Modernization Affairs Foreign Trade Industry Telecommunications Telecoms Posts Security Defence Defense Education Health Energy Water Transport Transports Infrastructure Infrastructures Planning Budget Innovation Research Technology Technologies Culture Youth Sports Justice Agriculture Mines Commerce Environment Development Cooperation Économie Numérique Postes Télécommunications Technologies Jeunesse Santé Énergie'.split(' '),
);

/** A capitalised name whose words may be joined by "du", "de la", "d’", "et", "&" ("Lumière du Niger Énergie"). */
const NAME_WITH_CONNECTORS = `[${UP}][\\p{L}\\p{N}&’'-]*(?:\\s+(?:(?:du|de\\s+la|d['’]|et|&)\\s*)?[${UP}][\\p{L}\\p{N}&’'-]*){0,5}`;

/** Kinds of organisation a name is said to be, in apposition: "X, une PME", "X, la coopérative …", "X, a fintech". */
const ORG_KINDS = [
  'PME', 'PMI', 'petite entreprise', 'société', 'entreprise', 'start-up', 'startup', 'fintech', 'coopérative', 'association', 'ONG', 'firme',
  'compagnie', 'banque', 'agence', 'cabinet', 'opérateur', 'filiale', 'fondation', 'institution', 'mutuelle', 'microfinance', 'plateforme',
  'company', 'firm', 'start-up', 'startup', 'operator', 'subsidiary', 'cooperative', 'bank', 'agency', 'non-profit', 'NGO',
].join('|');

/** Organisations named through their context: "la société X", "directeur général de X", "partenariat avec X". */
function contextOrgs(text: string): Found[] {
  const out: Found[] = [];
  const { ROLE_CS } = patterns();
  const rules: Array<[string, RegExp]> = [
    ['org-introducer', rx(`${caseFirst(ORG_INTRODUCERS)}\\s+(?:(?:de|d['’]|des|du|en)\\s?[\\p{Ll}’' -]{0,36}?\\s)?(${CHUNK})`, 'gu')],
    ['org-role-complement', rx(`(?<![\\p{L}])(?:${ROLE_CS}|celui|celle)\\s+(?:de\\s+la\\s+|de\\s+l['’]|du\\s+|des\\s+|de\\s+|d['’]|of\\s+(?:the\\s+)?)(${CHUNK})`, 'gu')],
    ['org-partner', rx(`(?:[Pp]artenariat|[Aa]ccord|[Cc]onvention|[Cc]ontrat)\\s+avec\\s+(?:la\\s+|le\\s+|l['’])?(${CHUNK})`, 'gu')],
    // "Lumière du Niger Énergie, une PME bamakoise", "Jigiya, la coopérative des femmes": a kind of organisation in apposition
    // (an indefinite article, or a definite one with its complement: "X, la société revendique" is a new clause)
    ['org-apposed-kind', rx(`(?<![\\p{L}])(${NAME_WITH_CONNECTORS}),\\s+(?:(?:une?|an?)\\s+(?:${ORG_KINDS})(?![\\p{L}])|(?:la|le|l['’]|the)\\s*(?:${ORG_KINDS})\\s+(?:de|des|du|d['’]|of|qui|that|which)(?![\\p{L}]))`, 'gu')],
    // courts: "le tribunal de commerce de Bamako", "la Cour suprême"
    ['org-court', rx(`(?<![\\p{L}])((?:[Tt]ribunal\\s+(?:de\\s+commerce|de\\s+grande\\s+instance|de\\s+première\\s+instance|administratif|du\\s+travail)|[Cc]our\\s+(?:suprême|d['’]appel|constitutionnelle|des\\s+comptes|commune))(?:\\s+(?:de|d['’])\\s*[${UP}][\\p{L}-]+)?)`, 'gu')],
    // "analyste au cabinet X", "à la société X", "de l’entreprise X": the introducer after a preposition
    // (case-sensitive: the name after the introducer must be capitalised)
    ['org-introducer-after-preposition', rx(`(?<![\\p{L}])(?:(?:[Aa]u|[Dd]u)\\s+(?:cabinet|groupe|consortium|fournisseur|fonds)|(?:[Àà]|[Dd]e)\\s+la\\s+(?:société|firme|banque|compagnie|start-?up|fintech|coopérative|plateforme)|(?:[Àà]|[Dd]e)\\s+l['’](?:entreprise|opérateur|agence|association|ONG))\\s+(${CHUNK})`, 'gu')],
    // "Kora Mobile’s chief executive": an English possessive before a title
    ['org-possessive-title', rx(`(?<![\\p{L}])(${CHUNK})['’]s\\s+(?:new\\s+|former\\s+)?(?:${ROLE_CS})(?![\\p{L}])`, 'gu')],
    // "Accra-based Volta Masts Africa"
    ['org-based', rx(`(?<![\\p{L}])[${UP}][\\p{L}]+(?:-[${UP}][\\p{L}]+)?-based\\s+(${CHUNK})`, 'gu')],
  ];
  // rules whose cue is a plain string are not run on texts without it
  const cue: Record<string, RegExp> = {
    'org-possessive-title': /['’]s\s/u,
    'org-based': /-based\s/u,
    'org-apposed-kind': /,\s/u,
    'org-court': /[Tt]ribunal|[Cc]our\s/u,
    'org-introducer-after-preposition': /(?:au|du)\s+(?:cabinet|groupe|consortium|fournisseur|fonds)|la\s+(?:société|firme|banque|compagnie|start|fintech|coopérative|plateforme)|l['’](?:entreprise|opérateur|agence|association|ONG)/u,
  };
  for (const [rule, re] of rules) {
    if (cue[rule] && !cue[rule]!.test(text)) continue;
    for (const m of text.matchAll(re)) {
      let name = m[1]!.replace(/[’']s$/u, '');
      // stop before a following place ("TapTap Send au Mali" is caught without "au Mali" by CHUNK already)
      if (rule !== 'org-court') name = name.replace(/\s+(?:Mali|Bamako)$/u, '');
      if (rule === 'org-court') name = name[0]!.toUpperCase() + name.slice(1);
      if (!/^\p{Lu}/u.test(name) || !/^[\p{Lu}]/u.test(name)) continue;
      const first = name.split(/\s+/)[0]!;
      if (lexicon().notNames.has(first) && !HEAD_SET.has(first) && first !== 'Général') continue;
      if (rule === 'org-possessive-title' && (isPlace(name) || name.split(/\s+/).length < 2)) continue; // "Mali’s minister"; one word may be a person’s name
      // the name ends the match, but for the possessive, which it starts
      const start = rule === 'org-possessive-title' ? m.index! : m.index! + m[0].length - m[1]!.length;
      if (rule === 'org-role-complement' && name.split(/\s+/).length === 1 && !/^[\p{Lu}]{2,}$|[\p{Ll}][\p{Lu}]/u.test(name)) continue;
      out.push({ start, end: start + name.length, text: name, kind: 'organisation', rule, name: squash(name), keys: orgKeys(name) });
    }
  }
  return out;
}

// ---- people ------------------------------------------------------------------------------

const HUMAN_VERBS = U(
  /^\s*(?:,[^,.;]{0,100},\s*)?(?:\(\p{L}\)\s*)?(?:a|ont|avait|aurait|s['’]est|se\s+sont|s['’]était|est|sera|qui\s+a|lui-même|elle-même)?\s*(?:également\s+|aussi\s+|notamment\s+|ainsi\s+|enfin\s+|pour\s+sa\s+part\s+)?(?:déclaré|indiqué|expliqué|précisé|souligné|rappelé|remercié|salué|présenté|estimé|affirmé|ajouté|introduit|témoigné|fait\s+savoir|insisté|exhorté|reçu|visité|rendu|dit|venu|pris|procédé|présidé|dirigé|signé|annoncé|promis|engagé|assuré|noté|plaidé|félicité|encouragé|invité|informé|conclu|réaffirmé|exprimé|confié|rassuré|demandé|appelé|lancé|inauguré|accueilli|entretenu|échangé|sollicité|répondu|poursuivi|conduit|représenté|estime|déclare|explique|précise|souligne|indique|affirme|reçoit|visite|said|told|added|noted|signed|visited|met|received|explained|stated|announced|welcomed)\b/iu,
);
// a speech verb, then the speaker, who may be introduced by what they do ("a réagi l’activiste X",
// "said analyst X")
const SPEECH_BEFORE =
  /(?:(?:a|ont|avait)(?:-t-(?:il|elle))?\s+)?(?:déclaré|expliqué|indiqué|précisé|souligné|témoigné|confié|affirmé|ajouté|estimé|conclu|noté|martelé|rappelé|réagi|commenté|regretté|dénoncé|déploré|prévenu|averti|assuré|insisté|renchéri|observé|plaidé|fait\s+savoir|selon|d['’]après|aux\s+dires\s+de|according\s+to|said|says|explained|added|noted|warned|argued|told|stressed)\s+(?:le\s+|la\s+|l['’]\s*)?(?:\p{Ll}[\p{Ll}-]{2,}\s+){0,2}$/iu;
// "présidé par l’économiste X", "une plateforme cofondée par X": the agent may be introduced by what they do
const AGENT_BEFORE =
  /(?:représentée?s?|dirigée?s?|conduite?s?|présidée?s?|accompagnée?s?|accueillie?s?|reçue?s?|animée?s?|signée?s?|menée?s?|pilotée?s?|coordonnée?s?|(?:co-?)?fondée?s?|créée?s?|lancée?s?|interrogée?s?|nommée?s?|led|headed|represented|chaired|founded|co-founded|created|launched|appointed)\s+(?:par|by)\s+(?:son\s+|sa\s+|le\s+|la\s+|l['’]\s*|its\s+|the\s+)?(?:\p{Ll}[\p{Ll}-]{2,}\s+)?$/iu;

interface PersonChunk {
  start: number;
  end: number;
  tokens: Array<{ w: string; start: number; end: number }>;
}

function chunksOf(text: string, claims: Claims): PersonChunk[] {
  const { PERSON } = patterns();
  const out: PersonChunk[] = [];
  const lex = lexicon();
  for (const m of text.matchAll(rx(PERSON, 'gu'))) {
    const tokens = [...m[0].matchAll(/\S+/gu)].map((t) => ({ w: t[0], start: m.index! + t.index!, end: m.index! + t.index! + t[0].length }));
    // split around claimed spans (organisations, places)
    let cur: PersonChunk['tokens'] = [];
    const flush = () => {
      // drop leading words that are never names ("Le", "Selon") and trailing particles
      const civilityStart = () => cur.length > 1 && lex.civilities.includes(`${cur[0]!.w} ${cur[1]!.w}`);
      while (cur.length && (lex.notNames.has(cur[0]!.w) || lex.particles.has(cur[0]!.w)) && !civilityStart()) cur.shift();
      // "Minister of Communication and Digital Economy Ousmane Ag X": the end of a portfolio, then the name
      while (cur.length > 2 && PORTFOLIO_WORDS.has(cur[0]!.w)) cur.shift();
      while (cur.length && (lex.particles.has(cur[cur.length - 1]!.w) || lex.notNames.has(cur[cur.length - 1]!.w) || isPlace(cur[cur.length - 1]!.w))) cur.pop();
      if (cur.length) out.push({ start: cur[0]!.start, end: cur[cur.length - 1]!.end, tokens: cur });
      cur = [];
    };
    for (const [k, t] of tokens.entries()) {
      // "Hervé Le Goff", "Anne La Rochelle": an article between a first name and a surname is part of it
      const next = tokens[k + 1];
      const surnameArticle =
        (t.w === 'Le' || t.w === 'La') && cur.length > 0 && !!next && !lex.notNames.has(next.w) && !patterns().roleOf(next.w) && !claims.overlaps(next.start, next.end) && !isPlace(next.w);
      if (surnameArticle) {
        cur.push(t);
        continue;
      }
      if (claims.overlaps(t.start, t.end) || (t.w.length < 2 && !/^\p{Lu}\.$/u.test(t.w)) || (lex.notNames.has(t.w) && cur.length > 0) || patterns().roleOf(t.w)) {
        flush();
        continue;
      }
      cur.push(t);
    }
    flush();
  }
  return out;
}

function people(text: string, sentences: Sentence[], claims: Claims, lang: 'fr' | 'en'): Found[] {
  const { ROLE, CIVILITY } = patterns();
  const civBefore = rx(`(?:^|[\\s(,])(${CIVILITY})\\s*$`, 'u');
  // a rank or a title written in lower case after an article: "le général X", "l’imam X", "le professeur X"
  const civLower = rx(`(?:^|[\\s(,])(?:le|la|l['’]|du|au|of\\s+the|the)\\s*(?:${lexicon().civilities.filter((c) => /^\p{Lu}\p{Ll}{3,}/u.test(c)).map(flexible).join('|')})\\s+$`, 'iu');
  const roleApposBefore = rx(`(?<![\\p{L}])(?:${ROLE})(?![\\p{L}])[^.;!?«»\\n]{0,160}?,\\s*(?:(?:${CIVILITY})\\s+)?$`, 'iu');
  const roleDirectBefore = rx(`(?<![\\p{L}])(?:${ROLE})\\s+(?:(?:${CIVILITY})\\s+)?$`, 'iu');
  const roleApposAfter = rx(`^\\s*(?:\\(\\p{L}\\)\\s*)?,\\s*(?:le\\s+|la\\s+|l['’]|the\\s+|son\\s+|sa\\s+|its\\s+|his\\s+|her\\s+)?(?:[\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{Lu}][\\p{L}-]*){0,3}['’]s\\s+)?(?:nouveau\\s+|nouvelle\\s+|nouvel\\s+|actuel\\s+|ancien\\s+|ex-)?(?:${ROLE})(?![\\p{L}])`, 'iu');
  const respectively = /respectivement\s+$|respectively\s+$/iu;
  const titleOfPortfolio = rx(`(?<![\\p{L}])(?:${ROLE})\\s+(?:of|de|du|des|de\\s+la|de\\s+l['’])\\s*[^.;:!?«»]{2,120}$`, 'iu');
  const out: Found[] = [];
  const accepted = new Set<string>();
  const pending: Array<{ c: PersonChunk; name: string; single: boolean; civ: boolean }> = [];
  // the chunks in text order: an organisation found by its company word, or a name with what its
  // context says; the first-name lexicon is asked only about names the context leaves undecided
  const read: Array<{ org: Found } | { c: PersonChunk; name: string; forms: string[]; single: boolean; civ: boolean; contextual: boolean; first: number; sentence?: Sentence }> = [];

  for (const c of chunksOf(text, claims)) {
    const sent = sentences.find((s) => s.start <= c.start && s.end >= c.end);
    const sStart = sent?.start ?? 0;
    const sEnd = sent?.end ?? text.length;
    let tokens = c.tokens;
    // a civility inside the chunk ("Dr Alou Macalou", "Général de Division Abdoulaye Maïga")
    let civ = false;
    const lead = text.slice(c.start, c.end);
    const civIn = rx(`^(?:${CIVILITY})\\s+`, 'u').exec(lead);
    if (civIn) {
      civ = true;
      tokens = tokens.filter((t) => t.start >= c.start + civIn[0].length);
    }
    if (!tokens.length) continue;
    const start = tokens[0]!.start;
    const end = tokens[tokens.length - 1]!.end;
    const before = text.slice(Math.max(sStart, start - 200), start);
    const after = text.slice(end, Math.min(sEnd, end + 160));
    if (civBefore.test(before) || civLower.test(before)) civ = true;
    // "Maly Sangho dite ‘’Bibi’’": the nickname is a form, not the name
    let raw = text.slice(start, end);
    const forms: string[] = [];
    // a quoted nickname at the end is a form of the name; "Fatoumata dite Fanta Coulibaly" is the name
    const nick = /^(.*?)\s+(?:dite?|alias)\s+([‘’'"“”«]{1,2}.*)$/iu.exec(raw);
    if (nick) {
      raw = nick[1]!;
      forms.push(squash(text.slice(start, end)));
    }
    const nameTokens = raw.split(/\s+/).filter((w) => !lexicon().particles.has(w));
    const single = nameTokens.length === 1;
    if (single && /^[\p{Lu}]{2,}$/u.test(raw)) continue; // an acronym, not a surname
    const contextual =
      civ ||
      roleApposBefore.test(before) ||
      roleDirectBefore.test(before) ||
      roleApposAfter.test(after) ||
      HUMAN_VERBS.test(after) ||
      SPEECH_BEFORE.test(before) ||
      AGENT_BEFORE.test(before) ||
      respectively.test(before) ||
      (PORTFOLIO_WORDS.has(text.slice(Math.max(sStart, start - 40), start).trim().split(/\s+/).pop() ?? '') && titleOfPortfolio.test(before)) ||
      (/^\s*et\s+/u.test(after) && respectively.test(text.slice(Math.max(sStart, start - 60), start)));
    let name = displayName(raw.replace(/\s+(?:\(\p{L}\))$/u, ''));
    // "KONÉ Rokia": the surname in capitals first, as civil registers write it
    const surnameFirst = /^((?:\p{Lu}{2,}[\s-]?)+)\s+((?:\p{Lu}\p{Ll}+[\s-]?)+)$/u.exec(raw.trim());
    if (surnameFirst && !single) {
      forms.push(name);
      name = displayName(`${surnameFirst[2]!.trim()} ${surnameFirst[1]!.trim()}`);
    }
    if (isPlace(name) || isNotEntity(name)) continue;
    // "Kora Mobile", "Kayira Tech": a company word makes a name an organisation's
    if (!civ && nameTokens.length >= 2 && !lexicon().companyWords.has(nameTokens[0]!) && nameTokens.some((w) => lexicon().companyWords.has(w))) {
      const org = raw.replace(legalSuffix, '');
      read.push({ org: { start, end: start + org.length, text: org, kind: 'organisation', rule: 'org-company-word', name: squash(org), keys: orgKeys(org) } });
      continue;
    }
    const r: (typeof read)[number] = { c: { ...c, start, end }, name, forms, single, civ, contextual, first: tokens[0]!.start };
    if (sent) r.sentence = sent;
    read.push(r);
  }
  // the one NLP pass: over the sentences holding a name of two words or more that nothing else decides
  const undecided = read.flatMap((r) => ('c' in r && !r.contextual && !r.single ? [r.sentence ?? { text, start: 0, end: text.length, paragraph: 0 }] : []));
  const firstNames = firstNameTokensIn(text, undecided, lang);
  for (const r of read) {
    if ('org' in r) {
      out.push(r.org);
      continue;
    }
    const { c, name, forms, single, civ } = r;
    if (r.contextual || (!single && firstNames.has(r.first))) {
      if (!single) accepted.add(normaliseName(name));
      out.push(mk(c.start, c.end, name, single, forms, text));
    } else pending.push({ c, name, single, civ });
  }
  // a name accepted once is a person wherever else the article writes it (or its surname, after a first full mention)
  for (const p of pending) {
    const n = normaliseName(p.name);
    const isKnown = accepted.has(n) || [...accepted].some((a) => a.endsWith(' ' + n) || (n.split(' ').length >= 2 && a.endsWith(n)));
    // an interview's speaker label ("Salif Camara :")
    const label = /^\s*:/.test(text.slice(p.c.end, p.c.end + 3));
    if (isKnown || (label && p.name.split(' ').length >= 2 && [...accepted].some((a) => a.endsWith(n))))
      out.push(mk(p.c.start, p.c.end, p.name, p.single || n.split(' ').length === 1, [], text));
  }
  return out;
}

function mk(start: number, end: number, name: string, single: boolean, forms: string[], text: string): Found {
  const keys = [personKey(name)];
  // "Fatoumata dite Fanta Coulibaly" is also "Fatoumata Coulibaly" and "Fanta Coulibaly"
  const dit = /^(.+?)\s+(?:dit|dite|Dit|Dite|DIT|DITE)\s+(\S+)\s+(.+)$/u.exec(name);
  if (dit) keys.push(personKey(`${dit[1]} ${dit[3]}`), personKey(`${dit[2]} ${dit[3]}`));
  const f: Found = { start, end, text: text.slice(start, end), kind: 'person', rule: single ? 'person-surname' : 'person-context', name, keys, single };
  if (forms.length) f.forms = forms;
  return f;
}
