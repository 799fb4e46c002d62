// Titles standing for people ("le ministre", "le DG d’Orange-Mali"): rules role:titre and
// role:titre-puis-nom. A title resolves to the person named with that role (at that organisation),
// else to the next person the article introduces without a role, who then holds it.
import type { LocalEntity, Sentence } from '../types.js';
import { expand } from './fragments.js';
import { escapeRe, patterns, rx, once, scan } from './patterns.js';
import { lexicon } from './lexicon.js';
import { re } from './rule.js';
import { relationRule } from './rules.js';
import { type Ctx, addRole, refsIn } from './context.js';
import { lowerBound } from '../text/search.js';

/** Roles of the state: a minister received at a company's offices does not work there. */
const GOVERNMENT_ROLES = new Set([
  'Ministre',
  'Premier ministre',
  'Président de la République',
  'Ambassadeur',
  'Gouverneur',
  'Commissaire',
]);

const C = once(() => ({
  titlePrep: rx(expand(String.raw`^(?:\s+[\p{Ll}]+){0,2}?\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*`), 'u'),
  premises: rx(
    expand(
      String.raw`(?:direction(?:\s+générale)?|siège|locaux|bureaux)\s+` +
        String.raw`(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])\s*$`,
    ),
    'iu',
  ),
}));

/** "le président de la faîtière des incubateurs, X": a complement no organisation was found in, then the name. */
const OF_UNNAMED_ORG =
  /^\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[\p{L}'’ -]{2,50}?,\s*(?:[\p{Lu}][\p{L}.]*\s+){0,3}$/u;

interface Title {
  start: number;
  end: number;
  role: string;
  org?: string;
  plural: boolean;
  sentence: Sentence;
  /** A description ("le diplomate"): it stands only for a person named with the role, never for the next named. */
  description?: boolean;
}

/** "le diplomate iranien", "le chef du gouvernement": nouns of descriptions.json, a nationality after them. */
const DESCRIPTIONS = once(() => {
  const lex = lexicon();
  const roleOf = new Map<string, string>();
  for (const d of lex.personDescriptions) for (const n of d.nouns) roleOf.set(n.toLowerCase(), d.role);
  const alt = (xs: string[]) =>
    [...xs]
      .sort((a, b) => b.length - a.length)
      .map((x) => escapeRe(x).replace(/ /gu, String.raw`\s+`))
      .join('|');
  const re = rx(
    String.raw`(?<![\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Aa]u|[Tt]he)\s*(${alt([...roleOf.keys()])})` +
      String.raw`(?:\s+(?:${alt(lex.demonyms)})(?:n?e)?)?(?![\p{L}])`,
    'giu',
  );
  return { re, roleOf };
});

/** A title (or a description) written in a sentence: where, the role it names, whether plural. */
interface Written {
  index: number;
  text: string;
  role: string;
  description: boolean;
}

/** The titles and descriptions of people written in a sentence, in the order of the two patterns. */
function writtenTitles(s: Sentence): Written[] {
  const out: Written[] = [];
  for (const m of scan(re(relationRule('role:titre')), s.text)) {
    const role = patterns().roleOf(m[1]!)?.role;
    if (role) out.push({ index: m.index!, text: m[0], role, description: false });
  }
  const d = DESCRIPTIONS();
  if (d.roleOf.size)
    for (const m of scan(d.re, s.text)) {
      const role = d.roleOf.get(m[1]!.toLowerCase().replace(/\s+/gu, ' '));
      if (role) out.push({ index: m.index!, text: m[0], role, description: true });
    }
  return out;
}

/** The titles of one sentence that stand for a person (not those in a person's apposition). */
function titlesIn(ctx: Ctx, s: Sentence): Title[] {
  const out: Title[] = [];
  const inS = refsIn(ctx, s);
  for (const w of writtenTitles(s)) {
    const start = s.start + w.index;
    let end = start + w.text.length;
    const role = w.role;
    // "… de ORG" right after
    let org: string | undefined;
    const prep = C().titlePrep.exec(ctx.text.slice(end, s.end));
    const o = prep ? inS.find((r) => r.kind === 'organisation' && r.start === end + prep[0].length) : undefined;
    if (o) {
      org = o.id;
      end = o.end;
    }
    // "À son arrivée à la direction générale d’Orange, le directeur adjoint …": the title is at that organisation
    if (!org && !GOVERNMENT_ROLES.has(role))
      org = inS
        .filter((r) => r.kind === 'organisation' && r.end <= start)
        .find((r) => C().premises.test(ctx.text.slice(Math.max(s.start, r.start - 40), r.start)))?.id;
    // an apposition ("le DG d’Orange, Leyti N’Diaye") is handled as a role, not a title mention
    const tail = ctx.text.slice(end, Math.min(s.end, end + 80));
    const nextPerson = inS.find((r) => r.kind === 'person' && r.start >= end);
    if (
      nextPerson &&
      (/^(?:\s+(?:au|en)\s+[\p{L}' -]{2,30}?)?\s*,?\s*(?:[\p{Lu}][\p{L}.]*\s+){0,3}$/u.test(
        ctx.text.slice(end, nextPerson.start),
      ) ||
        OF_UNNAMED_ORG.test(ctx.text.slice(end, nextPerson.start)))
    )
      continue;
    if (/^\s*,\s*(?:porte-parole|[\p{Lu}])/u.test(tail) && nextPerson && nextPerson.start - end < 60) continue;
    // inside a person's own name span or apposition already
    if (inS.some((r) => r.kind === 'person' && r.start <= start && r.end >= end)) continue;
    const t: Title = { start, end, role, plural: /^[Ll]es/u.test(w.text), sentence: s };
    if (org) t.org = org;
    if (w.description) t.description = true;
    out.push(t);
  }
  return out;
}

/** Where each person is named, sorted once: the first place, and the last before a title by binary search. */
class Places {
  private readonly starts = new Map<LocalEntity, number[]>();
  constructor(persons: LocalEntity[]) {
    for (const e of persons)
      this.starts.set(
        e,
        e.mentions.map((m) => m.start).sort((a, b) => a - b),
      );
  }
  first(e: LocalEntity): number {
    return this.starts.get(e)?.[0] ?? Infinity;
  }
  /** The last place before `pos` the person is named, -1 when none. */
  lastBefore(e: LocalEntity, pos: number): number {
    const s = this.starts.get(e) ?? [];
    const i = lowerBound(s.length, (j) => s[j]! < pos);
    return i ? s[i - 1]! : -1;
  }
}

/** The people a title stands for: a person with that role (at that organisation), the latest before. */
function holdersOf(ctx: Ctx, t: Title, persons: LocalEntity[], at: Places): LocalEntity[] {
  const sameRole = (e: LocalEntity) =>
    e.roles.some((r) => r === t.role || r.startsWith(t.role) || t.role.startsWith(r));
  const atOrg = (e: LocalEntity) => !t.org || (ctx.roleOf.get(e.id) ?? []).some((r) => r.org === t.org);
  let who: LocalEntity[] = persons.filter((e) => sameRole(e) && atOrg(e));
  // "la DG": the holders of exactly that title before those of a broader one ("Directeur")
  const exact = who.filter((e) => e.roles.includes(t.role));
  if (exact.length) who = exact;
  // "le président du Conseil d’administration d’Orange Mali" after "le nouveau président …": the holder named without
  // organisation
  if (!who.length && t.org) {
    const loose = persons.filter((e) => sameRole(e) && !(ctx.roleOf.get(e.id) ?? []).length);
    if (loose.length === 1) who = loose;
  }
  if (!t.plural && who.length > 1) {
    const before = who.filter((e) => at.first(e) < t.start);
    who = [(before.length ? before : who).sort((a, b) => at.lastBefore(b, t.start) - at.lastBefore(a, t.start))[0]!];
  }
  return who;
}

/** A verb right before a title: the title is its object ("a reçu la directrice de X", "rencontre le DG"). */
const VERB_BEFORE = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:a|ont|avait|avaient|aura|auront|va|vont|sera|seront|has|have|had|will)\s+` +
    String.raw`(?:\p{Ll}+ment\s+)?\p{Ll}+|(?<![\p{L}])(?:reçoit|reçoivent|rencontre|rencontrent|accueille|` +
    String.raw`accueillent|félicite|remercie|salue|nomme|receives|meets|thanked|welcomed))\s*$`,
  'u',
);

/**
 * A title that is another noun phrase than the person it would fall back to: that person is named before it in the
 * same sentence ("X a reçu la directrice de Y"), or the title is a verb's object. It stands for someone unnamed.
 */
function otherPhrase(ctx: Ctx, t: Title, e: LocalEntity): boolean {
  const lead = ctx.text.slice(t.sentence.start, t.start);
  return VERB_BEFORE.test(lead) || e.mentions.some((m) => m.start >= t.sentence.start && m.end <= t.start);
}

/** "Le DG de X a reçu les délégués, A": a person named after the title's own verb, in its sentence, is another. */
function objectAfter(ctx: Ctx, t: Title, first: number): boolean {
  return first < t.sentence.end && VERB_AFTER.test(ctx.text.slice(t.end, first));
}
const VERB_AFTER =
  /(?<![\p{L}])(?:a|ont|avait|avaient|aura|est|sont|sera|seront|va|vont|reçoit|rencontre|has|have|had|will)\s/u;

/** A past participle ("reçu", "accueillie", "invités"; "welcomed"). */
const PARTICIPLE = String.raw`\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|ed)`;
/** "Reçu par le DG de X, Y …": a sentence that opens on a participle, whose subject comes after the clause. */
const PARTICIPLE_CLAUSE = new RegExp(String.raw`^\s*${PARTICIPLE}\s+(?:\p{Ll}+\s+){0,3}?(?:par|by)\s+$`, 'u');
/** "Il a été reçu par le DG de X": a pronoun, the passive, the title as its agent. */
const PRONOUN_PASSIVE = new RegExp(
  String.raw`^\s*(?:il|elle|ils|elles|he|she|they)\s+(?:a\s+été|ont\s+été|avait\s+été|est|sont|fut|furent|` +
    String.raw`was|were|has\s+been|had\s+been)\s+(?:\p{Ll}+ment\s+)?${PARTICIPLE}\s+[^,.;:]{0,40}?(?:par|by)\s+$`,
  'iu',
);

/**
 * A title that is the agent of a passive ("… a été reçu par le directeur général de X") names someone else than the
 * passive's subject: 'clause' when the sentence opens on the participle (the subject is the next name in it),
 * 'pronoun' when a pronoun is the subject (a person named before). Undefined for any other title.
 */
function passiveAgent(ctx: Ctx, t: Title): 'clause' | 'pronoun' | undefined {
  const lead = ctx.text.slice(t.sentence.start, t.start);
  if (PARTICIPLE_CLAUSE.test(lead)) return 'clause';
  return PRONOUN_PASSIVE.test(lead) ? 'pronoun' : undefined;
}

export function titleMentions(ctx: Ctx): void {
  const pending = ctx.sentences.flatMap((s) => titlesIn(ctx, s));
  const persons = [...ctx.entities.values()].filter((e) => e.kind === 'person');
  const at = new Places(persons);
  for (const t of pending) {
    let who = holdersOf(ctx, t, persons, at);
    if (!who.length && !t.plural && !t.description) {
      // a title first, the name later: the next person the article introduces without a role (not the subject of
      // the passive the title is the agent of: "Reçu par le DG de X, Y a …")
      const passive = passiveAgent(ctx, t);
      const subject = (e: LocalEntity) => passive === 'clause' && at.first(e) < t.sentence.end;
      const next = persons
        .filter((e) => at.first(e) > t.start && !e.roles.length && !objectAfter(ctx, t, at.first(e)) && !subject(e))
        .sort((a, b) => at.first(a) - at.first(b))[0];
      // the name right before the title ("du Colonel X, le ministre de … a attiré") would have taken it as an
      // apposition: a title that did not stay with it names someone else
      const apposed = (e: LocalEntity) =>
        e.mentions.some((m) => m.end <= t.start && /^\s*,\s*$/u.test(ctx.text.slice(m.end, t.start)));
      const unique = persons.filter((e) => !e.roles.length && !apposed(e));
      const alone = unique.length === 1 && !passive && !otherPhrase(ctx, t, unique[0]!) ? unique[0] : undefined;
      const cand = next ?? alone;
      if (cand) {
        who = [cand];
        addRole(ctx, cand.id, t.org, t.role, t.sentence, relationRule('role:titre-puis-nom'));
      }
    } else if (t.org && !t.description)
      for (const e of who)
        if (!(ctx.roleOf.get(e.id) ?? []).some((r) => r.org === t.org))
          addRole(ctx, e.id, t.org, t.role, t.sentence, relationRule('role:titre'));
    for (const e of who) ctx.refs.push({ id: e.id, kind: 'person', start: t.start, end: t.end, via: 'title' });
  }
  ctx.refs.sort((a, b) => a.start - b.start);
}
