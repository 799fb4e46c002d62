// Relation candidates of one article: every pair of entity mentions in one sentence whose kinds fit a
// relation, plus every relation the rules read (committed-to among them). A candidate keeps the rule
// relations that state it, so a scorer can weigh the rules' hits beside the context of the pair.
import type { LocalEntity, LocalRelation, RelationKind, Sentence } from '../types.js';

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

export function candidatesOf(sentences: Sentence[], entities: LocalEntity[], relations: LocalRelation[]): Candidate[] {
  const spans: Span[] = [];
  for (const e of entities)
    if (e.kind === 'person' || e.kind === 'organisation') for (const m of e.mentions) spans.push({ id: e.id, kind: e.kind, start: m.start, end: m.end });
  spans.sort((x, y) => x.start - y.start || x.end - y.end);
  const out = new Map<string, Candidate>();
  const indexOf = new Map(sentences.map((s, i) => [s.start, i]));
  sentences.forEach((s, index) => {
    const inS = spans.filter((m) => m.start >= s.start && m.end <= s.end);
    const ids = [...new Set(inS.map((m) => m.id))];
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const pair = closest(inS.filter((m) => m.id === ids[i]), inS.filter((m) => m.id === ids[j]));
        if (!pair || pair[1].start - pair[0].end > MAX_GAP) continue;
        for (const k of kindsFor(pair[0], pair[1])) {
          const key = pairKey(k.kind, k.source.id, k.target.id, s.start);
          if (!out.has(key)) out.set(key, { kind: k.kind, source: k.source.id, target: k.target.id, sentence: s, index, a: k.source, b: k.target, rules: [], otherRules: [] });
        }
      }
  });
  for (const r of relations) {
    if (r.kind === 'discussed') continue;
    const key = r.kind === 'committed-to' ? `${pairKey(r.kind, r.source, r.target, r.sentence.start)}|${r.commitment ?? ''}` : pairKey(r.kind, r.source, r.target, r.sentence.start);
    let c = out.get(key);
    if (!c) {
      const mine = spans.filter((m) => m.start >= r.sentence.start && m.end <= r.sentence.end);
      const a = mine.find((m) => m.id === r.source);
      const b = mine.find((m) => m.id === r.target);
      c = { kind: r.kind, source: r.source, target: r.target, sentence: r.sentence, index: indexOf.get(r.sentence.start) ?? 0, rules: [], otherRules: [] };
      if (a) c.a = a;
      if (b) c.b = b;
      out.set(key, c);
    }
    c.rules.push(r);
  }
  // rules of other kinds on the same pair and sentence ("holds-role fired here" speaks against met-with)
  const byPair = new Map<string, string[]>();
  for (const r of relations) {
    const k = `${[r.source, r.target].sort().join('|')}|${r.sentence.start}`;
    byPair.set(k, [...(byPair.get(k) ?? []), `${r.kind}:${r.rule}`]);
  }
  for (const c of out.values()) {
    const others = byPair.get(`${[c.source, c.target].sort().join('|')}|${c.sentence.start}`) ?? [];
    c.otherRules = [...new Set(others.filter((x) => !x.startsWith(c.kind + ':')).map((x) => x.slice(0, x.indexOf(':'))))].sort();
  }
  return [...out.values()];
}
