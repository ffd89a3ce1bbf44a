/** Printed matter: 生活便利帳 (booklet PDF), monthly calendars, わがまちこんなとこシート, meeting tables. */
export type { MatrixPdfData } from './matrix.pdf';
export { printRoutes } from './print.routes';
export { printNeedsMatrix, printReport } from './tables.pdf';
