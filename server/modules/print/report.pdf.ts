import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatWareki, type IsoDate } from '../../../domain/dates';
import { FONT, type Node, PALETTE } from './pdf';

/*
 * A plain report of tables (survey results for a meeting or the 計画 committee): A4 landscape,
 * a heading per table, header rows repeated on every page, numbers right-aligned.
 */

export interface ReportPdfData {
  title: string;
  subtitle: string;
  today: IsoDate;
  sections: { heading: string; header: string[]; rows: string[][] }[];
}

const numeric = (s: string) => /^[\d,.]+%?$|^—/.test(s);

/** Columns beside the first that fit on A4 landscape at 8 pt; wider tables continue below. */
const COLUMNS = 8;

/** A wide table as several, each repeating the first column (the row labels). */
function chunks(header: string[], rows: string[][]): { header: string[]; rows: string[][] }[] {
  if (header.length <= COLUMNS + 1) return [{ header, rows }];
  const out = [];
  for (let i = 1; i < header.length; i += COLUMNS) {
    const cols = [0, ...Array.from({ length: Math.min(COLUMNS, header.length - i) }, (_, k) => i + k)];
    out.push({ header: cols.map((c) => header[c]!), rows: rows.map((r) => cols.map((c) => r[c] ?? '')) });
  }
  return out;
}

export function reportDocument(data: ReportPdfData): { doc: TDocumentDefinitions; pages(): number } {
  const content: Node[] = data.sections.flatMap((s, i) => [
    { text: s.heading, bold: true, fontSize: 12, margin: [0, i === 0 ? 0 : 14, 0, 4], color: PALETTE.brand },
    ...chunks(s.header, s.rows).map((c, k) => ({
      margin: [0, k === 0 ? 0 : 8, 0, 0],
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: c.header.map((_, j) => (j === 0 ? 150 : '*')),
        body: [
          c.header.map((h) => ({ text: h, bold: true, fontSize: 8, fillColor: PALETTE.soft })),
          ...c.rows.map((r) =>
            r.map((cell, j) => ({
              text: cell,
              fontSize: 8,
              alignment: j > 0 && numeric(cell) ? 'right' : 'left',
            })),
          ),
        ],
      },
      layout: { hLineColor: () => PALETTE.line, vLineColor: () => PALETTE.line },
    })),
  ]);
  return landscapeReport(data, content);
}

/**
 * An A4 landscape page of meeting tables (this report, the needs-against-resources table): the
 * title and a line under it at the head of every page, the date made and the page count at the foot.
 */
export function landscapeReport(
  page: { title: string; subtitle: string; today: IsoDate },
  content: Node[],
): { doc: TDocumentDefinitions; pages(): number } {
  let pageCount = 0;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 56, 28, 36],
    info: { title: page.title },
    defaultStyle: { font: FONT, fontSize: 9, color: PALETTE.ink },
    header: {
      margin: [28, 18, 28, 0],
      stack: [
        { text: page.title, bold: true, fontSize: 14, color: PALETTE.brand },
        { text: page.subtitle, fontSize: 8, color: PALETTE.muted },
      ],
    },
    footer: (current: number, count: number) => {
      pageCount = count;
      return {
        margin: [28, 8, 28, 0],
        columns: [
          { text: `${formatWareki(page.today)} 作成　ささえあい`, fontSize: 8, color: PALETTE.muted },
          { text: `${current} / ${count}`, alignment: 'right', fontSize: 8, color: PALETTE.muted },
        ],
      };
    },
    content: content as never,
  };
  return { doc, pages: () => pageCount };
}
