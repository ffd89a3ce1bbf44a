import type { BookletData } from './booklet.data';
import { bookletDocument } from './booklet.pdf';
import type { CalendarData } from './calendar.pdf';
import { calendarDocument } from './calendar.pdf';
import { type DocumentPdfData, documentDocument } from './document.pdf';
import { type MatrixPdfData, matrixDocument } from './matrix.pdf';
import { renderPdf } from './pdf';
import { type ReportPdfData, reportDocument } from './report.pdf';
import type { SheetData } from './sheet.pdf';
import { sheetDocument } from './sheet.pdf';

/*
 * One printed item from its prepared data to PDF bytes. Runs in a PDF worker thread (pool.ts), and
 * directly in tests and the bench baseline. Everything a task carries is plain data, because it is
 * copied to the worker.
 */

export type PrintTask =
  | { kind: 'booklet'; data: BookletData }
  | { kind: 'calendar'; data: CalendarData }
  | { kind: 'sheet'; data: SheetData }
  | { kind: 'matrix'; data: MatrixPdfData }
  | { kind: 'report'; data: ReportPdfData }
  | { kind: 'document'; data: DocumentPdfData };

/** Entries placed on pages (layout), then entries drawn into the file (render), out of `total`. */
export interface RenderProgress {
  phase: 'layout' | 'render';
  done: number;
  total: number;
}

export interface Rendered {
  pdf: Uint8Array;
  pages: number;
}

export async function renderTask(
  task: PrintTask,
  onProgress: (p: RenderProgress) => void = () => {},
): Promise<Rendered> {
  if (task.kind === 'booklet') {
    const total = task.data.total;
    let last = '';
    const report = (phase: RenderProgress['phase'], done: number) => {
      const key = `${phase}:${done}`;
      if (key === last) return;
      last = key;
      onProgress({ phase, done, total });
    };
    const booklet = bookletDocument(task.data, (laid) => report('layout', laid));
    // Drawing goes page by page, and entries sit on pages in order, so the share of the drawing
    // done is also about the share of entries written.
    const pdf = await renderPdf(booklet.doc, (f) => report('render', Math.min(total, Math.round(f * total))));
    return { pdf: new Uint8Array(pdf), pages: booklet.pages() };
  }
  const built =
    task.kind === 'calendar'
      ? calendarDocument(task.data)
      : task.kind === 'matrix'
        ? matrixDocument(task.data)
        : task.kind === 'report'
          ? reportDocument(task.data)
          : task.kind === 'document'
            ? documentDocument(task.data)
            : sheetDocument(task.data);
  const pdf = await renderPdf(built.doc);
  return { pdf: new Uint8Array(pdf), pages: built.pages() };
}
