/** Printed matter: 生活便利帳 (booklet PDF), monthly calendars, わがまちこんなとこシート, meeting tables and papers. */
export type { DocumentBlock, DocumentPdfData } from './document.pdf';
export type { MatrixPdfData } from './matrix.pdf';
export { printRoutes } from './print.routes';
export { printDocument, printNeedsMatrix, printReport } from './tables.pdf';
