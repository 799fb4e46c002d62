// signed-agreement-with and sanctioned: the agreement and sanction rules of rules.ts, in priority
// order, each filling its slots with the resolver it names (list-after, parties-between,
// parties-before, by-phrase, authority-before). The parties of the last agreement are kept in the
// article state ("les deux parties" refers to them).
import type { Sentence } from '../types.js';
import { scan } from './patterns.js';
import { forLanguage, re, type RelationRule } from './rule.js';
import { RELATION_RULES } from './rules.js';
import { type ArticleState, type Ctx, type Ref, type Subject, add, orgOfPerson } from './context.js';
import { AUTHORITY } from './subject.js';

export interface SignEnv {
  ctx: Ctx;
  s: Sentence;
  inS: Ref[];
  subj: Subject;
  st: ArticleState;
}

const asOrg = (ctx: Ctx, r: Ref) => (r.kind === 'person' ? (orgOfPerson(ctx, r.id) ?? r.id) : r.id);

/**
 * The organisation a signatory stands for: itself, or a person's organisation. A person whose
 * organisation the article does not give is no party: an agreement binds organisations, and
 * "signé entre X … et Y …" must not become an edge between a person and an organisation.
 */
const partyOf = (ctx: Ctx, r: Ref): string | undefined => (r.kind === 'person' ? orgOfPerson(ctx, r.id) : r.id);

/**
 * The parties among refs: people stand for their organisation, and an organisation in a person's apposition is not a
 * party of its own.
 */
function partiesOf(ctx: Ctx, refs: Ref[]): string[] {
  const persons = refs.filter((r) => r.kind === 'person');
  const personOrgs = new Set(persons.map((p) => orgOfPerson(ctx, p.id)).filter(Boolean));
  const ids = [
    ...persons.flatMap((p) => partyOf(ctx, p) ?? []),
    ...refs.filter((r) => r.kind === 'organisation' && !personOrgs.has(r.id)).map((r) => r.id),
  ];
  return [...new Set(ids)];
}

/** Two to four parties sign pairwise, and become the article's parties. */
function pairwise(e: SignEnv, ids: string[], rule: RelationRule): void {
  if (ids.length < 2 || ids.length > 4) return;
  e.st.parties = ids;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) add(e.ctx, 'signed-agreement-with', ids[i]!, ids[j]!, e.s, rule);
}

/** A sign rule: true when it recorded an agreement, which ends the agreement rules of the sentence. */
type SignHandler = (e: SignEnv, rule: RelationRule) => boolean;

/** subject-before > list-after: "X a signé … avec Y (et Z)", up to a clause that says what the agreement does. */
const signedWith: SignHandler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const a = e.subj(pos)[0];
    const signatory = a ? partyOf(e.ctx, a) : undefined;
    if (!signatory) continue;
    const from = pos + m[0].length;
    const clause = /\s(?:that|which|qui|dont|afin|pour|to|so\s+that|in\s+order)\s/u.exec(
      e.ctx.text.slice(from, e.s.end),
    );
    const until = clause ? from + clause.index : e.s.end;
    const after = e.inS.filter((r) => r.start >= from && r.start < until);
    const parties = after.filter(
      (r) =>
        r.kind === 'organisation' || !after.some((o) => o.kind === 'organisation' && orgOfPerson(e.ctx, r.id) === o.id),
    );
    const ids = new Set(parties.flatMap((r) => partyOf(e.ctx, r) ?? []));
    for (const b of ids) add(e.ctx, 'signed-agreement-with', signatory, b, e.s, rule);
    if (ids.size) return true;
  }
  return false;
};

/** parties-between: "signé entre X et Y", "a été signé par X et Y". */
const signedBetween: SignHandler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index! + m[0].length;
    const parties = partiesOf(
      e.ctx,
      e.inS.filter((r) => r.start >= pos),
    );
    pairwise(e, parties, rule);
    if (parties.length >= 2) return true;
  }
  return false;
};

/**
 * parties-before: "X et Y ont signé"; "Ont paraphé le document le DG de X, Y, et Z, qui dirige W": after the verb when
 * it opens the sentence.
 */
const signedTogether: SignHandler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    let parties = partiesOf(
      e.ctx,
      e.inS.filter((r) => r.end <= pos),
    );
    if (parties.length < 2 && /^[\s«"“]*$/u.test(e.ctx.text.slice(e.s.start, pos)))
      parties = partiesOf(
        e.ctx,
        e.inS.filter((r) => r.start >= pos + m[0].length),
      );
    pairwise(e, parties, rule);
  }
  return false;
};

const SIGN_HANDLERS: Record<string, SignHandler> = {
  'list-after': signedWith,
  'parties-between': signedBetween,
  'parties-before': signedTogether,
};
const SIGN_RULES = RELATION_RULES.filter((r) => r.relation === 'signed-agreement-with');

export function agreements(e: SignEnv, lang: 'fr' | 'en'): void {
  for (const rule of forLanguage(SIGN_RULES, lang)) if (SIGN_HANDLERS[rule.slots.target]!(e, rule)) return;
}

/**
 * list-after: the organisations sanctioned are the first object and a list right after it ("aux opérateurs X et Y"),
 * not one named later ("… à son concurrent Z").
 */
const sanctionedAfter = (e: SignEnv, rule: RelationRule): void => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const a = e.subj(pos)[0];
    const objs = e.inS.filter((r) => r.start >= pos + m[0].length - 1 && r.kind === 'organisation');
    const targets: Ref[] = [];
    for (const r of objs) {
      const last = targets[targets.length - 1];
      if (!last) targets.push(r);
      else if (
        /^\s*(?:,\s*|\s+et\s+|\s+and\s+|,\s*et\s+)(?:la\s+|le\s+|l['’]|the\s+)?$/u.test(
          e.ctx.text.slice(last.end, r.start),
        )
      )
        targets.push(r);
      else break;
    }
    if (a)
      for (const b of targets) add(e.ctx, 'sanctioned', a.kind === 'organisation' ? a : asOrg(e.ctx, a), b, e.s, rule);
  }
};

/**
 * by-phrase > org-before: the one sanctioned named before the verb (or "l’opérateur" standing for it), the authority
 * after "par"/"by".
 */
const sanctionedBy = (e: SignEnv, rule: RelationRule): void => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const target =
      e.inS.filter((r) => r.end <= pos && r.kind === 'organisation').pop() ??
      e.subj(pos).find((r) => r.kind === 'organisation');
    const by = e.inS.find((r) => r.start >= pos + m[0].length);
    if (target && by && by.id !== target.id) add(e.ctx, 'sanctioned', asOrg(e.ctx, by), target.id, e.s, rule);
  }
};

/** authority-before > subject-before: "X a reçu un avertissement": from the authority named last. */
const sanctionReceived = (e: SignEnv, rule: RelationRule): void => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const target = e.subj(pos).find((r) => r.kind === 'organisation');
    const authority = e.ctx.refs
      .filter(
        (r) =>
          r.kind === 'organisation' &&
          r.end <= pos &&
          r.id !== target?.id &&
          AUTHORITY.test(e.ctx.entities.get(r.id)?.name ?? ''),
      )
      .pop();
    if (target && authority) add(e.ctx, 'sanctioned', authority.id, target.id, e.s, rule);
  }
};

const SANCTION_HANDLERS: Record<string, (e: SignEnv, rule: RelationRule) => void> = {
  'subject-before': sanctionedAfter,
  'by-phrase': sanctionedBy,
  'authority-before': sanctionReceived,
};
const SANCTION_RULES = RELATION_RULES.filter((r) => r.relation === 'sanctioned');

export function sanctions(e: SignEnv, lang: 'fr' | 'en'): void {
  for (const rule of forLanguage(SANCTION_RULES, lang)) SANCTION_HANDLERS[rule.slots.source]!(e, rule);
}
