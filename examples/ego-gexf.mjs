// An entity's surroundings as GEXF for Gephi, on stdout:
//   node examples/ego-gexf.mjs [store] [name] [depth] > ego.gexf
import { openStore, filterGraph, exportGexf } from 'kunafoni';

const [dir = 'data/store', name = 'Huawei', depth = '2'] = process.argv.slice(2);
const store = await openStore(dir);
// NotFoundError with the closest names when unknown
const ego = filterGraph(store.graph, { ego: name, depth: Number(depth) });
const label = store.entity(name).label;
process.stderr.write(`${label}: ${ego.order} entities, ${ego.size} relations within ${depth} steps\n`);
process.stdout.write(exportGexf(ego, { dynamic: true }));
