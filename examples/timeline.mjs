// An entity's dated evidence, oldest first, as JSON lines: node examples/timeline.mjs [store] [name]
import { openStore } from 'kunafoni';

const [dir = 'data/store', name = 'Orange Mali'] = process.argv.slice(2);
const store = await openStore(dir);
for (const t of store.timeline(name)) {
  const { source: outlet, sentence } = t.evidence;
  console.log(JSON.stringify({ date: t.date, relation: t.kind, with: t.other.label, outlet, sentence }));
}
