/**
 * CSV documents for Excel: UTF-8 with a byte-order mark (so Korean names open correctly), CRLF
 * line ends, RFC 4180 quoting, and a guard against formula injection — a text cell that starts
 * with = + - @ (or a tab / carriage return / line feed) gets a leading apostrophe so a spreadsheet
 * shows it as text instead of running it (OWASP "CSV injection"). Spreadsheets skip leading
 * whitespace and read the full-width forms ＝＋－＠ as formula starts too (W20 in SECURITY.md).
 * Numbers are written as numbers.
 */

export type CsvCell = string | number | null | undefined;

export const CSV_BOM = "\uFEFF";
const FORMULA_START = /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** The whole file's text, BOM first. */
export function csvDocument(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Round for a report cell (3 decimals by default); null stays empty. */
export function csvNumber(value: number | null, digits = 3): number | null {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}
