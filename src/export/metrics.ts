// Every export writes the entities' network metrics (degree, weightedDegree, betweenness, pagerank,
// community: src/graph/metrics.ts) as node attributes, computed on the graph being exported (after
// the filters), unless the caller passes `metrics: false` (`kunafoni export --no-metrics`).
import type { KGraph } from '../graph/build.js';
import { withMetrics } from '../graph/metrics.js';
import type { ReadonlyKGraph } from '../graph/readonly.js';

export interface MetricsExportOption {
  /** Compute and write the node metrics (default true). */
  metrics?: boolean;
}

/** The graph with its metrics as node attributes (a copy), or the graph itself with `metrics: false`. */
export const metricGraph = (graph: ReadonlyKGraph, opts: MetricsExportOption = {}): ReadonlyKGraph =>
  opts.metrics === false ? graph : (withMetrics(graph as KGraph) as KGraph);
