import { CsvError, parse } from 'csv-parse/sync';

/** A CSV that cannot be read; line is the 1-based physical line where the problem was found. */
export class CsvSyntaxError extends Error {
  line: number;
  constructor(line: number, reason: string) {
    super(`CSVの${line}行目が読めません（${reason}）`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/** A cell our CSV writer guarded against Excel formulas ('=…): read as what was written. */
const FORMULA_GUARDED = /^'(?:[=+\-@][\s\S]|[\t\r])/;

function countLineBreaks(s: string): number {
  return s.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function isBlankRecord(cells: string[]): boolean {
  return cells.length === 1 && cells[0]!.trim() === '';
}

/**
 * Parses CSV text (CRLF, LF or CR; quoted fields may span lines; rows may differ in length) into records
 * with the 1-based physical line where each starts. Only completely empty (or whitespace-only) lines are skipped.
 */
export function parseCsvWithLines(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  // csv-parse's own line counter is off by one after the first record, so lines are counted here:
  // empty lines are kept as records so that every physical line is seen, and a record moves the counter
  // by one plus the line breaks inside its quoted fields.
  let next = 1;
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      // A stray quote inside an unquoted field (5"ドア) is kept as text rather than rejecting the file.
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        for (let i = 0; i < record.length; i++) {
          if (FORMULA_GUARDED.test(record[i]!)) record[i] = record[i]!.slice(1);
        }
        const line = next;
        next += 1 + record.reduce((n, cell) => n + countLineBreaks(cell), 0);
        if (!isBlankRecord(record)) out.push({ line, cells: record });
        return null;
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw new CsvSyntaxError(next, '引用符が閉じていません');
    // Other errors are reported where the parser stopped, which is at or after the record's first line.
    const line = typeof e.lines === 'number' && e.lines >= next ? e.lines : next;
    const reason =
      e.code === 'CSV_INVALID_CLOSING_QUOTE'
        ? '引用符の後に区切り文字以外の文字があります'
        : '形式が正しくありません';
    throw new CsvSyntaxError(line, reason);
  }
  return out;
}

/** Parses CSV text into rows of cells, in file order, skipping completely empty lines. */
export function parseCsv(text: string): string[][] {
  return parseCsvWithLines(text).map((r) => r.cells);
}
