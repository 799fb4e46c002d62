await import('/tmp/b/dump.mjs');
const n = globalThis.__need; console.log('fraction of text in sentences needing first names', (n.chars / n.total).toFixed(3));
