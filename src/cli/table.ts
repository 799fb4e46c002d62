// Plain-text tables for the terminal: columns padded to their widest cell, long cells cut with "…".

/** Cut `s` to `max` characters (whole string when shorter). */
export const cut = (s: string, max: number): string => (s.length <= max ? s : s.slice(0, Math.max(0, max - 1)) + '…');

/** Rows under a header, columns separated by two spaces. The last column is not padded. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
