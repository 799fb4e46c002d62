// Relations of one article: roles from appositions and titles, meetings, commitments, agreements,
// sanctions and discussed topics. Every relation keeps its sentence and the id of its rule.
import type { LocalEntity, LocalRelation, RelationKind, Sentence } from '../types.js';
import { lexicon } from './lexicon.js';
import { escapeRe, once, patterns, rx, scan } from './patterns.js';
import { topicsIn } from './topics.js';
import {
  COMMIT,
  ANY_FUTURE,
  FIRST_PERSON_FUTURE,
  QUOTE_AFTER,
  ASSURANCE_AFTER,
  ASSURANCE_AFTER_EN,
  QUOTE_BEFORE,
  QUOTE_COMMIT_ID,
  DISCUSS,
  MEET_ACTIVE,
  MEET_AUDIENCE,
  MEET_PASSIVE,
  MEET_WITH,
  MEET_RECEIVED_BY,
  MEET_EACH_OTHER,
  TWO_PEOPLE,
  MEET_BETWEEN,
  ORG_ANAPHOR,
  PARTIES_ANAPHOR,
  PRONOUN_SUBJECT,
  SANCTION,
  SANCTION_PASSIVE,
  SANCTION_RECEIVED,
  SIGN,
  STATUS_WORDS,
  VISIT,
  ATTENDEES,
  COMPANION,
  forLang,
  ruleConfidence,
  type CommitmentStatus,
} from './rules.js';
import { eventDateOf } from '../clean/dates.js';

type Kind = 'person' | 'organisation';

export interface Ref {
  id: string;
  kind: Kind;
  start: number;
  end: number;
  via: 'name' | 'title' | 'pronoun';
}

export interface TopicEntity {
  id: string;
  label: string;
}

export interface RelationsResult {
  relations: LocalRelation[];
  /** Topic entities that relations point to. */
  topics: TopicEntity[];
}

interface Ctx {
  text: string;
  sentences: Sentence[];
  entities: Map<string, LocalEntity>;
  refs: Ref[];
  relations: LocalRelation[];
  /** person id → [org id, role] from this article */
  roleOf: Map<string, Array<{ org: string; role: string }>>;
  topics: Map<string, TopicEntity>;
  /** Event dates already read from sentences, by sentence start (null: the sentence gives none). */
  eventDates: Map<number, { date: string; precision: 'day' | 'month' | 'year' } | null>;
  /** The parties of the last agreement signed in the article ("les deux parties"). */
  parties: string[];
  /** Publication date, against which "mardi dernier" is resolved. */
  published?: string;
}

/** Public bodies, lenders and agencies: not what "l’opérateur" or "the company" refers back to. */
const PUBLIC_BODY = /^(?:Minist|Agence|Autorité|Banque|Fonds|Direction|Union|Commission|Conseil|Office|Agency|Authority|Bank|Fund|Ministry|West African Development Bank)|(?:Bank|Fund|Agency|Authority)\b/u;

/** Sentences whose subject is a body that is not an entity of the graph. */
const GENERIC_SUBJECT = /^(?:[\p{L}’' ,]{0,40}?)(?:[Ll]e\s+gouvernement|[Ll]es\s+autorités|[Ll]['’](?:État|Etat|exécutif)|[Ll]e\s+[Cc]onseil\s+des\s+[Mm]inistres|[Tt]he\s+government|[Tt]he\s+authorities)\b/u;

/** Roles of the state: a minister received at a company's offices does not work there. */
const GOVERNMENT_ROLES = new Set(['Ministre', 'Premier ministre', 'Président de la République', 'Ambassadeur', 'Gouverneur', 'Commissaire']);

const HEAD_ANAPHOR = /(?<![\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’]|[Tt]he)\s*([Ff]onds|[Aa]gence|[Aa]utorité|[Bb]anque|[Ff]édération|[Aa]ssociation|[Uu]nion|[Oo]ffice|[Cc]ommission|[Ff]ondation|[Ff]und|[Aa]gency|[Aa]uthority|[Bb]ank|[Rr]égulateur|[Rr]egulator)(?!\s*[\p{Lu}(])/gu;
const normaliseHead = (w: string) => w.toLowerCase();
function headMatches(name: string, head: string): boolean {
  const n = name.toLowerCase();
  head = head.toLowerCase();
  if (head === 'régulateur' || head === 'regulator') return /régulation|regulat|autorité|authority/u.test(n);
  // French names open with their head ("Banque mondiale"), English ones end with it ("African Development Bank")
  return n.startsWith(head + ' ') || n.includes(' ' + head + ' ') || n.endsWith(' ' + head);
}

/** Regulators, courts and central banks: who warns, fines or suspends. */
const AUTHORITY = /^(?:Autorité|Commission|Conseil|Tribunal|Cour|Banque centrale|Direction générale|Agence de régulation|Authority|Commission|Court|Central Bank)|Régulation|Regulat|BCEAO|APDP|AMRTP/u;

/** Banks, funds and lenders: what "l’établissement" or "the lender" refers back to. */
const FINANCIAL = /Banque|Bank|Fonds|Fund|Caisse|Crédit|Credit|Microfinance|BOAD|FAGACE|BCEAO/u;

const PREP_END = `\\s+(?:de\\s+la|de\\s+l['’]|du|des|de|d['’]|of\\s+the|of|au|aux|à\\s+la|à\\s+l['’]|auprès\\s+(?:du|de\\s+la|de\\s+l['’]|des))\\s*$`;

/** Common nouns that stand for an organisation named before: "le DG de la société", "the company’s CEO". */
const ORG_NOUNS = 'régulateur|opérateur|société|agence|autorité|banque|groupe|entreprise|institution|firme|compagnie|fonds|collectif|syndicat|association|coopérative|fintech|regulator|operator|company|agency|bank|firm|group|lender|institution';
/** What may follow a title before the name: "directrice des affaires réglementaires", "directeur pour le Mali", "chargé des opérations". */
const TITLE_COMPLEMENT = `(?:\\s+(?:des|du|de\\s+la|de\\s+l['’]|de|d['’]|chargée?s?\\s+(?:de|des|du|de\\s+la)|pour|for|in)\\s*[^,;.«»]{2,40}?)?`;

/** The rules' patterns that embed the lexicons' roles and civilities: built once, on first use. */
const R = once(() => {
  const { ROLE, ROLE_CS, CIVILITY } = patterns();
  return {
    role: rx(`(?<![\\p{L}])(${ROLE})(?![\\p{L}])`, 'giu'),
    respectively: rx(`(${ROLE})[^.;]*?,?\\s*respectivement\\s+[^;.]*$`, 'iu'),
    orgThenName: rx(`^(?:\\s+(?:au|en|du|de\\s+la|pour\\s+l['’])\\s+[\\p{L}' -]{2,30}?)?(?:\\s*,\\s*l['’]une?\\s+des\\s+[^,;.]{2,40})?\\s*,\\s*(?:(?:${CIVILITY})\\s+)*$`, 'u'),
    wordsThenPrep: rx(`^(?:\\s+[\\p{L}]+){0,6}?${PREP_END}`, 'iu'),
    celui: rx(`(?:celui|celle)${PREP_END}`, 'iu'),
    prepEnd: rx(`${PREP_END}`, 'iu'),
    roleOfCommonNoun: rx(`(?<![\\p{L}])(${ROLE})(?:\\s+par\\s+intérim)?(?:\\s+(?:des|du|de\\s+la|de\\s+l['’])\\s*\\p{Ll}[\\p{L}-]+)?\\s+(?:du|de\\s+la|de\\s+l['’]|of\\s+the)\\s*(?:\\p{L}+\\s+)?(${ORG_NOUNS})${TITLE_COMPLEMENT}\\s*,\\s*(?:(?:${CIVILITY})\\s+)*$`, 'iu'),
    // NAME, le ROLE de la société / qui dirige la société
    roleOfCommonNounAfter: rx(`^\\s*,\\s*(?:(?:(?:le|la|l['’]|the)\\s+)?(?:nouveau\\s+|nouvelle\\s+)?(${ROLE})\\s+(?:du|de\\s+la|de\\s+l['’]|of\\s+the)|qui\\s+(dirige|pilote|gère|préside)\\s+(?:depuis\\s+[^,;.]{1,30}?\\s+)?(?:le|la|l['’]))\\s*(?:\\p{L}+\\s+)?(${ORG_NOUNS})(?![\\p{L}])`, 'iu'),
    // NAME, the Bank’s director general for West Africa / NAME, Kora Mobile’s CEO
    possessiveAfter: rx(`^\\s*,\\s*(?:the\\s+)?([\\p{Lu}][\\p{L}-]*(?:\\s+[\\p{Lu}][\\p{L}-]*){0,3})['’]s\\s+(?:new\\s+)?(${ROLE})(?![\\p{L}])`, 'iu'),
    // NAME, qui dirige ORG
    leadsOrg: rx(`^\\s*,\\s*(?:qui|who)\\s+(dirige|pilote|gère|préside|leads|heads|runs|chairs)\\s+(?:depuis\\s+[^,;.]{1,30}?\\s+)?(?:la\\s+|le\\s+|l['’]|the\\s+)?$`, 'iu'),
    // the World Bank’s Country Manager for Mali, NAME
    possessiveRole: rx(`['’]s\\s+(?:new\\s+)?(${ROLE})(?:\\s+(?:for|in)\\s+[^,;.]{2,30}?)?\\s*,?\\s*(?:(?:${CIVILITY})\\s+)*$`, 'iu'),
    nameThenRole: rx(`^(?:\\s+(?:dite?|alias)\\s+\\S+)?\\s*(?:\\(\\p{L}\\)\\s*)?,\\s*(?:le\\s+|la\\s+|l['’]|the\\s+)?(?:nouveau\\s+|nouvelle\\s+|nouvel\\s+)?(?:${ROLE})(?![\\p{L}])[^;.«»,]*?,?[^;.«»,]*$`, 'iu'),
    orgThenNextName: rx(`^(?:\\s+(?:au|en)\\s+[\\p{L}' -]{2,30}?)?\\s*,\\s*(?:(?:${CIVILITY})\\s+)*$`, 'u'),
    ledBy: rx(`(représentée?s?|dirigée?s?|conduite?s?|pilotée?s?|présidée?s?|(?:co-?)?fondée?s?|créée?s?|led|headed|represented|chaired|founded|co-founded)\\s+(?:par|by)\\s+(?:son\\s+|sa\\s+|le\\s+|la\\s+|l['’]|its\\s+|the\\s+)?(?:(${ROLE})${TITLE_COMPLEMENT}\\s*,?\\s+)?(?:(?:${CIVILITY})\\s+)*$`, 'iu'),
    // "Huawei, dont le directeur général au Mali, Zhou Hanlin, …"
    whoseRole: rx(`,\\s*dont\\s+(?:le|la|l['’])\\s*(?:nouveau\\s+|nouvelle\\s+)?(${ROLE})${TITLE_COMPLEMENT}(?:\\s+(?:au|en)\\s+[^,;.]{2,30}?)?\\s*,\\s*(?:(?:${CIVILITY})\\s+)*$`, 'iu'),
    itsRole: rx(`(?:son|sa|its)\\s+(?:nouveau\\s+|nouvelle\\s+)?(${ROLE})${TITLE_COMPLEMENT}\\s*,?\\s*(?:(?:${CIVILITY})\\s+)*$`, 'iu'),
    commaBeforeName: rx(`^[^.;!?«»\\n]{0,200}?,\\s*(?:(?:${CIVILITY})\\s+)*$`, 'u'),
    roleDirect: rx(`(?<![\\p{L}])(${ROLE})\\s+(?:(?:${CIVILITY})\\s+)*$`, 'iu'),
    roleAfter: rx(`^\\s*,\\s*(?:le\\s+|la\\s+|l['’]|the\\s+)?(?:nouveau\\s+|nouvelle\\s+)?(${ROLE})(?![\\p{L}])`, 'iu'),
    title: rx(`(?<![\\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’]|[Dd]u|[Dd]e\\s+la|[Aa]u|[Àà]\\s+la|[Ll]es\\s+deux|[Ll]es|[Tt]he)\\s+(?:nouveaux?\\s+|nouvelles?\\s+)?(${ROLE_CS})s?(?![\\p{L}])`, 'gu'),
    titlePrep: rx(`^(?:\\s+[\\p{Ll}]+){0,2}?\\s+(?:de\\s+la|de\\s+l['’]|du|des|de|d['’])\\s*`, 'u'),
    premises: rx(`(?:direction(?:\\s+générale)?|siège|locaux|bureaux)\\s+(?:de\\s+la\\s+|de\\s+l['’]|du\\s+|des\\s+|de\\s+|d['’])\\s*$`, 'iu'),
    pluralTitleEnd: rx(`[Ll]es\\s+(?:deux\\s+|trois\\s+)?(${ROLE})s?\\s*$`, 'iu'),
    pluralTitle: rx(`[Ll]es\\s+(?:deux\\s+|trois\\s+)?(${ROLE})s?\\b`, 'iu'),
  };
});

export function extractRelations(text: string, sentences: Sentence[], entities: LocalEntity[], lang: 'fr' | 'en', published?: string): RelationsResult {
  const refs: Ref[] = [];
  for (const e of entities)
    if (e.kind === 'person' || e.kind === 'organisation')
      for (const m of e.mentions) refs.push({ id: e.id, kind: e.kind, start: m.start, end: m.end, via: 'name' });
  refs.sort((a, b) => a.start - b.start);
  const ctx: Ctx = { text, sentences, entities: new Map(entities.map((e) => [e.id, e])), refs, relations: [], roleOf: new Map(), topics: new Map(), parties: [], eventDates: new Map() };
  if (published) ctx.published = published;
  for (const s of sentences) appositionRoles(ctx, s);
  titleMentions(ctx);
  let host: Ref | undefined;
  let pendingHost: Ref | undefined;
  let lastMeeting: { host: string; guests: string[] } | undefined;
  const visits: Array<{ host: Ref; org: string; sentence: Sentence; rule: string }> = [];
  let prev: Ref[] = [];
  for (const s of sentences) {
    const inS = refsIn(ctx, s);
    const subj = (pos: number) => subjectBefore(ctx, s, inS, pos, prev);
    // meetings
    const guestless = pendingHost;
    pendingHost = undefined;
    if (guestless && ATTENDEES.test(s.text)) for (const g of inS.filter((r) => r.kind === 'person')) add(ctx, 'met-with', guestless.id, g.id, s, 'meet:étaient-présents');
    const m = meetings(ctx, s, inS, subj, host, visits, lang);
    host = m.host;
    pendingHost = m.guestless;
    // "Il était accompagné du PCA, Y": Y meets the other party of the meeting
    const met = ctx.relations.filter((r) => r.kind === 'met-with' && r.sentence === s);
    if (met.length) lastMeeting = { host: met[0]!.source, guests: met.map((r) => r.target) };
    for (const c of scan(COMPANION, s.text)) {
      if (!lastMeeting) break;
      const pos = s.start + c.index!;
      const who = subj(pos)[0];
      const companions = inS.filter((r) => r.kind === 'person' && r.start >= pos + c[0].length && r.id !== who?.id);
      if (!who) continue;
      const others = who.id === lastMeeting.host ? lastMeeting.guests : lastMeeting.guests.includes(who.id) ? [lastMeeting.host] : [];
      for (const comp of companions) for (const o of others) add(ctx, 'met-with', comp.id, o, s, 'meet:accompagné-de');
    }
    commitments(ctx, s, subj, lang);
    agreements(ctx, s, inS, subj);
    sanctions(ctx, s, inS, subj);
    // the subject a pronoun of the next sentence refers to: a person named in this one, or the
    // organisation it opens with; a sentence whose subject is no entity ("Le gouvernement a …") has none
    const here = inS.filter((r) => r.kind === 'person');
    const opening = inS[0] && !/\s\p{Ll}+(?:é|è|ait|ent|era|ira)\s/u.test(ctx.text.slice(s.start, inS[0].start)) ? [inS[0]] : [];
    const generic = GENERIC_SUBJECT.test(s.text);
    const first = here.length ? [here[0]!] : generic ? [] : opening;
    const startsWithPronoun = PRONOUN_SUBJECT.test(s.text) && (!inS.length || inS[0]!.start - s.start > 40);
    prev = startsWithPronoun ? prev : first.length || generic ? first : prev;
  }
  // a visit or an audience with an organisation is a meeting with its people named in the story
  for (const v of visits)
    for (const [person, roles] of ctx.roleOf)
      if (person !== v.host.id && roles.some((r) => r.org === v.org)) add(ctx, 'met-with', v.host.id, person, v.sentence, `${v.rule}+member-of-visited`);
  discussed(ctx);
  return { relations: dedupe(ctx.relations), topics: [...ctx.topics.values()] };
}

// ---- helpers ------------------------------------------------------------------------------

const refsIn = (ctx: Ctx, s: Sentence) => ctx.refs.filter((r) => r.start >= s.start && r.end <= s.end).sort((a, b) => a.start - b.start);

/** Resolution steps lower confidence: a name is surest, a title or a pronoun less so. */
const VIA_FACTOR: Record<Ref['via'], number> = { name: 1, title: 0.9, pronoun: 0.8 };

function add(ctx: Ctx, kind: RelationKind, source: string | Ref, target: string | Ref, sentence: Sentence, rule: string, extra: Partial<LocalRelation> = {}): void {
  const a = typeof source === 'string' ? source : source.id;
  const b = typeof target === 'string' ? target : target.id;
  if (a === b) return;
  const steps: string[] = [];
  let confidence = ruleConfidence(rule.split('+')[0]!);
  if (rule.includes('+')) confidence *= 0.85; // a relation inferred from another one (a member of the organisation visited)
  for (const [role, ref] of [['source', source], ['target', target]] as const) {
    if (typeof ref === 'string' || ref.via === 'name') continue;
    confidence *= VIA_FACTOR[ref.via];
    steps.push(`${role} named by ${ref.via === 'title' ? 'a title' : 'a pronoun or a definite description'} "${ctx.text.slice(ref.start, ref.end).trim()}" → ${ctx.entities.get(ref.id)?.name}`);
  }
  const rel: LocalRelation = { kind, source: a, target: b, sentence, rule, ...extra, confidence: Math.round(confidence * 100) / 100 };
  if (steps.length) rel.steps = steps;
  // one date parse per sentence, however many relations it states
  let when = ctx.eventDates.get(sentence.start);
  if (when === undefined) ctx.eventDates.set(sentence.start, (when = eventDateOf(sentence.text, ctx.published) ?? null));
  if (when) {
    rel.eventDate = when.date;
    rel.eventPrecision = when.precision;
  }
  ctx.relations.push(rel);
}

function dedupe(rels: LocalRelation[]): LocalRelation[] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const [a, b] = r.kind === 'met-with' || r.kind === 'signed-agreement-with' ? [r.source, r.target].sort() : [r.source, r.target];
    const k = `${r.kind}|${a}|${b}|${r.sentence.start}|${r.commitment ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function addRole(ctx: Ctx, person: string, org: string | undefined, role: string, sentence: Sentence, rule: string): void {
  const e = ctx.entities.get(person);
  if (!e || e.kind !== 'person') return;
  if (!e.roles.includes(role)) e.roles.push(role);
  if (!org || ctx.entities.get(org)?.kind !== 'organisation') return;
  const list = ctx.roleOf.get(person) ?? [];
  if (!list.some((r) => r.org === org)) list.push({ org, role });
  ctx.roleOf.set(person, list);
  add(ctx, 'holds-role', person, org, sentence, rule, { role });
}

const roleIn = (s: string): string | undefined => {
  const { roleOf } = patterns();
  const all = [...s.matchAll(R().role)];
  const last = all[all.length - 1];
  return last ? roleOf(last[1]!)?.role ?? undefined : undefined;
};

/** The entity a pronoun, a title or a name before `pos` makes the subject of the clause. */
function subjectBefore(ctx: Ctx, s: Sentence, inS: Ref[], pos: number, prev: Ref[]): Ref[] {
  const before = inS.filter((r) => r.end <= pos);
  const clauseStart = Math.max(s.start, ctx.text.lastIndexOf(';', pos));
  const lead = ctx.text.slice(clauseStart, pos);
  // every way of naming the subject, at the place it is written: the one nearest the verb wins
  const cands: Array<{ at: number; refs: Ref[] }> = [];
  // "quant à elle", "à lui" are not subjects
  const pronoun = [...lead.matchAll(/(?<![\p{L}])(?<!à\s)(?:[Ii]l|[Ee]lle|[Ii]ls|[Ee]lles|[Hh]e|[Ss]he|[Tt]hey)(?![\p{L}])/gu)].pop();
  const asAnaphor = (refs: Ref[], at: number, len: number): Ref[] => refs.map((r) => ({ ...r, via: 'pronoun', start: at, end: at + len }));
  // "Sènè Microfinance, elle, a reçu …": a pronoun set off right after a name is that name, not the previous subject
  const apposed = pronoun && before.some((r) => /^\s*,\s*$/u.test(ctx.text.slice(r.end, clauseStart + pronoun.index!)));
  if (pronoun && prev.length && !apposed) cands.push({ at: clauseStart + pronoun.index!, refs: asAnaphor(prev, clauseStart + pronoun.index!, pronoun[0].length) });
  // "le Fonds", "l’Agence", "le régulateur": the organisation of that kind named last
  // an anaphor after a preposition ("le patron de l’opérateur") is a complement, not the subject
  const notComplement = (m: RegExpMatchArray) => !/(?:^|\s)(?:de|du|des|d['’]|à|au|aux|par|avec|pour|sur|chez|entre|of|with|by|for)\s*$/iu.test(lead.slice(0, m.index!));
  const head = [...lead.matchAll(HEAD_ANAPHOR)].filter(notComplement).pop();
  if (head) {
    const word = normaliseHead(head[1]!);
    const org = ctx.refs.filter((r) => r.kind === 'organisation' && r.end <= clauseStart + head.index! && headMatches(ctx.entities.get(r.id)?.name ?? '', word)).pop();
    if (org) cands.push({ at: clauseStart + head.index!, refs: asAnaphor([org], clauseStart + head.index!, head[0].length) });
  }
  // "l’opérateur", "la société": the last company named, not a ministry, a bank or an agency;
  // "l’établissement", "the lender": the last bank or fund; "X, dont l’établissement …": X's organisation
  const anaphor = [...lead.matchAll(ORG_ANAPHOR)].filter(notComplement).pop();
  if (anaphor) {
    const at = clauseStart + anaphor.index!;
    const orgs = ctx.refs.filter((r) => r.kind === 'organisation' && r.end <= at);
    const nameOf = (r: Ref) => ctx.entities.get(r.id)?.name ?? '';
    const owner = /dont\s*$/u.test(lead.slice(0, anaphor.index!)) ? inS.filter((r) => r.kind === 'person' && r.end <= at).pop() : undefined;
    const ownerOrg = owner ? orgOfPerson(ctx, owner.id) : undefined;
    const lender = /établissement|institution|lender/iu.test(anaphor[0]);
    const org = ownerOrg
      ? orgs.find((r) => r.id === ownerOrg) ?? { id: ownerOrg, kind: 'organisation' as const, start: at, end: at, via: 'pronoun' as const }
      : lender
        ? orgs.filter((r) => FINANCIAL.test(nameOf(r))).pop() ?? orgs.pop()
        : salient(operatorOnly(ctx, anaphor[0], orgs.filter((r) => !PUBLIC_BODY.test(nameOf(r))))) ?? orgs.pop();
    if (org) cands.push({ at: clauseStart + anaphor.index!, refs: asAnaphor([org], clauseStart + anaphor.index!, anaphor[0].length) });
  }
  // "les deux parties": the signatories of the agreement told of earlier
  const parties = [...lead.matchAll(PARTIES_ANAPHOR)].pop();
  if (parties && ctx.parties.length >= 2) cands.push({ at: clauseStart + parties.index!, refs: ctx.parties.map((id) => ({ id, kind: ctx.entities.get(id)!.kind as Kind, start: clauseStart + parties.index!, end: clauseStart + parties.index! + parties[0].length, via: 'pronoun' as const })) });
  // the nearest person named before the verb (the organisations of its apposition are not the subject)
  const persons = before.filter((r) => r.kind === 'person');
  const named = persons.length ? persons[persons.length - 1]! : before[before.length - 1];
  if (named) cands.push({ at: persons.length ? named.start : named.start - 1, refs: [named] });
  cands.sort((a, b) => b.at - a.at);
  return cands[0]?.refs ?? [];
}

const orgOfPerson = (ctx: Ctx, person: string) => ctx.roleOf.get(person)?.[0]?.org;

/** The last `n` different people named before `pos`. */
function lastPeople(ctx: Ctx, pos: number, n: number): Ref[] {
  const out: Ref[] = [];
  for (const r of [...ctx.refs].reverse()) if (r.kind === 'person' && r.end <= pos && r.via === 'name' && !out.some((o) => o.id === r.id) && out.length < n) out.push(r);
  return out;
}

/** What the lexicon says an organisation does ("operator", "equipment", "mobile money"…), if it knows it. */
function sectorOf(ctx: Ctx, r: Ref): string | undefined {
  const key = ctx.entities.get(r.id)?.keys.find((k) => k.startsWith('org:@'));
  return key ? lexicon().orgs.find((o) => o.id === key.slice('org:@'.length))?.sector : undefined;
}

/** "l’opérateur", "the operator": an operator when one was named (not the equipment maker named since). */
function operatorOnly(ctx: Ctx, anaphor: string, refs: Ref[]): Ref[] {
  if (!/opérateur|operator/iu.test(anaphor)) return refs;
  const operators = refs.filter((r) => {
    const sector = sectorOf(ctx, r);
    return sector ? /operator|satellite/u.test(sector) : /T[ée]l[ée]com|Mobile|Wireless|Telecel|Satcom|Networks?|Fibre|Fiber/u.test(ctx.entities.get(r.id)?.name ?? '');
  });
  return operators.length ? operators : refs;
}

/**
 * The company "l’opérateur", "la fintech", "the company" stands for: the one the article has named most
 * so far (its subject), the first named on a tie — not merely the last named (a competitor, a supplier
 * mentioned in passing).
 */
function salient(refs: Ref[]): Ref | undefined {
  const count = new Map<string, number>();
  for (const r of refs) count.set(r.id, (count.get(r.id) ?? 0) + 1);
  let best: Ref | undefined;
  for (const r of refs) if (!best || count.get(r.id)! > count.get(best.id)!) best = r;
  return best;
}

/** The organisation a common noun stands for ("le régulateur", "la société", "l’institution"): the last one of that kind named before `pos`. */
function orgOfNoun(ctx: Ctx, noun: string, pos: number): Ref | undefined {
  const n = noun.toLowerCase();
  const orgs = ctx.refs.filter((r) => r.kind === 'organisation' && r.end <= pos);
  const nameOf = (r: Ref) => ctx.entities.get(r.id)?.name ?? '';
  if (/^(?:régulateur|regulator|agence|agency|autorité|banque|bank|collectif|syndicat|association|coopérative)$/u.test(n)) return orgs.filter((r) => headMatches(nameOf(r), n === 'regulator' ? 'régulateur' : n)).pop();
  if (/^(?:institution|fonds|lender)$/u.test(n)) return orgs.filter((r) => FINANCIAL.test(nameOf(r))).pop() ?? orgs.pop();
  return orgs.filter((r) => !PUBLIC_BODY.test(nameOf(r))).pop();
}

// ---- holds-role from appositions ------------------------------------------------------------

function appositionRoles(ctx: Ctx, s: Sentence): void {
  const inS = refsIn(ctx, s);
  const text = ctx.text;
  let lastRole: { role: string; org?: string } | undefined;
  /** Record that the person holds the role at the organisation (when both are known); true when it did. */
  const holds = (person: Ref, org: string | undefined, role: string | undefined, rule: string): boolean => {
    if (!org || !role) return false;
    addRole(ctx, person.id, org, role, s, rule);
    lastRole = { role, org };
    return true;
  };
  const persons = inS.filter((r) => r.kind === 'person');
  for (const p of persons) {
    const before = text.slice(s.start, p.start);
    const after = text.slice(p.end, s.end);
    const orgsBefore = inS.filter((r) => r.kind === 'organisation' && r.end <= p.start);
    const orgsAfter = inS.filter((r) => r.kind === 'organisation' && r.start >= p.end);
    let done = false;
    // "les directeurs généraux d’Orange Mali et de Huawei, respectivement Leyti N’Diaye et Jean Sun Wei"
    const resp = /respectivement\s+$/u.test(before) || (/\s+et\s+$/u.test(before) && /respectivement\s+[^,;.]{0,60}$/u.test(before));
    if (resp) {
      const m = R().respectively.exec(before);
      if (m) {
        const segStart = s.start + m.index!;
        const segEnd = s.start + before.lastIndexOf('respectivement');
        const orgs = inS.filter((r) => r.kind === 'organisation' && r.start >= segStart && r.end <= segEnd);
        const people = persons.filter((r) => r.start > segEnd);
        const i = people.indexOf(p);
        const role = patterns().roleOf(m[1]!)?.role;
        if (i >= 0) done = holds(p, orgs[i]?.id, role, 'role:respectivement');
      }
    }
    if (done) continue;
    // ROLE de ORG (au Mali), NAME
    const o = orgsBefore[orgsBefore.length - 1];
    if (o) {
      const between = text.slice(o.end, p.start);
      const lead = text.slice(Math.max(s.start, o.start - 90), o.start);
      if (R().orgThenName.test(between)) {
        // the role nearest the organisation ("le ministre a reçu le DG de X": DG, not ministre)
        const rm = [...lead.matchAll(R().role)]
          .reverse()
          .find((m) => R().wordsThenPrep.test(lead.slice(m.index! + m[0].length)) && !/[,;]/u.test(lead.slice(m.index! + m[0].length)));
        const celui = R().celui.test(lead);
        if (rm && R().prepEnd.test(lead)) {
          const role = patterns().roleOf(rm[1]!)?.role;
          if (holds(p, o.id, role, 'role:titre-de-org-nom')) continue;
        }
        if (celui && lastRole) {
          addRole(ctx, p.id, o.id, lastRole.role, s, 'role:celui-de-org');
          continue;
        }
      }
    }
    // "le Directeur général par intérim du régulateur, Dr X": the organisation named by a common noun
    const byNoun = R().roleOfCommonNoun.exec(before);
    if (byNoun) {
      const org = orgOfNoun(ctx, byNoun[2]!, p.start);
      const role = patterns().roleOf(byNoun[1]!)?.role;
      if (holds(p, org?.id, role, 'role:titre-de-nom-commun')) continue;
    }
    // "Modibo Diarra, le patron de la société", "X, qui dirige la société malienne"
    const nounAfter = R().roleOfCommonNounAfter.exec(after);
    if (nounAfter) {
      const org = orgOfNoun(ctx, nounAfter[3]!, p.start);
      const role = nounAfter[1] ? patterns().roleOf(nounAfter[1])?.role : /^(?:préside)/iu.test(nounAfter[2]!) ? 'Président' : 'Directeur général';
      if (holds(p, org?.id, role, 'role:nom-titre-de-nom-commun')) continue;
    }
    // "X, the Bank’s director general for West Africa", "X, Kora Mobile’s CEO"
    const possAfter = R().possessiveAfter.exec(after);
    if (possAfter) {
      // (the pattern is matched without case: "the" may open the owner's name)
      const owner = possAfter[1]!.replace(/^the\s+/iu, '');
      const ownerStart = p.end + possAfter.index! + possAfter[0].lastIndexOf(owner, possAfter[0].length - possAfter[2]!.length);
      const named = inS.find((r) => r.kind === 'organisation' && r.start === ownerStart);
      const noun = owner.toLowerCase();
      const org = named ?? (rx(`^(?:${ORG_NOUNS})$`, 'u').test(noun) ? orgOfNoun(ctx, noun, p.start) : undefined);
      const role = patterns().roleOf(possAfter[2]!)?.role;
      if (holds(p, org?.id, role, 'role:nom-possessif')) continue;
    }
    // "X, qui dirige Baara Networks"
    const led = orgsAfter[0];
    const leads = led ? R().leadsOrg.exec(text.slice(p.end, led.start)) : null;
    if (led && leads) {
      const role = /^(?:préside|chairs)/iu.test(leads[1]!) ? 'Président' : 'Directeur général';
      if (holds(p, led.id, role, 'role:qui-dirige')) continue;
    }
    // "the World Bank’s Country Manager for Mali, X", "Malitel’s Chief Executive Officer, X"
    const possessive = R().possessiveRole.exec(before);
    if (possessive) {
      const at = s.start + possessive.index!;
      const owner = inS.filter((r) => r.kind === 'organisation' && r.end === at).pop();
      const role = patterns().roleOf(possessive[1]!)?.role;
      if (holds(p, owner?.id, role, 'role:possessif')) continue;
    }
    // NAME, (le) ROLE … de ORG
    const oa = orgsAfter[0];
    if (oa && oa.start - p.end < 160) {
      const between = text.slice(p.end, oa.start);
      const appos = R().nameThenRole;
      // in a list ("X, le DG de Moov Africa Malitel, Y") the title introduces the name after the organisation
      const nextIsName = persons.some((x) => x.start >= oa.end && R().orgThenNextName.test(text.slice(oa.end, x.start)));
      if (appos.test(between) && !nextIsName && !persons.some((x) => x.start > p.end && x.start < oa.start)) {
        // the role nearest the organisation ("porte-parole des bénéficiaires non moins Présidente-Fondatrice de l’…")
        const rm = [...between.matchAll(R().role)].pop();
        if (rm && rx(`(?<![\\p{L}])${escapeRe(rm[1]!)}(?:\\s+[\\p{L}]+){0,3}?${PREP_END}`, 'iu').test(between)) {
          const role = patterns().roleOf(rm[1]!)?.role;
          if (holds(p, oa.id, role, 'role:nom-titre-de-org')) continue;
        }
      }
    }
    // ORG, représentée par (son DG) NAME
    const agent = R().ledBy.exec(before);
    if (agent) {
      const verbPos = s.start + agent.index!;
      // the organisation before the participle, or after the name when the participle opens the sentence
      // ("Représentée par sa responsable des opérations, X, la Banque mondiale a promis …")
      const fronted = /^[\s«"“]*$/u.test(text.slice(s.start, verbPos));
      const org = fronted
        ? inS.find((r) => r.kind === 'organisation' && r.start >= p.end && /^[\s,]*(?:la\s+|le\s+|l['’]|the\s+)?$/iu.test(text.slice(p.end, r.start)))
        : inS.filter((r) => r.kind === 'organisation' && r.end <= verbPos && verbPos - r.end < 120).pop();
      const role = agent[2] ? patterns().roleOf(agent[2])?.role : /^(?:représ|represent)/iu.test(agent[1]!) ? 'Représentant' : /^(?:présid|chair)/iu.test(agent[1]!) ? 'Président' : /fond|found|créé/iu.test(agent[1]!) ? 'Fondateur' : 'Directeur';
      if (holds(p, org?.id, role, 'role:représentée-par')) continue;
    }
    const whose = R().whoseRole.exec(before);
    if (whose) {
      const at = s.start + whose.index!;
      const org = inS.filter((r) => r.kind === 'organisation' && r.end <= at).pop();
      const role = patterns().roleOf(whose[1]!)?.role;
      if (org && /^\s*$/u.test(text.slice(org.end, at)) && holds(p, org.id, role, 'role:dont-le-titre')) continue;
    }
    // ORG …, à travers son directeur général, NAME / et son 1er vice-président, NAME
    const son = R().itsRole.exec(before);
    if (son) {
      const role = patterns().roleOf(son[1]!)?.role;
      const org = lastRole?.org ?? orgsBefore[orgsBefore.length - 1]?.id ?? ctx.refs.filter((r) => r.kind === 'organisation' && r.end <= p.start && p.start - r.end < 400).pop()?.id;
      if (holds(p, org, role, 'role:son-titre')) continue;
    }
    // a role without an organisation ("le ministre de la Communication, …, NAME"; "NAME, porte-parole")
    // the last role written before the name, with nothing but its complement in between
    const lastPerson = persons.filter((x) => x.end <= p.start).pop();
    const apBefore = [...before.matchAll(R().role)]
      .filter((m) => !lastPerson || s.start + m.index! > lastPerson.end)
      .reverse()
      .find((m) => R().commaBeforeName.test(before.slice(m.index! + m[0].length)));
    const apDirect = R().roleDirect.exec(before);
    const apAfter = R().roleAfter.exec(after);
    const r = (apDirect ?? apBefore ?? apAfter)?.[1];
    if (r) {
      const role = patterns().roleOf(r)?.role ?? roleIn(r);
      if (role) addRole(ctx, p.id, undefined, role, s, 'role:apposition');
    }
  }
}

// ---- titles standing for people ("le ministre", "le DG d’Orange-Mali") -----------------------------

function titleMentions(ctx: Ctx): void {
  const { roleOf } = patterns();
  const re = R().title;
  const pending: Array<{ start: number; end: number; role: string; org?: string; plural: boolean; sentence: Sentence }> = [];
  for (const s of ctx.sentences) {
    const inS = refsIn(ctx, s);
    for (const m of s.text.matchAll(re)) {
      const start = s.start + m.index!;
      let end = start + m[0].length;
      const role = roleOf(m[1]!)?.role;
      if (!role) continue;
      const plural = /^[Ll]es/u.test(m[0]);
      // "… de ORG" right after
      let org: string | undefined;
      const rest = ctx.text.slice(end, s.end);
      const prep = R().titlePrep.exec(rest);
      if (prep) {
        const o = inS.find((r) => r.kind === 'organisation' && r.start === end + prep[0].length);
        if (o) {
          org = o.id;
          end = o.end;
        }
      }
      // "À son arrivée à la direction générale d’Orange, le directeur adjoint …": the title is at that organisation
      if (!org && !GOVERNMENT_ROLES.has(role)) {
        const loc = R().premises;
        const o = inS.filter((r) => r.kind === 'organisation' && r.end <= start).find((r) => loc.test(ctx.text.slice(Math.max(s.start, r.start - 40), r.start)));
        if (o) org = o.id;
      }
      // an apposition ("le DG d’Orange, Leyti N’Diaye") is handled as a role, not a title mention
      const tail = ctx.text.slice(end, Math.min(s.end, end + 80));
      const nextPerson = inS.find((r) => r.kind === 'person' && r.start >= end);
      if (nextPerson && /^(?:\s+(?:au|en)\s+[\p{L}' -]{2,30}?)?\s*,?\s*(?:[\p{Lu}][\p{L}.]*\s+){0,3}$/u.test(ctx.text.slice(end, nextPerson.start))) continue;
      if (/^\s*,\s*(?:porte-parole|[\p{Lu}])/u.test(tail) && nextPerson && nextPerson.start - end < 60) continue;
      // inside a person's own name span or apposition already
      if (inS.some((r) => r.kind === 'person' && r.start <= start && r.end >= end)) continue;
      const t: (typeof pending)[number] = { start, end, role, plural, sentence: s };
      if (org) t.org = org;
      pending.push(t);
    }
  }
  // resolve: a person with that role (at that organisation), the latest before; else the next person
  // the article introduces without a role (a title first, the name later)
  const persons = [...ctx.entities.values()].filter((e) => e.kind === 'person');
  const firstPos = (e: LocalEntity) => Math.min(...e.mentions.map((m) => m.start));
  for (const t of pending) {
    const sameRole = (e: LocalEntity) => e.roles.some((r) => r === t.role || r.startsWith(t.role) || t.role.startsWith(r));
    const atOrg = (e: LocalEntity) => !t.org || (ctx.roleOf.get(e.id) ?? []).some((r) => r.org === t.org);
    let who: LocalEntity[] = persons.filter((e) => sameRole(e) && atOrg(e));
    // "la DG": the holders of exactly that title before those of a broader one ("Directeur")
    const exact = who.filter((e) => e.roles.includes(t.role));
    if (exact.length) who = exact;
    // "le président du Conseil d’administration d’Orange Mali" after "le nouveau président …": the holder named without organisation
    if (!who.length && t.org) {
      const loose = persons.filter((e) => sameRole(e) && !(ctx.roleOf.get(e.id) ?? []).length);
      if (loose.length === 1) who = loose;
    }
    if (!t.plural && who.length > 1) {
      const before = who.filter((e) => firstPos(e) < t.start);
      who = [(before.length ? before : who).sort((a, b) => lastBefore(b, t.start) - lastBefore(a, t.start))[0]!];
    }
    if (!who.length && !t.plural) {
      const next = persons.filter((e) => firstPos(e) > t.start && !e.roles.length).sort((a, b) => firstPos(a) - firstPos(b))[0];
      const unique = persons.filter((e) => !e.roles.length);
      const cand = next ?? (unique.length === 1 ? unique[0] : undefined);
      if (cand) {
        who = [cand];
        addRole(ctx, cand.id, t.org, t.role, t.sentence, 'role:titre-puis-nom');
      }
    } else if (t.org) for (const e of who) if (!(ctx.roleOf.get(e.id) ?? []).some((r) => r.org === t.org)) addRole(ctx, e.id, t.org, t.role, t.sentence, 'role:titre');
    for (const e of who) ctx.refs.push({ id: e.id, kind: 'person', start: t.start, end: t.end, via: 'title' });
  }
  ctx.refs.sort((a, b) => a.start - b.start);
}

const lastBefore = (e: LocalEntity, pos: number) => Math.max(-1, ...e.mentions.filter((m) => m.start < pos).map((m) => m.start));

// ---- meetings --------------------------------------------------------------------------------

function meetings(
  ctx: Ctx,
  s: Sentence,
  inS: Ref[],
  subj: (pos: number) => Ref[],
  host: Ref | undefined,
  visits: Array<{ host: Ref; org: string; sentence: Sentence; rule: string }>,
  lang: 'fr' | 'en',
): { host: Ref | undefined; guestless?: Ref } {
  const text = ctx.text;
  let guestless: Ref | undefined;
  const meet = (a: Ref, b: Ref, rule: string) => {
    if (a.id === b.id) return;
    if (a.kind === 'organisation' && orgOfPerson(ctx, b.id) === a.id) return;
    if (b.kind === 'organisation' && orgOfPerson(ctx, a.id) === b.id) return;
    add(ctx, 'met-with', a, b, s, rule);
  };
  const guestsAfter = (pos: number, hostRef?: Ref) => {
    // the guests named after the verb, up to a relative clause about someone else ("… de Benkadi, à qui la Fondation Orange a remis …")
    const clause = /,?\s(?:à\s+qui|auxquels|auxquelles|auquel|dont|qui|where|which|who)\s/u.exec(text.slice(pos, s.end));
    const until = clause ? pos + clause.index : s.end;
    const after = inS.filter((r) => r.start >= pos && r.start < until && r.id !== hostRef?.id);
    const people = after.filter((r) => r.kind === 'person');
    return people.length ? people : after.filter((r) => r.kind === 'organisation').slice(0, 3);
  };
  // "l’audience accordée … par X … aux responsables de A et B"
  for (const m of scan(MEET_AUDIENCE.re, s.text)) {
    const pos = s.start + m.index!;
    const par = text.indexOf(' par ', pos);
    const h = par >= 0 && par < s.end ? inS.find((r) => r.kind === 'person' && r.start > par) : undefined;
    if (!h) continue;
    host = h;
    for (const g of guestsAfter(h.end, h)) meet(h, g, MEET_AUDIENCE.id);
    for (const g of inS.filter((r) => r.kind === 'organisation' && r.start > h.end)) visits.push({ host: h, org: g.id, sentence: s, rule: MEET_AUDIENCE.id });
  }
  for (const rule of MEET_ACTIVE.filter((r) => forLang(r, lang)))
    for (const m of scan(rule.re, s.text)) {
      const pos = s.start + m.index!;
      const hs = subj(pos).filter((r) => r.kind === 'person' || r.kind === 'organisation');
      const guests = guestsAfter(pos + m[0].length, hs[0]);
      for (const h of hs) {
        host = h;
        if (!guests.length) guestless = h;
        for (const g of guests) meet(h, g, rule.id);
        for (const g of guests) if (g.kind === 'organisation') visits.push({ host: h, org: g.id, sentence: s, rule: rule.id });
      }
    }
  for (const rule of MEET_PASSIVE.filter((r) => forLang(r, lang)))
    for (const m of scan(rule.re, s.text)) {
      const pos = s.start + m.index!;
      const end = pos + m[0].length;
      const guests = inS.filter((r) => r.kind === 'person' && r.end <= pos);
      // "the two men had been received by …": the last two people named before
      const two = !guests.length && TWO_PEOPLE.test(text.slice(s.start, pos)) ? lastPeople(ctx, s.start, 2) : [];
      const g2 = guests.length ? guests : two.length === 2 ? two : subj(pos);
      // "a été reçu en audience, le lundi 19 janvier, par le ministre …, X"
      const par = /^[^.;]{0,120}?\s(?:par|by)\s/u.exec(text.slice(end, s.end));
      const hosts = par ? inS.filter((r) => r.start >= end + par[0].length && r.kind === 'person').slice(0, 1) : host ? [host] : [];
      for (const h of hosts) for (const g of g2) meet(h, g, rule.id);
    }
  // "Face à face, X et Y ont négocié …": the people named before the verb met each other
  for (const m of scan(MEET_EACH_OTHER, s.text)) {
    const pos = s.start + m.index!;
    const people = [...new Map(inS.filter((r) => r.kind === 'person' && r.end <= pos).map((r) => [r.id, r])).values()];
    if (people.length === 2) meet(people[0]!, people[1]!, 'meet:se-sont-rencontrés');
  }
  // "Reçu par le ministre X, le DG de Y, Z a présenté …"
  for (const m of scan(MEET_RECEIVED_BY, s.text)) {
    const pos = s.start + m.index! + m[0].length;
    const h = inS.find((r) => r.kind === 'person' && r.start >= pos);
    if (!h) continue;
    for (const g of inS.filter((r) => r.kind === 'person' && r.start > h.end && r.id !== h.id)) meet(h, g, 'meet:reçu-par');
    host = h;
  }
  // "la rencontre entre X et Y"
  for (const m of scan(MEET_BETWEEN, s.text)) {
    const pos = s.start + m.index! + m[0].length;
    const parties = inS.filter((r) => r.kind === 'person' && r.start >= pos);
    for (let i = 0; i < parties.length; i++) for (let j = i + 1; j < parties.length; j++) meet(parties[i]!, parties[j]!, 'meet:rencontre-entre');
  }
  for (const m of scan(MEET_WITH.re, s.text)) {
    const pos = s.start + m.index!;
    const hs = subj(pos);
    const others = inS.filter((r) => r.start >= pos + m[0].length && r.kind === 'person').slice(0, 1);
    for (const h of hs) for (const o of others) meet(h, o, MEET_WITH.id);
  }
  for (const rule of VISIT.filter((r) => forLang(r, lang)))
    for (const m of scan(rule.re, s.text)) {
      const pos = s.start + m.index!;
      const hs = subj(pos).filter((r) => r.kind === 'person');
      const orgs = inS.filter((r) => r.kind === 'organisation' && r.start >= pos && r.start - pos < 160);
      const visited = inS.filter((r) => r.kind === 'person' && r.start >= pos && r.start - pos < 200);
      for (const h of hs) {
        host = h;
        for (const v of visited) meet(h, v, rule.id);
        for (const o of orgs) {
          meet(h, o, rule.id);
          visits.push({ host: h, org: o.id, sentence: s, rule: rule.id });
        }
      }
    }
  return guestless ? { host, guestless } : { host };
}

// ---- commitments -----------------------------------------------------------------------------

function commitmentPhrase(raw: string): string {
  let p = raw.replace(/^[\s«"“]+/u, '');
  const stop = /[»”]|\s[-–—]\s|\.\s|;/u.exec(p);
  if (stop) p = p.slice(0, stop.index);
  p = p.replace(/[\s.,;:»"”]+$/u, '');
  if (p.length > 260) p = p.slice(0, 260).replace(/\s+\S*$/u, '');
  return p;
}

function statusOf(sentence: string, base: CommitmentStatus): CommitmentStatus {
  for (const [status, re] of STATUS_WORDS) if (re.test(sentence)) return status;
  return base;
}

const CONCRETE = /\d|(?<![\p{L}])(?:d['’]ici|avant|dès|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|milliards?|millions?|cent|mille)(?![\p{L}])/iu;

/** Quoted undertakings: « Nous allons investir … », a-t-il confié; X a assuré : « les sites seront raccordés avant juin ». */
function quotedCommitments(ctx: Ctx, s: Sentence, subj: (pos: number) => Ref[]): void {
  const found: Array<{ quote: string; verb: string; speaker: Ref[] }> = [];
  for (const m of scan(QUOTE_AFTER, s.text)) {
    const verbEnd = s.start + m.index! + m[0].length;
    // "a-t-il confié": the subject of the story so far; "a assuré X": the person named right after
    const named = refsIn(ctx, s).find((r) => r.kind === 'person' && r.start >= verbEnd && r.start - verbEnd < 40);
    const inverted = /-t-(?:il|elle|ils|elles)/u.test(m[0]);
    const speaker = named && !inverted ? [named] : subj(verbEnd);
    found.push({ quote: m[1]!, verb: m[2]!, speaker });
  }
  for (const m of scan(QUOTE_BEFORE, s.text)) found.push({ quote: m[2]!, verb: m[1]!, speaker: subj(s.start + m.index!) });
  // the same without quotation marks: "<what will be done>, a-t-il promis", "…, a assuré Mme X"
  const plain = !found.length ? ASSURANCE_AFTER.exec(s.text) : null;
  if (plain && ANY_FUTURE.test(plain[1]!)) {
    const verbAt = s.start + plain[1]!.length;
    const verbEnd = s.start + plain[0].length;
    const named = refsIn(ctx, s).find((r) => r.kind === 'person' && r.start >= verbEnd && r.start - verbEnd < 40);
    found.push({ quote: plain[1]!, verb: 'assuré', speaker: named ? [named] : subj(verbEnd).filter((r) => r.start < verbAt || r.via === 'pronoun') });
  }
  // an interview's answer ("**X Togola :** Nous allons former 300 techniciens …"): its speaker is the paragraph's label
  if (!found.length && FIRST_PERSON_FUTURE.test(s.text)) {
    const first = ctx.sentences.find((x) => x.paragraph === s.paragraph);
    const label = first ? /^[*\s]*((?:[\p{Lu}][\p{L}.’'-]*\s+){0,4}[\p{Lu}][\p{L}’'-]+)\s*:\s*\**/u.exec(first.text) : null;
    const surname = label?.[1]!.split(/\s+/).pop();
    const person = surname ? [...ctx.entities.values()].find((e) => e.kind === 'person' && e.name.split(/\s+/).pop() === surname) : undefined;
    if (person) {
      const body = s === first ? s.text.slice(label![0].length) : s.text;
      found.push({ quote: body, verb: 'déclaré', speaker: [{ id: person.id, kind: 'person', start: s.start, end: s.start, via: 'name' }] });
    }
  }
  for (const { quote, verb, speaker } of found) {
    const promise = /^(?:assuré|promis|garanti)$/u.test(verb);
    if (!FIRST_PERSON_FUTURE.test(quote) && !(promise && ANY_FUTURE.test(quote))) continue;
    // an undertaking with a figure or a date ("investir 18 milliards", "avant juin"), not a wish ("nous allons y répondre")
    if (!CONCRETE.test(quote)) continue;
    const phrase = commitmentPhrase(quote.trim());
    if (phrase.length < 4) continue;
    const topic = topicNode(ctx, phrase, 'fr');
    for (const w of speaker.filter((r) => r.kind === 'person' || r.kind === 'organisation')) add(ctx, 'committed-to', w, topic, s, QUOTE_COMMIT_ID, { commitment: phrase, status: 'announced' });
  }
}

/** "The Malian leg will be completed by the end of 2027, El Fassi-Berrada told reporters": the speaker's undertaking. */
function reportedEnglish(ctx: Ctx, s: Sentence): void {
  const m = ASSURANCE_AFTER_EN.exec(s.text);
  if (!m || !CONCRETE_EN.test(m[1]!)) return;
  const at = s.start + m[1]!.length;
  const speaker = refsIn(ctx, s).find((r) => r.kind === 'person' && r.start > at && r.start - at < 12);
  if (!speaker) return;
  const phrase = commitmentPhrase(m[1]!.trim());
  add(ctx, 'committed-to', speaker, topicNode(ctx, phrase, 'en'), s, QUOTE_COMMIT_ID, { commitment: phrase, status: 'announced' });
}

const CONCRETE_EN = /\d|(?<![\p{L}])(?:by\s+the\s+end|before|January|February|March|April|May|June|July|August|September|October|November|December|billion|million|hundred|thousand)(?![\p{L}])/u;

function commitments(ctx: Ctx, s: Sentence, subj: (pos: number) => Ref[], lang: 'fr' | 'en'): void {
  if (lang === 'fr') quotedCommitments(ctx, s, subj);
  else reportedEnglish(ctx, s);
  const taken = new Set<number>();
  // who already committed in this sentence: a looser cue later in it ("qui couvrira …") adds nothing
  const committed = new Map<string, number>(); // subject → where its commitment was read in this sentence
  for (const rule of COMMIT.filter((r) => forLang(r, lang)))
    for (const m of scan(rule.re, s.text)) {
      const pos = s.start + m.index!;
      if ([...taken].some((t) => Math.abs(t - pos) < 5)) continue;
      let who = subj(pos);
      // "les deux Directeurs généraux ont assuré …": the plural title stands for every holder of the role
      const lead = ctx.text.slice(s.start, pos);
      const plural = R().pluralTitleEnd.exec(lead.trimEnd() + ' ') ?? R().pluralTitle.exec(lead);
      if (plural) {
        const role = patterns().roleOf(plural[1]!)?.role;
        const holders = [...ctx.entities.values()].filter((e) => e.kind === 'person' && role && e.roles.includes(role));
        if (holders.length >= 2) who = holders.map((e) => ({ id: e.id, kind: 'person' as const, start: pos, end: pos, via: 'title' as const }));
      } else if (/^\s*(?:Ils|Elles|They)\b/u.test(lead) && who.length === 1) {
        // "Ils ont exprimé …" after a plural subject: every holder of the previous subject's role
        const prevRole = ctx.entities.get(who[0]!.id)?.roles[0];
        const holders = [...ctx.entities.values()].filter((e) => e.kind === 'person' && prevRole && e.roles.includes(prevRole));
        if (holders.length >= 2) who = holders.map((e) => ({ id: e.id, kind: 'person' as const, start: pos, end: pos, via: 'pronoun' as const }));
      }
      if (rule.subjectAfter) {
        // "a assuré que l’UIT prendrait …": the entity named at the head of the reported clause
        const end = pos + m[0].length;
        const head = refsIn(ctx, s).find((r) => r.start >= end && r.via === 'name');
        if (head && /^(?:\s*(?:la|le|les|l['’]|the|its|their)\s*)?$/iu.test(ctx.text.slice(end, head.start))) who = [head];
      }
      if (rule.tight) {
        // right before the verb, a relative clause between them aside ("Sahel Fibre, qui compte …, entend")
        const gap = (r: Ref) => ctx.text.slice(r.end, pos).replace(/^,\s*(?:qui|who|which|dont)\s[^,;.]*,/u, ',').length;
        // a name inside a relative clause ("The start-up, which raised $4 million from X, plans to …") is not the subject
        const inClause = (r: Ref) => /,\s*(?:qui|who|which|dont|que|that)\s[^,;.]*$/u.test(ctx.text.slice(s.start, r.start)) && /,/u.test(ctx.text.slice(r.end, pos));
        const near = who.filter((r) => r.end <= pos && (gap(r) < 40 || r.via === 'pronoun') && !inClause(r) && !((committed.get(r.id) ?? Infinity) < pos));
        const anaphor = [...lead.matchAll(ORG_ANAPHOR)].pop();
        if (!near.length && !(anaphor && pos - (s.start + anaphor.index! + anaphor[0].length) < 20)) continue;
        if (near.length) who = near;
      }
      if (rule.status === 'signed' && /sign/u.test(rule.id)) {
        // "X and Y signed a … agreement": every signatory before the verb commits
        const inS = refsIn(ctx, s).filter((r) => r.end <= pos && r.via !== 'title');
        const persons = inS.filter((r) => r.kind === 'person');
        const personOrgs = new Set(persons.map((p) => orgOfPerson(ctx, p.id)));
        const signatories = [...persons, ...inS.filter((r) => r.kind === 'organisation' && !personOrgs.has(r.id))];
        if (signatories.length > 1 && signatories.length <= 4) who = signatories;
      }
      if (!who.length) continue;
      const phrase = commitmentPhrase(rule.keepMatch ? ctx.text.slice(pos, s.end).replace(/^(?:a|ont)\s+/u, '') : ctx.text.slice(pos + m[0].length, s.end));
      if (phrase.length < 4) continue;
      taken.add(pos);
      const topic = topicNode(ctx, phrase, lang);
      const status = statusOf(s.text, rule.status);
      for (const w of who) add(ctx, 'committed-to', w, topic, s, rule.id, { commitment: phrase, status });
      for (const w of who) if (!committed.has(w.id)) committed.set(w.id, pos);
    }
}

function topicNode(ctx: Ctx, phrase: string, lang: 'fr' | 'en'): string {
  const t = topicsIn(phrase, lang)[0] ?? lexicon().fallbackTopic;
  const id = `topic:${t.id}`;
  if (!ctx.topics.has(id)) ctx.topics.set(id, { id, label: lang === 'en' ? t.labelEn : t.label });
  return id;
}

// ---- agreements and sanctions ---------------------------------------------------------------

const asOrg = (ctx: Ctx, r: Ref) => (r.kind === 'person' ? orgOfPerson(ctx, r.id) ?? r.id : r.id);

function agreements(ctx: Ctx, s: Sentence, inS: Ref[], subj: (pos: number) => Ref[]): void {
  const [withRule, between, together, enWith] = SIGN;
  for (const rule of [withRule!, enWith!])
    for (const m of scan(rule.re, s.text)) {
      const pos = s.start + m.index!;
      const a = subj(pos)[0];
      if (!a) continue;
      // the parties named after "avec"/"with", up to a clause that says what the agreement does ("… that will let …")
      const from = pos + m[0].length;
      const clause = /\s(?:that|which|qui|dont|afin|pour|to|so\s+that|in\s+order)\s/u.exec(ctx.text.slice(from, s.end));
      const until = clause ? from + clause.index : s.end;
      const after = inS.filter((r) => r.start >= from && r.start < until);
      const parties = after.filter((r) => r.kind === 'organisation' || !after.some((o) => o.kind === 'organisation' && orgOfPerson(ctx, r.id) === o.id));
      const ids = new Set(parties.map((r) => asOrg(ctx, r)));
      for (const b of ids) add(ctx, 'signed-agreement-with', asOrg(ctx, a), b, s, rule.id);
      if (ids.size) return;
    }
  for (const m of scan(between!.re, s.text)) {
    const pos = s.start + m.index! + m[0].length;
    const parties = partiesOf(ctx, inS.filter((r) => r.start >= pos));
    pairwise(ctx, parties, s, between!.id);
    if (parties.length >= 2) return;
  }
  for (const m of scan(together!.re, s.text)) {
    const pos = s.start + m.index!;
    let parties = partiesOf(ctx, inS.filter((r) => r.end <= pos));
    // "Ont paraphé le document le DG de X, Y, et Z, qui dirige W": the signatories come after the verb
    if (parties.length < 2 && /^[\s«"“]*$/u.test(ctx.text.slice(s.start, pos))) parties = partiesOf(ctx, inS.filter((r) => r.start >= pos + m[0].length));
    pairwise(ctx, parties, s, together!.id);
  }
}

/** The parties among refs: people stand for their organisation, and an organisation in a person's apposition is not a party of its own. */
function partiesOf(ctx: Ctx, refs: Ref[]): string[] {
  const persons = refs.filter((r) => r.kind === 'person');
  const personOrgs = new Set(persons.map((p) => orgOfPerson(ctx, p.id)).filter(Boolean));
  const ids = [...persons.map((p) => asOrg(ctx, p)), ...refs.filter((r) => r.kind === 'organisation' && !personOrgs.has(r.id)).map((r) => r.id)];
  return [...new Set(ids)];
}

function pairwise(ctx: Ctx, ids: string[], s: Sentence, rule: string): void {
  if (ids.length < 2 || ids.length > 4) return;
  ctx.parties = ids;
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) add(ctx, 'signed-agreement-with', ids[i]!, ids[j]!, s, rule);
}

function sanctions(ctx: Ctx, s: Sentence, inS: Ref[], subj: (pos: number) => Ref[]): void {
  for (const rule of SANCTION)
    for (const m of scan(rule.re, s.text)) {
      const pos = s.start + m.index!;
      const a = subj(pos)[0];
      const objs = inS.filter((r) => r.start >= pos + m[0].length - 1 && r.kind === 'organisation');
      // "… aux opérateurs X et Y": every organisation of the object phrase, up to the next clause
      // only a list right after the first ("X, Y et Z"): "… à verser des dommages à son concurrent Z" is not sanctioned
      const targets: Ref[] = [];
      for (const r of objs) {
        const last = targets[targets.length - 1];
        if (!last) targets.push(r);
        else if (/^\s*(?:,\s*|\s+et\s+|\s+and\s+|,\s*et\s+)(?:la\s+|le\s+|l['’]|the\s+)?$/u.test(ctx.text.slice(last.end, r.start))) targets.push(r);
        else break;
      }
      if (a) for (const b of targets) add(ctx, 'sanctioned', a.kind === 'organisation' ? a : asOrg(ctx, a), b, s, rule.id);
    }
  for (const m of scan(SANCTION_PASSIVE.re, s.text)) {
    const pos = s.start + m.index!;
    // the one sanctioned: named before the verb, or "l’opérateur", "la fintech" standing for it
    const target = inS.filter((r) => r.end <= pos && r.kind === 'organisation').pop() ?? subj(pos).find((r) => r.kind === 'organisation');
    const by = inS.find((r) => r.start >= pos + m[0].length);
    if (target && by && by.id !== target.id) add(ctx, 'sanctioned', asOrg(ctx, by), target.id, s, SANCTION_PASSIVE.id);
  }
  for (const m of scan(SANCTION_RECEIVED.re, s.text)) {
    const pos = s.start + m.index!;
    const target = subj(pos).find((r) => r.kind === 'organisation');
    const authority = ctx.refs.filter((r) => r.kind === 'organisation' && r.end <= pos && r.id !== target?.id && AUTHORITY.test(ctx.entities.get(r.id)?.name ?? '')).pop();
    if (target && authority) add(ctx, 'sanctioned', authority.id, target.id, s, SANCTION_RECEIVED.id);
  }
}

// ---- topics discussed in a meeting ----------------------------------------------------------

function discussed(ctx: Ctx): void {
  const meetings = ctx.relations.filter((r) => r.kind === 'met-with');
  if (!meetings.length) return;
  const participants = new Set(meetings.flatMap((r) => [r.source, r.target]).filter((id) => ctx.entities.get(id)?.kind === 'person'));
  for (const s of ctx.sentences) {
    DISCUSS.re.lastIndex = 0;
    if (!DISCUSS.re.test(s.text)) continue;
    const named = refsIn(ctx, s).filter((r) => participants.has(r.id) || r.kind === 'organisation');
    const who = named.length ? [...new Set(named.map((r) => r.id))] : [...participants];
    const lang = /\b(?:the|and|with)\b/.test(s.text) ? 'en' : 'fr';
    for (const t of topicsIn(s.text, lang).slice(0, 4)) {
      const id = `topic:${t.id}`;
      if (!ctx.topics.has(id)) ctx.topics.set(id, { id, label: lang === 'en' ? t.labelEn : t.label });
      for (const w of who) add(ctx, 'discussed', w, id, s, DISCUSS.id);
    }
  }
}

