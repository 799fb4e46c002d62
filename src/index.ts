// The script API: `import { openStore } from 'kunafoni'`. Named re-exports only.
export { openStore, type OpenedStore } from './query/open.js';
export { queryGraph, type KunafoniQuery } from './query/query.js';
export {
  COMMITMENT_STATUSES,
  type CommitmentOptions,
  type CommitmentStatus,
  type CommitmentStep,
  type CommitmentThread,
} from './query/commitments.js';
export type { RolePeriod } from './query/roles.js';
export {
  computeMetrics,
  withMetrics,
  METRIC_NAMES,
  type MetricName,
  type MetricsOptions,
  type NodeMetrics,
} from './graph/metrics.js';
export { readOnlyGraph, ReadOnlyGraphError, type ReadonlyKGraph } from './graph/readonly.js';
export type {
  Direction,
  EgoResult,
  EntityInfo,
  EntityRef,
  EvidenceHit,
  Neighbor,
  NeighborOptions,
  PathResult,
  PathStep,
  RelationInfo,
  RelationOptions,
  SearchHit,
  TimelineEntry,
} from './query/types.js';
export { filterGraph, parseFilterOptions, type FilterOptions } from './export/filter.js';
export { exportJson } from './export/json.js';
export { exportGexf, type GexfOptions } from './export/gexf.js';
export { exportGraphml, type GraphmlOptions } from './export/graphml.js';
export { exportCsv } from './export/csv.js';
export { exportNeo4j } from './export/neo4j.js';
export { FORMATS, formatById, type ExportFormat, type ExportOptions, type ExportOutput } from './export/formats.js';
export { loadStore, DEFAULT_STORE, type Store } from './library/store.js';
export type { KGraph } from './graph/build.js';
export {
  KunafoniError,
  SourceError,
  StoreError,
  UsageError,
  NotFoundError,
  AmbiguousNameError,
  type NameCandidate,
} from './errors.js';
export type { Article, Evidence, NodeAttributes, EdgeAttributes, NodeKind, RelationKind } from './types.js';
export { RELATION_KINDS } from './types.js';
export {
  applyCuration,
  describeDecision,
  type CurationReport,
  type Decision,
  type DecisionOutcome,
} from './curation/curation.js';
export { suggestDuplicates, type Suggestion } from './curation/suggest.js';
export { recordDecision, undoDecision, curationStatus } from './library/curation.js';
export type { CurationRequest } from './curation/curation-decide.js';
