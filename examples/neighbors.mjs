// Who is related to an entity, and how: node examples/neighbors.mjs [store] [name]
import { openStore } from 'kunafoni';

const [dir = 'data/store', name = 'Huawei'] = process.argv.slice(2);
const store = await openStore(dir);
for (const n of store.neighbors(name)) {
  console.log(`${n.relation.kind}\t${n.entity.label}\t${n.entity.kind}\t${n.relation.weight}\t${n.relation.evidence[0]?.sentence ?? ''}`);
}
