// Find entities by name, alias or role: node examples/search.mjs [store] [text]
import { openStore, NotFoundError } from 'kunafoni';

const [dir = 'data/store', text = 'orange'] = process.argv.slice(2);
const store = await openStore(dir);
for (const hit of store.search(text)) {
  console.log(`${hit.entity.label} (${hit.entity.kind}) matched ${hit.field} "${hit.matched}"`);
}
try {
  store.entity(text);
} catch (err) {
  if (!(err instanceof NotFoundError)) throw err;
  console.log(`no entity is called "${text}"; closest: ${err.suggestions.join(', ')}`);
}
