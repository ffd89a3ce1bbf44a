import type { MatrixPdfData } from './matrix.pdf';
import { PdfPool } from './pool';

/*
 * Printed tables other modules ask for (the needs-against-resources table for a meeting). They run
 * in a worker of their own, so that a meeting pack never waits behind a 100-page booklet.
 */

let pool: PdfPool | undefined;

export async function printNeedsMatrix(data: MatrixPdfData): Promise<Uint8Array> {
  pool ??= new PdfPool(1);
  const done = await pool.run({ kind: 'matrix', data });
  return done.pdf;
}
