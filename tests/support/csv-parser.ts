/**
 * A small but real RFC 4180 reader, so the exports are read back the way a spreadsheet reads them:
 * records end in CRLF (a lone LF is accepted too), a quoted field may hold commas, CR, LF and
 * doubled quotes, and anything else malformed (a quote inside an unquoted field, text after a
 * closing quote, an unclosed quote) throws instead of being guessed at.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let at = 0;
  /** Whether the current field was quoted (so `""` is an empty field, not a missing one). */
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
    quoted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (at < text.length) {
    const char = text[at];
    if (char === '"') {
      if (field !== '' || quoted) throw new Error(`a quote inside an unquoted field at ${at}`);
      quoted = true;
      at += 1;
      for (;;) {
        if (at >= text.length) throw new Error('an unclosed quoted field');
        const inner = text[at];
        if (inner === '"') {
          if (text[at + 1] === '"') {
            field += '"';
            at += 2;
            continue;
          }
          at += 1;
          break;
        }
        field += inner;
        at += 1;
      }
      const after = text[at];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') throw new Error(`text after a closing quote at ${at}`);
      continue;
    }
    if (char === ',') {
      endField();
      at += 1;
    } else if (char === '\r' && text[at + 1] === '\n') {
      endRecord();
      at += 2;
    } else if (char === '\n') {
      endRecord();
      at += 1;
    } else {
      if (quoted) throw new Error(`text after a closing quote at ${at}`);
      field += char;
      at += 1;
    }
  }
  // A last record without its line break still counts; a file ending in one has no empty record after it.
  if (field !== '' || quoted || record.length > 0) endRecord();
  return records;
}

/** The records after the header, each keyed by the header's names (which must be unique). */
export function csvObjects(text: string): { header: string[]; rows: Array<Record<string, string>> } {
  const [header, ...records] = parseCsv(text);
  if (header === undefined) throw new Error('no header row');
  if (new Set(header).size !== header.length) throw new Error('the header repeats a name');
  const rows = records.map((record, index) => {
    if (record.length !== header.length) throw new Error(`record ${index + 1} has ${record.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((name, column) => [name, record[column] ?? '']));
  });
  return { header, rows };
}
