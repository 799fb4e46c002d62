// Shared test helpers: the hand-written seed store, a multi-graph variant of it, CLI capture.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Graph from 'graphology';
import { run } from '../../src/cli/main.js';
import type { KGraph } from '../../src/graph/build.js';
import { loadStore } from '../../src/library/store.js';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const seedStoreDir = join(repoRoot, 'test', 'fixtures', 'seed-store');
export const shared = resolve(repoRoot, '..', 'shared');

/** The fixture store's graph; fails loudly when the fixture no longer loads as written (it would be rebuilt empty). */
export async function seedGraph(): Promise<KGraph> {
  const { graph } = await loadStore(seedStoreDir, { mustExist: true });
  if (graph.order !== 9 || graph.size !== 9)
    throw new Error(`fixture store did not load as written: ${graph.order} nodes, ${graph.size} edges`);
  return graph;
}

/**
 * The seed graph as a multi graph with a parallel edge (Huawei → fibre optique both committed-to and
 * discussed), with an awkward alias (comma, quotes, ampersand) and without stored positions on two nodes.
 */
export async function awkwardGraph(): Promise<KGraph> {
  const seed = await seedGraph();
  const g: KGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  g.import(seed.export());
  g.addDirectedEdgeWithKey('discussed|org:huawei|topic:fibre-optique', 'org:huawei', 'topic:fibre-optique', {
    kind: 'discussed',
    weight: 1,
    sources: ['Maliweb'],
    firstSeen: '2023-11',
    lastSeen: '2023-11',
    evidence: [
      {
        article: 'a2c0ffee00000002',
        sentence: 'Les deux parties ont échangé sur « la fibre », dit-il, & le "backbone".',
        start: 0,
        end: 10,
        date: '2023-11',
        source: 'Maliweb',
        rule: 'test',
      },
    ],
  });
  g.updateNodeAttribute('org:huawei', 'aliases', (a) => [...(a ?? []), 'Huawei, "Tech" & Co <Mali>']);
  g.removeNodeAttribute('place:bamako', 'x');
  g.removeNodeAttribute('topic:fibre-optique', 'y');
  return g;
}

/**
 * The seed graph plus namesakes: two Tourés sharing the alias "Touré", two Traorés, "Orange" as a label
 * and an alias.
 */
export async function namesakesGraph(): Promise<KGraph> {
  const g: KGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: false });
  g.import((await seedGraph()).export());
  const person = (key: string, label: string, aliases: string[], roles: string[], mentions: number) =>
    g.addNode(key, {
      label,
      kind: 'person',
      aliases,
      roles,
      mentions,
      articles: [],
      firstSeen: '2024',
      lastSeen: '2024',
    });
  person('person:amadou-toure', 'Amadou Touré', ['Touré'], ['Directeur général'], 3);
  person('person:awa-toure', 'Awa Touré', ['Touré'], ['ministre'], 1);
  person('person:issa-traore', 'Issa Traoré', [], [], 2);
  person('person:moussa-traore', 'Moussa Traoré', [], [], 1);
  g.addNode('org:orange', { label: 'Orange', kind: 'organisation', aliases: [], mentions: 2, articles: [] });
  g.addNode('org:orange-money', {
    label: 'Orange Money',
    kind: 'organisation',
    aliases: ['Orange'],
    mentions: 5,
    articles: [],
  });
  return g;
}

export const tempDir = (prefix = 'kunafoni-test-') => mkdtempSync(join(tmpdir(), prefix));

/** Run the CLI in-process; capture stdout, stderr and the exit code. */
export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false });
  return { code, out, err };
}

/** True when a command runs (exit 0). */
export const has = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
export const hasXmllint = () => has('xmllint', ['--version']);
export const hasNetworkx = () => has('python3', ['-c', 'import networkx']);
export const hasShared = () => existsSync(join(shared, 'schemas', 'gexf', 'rng-1.3', 'gexf.rng'));

/** The error `fn` throws (undefined when it does not throw). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}
