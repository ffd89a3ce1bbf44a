/** Printed matter: 生活便利帳 (booklet PDF), monthly calendars, わがまちこんなとこシート. */
export { printRoutes } from './print.routes';
