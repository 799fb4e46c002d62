// Layers of src/, top to bottom (DESIGN.md, "Layout of the code"): a module may import its own folder
// and the layers below it, never a layer above. `npm test` runs this check (npm run lint:layers).
//   cli → serve → ingest, query → export, workers → library (the store folded into a curated graph)
//   → curation → graph → nlp → sources → clean → store, text, types, errors (leaves)
// Readers return cleaned paragraphs, so sources sit above clean; coreference lives in nlp;
// graph semantics (keys, merge, variants, readonly view, name index) in graph.
const LAYERS = [
  ['index.ts', 'cli'],
  ['serve'],
  ['ingest.ts', 'query'],
  ['export', 'workers'],
  ['library'],
  ['curation'],
  ['graph'],
  ['nlp'],
  ['sources'],
  ['clean'],
  ['store', 'text', 'types.ts', 'errors.ts'],
];
const path = (name) => (name.endsWith('.ts') ? `^src/${name.replace('.', '\\.')}$` : `^src/${name}/`);
const upward = LAYERS.slice(1).map((layer, i) => ({
  name: `no-upward-from-${layer.join('-').replace(/\.ts/g, '')}`,
  comment: `${layer.join(', ')} may not import the layers above it`,
  severity: 'error',
  from: { path: layer.map(path) },
  to: {
    path: LAYERS.slice(0, i + 1)
      .flat()
      .map(path),
  },
}));
module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-circular',
      comment: 'no import cycle between modules',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'text-is-a-leaf',
      comment: 'src/text imports nothing of ours but types and errors',
      severity: 'error',
      from: { path: '^src/text/' },
      to: { path: '^src/', pathNot: ['^src/text/', '^src/types\\.ts$', '^src/errors\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
