import ExcelJS from 'exceljs';

/*
 * The first sheet of an xlsx file as lines of text cells, the way a CSV reads: what every import
 * (resources, survey answers) starts from. Dates become ISO dates, formulas their results, rich
 * text its plain text; error cells are blank.
 */

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}

/** Non-empty rows of the first sheet with their 1-based line numbers; throws when it is not xlsx. */
export async function readXlsxLines(bytes: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const all: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    all.push({ line, cells: values.slice(1).map(cellText) });
  });
  return all;
}

/** Whether the bytes look like a zip (xlsx) file, whatever the name says. */
export const looksLikeXlsx = (fileName: string, bytes: Uint8Array) =>
  (bytes[0] === 0x50 && bytes[1] === 0x4b) || /\.xlsx$/i.test(fileName);
