// signed-agreement-with and sanctioned: the agreement and sanction rules of rules.ts, in priority
// order, each filling its slots with the resolver it names (list-after, parties-between,
// parties-before, by-phrase, authority-before). The parties of the last agreement are kept in the
// article state ("les deux parties" refers to them).
import type { LocalEntity, Sentence } from '../types.js';
import { scan } from './patterns.js';
import { forLanguage, re, type RelationRule } from './rule.js';
import { RELATION_RULES } from './rules.js';
import { type ArticleState, type Ctx, type Ref, type Subject, add, orgOfPerson } from './context.js';
import { AUTHORITY } from './subject.js';
import { lexicon } from './lexicon.js';
import { normaliseName } from '../text/keys.js';

export interface SignEnv {
  ctx: Ctx;
  s: Sentence;
  inS: Ref[];
  subj: Subject;
  st: ArticleState;
  /** Where an "entre" already read by an agreement rule of this sentence ends (one reading each). */
  used?: Set<number>;
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

/** A civility before a name: "et M. X". */
const CIVILITY = String.raw`(?:M\.|Mr\.?|Mme|Mrs\.?|Ms\.?|Dr\.?)`;
/** Words that join the two sides of "entre A et B" (with a determiner, a head noun or a civility before B). */
const JOIN = new RegExp(
  // an apposition may close the first side: "entre X, le ministre de …, et Y"
  String.raw`^(?:\s*,[^;:]{1,120}?)?\s*,?\s*(?:et|and|&)\s+(?:[\p{Ll}’']+\s+){0,3}` +
    String.raw`(?:${CIVILITY}\s+)?$|` +
    String.raw`^(?:\s*,[^;:]{1,120}?)?\s*,?\s*(?:et|and)\s+[ld]['’]\s*$`,
  'u',
);
/** Words that keep a name on its side: an apposition, an acronym, "en partenariat avec", "ainsi que". */
const SAME_SIDE = new RegExp(
  String.raw`^\s*\(\s*$|^\s*(?:,\s*|\s+en\s+partenariat\s+avec\s+|\s+(?:associée?|alliée?)\s+à\s+|\s+avec\s+|` +
    String.raw`\s+with\s+)(?:[\p{Ll}’']+\s+){0,2}$`,
  'u',
);
/** An apposition after a party ("la BDS, représentée par son DG, X"): its names stay on that party's side. */
const APPOSITION = /^\s*,[^;:\d]{1,60}$/u;
/** What ends the second side: a clause, a date, a purpose ("pour", "afin"), a place of signing. */
const SIDE_END =
  /[;:]|\s(?:pour|afin|sous|dans|lors|qui|dont|visant|portant|le\s+\d|en\s+date|for|to|which|that|on)\s/u;

/**
 * The two sides of "entre A et B" (or "par A et B"), read from `from`: the names of the first side up to the "et" that
 * joins the sides, the names of the second side up to the end of the clause. A name joined to a party by "en
 * partenariat avec" or an apposition stays on that party's side: it is no counterpart of it.
 */
export function sidesAfter(text: string, refs: Ref[], from: number, to: number): [Ref[], Ref[]] {
  const sides: [Ref[], Ref[]] = [[], []];
  let side = 0;
  let at = from;
  for (const r of refs) {
    if (r.start < at) continue;
    if (r.start >= to) break;
    // a closing parenthesis or an acronym in parentheses after a name belongs to that name
    const gap = text
      .slice(at, r.start)
      .replace(/^\s*\)/u, '')
      .replace(/^\s*\([^()]{0,80}\)/u, '');
    const first = !sides[0].length;
    if (first) {
      if (gap.length > 40 || SIDE_END.test(gap)) break;
    } else if (side === 0 && JOIN.test(gap)) side = 1;
    else if (!SAME_SIDE.test(gap) && !(APPOSITION.test(gap) && !SIDE_END.test(gap)) && !(side === 1 && JOIN.test(gap)))
      break;
    sides[side]!.push(r);
    at = r.end;
  }
  return side === 1 ? sides : [[], []];
}

/** parties-between: "signé entre X et Y", "a été signé par X et Y", "le contrat entre X et Y": side by side. */
const signedBetween: SignHandler = (e, rule) => {
  let found = false;
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index! + m[0].length;
    if (e.used?.has(pos)) continue;
    e.used?.add(pos);
    const [a, b] = sidesAfter(e.ctx.text, e.inS, pos, e.s.end).map((side) => partiesOf(e.ctx, side));
    const left = a!.filter((x) => !b!.includes(x));
    if (!left.length || !b!.length) continue;
    for (const x of left) for (const y of b!) add(e.ctx, 'signed-agreement-with', x, y, e.s, rule);
    e.st.parties = [...new Set([...left, ...b!])];
    found = true;
  }
  return found;
};

/** Words between two signatories of one list: ", ", " et ", " and ", " et d’", "and local holding company". */
const LIST_GAP = new RegExp(
  String.raw`^\s*(?:\([^()]{0,80}\)\s*)?(?:,\s*(?:et\s+|and\s+)?|\s+(?:et|and|&)\s+)(?:[\p{Ll}’']+\s+){0,3}` +
    String.raw`(?:[ld]['’])?(?:(?:M\.|Mr\.?|Mme|Mrs\.?|Ms\.?|Dr\.?)\s+)?$`,
  'u',
);
/** Words between a signatory and the organisation of their apposition: ", Managing Director of", ", DG de la". */
const ROLE_GAP = /^\s*,\s*(?:[\p{L}’'-]+\s+){1,6}(?:of|de|du|des|d['’])\s*(?:the\s+|la\s+|l['’])?$/u;
/** Words between the last signatory and the verb: an apposition or a short aside ("au nom de leurs institutions"). */
const BEFORE_VERB = /^\s*(?:\([^()]{0,80}\)\s*)?(?:,[^,;:]{0,60},\s*|,?\s*)(?:\p{Ll}+\s+){0,2}$/u;

/** The signatories written right before `pos`: the list that ends there, read backwards from the verb. */
function listBefore(text: string, refs: Ref[], pos: number): Ref[] {
  const before = refs.filter((r) => r.end <= pos);
  const out: Ref[] = [];
  let at = pos;
  for (let i = before.length - 1; i >= 0; i--) {
    const r = before[i]!;
    if (r.end > at) continue;
    const gap = text.slice(r.end, at).replace(/^\s*\)/u, '');
    // a person and the organisation of their apposition are one signatory ("Mr X, DG of A, and Mr Y, PCA of B")
    const next = out[0];
    const apposition =
      (r.kind === 'person' && next?.kind === 'organisation' && ROLE_GAP.test(gap)) || /^\s*\(\s*$/u.test(gap);
    if (!(out.length ? apposition || LIST_GAP.test(gap) : BEFORE_VERB.test(gap))) break;
    out.unshift(r);
    at = r.start;
  }
  // "X, a joint venture between A and B, signed": a list after "between" is an apposition, not the signatories
  return /(?:between|entre)\s+(?:the\s+|la\s+|le\s+|les\s+|l['’])?$/u.test(text.slice(Math.max(0, at - 40), at))
    ? []
    : out;
}

/**
 * parties-before: "X et Y ont signé"; "Ont paraphé le document le DG de X, Y, et Z, qui dirige W": after the verb when
 * it opens the sentence. The signatories are the list right before the verb: an organisation named earlier in the
 * sentence ("Agence Ecofin reporting that X …") or in an apposition ("X, a joint venture between Y and Z,") is none.
 */
const signedTogether: SignHandler = (e, rule) => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    let parties = partiesOf(e.ctx, listBefore(e.ctx.text, e.inS, pos));
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
  const env = { ...e, used: new Set<number>() };
  let done = false;
  for (const rule of forLanguage(SIGN_RULES, lang)) {
    // "entre A et B" rules all read their own parties; a rule of another shape stops at the first that read any
    if (done && rule.slots.target !== 'parties-between') continue;
    if (SIGN_HANDLERS[rule.slots.target]!(env, rule)) done = true;
  }
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

/** Names of authorities beyond AUTHORITY's: "Haute autorité …", ministries, "Conseil supérieur …", regulators. */
const AUTHORITY_NAME = new RegExp(
  String.raw`(?:^|\s)(?:[Hh]aute\s+[Aa]utorité|[Aa]utorité|[Mm]inistère|[Mm]inistry|[Cc]onseil\s+supérieur|` +
    String.raw`[Rr]égulat|[Rr]egulat|[Aa]uthority)`,
  'u',
);
const AUTHORITY_SECTORS = new Set(['regulator', 'government']);

/** Whether an organisation is an authority: by its name, or by its sector in the lexicon of organisations. */
export function isAuthority(e: LocalEntity | undefined): boolean {
  if (!e || e.kind !== 'organisation') return false;
  const names = [e.name, ...e.forms];
  if (names.some((n) => AUTHORITY.test(n) || AUTHORITY_NAME.test(n))) return true;
  const lex = lexicon();
  return names.some((n) => {
    const id = lex.orgByName.get(normaliseName(n));
    const org = id === undefined ? undefined : lex.orgById.get(id);
    return org?.sector !== undefined && AUTHORITY_SECTORS.has(org.sector);
  });
}

/** Longest run of words between a sanction's verb (or noun) and the organisation it names. */
const OBJECT_GAP = 90;

/**
 * authority-subject > list-after: "la HAC suspend les programmes de TV5 Monde", "l’APDP a prononcé une sanction à
 * l’encontre de X": the subject when it is an authority (else the authority named last before the trigger in the
 * sentence), the organisation named first after the trigger within the clause and a list right after it.
 */
const sanctionedByAuthority = (e: SignEnv, rule: RelationRule): void => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const end = pos + m[0].length;
    const subject = e.subj(pos).find((r) => r.kind === 'organisation' && isAuthority(e.ctx.entities.get(r.id)));
    const authority =
      subject ??
      e.inS.filter((r) => r.end <= pos && r.kind === 'organisation' && isAuthority(e.ctx.entities.get(r.id))).pop();
    if (!authority) continue;
    const first = e.inS.find((r) => r.start >= end && r.kind === 'organisation' && r.id !== authority.id);
    if (
      !first ||
      first.start - end > OBJECT_GAP ||
      /[;:»"”]|\s(?:qui|que|dont|which|that)\s/u.test(e.ctx.text.slice(end, first.start))
    )
      continue;
    const targets = [first];
    for (const r of e.inS.filter((x) => x.start > first.start && x.kind === 'organisation')) {
      const gap = e.ctx.text.slice(targets[targets.length - 1]!.end, r.start);
      if (!/^\s*(?:,\s*|\s+et\s+|\s+and\s+|,\s*et\s+)(?:la\s+|le\s+|les\s+|l['’]|the\s+)?$/u.test(gap)) break;
      targets.push(r);
    }
    for (const b of targets) if (b.id !== authority.id) add(e.ctx, 'sanctioned', authority.id, b.id, e.s, rule);
  }
};

/** The authority of a passive sanction noun: the organisation after "par"/"by" right after the one sanctioned. */
const BY_AFTER = /^[^.;]{0,60}?\s(?:par|by)\s+(?:la\s+|le\s+|les\s+|l['’]|the\s+)?$/u;

/**
 * by-after-object > object-after: "une amende … a été infligée à X par Y", "a fine was imposed on X by Y": the one
 * sanctioned right after the verb, the authority after "par"/"by" (else the authority named before in the sentence).
 */
const sanctionNounPassive = (e: SignEnv, rule: RelationRule): void => {
  for (const m of scan(re(rule), e.s.text)) {
    const pos = e.s.start + m.index!;
    const end = pos + m[0].length;
    const target = e.inS.find((r) => r.kind === 'organisation' && r.start >= end - 1);
    if (!target || target.start - end > 40) continue;
    const by = e.inS.find(
      (r) => r.kind === 'organisation' && r.start > target.end && BY_AFTER.test(e.ctx.text.slice(target.end, r.start)),
    );
    const authority =
      by ??
      e.inS.filter((r) => r.end <= pos && r.kind === 'organisation' && isAuthority(e.ctx.entities.get(r.id))).pop();
    if (authority && authority.id !== target.id) add(e.ctx, 'sanctioned', authority.id, target.id, e.s, rule);
  }
};

const SANCTION_HANDLERS: Record<string, (e: SignEnv, rule: RelationRule) => void> = {
  'by-after-object': sanctionNounPassive,
  'subject-before': sanctionedAfter,
  'by-phrase': sanctionedBy,
  'authority-before': sanctionReceived,
  'authority-subject': sanctionedByAuthority,
};
const SANCTION_RULES = RELATION_RULES.filter((r) => r.relation === 'sanctioned');

export function sanctions(e: SignEnv, lang: 'fr' | 'en'): void {
  for (const rule of forLanguage(SANCTION_RULES, lang)) SANCTION_HANDLERS[rule.slots.source]!(e, rule);
}
