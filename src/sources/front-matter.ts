// Front matter: YAML read by the yaml library, except for the common case of one `key: value` per line
// whose values are plain words or quoted text without escapes, read here: the yaml library costs ~0.1 s
// to load and ~0.3 ms per file to parse (about 5% of ingesting a folder of short Markdown articles). The
// short path gives exactly what yaml gives (test/sources/front-matter.test.ts compares them); any line
// it is not sure of sends the whole block to yaml.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let yaml: typeof import('yaml') | undefined;
const parseYaml = (text: string): unknown => (yaml ??= require('yaml') as typeof import('yaml')).parse(text);

/** `key: value`: a key of letters, digits, "_" and "-", starting with a letter; one space or more after the colon. */
const LINE = /^([A-Za-z][A-Za-z0-9_-]*):[ ]+(.+)$/;
/** Quoted text with nothing to unescape: no backslash, no quote of its own kind, no control,
 * format or line-separator character. */
const DOUBLE = /^"([^"\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*)"$/u;
const SINGLE = /^'([^'\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*)'$/u;
/**
 * A plain scalar that can only be text: it opens with a letter or a digit, holds no comment ("#"), flow
 * (brackets, braces) or quote character, no ": " and no control, format or separator character, and does
 * not end in ":" or a space.
 */
const PLAIN = new RegExp(String.raw`^[\p{L}\p{N}](?:[^#"'[\]{}\p{Cc}\p{Cf}\p{Zl}\p{Zp}:]|:(?! ))*(?<![: ])$`, 'u');
/** Plain scalars YAML 1.2's core schema reads as null, a boolean or a number (the yaml library's default). */
const NOT_TEXT = new RegExp(
  '^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|' +
    String.raw`[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|` +
    String.raw`[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`,
);

/** The value of one `key: value` line when it is certainly a string, else undefined. */
function textValue(raw: string): string | undefined {
  const quoted = DOUBLE.exec(raw) ?? SINGLE.exec(raw);
  if (quoted) return quoted[1];
  return PLAIN.test(raw) && !NOT_TEXT.test(raw) ? raw : undefined;
}

/** Lines of `key: text` only, each key once: their fields; else undefined (yaml reads the block). */
function simpleFields(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m || Object.hasOwn(out, m[1]!)) return undefined;
    const v = textValue(m[2]!);
    if (v === undefined) return undefined;
    out[m[1]!] = v;
  }
  return out;
}

/** What the YAML of a front matter block says (throws yaml's error when it is not valid YAML). */
export function parseFrontMatter(text: string): unknown {
  return simpleFields(text) ?? parseYaml(text);
}
