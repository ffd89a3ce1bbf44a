import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { IsoDate } from '../../../domain/dates';
import { type Node, PALETTE } from './pdf';
import { landscapeReport } from './report.pdf';

/*
 * ニーズと地域資源の対比 for a 協議体 meeting: A4 landscape, one row per area, one column per
 * category, each cell "困りごと n件（m人）/ 資源 k". 空白 cells are shaded and say 空白 in words, so
 * the table still reads on a black-and-white copier. Counts only; nothing names a person.
 */

export interface MatrixPdfData {
  title: string;
  period: string;
  today: IsoDate;
  categories: string[];
  rows: {
    name: string;
    aged65: number | null;
    cells: { needs: number; people: number; resources: number; gap: boolean }[];
  }[];
}

/** Columns per page: more than this and the category names stop fitting on A4 landscape. */
const COLUMNS_PER_PAGE = 8;

export function matrixDocument(data: MatrixPdfData): { doc: TDocumentDefinitions; pages(): number } {
  const chunks: number[][] = [];
  for (let i = 0; i < Math.max(1, data.categories.length); i += COLUMNS_PER_PAGE)
    chunks.push(data.categories.slice(i, i + COLUMNS_PER_PAGE).map((_, j) => i + j));
  const tables: Node[] = chunks.map((cols, k) => ({
    pageBreak: k > 0 ? 'before' : undefined,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [90, 50, ...cols.map(() => '*')],
      body: [
        [
          { text: '地域', bold: true },
          { text: '65歳以上', bold: true, alignment: 'right' },
          ...cols.map((c) => ({ text: data.categories[c]!, bold: true, alignment: 'center' })),
        ],
        ...data.rows.map((r) => [
          { text: r.name },
          { text: r.aged65 === null ? '—' : `${r.aged65.toLocaleString('ja-JP')}人`, alignment: 'right' },
          ...cols.map((c) => {
            const v = r.cells[c]!;
            if (v.needs === 0 && v.resources === 0) return { text: '', fillColor: undefined };
            return {
              // Only what is there: an empty half of a cell says nothing worth reading at a meeting.
              stack: [
                ...(v.needs > 0 ? [{ text: `困りごと${v.needs}件・${v.people}人`, fontSize: 8 }] : []),
                { text: v.resources > 0 ? `資源${v.resources}` : '資源なし', fontSize: 8 },
                ...(v.gap ? [{ text: '空白', bold: true, fontSize: 9, color: PALETTE.warnInk }] : []),
              ],
              fillColor: v.gap ? PALETTE.warnBg : undefined,
            };
          }),
        ]),
      ],
    },
    layout: {
      hLineColor: () => PALETTE.line,
      vLineColor: () => PALETTE.line,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  }));
  return landscapeReport(
    {
      title: data.title,
      subtitle: `${data.period}　｜　空白：困りごとがあり、その地域にも上の地域にも同じ分類の資源がないところ`,
      today: data.today,
    },
    data.rows.length === 0 ? [{ text: 'この層の地域がまだありません。' }] : tables,
  );
}
