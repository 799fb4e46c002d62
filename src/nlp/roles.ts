// holds-role: the role rules of rules.ts read around each person of a sentence (an apposition, a
// possessive, "représentée par", "respectivement"…), in priority order: the first that records a
// role ends the search for that person. Then titles that stand for people ("le DG d’Orange Mali").
import type { Sentence } from '../types.js';
import { escapeRe, once, patterns, rx } from './patterns.js';
import { expand } from './fragments.js';
import { re, type RelationRule } from './rule.js';
import { RELATION_RULES, relationRule } from './rules.js';
import { type Ctx, type Ref, addRole, refsIn } from './context.js';
import { orgOfNoun } from './subject.js';

/** Cues the role resolvers read besides the rules' triggers; built once from the lexicon's roles and civilities. */
const C = once(() => {
  const c = (trigger: string, flags: string) => rx(expand(trigger), flags);
  return {
    role: c(String.raw`(?<![\p{L}])({ROLE})(?![\p{L}])`, 'giu'),
    wordsThenPrep: c(String.raw`^(?:\s+[\p{L}]+){0,6}?{PREP_END}`, 'iu'),
    prepEnd: c('{PREP_END}', 'iu'),
    orgThenNextName: c(String.raw`^(?:\s+(?:au|en)\s+[\p{L}' -]{2,30}?)?\s*,\s*(?:(?:{CIVILITY})\s+)*$`, 'u'),
    commaBeforeName: c(String.raw`^[^.;!?«»\n]{0,200}?,\s*(?:(?:{CIVILITY})\s+)*$`, 'u'),
    roleAfter: c(String.raw`^\s*,\s*(?:le\s+|la\s+|l['’]|the\s+)?(?:nouveau\s+|nouvelle\s+)?({ROLE})(?![\p{L}])`, 'iu'),
    orgNoun: c('^(?:{ORG_NOUNS})$', 'u'),
    // "le représentant de la ministre", "le conseiller du ministre": a title whose complement is another title
    // names of one list: "Oumar Sidibé et Bakary Koné", "MM. A, B et C"
    listJoin: c(String.raw`^\s*(?:,|,?\s*(?:et|and))\s*(?:(?:{CIVILITY})\s+)*$`, 'u'),
    // organisations of one list: "de Kora Mobile et de Baara Networks", "of A and B"
    orgJoin: c(String.raw`^\s*(?:,|,?\s*(?:et|and))\s*(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of\s+the|of)?\s*$`, 'u'),
    // one more item of a list the mentions did not read ("…, et de Sahel Fibre", "… et Awa Koné")
    moreOrgs: c(String.raw`^\s*(?:,|,?\s*(?:et|and))\s*(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of)\s*\p{Lu}`, 'u'),
    moreNames: c(String.raw`^\s*(?:,|,?\s*(?:et|and))\s*(?:(?:{CIVILITY})\s+)*\p{Lu}\p{Ll}`, 'u'),
    orgsThenList: c(String.raw`^\s*,\s*(?:(?:{CIVILITY})\s+)*$`, 'u'),
    // "Les DG de X et de Y, A et B": a plural title, its complement, then the list of names it is the apposition of
    pluralTitleList: c(
      String.raw`(?<![\p{L}])(?:[Ll]es|[Tt]he)\s+(?:deux\s+|trois\s+|two\s+|three\s+)?({ROLE})s?(?![\p{L}])` +
        String.raw`[^.;!?«»\n]{0,160}?,\s*(?:(?:{CIVILITY})\s+)*$`,
      'iu',
    ),
    verbBetween:
      /(?<![\p{L}])(?:a|ont|avait|avaient|aura|est|sont|sera|seront|va|vont)\s+(?:\p{Ll}+ment\s+)?\p{Ll}{3,}[^,]*,/u,
    pluralTitleBefore: c(String.raw`(?<![\p{L}])({ROLE})s?\s+(?:(?:{CIVILITY})\s+)*$`, 'iu'),
    // "… sous la direction du Colonel X, le ministre de A, de B et de C a attiré": a title with its complement,
    // then a verb without a comma — the subject of the main clause, not an apposition of X
    titleThenVerb: c(
      String.raw`^(?:\s*,?\s*(?:et\s+)?(?:de\s+la|de\s+l['’]|du|des|de|d['’]|en\s+charge\s+de)\s*[^,;.()]*?)*` +
        String.raw`\s+(?:a|ont|est|sont|avait|avaient|sera|seront|s['’]est|se|va|vont|vient|doit|peut|fait)\s`,
      'u',
    ),
    // the name closes a prepositional phrase: "sous la direction du Colonel", "en présence de"
    afterPreposition: c(
      String.raw`(?<![\p{L}])(?:de|du|des|par|à|au|aux|avec|pour|chez|d['’])\s*` +
        String.raw`(?:(?:(?:{CIVILITY})\.?|[\p{Lu}][\p{L}.-]*)\s+)*$`,
      'u',
    ),
    titleOfTitle: c(String.raw`(?<![\p{L}])({ROLE})\s+(?:de\s+la|de\s+l['’]|du|des|de)\s*$`, 'iu'),
  };
});

const roleOfForm = (form: string | undefined) => (form ? patterns().roleOf(form)?.role : undefined);

const roleIn = (s: string): string | undefined => {
  const all = [...s.matchAll(C().role)];
  const last = all[all.length - 1];
  return last ? (roleOfForm(last[1]) ?? undefined) : undefined;
};

/** What the role resolvers of one sentence share. */
interface Env {
  ctx: Ctx;
  s: Sentence;
  inS: Ref[];
  persons: Ref[];
  /** The last role recorded in the sentence ("… et celui de Huawei, X" takes it). */
  lastRole?: { role: string; org?: string };
}

/** One person and the text around it. */
interface Around {
  p: Ref;
  before: string;
  after: string;
  orgsBefore: Ref[];
  orgsAfter: Ref[];
}

/** Record that the person holds the role at the organisation (when both are known); true when it did. */
function holds(e: Env, person: Ref, org: string | undefined, role: string | undefined, rule: RelationRule): boolean {
  if (!org || !role) return false;
  addRole(e.ctx, person.id, org, role, e.s, rule);
  e.lastRole = { role, org };
  return true;
}

type Resolve = (e: Env, a: Around, rule: RelationRule) => boolean;

/** Record the role alone (no organisation is sure); true when there is one. */
function addTitle(e: Env, person: Ref, role: string | undefined, rule: RelationRule): boolean {
  if (!role) return false;
  addRole(e.ctx, person.id, undefined, role, e.s, rule);
  return true;
}

/** "les directeurs généraux d’Orange Mali et de Huawei, respectivement Leyti N’Diaye et Jean Sun Wei" */
const respectively: Resolve = (e, { p, before }, rule) => {
  const resp =
    /respectivement\s+$/u.test(before) || (/\s+et\s+$/u.test(before) && /respectivement\s+[^,;.]{0,60}$/u.test(before));
  const m = resp ? re(rule).exec(before) : null;
  if (!m) return false;
  const segStart = e.s.start + m.index!;
  const segEnd = e.s.start + before.lastIndexOf('respectivement');
  const orgs = e.inS.filter((r) => r.kind === 'organisation' && r.start >= segStart && r.end <= segEnd);
  const after = e.persons.filter((r) => r.start > segEnd);
  const names = after.length ? listOf(e, after[0]!) : [];
  const i = names.indexOf(p);
  if (i < 0) return false;
  // as many names as organisations: paired in order; else only the title is sure
  if (orgs.length !== names.length) return addTitle(e, p, roleOfForm(m[1]), rule);
  return holds(e, p, orgs[i]!.id, roleOfForm(m[1]), rule);
};

/** The people of the list `p` belongs to: names joined by a comma or "et", a civility before each. */
function listOf(e: Env, p: Ref): Ref[] {
  const text = e.ctx.text;
  const ps = e.persons;
  const joined = (i: number) => C().listJoin.test(text.slice(ps[i]!.end, ps[i + 1]!.start));
  let a = ps.indexOf(p);
  let b = a;
  while (a > 0 && joined(a - 1)) a--;
  while (b < ps.length - 1 && joined(b)) b++;
  return ps.slice(a, b + 1);
}

/** The organisations of one list, ending with `last` ("de Kora Mobile et de Baara Networks"). */
function orgListEndingWith(e: Env, orgs: Ref[], last: Ref): Ref[] {
  const out = [last];
  for (let k = orgs.indexOf(last); k > 0; k--) {
    if (!C().orgJoin.test(e.ctx.text.slice(orgs[k - 1]!.end, orgs[k]!.start))) break;
    out.unshift(orgs[k - 1]!);
  }
  return out;
}

/** The organisations of one list, starting with `first`. */
function orgListStartingWith(e: Env, orgs: Ref[], first: Ref): Ref[] {
  const out = [first];
  for (let k = orgs.indexOf(first); k < orgs.length - 1; k++) {
    if (!C().orgJoin.test(e.ctx.text.slice(orgs[k]!.end, orgs[k + 1]!.start))) break;
    out.push(orgs[k + 1]!);
  }
  return out;
}

/** "les directeurs généraux de Kora Mobile et de Baara Networks, MM. A et B": as many names as organisations. */
const parallelList: Resolve = (e, { p }, rule) => {
  const list = listOf(e, p);
  const first = list[0]!;
  const orgs = e.inS.filter((r) => r.kind === 'organisation' && r.end <= first.start);
  const last = orgs[orgs.length - 1];
  if (list.length < 2 || !last || !C().orgsThenList.test(e.ctx.text.slice(last.end, first.start))) return false;
  if (C().moreNames.test(e.ctx.text.slice(list[list.length - 1]!.end, e.s.end))) return false;
  const paired = orgListEndingWith(e, orgs, last);
  const m = re(rule).exec(e.ctx.text.slice(e.s.start, paired[0]!.start));
  if (!m || paired.length !== list.length) return false;
  return holds(e, p, paired[list.indexOf(p)]!.id, roleOfForm(m[1]), rule);
};

/**
 * "MM. A et B, (respectivement) directeurs généraux de X et de Y", "les ministres A et B, respectivement de X et de Y":
 * as many organisations as names, paired in order.
 */
const namesThenTitles: Resolve = (e, { p }, rule) => {
  const list = listOf(e, p);
  const last = list[list.length - 1]!;
  const text = e.ctx.text;
  const m = list.length >= 2 ? re(rule).exec(text.slice(last.end, e.s.end)) : null;
  if (!m) return false;
  const firstOrg = e.inS.find((r) => r.kind === 'organisation' && r.start === last.end + m[0].length);
  if (!firstOrg) return false;
  const orgs = orgListStartingWith(
    e,
    e.inS.filter((r) => r.kind === 'organisation' && r.start >= firstOrg.start),
    firstOrg,
  );
  const title = m[1] ?? m[2] ?? C().pluralTitleBefore.exec(text.slice(e.s.start, list[0]!.start))?.[1];
  if (C().moreOrgs.test(text.slice(orgs[orgs.length - 1]!.end, e.s.end))) return false;
  return orgs.length === list.length && holds(e, p, orgs[list.indexOf(p)]!.id, roleOfForm(title), rule);
};

/** The text between the organisation named last before the person and the person, when it is "ROLE de ORG, NAME". */
function orgThenName(e: Env, a: Around, rule: RelationRule): { o: Ref; lead: string } | undefined {
  const o = a.orgsBefore[a.orgsBefore.length - 1];
  if (!o || !re(rule).test(e.ctx.text.slice(o.end, a.p.start))) return undefined;
  return { o, lead: e.ctx.text.slice(Math.max(e.s.start, o.start - 90), o.start) };
}

/**
 * ROLE de ORG (au Mali), NAME: the role nearest the organisation ("le ministre a reçu le DG de X": DG, not ministre).
 */
const titleOfOrgName: Resolve = (e, a, rule) => {
  const at = orgThenName(e, a, rule);
  if (!at) return false;
  const rm = [...at.lead.matchAll(C().role)]
    .reverse()
    .find(
      (m) =>
        C().wordsThenPrep.test(at.lead.slice(m.index! + m[0].length)) &&
        !/[,;]/u.test(at.lead.slice(m.index! + m[0].length)),
    );
  return !!rm && C().prepEnd.test(at.lead) && holds(e, a.p, at.o.id, roleOfForm(rm[1]), rule);
};

/** "… et celui de Huawei, X": the role just recorded, at another organisation. */
const thatOfOrg: Resolve = (e, a, rule) => {
  const at = orgThenName(e, a, relationRule('role:titre-de-org-nom'));
  if (!at || !re(rule).test(at.lead) || !e.lastRole) return false;
  addRole(e.ctx, a.p.id, at.o.id, e.lastRole.role, e.s, rule);
  return true;
};

/** "le Directeur général par intérim du régulateur, Dr X": the organisation named by a common noun. */
const titleOfNoun: Resolve = (e, { p, before }, rule) => {
  const m = re(rule).exec(before);
  return !!m && holds(e, p, orgOfNoun(e.ctx, m[2]!, p.start)?.id, roleOfForm(m[1]), rule);
};

/** "Modibo Diarra, le patron de la société", "X, qui dirige la société malienne". */
const nameTitleOfNoun: Resolve = (e, { p, after }, rule) => {
  const m = re(rule).exec(after);
  if (!m) return false;
  const role = m[1] ? roleOfForm(m[1]) : /^(?:préside)/iu.test(m[2]!) ? 'Président' : 'Directeur général';
  return holds(e, p, orgOfNoun(e.ctx, m[3]!, p.start)?.id, role, rule);
};

/** "X, the Bank’s director general for West Africa", "X, Kora Mobile’s CEO". */
const namePossessive: Resolve = (e, { p, after }, rule) => {
  const m = re(rule).exec(after);
  if (!m) return false;
  // (the pattern is matched without case: "the" may open the owner's name)
  const owner = m[1]!.replace(/^the\s+/iu, '');
  const ownerStart = p.end + m.index! + m[0].lastIndexOf(owner, m[0].length - m[2]!.length);
  const named = e.inS.find((r) => r.kind === 'organisation' && r.start === ownerStart);
  const noun = owner.toLowerCase();
  const org = named ?? (C().orgNoun.test(noun) ? orgOfNoun(e.ctx, noun, p.start) : undefined);
  return holds(e, p, org?.id, roleOfForm(m[2]), rule);
};

/** "X, qui dirige Baara Networks". */
const whoLeads: Resolve = (e, { p, orgsAfter }, rule) => {
  const led = orgsAfter[0];
  const m = led ? re(rule).exec(e.ctx.text.slice(p.end, led.start)) : null;
  return !!m && holds(e, p, led!.id, /^(?:préside|chairs)/iu.test(m[1]!) ? 'Président' : 'Directeur général', rule);
};

/** "the World Bank’s Country Manager for Mali, X", "Malitel’s Chief Executive Officer, X". */
const possessive: Resolve = (e, { p, before }, rule) => {
  const m = re(rule).exec(before);
  if (!m) return false;
  const at = e.s.start + m.index!;
  const owner = e.inS.filter((r) => r.kind === 'organisation' && r.end === at).pop();
  return holds(e, p, owner?.id, roleOfForm(m[1]), rule);
};

/**
 * NAME, (le) ROLE … de ORG; in a list ("X, le DG de Moov Africa Malitel, Y") the title introduces the name after the
 * organisation.
 */
const nameTitleOfOrg: Resolve = (e, { p, orgsAfter }, rule) => {
  const oa = orgsAfter[0];
  if (!oa || oa.start - p.end >= 160) return false;
  const text = e.ctx.text;
  const between = text.slice(p.end, oa.start);
  const nextIsName = e.persons.some((x) => x.start >= oa.end && C().orgThenNextName.test(text.slice(oa.end, x.start)));
  if (!re(rule).test(between) || nextIsName || e.persons.some((x) => x.start > p.end && x.start < oa.start))
    return false;
  // the role nearest the organisation ("porte-parole des bénéficiaires non moins Présidente-Fondatrice de l’…")
  const rm = [...between.matchAll(C().role)].pop();
  if (!rm || !rx(`(?<![\\p{L}])${escapeRe(rm[1]!)}(?:\\s+[\\p{L}]+){0,3}?${expand('{PREP_END}')}`, 'iu').test(between))
    return false;
  return holds(e, p, oa.id, roleOfForm(rm[1]), rule);
};

/** ORG, représentée par (son DG) NAME; a participle opening the sentence names the organisation after the name. */
const agentOf: Resolve = (e, { p, before }, rule) => {
  const m = re(rule).exec(before);
  if (!m) return false;
  const text = e.ctx.text;
  const verbPos = e.s.start + m.index!;
  const fronted = /^[\s«"“]*$/u.test(text.slice(e.s.start, verbPos));
  const org = fronted
    ? e.inS.find(
        (r) =>
          r.kind === 'organisation' &&
          r.start >= p.end &&
          /^[\s,]*(?:la\s+|le\s+|l['’]|the\s+)?$/iu.test(text.slice(p.end, r.start)),
      )
    : e.inS.filter((r) => r.kind === 'organisation' && r.end <= verbPos && verbPos - r.end < 120).pop();
  const verb = m[1]!;
  const role = m[2]
    ? roleOfForm(m[2])
    : /^(?:représ|represent)/iu.test(verb)
      ? 'Représentant'
      : /^(?:présid|chair)/iu.test(verb)
        ? 'Président'
        : /fond|found|créé/iu.test(verb)
          ? 'Fondateur'
          : 'Directeur';
  return holds(e, p, org?.id, role, rule);
};

/** "Huawei, dont le directeur général au Mali, Zhou Hanlin, …". */
const whoseTitle: Resolve = (e, { p, before }, rule) => {
  const m = re(rule).exec(before);
  if (!m) return false;
  const at = e.s.start + m.index!;
  const org = e.inS.filter((r) => r.kind === 'organisation' && r.end <= at).pop();
  return !!org && /^\s*$/u.test(e.ctx.text.slice(org.end, at)) && holds(e, p, org.id, roleOfForm(m[1]), rule);
};

/** ORG …, à travers son directeur général, NAME / et son 1er vice-président, NAME. */
const itsTitle: Resolve = (e, { p, before, orgsBefore }, rule) => {
  const m = re(rule).exec(before);
  if (!m) return false;
  const org =
    e.lastRole?.org ??
    orgsBefore[orgsBefore.length - 1]?.id ??
    e.ctx.refs.filter((r) => r.kind === 'organisation' && r.end <= p.start && p.start - r.end < 400).pop()?.id;
  return holds(e, p, org, roleOfForm(m[1]), rule);
};

/**
 * A role without an organisation ("le ministre de la Communication, …, NAME"; "NAME, porte-parole"): the last role
 * written before the name, with nothing but its complement in between.
 */
const apposition: Resolve = (e, { p, before, after }, rule) => {
  // "Les DG de X et de Y, A et B": every name of the list has the plural title (which organisation is not sure)
  const list = listOf(e, p);
  const plural = list.length >= 2 ? C().pluralTitleList.exec(e.ctx.text.slice(e.s.start, list[0]!.start)) : null;
  if (plural) return addTitle(e, p, roleOfForm(plural[1]), rule);
  const lastPerson = e.persons.filter((x) => x.end <= p.start).pop();
  const apBefore = [...before.matchAll(C().role)]
    .filter((m) => !lastPerson || e.s.start + m.index! > lastPerson.end)
    .reverse()
    .find((m) => {
      const rest = before.slice(m.index! + m[0].length);
      // "le DG de X a reçu les délégués, A": the title is the subject of a verb, the name another phrase's apposition
      return C().commaBeforeName.test(rest) && !C().verbBetween.test(rest);
    });
  const m = re(rule).exec(before) ?? apBefore;
  // "le représentant de la ministre, X": X holds the title the other one is the complement of
  const head = m ? C().titleOfTitle.exec(before.slice(0, m.index!)) : null;
  const r = (head ?? m ?? titleAfter(before, after))?.[1];
  const role = r ? (roleOfForm(r) ?? roleIn(r)) : undefined;
  if (role) addRole(e.ctx, p.id, undefined, role, e.s, rule);
  return !!role;
};

/**
 * "NAME, le ROLE …" after the name, unless the title opens the main clause: the name ends a prepositional phrase
 * and the title is followed by its verb ("sous la direction du Colonel X, le ministre de … a attiré").
 */
function titleAfter(before: string, after: string): RegExpExecArray | null {
  const m = C().roleAfter.exec(after);
  if (!m || !C().afterPreposition.test(before)) return m;
  return C().titleThenVerb.test(after.slice(m[0].length)) ? null : m;
}

/** A title followed by at most three words and the preposition before its organisation. */
const titleThenPrep = (text: string, title: string) =>
  rx(`(?<![\\p{L}])${escapeRe(title)}(?:\\s+[\\p{L}]+){0,3}?${expand('{PREP_END}')}`, 'iu').test(text);

/**
 * "NAME, PCA de A et DG de B", "le PCA de A, NAME par ailleurs DG de B": a second title, at the organisation named
 * after one where the person's role was just read (never across another name, nor before a list's next name).
 */
function secondTitles(e: Env, a: Around): void {
  const rule = relationRule('role:second-titre');
  const text = e.ctx.text;
  const held = (o: Ref) => e.ctx.roleOf.get(a.p.id)?.some((r) => r.org === o.id) ?? false;
  // right after the name, only an added title ("par ailleurs DG de B"): "X et la DRH de B, Y" is Y's title
  const added = /^\s*,?\s*(?:par\s+ailleurs|également|aussi|en\s+outre|also|as\s+well\s+as)\s/u;
  let anchor: Ref | undefined =
    a.orgsBefore.some(held) && added.test(text.slice(a.p.end, a.orgsAfter[0]?.start ?? a.p.end)) ? a.p : undefined;
  for (const o of a.orgsAfter) {
    if (o.start - a.p.end > 240 || e.persons.some((x) => x.start > a.p.end && x.start < o.start)) return;
    // the title introduces the next name ("…, et le DG de B, Y"), not a second title of this person
    const next = e.persons.find((x) => x.start >= o.end);
    if (next && C().commaBeforeName.test(text.slice(o.end, next.start))) return;
    const between = anchor ? text.slice(anchor.end, o.start) : '';
    const rm = [...between.matchAll(C().role)].pop();
    if (anchor && !held(o) && rm && re(rule).test(between) && titleThenPrep(between, rm[1]!))
      holds(e, a.p, o.id, roleOfForm(rm[1]), rule);
    anchor = held(o) ? o : undefined;
  }
}

/** The resolver of each role rule read around a person. */
const AROUND: Record<string, Resolve> = {
  'role:respectivement': respectively,
  'role:liste-parallèle': parallelList,
  'role:noms-puis-titres': namesThenTitles,
  'role:titre-de-org-nom': titleOfOrgName,
  'role:celui-de-org': thatOfOrg,
  'role:titre-de-nom-commun': titleOfNoun,
  'role:nom-titre-de-nom-commun': nameTitleOfNoun,
  'role:nom-possessif': namePossessive,
  'role:qui-dirige': whoLeads,
  'role:à-la-tête-de': whoLeads,
  'role:possessif': possessive,
  'role:org-titre-nom': possessive,
  'role:nom-titre-de-org': nameTitleOfOrg,
  'role:a-été-nommé': nameTitleOfOrg,
  'role:représentée-par': agentOf,
  'role:dont-le-titre': whoseTitle,
  'role:son-titre': itsTitle,
  'role:apposition': apposition,
};
const AROUND_RULES = once(() => RELATION_RULES.filter((r) => AROUND[r.id]).sort((a, b) => a.priority - b.priority));

/** The roles a sentence gives the people it names. */
export function appositionRoles(ctx: Ctx, s: Sentence): void {
  const inS = refsIn(ctx, s);
  const e: Env = { ctx, s, inS, persons: inS.filter((r) => r.kind === 'person') };
  for (const p of e.persons) {
    const a: Around = {
      p,
      before: ctx.text.slice(s.start, p.start),
      after: ctx.text.slice(p.end, s.end),
      orgsBefore: inS.filter((r) => r.kind === 'organisation' && r.end <= p.start),
      orgsAfter: inS.filter((r) => r.kind === 'organisation' && r.start >= p.end),
    };
    for (const rule of AROUND_RULES()) if (AROUND[rule.id]!(e, a, rule)) break;
    secondTitles(e, a);
  }
}
