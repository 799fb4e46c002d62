// The record every extraction rule is: what it finds, in which language, how sure, in what order,
// the trigger it needs (written with named fragments, see fragments.ts), how its slots are filled,
// an example it must fire on, a counterexample it must not, and why it exists. Tests are generated
// from the records (test/rules.test.ts); `kunafoni explain` prints their `reason`.
import type { RelationKind } from '../types.js';
import { compile } from './fragments.js';

export type Lang = 'fr' | 'en' | 'any';
export type CommitmentStatus = 'announced' | 'signed' | 'implemented' | 'abandoned';

/**
 * Named resolvers that fill a rule's slots (the code behind each name is in the module of the
 * rule's relation: meetings.ts, commitments.ts, agreements.ts, roles.ts).
 */
export type Resolver =
  | 'subject-before' // the subject of the clause: a pronoun, an anaphor, a title or the nearest name before the trigger
  | 'subject-person-before' // the same, people only
  | 'guests-after' // the people (else up to three organisations) after the trigger, up to a relative clause
  | 'guests-before' // the people named before a passive, "the two men", else the subject
  | 'by-phrase' // the first person after "par"/"by", else the article's current host
  | 'host-after-par' // the first person after "par" in an audience granted
  | 'first-person-after' // the first person after the trigger
  | 'people-after' // every person after the first one after the trigger
  | 'people-before-pair' // the two people named before the trigger
  | 'parties-after' // every person after the trigger, pairwise
  | 'visited-after' // the people and organisations right after a visit verb
  | 'pending-host' // the host of the previous sentence's meeting that named no guest
  | 'people-in-sentence' // every person of the sentence
  | 'companions-after' // the people after "accompagné de"
  | 'other-party' // the other party of the last meeting the article told of
  | 'clause-after' // the commitment: the clause after the trigger (or the trigger itself, keepMatch)
  | 'speaker' // who said the quote or gave the assurance
  | 'quote' // the quoted undertaking
  | 'list-after' // the organisations named after the trigger and a list right after the first
  | 'parties-between' // the parties named after "entre"/"by"
  | 'parties-before' // the signatories named before the verb (after it when the verb opens the sentence)
  | 'org-before' // the organisation named before a passive
  | 'by-after-object' // the organisation after "par"/"by" right after the object (else the authority named before)
  | 'object-after' // the organisation named right after the trigger
  | 'authority-before' // the regulator named last before the trigger
  | 'authority-subject' // the subject when it is an authority, else the authority named last in the sentence
  | 'meeting-participants' // the people of the article's meetings (or the organisations the sentence names)
  | 'topics-in-sentence' // the topics of the taxonomy the sentence names
  | 'person' // the person the pattern is read around
  | 'org-of-pattern' // the organisation the pattern names or its common noun stands for
  | 'no-org'; // a role without an organisation

export interface RuleBase {
  /** Kept in every evidence the rule gives; unique. */
  id: string;
  lang: Lang;
  /** Rules of one relation run in increasing priority; the first to claim a reading wins. */
  priority: number;
  /** A pattern written with named fragments ({AUX}, {ASIDE}, {ROLE}…); see fragments.ts. */
  trigger?: string;
  /** RegExp flags of the trigger (default "gu"). */
  flags?: string;
  /** Compile as written: no Unicode meaning given to `\b` (the trigger spells its boundaries). */
  plain?: boolean;
  /** What vetoes a match, in words (the veto is part of the trigger or of the resolver). */
  unless?: string;
  /** A sentence the rule must fire on, with its own id. */
  example: string;
  /** A close sentence it must not fire on. */
  counterexample: string;
  /** Why the rule exists, in one line: printed by `kunafoni explain`. */
  reason: string;
}

export interface RelationRule extends RuleBase {
  trigger: string;
  relation: RelationKind;
  /** Trust in the reading, before resolution steps (a title, a pronoun) lower it. */
  confidence: number;
  slots: { source: Resolver; target: Resolver };
  /** Fixed roles the rule may give without reading a title (holds-role), which roles.json must define. */
  roles?: string[];
  /** committed-to: the status the wording gives. */
  status?: CommitmentStatus;
  /** committed-to: keep the matched words in the commitment phrase (the object is inside the match). */
  keepMatch?: boolean;
  /** committed-to: the subject must be written right before the verb. */
  tight?: boolean;
  /** committed-to: reported speech: the entity named right after "que"/"that" commits, else the speaker. */
  subjectAfter?: boolean;
}

export type MentionKind = 'person' | 'organisation' | 'place';

/**
 * A mention rule: what kind of entity it finds; a finder that reads a lexicon or earlier mentions has no pattern of its
 * own.
 */
export interface MentionRule extends RuleBase {
  kind: MentionKind;
  /** How the rule finds its mentions when no single trigger does (a lexicon, the names found before). */
  finder?: string;
  /** A quick test the text must pass before the trigger runs (the words the rule needs). */
  needs?: string;
}

/** A relation inferred from another one: kept in the evidence as "<rule id>+<name>", its confidence lowered. */
export const DERIVED = {
  'member-of-visited': {
    factor: 0.85,
    reason: 'a visit or an audience with an organisation is a meeting with its people named in the story',
  },
} as const;
export type Derived = keyof typeof DERIVED;

const compiled = new WeakMap<RuleBase, RegExp>();
/** A rule's trigger, compiled once (per record: the fragments are written out on first use only). */
export const re = (rule: RuleBase): RegExp => {
  let r = compiled.get(rule);
  if (r) return r;
  if (!rule.trigger)
    throw new Error(`rules: rule ${rule.id} has no trigger (its finder: ${(rule as MentionRule).finder ?? 'none'})`);
  compiled.set(rule, (r = compile(rule.trigger, rule.flags ?? 'gu', rule.plain)));
  return r;
};

/** The rules for a language, in order of priority (ties keep their order in the table). */
export const forLanguage = <R extends RuleBase>(rules: readonly R[], lang: 'fr' | 'en'): R[] =>
  rules.filter((r) => r.lang === 'any' || r.lang === lang).sort((a, b) => a.priority - b.priority);
