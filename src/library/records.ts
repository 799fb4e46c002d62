// The stored articles as an ingest needs them: each story's ids up front (from ids.json, the store's
// index of them), a record parsed from its line of articles.jsonl only when it is asked for (a duplicate
// candidate, a story that gains a syndicated copy, a rebuild). A record never parsed is written back as
// the bytes it was read from.
import { StoreError, errorMessage } from '../errors.js';
import { idsOf, type StoredStories } from '../clean/duplicates.js';
import type { StoredArticle } from '../types.js';

/** Where one whole record of articles.jsonl lies: its bytes and its line number (for messages). */
export interface RecordLine {
  start: number;
  end: number;
  line: number;
}

/** Where records' bytes come from: the articles file read whole, or read record by record when asked for. */
export interface RecordBytes {
  bytes(start: number, end: number): Buffer;
  /** Read every record now (before the file is replaced by a rewrite). */
  loadAll?(): void;
}

export const bufferBytes = (buf: Buffer): RecordBytes => ({ bytes: (start, end) => buf.subarray(start, end) });

export class StoredRecords implements StoredStories {
  private readonly parsed = new Map<number, StoredArticle>();
  readonly length: number;

  /**
   * `lines`: every whole record of the file `source` reads, in order; `ids`: the ids of the first records
   * (ids.json), whose lines are parsed only when asked for; `tail`: the records after them, already parsed.
   */
  constructor(
    private readonly source: RecordBytes,
    private readonly lines: readonly RecordLine[],
    private readonly indexed: ReadonlyArray<readonly string[]>,
    tail: readonly StoredArticle[],
    private readonly shown: string,
  ) {
    tail.forEach((r, i) => this.parsed.set(indexed.length + i, r));
    this.length = indexed.length + tail.length;
  }

  /** Records all parsed already (a store opened without ids.json). */
  static of(records: readonly StoredArticle[], shown: string): StoredRecords {
    return new StoredRecords(bufferBytes(Buffer.alloc(0)), [], [], records, shown);
  }

  ids(pos: number): readonly string[] {
    return this.indexed[pos] ?? idsOf(this.record(pos).article);
  }

  record(pos: number): StoredArticle {
    let r = this.parsed.get(pos);
    if (!r) this.parsed.set(pos, (r = this.parse(pos)));
    return r;
  }

  /** The record's line as read (without its newline), when it was not parsed from elsewhere. */
  raw(pos: number): Buffer | undefined {
    const l = pos < this.indexed.length ? this.lines[pos] : undefined;
    return l && this.source.bytes(l.start, l.end);
  }

  /** Read the bytes of every record not parsed yet, while the file is still the one they were counted in. */
  loadAll(): void {
    this.source.loadAll?.();
  }

  /** Every record, in order (parsing those not parsed yet). */
  all(): StoredArticle[] {
    return Array.from({ length: this.length }, (_x, pos) => this.record(pos));
  }

  private parse(pos: number): StoredArticle {
    const l = this.lines[pos];
    if (!l) throw new RangeError(`no stored record ${pos}`);
    let rec: StoredArticle;
    try {
      rec = JSON.parse(this.source.bytes(l.start, l.end).toString('utf8')) as StoredArticle;
    } catch (err) {
      throw new StoreError(
        this.shown,
        `articles.jsonl line ${l.line} is corrupt (${errorMessage(err)}); refusing to overwrite the store`,
      );
    }
    const ids = this.indexed[pos];
    if (typeof rec?.article?.id !== 'string' || typeof rec.article.text !== 'string' || !rec.extraction)
      throw new StoreError(
        this.shown,
        `articles.jsonl line ${l.line} is not a stored article ({article, extraction}); ` +
          'refusing to overwrite the store',
      );
    if (ids && ids[0] !== rec.article.id)
      throw new StoreError(this.shown, `ids.json does not match articles.jsonl line ${l.line}; remove ids.json`);
    return rec;
  }
}
