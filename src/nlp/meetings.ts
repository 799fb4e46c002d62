// met-with: the meeting rules of rules.ts, run in priority order over one sentence; each rule's slots
// name the resolvers that find its host and guests. Visits keep the organisation visited, whose people
// the visitor meets (member-of-visited); "discussed" reads what the article's meetings were about.
import type { LocalRelation, Sentence } from '../types.js';
import { scan } from './patterns.js';
import { forLanguage, re, type RelationRule } from './rule.js';
import { RELATION_RULES, relationRule } from './rules.js';
import { topicsIn } from './topics.js';
import {
  type ArticleState,
  type Ctx,
  type Ref,
  type Subject,
  add,
  lastPeople,
  orgOfPerson,
  refsIn,
} from './context.js';
import { TWO_PEOPLE } from './cues.js';

/** What the meeting resolvers of one sentence share; `st` is the sentence's own copy of the article state. */
export interface MeetEnv {
  ctx: Ctx;
  s: Sentence;
  inS: Ref[];
  subj: Subject;
  st: ArticleState;
  /** The host whose meeting of the previous sentence named no guest. */
  waiting?: Ref;
}

function meet(e: MeetEnv, a: Ref, b: Ref, rule: RelationRule): void {
  if (a.id === b.id) return;
  if (a.kind === 'organisation' && orgOfPerson(e.ctx, b.id) === a.id) return;
  if (b.kind === 'organisation' && orgOfPerson(e.ctx, a.id) === b.id) return;
  add(e.ctx, 'met-with', a, b, e.s, rule);
}

/**
 * guests-after: the people named after the verb (else up to three organisations), up to a relative clause about someone
 * else ("… de Benkadi, à qui la Fondation Orange a remis …").
 */
function guestsAfter(e: MeetEnv, pos: number, hostRef?: Ref): Ref[] {
  const clause = /,?\s(?:à\s+qui|auxquels|auxquelles|auquel|dont|qui|where|which|who)\s/u.exec(
    e.ctx.text.slice(pos, e.s.end),
  );
  const until = clause ? pos + clause.index : e.s.end;
  const after = e.inS.filter((r) => r.start >= pos && r.start < until && r.id !== hostRef?.id);
  const people = after.filter((r) => r.kind === 'person');
  return people.length ? people : after.filter((r) => r.kind === 'organisation').slice(0, 3);
}

type Handler = (e: MeetEnv, rule: RelationRule) => void;

/** "Étaient présents …": the people of this sentence met the host of the previous one. */
const attendees: Handler = (e, rule) => {
  if (e.waiting && re(rule).test(e.s.text))
    for (const g of e.inS.filter((r) => r.kind === 'person')) add(e.ctx, 'met-with', e.waiting.id, g.id, e.s, rule);
};

/** "l’audience accordée … par X … aux responsables de A et B". */
const audience: Handler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const par = e.ctx.text.indexOf(' par ', pos);
    const h = par >= 0 && par < e.s.end ? e.inS.find((r) => r.kind === 'person' && r.start > par) : undefined;
    if (!h) continue;
    e.st.host = h;
    for (const g of guestsAfter(e, h.end, h)) meet(e, h, g, rule);
    for (const g of e.inS.filter((r) => r.kind === 'organisation' && r.start > h.end))
      e.st.visits.push({ host: h, org: g.id, sentence: e.s, rule });
  }
};

/** The subject received or met the guests named after the verb; a host without guests waits for a list of attendees. */
const active: Handler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const hs = e.subj(pos).filter((r) => r.kind === 'person' || r.kind === 'organisation');
    const guests = guestsAfter(e, pos + m[0].length, hs[0]);
    for (const h of hs) {
      e.st.host = h;
      if (!guests.length) e.st.pendingHost = h;
      for (const g of guests) meet(e, h, g, rule);
      for (const g of guests)
        if (g.kind === 'organisation') e.st.visits.push({ host: h, org: g.id, sentence: e.s, rule });
    }
  }
};

/** "… ont été reçus (par X)": the guests before, the host after "par" (else the article's host). */
const passive: Handler = (e, rule) => {
  const text = e.ctx.text;
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const end = pos + m[0].length;
    const guests = e.inS.filter((r) => r.kind === 'person' && r.end <= pos);
    // "the two men had been received by …": the last two people named before
    const two = !guests.length && TWO_PEOPLE.test(text.slice(e.s.start, pos)) ? lastPeople(e.ctx, e.s.start, 2) : [];
    const g2 = guests.length ? guests : two.length === 2 ? two : e.subj(pos);
    // "a été reçu en audience, le lundi 19 janvier, par le ministre …, X"
    const par = /^[^.;]{0,120}?\s(?:par|by)\s/u.exec(text.slice(end, e.s.end));
    const hosts = par
      ? e.inS.filter((r) => r.start >= end + par[0].length && r.kind === 'person').slice(0, 1)
      : e.st.host
        ? [e.st.host]
        : [];
    for (const h of hosts) for (const g of g2) meet(e, h, g, rule);
  }
};

/** "Face à face, X et Y ont négocié …": the two people named before the verb met each other. */
const eachOther: Handler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const people = [
      ...new Map(e.inS.filter((r) => r.kind === 'person' && r.end <= pos).map((r) => [r.id, r])).values(),
    ];
    if (people.length === 2) meet(e, people[0]!, people[1]!, rule);
  }
};

/** "Reçu par le ministre X, le DG de Y, Z a présenté …". */
const receivedBy: Handler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index! + m[0].length;
    const h = e.inS.find((r) => r.kind === 'person' && r.start >= pos);
    if (!h) continue;
    for (const g of e.inS.filter((r) => r.kind === 'person' && r.start > h.end && r.id !== h.id)) meet(e, h, g, rule);
    e.st.host = h;
  }
};

/** "la rencontre entre X et Y": every person named after meets the others. */
const between: Handler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index! + m[0].length;
    const parties = e.inS.filter((r) => r.kind === 'person' && r.start >= pos);
    for (let i = 0; i < parties.length; i++)
      for (let j = i + 1; j < parties.length; j++) meet(e, parties[i]!, parties[j]!, rule);
  }
};

/** "lors de sa rencontre avec Y": the subject met the first person after. */
const meetingWith: Handler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const others = e.inS.filter((r) => r.start >= pos + m[0].length && r.kind === 'person').slice(0, 1);
    for (const h of e.subj(pos)) for (const o of others) meet(e, h, o, rule);
  }
};

/** A visit: the visitor meets the people and organisations named right after the verb. */
const visit: Handler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const hs = e.subj(pos).filter((r) => r.kind === 'person');
    const orgs = e.inS.filter((r) => r.kind === 'organisation' && r.start >= pos && r.start - pos < 160);
    const visited = e.inS.filter((r) => r.kind === 'person' && r.start >= pos && r.start - pos < 200);
    for (const h of hs) {
      e.st.host = h;
      for (const v of visited) meet(e, h, v, rule);
      for (const o of orgs) {
        meet(e, h, o, rule);
        e.st.visits.push({ host: h, org: o.id, sentence: e.s, rule });
      }
    }
  }
};

/** The met-with relations recorded so far, by sentence: indexed as ctx.relations grows (it is only pushed to). */
const metIndex = new WeakMap<LocalRelation[], { seen: number; by: Map<Sentence, LocalRelation[]> }>();

/** The met-with relations of a sentence recorded so far, in the order they were recorded. */
function metWithIn(ctx: Ctx, s: Sentence): LocalRelation[] {
  let ix = metIndex.get(ctx.relations);
  if (!ix) metIndex.set(ctx.relations, (ix = { seen: 0, by: new Map() }));
  for (; ix.seen < ctx.relations.length; ix.seen++) {
    const r = ctx.relations[ix.seen]!;
    if (r.kind !== 'met-with') continue;
    const list = ix.by.get(r.sentence);
    if (list) list.push(r);
    else ix.by.set(r.sentence, [r]);
  }
  return [...(ix.by.get(s) ?? [])];
}

/**
 * "Il était accompagné du PCA, Y": Y meets the other party of the last meeting (this sentence's, else an earlier one).
 */
const companion: Handler = (e, rule) => {
  const met = metWithIn(e.ctx, e.s);
  if (met.length) e.st.lastMeeting = { host: met[0]!.source, guests: met.map((r) => r.target) };
  const last = e.st.lastMeeting;
  if (!last) return;
  for (const c of scan(re(rule), e.s.text)) {
    const pos = e.s.start + c.index!;
    const who = e.subj(pos)[0];
    const companions = e.inS.filter((r) => r.kind === 'person' && r.start >= pos + c[0].length && r.id !== who?.id);
    if (!who) continue;
    const others = who.id === last.host ? last.guests : last.guests.includes(who.id) ? [last.host] : [];
    for (const comp of companions) for (const o of others) add(e.ctx, 'met-with', comp.id, o, e.s, rule);
  }
};

/** The resolvers behind each pair of slots a meeting rule names. */
const HANDLERS: Record<string, Handler> = {
  'pending-host>people-in-sentence': attendees,
  'host-after-par>guests-after': audience,
  'subject-before>guests-after': active,
  'guests-before>by-phrase': passive,
  'people-before-pair>people-before-pair': eachOther,
  'first-person-after>people-after': receivedBy,
  'parties-after>parties-after': between,
  'subject-before>first-person-after': meetingWith,
  'subject-person-before>visited-after': visit,
  'companions-after>other-party': companion,
};
const handlerOf = (rule: RelationRule): Handler => {
  const h = HANDLERS[`${rule.slots.source}>${rule.slots.target}`];
  if (!h)
    throw new Error(
      `meetings: rule ${rule.id} names slots ${rule.slots.source} > ${rule.slots.target}, which no meet` +
        `ing resolver fills`,
    );
  return h;
};

const MEETING_RULES = RELATION_RULES.filter((r) => r.relation === 'met-with');

/** The meetings one sentence tells of, in the meeting rules' order of priority. */
export function meetingsIn(e: MeetEnv, lang: 'fr' | 'en'): void {
  e.waiting = e.st.pendingHost;
  e.st.pendingHost = undefined;
  for (const rule of forLanguage(MEETING_RULES, lang)) handlerOf(rule)(e, rule);
}

/** A visit or an audience with an organisation is a meeting with its people named in the story. */
export function membersOfVisited(ctx: Ctx, st: ArticleState): void {
  for (const v of st.visits)
    for (const [person, roles] of ctx.roleOf)
      if (person !== v.host.id && roles.some((r) => r.org === v.org))
        add(ctx, 'met-with', v.host.id, person, v.sentence, v.rule, {}, 'member-of-visited');
}

/** discussed: the topics a sentence about the article's meetings names, for their participants. */
export function discussed(ctx: Ctx): void {
  const meetings = ctx.relations.filter((r) => r.kind === 'met-with');
  if (!meetings.length) return;
  const rule = relationRule('discuss:échanges-ont-porté-sur');
  const trigger = re(rule);
  const participants = new Set(
    meetings.flatMap((r) => [r.source, r.target]).filter((id) => ctx.entities.get(id)?.kind === 'person'),
  );
  for (const s of ctx.sentences) {
    trigger.lastIndex = 0;
    if (!trigger.test(s.text)) continue;
    const named = refsIn(ctx, s).filter((r) => participants.has(r.id) || r.kind === 'organisation');
    const who = named.length ? [...new Set(named.map((r) => r.id))] : [...participants];
    const lang = /\b(?:the|and|with)\b/.test(s.text) ? 'en' : 'fr';
    for (const t of topicsIn(s.text, lang).slice(0, 4)) {
      const id = `topic:${t.id}`;
      if (!ctx.topics.has(id)) ctx.topics.set(id, { id, label: lang === 'en' ? t.labelEn : t.label });
      for (const w of who) add(ctx, 'discussed', w, id, s, rule);
    }
  }
}
