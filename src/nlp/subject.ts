// The subject-before resolver: the entity a pronoun, an anaphor ("l’opérateur", "le Fonds", "les deux
// parties"), a title or a name written before a trigger makes the subject of its clause; and the
// organisation a common noun stands for ("le régulateur", "la société").
import type { Sentence } from '../types.js';
import { lexiconSector } from './lexicon.js';
import { type Ctx, type Kind, type Ref, orgOfPerson } from './context.js';
import { ORG_ANAPHOR, PARTIES_ANAPHOR } from './cues.js';
import { lowerBound } from '../text/search.js';

/** Public bodies, lenders and agencies: not what "l’opérateur" or "the company" refers back to. */
export const PUBLIC_BODY = new RegExp(
  String.raw`^(?:Minist|Agence|Autorité|Banque|Fonds|Direction|Union|Commission|Conseil|Office|Agency|` +
    String.raw`Authority|Bank|Fund|Ministry|West African Development Bank)|(?:Bank|Fund|Agency|Authority)\b`,
  'u',
);

/** Regulators, courts and central banks: who warns, fines or suspends. */
export const AUTHORITY = new RegExp(
  String.raw`^(?:Autorité|Commission|Conseil|Tribunal|Cour|Banque centrale|Direction générale|` +
    String.raw`Agence de régulation|Authority|Commission|Court|Central Bank)|Régulation|Regulat|BCEAO|APDP|` +
    String.raw`AMRTP`,
  'u',
);

/** Banks, funds and lenders: what "l’établissement" or "the lender" refers back to. */
const FINANCIAL = /Banque|Bank|Fonds|Fund|Caisse|Crédit|Credit|Microfinance|BOAD|FAGACE|BCEAO/u;

const HEADS =
  '[Ff]onds|[Aa]gence|[Aa]utorité|[Bb]anque|[Ff]édération|[Aa]ssociation|[Uu]nion|[Oo]ffice|' +
  '[Cc]ommission|[Ff]ondation|[Ff]und|[Aa]gency|[Aa]uthority|[Bb]ank|[Rr]égulateur|[Rr]egulator';
const HEAD_ANAPHOR = new RegExp(`(?<![\\p{L}])(?:[Ll]e|[Ll]a|[Ll]['’]|[Tt]he)\\s*(${HEADS})(?!\\s*[\\p{Lu}(])`, 'gu');

export function headMatches(name: string, head: string): boolean {
  const n = name.toLowerCase();
  head = head.toLowerCase();
  if (head === 'régulateur' || head === 'regulator') return /régulation|regulat|autorité|authority/u.test(n);
  // French names open with their head ("Banque mondiale"), English ones end with it ("African Development Bank")
  return n.startsWith(head + ' ') || n.includes(' ' + head + ' ') || n.endsWith(' ' + head);
}

const asAnaphor = (refs: Ref[], at: number, len: number): Ref[] =>
  refs.map((r) => ({ ...r, via: 'pronoun', start: at, end: at + len }));

/**
 * Where the clause of `pos` starts: the last ";" at or before `pos` within the sentence, else the sentence start (only
 * the sentence is read).
 */
function lastSemicolon(text: string, sStart: number, pos: number): number {
  for (let i = Math.min(pos, text.length - 1); i > sStart; i--) if (text.charCodeAt(i) === 59) return i;
  return sStart;
}

/** The entity a pronoun, a title or a name before `pos` makes the subject of the clause. */
export function subjectBefore(ctx: Ctx, s: Sentence, inS: Ref[], pos: number, prev: Ref[], parties: string[]): Ref[] {
  const before = inS.filter((r) => r.end <= pos);
  const clauseStart = lastSemicolon(ctx.text, s.start, pos);
  const lead = ctx.text.slice(clauseStart, pos);
  // every way of naming the subject, at the place it is written: the one nearest the verb wins
  const cands: Array<{ at: number; refs: Ref[] }> = [];
  // "quant à elle", "à lui" are not subjects
  const pronoun = [
    ...lead.matchAll(/(?<![\p{L}])(?<!à\s)(?:[Ii]l|[Ee]lle|[Ii]ls|[Ee]lles|[Hh]e|[Ss]he|[Tt]hey)(?![\p{L}])/gu),
  ].pop();
  // "Sènè Microfinance, elle, a reçu …": a pronoun set off right after a name is that name, not the previous subject
  const apposed = pronoun && before.some((r) => /^\s*,\s*$/u.test(ctx.text.slice(r.end, clauseStart + pronoun.index!)));
  if (pronoun && prev.length && !apposed)
    cands.push({
      at: clauseStart + pronoun.index!,
      refs: asAnaphor(prev, clauseStart + pronoun.index!, pronoun[0].length),
    });
  // an anaphor after a preposition ("le patron de l’opérateur") is a complement, not the subject
  const notComplement = (m: RegExpMatchArray) =>
    !/(?:^|\s)(?:de|du|des|d['’]|à|au|aux|par|avec|pour|sur|chez|entre|of|with|by|for)\s*$/iu.test(
      lead.slice(0, m.index!),
    );
  const head = headAnaphor(ctx, lead, clauseStart, notComplement);
  if (head) cands.push(head);
  const anaphor = orgAnaphor(ctx, inS, lead, clauseStart, notComplement);
  if (anaphor) cands.push(anaphor);
  // "les deux parties": the signatories of the agreement told of earlier
  const both = [...lead.matchAll(PARTIES_ANAPHOR)].pop();
  if (both && parties.length >= 2) {
    const at = clauseStart + both.index!;
    cands.push({
      at,
      refs: parties.map((id) => ({
        id,
        kind: ctx.entities.get(id)!.kind as Kind,
        start: at,
        end: at + both[0].length,
        via: 'pronoun' as const,
      })),
    });
  }
  // the nearest person named before the verb (the organisations of its apposition are not the subject)
  const persons = before.filter((r) => r.kind === 'person');
  const named = persons.length ? persons[persons.length - 1]! : before[before.length - 1];
  if (named) cands.push({ at: persons.length ? named.start : named.start - 1, refs: [named] });
  cands.sort((a, b) => b.at - a.at);
  return cands[0]?.refs ?? [];
}

/** "le Fonds", "l’Agence", "le régulateur": the organisation of that kind named last. */
function headAnaphor(
  ctx: Ctx,
  lead: string,
  clauseStart: number,
  notComplement: (m: RegExpMatchArray) => boolean,
): { at: number; refs: Ref[] } | undefined {
  const head = [...lead.matchAll(HEAD_ANAPHOR)].filter(notComplement).pop();
  if (!head) return undefined;
  const word = head[1]!.toLowerCase();
  const at = clauseStart + head.index!;
  const org = lastRefBefore(
    ctx,
    at,
    (r) => r.kind === 'organisation' && headMatches(ctx.entities.get(r.id)?.name ?? '', word),
  );
  return org ? { at, refs: asAnaphor([org], at, head[0].length) } : undefined;
}

/**
 * "l’opérateur", "la société": the last company named, not a ministry, a bank or an agency;
 * "l’établissement", "the lender": the last bank or fund; "X, dont l’établissement …": X's organisation.
 */
function orgAnaphor(
  ctx: Ctx,
  inS: Ref[],
  lead: string,
  clauseStart: number,
  notComplement: (m: RegExpMatchArray) => boolean,
): { at: number; refs: Ref[] } | undefined {
  const anaphor = [...lead.matchAll(ORG_ANAPHOR)].filter(notComplement).pop();
  if (!anaphor) return undefined;
  const at = clauseStart + anaphor.index!;
  const orgs = ctx.refs.filter((r) => r.kind === 'organisation' && r.end <= at);
  const nameOf = (r: Ref) => ctx.entities.get(r.id)?.name ?? '';
  const owner = /dont\s*$/u.test(lead.slice(0, anaphor.index!))
    ? inS.filter((r) => r.kind === 'person' && r.end <= at).pop()
    : undefined;
  const ownerOrg = owner ? orgOfPerson(ctx, owner.id) : undefined;
  const lender = /établissement|institution|lender/iu.test(anaphor[0]);
  const org = ownerOrg
    ? (orgs.find((r) => r.id === ownerOrg) ?? {
        id: ownerOrg,
        kind: 'organisation' as const,
        start: at,
        end: at,
        via: 'pronoun' as const,
      })
    : lender
      ? (orgs.filter((r) => FINANCIAL.test(nameOf(r))).pop() ?? orgs.pop())
      : (salient(
          operatorOnly(
            ctx,
            anaphor[0],
            orgs.filter((r) => !PUBLIC_BODY.test(nameOf(r))),
          ),
        ) ?? orgs.pop());
  return org ? { at, refs: asAnaphor([org], at, anaphor[0].length) } : undefined;
}

/** "l’opérateur", "the operator": an operator when one was named (not the equipment maker named since). */
function operatorOnly(ctx: Ctx, anaphor: string, refs: Ref[]): Ref[] {
  if (!/opérateur|operator/iu.test(anaphor)) return refs;
  const operators = refs.filter((r) => {
    const sector = lexiconSector(ctx.entities.get(r.id));
    return sector
      ? /operator|satellite/u.test(sector)
      : /T[ée]l[ée]com|Mobile|Wireless|Telecel|Satcom|Networks?|Fibre|Fiber/u.test(ctx.entities.get(r.id)?.name ?? '');
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

/**
 * The organisation a common noun stands for ("le régulateur", "la société", "l’institution"): the last one of that kind
 * named before `pos`.
 */
export function orgOfNoun(ctx: Ctx, noun: string, pos: number): Ref | undefined {
  const n = noun.toLowerCase();
  const nameOf = (r: Ref) => ctx.entities.get(r.id)?.name ?? '';
  const org = (ok: (r: Ref) => boolean) => lastRefBefore(ctx, pos, (r) => r.kind === 'organisation' && ok(r));
  if (
    /^(?:régulateur|regulator|agence|agency|autorité|banque|bank|collectif|syndicat|association|coopérative)$/u.test(n)
  )
    return org((r) => headMatches(nameOf(r), n === 'regulator' ? 'régulateur' : n));
  if (/^(?:institution|fonds|lender)$/u.test(n)) return org((r) => FINANCIAL.test(nameOf(r))) ?? org(() => true);
  return org((r) => !PUBLIC_BODY.test(nameOf(r)));
}

/**
 * The last ref that ends at or before `pos` and that `ok` accepts: a walk back from `pos` through the refs (sorted by
 * start), which stops at the first it accepts, rather than a scan of every ref before `pos`.
 */
function lastRefBefore(ctx: Ctx, pos: number, ok: (r: Ref) => boolean): Ref | undefined {
  for (let i = lowerBound(ctx.refs.length, (j) => ctx.refs[j]!.start <= pos) - 1; i >= 0; i--) {
    const r = ctx.refs[i]!;
    if (r.end <= pos && ok(r)) return r;
  }
  return undefined;
}
