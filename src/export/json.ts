// JSON export: graphology's own serialization, the contract the scorer and the viewer read.
import type { ReadonlyKGraph } from '../query/readonly.js';

/** The graph as graphology JSON. Internal bookkeeping (`articles` ids on nodes) stays in. */
export const exportJson = (graph: ReadonlyKGraph, pretty = false): string => JSON.stringify(graph.export(), null, pretty ? 2 : undefined);
