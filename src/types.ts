// The data that flows through the pipeline: read → clean → extract → resolve → merge → store.
// Plain, serialisable records; no classes.

export type Lang = 'fr' | 'en';

/** One news article, as a reader produces it. `id` is a hash of the normalised text. */
export interface Article {
  id: string;
  title?: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD): publication date. */
  date?: string;
  /** Outlet ("L'Essor", "Maliweb"). */
  source?: string;
  url?: string;
  /** Byline: metadata only, never a person of the story. */
  author?: string;
  lang: Lang;
  /** The article body, paragraphs separated by blank lines; evidence offsets index into it. */
  text: string;
  /** Where it was read from (file path, URL, "-"). */
  origin?: string;
  /**
   * Other outlets' copies of this same story (syndication: an L'Essor article reposted by Maliweb and
   * aBamako). The story is stored once, under this article's text; each copy counts as a source.
   */
  syndicated?: SyndicatedCopy[];
}

/** A copy of a story published by another outlet (or at another address), recorded on the story kept. */
export interface SyndicatedCopy {
  /** Id of the copy's own text (so re-ingesting it is recognised). */
  id: string;
  source?: string;
  url?: string;
  date?: string;
  title?: string;
  origin?: string;
}

export type NodeKind = 'person' | 'organisation' | 'topic' | 'place';
export type EntityKind = 'person' | 'organisation';

export const RELATION_KINDS = [
  'met-with',
  'holds-role',
  'committed-to',
  'signed-agreement-with',
  'sanctioned',
  'discussed',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Relations whose two ends play the same part. */
export const UNDIRECTED: ReadonlySet<RelationKind> = new Set<RelationKind>(['met-with', 'signed-agreement-with']);

/** A span of text in an article that names an entity. */
export interface Mention {
  /** Surface form, verbatim. */
  text: string;
  start: number;
  end: number;
  kind: NodeKind;
  /** Id of the rule (or lexicon) that found it. */
  rule: string;
}

/** A sentence of an article, with its offsets in `Article.text`. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph it belongs to. */
  paragraph: number;
}

/**
 * An entity as resolved inside one article: every form the article uses for it, and the keys
 * (normalised names, acronyms, lexicon ids) that resolution across articles works with.
 */
export interface LocalEntity {
  /** Local id, unique inside the article. */
  id: string;
  kind: NodeKind;
  /** The fullest name the article gives. */
  name: string;
  /** Other forms the article uses (surname alone, acronym, spelling variants). */
  forms: string[];
  /** Resolution keys; entities sharing a key across articles are one entity. */
  keys: string[];
  /** Roles the article gives this person ("Directeur général"). */
  roles: string[];
  mentions: Mention[];
}

/** A relation found in one article, with the sentence that states it. */
export interface LocalRelation {
  kind: RelationKind;
  source: string; // LocalEntity id
  target: string; // LocalEntity id
  sentence: Sentence;
  rule: string;
  role?: string;
  commitment?: string;
  /** committed-to: announced, signed, implemented or abandoned, from the wording. */
  status?: string;
  /** 0–1: how sure the rule and the resolution steps behind it are. */
  confidence?: number;
  /** How the ends were resolved ("subject: pronoun 'Il' → Hamadoun Touré"). */
  steps?: string[];
  /**
   * When the sentence dates the event itself ("mardi dernier", "le 22 janvier"), resolved against the publication
   * date.
   */
  eventDate?: string;
  eventPrecision?: 'day' | 'month' | 'year';
  /** The relation scorer's features that weighed most, with their weights (see src/nlp/scorer.ts). */
  features?: string[];
}

/** What extraction and within-article resolution make of one article. */
export interface Extraction {
  article: string;
  entities: LocalEntity[];
  relations: LocalRelation[];
}

/** One sentence of one article stating a relation. */
export interface Evidence {
  article: string;
  sentence: string;
  start: number;
  end: number;
  date?: string;
  source?: string;
  url?: string;
  title?: string;
  rule: string;
  commitment?: string;
  status?: string;
  role?: string;
  confidence?: number;
  steps?: string[];
  eventDate?: string;
  eventPrecision?: 'day' | 'month' | 'year';
  /** The relation scorer's strongest features, with their weights. */
  features?: string[];
}

/** Node attributes of the stored graph (the JSON export is graphology's serialization). */
export interface NodeAttributes {
  label: string;
  kind: NodeKind;
  aliases: string[];
  /** Number of articles that mention the entity. */
  mentions: number;
  firstSeen?: string;
  lastSeen?: string;
  roles?: string[];
  /** Ids of the articles that mention it. */
  articles: string[];
  x?: number;
  y?: number;
  [extra: string]: unknown;
}

/** Edge attributes of the stored graph. Never `type`: sigma reserves it. */
export interface EdgeAttributes {
  kind: RelationKind;
  /** Number of distinct articles. */
  weight: number;
  evidence: Evidence[];
  firstSeen?: string;
  lastSeen?: string;
  role?: string;
  commitment?: string;
  /** committed-to: the status the latest evidence gives. */
  status?: string;
  /** 0–1, from the evidence: one minus the chance that every sentence's reading is wrong. */
  confidence?: number;
  /** Distinct outlets that state it. */
  sources: string[];
  [extra: string]: unknown;
}

export interface GraphAttributes {
  name?: string;
  version: number;
  [extra: string]: unknown;
}

/** What the store keeps for each article: the article and its extraction (the graph derives from these). */
export interface StoredArticle {
  article: Article;
  extraction: Extraction;
}
