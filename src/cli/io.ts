// Where the CLI writes: results to stdout (or --out), messages and progress to stderr.
import { writeFile } from 'node:fs/promises';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal (progress bars only then). */
  isTTY: boolean;
}

export const processIO: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTTY: !!process.stderr.isTTY,
};

/** Write a result to --out when given, else stdout. */
export async function emit(io: CliIO, text: string, out?: string): Promise<void> {
  if (out) await writeFile(out, text.endsWith('\n') ? text : text + '\n');
  else io.out(text.endsWith('\n') ? text : text + '\n');
}
