// Relation candidates of one article: every pair of entity mentions in one sentence whose kinds fit a
// relation, plus every relation the rules read (committed-to among them). A candidate keeps the rule
// relations that state it, so a scorer can weigh the rules' hits beside the context of the pair.
import type { Lang, LocalEntity, LocalRelation, RelationKind, Sentence } from '../types.js';
import { spansWithin } from './context.js';
import { lexicon } from './lexicon.js';
import { topicsIn } from './topics.js';
import { ANY_FUTURE } from './cues.js';

export type ScoredKind = Exclude<RelationKind, 'discussed'>;

/** A mention of an entity inside a sentence (character offsets in the article text). */
export interface Span {
  id: string;
  kind: 'person' | 'organisation';
  start: number;
  end: number;
}

export interface Candidate {
  kind: ScoredKind;
  source: string;
  target: string;
  sentence: Sentence;
  /** Index of the sentence in the article (0 = first). */
  index: number;
  /** The two mentions read (absent when the rules named an end by a title or a pronoun). */
  a?: Span;
  b?: Span;
  /** The rule relations stating this candidate (same kind, ends and sentence). */
  rules: LocalRelation[];
  /** Ids of the rules of another kind that fired on the same two entities in this sentence. */
  otherRules: string[];
  /** committed-to candidates no rule read: the undertaking's trigger and the clause it opens. */
  trigger?: { start: number; end: number; word: string };
  commitment?: string;
  /**
   * How a committed-to candidate's actor was found when it is not the name right before the undertaking:
   * a title standing for a person ("le ministre"), the subject carried from the previous sentence (the
   * sentence opens with "Il", "Le diplomate" and names no one before the undertaking), the agent after
   * "par" of a passive ("financé par X"), or the speaker after a quote ("« … », promet X").
   */
  actorVia?: 'title' | 'carried' | 'agent' | 'speaker';
  /**
   * A rule of this kind read other ends in this sentence and not these: the rules read the sentence's agreement or
   * sanction, and this pair is not among its parties ("X a signé avec A, B et C": A and B signed nothing together).
   */
  ruledElsewhere?: boolean;
}

/** Kinds that may hold between two entity kinds, in the order (first mention, second mention). */
function kindsFor(a: Span, b: Span): Array<{ kind: ScoredKind; source: Span; target: Span }> {
  const out: Array<{ kind: ScoredKind; source: Span; target: Span }> = [{ kind: 'met-with', source: a, target: b }];
  if (a.kind === 'person' && b.kind === 'organisation') out.push({ kind: 'holds-role', source: a, target: b });
  if (a.kind === 'organisation' && b.kind === 'person') out.push({ kind: 'holds-role', source: b, target: a });
  if (a.kind === 'organisation' && b.kind === 'organisation') {
    out.push({ kind: 'signed-agreement-with', source: a, target: b });
    out.push({ kind: 'sanctioned', source: a, target: b }, { kind: 'sanctioned', source: b, target: a });
  }
  return out;
}

const UNDIRECTED_KINDS = new Set<RelationKind>(['met-with', 'signed-agreement-with']);
const pairKey = (kind: RelationKind, s: string, t: string, at: number) =>
  `${kind}|${UNDIRECTED_KINDS.has(kind) ? [s, t].sort().join('|') : `${s}|${t}`}|${at}`;

/** The closest pair of mentions of two entities in a sentence, in text order. */
function closest(xs: Span[], ys: Span[]): [Span, Span] | undefined {
  let best: [Span, Span] | undefined;
  let gap = Infinity;
  for (const x of xs)
    for (const y of ys) {
      const d = x.start < y.start ? y.start - x.end : x.start - y.end;
      if (d >= 0 && d < gap) {
        gap = d;
        best = x.start < y.start ? [x, y] : [y, x];
      }
    }
  return best;
}

/** Longest sentence span (in characters) between two mentions still taken as a candidate pair. */
const MAX_GAP = 400;

/**
 * The candidates of an article. `anaphors` are the mentions the rules resolved that are not names (a
 * title standing for a person), sorted by start: they widen who may be the actor of an undertaking.
 */
export function candidatesOf(
  sentences: Sentence[],
  entities: LocalEntity[],
  relations: LocalRelation[],
  lang: Lang = 'fr',
  anaphors: Span[] = [],
): Candidate[] {
  const spans: Span[] = [];
  for (const e of entities)
    if (e.kind === 'person' || e.kind === 'organisation')
      for (const m of e.mentions) spans.push({ id: e.id, kind: e.kind, start: m.start, end: m.end });
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  const out = new Map<string, Candidate>();
  const indexOf = new Map(sentences.map((s, i) => [s.start, i]));
  sentences.forEach((s, index) => {
    const inS = spansWithin(spans, s.start, s.end);
    const ids = [...new Set(inS.map((m) => m.id))];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const pair = closest(
          inS.filter((m) => m.id === ids[i]),
          inS.filter((m) => m.id === ids[j]),
        );
        if (!pair || pair[1].start - pair[0].end > MAX_GAP) continue;
        for (const k of kindsFor(pair[0], pair[1])) {
          const key = pairKey(k.kind, k.source.id, k.target.id, s.start);
          if (!out.has(key))
            out.set(key, {
              kind: k.kind,
              source: k.source.id,
              target: k.target.id,
              sentence: s,
              index,
              a: k.source,
              b: k.target,
              rules: [],
              otherRules: [],
            });
        }
      }
  });
  for (const r of relations) {
    if (r.kind === 'discussed') continue;
    const key =
      r.kind === 'committed-to'
        ? `${pairKey(r.kind, r.source, r.target, r.sentence.start)}|${r.commitment ?? ''}`
        : pairKey(r.kind, r.source, r.target, r.sentence.start);
    let c = out.get(key);
    if (!c) {
      const mine = spansWithin(spans, r.sentence.start, r.sentence.end);
      const a = mine.find((m) => m.id === r.source);
      const b = mine.find((m) => m.id === r.target);
      c = {
        kind: r.kind,
        source: r.source,
        target: r.target,
        sentence: r.sentence,
        index: indexOf.get(r.sentence.start) ?? 0,
        rules: [],
        otherRules: [],
      };
      if (a) c.a = a;
      if (b) c.b = b;
      out.set(key, c);
    }
    c.rules.push(r);
  }
  for (const c of undertakings(sentences, spans, anaphors, relations, lang))
    out.set(`${c.kind}|${c.source}|${c.sentence.start}|gen`, c);
  markOtherRules(out.values(), relations);
  markRuledElsewhere(out.values(), relations);
  return [...out.values()];
}

/** Kinds whose candidates learn from the rules' reading of the rest of the sentence (see Candidate.ruledElsewhere). */
const READ_ELSEWHERE = new Set<RelationKind>(['signed-agreement-with', 'sanctioned']);

function markRuledElsewhere(cands: Iterable<Candidate>, relations: LocalRelation[]): void {
  const ruled = new Set(relations.map((r) => `${r.kind}|${r.sentence.start}`));
  for (const c of cands)
    if (READ_ELSEWHERE.has(c.kind) && !c.rules.length && ruled.has(`${c.kind}|${c.sentence.start}`))
      c.ruledElsewhere = true;
}

/** Words that open an undertaking: a pledge, a plan, a financing, a future action. */
const UNDERTAKING = new RegExp(
  String.raw`(?<![\p{L}])(?:s['’]engag\p{L}*|(?:s['’]est|se\s+sont)\s+engag\p{L}*|engagements?|promet\p{L}*|` +
    String.raw`(?:a|ont)\s+promis|entend\p{L}*|compte(?:nt)?(?=\s+\p{Ll}+(?:er|ir|re)\b)|prévoi\p{L}*|` +
    String.raw`s['’]apprêt\p{L}*|(?:va|vont)(?=(?:\s*,[^,.;]{1,60},)?\s+\p{Ll}+(?:er|ir|re)\b)|(?:a|ont)\s+accordé|` +
    String.raw`accorder\p{L}*|` +
    String.raw`octroi\p{L}*|financer\p{L}*|financement|financée?s?|(?:a|` +
    String.raw`ont)\s+(?:\p{Ll}+ment\s+)?décidé(?=\s+(?:de|d['’])\s*\p{Ll}+(?:er|ir|re)\b)|décident?(?=\s+(?:de` +
    String.raw`|d['’])\s*\p{Ll}+(?:er|ir|re)\b)|(?:a|ont)\s+(?:\p{Ll}+ment\s+)?proposé|proposent?(?=\s+(?:de|` +
    String.raw`d['’]|la|le|les|l['’]))|doi(?:t|vent)(?=(?:\s*,[^,.;]{1,60},)?\s+\p{Ll}+(?:er|ir|re)\b)|espère(?:nt)?|` +
    String.raw`ambitionne(?:nt)?|investi\p{L}*|mobilis\p{L}*|contribuer\p{L}*|volonté\s+de|will|pledge\p{L}*|` +
    String.raw`commit\p{L}*|promis\p{L}*|would|decided\s+to|proposed|plans?\s+to|intends?\s+to|aims?\s+to|` +
    String.raw`agreed\s+to|grant\p{L}*|to\s+fund|to\s+finance|invest\p{L}*)(?![\p{L}])`,
  'giu',
);

/** Rules of other kinds on the same pair and sentence ("holds-role fired here" speaks against met-with). */
function markOtherRules(cands: Iterable<Candidate>, relations: LocalRelation[]): void {
  const byPair = new Map<string, string[]>();
  for (const r of relations) {
    const k = `${[r.source, r.target].sort().join('|')}|${r.sentence.start}`;
    byPair.set(k, [...(byPair.get(k) ?? []), `${r.kind}:${r.rule}`]);
  }
  for (const c of cands) {
    const others = byPair.get(`${[c.source, c.target].sort().join('|')}|${c.sentence.start}`) ?? [];
    c.otherRules = [
      ...new Set(others.filter((x) => !x.startsWith(c.kind + ':')).map((x) => x.slice(0, x.indexOf(':')))),
    ].sort();
  }
}

/** One undertaking word anywhere (the same words, not global). */
const UNDERTAKING_ONE = new RegExp(UNDERTAKING.source, 'iu');

/** The clause an undertaking opens, up to the end of the sentence or a closing quote. */
function clauseAfter(text: string, from: number, to: number): string {
  let p = text.slice(from, to).replace(/^[\s«"“]+/u, '');
  const stop = /[»”]|\s[-–—]\s|;/u.exec(p);
  if (stop) p = p.slice(0, stop.index);
  p = p.replace(/[\s.,;:»"”]+$/u, '');
  return p.length > 260 ? p.slice(0, 260).replace(/\s+\S*$/u, '') : p;
}

/** What may follow a name that ends a clause: its apposition ("X, le directeur de Y"), then the sentence's end. */
const APPOSITION_TO_END =
  /^\s*(?:,\s*(?:le|la|les|l['’]|the|son|sa|ses|its|his|her)\b[^.;:!?«»"“”]*)?[\s.,;:!?»"”]*$/iu;

/**
 * "« … », promet X, le directeur de Y": the word is followed by a name and nothing else but its apposition. The name
 * is the speaker (or the object) of the word, not an undertaking: a commitment's object is never an entity.
 */
function namesOnlyAfter(s: Sentence, inS: Span[], end: number): boolean {
  const rest = s.text.slice(end - s.start);
  const lead = /^\s*(?:(?:le|la|les|l['’]|the)\s*)?/iu.exec(rest)![0].length;
  const named = inS.find((x) => x.start === end + lead);
  return !!named && APPOSITION_TO_END.test(s.text.slice(named.end - s.start));
}

/** Sentence openers that stand for the subject of the sentence before: a pronoun, a definite description. */
const CARRIED_OPENER = new RegExp(
  String.raw`^(?:Il|Elle|Ils|Elles|He|She|They|It|(?:Le|La|Les|L['’]|The|Cette|Ce|` +
    String.raw`This)\s*\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*)?)(?![\p{L}])`,
  'u',
);
/** The agent of a passive right after its participle: "financé par", "accordé par", "funded by". */
const AGENT = /^\p{L}*\s+(?:\p{Ll}+\s+){0,3}?(?:par|by)\s+/u;
/** A quote closed, then the speaker's verb: "« … », promet X", "« … », a assuré X". */
const SPEAKER_AFTER_QUOTE = new RegExp(
  String.raw`[»”"]\s*,?\s*(?:(?:a|ont)\s+)?(?:promis|promet|assuré|assure|annoncé|annonce|affirmé|affirme|` +
    String.raw`indiqué|indique|expliqué|explique|précisé|précise|souligné|souligne|déclaré|déclare|ajouté|` +
    String.raw`ajoute|said|says|added|promised)\s+`,
  'gu',
);
/** The quote a speaker closes at `end` (the opening mark to the closing one), if any. */
function quoteBefore(text: string, end: number): { start: number; text: string } | undefined {
  const close = text.slice(0, end).search(/[»”"]\s*,?\s*\S*\s*\S*\s*$/u);
  if (close < 0) return undefined;
  const open = Math.max(text.lastIndexOf('«', close), text.lastIndexOf('“', close), text.lastIndexOf('"', close - 1));
  return open < 0 ? undefined : { start: open, text: text.slice(open + 1, close) };
}

/** The subject a sentence hands to the next one: its first person, else the mention it opens with. */
function subjectOf(inS: Span[], s: Sentence): Span | undefined {
  return inS.find((x) => x.kind === 'person') ?? (inS[0] && inS[0].start - s.start < 40 ? inS[0] : undefined);
}

interface Actor {
  span: Span;
  via?: Candidate['actorVia'];
}

/** Who may have undertaken what a trigger at `at` opens: the two named closest before it, else the carried subject. */
function actorsOf(s: Sentence, inS: Span[], titled: Span[], at: number, end: number, carried?: Span): Actor[] {
  const before = [...inS.map((span) => ({ span })), ...titled.map((span) => ({ span, via: 'title' as const }))]
    .filter((x) => x.span.end <= at)
    .sort((x, y) => y.span.start - x.span.start);
  const out = [...new Map(before.map((x) => [x.span.id, x])).values()].slice(0, 2) as Actor[];
  const agent = AGENT.exec(s.text.slice(end - s.start, end - s.start + 40));
  if (agent) {
    const from = end + agent[0].length;
    for (const x of inS.filter((y) => y.start >= from - 3 && y.start - from < 80).slice(0, 3))
      if (!out.some((o) => o.span.id === x.id)) out.push({ span: x, via: 'agent' });
  }
  if (!before.length && carried && CARRIED_OPENER.test(s.text)) out.push({ span: carried, via: 'carried' });
  return out;
}

/**
 * committed-to candidates: who is named (or stood for) before an undertaking word of the sentence, or speaks after a
 * quote.
 */
function undertakings(
  sentences: Sentence[],
  spans: Span[],
  anaphors: Span[],
  relations: LocalRelation[],
  lang: Lang,
): Candidate[] {
  const ruled = new Set(
    relations.filter((r) => r.kind === 'committed-to').map((r) => `${r.source}|${r.sentence.start}`),
  );
  const out: Candidate[] = [];
  let carried: Span | undefined;
  sentences.forEach((s, index) => {
    const inS = spansWithin(spans, s.start, s.end);
    const titled = spansWithin(anaphors, s.start, s.end);
    const seen = new Set<string>();
    const push = (a: Actor, trigger: NonNullable<Candidate['trigger']>, commitment: string) => {
      if (seen.has(a.span.id) || ruled.has(`${a.span.id}|${s.start}`) || commitment.length < 12) return;
      seen.add(a.span.id);
      const topic = topicsIn(commitment, lang)[0] ?? lexicon().fallbackTopic;
      const c: Candidate = {
        kind: 'committed-to',
        source: a.span.id,
        target: `topic:${topic.id}`,
        sentence: s,
        index,
        a: a.span,
        rules: [],
        otherRules: [],
        trigger,
        commitment,
      };
      if (a.via) c.actorVia = a.via;
      out.push(c);
    };
    for (const m of s.text.matchAll(UNDERTAKING)) {
      const at = s.start + m.index!;
      const trigger = { start: at, end: at + m[0].length, word: m[0].toLowerCase().replace(/\s+/g, ' ') };
      if (namesOnlyAfter(s, inS, trigger.end)) continue;
      const commitment = clauseAfter(s.text, m.index!, s.text.length);
      for (const a of actorsOf(s, inS, titled, at, trigger.end, carried)) push(a, trigger, commitment);
    }
    for (const m of s.text.matchAll(SPEAKER_AFTER_QUOTE)) {
      const from = s.start + m.index! + m[0].length;
      const speaker = inS.find((x) => x.start >= from && x.start - from < 30) ?? titled.find((x) => x.start === from);
      const quote = quoteBefore(s.text, m.index! + 1);
      if (!speaker || !quote || !(ANY_FUTURE.test(quote.text) || UNDERTAKING_ONE.test(quote.text))) continue;
      const at = s.start + m.index!;
      const word = m[0]
        .replace(/^[»”"\s,]+/u, '')
        .trim()
        .toLowerCase();
      push(
        { span: speaker, via: 'speaker' },
        { start: at, end: from, word },
        clauseAfter(quote.text, 0, quote.text.length),
      );
    }
    carried =
      subjectOf(
        [...inS, ...titled].sort((x, y) => x.start - y.start),
        s,
      ) ?? carried;
  });
  return out;
}

/** The label of a topic of the taxonomy by its entity id (`topic:…`), in the article's language. */
export function topicLabel(id: string, lang: Lang): string {
  const key = id.slice('topic:'.length);
  const t = [...lexicon().topics, lexicon().fallbackTopic].find((x) => x.id === key);
  return t ? (lang === 'en' ? t.labelEn : t.label) : key;
}

/** The candidates of one relation of an article: one (kind, source, target), every sentence that may state it. */
export interface CandidateGroup {
  kind: ScoredKind;
  source: string;
  target: string;
  members: Candidate[];
}

/** Groups candidates by relation (a commitment by its clause too), in the order of their first member. */
export function groupCandidates(cands: Candidate[]): CandidateGroup[] {
  const groups = new Map<string, CandidateGroup>();
  for (const c of cands) {
    const ends = UNDIRECTED_KINDS.has(c.kind) ? [c.source, c.target].sort().join('|') : `${c.source}|${c.target}`;
    const key =
      c.kind === 'committed-to'
        ? `${c.kind}|${ends}|${c.sentence.start}|${c.commitment ?? c.rules[0]?.commitment ?? ''}`
        : `${c.kind}|${ends}`;
    const g = groups.get(key);
    if (g) g.members.push(c);
    else groups.set(key, { kind: c.kind, source: c.source, target: c.target, members: [c] });
  }
  return [...groups.values()];
}
