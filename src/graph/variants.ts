// Spelling variants of one person across outlets ("Appolinaire Compaoré" / "Apollinaire Compaoré"):
// names a couple of letters apart, word for word, who hold the same role at the same organisation
// are one person; so are a surname named alone after a title and the same surname (or a full name ending
// with it). Never on a surname alone, never on a similar name without that shared role.
// A step on the built graph, so the full build and the incremental fold share it.
// Beyond that first rule, `mergePersonVariants` merges the other ways outlets write one name ("Haïdara" /
// "Haidara", "Ibrahim" / "Ibrahima", a middle name dropped or written as an initial, "DIALLO Souleymane")
// when something else says they are one person: an entity both are named with, or the same title.
import type { KGraph } from './attrs.js';
import { normaliseName, withinEditDistance } from '../text/keys.js';
import {
  abbreviates,
  asAcronym,
  bestNameMatch,
  foldName,
  personNamesMatch,
  variantWords,
  type NameMatch,
} from '../text/names.js';
import { lexicon } from '../nlp/lexicon.js';
import { canonicalRole } from '../nlp/gender.js';
import { mergeNodes } from './semantics.js';

export { personNamesMatch, type NameMatch };

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
  return (
    x.words.every((w, k) => withinEditDistance(w, y.words[k]!, w.length >= 6 ? 2 : 1)) &&
    withinEditDistance(x.words.join(' '), y.words.join(' '), 2)
  );
};

/**
 * "le DG Diarra" of one article and "le DG Diarra" (or "Awa Diarra") of another: a surname named alone, and the same
 * surname; with the same role at the same organisation (the bucket they are compared in), one person.
 */
const sameSurname = (x: Name, y: Name): boolean =>
  (x.words.length === 1 || y.words.length === 1) && x.words[x.words.length - 1] === y.words[y.words.length - 1];

/** Merge, in place, the persons who are spelling variants of one another; returns the graph. */
export function mergeSpellingVariants(graph: KGraph): KGraph {
  // persons by (organisation, role) they hold
  const buckets = new Map<string, string[]>();
  graph.forEachEdge((_k, a, source, target) => {
    if (a.kind !== 'holds-role' || !a.role || graph.getNodeAttribute(source, 'kind') !== 'person') return;
    // a woman's title ("Directrice") is the same post as its canonical form
    const k = `${target}|${canonicalRole(a.role)}`;
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
        if (!close(nameOfNode(p), nameOfNode(q)) && !sameSurname(nameOfNode(p), nameOfNode(q))) continue;
        const [keep, gone] =
          graph.getNodeAttribute(p, 'mentions') >= graph.getNodeAttribute(q, 'mentions') ? [p, q] : [q, p];
        mergeNodes(graph, gone, keep, 'fuller');
        names.delete(keep);
      }
  }
  return mergeOrgVariants(mergePersonVariants(graph));
}

/** What else is known of a person: the entities named with them, their titles, where they hold them. */
interface Facts {
  neighbours: Set<string>;
  titles: string[];
  roleOrgs: Set<string>;
}

/** Persons and organisations by article, and the facts of a node, computed once. */
function factsOf(graph: KGraph): (node: string) => Facts {
  const byArticle = new Map<string, string[]>();
  graph.forEachNode((k, a) => {
    if (a.kind !== 'person' && a.kind !== 'organisation') return;
    for (const art of a.articles ?? []) (byArticle.get(art) ?? byArticle.set(art, []).get(art)!).push(k);
  });
  const cache = new Map<string, Facts>();
  return (node) => {
    let f = cache.get(node);
    if (f) return f;
    const a = graph.getNodeAttributes(node);
    const neighbours = new Set<string>();
    for (const art of a.articles ?? []) for (const k of byArticle.get(art) ?? []) if (k !== node) neighbours.add(k);
    graph.forEachNeighbor(
      node,
      (k, b) => void ((b.kind === 'person' || b.kind === 'organisation') && neighbours.add(k)),
    );
    const roleOrgs = new Set<string>();
    graph.forEachOutEdge(node, (_e, ea, _s, t) => void (ea.kind === 'holds-role' && roleOrgs.add(t)));
    cache.set(
      node,
      (f = { neighbours, titles: (a.roles ?? []).map((r) => normaliseName(canonicalRole(r))), roleOrgs }),
    );
    return f;
  };
}

/** One title is the other, or the other with words after it ("président" / "président de la république"). */
const titlesAgree = (x: string[], y: string[]) =>
  x.some((t) => y.some((u) => t === u || t.startsWith(u + ' ') || u.startsWith(t + ' ')));

/**
 * Is there more than a name to say two people are one? An entity both are named with, that few articles
 * name (the operator or the minister every article names proves nothing), or (for
 * names spelt apart only) the same title, unless they hold their roles at different organisations.
 */
function corroborated(
  graph: KGraph,
  facts: (n: string) => Facts,
  p: string,
  q: string,
  match: NameMatch,
  common: number,
): boolean {
  const fp = facts(p);
  const fq = facts(q);
  if (shareNeighbour(graph, facts, p, q, common)) return true;
  if (!weakSuffices(graph, p, q, match) || !titlesAgree(fp.titles, fq.titles)) return false;
  return !(fp.roleOrgs.size && fq.roleOrgs.size && ![...fp.roleOrgs].some((o) => fq.roleOrgs.has(o)));
}

/**
 * A shared title is enough only when the names leave little doubt: the same words spelt apart or in the
 * register's order, or a middle name left out of a name that still has three words or more.
 */
function weakSuffices(graph: KGraph, p: string, q: string, match: NameMatch): boolean {
  if (match === 'spelling' || match === 'register-order') return true;
  if (match !== 'middle-name') return false;
  const words = (k: string) =>
    Math.min(
      ...[graph.getNodeAttribute(k, 'label'), ...graph.getNodeAttribute(k, 'aliases')]
        .map((n) => foldName(n).split(' ').length)
        .filter((l) => l >= 2),
    );
  return Math.min(words(p), words(q)) >= 3;
}

/** Pairs of persons whose names may be one name, from blocks sharing the start of the first and last words. */
function candidatePairs(graph: KGraph): Array<[string, string, NameMatch]> {
  const blocks = new Map<string, Set<string>>();
  const namesOf = new Map<string, string[]>();
  graph.forEachNode((k, a) => {
    if (a.kind !== 'person') return;
    const names = [a.label, ...(a.aliases ?? [])].filter((n) => foldName(n).includes(' '));
    namesOf.set(k, names);
    for (const n of names) {
      const w = variantWords(n);
      const block = [w[0]!.slice(0, 3), w[w.length - 1]!.slice(0, 3)].sort().join('|');
      (blocks.get(block) ?? blocks.set(block, new Set()).get(block)!).add(k);
    }
  });
  const out = new Map<string, [string, string, NameMatch]>();
  for (const block of [...blocks.keys()].sort()) {
    const members = [...blocks.get(block)!].sort();
    if (members.length > 400) continue; // a name so common says nothing
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const [p, q] = [members[i]!, members[j]!];
        if (out.has(`${p}\u0000${q}`)) continue;
        const match = bestNameMatch(namesOf.get(p)!, namesOf.get(q)!);
        if (match) out.set(`${p}\u0000${q}`, [p, q, match]);
      }
  }
  return [...out.keys()].sort().map((k) => out.get(k)!);
}

/** The pairs of persons `mergePersonVariants` merges, with how their names match (for tests and reports). */
export function personVariantPairs(graph: KGraph): Array<[string, string, NameMatch]> {
  const facts = factsOf(graph);
  const articles = new Set<string>();
  graph.forEachNode((_k, a) => a.articles?.forEach((x) => articles.add(x)));
  const common = Math.max(2, Math.floor(articles.size / 10));
  return candidatePairs(graph).filter(([p, q, m]) => corroborated(graph, facts, p, q, m, common));
}

/** Merge, in place, persons whose names are variants of one name when something else corroborates it. */
export function mergePersonVariants(graph: KGraph): KGraph {
  return mergePairs(graph, personVariantPairs(graph));
}

/** Merge each pair (and pairs that chain) into its most mentioned node, in the pairs' order. */
function mergePairs(graph: KGraph, pairs: Array<[string, string, ...unknown[]]>): KGraph {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k);
    return p === undefined || p === k ? k : find(p);
  };
  for (const [p, q] of pairs) {
    const [x, y] = [find(p), find(q)];
    if (x === y) continue;
    const mx = graph.getNodeAttribute(x, 'mentions');
    const my = graph.getNodeAttribute(y, 'mentions');
    const [keep, gone] = mx > my || (mx === my && x < y) ? [x, y] : [y, x];
    mergeNodes(graph, gone, keep, 'fuller');
    parent.set(gone, keep);
  }
  return graph;
}

export type OrgMatch = 'acronym' | 'spelling';

let lexiconNames: Set<string> | undefined;
/** Names of the lexicon's organisations: the lexicon already resolves them, nothing here merges two. */
const isLexiconName = (name: string) =>
  (lexiconNames ??= new Set(
    lexicon()
      .orgs.flatMap((o) => [o.name, ...o.aliases, ...(o.formerNames ?? []), ...(o.short ?? [])])
      .map(normaliseName),
  )).has(normaliseName(name));

/** An entity both are named with, that few articles name. */
function shareNeighbour(graph: KGraph, facts: (n: string) => Facts, p: string, q: string, common: number): boolean {
  const fq = facts(q);
  for (const k of facts(p).neighbours)
    if (k !== q && fq.neighbours.has(k) && graph.getNodeAttribute(k, 'mentions') <= common) return true;
  return false;
}

/**
 * Pairs of organisations that outlets name apart: an acronym no article expands ("CENOU") and the one
 * name it abbreviates, or names a letter or two apart ("Telecl Burkina Faso"), each only when an entity
 * few articles name is named with both.
 */
export function orgVariantPairs(graph: KGraph): Array<[string, string, OrgMatch]> {
  const facts = factsOf(graph);
  const articles = new Set<string>();
  graph.forEachNode((_k, a) => a.articles?.forEach((x) => articles.add(x)));
  const common = Math.max(2, Math.floor(articles.size / 10));
  const corroborates = (p: string, q: string) => shareNeighbour(graph, facts, p, q, common);
  const orgs = graph.filterNodes((_k, a) => a.kind === 'organisation').sort();
  const names = new Map(
    orgs.map((k) => [k, [graph.getNodeAttribute(k, 'label'), ...graph.getNodeAttribute(k, 'aliases')]]),
  );
  return [...acronymPairs(names, corroborates), ...spellingPairs(names, corroborates)];
}

/** An organisation named by acronyms only and the one organisation without acronym whose name it abbreviates. */
function acronymPairs(
  names: Map<string, string[]>,
  corroborates: (p: string, q: string) => boolean,
): Array<[string, string, OrgMatch]> {
  const out: Array<[string, string, OrgMatch]> = [];
  const byInitial = new Map<string, string[]>();
  for (const [k, ns] of names)
    if (!ns.some((n) => asAcronym(n)))
      for (const i of new Set(ns.map((n) => foldName(n)[0])))
        if (i) (byInitial.get(i) ?? byInitial.set(i, []).get(i)!).push(k);
  for (const [k, ns] of names) {
    const acr = asAcronym(ns[0]!);
    if (!acr || !ns.every((n) => asAcronym(n)) || isLexiconName(acr)) continue;
    const full = (byInitial.get(acr[0]!.toLowerCase()) ?? []).filter((f) =>
      names.get(f)!.some((n) => abbreviates(acr, n)),
    );
    if (full.length === 1 && corroborates(k, full[0]!)) out.push([k, full[0]!, 'acronym']);
  }
  return out;
}

/** Two edits change the counts of letters by four at most: a quick refusal before the edit distance. */
function fewLettersApart(x: Uint8Array, y: Uint8Array): boolean {
  let diff = 0;
  for (let i = 0; i < 32; i++) if ((diff += Math.abs(x[i]! - y[i]!)) > 4) return false;
  return true;
}

/** Long names a letter or two apart (one in ten at most), compared within blocks of the same first word and length. */
function spellingPairs(
  names: Map<string, string[]>,
  corroborates: (p: string, q: string) => boolean,
): Array<[string, string, OrgMatch]> {
  const out: Array<[string, string, OrgMatch]> = [];
  const norm = new Map([...names].map(([k, ns]) => [k, normaliseName(ns[0]!)]));
  const lexical = new Set([...norm].filter(([, n]) => isLexiconName(n)).map(([k]) => k));
  const bins = new Map([...norm].filter(([, n]) => n.length >= 12).map(([k, n]) => [k, nameOf(n).bins]));
  const blocks = new Map<string, string[]>();
  for (const [k, n] of norm) {
    if (n.length < 12) continue;
    const w = variantWords(n);
    const key = `${w[0]}|${w.length}`;
    (blocks.get(key) ?? blocks.set(key, []).get(key)!).push(k);
  }
  for (const key of [...blocks.keys()].sort()) {
    // by length, so that each name meets only those at most two letters longer
    const members = blocks.get(key)!.sort((x, y) => norm.get(x)!.length - norm.get(y)!.length || (x < y ? -1 : 1));
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) {
        const [p, q] = [members[i]!, members[j]!];
        const [a, b] = [norm.get(p)!, norm.get(q)!];
        if (b.length - a.length > 2) break;
        if ((lexical.has(p) && lexical.has(q)) || !fewLettersApart(bins.get(p)!, bins.get(q)!)) continue;
        if (withinEditDistance(a, b, Math.min(2, Math.floor(b.length / 10))) && corroborates(p, q))
          out.push([p, q, 'spelling']);
      }
  }
  return out;
}

/** Merge, in place, organisations that outlets name apart (see orgVariantPairs). */
export function mergeOrgVariants(graph: KGraph): KGraph {
  return mergePairs(graph, orgVariantPairs(graph));
}
