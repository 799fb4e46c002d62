const t0 = performance.now();
const m = await import('./dist/nlp/extract.js');
const { readFileSource } = await import('./dist/sources/registry.js');
const t1 = performance.now();
const [a] = await readFileSource('/tmp/b/c600/a000001.md');
const t2 = performance.now();
m.extractArticle(a);
const t3 = performance.now();
console.log({ imports: (t1 - t0).toFixed(0), read: (t2 - t1).toFixed(0), first: (t3 - t2).toFixed(0) });
