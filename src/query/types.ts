// What the query API returns: plain, serialisable objects that carry each entity's label and kind
// (never bare node keys), so a script can print or JSON.stringify them as they are.
import type { Evidence, NodeKind, RelationKind } from '../types.js';

/** An entity as results name it. `key` is the node key in the graph. */
export interface EntityRef {
  key: string;
  label: string;
  kind: NodeKind;
}

/** An entity with what the store knows about it. */
export interface EntityInfo extends EntityRef {
  aliases: string[];
  /** Number of articles that mention it. */
  mentions: number;
  firstSeen?: string;
  lastSeen?: string;
  roles: string[];
  /** Ids of the articles that mention it. */
  articles: string[];
  /** Number of relations, and their count by kind. */
  degree: number;
  relationCounts: Partial<Record<RelationKind, number>>;
}

/** A relation (an edge) with its evidence. For undirected kinds `source`/`target` are in key order. */
export interface RelationInfo {
  key: string;
  kind: RelationKind;
  source: EntityRef;
  target: EntityRef;
  directed: boolean;
  /** Number of distinct articles stating it. */
  weight: number;
  /** Distinct outlets stating it. */
  sources: string[];
  firstSeen?: string;
  lastSeen?: string;
  role?: string;
  commitment?: string;
  /** committed-to: announced, signed, implemented or abandoned (from the latest evidence). */
  status?: string;
  evidence: Evidence[];
}

/** `out`: the entity is the relation's source; `in`: its target; `both`: an undirected relation. */
export type Direction = 'out' | 'in' | 'both';

export interface Neighbor {
  entity: EntityRef;
  direction: Direction;
  relation: RelationInfo;
}

/** One step of a path: the relations between two consecutive entities, and their evidence. */
export interface PathStep {
  from: EntityRef;
  to: EntityRef;
  /** Every relation between the two, strongest first. */
  relations: RelationInfo[];
  /** The evidence of those relations, in date order. */
  evidence: Evidence[];
}

export interface PathResult {
  from: EntityRef;
  to: EntityRef;
  /** Number of steps. */
  length: number;
  steps: PathStep[];
}

export interface TimelineEntry {
  date: string;
  /** The relation the sentence states. */
  kind: RelationKind;
  relation: string;
  direction: Direction;
  /** The entity at the other end of the relation. */
  other: EntityRef;
  evidence: Evidence;
}

export interface SearchHit {
  entity: EntityRef;
  /** Which name matched. */
  field: 'label' | 'alias' | 'role';
  matched: string;
  /** 1 exact, lower for prefix, word and substring matches. */
  score: number;
  mentions: number;
}

export interface EvidenceHit {
  relation: Omit<RelationInfo, 'evidence'>;
  evidence: Evidence;
}

export interface EgoResult {
  center: EntityRef;
  depth: number;
  entities: EntityRef[];
  relations: RelationInfo[];
}

export interface NeighborOptions {
  /** Relation kinds to follow. */
  relation?: RelationKind | RelationKind[];
  /** Kinds of the neighbours to keep. */
  kind?: NodeKind | NodeKind[];
  /** Keep relations with evidence dated inside [since, until] (ISO dates). */
  since?: string;
  until?: string;
  direction?: Direction | 'any';
}

export interface RelationOptions {
  kind?: RelationKind | RelationKind[];
  /** An entity name: relations whose source is it (either end for undirected kinds). */
  from?: string;
  /** An entity name: relations whose target is it (either end for undirected kinds). */
  to?: string;
  since?: string;
  until?: string;
}
