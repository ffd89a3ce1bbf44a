import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatWareki, type IsoDate } from '../../../domain/dates';
import { FONT, jp, type Node, PALETTE } from './pdf';

/*
 * A plain A4 document of headings, facts, paragraphs, lists and tables: the papers of a 協議体
 * meeting (次第, 議事録) and the 成果報告会 pack. Other modules describe the content as blocks;
 * this file is the only place that knows pdfmake. Body 10.5 pt, headings in the brand colour,
 * every block kept off the page foot where it would stand alone.
 */

export type DocumentBlock =
  | { kind: 'heading'; text: string; level?: 1 | 2; pageBreak?: boolean }
  | { kind: 'facts'; rows: [string, string][] }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  | { kind: 'table'; header: string[]; rows: string[][]; widths?: (number | '*' | 'auto')[] }
  /** Ruled space to write in by hand at the meeting. */
  | { kind: 'memo'; label: string; lines: number };

export interface DocumentPdfData {
  title: string;
  /** Under the title: the body and the occasion (ささえ町第1層協議体・令和8年度 第3回). */
  subtitle: string;
  today: IsoDate;
  /** 架空の町: said on every page, so a printed demo page is never taken for a real town's. */
  fictional: boolean;
  blocks: DocumentBlock[];
}

const MARGIN = 48;

function block(b: DocumentBlock): Node {
  switch (b.kind) {
    case 'heading':
      return {
        text: jp(b.text),
        bold: true,
        fontSize: b.level === 2 ? 11.5 : 13,
        color: PALETTE.brand,
        margin: [0, b.level === 2 ? 8 : 14, 0, 4],
        headlineLevel: 1,
        ...(b.pageBreak ? { pageBreak: 'before' } : {}),
      };
    case 'facts':
      return {
        table: {
          widths: [80, '*'],
          body: b.rows.map(([k, v]) => [
            { text: k, bold: true, fillColor: PALETTE.soft },
            { text: jp(v || '—') },
          ]),
        },
        layout: { hLineColor: () => PALETTE.line, vLineColor: () => PALETTE.line },
        margin: [0, 2, 0, 6],
      };
    case 'paragraph':
      return {
        text: jp(b.text),
        margin: [0, 2, 0, 4],
        ...(b.muted ? { color: PALETTE.muted, fontSize: 9 } : {}),
      };
    case 'list':
      return {
        [b.numbered ? 'ol' : 'ul']: b.items.map((i) => ({ text: jp(i) })),
        margin: [4, 2, 0, 4],
      };
    case 'table':
      return {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: b.widths ?? b.header.map((_, i) => (i === 0 ? 'auto' : '*')),
          body: [
            b.header.map((h) => ({ text: h, bold: true, fillColor: PALETTE.soft })),
            ...b.rows.map((r) => r.map((c) => ({ text: jp(c) }))),
          ],
        },
        layout: { hLineColor: () => PALETTE.line, vLineColor: () => PALETTE.line },
        fontSize: 9,
        margin: [0, 2, 0, 6],
      };
    case 'memo':
      return {
        unbreakable: true,
        stack: [
          { text: b.label, fontSize: 9, color: PALETTE.muted, margin: [0, 2, 0, 0] },
          {
            canvas: Array.from({ length: b.lines }, (_, i) => ({
              type: 'line',
              x1: 0,
              y1: 20 * (i + 1),
              x2: 595.28 - 2 * MARGIN,
              y2: 20 * (i + 1),
              lineWidth: 0.5,
              lineColor: PALETTE.line,
            })),
          },
        ],
        margin: [0, 0, 0, 8],
      };
  }
}

export function documentDocument(data: DocumentPdfData): { doc: TDocumentDefinitions; pages(): number } {
  let pageCount = 0;
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [MARGIN, 74, MARGIN, 44],
    info: { title: `${data.title}（${data.subtitle}）` },
    defaultStyle: { font: FONT, fontSize: 10.5, lineHeight: 1.35, color: PALETTE.ink },
    header: {
      margin: [MARGIN, 20, MARGIN, 0],
      // Line height 1 here: the header has only the top margin to live in.
      stack: [
        { text: data.title, bold: true, fontSize: 15, lineHeight: 1, color: PALETTE.brand },
        { text: data.subtitle, fontSize: 9, lineHeight: 1, color: PALETTE.muted, margin: [0, 3, 0, 0] },
      ],
    },
    footer: (current: number, count: number) => {
      pageCount = count;
      return {
        margin: [MARGIN, 10, MARGIN, 0],
        columns: [
          {
            text: `${formatWareki(data.today)} 作成　ささえあい${data.fictional ? '　（架空の町のデータです）' : ''}`,
            fontSize: 8,
            color: PALETTE.muted,
          },
          { text: `${current} / ${count}`, alignment: 'right', fontSize: 8, color: PALETTE.muted },
        ],
      };
    },
    // A heading at the very foot of a page goes over with what it heads.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    content: data.blocks.map(block) as never,
  };
  return { doc, pages: () => pageCount };
}
