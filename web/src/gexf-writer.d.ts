// The GEXF writer alone: graphology-gexf/browser also loads a parser that needs DOMParser at import.
declare module 'graphology-gexf/common/writer.js' {
  import type { write } from 'graphology-gexf/browser';
  const writer: typeof write;
  export default writer;
}
