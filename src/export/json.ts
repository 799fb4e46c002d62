// JSON export: graphology's own serialization, the contract the scorer and the viewer read.
import type { ReadonlyKGraph } from '../graph/readonly.js';
import { metricGraph, type MetricsExportOption } from './metrics.js';

/** The graph as graphology JSON, with the node metrics. Internal bookkeeping (`articles` ids on nodes) stays in. */
export const exportJson = (graph: ReadonlyKGraph, pretty = false, opts: MetricsExportOption = {}): string =>
  JSON.stringify(metricGraph(graph, opts).export(), null, pretty ? 2 : undefined);
