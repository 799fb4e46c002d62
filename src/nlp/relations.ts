// Relations of one article: roles from appositions and titles, meetings, commitments, agreements,
// sanctions and discussed topics. The rules are the records of rules.ts; this module runs them
// sentence by sentence, passing the article state (context.ts) from one sentence to the next.
// Every relation keeps its sentence and the id of its rule.
import type { LocalEntity, Sentence } from '../types.js';
import {
  type ArticleState,
  type Ctx,
  type Ref,
  type TopicEntity,
  dedupe,
  initialState,
  nextState,
  refsIn,
} from './context.js';
import { PRONOUN_SUBJECT } from './cues.js';
import { appositionRoles } from './roles.js';
import { titleMentions } from './titles.js';
import { subjectBefore } from './subject.js';
import { discussed, meetingsIn, membersOfVisited } from './meetings.js';
import { commitments } from './commitments.js';
import { agreements, sanctions } from './agreements.js';

export type { Ref, TopicEntity } from './context.js';
export type { ArticleState } from './context.js';

export interface RelationsResult {
  relations: import('../types.js').LocalRelation[];
  /** Topic entities that relations point to. */
  topics: TopicEntity[];
  /** Mentions resolved that are not names (a title standing for a person), in text order. */
  anaphors: Ref[];
}

/** Sentences whose subject is a body that is not an entity of the graph. */
const GENERIC_SUBJECT = new RegExp(
  String.raw`^(?:[\p{L}’' ,]{0,40}?)(?:[Ll]e\s+gouvernement|[Ll]es\s+autorités|[Ll]['’](?:État|Etat|exécutif)` +
    String.raw`|[Ll]e\s+[Cc]onseil\s+des\s+[Mm]inistres|[Tt]he\s+government|[Tt]he\s+authorities)\b`,
  'u',
);

export function extractRelations(
  text: string,
  sentences: Sentence[],
  entities: LocalEntity[],
  lang: 'fr' | 'en',
  published?: string,
): RelationsResult {
  const refs: Ref[] = [];
  for (const e of entities)
    if (e.kind === 'person' || e.kind === 'organisation')
      for (const m of e.mentions) refs.push({ id: e.id, kind: e.kind, start: m.start, end: m.end, via: 'name' });
  refs.sort((a, b) => a.start - b.start);
  const ctx: Ctx = {
    text,
    sentences,
    entities: new Map(entities.map((e) => [e.id, e])),
    refs,
    relations: [],
    roleOf: new Map(),
    topics: new Map(),
    eventDates: new Map(),
  };
  if (published) ctx.published = published;
  for (const s of sentences) appositionRoles(ctx, s);
  titleMentions(ctx);
  let state = initialState();
  for (const s of sentences) state = sentenceRelations(ctx, s, state, lang);
  membersOfVisited(ctx, state);
  discussed(ctx);
  const anaphors = ctx.refs.filter((r) => r.via !== 'name');
  return { relations: dedupe(ctx.relations), topics: [...ctx.topics.values()], anaphors };
}

/**
 * The relations one sentence states, given what the sentences before it told; returns the state the next one starts
 * from.
 */
export function sentenceRelations(ctx: Ctx, s: Sentence, before: ArticleState, lang: 'fr' | 'en'): ArticleState {
  const st = nextState(before);
  const inS = refsIn(ctx, s);
  const subj = (pos: number) => subjectBefore(ctx, s, inS, pos, st.prev, st.parties);
  meetingsIn({ ctx, s, inS, subj, st }, lang);
  commitments(ctx, s, subj, lang);
  agreements({ ctx, s, inS, subj, st }, lang);
  sanctions({ ctx, s, inS, subj, st }, lang);
  st.prev = subjectForNext(ctx, s, inS, st.prev);
  return st;
}

/**
 * The subject a pronoun of the next sentence refers to: a person named in this one, or the
 * organisation it opens with; a sentence whose subject is no entity ("Le gouvernement a …") has none.
 */
function subjectForNext(ctx: Ctx, s: Sentence, inS: Ref[], prev: Ref[]): Ref[] {
  const here = inS.filter((r) => r.kind === 'person');
  const opening =
    inS[0] && !/\s\p{Ll}+(?:é|è|ait|ent|era|ira)\s/u.test(ctx.text.slice(s.start, inS[0].start)) ? [inS[0]] : [];
  const generic = GENERIC_SUBJECT.test(s.text);
  const first = here.length ? [here[0]!] : generic ? [] : opening;
  const startsWithPronoun = PRONOUN_SUBJECT.test(s.text) && (!inS.length || inS[0]!.start - s.start > 40);
  return startsWithPronoun ? prev : first.length || generic ? first : prev;
}
