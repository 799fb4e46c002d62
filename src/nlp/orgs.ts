// Organisations (and places) an article names: the lexicon's names, ministries by their portfolios,
// capitalised names around a head noun, names their context introduces, former names and repeats.
// Each finder is a rule of mention-rules.ts; mentions.ts runs them in order.
import { normaliseName } from '../text/keys.js';
import { lexicon } from './lexicon.js';
import { APOS, ENGLISH_ORG_HEADS, flexibleUnits, once, patterns, rx, trieAlternation, UPPERCASE } from './patterns.js';
import { re } from './rule.js';
import { expand } from './fragments.js';
import { MENTION_RULES, mentionRule } from './mention-rules.js';
import {
  type Found,
  Claims,
  CONNECTOR_WORDS,
  HEAD_SET,
  isCommonNounName,
  isNotEntity,
  isPlace,
  orgKey,
  orgKeys,
  squash,
} from './found.js';

/** A mention rule's compiled trigger. */
const trigger = (id: string): RegExp => re(mentionRule(id));

/** The lexicon's organisation names as tries: short names as written, long ones without case (rule lexicon-org). */
export const lexOrgRegexes = (() => {
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
      ci: rx(
        `(?<![\\p{L}\\p{N}])(?:${trieAlternation(ci.map((n) => flexibleUnits(n.toLowerCase())))})(?![\\p{L}\\p{N}])`,
        'giu',
      ),
      byNorm: lex.orgByName,
    };
    return cached;
  };
})();

/** The lexicon's places as a trie (rule lexicon-place). */
export const placeRegex = (() => {
  let cached: RegExp | undefined;
  return () =>
    (cached ??= rx(
      `(?<![\\p{L}\\p{N}])(?:${trieAlternation([...lexiconPlaces()].map((p) => flexibleUnits(p)))})(?![\\p{L}\\p{N}])`,
      'gu',
    ));
})();

const lexiconPlaces = () => lexicon().placeNames;

/** A country right after a name: "[ -]Guinée" (rule org-country-subsidiary). */
const countryAfter = once(() =>
  rx(
    `^[\\s-]+(${trieAlternation(
      [...lexicon().placeNames].filter((p) => lexicon().countries.has(normaliseName(p))).map((p) => flexibleUnits(p)),
    )})(?![\\p{L}\\p{N}])`,
    'u',
  ),
);

/**
 * "Orange Guinée", "Sama Money Burundi": an organisation of the lexicon with a country written right after
 * it names its subsidiary there, an organisation of its own (rule org-country-subsidiary). Mali, the
 * country of the genre, is the organisation itself, as is a name the lexicon knows.
 */
export function countrySubsidiary(text: string, f: Found): Found | undefined {
  const m = countryAfter().exec(text.slice(f.end, f.end + 60));
  if (!m || normaliseName(m[1]!) === 'mali') return undefined;
  const end = f.end + m[0].length;
  const name = squash(`${f.name} ${m[1]!}`);
  const lexId = lexicon().orgByName.get(normaliseName(name));
  const sub: Found = {
    start: f.start,
    end,
    text: text.slice(f.start, end),
    kind: 'organisation',
    rule: 'org-country-subsidiary',
    name,
    keys: lexId ? [`org:@${lexId}`] : orgKeys(name),
  };
  if (lexId) sub.lexId = lexId;
  return sub;
}

/** "Djéma Télécom (ex-Tilé Mobile)", "X, ex-Y", "X, anciennement Y", "X, formerly Y": Y is another name of X. */
export function formerNames(text: string, found: Found[], claims: Claims, take: (f: Found) => void): void {
  const re = trigger('org-former-name');
  for (const f of [...found]) {
    if (f.kind !== 'organisation') continue;
    const m = re.exec(text.slice(f.end, f.end + 80));
    if (!m) continue;
    const name = m[1]!.replace(/\s+(?:et|and)$/u, '');
    const start = f.end + m[0].length - m[1]!.length;
    if (claims.overlaps(start, start + name.length)) continue;
    const former: Found = {
      start,
      end: start + name.length,
      text: name,
      kind: 'organisation',
      rule: 'org-former-name',
      name: f.name,
      keys: [...f.keys, ...orgKeys(name)],
      forms: [squash(name)],
    };
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
export function repeatOrgs(text: string, found: Found[], claims: Claims, take: (f: Found) => void): void {
  const known = new Map<string, Found>();
  for (const f of found)
    if (f.kind === 'organisation' && !f.lexId && !f.portfolio && f.text.length >= 4 && !f.text.includes('\n'))
      known.set(f.text, f);
  // the first word of a company's name stands for it later ("Tamba Towers Africa" … "Tamba has committed"),
  // when it is a name of its own: not a head noun, a common word, a place, a title, nor another company's first word
  const lex = lexicon();
  const firsts = new Map<string, Found | null>();
  for (const f of known.values()) {
    const words = f.text.split(/\s+/);
    const w = words[0]!;
    if (
      words.length < 2 ||
      !/^\p{Lu}\p{Ll}{2,}$/u.test(w) ||
      HEAD_SET.has(w) ||
      lex.notNames.has(w) ||
      lex.particles.has(w) ||
      lex.companyWords.has(w) ||
      isPlace(w) ||
      patterns().roleOf(w)
    )
      continue;
    firsts.set(w, firsts.has(w) && firsts.get(w)?.name !== f.name ? null : f);
  }
  for (const [w, f] of firsts) if (f && !known.has(w)) known.set(w, f);
  for (const [surface, def] of known) {
    for (const s of wordOccurrences(text, surface)) {
      if (claims.overlaps(s, s + surface.length)) continue;
      take({
        start: s,
        end: s + surface.length,
        text: surface,
        kind: 'organisation',
        rule: 'org-repeat',
        name: def.name,
        keys: def.keys,
      });
    }
  }
}

export function portfolioOf(segments: string): string[] {
  const pieces = segments.split(
    rx(
      `(?:\\s*,\\s*|\\s+et\\s+|\\s+|^)(?:en\\s+charge\\s+|chargée?\\s+)?` +
        `(?:de\\s+la|de\\s+l${APOS}|du|des|de)(?:\\s+|(?<=${APOS}))`,
      'u',
    ),
  );
  const out = pieces
    .map((p) => p.trim())
    .filter((p) => p && !isPlace(p))
    .map(normaliseName)
    .filter(Boolean);
  return [...new Set(out)].sort();
}

export function ministries(text: string): Found[] {
  const out: Found[] = [];
  const re = trigger('ministry');
  for (const m of text.matchAll(re)) {
    let segs = m[1]!;
    // a trailing "du Mali" names the country, not a portfolio
    const country = rx(`\\s+(?:du|de\\s+la|de\\s+l${APOS}|des)\\s+([\\p{L}-]+)(?:\\s+[\\p{L}-]+)?$`, 'u').exec(segs);
    if (country && isPlace(country[1]!)) segs = segs.slice(0, country.index);
    const portfolio = portfolioOf(segs);
    if (!portfolio.length) continue;
    const start = m.index!;
    const end = start + m[0].length - (m[1]!.length - segs.length);
    const head = /^[Dd]épartement/u.test(m[0]) ? 'Département' : 'Ministère';
    const label = head + squash(segs.replace(/^\s*(?:malien|malienne)\s+/u, '')).replace(/^(?=[^\s,])/, ' ');
    out.push({
      start,
      end,
      text: text.slice(start, end),
      kind: 'organisation',
      rule: 'ministry',
      name: label.replace(/\s+,/g, ','),
      keys: [`org:ministry:${portfolio.join('+')}`],
      portfolio,
    });
  }
  return out;
}

/** Capitalised function words and dates: never inside an organisation's name. */
const FUNCTION_WORDS =
  'Le La Les Un Une Des Ce Cet Cette Ces Il Elle Ils Elles On Nous Vous Selon Pour Par Avec Dans Sur Lors Après ' +
  'Avant Depuis Au Aux Du The This That In On At For With By From It They He She We ' +
  'Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Monday Tuesday Wednesday Thursday Friday Saturday Sunday';
const FUNCTION_CAPS = new RegExp(`^(?:${FUNCTION_WORDS.split(' ').join('|')})$`, 'u');

/** Lower-case adjectives that may end an organisation's name ("Fibre optique", "Inclusion numérique"). */
const ADJECTIVE = new RegExp(
  String.raw`^\p{Ll}+(?:ique|iques|al|ale|ales|aux|el|elle|els|elles|aire|aires|ien|ienne|iens|iennes|` +
    String.raw`if|ive|ifs|ives|ais|aise|ain|aine|ère|er)$`,
  'u',
);
/** Units inside an organisation. */
const SUB_UNITS =
  String.raw`Conseil\s+d['’]administration|Conseil\s+de\s+surveillance|` +
  String.raw`Direction\s+(?:générale|technique|commerciale|régionale|financière|juridique|administrative)|` +
  String.raw`Comité\s+de\s+direction|Secrétariat\s+général|Cabinet\s+du|Service\s+(?:de|des|du|client)`;
const SUB_UNIT = new RegExp(`^(?:${SUB_UNITS})`, 'iu');

/**
 * "Haut Conseil Islamique du Mali", "Orphelinat ‘’Niaber’’ de Sébénikoro", "Centre international de conférences de
 * Bamako".
 */
/** What follows a French institution's head: "(nationale) pour l’emploi", "régionale du travail (de Bamako)". */
const INSTITUTION_COMPLEMENT = new RegExp(
  String.raw`^(?:\s+(?:nationale?|régionale?|générale?|malienne?|africaine?|ouest-africaine?|internationale?|` +
    String.raw`centrale?|supérieure?|technique|provisoire))?` +
    String.raw`(?:\s+(?:de\s+la|de\s+l['’]|du|des|de|pour\s+la|pour\s+le|pour\s+les|pour\s+l['’]|` +
    String.raw`chargée?\s+(?:de\s+la|du|des|de))\s*\p{Ll}[\p{L}-]{2,}` +
    String.raw`(?:\s+\p{Ll}+(?:ale|ales|aux|el|elle|elles|ique|iques|aire|aires|ienne|ien|ière|ières|ée|ées))?` +
    String.raw`(?:\s+et\s+(?:des\s+|du\s+|de\s+la\s+|de\s+l['’])?\p{Ll}[\p{L}-]{2,})?){1,3}` +
    String.raw`(?:\s+(?:de|d['’])\s*\p{Lu}[\p{L}-]+)?(?![\p{L}])`,
  'u',
);

/**
 * Where the capitalised name after a head noun ends (-1: no capitalised word), and how many of its words are not
 * places.
 */
function nameAfterHead(text: string, pos: number): { lastCapEnd: number; capsNotPlaces: number } {
  let lastCapEnd = -1;
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
    else if (/^(?:a|à|qui)$/u.test(word))
      break; // "Autorité a mis en demeure …": a verb ends the name
    else if (
      !CONNECTOR_WORDS.has(word.toLowerCase()) &&
      !t[3] &&
      !CONNECTOR_WORDS.has(prevWord.toLowerCase()) &&
      !ADJECTIVE.test(word) &&
      words > 0
    )
      break;
    else if (lastCapEnd === pos + off && ADJECTIVE.test(word))
      lastCapEnd = pos + off + len; // "Inclusion numérique"
    else if (lastCapEnd === pos + off && word === 'en' && /^\s+ligne(?![\p{L}])/u.test(rest.slice(off + len))) {
      // "Services en ligne"
      const m = /^\s+ligne/u.exec(rest.slice(off + len))!;
      lastCapEnd = pos + off + len + m[0].length;
    }
    prevWord = word;
    off += len;
    words++;
  }
  return { lastCapEnd, capsNotPlaces };
}

/** Organisations named by a head noun (org-head-word), then English names ending with one (org-tail-word). */
export function headWordOrgs(text: string): Found[] {
  return [...headOrgs(text), ...tailOrgs(text)];
}

/**
 * Whether a name holds an organisation of the lexicon ("Direction Technique de Moov Africa Malitel" is a unit of it).
 */
function holdsKnownOrg(name: string): boolean {
  const { cs, ci } = lexOrgRegexes();
  // tested with non-global copies: the shared global patterns keep no state between calls
  return rx(cs.source, cs.flags.replace('g', '')).test(name) || rx(ci.source, ci.flags.replace('g', '')).test(name);
}

/** English head nouns: the name is the capitalised words before them and an "of"/"for" complement after them. */
const ENGLISH_HEADS = new Set(ENGLISH_ORG_HEADS);
/** Heads both languages write: read as English only before "of", "for" or "on". */
const SHARED_HEADS = new Set(['Commission', 'Union']);
/** A capitalised word of an English name (an acronym, "ICT", "e-Government" included). */
const EN_CAP = String.raw`(?:[\p{Lu}][\p{L}\p{N}’'-]*|\p{Ll}-[\p{Lu}][\p{L}-]*)`;
/** "of the Internet Society", "for Digital Economy and Postal Services": the complement of an English head. */
const EN_COMPLEMENT = new RegExp(
  String.raw`^\s+(?:of|for|on)\s+(?:the\s+)?${EN_CAP}(?:(?:\s*,\s*|\s+)(?:(?:and|of|for|the|&)\s+)*${EN_CAP})*`,
  'u',
);
/**
 * Capitalised words right before an English head, "of the" between them ("Telecommunications Regulatory Authority",
 * "Malian Chapter of the Internet Society"), at most five.
 */
const EN_BEFORE = new RegExp(String.raw`(?:${EN_CAP}\s+(?:(?:of|for)\s+(?:the\s+)?)?){1,5}$`, 'u');

/**
 * "the Ministry of Digital Economy and Postal Services", "the Malian Chapter of the Internet Society", "the
 * Telecommunications Regulatory Authority of Kanem": capitalised words, an English head, its complement
 * (rule org-head-word). Undefined when the head is not used as an English one, or has no capitalised word.
 */
function englishInstitution(text: string, start: number, head: string): Found | undefined {
  const pos = start + head.length;
  const after = EN_COMPLEMENT.exec(text.slice(pos, pos + 200));
  if (SHARED_HEADS.has(head) ? !after : !ENGLISH_HEADS.has(head)) return undefined;
  let from = start;
  const before = EN_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
  if (before) {
    const words = before[0].trim().split(/\s+/u);
    // leading words that never start a name ("The", "In", "Mali’s") are not part of it
    while (words.length && (FUNCTION_CAPS.test(words[0]!) || /['’]s$/u.test(words[0]!))) words.shift();
    if (words.length) from = start - before[0].length + before[0].indexOf(words[0]!);
  }
  const end = pos + (after?.[0].length ?? 0);
  if (from === start && !after) return undefined;
  const name = squash(text.slice(from, end));
  return {
    start: from,
    end,
    text: text.slice(from, end),
    kind: 'organisation',
    rule: 'org-head-word',
    name,
    keys: orgKeys(name),
  };
}

function headOrgs(text: string): Found[] {
  const out: Found[] = [];
  const descriptors = new Set<string>();
  for (const m of text.matchAll(trigger('org-head-word'))) {
    const start = m.index!;
    const pos = start + m[0].length;
    const english = englishInstitution(text, start, m[0]);
    if (english) {
      if (!holdsKnownOrg(english.name) && !isPlace(english.name)) out.push(english);
      continue;
    }
    if (ENGLISH_HEADS.has(m[0])) continue;
    let institution = false;
    const head = nameAfterHead(text, pos);
    let lastCapEnd = head.lastCapEnd;
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
    if (!institution && !head.capsNotPlaces && !/\s(?:de|du|des|d['’])\s?[\p{Lu}]/u.test(name)) continue;
    // a unit of a known organisation ("Direction Technique de Moov Africa Malitel") is not an organisation of its own;
    // "la Société de téléphonie Orange-Mali": the words before the known name describe it, here and elsewhere
    if (holdsKnownOrg(name)) {
      const kind = DESCRIPTOR.exec(name);
      if (kind) descriptors.add(normaliseName(kind[1]!));
      continue;
    }
    const key = orgKey(name.replace(/[‘’'"“”]/g, ''));
    const bare = companyWithoutHead(name);
    out.push({
      start,
      end,
      text: text.slice(start, end),
      kind: 'organisation',
      rule: 'org-head-word',
      name: name.replace(/[‘’'"“”]{2}/g, (q) => q),
      keys: bare ? [key, orgKey(bare)] : [key],
    });
  }
  return out.filter((f) => !descriptors.has(normaliseName(f.name)));
}

/** The heads a company's name is written with or without ("le Groupe Kalanso" … "Kalanso"). */
const COMPANY_HEAD = /^(?:Groupe|Group|Société|Compagnie|Entreprise)\s+(?=\p{Lu})/u;

/**
 * "Groupe Kalanso", "Société Wuli Telecom": the proper name after a company's head is the same company written without
 * it, so it keys the mention too. Not when the rest is a common phrase ("Société Générale", "Société Malienne de …":
 * an adjective or a word that is never a name first, a word in lower case inside) nor a place; "Fondation X" and
 * "Agence X" are organisations of their own, not X.
 */
function companyWithoutHead(name: string): string | undefined {
  const head = COMPANY_HEAD.exec(name);
  if (!head) return undefined;
  const rest = name.slice(head[0].length);
  const words = rest.split(/\s+/u);
  const first = words[0]!;
  if (words.some((w) => !/^[\p{Lu}\p{N}]/u.test(w)) || ADJECTIVE.test(first.toLowerCase())) return undefined;
  if (lexicon().notNames.has(first) || isPlace(rest) || isCommonNounName(rest)) return undefined;
  return rest;
}

/** A head and a complement in lower case before a capitalised name: "Société de téléphonie" of "… Orange-Mali". */
const DESCRIPTOR = /^(\p{Lu}\p{Ll}+(?:\s+(?:de|du|des|de\s+la|d['’])\s*\p{Ll}[\p{Ll}-]+)+)\s+\p{Lu}/u;

/** What may follow an English head noun inside the name. */
const TAIL_REACH = /^\s+(?:International|Africa|Holding|Holdings)(?![\p{L}\p{N}])/u;

/** English: capitalised words ending with a head noun. */
function tailOrgs(text: string): Found[] {
  const out: Found[] = [];
  const tailRe = trigger('org-tail-word');
  for (const m of text.matchAll(tailRe)) {
    // leading words that never start a name ("The", "Chez", "Selon") are not part of it
    const words = squash(m[0]).split(' ');
    while (
      words.length > 1 &&
      (/^(?:The|In|At|For|By|With|From)$/.test(words[0]!) ||
        /-based$/u.test(words[0]!) ||
        lexicon().notNames.has(words[0]!))
    )
      words.shift();
    // "Planor-Monaco Telecom International": a word of reach after the head belongs to the name
    const reach = TAIL_REACH.exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 20))?.[0] ?? '';
    const name = squash([...words, reach].join(' '));
    const start = m.index! + m[0].indexOf(words[0]!);
    const end = m.index! + m[0].length + reach.length;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      kind: 'organisation',
      rule: 'org-tail-word',
      name,
      keys: [orgKey(name)],
    });
  }
  return out;
}

/**
 * The context rules of mention-rules.ts: an organisation named through its context ("la société X", "directeur général
 * de X", "partenariat avec X").
 */
const CONTEXT_RULES = new Set([
  'org-introducer',
  'org-role-complement',
  'org-partner',
  'org-apposed-kind',
  'org-court',
  'org-introducer-after-preposition',
  'org-possessive-title',
  'org-based',
]);

/** The name a context rule found, or undefined when its checks refuse it. */
function contextName(rule: string, m: RegExpMatchArray, text: string): { start: number; name: string } | undefined {
  let name = m[1]!.replace(/[’']s$/u, '');
  // stop before a following place ("TapTap Send au Mali" is caught without "au Mali" by CHUNK already)
  if (rule !== 'org-court') name = name.replace(/\s+(?:Mali|Bamako)$/u, '');
  if (rule === 'org-court') name = name[0]!.toUpperCase() + name.slice(1);
  if (!/^\p{Lu}/u.test(name) || !/^[\p{Lu}]/u.test(name)) return undefined;
  const first = name.split(/\s+/)[0]!;
  if (lexicon().notNames.has(first) && !HEAD_SET.has(first) && first !== 'Général') return undefined;
  // "Mali’s minister"; one word may be a person’s name
  if (rule === 'org-possessive-title' && (isPlace(name) || name.split(/\s+/).length < 2)) return undefined;
  // the name ends the match, but for the possessive, which it starts
  const start = rule === 'org-possessive-title' ? m.index! : m.index! + m[0].length - m[1]!.length;
  if (
    rule === 'org-role-complement' &&
    name.split(/\s+/).length === 1 &&
    !/^[\p{Lu}]{2,}$|[\p{Ll}][\p{Lu}]/u.test(name) &&
    !(BARE_DE.test(m[0].slice(0, m[0].length - m[1]!.length)) && namesAnOrganisation(text, name))
  )
    return undefined;
  return { start, name };
}

/**
 * "le président de Donilab … les services de Donilab": one capitalised word after a title is an organisation's name
 * when the article writes it again and never after a capitalised word (a first name, "M.": then it is a surname),
 * and it is no place, title nor word that is never a name.
 */
function namesAnOrganisation(text: string, word: string): boolean {
  if (isPlace(word) || lexicon().notNames.has(word) || lexicon().particles.has(word) || patterns().roleOf(word))
    return false;
  const at = wordOccurrences(text, word);
  return at.length >= 2 && at.every((s) => !AFTER_NAME_WORD.test(text.slice(Math.max(0, s - 40), s)));
}

/** "de X" with no article: a name ("président de Donilab"), not a common noun ("ministre des Mines", "du Royaume"). */
const BARE_DE = /(?:^|\s)(?:de|d['’]|of)\s*$/u;

/** A capitalised word right before, which no article precedes ("Awa", "M."; not "la Structure"). */
const AFTER_NAME_WORD =
  /(?<!(?:^|[\s(])(?:[Ll]es?|[Ll]a|[Ll]['’]|[Dd]u|[Dd]es|[Aa]ux?|[Tt]he)\s*)[\p{Lu}][\p{L}.’'-]*\s+$/u;

export function contextOrgs(text: string): Found[] {
  const out: Found[] = [];
  for (const rule of MENTION_RULES.filter((r) => CONTEXT_RULES.has(r.id)).sort((a, b) => a.priority - b.priority)) {
    // a rule whose words the text lacks is not run
    if (rule.needs && !rx(rule.needs, 'u').test(text)) continue;
    for (const m of text.matchAll(re(rule))) {
      const found = contextName(rule.id, m, text);
      if (found)
        out.push({
          start: found.start,
          end: found.start + found.name.length,
          text: found.name,
          kind: 'organisation',
          rule: rule.id,
          name: squash(found.name),
          keys: orgKeys(found.name),
        });
    }
  }
  return out;
}

/** A name of a list, then the next: ", Y", " et Y", " and Y" (org-noun-list). */
const NEXT_IN_LIST = new RegExp(String.raw`^(?:\s*,\s*|\s+et\s+|\s+and\s+)(${expand('{CHUNK}')})`, 'u');
/** "Bird & Bird": an ampersand between two capitalised words joins them. */
const AMPERSAND = new RegExp(String.raw`^\s+&\s+[${UPPERCASE}][\p{L}\p{N}’'-]*`, 'u');

/** A name of org-noun-list, or undefined when it is a place, a word that is never a name, or an acronym of a rank. */
function listedName(text: string, start: number, chunk: string): Found | undefined {
  let name = chunk;
  const amp = AMPERSAND.exec(text.slice(start + name.length, start + name.length + 40));
  if (amp) name += amp[0];
  // "le groupement Kawral–Tiléni": two members joined by a dash, each named in full elsewhere
  if (/^\s*[–—-]\s*\p{Lu}/u.test(text.slice(start + name.length, start + name.length + 4))) return undefined;
  const first = name.split(/\s+/u)[0]!;
  const single = !/\s/u.test(name);
  if (isPlace(name) || isNotEntity(name) || (single && lexicon().notNames.has(first)) || patterns().roleOf(first))
    return undefined;
  return {
    start,
    end: start + name.length,
    text: name,
    kind: 'organisation',
    rule: 'org-noun-list',
    name: squash(name),
    keys: orgKeys(name),
  };
}

/**
 * "la chaîne privée X", "les start-up lauréates (X, Y et Z)", "le consortium X, Y et Z", "the law firm X":
 * a kind of organisation in lower case, then a name; after a plural or a consortium, the list of names.
 */
export function listOrgs(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(trigger('org-noun-list'))) {
    const start = m.index! + m[0].length - m[1]!.length;
    const f = listedName(text, start, m[1]!);
    if (!f) continue;
    out.push(f);
    const noun = m[0].slice(0, m[0].length - m[1]!.length);
    // a plural (its qualifiers agree) or a consortium lists its members
    if (!/(?:[sx]|consortium|groupement)\s*\(?\s*$/u.test(noun)) continue;
    let at = f.end;
    for (let n = NEXT_IN_LIST.exec(text.slice(at, at + 200)); n; n = NEXT_IN_LIST.exec(text.slice(at, at + 200))) {
      const g = listedName(text, at + n[0].length - n[1]!.length, n[1]!);
      if (!g) break;
      out.push(g);
      at = g.end;
    }
  }
  return out;
}

/** A word with a capital inside, after two small letters or more: "JokkoLabs", "NetBlocks" (org-camel-case). */
const CAMEL = /(?<![\p{L}\p{N}'’&-])(?!Ma?c\p{Lu})\p{Lu}\p{Ll}{2,}\p{Lu}[\p{L}\p{N}]*(?![\p{L}\p{N}'’&-])/gu;

/**
 * A brand written with a capital inside ("JokkoLabs", "NetBlocks") is an organisation's name, never a
 * person's, when a sentence runs into it (a small word before it: not a list of share buttons).
 */
export function camelCaseOrgs(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(CAMEL)) {
    const start = m.index!;
    if (!/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’-]*[,:]?[ \t]+$/u.test(text.slice(Math.max(0, start - 30), start)))
      continue;
    if (isNotEntity(m[0]) || isPlace(m[0])) continue;
    out.push({
      start,
      end: start + m[0].length,
      text: m[0],
      kind: 'organisation',
      rule: 'org-camel-case',
      name: m[0],
      keys: orgKeys(m[0]),
    });
  }
  return out;
}
