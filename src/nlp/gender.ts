// A woman's roles in her own gender: "la directrice de Kora Mobile, Awa Sangaré" holds the role
// "Directrice générale", not "Directeur général". The rules match roles by their canonical (masculine)
// label; once an article is read, each person's gender is voted from what the article writes next to
// her names and the titles that stand for her (roles.json `feminine` spellings and `gender` cues), and
// her roles and holds-role edges take the feminine label. Without a feminine vote, or with votes both
// ways, the canonical label stays.
import type { LocalEntity, LocalRelation, Sentence } from '../types.js';
import type { Span } from './candidates.js';
import { expand } from './fragments.js';
import { lexicon } from './lexicon.js';
import { flexible, once, patterns, rx } from './patterns.js';

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[\s-]+/g, ' ')
    .trim();
const alternation = (xs: string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map((x) => flexible(x).replace(/\\\.$/u, '\\.?'))
    .join('|');

const G = once(() => {
  const lex = lexicon();
  const g = lex.gender;
  const civ = alternation([...g.feminineCivilities, ...g.masculineCivilities]);
  return {
    feminineForms: new Set(lex.roles.flatMap((r) => (r.feminine?.forms ?? []).map(fold))),
    label: new Map(lex.roles.flatMap((r) => (r.feminine ? [[r.role, r.feminine.role] as const] : []))),
    canonical: new Map(lex.roles.flatMap((r) => (r.feminine ? [[r.feminine.role, r.role] as const] : []))),
    role: rx(expand(String.raw`(?<![\p{L}])({ROLE})(?![\p{L}])`), 'giu'),
    feminineDeterminer: rx(`(?<![\\p{L}])(?:${alternation(g.feminineDeterminers)})\\s+$`, 'iu'),
    masculineDeterminer: rx(`(?<![\\p{L}])(?:${alternation(g.masculineDeterminers)})\\s+$`, 'iu'),
    feminineCivility: rx(`(?<![\\p{L}])(?:${alternation(g.feminineCivilities)})\\s+$`, 'u'),
    masculineCivility: rx(`(?<![\\p{L}])(?:${alternation(g.masculineCivilities)})\\s+$`, 'u'),
    // a title before the name: "la directrice de Kora Mobile, Mme Awa Sangaré", "la présidente Fanta Koné"
    titleThenName: rx(String.raw`^(?:\s*|\s+(?:de|d['’]|du|des)[^.;:!?«»()]{0,120}?,\s*)(?:(?:${civ})\s*)*$`, 'u'),
    // a title after the name: "Awa Sangaré, directrice générale de …", "Awa Sangaré, la nouvelle DG"
    nameThenTitle: /^\s*,\s*(?:(?:le|la|l['’]|un|une|notre|son|sa|nouveau|nouvelle|actuel|actuelle)\s*){0,2}$/iu,
  };
});

type Vote = 'f' | 'm' | undefined;

/** The gender a role spelling says: a feminine form, else the determiner before it ("la DG", "le DG"). */
function formVote(text: string, sentenceStart: number, form: string, at: number): Vote {
  if (G().feminineForms.has(fold(form))) return 'f';
  const before = text.slice(Math.max(sentenceStart, at - 20), at);
  if (G().feminineDeterminer.test(before)) return 'f';
  return G().masculineDeterminer.test(before) ? 'm' : undefined;
}

/**
 * What one occurrence of a person (a name or a title standing for them) says of their gender: a civility
 * before it, else the nearest title in apposition that is one of the person's roles.
 */
function occurrenceVote(text: string, s: Sentence, at: Span, others: Span[], roles: Set<string>): Vote {
  const before = text.slice(Math.max(s.start, at.start - 20), at.start);
  if (G().feminineCivility.test(before)) return 'f';
  if (G().masculineCivility.test(before)) return 'm';
  const between = (a: number, b: number) => others.some((o) => o.start >= a && o.end <= b);
  let vote: Vote;
  let best = Infinity;
  for (const m of text.slice(s.start, s.end).matchAll(G().role)) {
    if (!roles.has(patterns().roleOf(m[1]!)?.role ?? '')) continue;
    const start = s.start + m.index!;
    const end = start + m[0].length;
    const inside = start >= at.start && end <= at.end;
    const apposed =
      inside ||
      (end <= at.start && G().titleThenName.test(text.slice(end, at.start)) && !between(end, at.start)) ||
      (start >= at.end && G().nameThenTitle.test(text.slice(at.end, start)));
    const d = inside ? 0 : Math.min(Math.abs(at.start - end), Math.abs(start - at.end));
    if (apposed && d < best) [vote, best] = [formVote(text, s.start, m[1]!, start), d];
  }
  return vote;
}

/** The people of an article the article writes as women: a feminine vote and no masculine one. */
export function womenOf(text: string, sentences: Sentence[], entities: LocalEntity[], anaphors: Span[]): Set<string> {
  const people = entities.filter((e) => e.kind === 'person');
  const spans = new Map<string, Span[]>(
    people.map((e) => [
      e.id,
      e.mentions.map((m) => ({ id: e.id, kind: 'person' as const, start: m.start, end: m.end })),
    ]),
  );
  for (const a of anaphors) spans.get(a.id)?.push(a);
  const all = [...spans.values()].flat();
  const women = new Set<string>();
  for (const e of people) {
    const votes = new Set<Vote>();
    const roles = new Set(e.roles);
    for (const at of spans.get(e.id)!) {
      const s = sentences.find((x) => x.start <= at.start && at.end <= x.end);
      if (s)
        votes.add(
          occurrenceVote(
            text,
            s,
            at,
            all.filter((o) => o.id !== e.id),
            roles,
          ),
        );
    }
    if (votes.has('f') && !votes.has('m')) women.add(e.id);
  }
  return women;
}

/** A role as a woman holds it: the feminine label roles.json gives, else the role as it is ("Ministre"). */
export const feminineRole = (role: string): string => G().label.get(role) ?? role;

/** A role whatever the holder's gender: the canonical label of a feminine one ("Directrice" → "Directeur"). */
export const canonicalRole = (role: string): string => G().canonical.get(role) ?? role;

/** The roles and holds-role edges of the women of an article, in the feminine. */
export function genderRoles(
  women: Set<string>,
  entities: LocalEntity[],
  relations: LocalRelation[],
): { entities: LocalEntity[]; relations: LocalRelation[] } {
  if (!women.size) return { entities, relations };
  return {
    entities: entities.map((e) => (women.has(e.id) ? { ...e, roles: e.roles.map(feminineRole) } : e)),
    relations: relations.map((r) =>
      r.kind === 'holds-role' && r.role && women.has(r.source) ? { ...r, role: feminineRole(r.role) } : r,
    ),
  };
}
