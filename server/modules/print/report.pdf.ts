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

export function reportDocument(data: ReportPdfData): { doc: TDocumentDefinitions; pages(): number } {
  let pageCount = 0;
  const content: Node[] = data.sections.flatMap((s, i) => [
    { text: s.heading, bold: true, fontSize: 12, margin: [0, i === 0 ? 0 : 14, 0, 4], color: PALETTE.brand },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: s.header.map((_, j) => (j === 0 ? 'auto' : '*')),
        body: [
          s.header.map((h) => ({ text: h, bold: true, fontSize: 8, fillColor: PALETTE.soft })),
          ...s.rows.map((r) =>
            r.map((c, j) => ({ text: c, fontSize: 8, alignment: j > 0 && numeric(c) ? 'right' : 'left' })),
          ),
        ],
      },
      layout: { hLineColor: () => PALETTE.line, vLineColor: () => PALETTE.line },
    },
  ]);
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 56, 28, 36],
    info: { title: data.title },
    defaultStyle: { font: FONT, fontSize: 9, color: PALETTE.ink },
    header: {
      margin: [28, 18, 28, 0],
      stack: [
        { text: data.title, bold: true, fontSize: 14, color: PALETTE.brand },
        { text: data.subtitle, fontSize: 8, color: PALETTE.muted },
      ],
    },
    footer: (current: number, count: number) => {
      pageCount = count;
      return {
        margin: [28, 8, 28, 0],
        columns: [
          { text: `${formatWareki(data.today)} 作成　ささえあい`, fontSize: 8, color: PALETTE.muted },
          { text: `${current} / ${count}`, alignment: 'right', fontSize: 8, color: PALETTE.muted },
        ],
      };
    },
    content: content as never,
  };
  return { doc, pages: () => pageCount };
}
