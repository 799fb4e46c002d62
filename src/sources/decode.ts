// Bytes → text: UTF-8 (with or without BOM), UTF-16 (BOM), else Windows-1252, so accents from older
// West African sites ("Économie", "Maïga", "N’Diaye") come through intact.
import { SourceError } from '../errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Guess the encoding of raw bytes. `declared` (a meta charset, an HTTP header) wins when valid. */
export function detectEncoding(bytes: Uint8Array, declared?: string): Encoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const d = declared?.trim().toLowerCase();
  if (d && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/.test(d)) return 'windows-1252';
  if (d && /^utf-?16/.test(d)) return d.includes('be') ? 'utf-16be' : 'utf-16le';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** True when the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array, encoding: Encoding): boolean {
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

// Windows-1252 differs from ISO-8859-1 in 0x80–0x9F (’ “ ” – … €); Node's TextDecoder reads that
// range as C1 control characters, so the table is here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
  }
  return out;
}

/** Decode a source's bytes to text, or throw a SourceError naming it. */
export function decode(origin: string, bytes: Uint8Array, declared?: string): string {
  if (bytes.length === 0) throw new SourceError(origin, 'the file is empty');
  const encoding = detectEncoding(bytes, declared);
  if (looksBinary(bytes, encoding)) throw new SourceError(origin, 'this is a binary file, not text');
  const text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes); // strips a BOM
  if (!text.trim()) throw new SourceError(origin, 'the file holds only white space');
  return text.normalize('NFC');
}
