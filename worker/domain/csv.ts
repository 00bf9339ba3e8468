/**
 * RFC 4180 CSV. Text cells a spreadsheet could run as a formula (CSV injection) are prefixed with
 * an apostrophe, which spreadsheets read as "text follows" and do not show (see `isFormulaLike`).
 */
export type CsvValue = string | number | boolean | null;

/** The signs that start a formula (or a DDE call) in Excel, LibreOffice and Google Sheets. */
const FORMULA_SIGN = /^[=+\-@]/;
/**
 * Any blank at all, not only the tab and CR of OWASP's list: spreadsheets skip leading blanks
 * before deciding whether a cell is a formula, and which blanks they skip (space, NBSP, the
 * ideographic space of East Asian input, line breaks…) differs between programs and versions.
 * `\s` is JavaScript's full set (ASCII blanks, NBSP, every Unicode space separator, U+2028/9,
 * BOM). A leading blank carries no meaning in Pulse's exports, so the apostrophe costs nothing.
 */
const LEADING_BLANK = /^\s/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * True when a text cell starts with a formula sign, with a blank, or with a character that folds
 * to a formula sign under compatibility normalisation (NFKC): the full-width ＝＋－＠ of
 * Japanese and Chinese input, and the small and superscript forms, which spreadsheets with such
 * input methods may take as the ASCII sign.
 */
function isFormulaLike(text: string): boolean {
  const first = text.codePointAt(0);
  if (first === undefined) return false;
  return FORMULA_SIGN.test(text) || LEADING_BLANK.test(text) || FORMULA_SIGN.test(String.fromCodePoint(first).normalize('NFKC'));
}

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = isFormulaLike(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, CRLF-terminated as the RFC asks. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
