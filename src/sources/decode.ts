// Bytes → text: UTF-8 (with or without BOM), UTF-16 (with or without BOM), else Windows-1252, so
// accents from older West African sites ("Économie", "Maïga", "N’Diaye") come through intact.
//
// Order of evidence, as browsers do: a byte-order mark, then the charset the transport declares (HTTP
// Content-Type), then the one the document declares (<meta charset>, <?xml encoding?>), then the bytes
// themselves. A declaration the bytes contradict is corrected rather than obeyed: bytes declared UTF-8
// that are not valid UTF-8 are read as Windows-1252, and bytes declared Latin-1 that are valid UTF-8 with
// multi-byte sequences are read as UTF-8 (both are common on older sites; obeying would give "Ã©" or "�").
import { SourceError } from '../errors.js';

/** A WHATWG encoding name (TextDecoder's `encoding`): 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252', … */
export type Encoding = string;

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Where the encoding came from. */
  basis: 'bom' | 'declared' | 'document' | 'bytes' | 'corrected';
}

/** The WHATWG name for a charset label, or undefined when TextDecoder does not know it. */
export function encodingForLabel(label: string | undefined): Encoding | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return undefined;
  }
}

/** The charset parameter of a Content-Type header value ("text/html; charset=ISO-8859-1" → "ISO-8859-1"). */
export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return m?.[2];
}

/**
 * The charset a document declares in its first 1024 bytes: <meta charset>, <meta http-equiv content>,
 * <?xml encoding?>.
 */
export function sniffDeclaredCharset(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, 1024));
  if (!/^\s*</.test(head.replace(/^\uFEFF|^ï»¿/, ''))) return undefined; // only markup declares
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1];
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1];
}

const latin1 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

const isValidUtf8 = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const hasHighBytes = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80);

/** UTF-16 without a byte-order mark: text in Latin script has a zero byte in every other position. */
function sniffUtf16(bytes: Uint8Array): Encoding | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.6 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.6 && oddZero / pairs < 0.05) return 'utf-16be';
  return undefined;
}

const SINGLE_BYTE_LATIN = new Set(['windows-1252', 'iso-8859-15', 'iso-8859-2', 'windows-1250']);

/**
 * Guess the encoding of raw bytes, with the basis of the guess. `declared` is the transport's charset (an
 * HTTP header); the document's own declaration is sniffed from the bytes.
 */
export function detectEncodingWithBasis(
  bytes: Uint8Array,
  declared?: string,
): { encoding: Encoding; basis: Decoded['basis'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', basis: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', basis: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', basis: 'bom' };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { encoding: utf16, basis: 'bytes' };
  const fromHeader = encodingForLabel(declared);
  const fromDoc = fromHeader ? undefined : encodingForLabel(sniffDeclaredCharset(bytes));
  const stated = fromHeader ?? fromDoc;
  const basis = fromHeader ? 'declared' : 'document';
  // a UTF-16 label on bytes without zero bytes is a copy-paste error in a meta tag: ignore it
  const usable = stated && !stated.startsWith('utf-16') ? stated : undefined;
  const validUtf8 = isValidUtf8(bytes);
  if (usable === 'utf-8')
    return validUtf8 ? { encoding: 'utf-8', basis } : { encoding: 'windows-1252', basis: 'corrected' };
  if (usable && SINGLE_BYTE_LATIN.has(usable) && validUtf8 && hasHighBytes(bytes))
    return { encoding: 'utf-8', basis: 'corrected' };
  if (usable) return { encoding: usable, basis };
  return { encoding: validUtf8 ? 'utf-8' : 'windows-1252', basis: 'bytes' };
}

/** Guess the encoding of raw bytes. `declared` (an HTTP header's charset) wins when the bytes agree. */
export function detectEncoding(bytes: Uint8Array, declared?: string): Encoding {
  return detectEncodingWithBasis(bytes, declared).encoding;
}

/** File signatures of common binary formats people drop in an articles folder by mistake. */
const SIGNATURES: ReadonlyArray<{ name: string; magic: number[] }> = [
  { name: 'a PDF document', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or .docx/.odt)', magic: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', magic: [0x1f, 0x8b] },
  { name: 'a PNG image', magic: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', magic: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', magic: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a Word 97-2003 document', magic: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** The kind of binary file the bytes start with, if any. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.name;
}

/** True when the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array, encoding: Encoding): boolean {
  if (binaryKind(bytes)) return true;
  if (encoding.startsWith('utf-16')) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Windows-1252's bytes 0x80–0x9F (WHATWG index): €, ‚, ƒ, „, …, †, ‡, ˆ, ‰, Š, ‹, Œ, Ž, ‘, ’, “, ”, •, –, —, ˜, ™,
 * š, ›, œ, ž, Ÿ.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 → text. Node 20's TextDecoder('windows-1252') (and its aliases latin1, iso-8859-1) decodes
 * 0x80–0x9F as C1 control characters, so "N’Diaye" (’ = 0x92) would lose its apostrophe: decode by hand.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Bytes → text in a known encoding (a BOM is stripped). */
export function decodeAs(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/** Decode a source's bytes to text, with the encoding used; throws a SourceError naming the source. */
export function decodeWithInfo(origin: string, bytes: Uint8Array, declared?: string, noun = 'file'): Decoded {
  if (bytes.length === 0) throw new SourceError(origin, `the ${noun} is empty`);
  const { encoding, basis } = detectEncodingWithBasis(bytes, declared);
  if (looksBinary(bytes, encoding)) {
    const kind = binaryKind(bytes);
    throw new SourceError(
      origin,
      `this is ${kind ?? 'a binary file'}, not text (kunafoni reads .txt, .md, .json, .jsonl, .html, RSS/Atom)`,
    );
  }
  const text = decodeAs(bytes, encoding);
  if (!text.trim()) throw new SourceError(origin, `the ${noun} holds only white space`);
  return { text: text.normalize('NFC'), encoding, basis };
}

/** Decode a source's bytes to text, or throw a SourceError naming it. */
export function decode(origin: string, bytes: Uint8Array, declared?: string, noun = 'file'): string {
  return decodeWithInfo(origin, bytes, declared, noun).text;
}
