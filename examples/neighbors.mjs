// Who is related to an entity, and how: node examples/neighbors.mjs [store] [name]
import { openStore } from 'kunafoni';

const [dir = 'data/store', name = 'Huawei'] = process.argv.slice(2);
const store = await openStore(dir);
for (const { relation, entity } of store.neighbors(name)) {
  const sentence = relation.evidence[0]?.sentence ?? '';
  console.log([relation.kind, entity.label, entity.kind, relation.weight, sentence].join('\t'));
}
