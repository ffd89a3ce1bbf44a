/** A cell as written: numbers as digits, null as empty. */
export type CsvCell = string | number | null | undefined;

const quote = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return '';
  const s = String(cell);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV for Excel on Japanese Windows: UTF-8 with a BOM and CRLF line ends (standards §8.4), so that
 * double-clicking the file shows Japanese correctly.
 */
export function toExcelCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
