// Duplicate stories: the same article syndicated by several outlets (an L'Essor story reposted by
// Maliweb and aBamako) is one story with all its outlets. Texts become sets of word 5-shingles; a
// bottom-k MinHash sketch of each set, held in an inverted index, finds candidate copies quickly, and
// the exact shingle sets decide: Jaccard ≥ 0.7, or one text ≥ 90 % contained in the other when it is at
// least half its length (a copy that drops a paragraph or adds a "Source :" line).
import type { Article, Evidence, Extraction, StoredArticle, SyndicatedCopy } from '../types.js';

export interface DuplicateOptions {
  /** Words per shingle. */
  shingle: number;
  /** Size of the bottom-k MinHash sketch. */
  sketch: number;
  /** Jaccard similarity at or above which two texts are one story. */
  jaccard: number;
  /** Share of the shorter text found in the longer one at or above which they are one story… */
  containment: number;
  /** …when the shorter is at least this share of the longer. */
  minLengthRatio: number;
  /** Texts with fewer shingles than this are only matched exactly (by id). */
  minShingles: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  shingle: 5,
  sketch: 64,
  jaccard: 0.7,
  containment: 0.9,
  minLengthRatio: 0.5,
  minShingles: 15,
};

/** Words for comparison: accents, ligatures and case folded, punctuation dropped (what wordHashes hashes). */
export const comparisonWords = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** murmur3's finaliser: spreads the bits so that the smallest hashes are a fair sample. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Latin letters with accents (Latin-1 Supplement and Latin Extended-A), folded as comparisonWords folds them. */
const FOLD = new Map<number, number>();
for (let c = 0xc0; c <= 0x17f; c++) {
  const folded = String.fromCharCode(c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (folded.length === 1 && /\p{L}/u.test(folded)) FOLD.set(c, folded.charCodeAt(0));
}
const LETTER = /[\p{L}\p{N}]/u;
const foldRare = (letter: string) =>
  letter
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/**
 * Hashes of the words of a text, folded as comparisonWords folds them (accents, case, punctuation), in one
 * pass over the characters without building the words: this runs over every stored article.
 */
export function wordHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  const mix = (c: number) => {
    h ^= c;
    h = Math.imul(h, 0x01000193);
    inWord = true;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) mix(c);
    else if (c >= 65 && c <= 90) mix(c + 32);
    // a combining accent: dropped
    else if (c >= 0x300 && c <= 0x36f) continue;
    else if (c < 128 || !(FOLD.has(c) || LETTER.test(text[i]!))) {
      if (inWord) out.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    } else if (c === 0x153 || c === 0x152) {
      // œ → oe
      mix(111);
      mix(101);
    } else if (c === 0xe6 || c === 0xc6) {
      // æ → ae
      mix(97);
      mix(101);
    } else {
      const folded = FOLD.get(c);
      if (folded !== undefined) mix(folded);
      // rare letters: fold as comparisonWords does (decompose, drop the marks, lower case)
      else for (const ch of foldRare(text[i]!)) mix(ch.charCodeAt(0));
    }
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

/**
 * Hashes of the word k-shingles of a text, in text order (repeats included): words are hashed once, shingles
 * combine them.
 */
export function shingleHashes(text: string, k = DEFAULT_DUPLICATE_OPTIONS.shingle): Uint32Array {
  const words = wordHashes(text);
  if (!words.length) return new Uint32Array();
  const n = Math.max(1, words.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < Math.min(i + k, words.length); j++) h = Math.imul(h ^ words[j]!, 0x01000193) + 0x3c6ef372;
    out[i] = fmix(h);
  }
  return out;
}

/** The set of hashed word k-shingles of a text. */
export function shingles(text: string, k = DEFAULT_DUPLICATE_OPTIONS.shingle): Set<number> {
  return new Set(shingleHashes(text, k));
}

/** Sorted distinct hashes. */
const distinctSorted = (hashes: Uint32Array): Uint32Array => {
  const sorted = Uint32Array.from(hashes).sort();
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r]!;
  return sorted.subarray(0, w);
};

/** Bottom-k MinHash sketch: the k smallest shingle hashes, ascending. */
export function sketch(set: Set<number> | Uint32Array, k = DEFAULT_DUPLICATE_OPTIONS.sketch): number[] {
  return [...distinctSorted(set instanceof Uint32Array ? set : Uint32Array.from(set)).subarray(0, k)];
}

export function jaccard(a: Set<number>, b: Set<number>): number {
  if (!a.size && !b.size) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Share of the smaller set found in the larger. */
export function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return 0;
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / small.size;
}

/**
 * Similarity of two shingle sets as the rule above sees it (1 = same story for sure), or 0 when they are not one
 * story.
 */
export function storySimilarity(
  a: Set<number>,
  b: Set<number>,
  opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): number {
  if (a.size < opts.minShingles || b.size < opts.minShingles) return 0;
  const j = jaccard(a, b);
  if (j >= opts.jaccard) return j;
  const ratio = Math.min(a.size, b.size) / Math.max(a.size, b.size);
  if (ratio >= opts.minLengthRatio) {
    const c = containment(a, b);
    if (c >= opts.containment) return c * ratio;
  }
  return 0;
}

/**
 * Size of the intersection of two sorted arrays of distinct values; stops (returning less than `need`)
 * as soon as the values left cannot bring it to `need`.
 */
function intersectionSize(a: Uint32Array, b: Uint32Array, need = 0): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (n + Math.min(a.length - i, b.length - j) < need) return n;
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** storySimilarity over distinct sorted shingle arrays (the same figures: sizes, intersection, ratios). */
export function sortedSimilarity(
  a: Uint32Array,
  b: Uint32Array,
  opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): number {
  if (a.length < opts.minShingles || b.length < opts.minShingles) return 0;
  const ratio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
  // the fewest shared shingles either rule could accept (rounded down): most candidates of a large
  // archive share a paragraph or two, and their intersection stops once it cannot get there
  let need = Math.floor((opts.jaccard * (a.length + b.length)) / (1 + opts.jaccard));
  if (ratio >= opts.minLengthRatio) need = Math.min(need, Math.floor(opts.containment * Math.min(a.length, b.length)));
  const inter = intersectionSize(a, b, need);
  if (inter < need) return 0;
  const j = !a.length && !b.length ? 1 : inter / (a.length + b.length - inter);
  if (j >= opts.jaccard) return j;
  if (ratio >= opts.minLengthRatio) {
    const small = Math.min(a.length, b.length);
    const c = small ? inter / small : 0;
    if (c >= opts.containment) return c * ratio;
  }
  return 0;
}

type Holders = Array<number | readonly number[] | undefined>;

/** Add an id to the i-th list of holders as `flush` adds it to the map (not right after itself). */
function addHolder(lists: Holders, own: Set<number>, i: number, id: number): void {
  const held = lists[i];
  if (held === undefined) lists[i] = id;
  else if (typeof held === 'number') {
    if (held !== id) {
      lists[i] = [held, id];
      own.add(i);
    }
  } else if (held[held.length - 1] !== id) {
    const mine = own.has(i) ? (held as number[]) : [...held];
    own.add(i);
    mine.push(id);
    lists[i] = mine;
  }
}

/**
 * An index of texts by their MinHash sketch. `find` returns the key of the indexed text that is the same
 * story as the given one, if any. Keys are the caller's (a story's position in the store). The sketches
 * find candidates; each text's distinct sorted shingles (4 bytes each, ~3 kB an article) decide, without
 * re-hashing the candidates' texts (many candidates share paragraphs in a large archive).
 */
export class DuplicateIndex<K = number> {
  /** Keys as dense internal ids, so that counting shared sketch values uses a typed array, not a Map. */
  private readonly ids = new Map<K, number>();
  private readonly keys: K[] = [];
  /** Sketch value → the id of the text whose sketch holds it, or the ids when several do (most values: one). */
  private readonly byValue = new Map<number, number | number[]>();
  /**
   * The distinct sorted shingles of each indexed text, by id (kept: candidates are compared without
   * re-hashing their texts), or how to get the text when it was indexed by its saved sketch: read and
   * hashed the first time it is a candidate.
   */
  private readonly texts: Array<Array<Uint32Array | (() => string)>> = [];
  /**
   * Sketches registered but not yet in `byValue`, in order: a store's ten thousand saved sketches cost more
   * to put in the map than a few finds cost scanning them, so the first finds scan (`pendingHolders`) and
   * the map is filled only when they become many (`flush`). Either way a value's holders are the same ids
   * in the same order.
   */
  private pending: Array<{ id: number; sketch: Uint32Array }> = [];
  private scans = 0;
  private counts = new Uint32Array(64);
  constructor(private readonly opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS) {}

  /**
   * Index a text under a key (a key may hold several texts: the versions of one story); returns its sketch (none:
   * too short to match).
   */
  add(key: K, text: string): Uint32Array | undefined {
    const distinct = distinctSorted(shingleHashes(text, this.opts.shingle));
    if (distinct.length < this.opts.minShingles) return undefined;
    const kept = distinct.slice();
    const sketch = kept.subarray(0, this.opts.sketch);
    this.register(key, sketch, kept);
    return sketch;
  }

  /**
   * Index a text by the sketch `add` returned for it (saved with the store): `text` is called, and the text
   * hashed, only if it becomes a candidate (a stored article is then parsed).
   */
  addSketch(key: K, sketch: Uint32Array, text: () => string): void {
    this.register(key, sketch, text);
  }

  private register(key: K, sketch: Uint32Array, text: Uint32Array | (() => string)): void {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(key, id);
      this.keys.push(key);
      this.texts.push([]);
    }
    this.texts[id]!.push(text);
    this.pending.push({ id, sketch });
  }

  /** Put the pending sketches in the map, in the order they were registered. */
  private flush(): void {
    for (const { id, sketch } of this.pending)
      for (const v of sketch) {
        const held = this.byValue.get(v);
        if (held === undefined) this.byValue.set(v, id);
        else if (typeof held === 'number') {
          if (held !== id) this.byValue.set(v, [held, id]);
        } else if (held[held.length - 1] !== id) held.push(id);
      }
    this.pending = [];
  }

  /**
   * The ids holding each value of a sorted sketch, as `byValue` would give them once the pending sketches
   * are flushed: those already in the map, then the pending ones in order (an id not repeated right after
   * itself, as `flush` does).
   */
  private holders(sk: Uint32Array): Holders {
    const lists: Holders = Array.from(sk, (v) => this.byValue.get(v));
    const own = new Set<number>(); // the lists copied from the map, which may be added to
    for (const { id, sketch } of this.pending)
      for (let i = 0, j = 0; i < sk.length && j < sketch.length;) {
        if (sk[i]! < sketch[j]!) i++;
        else if (sk[i]! > sketch[j]!) j++;
        else {
          addHolder(lists, own, i++, id);
          j++;
        }
      }
    return lists;
  }

  /** The distinct shingles of the k-th text of an id (hashing it now if it was indexed by its sketch). */
  private distinctOf(id: number, k: number): Uint32Array {
    const t = this.texts[id]![k]!;
    if (typeof t !== 'function') return t;
    const distinct = distinctSorted(shingleHashes(t(), this.opts.shingle)).slice();
    this.texts[id]![k] = distinct;
    return distinct;
  }

  /** The key of the most similar indexed story, when it is the same story. */
  find(text: string): { key: K; similarity: number } | undefined {
    const distinct = distinctSorted(shingleHashes(text, this.opts.shingle));
    if (distinct.length < this.opts.minShingles) return undefined;
    const sk = distinct.subarray(0, this.opts.sketch);
    if (this.counts.length < this.keys.length)
      this.counts = new Uint32Array(Math.max(this.keys.length, this.counts.length * 2));
    const counts = this.counts;
    const touched: number[] = []; // in the order first met, as the candidates were listed before
    const meet = (id: number) => {
      if (counts[id]++ === 0) touched.push(id);
    };
    // a few pending sketches, or many finds: fill the map; else scan the pending sketches for this one
    if (this.pending.length && (this.pending.length < 512 || ++this.scans > 16)) this.flush();
    for (const held of this.pending.length ? this.holders(sk) : Array.from(sk, (v) => this.byValue.get(v))) {
      if (typeof held === 'number') meet(held);
      else if (held) for (const id of held) meet(id);
    }
    // candidates share a fair part of the sketch; the exact sets decide
    const minShared = Math.max(2, Math.floor(sk.length * 0.2));
    let best: { key: K; similarity: number } | undefined;
    for (const id of touched) {
      const n = counts[id]!;
      counts[id] = 0;
      if (n < minShared) continue;
      for (let k = 0; k < this.texts[id]!.length; k++) {
        const s = sortedSimilarity(distinct, this.distinctOf(id, k), this.opts);
        if (s > 0 && (!best || s > best.similarity)) best = { key: this.keys[id]!, similarity: s };
      }
    }
    return best;
  }
}

/** The outlets that published a story: its own and its syndicated copies', distinct, in order. */
export function outletsOf(article: Pick<Article, 'source' | 'syndicated'>): string[] {
  const out: string[] = [];
  for (const s of [article.source, ...(article.syndicated ?? []).map((c) => c.source)])
    if (s && !out.includes(s)) out.push(s);
  return out;
}

/**
 * The distinct outlets behind an edge's evidence, syndicated copies included: what `sources` on an edge
 * holds. `articleOf` looks an evidence's article up by id (a Map's `get` will do).
 */
export function edgeSources(
  evidence: ReadonlyArray<Pick<Evidence, 'article' | 'source'>>,
  articleOf: (id: string) => Article | undefined,
): string[] {
  const out = new Set<string>();
  for (const ev of evidence) {
    const article = articleOf(ev.article);
    if (ev.source) out.add(ev.source);
    if (article) for (const s of outletsOf(article)) out.add(s);
  }
  return [...out].sort();
}

/** A copy of a story as recorded on the story kept. */
export function copyOf(article: Article): SyndicatedCopy {
  const copy: SyndicatedCopy = { id: article.id };
  for (const k of ['source', 'url', 'date', 'title', 'origin'] as const) if (article[k]) copy[k] = article[k];
  return copy;
}

/**
 * Order of preference for the copy a story is kept as: the earliest dated, then the longest text, then the smallest
 * id.
 */
export function preferredFirst(a: Article, b: Article): number {
  const da = a.date ?? '\uffff';
  const db = b.date ?? '\uffff';
  if (da !== db) return da < db ? -1 : 1;
  if (a.text.length !== b.text.length) return b.text.length - a.text.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface MergeOutcome {
  records: StoredArticle[];
  /** New stories. */
  added: number;
  /** Articles already in the store (same text), from an outlet already recorded. */
  exact: number;
  /** Copies of a story already there (another outlet, or a near-identical text): recorded on it. */
  syndicated: number;
  /** Articles rejected because extraction failed on them. */
  failed: Array<{ article: Article; error: unknown }>;
}

/**
 * The stories already stored, as an index of them starts from: their ids up front, a record parsed only
 * when it is asked for (a duplicate candidate, or a story that gains a copy).
 */
export interface StoredStories {
  readonly length: number;
  /** The story's id, then the ids of its syndicated copies. */
  ids(pos: number): readonly string[];
  record(pos: number): StoredArticle;
}

/** Records in memory as StoredStories. */
export const storiesOf = (records: readonly StoredArticle[]): StoredStories => ({
  length: records.length,
  ids: (pos) => idsOf(records[pos]!.article),
  record: (pos) => records[pos]!,
});

/** A story's id, then its syndicated copies' ids. */
export const idsOf = (article: Pick<Article, 'id' | 'syndicated'>): string[] => [
  article.id,
  ...(article.syndicated ?? []).map((c) => c.id),
];

/**
 * The state of the store's stories, for merging new articles into it: exact ids, syndicated copies'
 * ids, and the duplicate index. Build it once per process and keep it across checkpoints. Stored records
 * are read from `stored` only when needed; those read, changed or added are held here.
 */
export class StoryIndex {
  private count = 0;
  /** Records read from `stored`, changed or added, by position. */
  private readonly held = new Map<number, StoredArticle>();
  private readonly position = new Map<string, number>();
  private readonly index: DuplicateIndex<number>;
  /** The sketch each story's kept text is indexed by (null: too short to match), by position. */
  private readonly sketches: Array<Uint32Array | null> = [];
  private readonly stored: StoredStories;
  /**
   * `saved` holds the sketches of the first records, as `savedSketches()` gave them when the store was last
   * snapshotted: those texts are not read nor hashed again unless they become candidates.
   */
  constructor(
    stored: StoredStories | readonly StoredArticle[],
    opts: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
    saved: ReadonlyArray<Uint32Array | null> = [],
  ) {
    this.stored = Array.isArray(stored) ? storiesOf(stored) : (stored as StoredStories);
    this.index = new DuplicateIndex<number>(opts);
    for (; this.count < this.stored.length; this.count++) {
      const pos = this.count;
      for (const id of this.stored.ids(pos)) this.position.set(id, pos);
      const sk = saved[pos];
      this.sketches[pos] = sk === undefined ? (this.index.add(pos, this.record(pos).article.text) ?? null) : sk;
      if (sk) this.index.addSketch(pos, sk, () => this.record(pos).article.text);
    }
  }

  /** How many stories. */
  get length(): number {
    return this.count;
  }

  /** The record of a story (read from the stored ones the first time). */
  record(pos: number): StoredArticle {
    let r = this.held.get(pos);
    if (!r) this.held.set(pos, (r = this.stored.record(pos)));
    return r;
  }

  /** The records from a position on (the stories added since). */
  recordsFrom(pos: number): StoredArticle[] {
    const out: StoredArticle[] = [];
    for (let p = pos; p < this.count; p++) out.push(this.record(p));
    return out;
  }

  /** The records in memory (read as candidates, changed or added), by position: the others are as stored. */
  heldRecords(): ReadonlyMap<number, StoredArticle> {
    return this.held;
  }

  /** Every record, in order (reading those not read yet). */
  records(): StoredArticle[] {
    return this.recordsFrom(0);
  }

  /** The ids of a story and of its syndicated copies. */
  ids(pos: number): readonly string[] {
    const r = this.held.get(pos);
    return r ? idsOf(r.article) : this.stored.ids(pos);
  }

  private push(r: StoredArticle): void {
    const pos = this.count++;
    this.held.set(pos, r);
    this.register(r, pos);
  }

  private register(r: StoredArticle, pos: number): void {
    for (const id of idsOf(r.article)) this.position.set(id, pos);
    this.sketches[pos] = this.index.add(pos, r.article.text) ?? null;
  }

  /** The sketch of every story's kept text, in record order (saved beside the store, see `saved` above). */
  savedSketches(): Array<Uint32Array | null> {
    return Array.from({ length: this.count }, (_x, pos) => this.sketches[pos] ?? null);
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  /**
   * Merge one article: a new story, or a copy of one already there (recorded on it, and kept as the
   * story's text when it is the preferred copy). `extract` runs only for a story's kept text.
   */
  merge(article: Article, extract: (a: Article) => Extraction): 'added' | 'exact' | 'syndicated' {
    let pos = this.position.get(article.id);
    const exact = pos !== undefined;
    pos ??= this.index.find(article.text)?.key;
    if (pos === undefined) {
      const extraction = extract(article);
      this.push({ article: { ...article }, extraction }); // a copy: its syndicated list grows here, not the caller's
      return 'added';
    }
    const kept = this.record(pos);
    const copies = [copyOf(kept.article), ...(kept.article.syndicated ?? [])];
    const known = copies.some((c) => sameCopy(c, article));
    if (known) return 'exact';
    if (!exact && preferredFirst(article, kept.article) < 0) {
      // the new copy is the one to keep: the old text becomes a copy
      const { syndicated: _drop, ...rest } = article;
      const next: Article = { ...rest, syndicated: dedupeCopies(copies) };
      const extraction = extract(next);
      this.held.set(pos, { article: next, extraction });
      this.register(this.held.get(pos)!, pos);
      return 'syndicated';
    }
    kept.article.syndicated = dedupeCopies([...(kept.article.syndicated ?? []), copyOf(article)]);
    this.position.set(article.id, pos);
    return 'syndicated';
  }
}

/** Two records of the same story from the same outlet and place are one copy. */
const sameCopy = (c: SyndicatedCopy, a: Pick<Article, 'id' | 'source' | 'url'>): boolean =>
  c.id === a.id
    ? (c.source ?? '') === (a.source ?? '')
    : !!c.source && c.source === a.source && (c.url ?? '') === (a.url ?? '');

const dedupeCopies = (copies: SyndicatedCopy[]): SyndicatedCopy[] => {
  const out: SyndicatedCopy[] = [];
  for (const c of copies) if (!out.some((o) => o.id === c.id && (o.source ?? '') === (c.source ?? ''))) out.push(c);
  return out.sort(
    (a, b) =>
      (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff') ||
      (a.source ?? '').localeCompare(b.source ?? '') ||
      a.id.localeCompare(b.id),
  );
};

/** Merge articles into stored records (pure apart from `extract`): the store's duplicate rules in one call. */
export function mergeArticles(
  stored: StoredArticle[],
  incoming: Article[],
  extract: (a: Article) => Extraction,
): MergeOutcome {
  const stories = new StoryIndex(stored.map((r) => ({ ...r, article: { ...r.article } })));
  const outcome: MergeOutcome = { records: [], added: 0, exact: 0, syndicated: 0, failed: [] };
  for (const a of incoming) {
    try {
      outcome[stories.merge(a, extract)]++;
    } catch (error) {
      outcome.failed.push({ article: a, error });
    }
  }
  outcome.records = stories.records();
  return outcome;
}
