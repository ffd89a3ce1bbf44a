import type { MatrixPdfData } from './matrix.pdf';
import { PdfPool } from './pool';
import type { PrintTask } from './render';
import type { ReportPdfData } from './report.pdf';

/*
 * Printed tables other modules ask for (the needs-against-resources table for a meeting). They run
 * in a worker of their own, so that a meeting pack never waits behind a 100-page booklet.
 */

let pool: PdfPool | undefined;

async function print(task: PrintTask): Promise<Uint8Array> {
  pool ??= new PdfPool(1);
  return (await pool.run(task)).pdf;
}

export const printNeedsMatrix = (data: MatrixPdfData) => print({ kind: 'matrix', data });
export const printReport = (data: ReportPdfData) => print({ kind: 'report', data });
