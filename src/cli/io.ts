// Where the CLI writes: results to stdout (or --out), messages and progress to stderr.
import { writeFile } from 'node:fs/promises';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  /** What `ingest -` reads (default process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/**
 * A value shown in a terminal message (a file name, a URL, a title, a name): control characters are
 * written as escapes (`\n`, `\r`, `\t`, `\x1b`…), so that a hostile file name can neither forge a line
 * of the summary nor send escape sequences to the terminal.
 */
export function escapeControl(text: string, keep: ReadonlySet<string> = NOTHING): string {
  return text.replace(CONTROL, (c) =>
    keep.has(c) ? c : (NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
  );
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const NOTHING: ReadonlySet<string> = new Set();
const LINES: ReadonlySet<string> = new Set(['\n']);

/**
 * Results to `out`, messages to `err` as the process writes them: the line ends they are made of stay,
 * any other control character is shown escaped. Used for the process and to run the CLI in-process.
 */
export function streamsIO(out: (t: string) => void, err: (t: string) => void, isTTY = false): CliIO {
  return { out, err: (t) => err(escapeControl(t, LINES)), isTTY };
}

export const processIO: CliIO = streamsIO(
  (t) => void process.stdout.write(t),
  (t) => void process.stderr.write(t),
  !!process.stderr.isTTY,
);

/** Write a result to --out when given, else stdout. */
export async function emit(io: CliIO, text: string, out?: string): Promise<void> {
  if (out) await writeFile(out, text.endsWith('\n') ? text : text + '\n');
  else io.out(text.endsWith('\n') ? text : text + '\n');
}
