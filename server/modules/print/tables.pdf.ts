import type { DocumentPdfData } from './document.pdf';
import type { MatrixPdfData } from './matrix.pdf';
import { PdfPool } from './pool';
import type { PrintTask } from './render';
import type { ReportPdfData } from './report.pdf';

/*
 * Printed tables and papers other modules ask for (the needs-against-resources table, a meeting's
 * 次第 and 議事録, an SC activity report, a 成果報告会 pack). They run in a worker of their own, so
 * that a meeting pack never waits behind a 100-page booklet.
 */

let pool: PdfPool | undefined;

async function print(task: PrintTask): Promise<Uint8Array> {
  pool ??= new PdfPool(1);
  return (await pool.run(task)).pdf;
}

export const printNeedsMatrix = (data: MatrixPdfData) => print({ kind: 'matrix', data });
export const printReport = (data: ReportPdfData) => print({ kind: 'report', data });
export const printDocument = (data: DocumentPdfData) => print({ kind: 'document', data });
