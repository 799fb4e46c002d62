import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/csv.js';
import { exportGexf } from '../../src/export/gexf.js';
import { exportGraphml } from '../../src/export/graphml.js';
import { exportJson } from '../../src/export/json.js';
import { awkwardGraph, hasNetworkx, seedGraph, tempDir } from '../helpers/fixture-helpers.js';

// Reads each file with networkx (and the CSVs with Python's csv module); prints counts as JSON.
const PY = `
import csv, json, sys, networkx as nx
out = {}
for path in sys.argv[1:]:
    if path.endswith('.gexf'):
        g = nx.read_gexf(path)
    elif path.endswith('.graphml'):
        g = nx.read_graphml(path)
    else:
        with open(path, newline='', encoding='utf-8') as f:
            out[path] = {'rows': len(list(csv.DictReader(f)))}
        continue
    out[path] = {'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'multi': g.is_multigraph(),
                 'labels': sorted(d.get('label', '') for _, d in g.nodes(data=True))}
print(json.dumps(out))
`;

describe.skipIf(!hasNetworkx())('networkx reads the exports', () => {
  it.each([
    ['the seed graph', seedGraph],
    ['a multi graph with parallel relations and awkward values', awkwardGraph],
  ])('%s: GEXF (static, dynamic) and GraphML with the same counts as the JSON export', async (_name, make) => {
    const graph = await make();
    const json = JSON.parse(exportJson(graph)) as { nodes: { attributes: { label: string } }[]; edges: unknown[] };
    const dir = tempDir();
    const files = {
      static: join(dir, 'g.gexf'),
      dynamic: join(dir, 'dynamic.gexf'),
      graphml: join(dir, 'g.graphml'),
    };
    writeFileSync(files.static, exportGexf(graph));
    writeFileSync(files.dynamic, exportGexf(graph, { dynamic: true }));
    writeFileSync(files.graphml, exportGraphml(graph));
    const csv = exportCsv(graph);
    for (const [name, text] of Object.entries(csv)) writeFileSync(join(dir, name), text);
    const out = JSON.parse(
      execFileSync('python3', ['-c', PY, ...Object.values(files), ...Object.keys(csv).map((n) => join(dir, n))], {
        encoding: 'utf8',
      }),
    );
    const labels = json.nodes.map((n) => n.attributes.label).sort();
    for (const f of Object.values(files)) {
      expect(out[f].nodes, f).toBe(json.nodes.length);
      expect(out[f].edges, f).toBe(json.edges.length);
      expect(out[f].labels, f).toEqual(labels);
    }
    expect(out[join(dir, 'nodes.csv')].rows).toBe(json.nodes.length);
    expect(out[join(dir, 'edges.csv')].rows).toBe(json.edges.length);
    expect(out[join(dir, 'evidence.csv')].rows).toBe(graph.reduceEdges((n, _e, a) => n + a.evidence.length, 0));
  });
});
if (!hasNetworkx())
  console.warn(
    'skipped networkx tests: python3 with networkx is missing (pip install networkx; Debian python3-networkx ' +
      '2.8 cannot read GEXF 1.3)',
  );
