// People an article names: capitalised chunks (rule person-context, person-surname) that their context
// makes people's (a civility, a title in apposition, a speech verb, an agent after "par"…), else
// that the first-name lexicon knows; a company word makes a chunk an organisation's (org-company-word).
import type { Sentence } from '../types.js';
import { normaliseName } from '../text/keys.js';
import { personNamesMatch } from '../text/names.js';
import { lexicon } from './lexicon.js';
import { flexible, once, patterns, rx } from './patterns.js';
import { compile, expand } from './fragments.js';
import { firstNameTokensIn } from './compromise.js';
import { re } from './rule.js';
import { mentionRule } from './mention-rules.js';
import { sentenceHolding } from './sentences.js';
import {
  type Found,
  Claims,
  displayName,
  isNotEntity,
  isPlace,
  legalSuffix,
  orgKeys,
  personKey,
  squash,
} from './found.js';

/**
 * Capitalised words of a minister's portfolio, which a name never starts with (English wires write the title, the
 * portfolio, then the name).
 */
export const PORTFOLIO_WORDS = new Set(
  [
    'Economy Digital Finance Finances Communication Communications Administration Modernisation Modernization',
    'Affairs Foreign Trade Industry Telecommunications Telecoms Posts Security Defence Defense Education Health',
    'Energy Water Transport Transports Infrastructure Infrastructures Planning Budget Innovation Research',
    'Technology Technologies Culture Youth Sports Justice Agriculture Mines Commerce Environment Development',
    'Cooperation Économie Numérique Postes Télécommunications Technologies Jeunesse Santé Énergie',
  ]
    .join(' ')
    .split(' '),
);

/** What makes a chunk a person's: the text before and after it (built once from the lexicons). */
const CUES = once(() => {
  const c = (trigger: string, flags = 'iu') => rx(expand(trigger), flags);
  const ranks = lexicon()
    .civilities.filter((x) => /^\p{Lu}\p{Ll}{3,}/u.test(x))
    .map(flexible)
    .join('|');
  return {
    civIn: c(String.raw`^(?:{CIVILITY})\s+`, 'u'),
    civBefore: c(String.raw`(?:^|[\s(,])({CIVILITY})\s*$`, 'u'),
    // a rank or a title written in lower case after an article: "le général X", "l’imam X", "le professeur X"
    civLower: rx(`(?:^|[\\s(,])(?:le|la|l['’]|du|au|of\\s+the|the)\\s*(?:${ranks})\\s+$`, 'iu'),
    roleApposBefore: c(String.raw`(?<![\p{L}])(?:{ROLE})(?![\p{L}])[^.;!?«»\n]{0,160}?,\s*(?:(?:{CIVILITY})\s+)?$`),
    roleDirectBefore: c(String.raw`(?<![\p{L}])(?:{ROLE})\s+(?:(?:{CIVILITY})\s+)?$`),
    roleApposAfter: c(
      String.raw`^\s*(?:\(\p{L}\)\s*)?,\s*(?:le\s+|la\s+|l['’]|the\s+|son\s+|sa\s+|its\s+|his\s+|her\s+)?` +
        String.raw`(?:[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*){0,3}['’]s\s+)?` +
        String.raw`(?:nouveau\s+|nouvelle\s+|nouvel\s+|actuel\s+|ancien\s+|ex-)?(?:{ROLE})(?![\p{L}])`,
    ),
    // "X fut directeur général d’…", "X est la nouvelle directrice", "X was the chief executive": a copula, a title
    roleCopulaAfter: c(
      String.raw`^\s+(?:est|était|fut|sera|devient|(?:a|avait|aura)\s+été|est\s+devenue?|is|was|became|has\s+been)\s+` +
        String.raw`(?:(?:le|la|l['’]|un|une|the|a|an)\s*)?(?:nouveau\s+|nouvelle\s+|nouvel\s+|actuel\s+|actuelle\s+|` +
        String.raw`ancien\s+|ancienne\s+|ex-|new\s+|former\s+)?(?:{ROLE})(?![\p{L}])`,
    ),
    // "Il s’appelle X": a name given as such
    namedBefore: /(?:s['’]appel(?:le|ait)|se\s+nomm(?:e|ait))\s+$/iu,
    titleOfPortfolio: c(String.raw`(?<![\p{L}])(?:{ROLE})\s+(?:of|de|du|des|de\s+la|de\s+l['’])\s*[^.;:!?«»]{2,120}$`),
    // a verb whose subject is a person, right after the name (verbs.json "human")
    humanVerb: compile(
      String.raw`^\s*(?:,[^,.;]{0,100},\s*)?(?:\(\p{L}\)\s*)?` +
        String.raw`(?:a|ont|avait|aurait|s['’]est|se\s+sont|s['’]était|est|sera|qui\s+a|lui-même|elle-même)?\s*` +
        String.raw`(?:également\s+|aussi\s+|notamment\s+|ainsi\s+|enfin\s+|pour\s+sa\s+part\s+)?{HUMAN_VERB}\b`,
      'iu',
    ),
    // a speech verb, then the speaker, who may be introduced by what they do ("a réagi l’activiste X", "said analyst
    // X")
    speechBefore: c(
      String.raw`(?:(?:a|ont|avait)(?:-t-(?:il|elle))?\s+)?{SPEECH_BEFORE}\s+` +
        String.raw`(?:le\s+|la\s+|l['’]\s*)?(?:\p{Ll}[\p{Ll}-]{2,}\s+){0,2}$`,
    ),
    personNounBefore: personNounBefore(),
    // "À la tête d’une délégation de …, X": who leads a delegation, opening the sentence, is a person
    leadsBefore: /^\s*(?:À|A)\s+la\s+tête\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[^,.;:!?«»]{2,120},\s*$/u,
    // "Pour X, le réseau sera prêt": a sentence that opens on "Pour" and a name, then a comma, gives someone's view
    viewOf: /^\s*Pour\s+$/u,
    // "présidé par l’économiste X", "une plateforme cofondée par X": the agent may be introduced by what they do
    agentBefore: c(
      String.raw`{AGENT_VERB}\s+(?:par|by)\s+(?:son\s+|sa\s+|le\s+|la\s+|l['’]\s*|its\s+|the\s+)?` +
        String.raw`(?:\p{Ll}[\p{Ll}-]{2,}\s+)?$`,
    ),
  };
});
/**
 * What a person is said to be, right before the name: a nationality used as a noun after an article
 * ("du malien X", "le franco-tunisien, X"), or a noun of people.json with its qualifiers ("l’homme
 * d’affaires burkinabè, X", "son frère cadet, X", "l’inspecteur divisionnaire X").
 */
function personNounBefore(): RegExp {
  const lex = lexicon();
  const alt = (xs: string[]) =>
    [...xs]
      .sort((a, b) => b.length - a.length)
      .map(flexible)
      .join('|');
  const demonym = `(?:\\p{Ll}+-)?(?:${alt(lex.demonyms)})(?:n?e)?s?`;
  const qualifier = `(?:${alt(lex.personQualifiers)}|${demonym})`;
  const noun = `(?:${alt(lex.personNouns)})s?`;
  const article = String.raw`(?:le|la|les|l['’]|du|des|au|aux|un|une|de\s+la|à\s+la|son|sa|ses|leurs?|notre|votre)`;
  const asNoun = `${article}\\s*${demonym}`;
  const described = `(?:${qualifier}\\s+)?${noun}(?:\\s+${qualifier}){0,2}`;
  return rx(`(?:^|[\\s(,'’])(?:${asNoun}|${described})\\s*,?\\s*$`, 'iu');
}

const RESPECTIVELY = /respectivement\s+$|respectively\s+$/iu;
/** The second name of "respectivement A et B" (B has no cue of its own: the list gives it). */
const RESPECTIVELY_SECOND = /(?:respectivement|respectively)\s+[^,;.()«»]{2,60}?\s+(?:et|and)\s+$/iu;

interface PersonChunk {
  start: number;
  end: number;
  tokens: Array<{ w: string; start: number; end: number }>;
}

/** "Hamidou Togo": a first word that is no place, then a country other than Mali, is a name, not a name and where. */
function placeAsSurname(cur: Array<{ w: string }>): boolean {
  const lex = lexicon();
  const [first, last] = [cur[0]!.w, cur[cur.length - 1]!.w];
  return (
    cur.length === 2 &&
    /^\p{Lu}\p{Ll}+$/u.test(first) &&
    !isPlace(first) &&
    !lex.notNames.has(first) &&
    !lex.companyWords.has(first) &&
    lex.countries.has(normaliseName(last)) &&
    normaliseName(last) !== 'mali'
  );
}

/**
 * "L’ambassadeur", "D’après": an elided article before a word in lower case opens a sentence, never a name (names keep
 * their capital after the apostrophe: "N’Diaye", "D’Almeida").
 */
const ELIDED_NOUN = /^[LlDd]['’]\p{Ll}/u;

function chunksOf(text: string, claims: Claims): PersonChunk[] {
  const out: PersonChunk[] = [];
  const lex = lexicon();
  for (const m of text.matchAll(re(mentionRule('person-context')))) {
    const tokens = [...m[0].matchAll(/\S+/gu)].map((t) => ({
      w: t[0],
      start: m.index! + t.index!,
      end: m.index! + t.index! + t[0].length,
    }));
    // split around claimed spans (organisations, places)
    let cur: PersonChunk['tokens'] = [];
    const flush = () => {
      // drop leading words that are never names ("Le", "Selon") and trailing particles
      const civilityStart = () => cur.length > 1 && lex.civilities.includes(`${cur[0]!.w} ${cur[1]!.w}`);
      while (cur.length && (lex.notNames.has(cur[0]!.w) || lex.particles.has(cur[0]!.w)) && !civilityStart())
        cur.shift();
      // "Minister of Communication and Digital Economy Ousmane Ag X": the end of a portfolio, then the name
      while (cur.length > 2 && PORTFOLIO_WORDS.has(cur[0]!.w)) cur.shift();
      while (
        cur.length &&
        (lex.particles.has(cur[cur.length - 1]!.w) ||
          lex.notNames.has(cur[cur.length - 1]!.w) ||
          (isPlace(cur[cur.length - 1]!.w) && !placeAsSurname(cur)))
      )
        cur.pop();
      if (cur.length) out.push({ start: cur[0]!.start, end: cur[cur.length - 1]!.end, tokens: cur });
      cur = [];
    };
    for (const [k, t] of tokens.entries()) {
      // "Hervé Le Goff", "Anne La Rochelle": an article between a first name and a surname is part of it
      const next = tokens[k + 1];
      const surnameArticle =
        (t.w === 'Le' || t.w === 'La') &&
        cur.length > 0 &&
        !!next &&
        !lex.notNames.has(next.w) &&
        !patterns().roleOf(next.w) &&
        !claims.overlaps(next.start, next.end) &&
        !isPlace(next.w);
      if (surnameArticle) {
        cur.push(t);
        continue;
      }
      if (
        claims.overlaps(t.start, t.end) ||
        ELIDED_NOUN.test(t.w) ||
        (t.w.length < 2 && !/^\p{Lu}\.$/u.test(t.w)) ||
        (lex.notNames.has(t.w) && cur.length > 0) ||
        patterns().roleOf(t.w)
      ) {
        flush();
        continue;
      }
      cur.push(t);
    }
    flush();
  }
  return out;
}

/** A chunk as read: an organisation found by its company word, or a name with what its context says. */
type Read =
  | { org: Found }
  | {
      c: PersonChunk;
      name: string;
      forms: string[];
      single: boolean;
      civ: boolean;
      contextual: boolean;
      first: number;
      titled?: string;
      sentence?: Sentence;
    };

/** Whether the text around a name makes it a person's. */
function isContextual(text: string, start: number, before: string, after: string, sStart: number): boolean {
  const k = CUES();
  return (
    k.roleApposBefore.test(before) ||
    k.roleDirectBefore.test(before) ||
    k.roleApposAfter.test(after) ||
    k.roleCopulaAfter.test(after) ||
    k.namedBefore.test(before) ||
    k.humanVerb.test(after) ||
    k.speechBefore.test(before) ||
    k.agentBefore.test(before) ||
    k.personNounBefore.test(before) ||
    k.leadsBefore.test(before) ||
    (k.viewOf.test(before) && /^\s*,/u.test(after)) ||
    RESPECTIVELY.test(before) ||
    RESPECTIVELY_SECOND.test(before) ||
    (PORTFOLIO_WORDS.has(
      text
        .slice(Math.max(sStart, start - 40), start)
        .trim()
        .split(/\s+/)
        .pop() ?? '',
    ) &&
      k.titleOfPortfolio.test(before)) ||
    (/^\s*et\s+/u.test(after) && RESPECTIVELY.test(text.slice(Math.max(sStart, start - 60), start)))
  );
}

/** A surname in capitals: four letters or more, two vowels at least (an acronym seldom has them: "AMRTP"). */
const SURNAME_IN_CAPITALS = /^(?=\p{Lu}{4,}$)(?:[^AEIOUYÀÂÉÈÊËÎÏÔÛÜ]*[AEIOUYÀÂÉÈÊËÎÏÔÛÜ]){2}/u;

/** The title ("le Ministre") or civility ("M.", "Dr") written right before a name, in lower case; else undefined. */
function titleRightBefore(before: string, word: string): string | undefined {
  if (ROLE_WORDS().has(stem(word))) return undefined; // "la Directrice Exécutive": the title goes on
  return CUES().roleDirectBefore.exec(before)?.[0].trim().toLowerCase();
}
/** A word without accents, case, or a final e/s ("Déléguée" → "delegu"). */
const stem = (w: string) => normaliseName(w).replace(/(?:es|e|s)$/u, '');
/** The words of the lexicon's titles ("exécutif", "délégué", "général"), as stems. */
const ROLE_WORDS = once(
  () =>
    new Set(
      lexicon()
        .roles.flatMap((r) => [r.role, ...r.forms])
        .flatMap((f) => normaliseName(f).split(' ').map(stem)),
    ),
);

/** Read one chunk: undefined when it is no name (an acronym, a place, a word that is never an entity). */
function readChunk(text: string, sentences: Sentence[], c: PersonChunk): Read | undefined {
  const sent = sentenceHolding(sentences, c.start, c.end);
  const sStart = sent?.start ?? 0;
  const sEnd = sent?.end ?? text.length;
  let tokens = c.tokens;
  // a civility inside the chunk ("Dr Alou Macalou", "Général de Division Abdoulaye Maïga")
  let civ = false;
  const civIn = CUES().civIn.exec(text.slice(c.start, c.end));
  if (civIn) {
    civ = true;
    tokens = tokens.filter((t) => t.start >= c.start + civIn[0].length);
  }
  if (!tokens.length) return undefined;
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const before = text.slice(Math.max(sStart, start - 200), start);
  const after = text.slice(end, Math.min(sEnd, end + 160));
  if (CUES().civBefore.test(before) || CUES().civLower.test(before)) civ = true;
  // "Maly Sangho dite ‘’Bibi’’": a quoted nickname at the end is a form of the name; "Fatoumata dite Fanta Coulibaly"
  // is the name
  let raw = text.slice(start, end);
  const forms: string[] = [];
  const nick = /^(.*?)\s+(?:dite?|alias)\s+([‘’'"“”«]{1,2}.*)$/iu.exec(raw);
  if (nick) {
    raw = nick[1]!;
    forms.push(squash(text.slice(start, end)));
  }
  const nameTokens = raw.split(/\s+/).filter((w) => !lexicon().particles.has(w));
  const single = nameTokens.length === 1;
  // (a title, not a bare civility: "M.Sangaré" alone on a line signs the article)
  // (nor a word that ends a paragraph without a stop: "Le Premier ministre Maï", a page cut off)
  const cut = /^[ \t]*(?:\n|$)/u.test(text.slice(end, end + 3));
  const titled = single && !cut ? titleRightBefore(before, raw) : undefined;
  // an acronym, not a surname, unless a title or civility stands right before a word that reads as a name
  if (single && /^[\p{Lu}]{2,}$/u.test(raw) && !(titled && SURNAME_IN_CAPITALS.test(raw))) return undefined;
  const contextual = civ || isContextual(text, start, before, after, sStart);
  let name = displayName(raw.replace(/\s+(?:\(\p{L}\))$/u, ''));
  // "KONÉ Rokia": the surname in capitals first, as civil registers write it
  const surnameFirst = /^((?:\p{Lu}{2,}[\s-]?)+)\s+((?:\p{Lu}\p{Ll}+[\s-]?)+)$/u.exec(raw.trim());
  if (surnameFirst && !single) {
    forms.push(name);
    name = displayName(`${surnameFirst[2]!.trim()} ${surnameFirst[1]!.trim()}`);
  }
  if (isPlace(name) || isNotEntity(name)) return undefined;
  // "Kora Mobile", "Kayira Tech": a company word makes a name an organisation's
  if (
    !civ &&
    nameTokens.length >= 2 &&
    !lexicon().companyWords.has(nameTokens[0]!) &&
    nameTokens.some((w) => lexicon().companyWords.has(w))
  ) {
    const org = raw.replace(legalSuffix, '');
    return {
      org: {
        start,
        end: start + org.length,
        text: org,
        kind: 'organisation',
        rule: 'org-company-word',
        name: squash(org),
        keys: orgKeys(org),
      },
    };
  }
  const r: Read = { c: { ...c, start, end }, name, forms, single, civ, contextual, first: tokens[0]!.start };
  if (titled) r.titled = titled;
  if (sent) r.sentence = sent;
  return r;
}

export function people(text: string, sentences: Sentence[], claims: Claims, lang: 'fr' | 'en'): Found[] {
  const out: Found[] = [];
  const accepted = new Set<string>();
  /** Where the names accepted by their context end. */
  const ends = new Set<number>();
  /** Where they start. */
  const starts = new Set<number>();
  const pending: Array<{ c: PersonChunk; name: string; single: boolean; civ: boolean }> = [];
  // the chunks in text order; the first-name lexicon is asked only about names the context leaves undecided
  const read = chunksOf(text, claims).flatMap((c) => readChunk(text, sentences, c) ?? []);
  // the one NLP pass: over the sentences holding a name of two words or more that nothing else decides
  const undecided = read.flatMap((r) =>
    'c' in r && !r.contextual && !r.single ? [r.sentence ?? { text, start: 0, end: text.length, paragraph: 0 }] : [],
  );
  const firstNames = firstNameTokensIn(text, undecided, lang);
  for (const r of read) {
    if ('org' in r) {
      out.push(r.org);
      continue;
    }
    const { c, name, forms, single, civ } = r;
    if (r.contextual || (!single && firstNames.has(r.first))) {
      if (!single) accepted.add(normaliseName(name));
      ends.add(c.end);
      starts.add(c.start);
      const f = mk(c.start, c.end, name, single, forms, text);
      if (r.titled) f.titled = r.titled;
      out.push(f);
    } else pending.push({ c, name, single, civ });
  }
  // a name accepted once is a person wherever else the article writes it (or its surname, after a first full mention)
  for (const p of pending) {
    const n = normaliseName(p.name);
    const isKnown =
      accepted.has(n) || [...accepted].some((a) => a.endsWith(' ' + n) || (n.split(' ').length >= 2 && a.endsWith(n)));
    // an interview's speaker label ("Salif Camara :")
    const label = /^\s*:/.test(text.slice(p.c.end, p.c.end + 3));
    // "les ministres A et B": a full name joined by "et" to a person's is another person's
    const conj = /\s+(?:et|and)\s+$/u.exec(text.slice(Math.max(0, p.c.start - 8), p.c.start));
    // … and one joined by "et" (or a comma) to a person's name after it: "a reçu A et B", "A, B et C"
    const next = /^(?:\s+(?:et|and)\s+|\s*,\s*)/u.exec(text.slice(p.c.end, p.c.end + 8));
    const joined =
      !p.single &&
      ((!!conj && ends.has(p.c.start - conj[0].length)) || (!!next && starts.has(p.c.end + next[0].length)));
    // "Awa K. Diarra" after "Awa Kadiatou Diarra": a middle name written as its initial
    const initialled = !p.single && [...accepted].some((a) => personNamesMatch(a, n) === 'spelling');
    if (
      isKnown ||
      joined ||
      initialled ||
      (label && p.name.split(' ').length >= 2 && [...accepted].some((a) => a.endsWith(n)))
    )
      out.push(mk(p.c.start, p.c.end, p.name, p.single || n.split(' ').length === 1, [], text));
  }
  return out;
}

function mk(start: number, end: number, name: string, single: boolean, forms: string[], text: string): Found {
  const keys = [personKey(name)];
  // "Fatoumata dite Fanta Coulibaly" is also "Fatoumata Coulibaly" and "Fanta Coulibaly"
  const dit = /^(.+?)\s+(?:dit|dite|Dit|Dite|DIT|DITE)\s+(\S+)\s+(.+)$/u.exec(name);
  if (dit) keys.push(personKey(`${dit[1]} ${dit[3]}`), personKey(`${dit[2]} ${dit[3]}`));
  const f: Found = {
    start,
    end,
    text: text.slice(start, end),
    kind: 'person',
    rule: single ? 'person-surname' : 'person-context',
    name,
    keys,
    single,
  };
  if (forms.length) f.forms = forms;
  return f;
}
