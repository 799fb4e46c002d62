// Spelling variants of one person across outlets ("Appolinaire Compaoré" / "Apollinaire Compaoré"):
// names a couple of letters apart, word for word, who hold the same role at the same organisation
// are one person. Never on a surname alone, never on a similar name without that shared role.
// A step on the built graph, so the full build and the incremental fold share it.
import type { EdgeAttributes, NodeAttributes } from '../types.js';
import { UNDIRECTED } from '../types.js';
import type { KGraph } from './attrs.js';
import { normaliseName, withinEditDistance } from './keys.js';

/** A name as compared: its words (normalised), its length, and a count of its letters (in 32 bins). */
interface Name {
  words: string[];
  length: number;
  bins: Uint8Array;
}

const nameOf = (label: string): Name => {
  const words = normaliseName(label).split(' ');
  const joined = words.join(' ');
  const bins = new Uint8Array(32);
  for (let i = 0; i < joined.length; i++) bins[joined.charCodeAt(i) & 31]!++;
  return { words, length: joined.length, bins };
};

/** Names a couple of letters apart, word for word (and at most two letters in all). */
const close = (x: Name, y: Name): boolean => {
  if (x.words.length !== y.words.length || x.words.length < 2) return false;
  // quick refusals, both implied by "at most two edits": the lengths differ by at most 2, and each edit
  // changes the letter counts by at most 2 in all (most pairs of a large archive stop here)
  if (Math.abs(x.length - y.length) > 2) return false;
  let diff = 0;
  for (let i = 0; i < 32; i++) if ((diff += Math.abs(x.bins[i]! - y.bins[i]!)) > 4) return false;
  return x.words.every((w, k) => withinEditDistance(w, y.words[k]!, w.length >= 6 ? 2 : 1)) && withinEditDistance(x.words.join(' '), y.words.join(' '), 2);
};

const union = (...xs: Array<string[] | undefined>) => [...new Set(xs.flatMap((x) => x ?? []))].sort();

/** Merge, in place, the persons who are spelling variants of one another; returns the graph. */
export function mergeSpellingVariants(graph: KGraph): KGraph {
  // persons by (organisation, role) they hold
  const buckets = new Map<string, string[]>();
  graph.forEachEdge((_k, a, source, target) => {
    if (a.kind !== 'holds-role' || !a.role || graph.getNodeAttribute(source, 'kind') !== 'person') return;
    const k = `${target}|${a.role}`;
    buckets.set(k, [...(buckets.get(k) ?? []), source]);
  });
  // each label normalised once (a bucket of a large archive holds hundreds of people), again after a merge
  const names = new Map<string, Name>();
  const nameOfNode = (node: string) => {
    let n = names.get(node);
    if (!n) names.set(node, (n = nameOf(graph.getNodeAttribute(node, 'label'))));
    return n;
  };
  for (const k of [...buckets.keys()].sort()) {
    const people = [...new Set(buckets.get(k))].sort();
    for (let i = 0; i < people.length; i++)
      for (let j = i + 1; j < people.length; j++) {
        const [p, q] = [people[i]!, people[j]!];
        if (!graph.hasNode(p) || !graph.hasNode(q)) continue;
        if (!close(nameOfNode(p), nameOfNode(q))) continue;
        const [keep, gone] = graph.getNodeAttribute(p, 'mentions') >= graph.getNodeAttribute(q, 'mentions') ? [p, q] : [q, p];
        mergeNode(graph, gone, keep);
        names.delete(keep);
      }
  }
  return graph;
}

function mergeNode(graph: KGraph, gone: string, keep: string): void {
  const a = graph.getNodeAttributes(keep);
  const b = graph.getNodeAttributes(gone);
  const articles = union(a.articles, b.articles);
  const label = a.mentions === b.mentions && a.label.normalize('NFD').length < b.label.normalize('NFD').length ? b.label : a.label;
  const merged: NodeAttributes = { ...a, label, aliases: union(a.aliases, b.aliases, [a.label, b.label]).filter((x) => x !== label), articles, mentions: articles.length };
  const first = [a.firstSeen, b.firstSeen].filter(Boolean).sort()[0];
  const last = [a.lastSeen, b.lastSeen].filter(Boolean).sort().pop();
  if (first) merged.firstSeen = first;
  if (last) merged.lastSeen = last;
  if (a.roles || b.roles) merged.roles = union(a.roles, b.roles);
  graph.replaceNodeAttributes(keep, merged);
  for (const e of graph.edges(gone)) {
    const attrs = graph.getEdgeAttributes(e);
    const s = graph.source(e) === gone ? keep : graph.source(e);
    const t = graph.target(e) === gone ? keep : graph.target(e);
    graph.dropEdge(e);
    if (s === t) continue;
    const undirected = UNDIRECTED.has(attrs.kind);
    const [x, y] = undirected && t < s ? [t, s] : [s, t];
    const hash = attrs.kind === 'committed-to' ? e.split('|')[3] : undefined;
    const key = hash ? `${attrs.kind}|${x}|${y}|${hash}` : `${attrs.kind}|${x}|${y}`;
    if (!graph.hasEdge(key)) {
      if (undirected) graph.addUndirectedEdgeWithKey(key, x, y, attrs);
      else graph.addDirectedEdgeWithKey(key, x, y, attrs);
      continue;
    }
    graph.replaceEdgeAttributes(key, combine(graph.getEdgeAttributes(key), attrs));
  }
  graph.dropNode(gone);
}

function combine(a: EdgeAttributes, b: EdgeAttributes): EdgeAttributes {
  const seen = new Set(a.evidence.map((e) => `${e.article}|${e.start}|${e.rule}`));
  const evidence = [...a.evidence, ...b.evidence.filter((e) => !seen.has(`${e.article}|${e.start}|${e.rule}`))].sort(
    (x, y) => (x.date ?? '').localeCompare(y.date ?? '') || x.article.localeCompare(y.article) || x.start - y.start,
  );
  const out: EdgeAttributes = { ...a, evidence, weight: new Set(evidence.map((e) => e.article)).size, sources: union(a.sources, b.sources) };
  const dates = evidence.map((e) => e.date).filter((d): d is string => !!d).sort();
  if (dates.length) {
    out.firstSeen = dates[0]!;
    out.lastSeen = dates[dates.length - 1]!;
  }
  const confs = evidence.map((e) => e.confidence).filter((c): c is number => c !== undefined);
  if (confs.length) out.confidence = Math.round((1 - confs.reduce((p, c) => p * (1 - c), 1)) * 1000) / 1000;
  return out;
}
