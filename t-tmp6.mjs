import { readFileSync } from 'node:fs';
const g = JSON.parse(readFileSync('/tmp/b/s10k-orig/graph.json', 'utf8'));
const kind = new Map(g.nodes.map((n) => [n.key, n.attributes.kind]));
const buckets = new Map();
for (const e of g.edges) if (e.attributes.kind === 'holds-role' && e.attributes.role && kind.get(e.source) === 'person') { const k = e.target + '|' + e.attributes.role; (buckets.get(k) ?? buckets.set(k, new Set()).get(k)).add(e.source); }
const sizes = [...buckets.values()].map((s) => s.size).sort((a, b) => b - a);
console.log('buckets', sizes.length, 'largest', sizes.slice(0, 8), 'pairs', sizes.reduce((n, s) => n + (s * (s - 1)) / 2, 0));
