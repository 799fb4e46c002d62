// Definite descriptions that stand for an organisation the article names ("le ministère", "au
// département", "the regulator", "l’opérateur"): a mention of the organisation of that class the article
// named last before it, else of the only one it names (rule org-description). The classes, their nouns
// and what makes an organisation one of them are data (data/lexicons/descriptions.json). One pass over
// the article's mentions in text order: no description is compared with every earlier mention.
import type { LocalEntity, Mention } from '../types.js';
import { lexicon, lexiconSector, type OrgClass } from './lexicon.js';
import { escapeRe, once, rx } from './patterns.js';
import { Claims } from './found.js';

interface Compiled {
  /** The descriptions of every class: group 1 the noun as written. */
  re: RegExp;
  /** normalised noun → class */
  classOf: Map<string, string>;
  /** class → does this organisation (name, lexicon sector) belong to it */
  member: Map<string, (name: string, sector: string | undefined) => boolean>;
}

const nounKey = (s: string) => s.toLowerCase().replace(/\s+/gu, ' ');

const COMPILED = once((): Compiled => {
  const classes: OrgClass[] = lexicon().orgClasses;
  const classOf = new Map<string, string>();
  const member = new Map<string, (name: string, sector: string | undefined) => boolean>();
  for (const c of classes) {
    for (const n of c.nouns) classOf.set(nounKey(n), c.class);
    const names = c.names.map((p) => new RegExp(p, 'u'));
    const sectors = new Set(c.sectors);
    member.set(c.class, (name, sector) => (!!sector && sectors.has(sector)) || names.some((p) => p.test(name)));
  }
  const nouns = [...classOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRe(n).replace(/ /gu, String.raw`\s+`));
  // a determiner of one thing ("le", "au", "du", "the", "this"), then the noun; a capital right after it or a
  // complement ("le ministère de la Santé", "l’opérateur Orange") names the organisation instead
  const re = rx(
    String.raw`(?<![\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’]|[Aa]u|[Dd]u|[Cc]e|[Cc]et|[Cc]ette|[Ss]on|[Ss]a|` +
      String.raw`[Tt]he|[Tt]his|[Ii]ts)` +
      String.raw`\s*(${nouns.join('|')})(?![\p{L}\p{N}-])` +
      String.raw`(?!\s*(?:\(|[\p{Lu}]|(?:de|du|des|d['’]|of|en\s+charge|chargée?)(?![\p{L}])))`,
    'gu',
  );
  return { re, classOf, member };
});

/** The classes each organisation of the article belongs to. */
function classesOf(entities: LocalEntity[], c: Compiled): Map<LocalEntity, string[]> {
  const out = new Map<LocalEntity, string[]>();
  for (const e of entities) {
    if (e.kind !== 'organisation') continue;
    const sector = lexiconSector(e);
    const names = [e.name, ...e.forms];
    const mine = [...c.member].filter(([, is]) => names.some((n) => is(n, sector))).map(([k]) => k);
    if (mine.length) out.set(e, mine);
  }
  return out;
}

/**
 * Adds to each organisation the descriptions that stand for it: the organisation of the class named last
 * before the description (in text order), else the only one of the class in the article. A description
 * inside a mention already found, or with no organisation of its class to refer to, is left alone.
 */
export function describedMentions(text: string, entities: LocalEntity[]): void {
  const c = COMPILED();
  const member = classesOf(entities, c);
  if (!member.size) return;
  // every mention of an organisation of some class, in text order
  const named: Array<{ start: number; end: number; e: LocalEntity }> = [];
  const taken = new Claims();
  for (const e of entities) for (const m of e.mentions) taken.add(m.start, m.end);
  for (const [e] of member) for (const m of e.mentions) named.push({ start: m.start, end: m.end, e });
  named.sort((a, b) => a.start - b.start);
  const only = new Map<string, LocalEntity | null>();
  for (const [e, classes] of member) for (const k of classes) only.set(k, only.has(k) ? null : e);

  const last = new Map<string, LocalEntity>();
  let i = 0;
  for (const m of text.matchAll(c.re)) {
    const start = m.index! + m[0].length - m[1]!.length;
    const end = m.index! + m[0].length;
    for (; i < named.length && named[i]!.end <= start; i++)
      for (const k of member.get(named[i]!.e)!) last.set(k, named[i]!.e);
    // "l’opérateur historique Sotelma": the name follows its qualifiers
    if (taken.overlaps(m.index!, end) || NAME_AFTER.test(text.slice(end, end + 60))) continue;
    const k = c.classOf.get(nounKey(m[1]!))!;
    const e = last.get(k) ?? only.get(k);
    if (!e) continue;
    const mention: Mention = { text: m[1]!, start, end, kind: 'organisation', rule: 'org-description' };
    e.mentions.push(mention);
  }
  for (const e of member.keys()) e.mentions.sort((a, b) => a.start - b.start);
}

/** One to three words in lower case, then a capitalised word: a name after the noun's qualifiers. */
const NAME_AFTER = /^(?:\s+[\p{Ll}-]+){1,3}\s+\p{Lu}/u;
