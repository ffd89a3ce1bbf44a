/** A cell as written: numbers as digits, null as empty. */
export type CsvCell = string | number | null | undefined;

/**
 * Excel runs a text cell that starts with = + - or @ as a formula (「=HYPERLINK(…)」 typed into a
 * resource's description would become a live link in the SC's Excel). A leading ' makes Excel
 * show it as text, the ' hidden; our own CSV reader takes it off again (`FORMULA_GUARDED`).
 * Numbers are written as they are; a lone "-" is no formula and stays.
 */
const FORMULA_START = /^[=+\-@][\s\S]|^[\t\r]/;

const quote = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return '';
  const s = typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : String(cell);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV for Excel on Japanese Windows: UTF-8 with a BOM and CRLF line ends (standards §8.4), so that
 * double-clicking the file shows Japanese correctly.
 */
export function toExcelCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
