// Likely duplicates for a researcher to review (`kunafoni curate suggest`): entities whose names are
// near-identical, an acronym and the name it abbreviates. Two people are suggested only when their
// names may be one name (never a surname alone) and something else corroborates it: an entity both
// are named with, the same role at the same organisation, the same title. The same role alone proves
// nothing: roles change hands. Each suggestion carries its evidence and a score; the most likely come
// first. Pairs are compared only inside blocks that share a name word (or its first four letters), so
// the cost grows with the graph, not with its square.
import type { ReadonlyKGraph } from '../graph/readonly.js';
import { editDistance } from '../graph/match.js';
import { normaliseName } from '../text/keys.js';
import { abbreviates, asAcronym, bestNameMatch, SMALL_WORDS, variantWords, type NameMatch } from '../text/names.js';

export { abbreviates };
import type { NodeAttributes } from '../types.js';

export type SuggestionReason = 'similar-names' | 'acronym' | 'same-role';

export interface Suggestion {
  /** The entity to keep (more mentioned) and the one to merge into it. */
  keep: { key: string; label: string; kind: string; mentions: number };
  merge: { key: string; label: string; kind: string; mentions: number };
  /** 0..1, higher is more likely. */
  score: number;
  reasons: SuggestionReason[];
  /** Human-readable evidence, one line each. */
  evidence: string[];
}

export interface SuggestOptions {
  /** At most this many suggestions (default 50). */
  limit?: number;
  /** Ignore suggestions scoring below this (default 0.5). */
  minScore?: number;
}

/** Words too common in names of the sector to say two names are alike. */
const WEAK = new Set([
  'mali',
  'malienne',
  'malien',
  'societe',
  'groupe',
  'agence',
  'ministere',
  'autorite',
  'national',
  'nationale',
  'sa',
  'sarl',
]);

const namesOf = (a: NodeAttributes) => [...new Set([a.label, ...(a.aliases ?? [])])];

interface Hint {
  score: number;
  reason: SuggestionReason;
  text: string;
}

const MATCH_SCORE: Record<NameMatch, number> = {
  spelling: 0.6,
  'register-order': 0.55,
  'given-name': 0.5,
  'middle-name': 0.45,
};
const MATCH_TEXT: Record<NameMatch, string> = {
  spelling: 'the same name spelt apart',
  'register-order': 'the same name, surname first',
  'given-name': 'a given name one letter longer',
  'middle-name': 'the same name with a middle name left out',
};

/** How two people's names may be one name ("Haïdara" / "Haidara", a middle name left out, a letter or two apart). */
function personHint(ax: NodeAttributes, ay: NodeAttributes): Hint | undefined {
  const [xs, ys] = [namesOf(ax), namesOf(ay)];
  const m = bestNameMatch(xs, ys);
  if (m)
    return { score: MATCH_SCORE[m], reason: 'similar-names', text: `${MATCH_TEXT[m]}: "${ax.label}" / "${ay.label}"` };
  // one letter or two apart, first names alike and the same number of words
  for (const nx of xs.filter((n) => n.includes(' ')))
    for (const ny of ys.filter((n) => n.includes(' '))) {
      const [wx, wy] = [variantWords(nx), variantWords(ny)];
      if (wx.length !== wy.length || wx[0] !== wy[0]) continue;
      const [a, b] = [normaliseName(nx), normaliseName(ny)];
      const d = editDistance(a, b);
      if (d <= 2 && d / Math.max(a.length, b.length) <= 0.15)
        return {
          score: 0.45,
          reason: 'similar-names',
          text: `names differ by ${d} letter${d > 1 ? 's' : ''}: "${nx}" / "${ny}"`,
        };
    }
  return undefined;
}

/** Names of organisations (or an organisation and a person) that are the same or a letter or two apart. */
function nameHint(ax: NodeAttributes, ay: NodeAttributes): { score: number; text: string } | undefined {
  const sameKind = ax.kind === ay.kind;
  let best: { score: number; text: string } | undefined;
  for (const nx of namesOf(ax))
    for (const ny of namesOf(ay)) {
      const a = normaliseName(nx);
      const b = normaliseName(ny);
      if (!a || !b) continue;
      // a one-word alias ("Orange") or a person's one-word name is shared by too many entities to say they are one
      if (!a.includes(' ') && (ax.kind === 'person' || nx !== ax.label)) continue;
      if (!b.includes(' ') && (ay.kind === 'person' || ny !== ay.label)) continue;
      let score = 0;
      let text = '';
      if (a === b) {
        score = 0.95;
        text = `same name "${nx}" / "${ny}"`;
      } else if (sameKind && [...a.split(' ')].sort().join(' ') === [...b.split(' ')].sort().join(' ')) {
        score = 0.85;
        text = `same words in another order: "${nx}" / "${ny}"`;
      } else if (sameKind && Math.min(a.length, b.length) >= 8) {
        const d = editDistance(a, b);
        const ratio = d / Math.max(a.length, b.length);
        if (d <= 2 && ratio <= 0.15) {
          score = 0.9 - ratio;
          text = `names differ by ${d} letter${d > 1 ? 's' : ''}: "${nx}" / "${ny}"`;
        }
      }
      if (score && !sameKind) score *= 0.8;
      if (score > (best?.score ?? 0))
        best = { score, text: sameKind ? text : `${text} (a ${ax.kind} and an ${ay.kind})` };
    }
  return best;
}

/**
 * What, besides their names, says two people are one: an entity both are named with that few articles
 * name, the same role at the same organisation, the same title. Empty when
 * nothing does.
 */
function corroborationOf(graph: ReadonlyKGraph): (x: string, y: string) => Hint[] {
  const byArticle = new Map<string, string[]>();
  let articles = 0;
  graph.forEachNode((k, a) => {
    if (a.kind !== 'person' && a.kind !== 'organisation') return;
    for (const art of a.articles ?? []) {
      if (!byArticle.has(art)) articles++;
      (byArticle.get(art) ?? byArticle.set(art, []).get(art)!).push(k);
    }
  });
  const common = Math.max(2, Math.floor(articles / 10));
  const neighbours = (k: string) => {
    const out = new Set<string>();
    for (const art of graph.getNodeAttribute(k, 'articles') ?? [])
      for (const n of byArticle.get(art) ?? []) if (n !== k) out.add(n);
    return out;
  };
  const roles = (k: string) => {
    const out = new Map<string, string>();
    graph.forEachOutEdge(
      k,
      (_e, ea, _s, org) =>
        void (
          ea.kind === 'holds-role' &&
          ea.role &&
          out.set(`${org}|${normaliseName(ea.role)}`, `${ea.role} of ${graph.getNodeAttribute(org, 'label')}`)
        ),
    );
    return out;
  };
  return (x, y) => {
    const out: Hint[] = [];
    const ny = neighbours(y);
    const shared = [...neighbours(x)]
      .filter((n) => n !== y && ny.has(n) && graph.getNodeAttribute(n, 'mentions') <= common)
      .sort();
    if (shared.length)
      out.push({
        score: 0.5,
        reason: 'similar-names',
        text: `both named with ${shared
          .slice(0, 3)
          .map((n) => `"${graph.getNodeAttribute(n, 'label')}"`)
          .join(', ')}`,
      });
    const ry = roles(y);
    const same = [...roles(x)].filter(([k]) => ry.has(k));
    if (same.length) out.push({ score: 0.5, reason: 'same-role', text: `both ${same[0]![1]}` });
    const tx = (graph.getNodeAttribute(x, 'roles') ?? []).map(normaliseName);
    const ty = (graph.getNodeAttribute(y, 'roles') ?? []).map(normaliseName);
    const title = tx.find((t) => ty.some((u) => t === u || t.startsWith(u + ' ') || u.startsWith(t + ' ')));
    if (title && !same.length) out.push({ score: 0.3, reason: 'same-role', text: `both titled "${title}"` });
    return out;
  };
}

interface Pair {
  a: string;
  b: string;
  score: number;
  reasons: Set<SuggestionReason>;
  evidence: string[];
}

type AddHint = (x: string, y: string, score: number, reason: SuggestionReason, evidence: string) => void;

/** Likely duplicate pairs, most likely first. */
export function suggestDuplicates(graph: ReadonlyKGraph, opts: SuggestOptions = {}): Suggestion[] {
  const limit = opts.limit ?? 50;
  const minScore = opts.minScore ?? 0.5;
  const pairs = new Map<string, Pair>();
  const add: AddHint = (x, y, score, reason, evidence) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const id = `${a}\u0000${b}`;
    const p = pairs.get(id) ?? { a, b, score: 0, reasons: new Set(), evidence: [] };
    // independent hints add up: 1 - Π(1 - s)
    p.score = 1 - (1 - p.score) * (1 - score);
    p.reasons.add(reason);
    if (!p.evidence.includes(evidence)) p.evidence.push(evidence);
    pairs.set(id, p);
  };
  similarNameHints(graph, add);
  acronymHints(graph, add);
  return toSuggestions(graph, [...pairs.values()], minScore, limit);
}

/** Entities by block: a word of their names, or a word's first four letters. */
function nameBlocks(graph: ReadonlyKGraph): Map<string, Set<string>> {
  const blocks = new Map<string, Set<string>>();
  graph.forEachNode((key, a) => {
    for (const n of namesOf(a))
      for (const w of normaliseName(n).split(' '))
        if (w.length >= 3 && !SMALL_WORDS.has(w) && !WEAK.has(w))
          for (const b of [`w:${w}`, `p:${w.slice(0, 4)}`])
            (blocks.get(b) ?? blocks.set(b, new Set()).get(b)!).add(key);
  });
  return blocks;
}

/** 1. Similar names, inside blocks of entities sharing a word or a word's first four letters. */
function similarNameHints(graph: ReadonlyKGraph, add: AddHint): void {
  const corroboration = corroborationOf(graph);
  const compared = new Set<string>();
  const compare = (x: string, y: string) => {
    const id = `${x}\u0000${y}`;
    if (compared.has(id)) return;
    compared.add(id);
    const [ax, ay] = [graph.getNodeAttributes(x), graph.getNodeAttributes(y)];
    if (ax.kind === 'person' && ay.kind === 'person') {
      const hint = personHint(ax, ay);
      const why = hint && corroboration(x, y);
      if (hint && why?.length) for (const h of [hint, ...why]) add(x, y, h.score, h.reason, h.text);
      return;
    }
    if (!ENTITY_KINDS.has(ax.kind) || !ENTITY_KINDS.has(ay.kind)) return;
    const best = nameHint(ax, ay);
    if (best) add(x, y, best.score, 'similar-names', best.text);
  };
  for (const members of nameBlocks(graph).values()) {
    if (members.size < 2 || members.size > 300) continue;
    const list = [...members].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) compare(list[i]!, list[j]!);
  }
}

const ENTITY_KINDS = new Set(['person', 'organisation']);

/**
 * 2. Acronym ↔ full name, among organisations: an acronym no name of its own expands, a name with no
 * acronym of its own.
 */
function acronymHints(graph: ReadonlyKGraph, add: AddHint): void {
  const attrs = (k: string) => graph.getNodeAttributes(k);
  const orgs: string[] = [];
  graph.forEachNode((k, a) => void (a.kind === 'organisation' && orgs.push(k)));
  const byInitial = new Map<string, string[]>();
  for (const k of orgs)
    for (const n of namesOf(attrs(k))) {
      const i = normaliseName(n)[0];
      if (i && !asAcronym(n)) (byInitial.get(i) ?? byInitial.set(i, []).get(i)!).push(k);
    }
  for (const k of orgs)
    for (const n of namesOf(attrs(k))) {
      const acr = asAcronym(n);
      if (!acr || namesOf(attrs(k)).some((m) => !asAcronym(m))) continue;
      for (const other of new Set(byInitial.get(acr[0]!.toLowerCase()) ?? [])) {
        if (other === k || namesOf(attrs(other)).some((m) => asAcronym(m) && asAcronym(m) !== acr)) continue;
        const full = namesOf(attrs(other)).find((m) => !asAcronym(m) && abbreviates(acr, m));
        if (full) add(k, other, 0.8, 'acronym', `"${n}" abbreviates "${full}"`);
      }
    }
}

/** The pairs above `minScore` as suggestions: the more mentioned entity (then the longer name) is kept. */
function toSuggestions(graph: ReadonlyKGraph, pairs: Pair[], minScore: number, limit: number): Suggestion[] {
  const attrs = (k: string) => graph.getNodeAttributes(k);
  const entity = (k: string) => {
    const a = attrs(k);
    return { key: k, label: a.label, kind: a.kind, mentions: a.mentions };
  };
  return pairs
    .filter((p) => p.score >= minScore)
    .map((p): Suggestion => {
      const [a, b] = [entity(p.a), entity(p.b)];
      // keep the more mentioned one (then the longer name): the other becomes its alias
      const keepA =
        a.mentions > b.mentions ||
        (a.mentions === b.mentions &&
          (a.label.length > b.label.length || (a.label.length === b.label.length && a.key < b.key)));
      return {
        keep: keepA ? a : b,
        merge: keepA ? b : a,
        score: Math.round(p.score * 1000) / 1000,
        reasons: [...p.reasons].sort(),
        evidence: p.evidence,
      };
    })
    .sort(
      (x, y) =>
        y.score - x.score ||
        (x.keep.key < y.keep.key ? -1 : x.keep.key > y.keep.key ? 1 : x.merge.key < y.merge.key ? -1 : 1),
    )
    .slice(0, limit);
}
