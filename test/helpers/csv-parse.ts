// A small RFC 4180 reader for the tests: quoted fields, doubled quotes, CR/LF inside quotes.
export function parseCsv(text: string, lineEnd: '\r\n' | '\n'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (text.startsWith(lineEnd, i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += lineEnd.length - 1;
    } else if (c === '\r' || c === '\n')
      throw new Error(`bare line break at ${i}: line ends are not ${JSON.stringify(lineEnd)}`);
    else field += c;
  }
  if (field || row.length) throw new Error('last record has no line end');
  return rows;
}

/** Rows as objects keyed by the header. */
export function records(text: string, lineEnd: '\r\n' | '\n'): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, lineEnd);
  for (const r of rows)
    if (r.length !== header!.length) throw new Error(`row has ${r.length} fields, header ${header!.length}`);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}
