// Likely duplicates for a researcher to review (`kunafoni curate suggest`): entities whose names are
// near-identical, an acronym and the name it abbreviates, two people holding the same role at the
// same organisation. Each suggestion carries its evidence and a score; the most likely come first.
// Pairs are compared only inside blocks that share a name word (or its first four letters), so the
// cost grows with the graph, not with its square.
import type { ReadonlyKGraph } from '../query/readonly.js';
import { editDistance } from '../query/match.js';
import { normaliseName } from '../graph/keys.js';
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

const STOP = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'pour', 'of', 'the', 'and', 'for', 'a', 'au', 'aux']);
/** Words too common in names of the sector to say two names are alike. */
const WEAK = new Set(['mali', 'malienne', 'malien', 'societe', 'groupe', 'agence', 'ministere', 'autorite', 'national', 'nationale', 'sa', 'sarl']);

const namesOf = (a: NodeAttributes) => [...new Set([a.label, ...(a.aliases ?? [])])];

/** "AMRTP" when `name` is written as an acronym (2 to 8 capitals or digits, optional dots). */
function asAcronym(name: string): string | undefined {
  const compact = name.replace(/\./g, '').trim();
  return /^[A-Z][A-Z0-9&]{1,7}$/.test(compact) ? compact.replace(/&/g, '') : undefined;
}

/**
 * Does the acronym abbreviate the name? Its letters are the initials of the name's words, in order;
 * small words ("de", "des") may be skipped, and up to a third of the other words.
 */
export function abbreviates(acronym: string, name: string): boolean {
  const words = normaliseName(name).split(' ').filter(Boolean);
  const content = words.filter((w) => !STOP.has(w));
  const acr = acronym.toLowerCase();
  if (content.length < 2 || acr.length < 2 || content[0]![0] !== acr[0]) return false;
  let i = 0;
  let skipped = 0;
  for (const w of words) {
    if (i < acr.length && w[0] === acr[i]) i++;
    else if (!STOP.has(w)) skipped++;
  }
  return i === acr.length && skipped <= Math.floor(content.length / 3);
}

interface Pair {
  a: string;
  b: string;
  score: number;
  reasons: Set<SuggestionReason>;
  evidence: string[];
}

/** Likely duplicate pairs, most likely first. */
export function suggestDuplicates(graph: ReadonlyKGraph, opts: SuggestOptions = {}): Suggestion[] {
  const limit = opts.limit ?? 50;
  const minScore = opts.minScore ?? 0.5;
  const pairs = new Map<string, Pair>();
  const add = (x: string, y: string, score: number, reason: SuggestionReason, evidence: string) => {
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
  const attrs = (k: string) => graph.getNodeAttributes(k);
  const entityKinds = new Set(['person', 'organisation']);

  // 1. similar names, inside blocks of entities sharing a word or a word's first four letters
  const blocks = new Map<string, Set<string>>();
  graph.forEachNode((key, a) => {
    for (const n of namesOf(a))
      for (const w of normaliseName(n).split(' '))
        if (w.length >= 3 && !STOP.has(w) && !WEAK.has(w)) for (const b of [`w:${w}`, `p:${w.slice(0, 4)}`]) (blocks.get(b) ?? blocks.set(b, new Set()).get(b)!).add(key);
  });
  const compared = new Set<string>();
  for (const members of blocks.values()) {
    if (members.size < 2 || members.size > 300) continue;
    const list = [...members].sort();
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [x, y] = [list[i]!, list[j]!];
        const id = `${x}\u0000${y}`;
        if (compared.has(id)) continue;
        compared.add(id);
        const ax = attrs(x);
        const ay = attrs(y);
        const sameKind = ax.kind === ay.kind;
        if (!sameKind && !(entityKinds.has(ax.kind) && entityKinds.has(ay.kind))) continue;
        let best: { score: number; text: string } | undefined;
        for (const nx of namesOf(ax))
          for (const ny of namesOf(ay)) {
            const a = normaliseName(nx);
            const b = normaliseName(ny);
            if (!a || !b) continue;
            // a surname alone ("Ndiaye") or a one-word alias ("Orange") is shared by too many entities to say they are one
            if (!a.includes(' ') && (ax.kind === 'person' || nx !== ax.label)) continue;
            if (!b.includes(' ') && (ay.kind === 'person' || ny !== ay.label)) continue;
            let score = 0;
            let text = '';
            if (a === b) {
              score = 0.95;
              text = `same name "${nx}" / "${ny}"`;
            } else if ([...a.split(' ')].sort().join(' ') === [...b.split(' ')].sort().join(' ')) {
              score = 0.85;
              text = `same words in another order: "${nx}" / "${ny}"`;
            } else {
              const d = editDistance(a, b);
              const ratio = d / Math.max(a.length, b.length);
              if (d <= 2 && ratio <= 0.2 && Math.min(a.length, b.length) >= 5) {
                score = 0.9 - ratio;
                text = `names differ by ${d} letter${d > 1 ? 's' : ''}: "${nx}" / "${ny}"`;
              } else {
                // one name is the other plus words ("Issa Koné" / "Issa Koné Diarra"), the shorter one with at least two words
                const ta = a.split(' ');
                const tb = b.split(' ');
                const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
                if (short.length >= 2 && ` ${long.join(' ')} `.includes(` ${short.join(' ')} `) && short.some((t) => !WEAK.has(t))) {
                  score = 0.6;
                  text = `"${ta.length <= tb.length ? nx : ny}" is contained in "${ta.length <= tb.length ? ny : nx}"`;
                }
              }
            }
            if (score && !sameKind) score *= 0.8;
            if (score > (best?.score ?? 0)) best = { score, text: sameKind ? text : `${text} (a ${ax.kind} and an ${ay.kind})` };
          }
        if (best) add(x, y, best.score, 'similar-names', best.text);
      }
  }

  // 2. acronym ↔ full name, among organisations
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
      if (!acr) continue;
      for (const other of new Set(byInitial.get(acr[0]!.toLowerCase()) ?? [])) {
        if (other === k) continue;
        const full = namesOf(attrs(other)).find((m) => !asAcronym(m) && abbreviates(acr, m));
        if (full) add(k, other, 0.8, 'acronym', `"${n}" abbreviates "${full}"`);
      }
    }

  // 3. two people holding the same role at the same organisation
  graph.forEachNode((org, a) => {
    if (a.kind !== 'organisation') return;
    const holders = new Map<string, { person: string; role: string; first?: string; last?: string }[]>();
    graph.forEachInEdge(org, (_e, ea, person) => {
      if (ea.kind !== 'holds-role' || !ea.role) return;
      const role = normaliseName(ea.role);
      const h = { person, role: ea.role, ...(ea.firstSeen ? { first: ea.firstSeen } : {}), ...(ea.lastSeen ? { last: ea.lastSeen } : {}) };
      (holders.get(role) ?? holders.set(role, []).get(role)!).push(h);
    });
    for (const [, hs] of holders) {
      if (hs.length < 2 || hs.length > 20) continue;
      for (let i = 0; i < hs.length; i++)
        for (let j = i + 1; j < hs.length; j++) {
          const [x, y] = [hs[i]!, hs[j]!];
          const px = attrs(x.person);
          const py = attrs(y.person);
          const wordsX = new Set(namesOf(px).flatMap((n) => normaliseName(n).split(' ')));
          const shared = namesOf(py).flatMap((n) => normaliseName(n).split(' ')).filter((w) => w.length >= 3 && wordsX.has(w));
          // a role changes hands: the same role in periods that do not overlap is weaker evidence
          const overlap = !x.first || !y.first || !x.last || !y.last || (x.first <= y.last && y.first <= x.last);
          const score = (shared.length ? 0.75 : 0.5) * (overlap ? 1 : 0.6);
          add(x.person, y.person, score, 'same-role', `both ${x.role} of ${a.label}${shared.length ? `, sharing the name "${[...new Set(shared)].join(' ')}"` : ''}${overlap ? '' : ' (in different periods)'}`);
        }
    }
  });

  const entity = (k: string) => {
    const a = attrs(k);
    return { key: k, label: a.label, kind: a.kind, mentions: a.mentions };
  };
  return [...pairs.values()]
    .filter((p) => p.score >= minScore)
    .map((p): Suggestion => {
      const [a, b] = [entity(p.a), entity(p.b)];
      // keep the more mentioned one (then the longer name): the other becomes its alias
      const keepA = a.mentions > b.mentions || (a.mentions === b.mentions && (a.label.length > b.label.length || (a.label.length === b.label.length && a.key < b.key)));
      return { keep: keepA ? a : b, merge: keepA ? b : a, score: Math.round(p.score * 1000) / 1000, reasons: [...p.reasons].sort(), evidence: p.evidence };
    })
    .sort((x, y) => y.score - x.score || (x.keep.key < y.keep.key ? -1 : x.keep.key > y.keep.key ? 1 : x.merge.key < y.merge.key ? -1 : 1))
    .slice(0, limit);
}
