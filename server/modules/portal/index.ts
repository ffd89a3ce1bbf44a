/** 見える化 for residents: the public portal under /t/{団体コード} (server-rendered, no script needed). */
export { directoryFor, PortalNotFound, portalError, publicBase } from './context';
export { type Html, html, notFoundPage, page, portalUrl, raw } from './layout';
export { portalRoutes } from './portal.routes';
