// What the full build and the incremental fold share: node keys, labels, evidence and edge attributes.
import type Graph from 'graphology';
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes, StoredArticle } from '../types.js';
import { slug } from '../text/keys.js';

export type KGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const GRAPH_VERSION = 1;

/**
 * Node key for a component: a lexicon id when there is one (`org:@orange-mali` → `org:orange-mali`), else the
 * smallest key.
 */
export function nodeKeyOf(keys: string[]): string {
  const sorted = [...keys].sort();
  // a lexicon id, else a name ("org:agence-malienne-…") rather than an acronym ("org:acr:AMNS")
  const k = sorted.find((x) => x.includes(':@')) ?? sorted.find((x) => !x.includes(':acr:')) ?? sorted[0]!;
  const [prefix, ...rest] = k.split(':');
  return `${prefix}:${slug(rest.join(':').replace(/^@/, ''))}`;
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

/** FNV-1a, 32 bits, as 8 hex digits: a short deterministic id for a phrase. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
