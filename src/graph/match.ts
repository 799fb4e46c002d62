// Name matching: find an entity by any of its names, ignoring accents, case and apostrophes
// ("alhamdou ag ilyene" finds "Alhamdou Ag Ilyène", "Leyti N’Diaye" finds "Leyti N'Diaye"), and
// suggest the closest names when nothing matches.
import { AmbiguousNameError, NotFoundError, type NameCandidate } from '../errors.js';
import { normaliseName } from '../text/keys.js';
import type { ReadonlyKGraph } from './readonly.js';
import { editDistance } from '../text/keys.js';
export { editDistance };

export interface NameIndex {
  /** Normalised name → node keys carrying it as label, alias or key. */
  exact: Map<string, string[]>;
  /** Every (normalised name, node key) pair, for token matches and suggestions. */
  names: { norm: string; tokens: string[]; key: string }[];
}

/** Index every label and alias of the graph by its normalised form. */
export function buildNameIndex(graph: ReadonlyKGraph): NameIndex {
  const exact = new Map<string, string[]>();
  const names: NameIndex['names'] = [];
  graph.forEachNode((key, attrs) => {
    const forms = new Set([attrs.label, ...(attrs.aliases ?? [])].map(normaliseName).filter(Boolean));
    for (const norm of forms) {
      const keys = exact.get(norm) ?? [];
      keys.push(key);
      exact.set(norm, keys);
      names.push({ norm, tokens: norm.split(' '), key });
    }
  });
  return { exact, names };
}

/** Levenshtein distance, two rows. */

/** Most mentioned first, then by key: a stable choice when one name fits several entities. */
const byMentions = (graph: ReadonlyKGraph) => (a: string, b: string) =>
  (graph.getNodeAttribute(b, 'mentions') ?? 0) - (graph.getNodeAttribute(a, 'mentions') ?? 0) ||
  (a < b ? -1 : a > b ? 1 : 0);

/**
 * The node keys a name may refer to, best first: an exact key; else every entity carrying the
 * name (normalised); else the entities whose names contain all the query's words.
 */
export function candidates(graph: ReadonlyKGraph, index: NameIndex, name: string): { exact: boolean; keys: string[] } {
  if (graph.hasNode(name)) return { exact: true, keys: [name] };
  const norm = normaliseName(name);
  if (!norm) return { exact: false, keys: [] };
  const exact = index.exact.get(norm);
  if (exact?.length) return { exact: true, keys: [...new Set(exact)].sort(byMentions(graph)) };
  const words = norm.split(' ');
  const partial = new Set(index.names.filter((n) => words.every((w) => n.tokens.includes(w))).map((n) => n.key));
  return { exact: false, keys: [...partial].sort(byMentions(graph)) };
}

/** The labels closest to `name` (edit distance over normalised names), for "did you mean". */
export function suggest(graph: ReadonlyKGraph, index: NameIndex, name: string, limit = 3): string[] {
  const norm = normaliseName(name);
  const best = new Map<string, number>();
  for (const n of index.names) {
    const d = editDistance(norm, n.norm) / Math.max(norm.length, n.norm.length, 1);
    // a shared word counts as close even when the whole names differ
    const shared = n.tokens.some((t) => t.length > 2 && norm.split(' ').includes(t)) ? 0.5 : 1;
    const score = d * shared;
    if (score < (best.get(n.key) ?? Infinity)) best.set(n.key, score);
  }
  return [...best.entries()]
    .filter(([, s]) => s <= 0.6)
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => graph.getNodeAttribute(key, 'label'));
}

/** What a researcher needs to tell the entities of an ambiguous name apart. */
export function nameCandidate(graph: ReadonlyKGraph, key: string): NameCandidate {
  const a = graph.getNodeAttributes(key);
  return { key, label: a.label, kind: a.kind, roles: [...(a.roles ?? [])], mentions: a.mentions ?? 0 };
}

/**
 * The node key for a name: a node key; else the one entity carrying the name (when several carry
 * it, the one whose label it is); else the one entity whose names hold all the query's words.
 * Several candidates: an AmbiguousNameError listing them (kind, roles, mentions), most mentioned
 * first. None: a NotFoundError naming the closest entities.
 */
export function resolveName(graph: ReadonlyKGraph, index: NameIndex, name: string): string {
  const found = candidates(graph, index, name);
  if (found.keys.length === 1) return found.keys[0]!;
  if (found.exact && found.keys.length > 1) {
    const norm = normaliseName(name);
    const byLabel = found.keys.filter((k) => normaliseName(graph.getNodeAttribute(k, 'label')) === norm);
    if (byLabel.length === 1) return byLabel[0]!;
  }
  if (found.keys.length > 1)
    throw new AmbiguousNameError(
      name,
      found.keys.slice(0, 12).map((k) => nameCandidate(graph, k)),
    );
  throw new NotFoundError(name, suggest(graph, index, name));
}
