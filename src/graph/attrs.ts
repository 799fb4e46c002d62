// What the full build and the incremental fold share: node keys, labels, evidence and edge attributes.
import type Graph from 'graphology';
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes, StoredArticle } from '../types.js';
import { slug } from '../text/keys.js';

export type KGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const GRAPH_VERSION = 1;

/** Node key for a component: a lexicon id when there is one (`org:@orange-mali` → `org:orange-mali`), else the smallest key. */
export function nodeKeyOf(keys: string[]): string {
  const sorted = [...keys].sort();
  // a lexicon id, else a name ("org:agence-malienne-…") rather than an acronym ("org:acr:AMNS")
  const k = sorted.find((x) => x.includes(':@')) ?? sorted.find((x) => !x.includes(':acr:')) ?? sorted[0]!;
  const [prefix, ...rest] = k.split(':');
  return `${prefix}:${slug(rest.join(':').replace(/^@/, ''))}`;
}

/** Letters with diacritics: "Brelotte Bâ" says more than "Brelotte Ba", which some outlets write. */
const accents = (s: string) => s.normalize('NFD').replace(/[^\p{M}]/gu, '').length;

export const byCountThenLength = (counts: Map<string, number>, preferred?: string): string => {
  if (preferred) return preferred;
  return [...counts.entries()].sort(
    (a, b) => b[1] - a[1] || b[0].length - a[0].length || accents(b[0]) - accents(a[0]) || (a[0] < b[0] ? -1 : 1),
  )[0]![0];
};

export const minDate = (a?: string, b?: string) => (!a ? b : !b ? a : a < b ? a : b);
export const maxDate = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b);

export function mostFrequent(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return byCountThenLength(counts);
}

/** The evidence a relation of an article gives its edge. */
export function evidenceOf(
  article: StoredArticle['article'],
  r: StoredArticle['extraction']['relations'][number],
): Evidence {
  const ev: Evidence = {
    article: article.id,
    sentence: r.sentence.text,
    start: r.sentence.start,
    end: r.sentence.end,
    rule: r.rule,
  };
  for (const f of ['date', 'source', 'url', 'title'] as const) if (article[f]) ev[f] = article[f];
  if (r.role) ev.role = r.role;
  if (r.commitment) ev.commitment = r.commitment;
  if (r.status) ev.status = r.status;
  if (r.confidence !== undefined) ev.confidence = r.confidence;
  if (r.steps?.length) ev.steps = r.steps;
  if (r.features?.length) ev.features = r.features;
  if (r.eventDate) {
    ev.eventDate = r.eventDate;
    if (r.eventPrecision) ev.eventPrecision = r.eventPrecision;
  }
  return ev;
}

/** An edge's confidence: one minus the chance that every sentence's reading is wrong. */
export function edgeConfidence(evidence: Evidence[]): number | undefined {
  const confs = evidence.map((e) => e.confidence).filter((c): c is number => c !== undefined);
  return confs.length ? Math.round((1 - confs.reduce((p, c) => p * (1 - c), 1)) * 1000) / 1000 : undefined;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short deterministic id for a phrase. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
