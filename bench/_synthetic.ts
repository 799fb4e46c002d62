// Synthetic graphs for the benchmarks: community structure, positions, evidence and dates.
import type { SerializedGraph } from 'graphology-types';

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['person', 'person', 'organisation', 'organisation', 'topic', 'place'] as const;
const RELS = ['met-with', 'holds-role', 'committed-to', 'signed-agreement-with', 'sanctioned', 'discussed'] as const;
const KIND_LABEL: Record<(typeof KINDS)[number], string> = {
  person: 'Personne',
  organisation: 'Organisation',
  topic: 'Thème',
  place: 'Lieu',
};
const OUTLETS = ['L’Essor', 'Maliweb', 'Malikunafoni', 'Bamada', 'Studio Tamani', 'Ecofin'];

/** An edge's evidence: one sentence of one article, and the dates and outlets it gives the edge. */
function oneEvidence(art: number, date: string, outlet: string, sentence: string) {
  const evidence = {
    article: `art${art}`,
    sentence,
    start: 0,
    end: sentence.length,
    date,
    source: outlet,
    title: `Article ${art}`,
    rule: 'synthetic',
  };
  return { evidence: [evidence], sources: [outlet], firstSeen: date, lastSeen: date };
}

/** A community-structured graph with positions (clusters on a circle), evidence and dates. */
export function syntheticGraph(n: number, m: number, seed = 42): SerializedGraph {
  const r = rng(seed);
  const communities = Math.max(8, Math.round(Math.sqrt(n) / 2));
  const members: number[][] = Array.from({ length: communities }, () => []);
  const articles = Math.max(50, Math.round(m / 20));
  const dateOf = (a: number) => {
    const day = Math.floor((a / articles) * 1000);
    const d = new Date(Date.UTC(2022, 0, 1) + day * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const nodes: SerializedGraph['nodes'] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() ** 1.3 * communities);
    members[c]!.push(i);
    const angle = (2 * Math.PI * c) / communities;
    const radius = 1000 * Math.sqrt(n / 5000);
    const spread = (radius / Math.sqrt(communities)) * 1.2;
    const gauss = () => (r() + r() + r() - 1.5) * spread;
    const kind = KINDS[Math.floor(r() * KINDS.length)]!;
    const a0 = Math.floor(r() * articles);
    nodes.push({
      key: `n${i}`,
      attributes: {
        label: `${KIND_LABEL[kind]} ${i}`,
        kind,
        aliases: [`alias ${i}`],
        mentions: 1 + Math.floor(r() ** 3 * 40),
        firstSeen: dateOf(a0),
        lastSeen: dateOf(Math.min(articles - 1, a0 + Math.floor(r() * 200))),
        articles: [`art${a0}`],
        x: Math.cos(angle) * radius + gauss(),
        y: Math.sin(angle) * radius + gauss(),
      },
    });
  }
  const edges: SerializedGraph['edges'] = [];
  const seen = new Set<string>();
  while (edges.length < m) {
    const c = Math.floor(r() * communities);
    const pool = members[c]!.length > 1 && r() < 0.85 ? members[c]! : undefined;
    const s = pool ? pool[Math.floor(r() * pool.length)]! : Math.floor(r() * n);
    const t = pool ? pool[Math.floor(r() * pool.length)]! : Math.floor(r() * n);
    if (s === t) continue;
    const kind = RELS[Math.floor(r() * RELS.length)]!;
    const undirected = kind === 'met-with' || kind === 'signed-agreement-with';
    const [a, b] = undirected && t < s ? [t, s] : [s, t];
    const key = `${kind}|n${a}|n${b}`;
    // one edge per ordered pair (the stored graph is not multi), kinds may differ between directions
    const pair = undirected ? `u${a}|${b}` : `d${a}|${b}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const art = Math.floor(r() * articles);
    const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)]!;
    const sentence = `Phrase de preuve ${edges.length} : n${a} et n${b}.`;
    const weight = 1 + Math.floor(r() ** 4 * 5);
    edges.push({
      key,
      source: `n${a}`,
      target: `n${b}`,
      ...(undirected ? { undirected: true } : {}),
      attributes: { kind, weight, ...oneEvidence(art, dateOf(art), outlet, sentence) },
    });
  }
  return { options: { type: 'mixed', multi: false, allowSelfLoops: false }, attributes: { version: 1 }, nodes, edges };
}
