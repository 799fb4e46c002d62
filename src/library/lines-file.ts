// lines.bin and the articles file's stamp: what lets an ingest into a large store append without reading
// articles.jsonl. lines.bin lists where each record of the first `covers.bytes` bytes lies (derived, like
// ids.json and sketches.bin, and checked like them against the digest of that prefix). The stamp is the
// file's size, inode and change times, recorded in meta.json at each commit with the digests of the
// prefixes the committing process had checked: a later process whose stat gives the same stamp knows the
// file was not written since (every write moves its change time), so those digests still hold and the
// file need not be read to check the derived files. Any other stamp: the file is read and hashed as before.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { StoreError } from '../errors.js';
import type { RecordLine } from './records.js';

/** What identifies the content of articles.jsonl without reading it: it changes with every write. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeNs: string;
  ctimeNs: string;
}

export const stampOf = (st: BigIntStats): FileStamp => ({
  ino: Number(st.ino),
  size: Number(st.size),
  mtimeNs: String(st.mtimeNs),
  ctimeNs: String(st.ctimeNs),
});

/** The stamp of a file, undefined when it is missing. */
export async function fileStamp(path: string): Promise<FileStamp | undefined> {
  try {
    return stampOf(await stat(path, { bigint: true }));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
  !!a &&
  !!b &&
  a.ino === b.ino &&
  a.size === b.size &&
  a.mtimeNs === b.mtimeNs &&
  a.ctimeNs === b.ctimeNs &&
  // a file system that keeps whole seconds only could hide a same-size write in the second of the commit
  !a.ctimeNs.endsWith('000000000');

/** The covered prefix of articles.jsonl, as every derived file records it. */
export interface Covers {
  bytes: number;
  count: number;
  digest: string;
}

/** lines.bin decoded: where each covered record lies, and how many lines (blank ones too) the prefix has. */
export interface LinesFile {
  covers: Covers;
  /** Lines of the covered prefix, blank ones included (the next record's line number follows it). */
  lineCount: number;
  lines: RecordLine[];
}

const MAGIC = 'KLN1';
const bodyDigest = (body: Uint8Array): string => createHash('sha256').update(body).digest('hex').slice(0, 32);

/**
 * Layout: "KLN1", the length of a JSON header ({covers, lineCount, body: digest of the body}), spaces up to a
 * multiple of 8 bytes, then three little-endian float64 per record: its first byte, the byte after its last
 * (its newline), its line number.
 */
export function encodeLines(covers: Covers, lineCount: number, lines: readonly RecordLine[]): Buffer {
  const body = new Float64Array(lines.length * 3);
  lines.forEach((l, i) => body.set([l.start, l.end, l.line], i * 3));
  const bodyBytes = new Uint8Array(body.buffer);
  const json = JSON.stringify({ covers, lineCount, body: bodyDigest(bodyBytes) });
  const headerLength = Math.ceil((8 + Buffer.byteLength(json)) / 8) * 8 - 8;
  const out = Buffer.alloc(8 + headerLength + bodyBytes.length, 0x20);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerLength, 4);
  out.write(json, 8, 'utf8');
  out.set(bodyBytes, 8 + headerLength);
  return out;
}

/** lines.bin decoded, or undefined when it is not one (damaged): its body checked by its digest and its order. */
export function decodeLines(buf: Buffer): LinesFile | undefined {
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const headerLength = buf.readUInt32LE(4);
  if (8 + headerLength > buf.length) return undefined;
  let header: { covers?: Partial<Covers>; lineCount?: unknown; body?: unknown };
  try {
    header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength)) as typeof header;
  } catch {
    return undefined;
  }
  const c = header.covers;
  if (typeof c?.bytes !== 'number' || typeof c.count !== 'number' || typeof c.digest !== 'string') return undefined;
  if (typeof header.lineCount !== 'number') return undefined;
  const body = buf.subarray(8 + headerLength);
  if (body.length !== c.count * 24 || bodyDigest(body) !== header.body) return undefined;
  const values = new Float64Array(Uint8Array.from(body).buffer);
  const lines: RecordLine[] = [];
  for (let i = 0; i < c.count; i++)
    lines.push({ start: values[i * 3]!, end: values[i * 3 + 1]!, line: values[i * 3 + 2]! });
  if (!inOrder(lines, c.bytes, header.lineCount)) return undefined;
  return { covers: c as Covers, lineCount: header.lineCount, lines };
}

/** Records one after the other inside the prefix, lines numbered upwards within its line count. */
function inOrder(lines: readonly RecordLine[], bytes: number, lineCount: number): boolean {
  let after = 0;
  let line = 0;
  for (const l of lines) {
    if (!(l.start >= after && l.end > l.start && l.end < bytes && l.line > line)) return false;
    after = l.end + 1;
    line = l.line;
  }
  return line <= lineCount;
}

/** Read bytes [start, end) of an open file. */
function readAt(fd: number, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start);
  for (let at = 0; at < out.length;) {
    const n = readSync(fd, out, at, out.length - at, start + at);
    if (n === 0) break;
    at += n;
  }
  return out;
}

/**
 * Records' bytes read from articles.jsonl when asked for, from the file opened (by inode): a file replaced or
 * cut since is an error, never other bytes. `loadAll` reads the whole file once (a rewrite copies every
 * record), after which the records come from that copy even once the file is replaced.
 */
export class FileRecordBytes {
  private all?: Buffer;
  constructor(
    private readonly path: string,
    private readonly ino: number,
    private readonly size: number,
    private readonly shown: string,
  ) {}

  bytes(start: number, end: number): Buffer {
    return this.all ? this.all.subarray(start, end) : this.read(start, end);
  }

  loadAll(): void {
    this.all ??= this.read(0, this.size);
  }

  private read(start: number, end: number): Buffer {
    const fd = openSync(this.path, 'r');
    try {
      const st = fstatSync(fd);
      if (st.ino !== this.ino || st.size < this.size)
        throw new StoreError(
          this.shown,
          'articles.jsonl was replaced or cut while this process was reading it; run the command again',
        );
      return readAt(fd, start, end);
    } finally {
      closeSync(fd);
    }
  }
}

/** Bytes [start, end) of a file (the records appended after lines.bin, the byte before the end). */
export function readRange(path: string, start: number, end: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readAt(fd, start, end);
  } finally {
    closeSync(fd);
  }
}
