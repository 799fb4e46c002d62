// How two entities are connected, with the sentence behind every step:
// node examples/path.mjs [store] [from] [to]
import { openStore } from 'kunafoni';

const [dir = 'data/store', from = "Leyti N'Diaye", to = 'Jean Sun Wei'] = process.argv.slice(2);
const store = await openStore(dir);
const path = store.path(from, to);
if (!path) {
  console.log(`${from} and ${to} are not connected`);
} else {
  for (const step of path.steps) {
    console.log(`${step.from.label} -[${step.relations.map((r) => r.kind).join(', ')}]- ${step.to.label}`);
    for (const e of step.evidence) console.log(`  ${e.date ?? '????'} ${e.source ?? ''}: ${e.sentence}`);
  }
}
