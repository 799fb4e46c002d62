// The store: a folder holding the articles with their extractions (the source of truth, one JSON
// line each) and the graph derived from them. Every write is atomic (temp file + fsync + rename), so a
// process killed at any point leaves the last complete store; writers hold a lock, so two processes
// never interleave; a store that is corrupt or from a newer version is refused, never overwritten.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import Graph from 'graphology';
import { CurationFileError, StoreError, errorMessage } from '../errors.js';
import type { StoredArticle } from '../types.js';
import { DEFAULT_DUPLICATE_OPTIONS, type StoryIndex } from '../clean/duplicates.js';
import { buildGraph, GRAPH_VERSION, type BuildOptions, type KGraph } from '../graph/build.js';
import { removeStaleTempFiles, writeFileAtomic } from '../store/atomic.js';
import { FOLD_VERSION, GraphFold, type FoldJSON } from '../graph/fold.js';
import { lexiconLabels } from '../nlp/lexicon.js';
import { acquireStoreLock, type LockOptions, type StoreLock } from '../store/lock.js';
import { curatedFrom } from './curation-file.js';
import { bufferBytes, StoredRecords, type RecordBytes, type RecordLine } from './records.js';
import {
  decodeLines,
  encodeLines,
  fileStamp,
  FileRecordBytes,
  readRange,
  sameStamp,
  stampOf,
  type Covers,
  type FileStamp,
  type LinesFile,
} from './lines-file.js';

export const STORE_FORMAT = 'kunafoni-store';
export const STORE_VERSION = 1;
export const DEFAULT_STORE = 'data/store';

export interface StoreMeta {
  format: typeof STORE_FORMAT;
  version: number;
  updated?: string;
  /** Length (and inode) of articles.jsonl at the last save: an append after it was not committed. */
  articles?: CommittedArticles;
  /**
   * The digest of the articles graph.json was built from, when it was written: a reader whose articles
   * digest differs does not parse graph.json (tens of megabytes in a large store) to learn it is stale.
   * Only a hint: graph.json's own `articlesDigest` is checked after parsing.
   */
  snapshot?: { digest: string };
}

/** articles.jsonl as the last save left it. */
export interface CommittedArticles {
  bytes: number;
  ino?: number;
  /**
   * The file's change times when the save ended, and the digests of prefixes of it the saving process had
   * checked (or written): while the file keeps this stamp, those digests need not be computed again.
   */
  stamp?: { mtimeNs: string; ctimeNs: string };
  checked?: Array<{ bytes: number; digest: string }>;
}

export interface Store {
  dir: string;
  articles: StoredArticle[];
  graph: KGraph;
}

export const storeFiles = (dir: string) => ({
  meta: join(dir, 'meta.json'),
  articles: join(dir, 'articles.jsonl'),
  graph: join(dir, 'graph.json'),
  fold: join(dir, 'fold.json'),
  sketches: join(dir, 'sketches.bin'),
  ids: join(dir, 'ids.json'),
  lines: join(dir, 'lines.bin'),
});
const files = storeFiles;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Refuse a store path that exists but is not a folder. */
async function checkFolder(dir: string, shown: string): Promise<boolean> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new StoreError(shown, 'this path is a file, not a store folder');
    return true;
  } catch (err) {
    if (err instanceof StoreError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreError(shown, `cannot read the store folder (${errorMessage(err)})`);
  }
}

async function readMeta(dir: string, shown: string): Promise<StoreMeta | undefined> {
  const f = files(dir);
  if (!(await exists(f.meta))) {
    if ((await exists(f.articles)) || (await exists(f.graph)))
      throw new StoreError(
        shown,
        'meta.json is missing: this does not look like a kunafoni store; refusing to touch it',
      );
    return undefined;
  }
  let meta: StoreMeta;
  try {
    meta = JSON.parse(await readFile(f.meta, 'utf8')) as StoreMeta;
  } catch (err) {
    throw new StoreError(shown, `meta.json is corrupt (${errorMessage(err)}); refusing to overwrite the store`);
  }
  if (!meta || typeof meta !== 'object' || meta.format !== STORE_FORMAT)
    throw new StoreError(shown, 'meta.json does not describe a kunafoni store; refusing to touch it');
  if (typeof meta.version !== 'number' || meta.version > STORE_VERSION)
    throw new StoreError(
      shown,
      `the store was written by a newer kunafoni (format ${String(meta.version)}, this one reads up to ` +
        `${STORE_VERSION}); upgrade kunafoni — the store is left untouched`,
    );
  return meta;
}

/**
 * Digest of the articles file's content: graph.json records it, so a graph that does not match its articles
 * is rebuilt.
 */
export const articlesDigest = (text: string | Uint8Array): string =>
  createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Where a record line of articles.jsonl starts and ends (bytes). */
interface Loaded {
  /** The records parsed (all of them, or those after `parseFrom`). */
  articles: StoredArticle[];
  /** Byte offset where each parsed record starts. */
  offsets: number[];
  /** Every whole record, parsed or only counted. */
  lines: RecordLine[];
  /** The records' bytes (from the file read whole, or read when asked for). */
  source: RecordBytes;
  /** Bytes of whole records: where the next append goes (a torn, uncommitted tail after it is dropped then). */
  whole: number;
  /** The last whole record has no final newline (a file written by hand). */
  needsNewline: boolean;
  /** Digest of the whole records (computed when first asked for). */
  readonly digest: string;
  /** Digest of the first `bytes` bytes (undefined past the whole records). */
  prefixDigest: (bytes: number) => string | undefined;
  /** Records (whole ones, counted or parsed). */
  count: number;
  /** The records starting at or after a byte offset, parsed. */
  recordsFrom: (offset: number) => StoredArticle[];
  present: boolean;
  ino?: number;
  /** The file's stamp while it was read (undefined if it changed meanwhile): what `checked` describes. */
  stamp?: FileStamp;
  /** Digests of prefixes known for the file with that stamp (computed, or recorded in meta.json). */
  checked: Map<number, string>;
}

/**
 * Read articles.jsonl. `committed` is the length meta.json recorded at the last save: lines after it are
 * an append that was not committed (a killed ingest). Whole records there are kept (they are complete
 * stories; the graph is derived), a final partial line is dropped; anything else that does not parse is
 * corruption and the store is refused.
 */
async function readArticles(
  dir: string,
  shown: string,
  committed: { bytes: number; ino?: number } | undefined,
  parseFrom = 0,
): Promise<Loaded> {
  const path = files(dir).articles;
  const info = await articlesStamp(path, shown);
  if (!info) return noArticles();
  const buf = await readFile(path);
  // the stamp the digests computed from `buf` describe: none if the file changed while it was read
  const after = await articlesStamp(path, shown);
  const stamp = sameStamp(info, after) && info.size === buf.length ? info : undefined;
  // a file replaced by an atomic rewrite is whole: the recorded length describes the file it replaced
  const limit = committed && (committed.ino === undefined || committed.ino === info.ino) ? committed.bytes : undefined;
  const scan = scanRecords(buf, shown, limit, parseFrom);
  if (limit !== undefined && buf.length < limit)
    throw new StoreError(
      shown,
      `articles.jsonl is shorter (${buf.length} bytes) than at its last save (${limit} bytes): ` +
        'it was truncated; refusing to overwrite the store',
    );
  const { out, offsets, whole } = scan;
  const checked = new Map<number, string>();
  const prefixDigest = prefixDigests(buf, whole, checked);
  // without `parseFrom`, every record was parsed (and checked) already
  const recordsFrom = (offset: number): StoredArticle[] =>
    parseFrom ? parseCommitted(buf, 0, offset, whole, shown) : out.filter((_r, i) => offsets[i]! >= offset);
  const loaded: Loaded = {
    articles: out,
    offsets,
    lines: scan.lines,
    source: bufferBytes(buf),
    whole,
    needsNewline: scan.needsNewline,
    get digest() {
      return prefixDigest(whole)!;
    },
    present: true,
    ino: info.ino,
    prefixDigest,
    count: scan.count,
    recordsFrom,
    checked,
  };
  if (stamp) loaded.stamp = stamp;
  return loaded;
}

/** The stamp of articles.jsonl (undefined: there is none); a failure to read it is a StoreError. */
async function articlesStamp(path: string, shown: string): Promise<FileStamp | undefined> {
  try {
    return await fileStamp(path);
  } catch (err) {
    throw new StoreError(shown, `cannot read articles.jsonl (${errorMessage(err)})`);
  }
}

/**
 * The committed records of `buf` (which starts at byte `base` of articles.jsonl) from byte `offset` to
 * `whole`, parsed: any line that does not parse is corruption.
 */
function parseCommitted(buf: Buffer, base: number, offset: number, whole: number, shown: string): StoredArticle[] {
  const recs: StoredArticle[] = [];
  for (let s = offset - base; s < whole - base;) {
    const nl = buf.indexOf(10, s);
    const e = nl < 0 || nl > whole - base ? whole - base : nl;
    const text = buf.toString('utf8', s, e);
    if (text.trim()) recs.push(parseRecord(text, shown, `byte ${base + s}`));
    s = e + 1;
  }
  return recs;
}

const noArticles = (): Loaded => ({
  articles: [],
  offsets: [],
  lines: [],
  source: bufferBytes(Buffer.alloc(0)),
  whole: 0,
  needsNewline: false,
  digest: articlesDigest(''),
  present: false,
  prefixDigest: () => undefined,
  count: 0,
  recordsFrom: () => [],
  checked: new Map(),
});

/**
 * Digests of prefixes of the whole records, from one pass: the derived files of a store cover the same
 * prefix, and asking for a longer one goes on from the last (a shorter one is hashed again).
 */
function prefixDigests(buf: Buffer, whole: number, memo: Map<number, string>): (bytes: number) => string | undefined {
  const hash = createHash('sha256');
  let at = 0;
  return (bytes) => {
    if (bytes > whole) return undefined;
    let d = memo.get(bytes);
    if (d !== undefined) return d;
    if (bytes < at) d = articlesDigest(buf.subarray(0, bytes));
    else {
      hash.update(buf.subarray(at, bytes));
      at = bytes;
      d = hash.copy().digest('hex').slice(0, 32);
    }
    memo.set(bytes, d);
    return d;
  };
}

/** The lines of articles.jsonl: records parsed and checked (those before `parseFrom` only counted). */
function scanRecords(buf: Buffer, shown: string, limit: number | undefined, parseFrom: number, lineBase = 0) {
  const scan = {
    out: [] as StoredArticle[],
    offsets: [] as number[],
    lines: [] as RecordLine[],
    whole: 0,
    needsNewline: false,
    count: 0,
    /** Lines read (blank ones included), after `lineBase`. */
    lineCount: lineBase,
  };
  let line = lineBase;
  for (let s = 0; s < buf.length;) {
    line++;
    const nl = buf.indexOf(10, s);
    const e = nl < 0 ? buf.length : nl;
    const next = nl < 0 ? buf.length : nl + 1;
    if (nl >= 0 && e <= parseFrom && (limit === undefined || e < limit)) {
      // a committed record the caller trusts (it checks a digest): counted, not parsed
      if (e > s && !blankStart(buf, s, Math.min(e, s + 8))) {
        scan.lines.push({ start: s, end: e, line });
        scan.count++;
        scan.needsNewline = false;
      }
      scan.whole = s = next;
      continue;
    }
    const text = buf.toString('utf8', s, e);
    const uncommittedTail = nl < 0 && limit !== undefined && s >= limit;
    if (!text.trim()) {
      if (!uncommittedTail) scan.whole = next;
      s = next;
      continue;
    }
    const rec = checkedRecord(text, line, shown, uncommittedTail);
    if (!rec) break; // the torn end of an append that was never committed
    scan.out.push(rec);
    scan.offsets.push(s);
    scan.lines.push({ start: s, end: e, line });
    scan.count++;
    scan.whole = next;
    scan.needsNewline = nl < 0;
    s = next;
  }
  scan.lineCount = line;
  return scan;
}

/** The bytes are all white space (as /^\s*$/ reads them in latin1): a blank line. */
function blankStart(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = buf[i]!;
    if (c !== 0x20 && c !== 0xa0 && (c < 0x09 || c > 0x0d)) return false;
  }
  return true;
}

/** One line as a stored article; undefined for an uncommitted tail; anything else that is not one is corruption. */
function checkedRecord(text: string, line: number, shown: string, uncommittedTail: boolean): StoredArticle | undefined {
  let rec: StoredArticle;
  try {
    rec = JSON.parse(text) as StoredArticle;
  } catch (err) {
    if (uncommittedTail) return undefined;
    throw new StoreError(
      shown,
      `articles.jsonl line ${line} is corrupt (${errorMessage(err)}); refusing to overwrite the store`,
    );
  }
  if (uncommittedTail) return undefined;
  const a = rec?.article;
  if (
    !rec ||
    typeof rec !== 'object' ||
    !a ||
    typeof a.id !== 'string' ||
    typeof a.text !== 'string' ||
    !rec.extraction
  )
    throw new StoreError(
      shown,
      `articles.jsonl line ${line} is not a stored article ({article, extraction}); refusing to overwrite the store`,
    );
  return rec;
}

/** A committed record read without the line-by-line check: a line that does not parse is corruption. */
function parseRecord(text: string, shown: string, where: string): StoredArticle {
  try {
    return JSON.parse(text) as StoredArticle;
  } catch (err) {
    throw new StoreError(
      shown,
      `articles.jsonl is corrupt at ${where} (${errorMessage(err)}); refusing to overwrite the store`,
    );
  }
}

/** True when the folder holds a kunafoni store. */
export async function isStore(dir: string): Promise<boolean> {
  return exists(files(dir).meta);
}

/**
 * Why a derived file was not used and the graph is folded or rebuilt from the articles instead. Derived
 * files may be missing, damaged or behind the articles: each is a reason to rebuild, never an error.
 */
export interface RebuildReason {
  file: 'graph.json' | 'fold.json' | 'sketches.bin' | 'ids.json' | 'lines.bin';
  why:
    | 'missing'
    | 'damaged'
    | 'behind the articles'
    | 'another version'
    | 'made with other lexicon labels'
    | 'not the stored articles';
  detail?: string;
}

const reason = (file: RebuildReason['file'], why: RebuildReason['why'], detail?: string): RebuildReason =>
  detail === undefined ? { file, why } : { file, why, detail };

/**
 * A derived file's bytes, or undefined when it is missing. Any other failure to read it (permissions, a
 * folder in its place) is a real problem: a StoreError naming the file.
 */
async function readDerived(path: string, shown: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(shown, `cannot read ${basename(path)} (${errorMessage(err)})`);
  }
}

/** JSON of a derived file, or the reason it cannot serve (missing, or damaged: not JSON). */
async function readDerivedJson(
  path: string,
  shown: string,
  file: RebuildReason['file'],
): Promise<{ json: unknown } | RebuildReason> {
  const buf = await readDerived(path, shown);
  if (!buf) return reason(file, 'missing');
  try {
    return { json: JSON.parse(buf.toString('utf8')) as unknown };
  } catch (err) {
    return reason(file, 'damaged', errorMessage(err));
  }
}

/**
 * sketches.bin: the duplicate-detection sketch of each story's text (StoryIndex.savedSketches), for the
 * records in the first `covers.bytes` bytes of articles.jsonl, so an ingest into a large store does not
 * hash every stored text again. Layout: "KSK1", the length of a JSON header, the header
 * ({covers: {bytes, count, digest}}), then per record a byte (how many values, 0: too short to match)
 * and that many little-endian 32-bit values. Derived data: missing, damaged or stale means recomputed.
 */
const SKETCH_MAGIC = 'KSK1';

export function encodeSketches(
  covers: { bytes: number; count: number; digest: string },
  sketches: ReadonlyArray<Uint32Array | null>,
): Buffer {
  const { shingle, sketch } = DEFAULT_DUPLICATE_OPTIONS;
  const header = Buffer.from(JSON.stringify({ covers, shingle, sketch }), 'utf8');
  const size = 8 + header.length + sketches.reduce((n, sk) => n + 1 + 4 * (sk?.length ?? 0), 0);
  const out = Buffer.alloc(size);
  out.write(SKETCH_MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  let at = 8 + header.length;
  for (const sk of sketches) {
    const n = Math.min(255, sk?.length ?? 0);
    out.writeUInt8(n, at++);
    for (let i = 0; i < n; i++, at += 4) out.writeUInt32LE(sk![i]!, at);
  }
  return out;
}

export function decodeSketches(
  buf: Buffer,
): { covers: { bytes: number; count: number; digest: string }; sketches: Array<Uint32Array | null> } | undefined {
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== SKETCH_MAGIC) return undefined;
  const hl = buf.readUInt32LE(4);
  if (8 + hl > buf.length) return undefined;
  const { covers, shingle, sketch } = JSON.parse(buf.toString('utf8', 8, 8 + hl)) as {
    covers: { bytes: number; count: number; digest: string };
    shingle: number;
    sketch: number;
  };
  // sketches made with other shingles or another sketch size index other values
  if (shingle !== DEFAULT_DUPLICATE_OPTIONS.shingle || sketch !== DEFAULT_DUPLICATE_OPTIONS.sketch) return undefined;
  if (typeof covers?.bytes !== 'number' || typeof covers.count !== 'number' || typeof covers.digest !== 'string')
    return undefined;
  const sketches = sketchValues(buf, 8 + hl, covers.count);
  return sketches && { covers, sketches };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The sketches of sketches.bin's body (from byte `at`), as views on one array (copied as they are on a
 * little-endian machine, value by value otherwise); undefined when the body does not hold `count` of them.
 */
function sketchValues(buf: Buffer, at: number, count: number): Array<Uint32Array | null> | undefined {
  const values = new Uint32Array(Math.max(0, (buf.length - at) >> 2));
  const bytes = new Uint8Array(values.buffer);
  const sketches: Array<Uint32Array | null> = [];
  let used = 0;
  while (sketches.length < count) {
    if (at >= buf.length) return undefined;
    const n = buf[at++]!;
    if (at + 4 * n > buf.length) return undefined;
    if (LITTLE_ENDIAN) bytes.set(buf.subarray(at, at + 4 * n), 4 * used);
    else for (let i = 0; i < n; i++) values[used + i] = buf.readUInt32LE(at + 4 * i);
    sketches.push(n ? values.subarray(used, used + n) : null);
    at += 4 * n;
    used += n;
  }
  return at === buf.length ? sketches : undefined;
}

async function readSketches(
  dir: string,
  shown: string,
  prefixDigest: (bytes: number) => string | undefined,
  records: number,
): Promise<Array<Uint32Array | null> | RebuildReason> {
  const buf = await readDerived(files(dir).sketches, shown);
  if (!buf) return reason('sketches.bin', 'missing');
  let decoded: ReturnType<typeof decodeSketches>;
  try {
    decoded = decodeSketches(buf);
  } catch (err) {
    return reason('sketches.bin', 'damaged', errorMessage(err)); // a header that is not JSON
  }
  if (!decoded) return reason('sketches.bin', 'damaged');
  if (decoded.covers.count > records || decoded.covers.digest !== prefixDigest(decoded.covers.bytes))
    return reason('sketches.bin', 'behind the articles');
  return decoded.sketches;
}

/**
 * ids.json: the id of each story and of its syndicated copies, for the records in the first `covers.bytes`
 * bytes of articles.jsonl, so an ingest knows which articles the store holds without parsing every
 * record: `{"covers": {bytes, count, digest}, "ids": [[story id, copy id…], …]}`. Derived data, like
 * sketches.bin: missing, damaged or stale means the records are parsed and the file written again.
 */
interface IdsFile {
  covers: { bytes: number; count: number; digest: string };
  ids: string[][];
}

export const encodeIds = (covers: IdsFile['covers'], ids: ReadonlyArray<readonly string[]>): string =>
  JSON.stringify({ covers, ids });

/** ids.json when it has the expected shape (its match with the articles is checked by the caller). */
async function readIds(dir: string, shown: string): Promise<IdsFile | RebuildReason> {
  const read = await readDerivedJson(files(dir).ids, shown, 'ids.json');
  if (isReason(read)) return read;
  const j = read.json as Partial<IdsFile> | null;
  const c = j?.covers;
  if (typeof c?.bytes !== 'number' || typeof c.count !== 'number' || typeof c.digest !== 'string')
    return reason('ids.json', 'damaged', 'no record of the articles it covers');
  const ok = Array.isArray(j!.ids) && j!.ids.every((x) => Array.isArray(x) && x.length > 0 && x.every(isString));
  if (!ok || j!.ids!.length !== c.count) return reason('ids.json', 'damaged', 'not a list of ids per story');
  return j as IdsFile;
}

const isString = (x: unknown): x is string => typeof x === 'string';

/** Why ids.json does not describe the first records of `loaded` (read with the records it covers unparsed). */
function idsMismatch(ids: IdsFile, loaded: Loaded): RebuildReason | undefined {
  if (ids.covers.digest !== loaded.prefixDigest(ids.covers.bytes))
    return reason('ids.json', 'not the stored articles', 'the articles it covers were rewritten');
  if (loaded.count - loaded.articles.length !== ids.covers.count)
    return reason('ids.json', 'not the stored articles', 'another number of stories');
  return undefined;
}

/** lines.bin when it has the expected shape (its match with the articles is checked by the caller). */
async function readLinesFile(dir: string, shown: string): Promise<LinesFile | RebuildReason> {
  const buf = await readDerived(files(dir).lines, shown);
  if (!buf) return reason('lines.bin', 'missing');
  return decodeLines(buf) ?? reason('lines.bin', 'damaged');
}

const sameCovers = (a: Covers, b: Covers): boolean =>
  a.bytes === b.bytes && a.count === b.count && a.digest === b.digest;

/** Why lines.bin does not list the records ids.json covers in the articles as read. */
function linesMismatch(lines: LinesFile | RebuildReason, ids: Covers, loaded: Loaded): RebuildReason | undefined {
  if (isReason(lines)) return lines;
  if (!sameCovers(lines.covers, ids) || lines.covers.digest !== loaded.prefixDigest(lines.covers.bytes))
    return reason('lines.bin', 'not the stored articles', 'it covers other records than ids.json');
  return undefined;
}

/**
 * articles.jsonl without reading it, when it is as the last save left it (the stamp in meta.json) and that
 * save had checked the prefix lines.bin and ids.json cover: those records are read when asked for, the
 * records after them (appended since the snapshot) are read and parsed now. Undefined otherwise: the file is
 * then read whole and the derived files checked against it.
 */
async function certifiedArticles(
  abs: string,
  shown: string,
  meta: StoreMeta,
  index: LinesFile,
  ids: Covers,
): Promise<Loaded | undefined> {
  const c = meta.articles;
  if (!c?.stamp || !c.checked || c.ino === undefined || !sameCovers(index.covers, ids)) return undefined;
  const path = files(abs).articles;
  const now = await articlesStamp(path, shown);
  if (!sameStamp(now, { ino: c.ino, size: c.bytes, ...c.stamp })) return undefined;
  const checked = new Map(c.checked.map((p) => [p.bytes, p.digest]));
  const base = ids.bytes;
  if (checked.get(base) !== ids.digest || base > c.bytes) return undefined;
  const tail = readRange(path, base, c.bytes);
  const scan = scanRecords(tail, shown, undefined, 0, index.lineCount);
  const source = new FileRecordBytes(path, c.ino, c.bytes, shown);
  const whole = base + scan.whole;
  const prefixDigest = (bytes: number): string | undefined => {
    if (bytes > whole) return undefined;
    let d = checked.get(bytes);
    if (d === undefined) checked.set(bytes, (d = articlesDigest(source.bytes(0, bytes))));
    return d;
  };
  const shift = (l: RecordLine): RecordLine => ({ start: l.start + base, end: l.end + base, line: l.line });
  const loaded: Loaded = {
    articles: scan.out,
    offsets: scan.offsets.map((o) => o + base),
    lines: [...index.lines, ...scan.lines.map(shift)],
    source,
    whole,
    needsNewline: scan.count ? scan.needsNewline : base > 0 && readRange(path, base - 1, base)[0] !== 10,
    get digest() {
      return prefixDigest(whole)!;
    },
    prefixDigest,
    count: index.covers.count + scan.count,
    recordsFrom: (offset) =>
      offset >= base
        ? parseCommitted(tail, base, offset, whole, shown)
        : parseCommitted(source.bytes(offset, whole), offset, offset, whole, shown),
    present: true,
    ino: c.ino,
    stamp: now!,
    checked,
  };
  return loaded;
}

const sameLabels = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean => {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
};

/** A store as an ingest holds it: the records, the incremental graph state, and where the next append goes. */
export interface StoreState {
  store: Store;
  /** The stored records (parsed when asked for, when the store was opened for its stories). */
  records: StoredRecords;
  /** Records in articles.jsonl (whole ones). */
  count: number;
  /** The fold over every record, when a snapshot allowed it without a rebuild (else `foldOf` makes one). */
  fold?: GraphFold;
  /** Records the fold snapshot on disk covers (compaction decides from what was appended since). */
  snapshotCount: number;
  whole: number;
  needsNewline: boolean;
  ino?: number;
  /** articles.jsonl as this process last read or wrote it: `checked` holds for it while its stamp is this. */
  stamp?: FileStamp;
  /** Digests of prefixes of articles.jsonl known to this process (recorded in meta.json at each save). */
  checked: Map<number, string>;
  exists: boolean;
  /** What meta.json says graph.json was built from (carried into every meta.json written). */
  snapshot?: { digest: string };
  /** The saved duplicate-detection sketches of the first records (sketches.bin), when current. */
  sketches?: Array<Uint32Array | null>;
  /** Read the fold (opened for its stories: fold.json and the records after it, else a rebuild). */
  loadFold?: () => Promise<GraphFold>;
  /**
   * Why derived files were not used (empty when graph.json or the fold snapshot served, and, opened for
   * its stories, ids.json and sketches.bin).
   */
  rebuilt: RebuildReason[];
}

/** Options of every way of opening a store. */
export interface OpenOptions {
  /** A missing store is an error (else it opens empty). */
  mustExist?: boolean;
  build?: BuildOptions;
}

/**
 * Defaults merged in one place: leaving an option out gives the default, never another result (the
 * lexicon's own labels, whichever path reads the store and whichever derived files it finds).
 */
function withDefaults(opts: OpenOptions): { mustExist: boolean; labels: ReadonlyMap<string, string> } {
  return { mustExist: opts.mustExist ?? false, labels: opts.build?.lexiconLabels ?? lexiconLabels() };
}

const noStoreYet = (dir: string) =>
  new StoreError(dir, 'no store here yet; run `kunafoni ingest <files> --store ' + dir + '` first');

/** meta.json of the store at `dir`, undefined when there is no store there (an error when `mustExist`). */
async function openMeta(abs: string, dir: string, mustExist: boolean): Promise<StoreMeta | undefined> {
  const meta = (await checkFolder(abs, dir)) ? await readMeta(abs, dir) : undefined;
  if (!meta && mustExist) throw noStoreYet(dir);
  return meta;
}

/** Where the graph comes from: decided once, by `graphSource`, for every way of opening a store. */
type GraphSource =
  | { from: 'graph.json'; graph: KGraph }
  | { from: 'fold.json'; fold: GraphFold; covers: number }
  | { from: 'articles'; reasons: RebuildReason[] };

const isReason = (x: unknown): x is RebuildReason => !!x && typeof x === 'object' && 'why' in x && 'file' in x;

/** graph.json when it was built from exactly these articles. */
async function graphFromJson(
  abs: string,
  shown: string,
  meta: StoreMeta,
  loaded: Loaded,
): Promise<KGraph | RebuildReason> {
  if (meta.snapshot && meta.snapshot.digest !== loaded.digest) return reason('graph.json', 'behind the articles');
  const read = await readDerivedJson(files(abs).graph, shown, 'graph.json');
  if (isReason(read)) return read;
  const g: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
  try {
    g.import(read.json as Parameters<KGraph['import']>[0]);
  } catch (err) {
    return reason('graph.json', 'damaged', errorMessage(err));
  }
  const recorded = g.getAttribute('articlesDigest');
  const matches = recorded !== undefined ? recorded === loaded.digest : g.getAttribute('articles') === loaded.count;
  if (!loaded.present && Number(g.getAttribute('articles')) > 0)
    throw new StoreError(
      shown,
      'articles.jsonl is missing while graph.json holds articles; refusing to overwrite the store',
    );
  if (g.getAttribute('version') !== GRAPH_VERSION) return reason('graph.json', 'another version');
  return matches ? g : reason('graph.json', 'behind the articles');
}

/** fold.json: the fold state of the graph over the first `covers.bytes` bytes of articles.jsonl. */
interface FoldFile {
  covers: { bytes: number; count: number; digest: string };
  fold: FoldJSON;
}

/** The fold snapshot plus the records appended after it, when it covers these articles with these labels. */
async function foldFromSnapshot(
  abs: string,
  shown: string,
  loaded: Loaded,
  labels: ReadonlyMap<string, string>,
): Promise<{ fold: GraphFold; covers: number } | RebuildReason> {
  const read = await readDerivedJson(files(abs).fold, shown, 'fold.json');
  if (isReason(read)) return read;
  const snap = read.json as Partial<FoldFile> | null;
  if (!snap || typeof snap.covers?.bytes !== 'number' || typeof snap.covers.digest !== 'string')
    return reason('fold.json', 'damaged', 'no record of the articles it covers');
  if (snap.fold?.format !== 'kunafoni-fold' || snap.fold.version !== FOLD_VERSION)
    return reason('fold.json', 'another version');
  if (snap.covers.digest !== loaded.prefixDigest(snap.covers.bytes))
    return reason('fold.json', 'not the stored articles', 'the articles it covers were rewritten');
  let fold: GraphFold;
  try {
    fold = GraphFold.fromJSON(snap.fold);
  } catch (err) {
    return reason('fold.json', 'damaged', errorMessage(err));
  }
  if (!sameLabels(labels, fold.labels)) return reason('fold.json', 'made with other lexicon labels');
  for (const r of loaded.recordsFrom(snap.covers.bytes)) fold.add(r);
  if (fold.count !== loaded.count) return reason('fold.json', 'not the stored articles', 'ids repeated or replaced');
  return { fold, covers: snap.covers.count };
}

/** The one decision: graph.json when current (unless the fold is wanted), else the fold snapshot, else a rebuild. */
async function graphSource(
  abs: string,
  shown: string,
  meta: StoreMeta,
  loaded: Loaded,
  labels: ReadonlyMap<string, string>,
  want: 'graph' | 'fold',
): Promise<GraphSource> {
  const reasons: RebuildReason[] = [];
  if (want === 'graph') {
    const graph = await graphFromJson(abs, shown, meta, loaded);
    if (!isReason(graph)) return { from: 'graph.json', graph };
    reasons.push(graph);
  }
  const folded = await foldFromSnapshot(abs, shown, loaded, labels);
  if (!isReason(folded)) return { from: 'fold.json', ...folded };
  reasons.push(folded);
  return { from: 'articles', reasons };
}

/**
 * Open a store for ingesting: the articles (appended ones included) and the fold state, from the last
 * snapshot plus the articles appended since. A snapshot made with other lexicon labels is not used.
 * `stories`: the records ids.json covers are not parsed (`records` parses one when asked for), and the
 * saved sketches are read; `store.articles` then parses them all when it is read.
 */
export async function openStoreState(
  dir: string,
  opts: OpenOptions & { needFold?: boolean; needGraph?: boolean; stories?: boolean } = {},
): Promise<StoreState> {
  const abs = resolve(dir);
  const { mustExist, labels } = withDefaults(opts);
  const meta = await openMeta(abs, dir, mustExist);
  if (!meta) {
    const fold = new GraphFold(labels);
    const store = { dir: abs, articles: [], graph: fold.toGraph() };
    const records = StoredRecords.of([], dir);
    return {
      store,
      records,
      count: 0,
      fold,
      snapshotCount: 0,
      whole: 0,
      needsNewline: false,
      checked: new Map(),
      exists: false,
      rebuilt: [],
    };
  }
  if (opts.stories) return storiesState(abs, dir, meta, labels);
  const loaded = await readArticles(abs, dir, meta.articles);
  const records = StoredRecords.of(loaded.articles, dir);
  const source = await graphSource(abs, dir, meta, loaded, labels, opts.needFold ? 'fold' : 'graph');
  const fold =
    source.from === 'fold.json'
      ? source.fold
      : source.from === 'articles'
        ? GraphFold.of(records.all(), labels)
        : undefined;
  const graph =
    source.from === 'graph.json'
      ? source.graph
      : opts.needGraph === false
        ? emptyGraph
        : withDigest(fold!.toGraph(), loaded.digest);
  const state: StoreState = {
    store: { dir: abs, articles: loaded.articles, graph },
    records,
    count: loaded.count,
    snapshotCount: source.from === 'fold.json' ? source.covers : 0,
    whole: loaded.whole,
    needsNewline: loaded.needsNewline,
    checked: loaded.checked,
    exists: true,
    rebuilt: source.from === 'articles' ? source.reasons : [],
  };
  if (loaded.ino !== undefined) state.ino = loaded.ino;
  if (loaded.stamp) state.stamp = loaded.stamp;
  if (meta.snapshot) state.snapshot = meta.snapshot;
  if (fold) state.fold = fold;
  return state;
}

/**
 * A store opened for an ingest (`stories`): the stories' ids and sketches, the records they cover left
 * unparsed, and the fold read only when `loadFold` is called (a small append into a large store needs
 * neither fold.json nor the graph). The graph is an empty one: ingest folds its own.
 */
async function storiesState(
  abs: string,
  shown: string,
  meta: StoreMeta,
  labels: ReadonlyMap<string, string>,
): Promise<StoreState> {
  const foldHead = await foldCovers(abs, shown);
  const { loaded, records, reasons, sketches } = await openStories(abs, shown, meta, foldHead?.bytes);
  const loadFold = async (): Promise<GraphFold> => {
    const source = await graphSource(abs, shown, meta, loaded, labels, 'fold');
    if (source.from === 'fold.json') return source.fold;
    if (source.from === 'articles') state.rebuilt.push(...source.reasons);
    return GraphFold.of(records.all(), labels);
  };
  const state: StoreState = {
    store: lazyStore(abs, records, emptyGraph),
    records,
    count: loaded.count,
    snapshotCount: foldHead && foldHead.digest === loaded.prefixDigest(foldHead.bytes) ? foldHead.count : 0,
    whole: loaded.whole,
    needsNewline: loaded.needsNewline,
    checked: loaded.checked,
    exists: true,
    rebuilt: reasons,
    loadFold,
  };
  if (loaded.ino !== undefined) state.ino = loaded.ino;
  if (loaded.stamp) state.stamp = loaded.stamp;
  if (meta.snapshot) state.snapshot = meta.snapshot;
  if (sketches) state.sketches = sketches;
  return state;
}

/**
 * What fold.json covers, read from its head (`{"covers":{…},` as writeSnapshot writes it) without parsing
 * the fold; undefined when it is missing or does not start so (the next ingest then writes the snapshot).
 */
async function foldCovers(abs: string, shown: string): Promise<FoldFile['covers'] | undefined> {
  let head: Buffer;
  try {
    const fh = await open(files(abs).fold, 'r');
    try {
      head = Buffer.alloc(512);
      head = head.subarray(0, (await fh.read(head, 0, head.length, 0)).bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreError(shown, `cannot read fold.json (${errorMessage(err)})`);
  }
  const m = /^\{"covers":(\{"bytes":\d+,"count":\d+,"digest":"[0-9a-f]+"\})/.exec(head.toString('latin1'));
  return m ? (JSON.parse(m[1]!) as FoldFile['covers']) : undefined;
}

/** A store whose articles are parsed when first read. */
function lazyStore(dir: string, records: StoredRecords, graph: KGraph): Store {
  let articles: StoredArticle[] | undefined;
  return {
    dir,
    graph,
    get articles() {
      return (articles ??= records.all());
    },
    set articles(value: StoredArticle[]) {
      articles = value;
    },
  };
}

/**
 * The stored stories for an ingest: their ids from ids.json and their sketches from sketches.bin, the
 * records these cover left unparsed. Without a current ids.json every record is parsed (and the reason
 * reported, so that the ingest writes it again).
 */
async function openStories(abs: string, shown: string, meta: StoreMeta, foldBytes?: number) {
  const reasons: RebuildReason[] = [];
  const ids = await readIds(abs, shown);
  const from = !isReason(ids) && meta.articles ? ids.covers.bytes : 0;
  const linesFile = from ? await readLinesFile(abs, shown) : undefined;
  const certified =
    linesFile && !isReason(linesFile)
      ? await certifiedArticles(abs, shown, meta, linesFile, (ids as IdsFile).covers)
      : undefined;
  let loaded = certified ?? (await readArticles(abs, shown, meta.articles, from));
  // the prefixes the derived files cover, shortest first: one pass of the digest over the articles
  if (!certified) for (const bytes of [foldBytes ?? 0, from].sort((a, b) => a - b)) loaded.prefixDigest(bytes);
  let indexed: string[][] = [];
  const mismatch = isReason(ids) ? ids : idsMismatch(ids, loaded);
  if (mismatch) {
    reasons.push(mismatch);
    if (from) loaded = await readArticles(abs, shown, meta.articles);
  } else if (from) {
    indexed = (ids as IdsFile).ids;
    const stale = !certified && linesFile && linesMismatch(linesFile, (ids as IdsFile).covers, loaded);
    if (stale) reasons.push(stale);
  }
  const records = indexed.length
    ? new StoredRecords(loaded.source, loaded.lines, indexed, loaded.articles, shown)
    : StoredRecords.of(loaded.articles, shown);
  const sketches = await readSketches(abs, shown, loaded.prefixDigest, loaded.count);
  if (isReason(sketches)) reasons.push(sketches);
  return { loaded, records, reasons, ...(isReason(sketches) ? {} : { sketches }) };
}

/** A graph built from the articles carries their digest, as graph.json does: rebuilt or read, one graph. */
function withDigest(graph: KGraph, digest: string): KGraph {
  graph.setAttribute('articlesDigest', digest);
  return graph;
}

const emptyGraph: KGraph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });

/**
 * Load a store. A missing store is an empty one unless `mustExist`. The graph is read from graph.json
 * when it was built from exactly these articles, else from the fold snapshot and the articles appended
 * since, else rebuilt from the articles.
 */
export async function loadStore(
  dir: string,
  opts: OpenOptions & {
    /**
     * When given, an unreadable curation.json is reported here and the graph is the one last saved (with the
     * decisions it had) instead of an error.
     */
    onCurationError?: (err: CurationFileError) => void;
  } = {},
): Promise<Store> {
  const { labels } = withDefaults(opts);
  const state = await openStoreState(dir, { ...opts, build: { lexiconLabels: labels } });
  if (!state.exists) return state.store;
  const { articles } = state.store;
  try {
    const uncurated = () => buildGraph(articles, { lexiconLabels: labels });
    return { ...state.store, graph: await curatedFrom(state.store.dir, state.store.graph, uncurated) };
  } catch (err) {
    if (!(err instanceof CurationFileError) || !opts.onCurationError) throw err;
    opts.onCurationError(err);
    return state.store;
  }
}

/** What readers of the graph need: the graph and how many articles it was built from. */
export interface StoreGraph {
  dir: string;
  graph: KGraph;
  articleCount: number;
}

/**
 * Load only the graph (queries, exports): the articles saved before the last commit are not parsed when
 * graph.json, or the fold snapshot plus the articles appended since, is current (checked by the digest of
 * the articles file). Otherwise (an old store, derived files missing or behind) as `loadStore`.
 */
export async function loadGraph(dir: string, opts: OpenOptions = {}): Promise<StoreGraph> {
  const abs = resolve(dir);
  const { mustExist, labels } = withDefaults(opts);
  const meta = await openMeta(abs, dir, mustExist);
  if (!meta) return { dir: abs, graph: buildGraph([], { lexiconLabels: labels }), articleCount: 0 };
  const full = async (): Promise<StoreGraph> => {
    const s = await loadStore(dir, opts);
    return { dir: s.dir, graph: s.graph, articleCount: s.articles.length };
  };
  if (!meta.articles) return full(); // no committed length: every line is read and checked
  const loaded = await readArticles(abs, dir, meta.articles, meta.articles.bytes);
  const source = await graphSource(abs, dir, meta, loaded, labels, 'graph');
  if (source.from === 'articles') return full();
  const graph = source.from === 'graph.json' ? source.graph : withDigest(source.fold.toGraph(), loaded.digest);
  // graph.json may hold the graph as extracted or as curated: the decisions apply once, either way
  const uncurated = async () => buildGraph((await openStoreState(dir, opts)).store.articles, { lexiconLabels: labels });
  return { dir: abs, graph: await curatedFrom(abs, graph, uncurated), articleCount: loaded.count };
}

async function writeMeta(dir: string, articles?: CommittedArticles, snapshot?: { digest: string }): Promise<void> {
  const meta: StoreMeta = { format: STORE_FORMAT, version: STORE_VERSION, updated: new Date().toISOString() };
  if (articles) meta.articles = articles;
  if (snapshot) meta.snapshot = snapshot;
  await writeFileAtomic(files(dir).meta, JSON.stringify(meta, null, 2) + '\n');
}

/**
 * meta.json for articles.jsonl as `state` left it: its length, and, while the file is still as this process
 * last read or wrote it, its stamp and the digests of prefixes this process checked (a later process with
 * the same stamp need not read the file to check the derived files that cover them).
 */
async function commitMeta(state: StoreState): Promise<void> {
  const articles: CommittedArticles = { bytes: state.whole };
  if (state.ino !== undefined) articles.ino = state.ino;
  const now = await fileStamp(files(state.store.dir).articles);
  const checked = [...state.checked]
    .filter(([bytes]) => bytes <= state.whole)
    .sort((a, b) => b[0] - a[0])
    .slice(0, 4);
  if (now && sameStamp(now, state.stamp) && now.size === state.whole && checked.length) {
    articles.stamp = { mtimeNs: now.mtimeNs, ctimeNs: now.ctimeNs };
    articles.checked = checked.reverse().map(([bytes, digest]) => ({ bytes, digest }));
  }
  await writeMeta(state.store.dir, articles, state.snapshot);
}

const lines = (records: StoredArticle[]): string => records.map((a) => JSON.stringify(a) + '\n').join('');

/**
 * Append new records to articles.jsonl (after its whole records: a torn tail left by a killed run is cut),
 * fsync, then commit the new length in meta.json. Call it holding the lock. The rest of the file is not
 * rewritten: adding to a large store costs what the new records cost.
 */
export async function appendArticles(state: StoreState, records: StoredArticle[]): Promise<void> {
  const dir = state.store.dir;
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);
  if (!state.exists) {
    await writeMeta(dir); // first: an interrupted first write still leaves a recognisable store
    state.exists = true;
  }
  const f = files(dir);
  const fh = await open(f.articles, 'a+').then(async (h) => (await h.close(), open(f.articles, 'r+')));
  let ino: number;
  try {
    const before = stampOf(await fh.stat({ bigint: true }));
    const { size } = before;
    ino = before.ino;
    // the digests checked hold for the file as this process knew it: not if someone else wrote it since
    const known = sameStamp(before, state.stamp);
    if (size > state.whole) await fh.truncate(state.whole);
    const data = Buffer.from((state.needsNewline ? '\n' : '') + lines(records), 'utf8');
    await fh.write(data, 0, data.length, state.whole).catch((err: NodeJS.ErrnoException) => {
      err.path ??= f.articles;
      throw err;
    });
    await fh.sync();
    state.whole += data.length;
    state.count += records.length;
    state.needsNewline = false;
    if (known) state.stamp = stampOf(await fh.stat({ bigint: true }));
    else delete state.stamp;
  } finally {
    await fh.close();
  }
  state.ino = ino;
  await commitMeta(state);
}

/**
 * The lines of articles.jsonl for these stories: a record held in memory (read, changed or added) as JSON,
 * one never parsed as the bytes it was read from.
 */
function storyLines(stories: StoryIndex, records: StoredRecords): Buffer {
  records.loadAll();
  const held = stories.heldRecords();
  const parts: Buffer[] = [];
  for (let pos = 0; pos < stories.length; pos++) {
    const r = held.get(pos);
    const raw = r ? undefined : records.raw(pos);
    parts.push(raw ?? Buffer.from(JSON.stringify(r ?? stories.record(pos)), 'utf8'), NEWLINE);
  }
  return Buffer.concat(parts);
}

const NEWLINE = Buffer.from('\n');

/**
 * Rewrite articles.jsonl whole (atomically): when stories already saved changed (syndicated copies). The
 * records are `stories` (an ingest's) or else the store's articles.
 */
export async function rewriteArticles(state: StoreState, stories?: StoryIndex): Promise<void> {
  const dir = state.store.dir;
  await mkdir(dir, { recursive: true });
  await removeStaleTempFiles(dir);
  if (!state.exists) {
    await writeMeta(dir);
    state.exists = true;
  }
  const data = stories ? storyLines(stories, state.records) : Buffer.from(lines(state.store.articles), 'utf8');
  await writeFileAtomic(files(dir).articles, data);
  const info = await fileStamp(files(dir).articles);
  state.whole = data.length;
  state.count = stories ? stories.length : state.store.articles.length;
  state.needsNewline = false;
  state.ino = info!.ino;
  state.stamp = info!;
  state.checked = new Map([[data.length, articlesDigest(data)]]);
  await commitMeta(state);
}

/** What an ingest saves beside the articles about each story: its ids and its text's sketch. */
export interface StorySidecars {
  ids: ReadonlyArray<readonly string[]>;
  sketches: ReadonlyArray<Uint32Array | null>;
}

/** What the derived files written now cover (every whole record of articles.jsonl as it is on disk). */
interface CoveredNow {
  covers: Covers;
  /** Where each record lies (lines.bin), and the prefix's lines; undefined if they are not `covers.count`. */
  lines?: { lines: RecordLine[]; lineCount: number };
}

/**
 * Read articles.jsonl to say what the derived files written now cover; the digest is kept (`state.checked`)
 * when the file did not change while it was read.
 */
async function coversNow(state: StoreState): Promise<CoveredNow> {
  const path = files(state.store.dir).articles;
  const before = await fileStamp(path);
  const data = await readFile(path);
  const unchanged = sameStamp(before, await fileStamp(path)) && before!.size === data.length;
  const prefix = data.subarray(0, state.whole);
  const covers = { bytes: state.whole, count: state.count, digest: articlesDigest(prefix) };
  if (unchanged && state.whole === data.length) {
    if (!sameStamp(before, state.stamp)) state.checked = new Map();
    state.stamp = before!;
    state.checked.set(covers.bytes, covers.digest);
  }
  const scan = scanRecords(prefix, state.store.dir, undefined, state.whole);
  return scan.count === covers.count ? { covers, lines: scan } : { covers };
}

/**
 * Write the snapshot: fold.json (the fold over every record now in articles.jsonl) and graph.json (the
 * graph, stamped with the digest of those articles), and the stories' ids and sketches when given.
 * Compaction: only when the appended tail has grown (see `shouldCompact`), so a small ingest into a
 * large store writes none of them.
 */
export async function writeSnapshot(
  state: StoreState,
  fold: GraphFold,
  graph: KGraph,
  sidecars?: StorySidecars,
): Promise<void> {
  const dir = state.store.dir;
  const now = await coversNow(state);
  const { covers } = now;
  const { digest } = covers;
  const snap: FoldFile = { covers, fold: fold.toJSON() };
  await writeFileAtomic(files(dir).fold, JSON.stringify(snap));
  if (sidecars) await saveSidecars(dir, now, sidecars);
  graph.setAttribute('articlesDigest', digest);
  await writeFileAtomic(files(dir).graph, JSON.stringify(graph.export()));
  state.snapshotCount = state.count;
  // last: a run killed before this line leaves the old hint, which only costs a reader a parse
  state.snapshot = { digest };
  await commitMeta(state);
}

async function saveSidecars(
  dir: string,
  { covers, lines }: CoveredNow,
  { ids, sketches }: StorySidecars,
): Promise<void> {
  if (sketches.length === covers.count) await writeFileAtomic(files(dir).sketches, encodeSketches(covers, sketches));
  if (lines) await writeFileAtomic(files(dir).lines, encodeLines(covers, lines.lineCount, lines.lines));
  if (ids.length === covers.count) await writeFileAtomic(files(dir).ids, encodeIds(covers, ids));
}

/**
 * Write the stories' ids, sketches and lines alone (ids.json, sketches.bin or lines.bin was missing, damaged
 * or stale), and meta.json with the digest of what they cover.
 */
export async function writeStorySidecars(state: StoreState, sidecars: StorySidecars): Promise<void> {
  await saveSidecars(state.store.dir, await coversNow(state), sidecars);
  await commitMeta(state);
}

/**
 * Compact when the articles appended since the snapshot are more than a quarter of those it covers
 * (amortised O(1) per article).
 */
export const shouldCompact = (state: StoreState): boolean =>
  state.count - state.snapshotCount > Math.max(0, state.snapshotCount / 4);

export interface SaveOptions {
  /** Also write graph.json (default). A checkpoint in the middle of a batch writes only the articles. */
  graph?: boolean;
}

/**
 * Write the whole store, each file atomically (tests and tools that build a store in memory): meta
 * first (so a store interrupted on its first write is still recognised), then the articles (the source
 * of truth), then the derived snapshot. Ingest appends instead (appendArticles). Hold the lock.
 */
export async function saveStore(store: Store, opts: SaveOptions = {}): Promise<void> {
  const state: StoreState = {
    store,
    records: StoredRecords.of(store.articles, store.dir),
    count: store.articles.length,
    snapshotCount: 0,
    whole: 0,
    needsNewline: false,
    checked: new Map(),
    exists: await isStore(store.dir),
    rebuilt: [],
  };
  await rewriteArticles(state);
  if (opts.graph === false) return;
  await writeSnapshot(state, GraphFold.of(store.articles), store.graph);
}

/**
 * Run `fn` holding the store's lock, so two processes never interleave their writes. A second process
 * waits up to `waitMs` (a lock left by a killed process is taken over), then fails with a clear message.
 * `fn` receives the lock: `lock.check()` throws if the lock was lost (call it before writing).
 */
/** A full disk (ENOSPC, or a quota: EDQUOT) as a StoreError naming the store and the file; other errors as they are. */
export function diskFull(dir: string, err: unknown): unknown {
  const e = err as NodeJS.ErrnoException | undefined;
  if (!e || (e.code !== 'ENOSPC' && e.code !== 'EDQUOT')) return err;
  const file = e.path ? ` while writing ${basename(e.path)}` : '';
  return new StoreError(
    dir,
    `the disk is full (${e.code})${file}; what the store held before is intact (writes are atomic or appended ` +
      'after the saved length): free some space and run the command again',
  );
}

export async function withStoreLock<T>(
  dir: string,
  fn: (lock: StoreLock) => Promise<T>,
  waitMs = 60_000,
  opts: Omit<LockOptions, 'waitMs'> = {},
): Promise<T> {
  const abs = resolve(dir);
  if (await checkFolder(abs, dir)) await readMeta(abs, dir); // refuse a foreign or newer store before locking it
  await mkdir(abs, { recursive: true });
  const lock = await acquireStoreLock(abs, dir, { ...opts, waitMs });
  try {
    return await fn(lock);
  } catch (err) {
    throw diskFull(dir, err);
  } finally {
    await lock.release();
  }
}
