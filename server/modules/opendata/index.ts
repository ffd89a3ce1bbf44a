/** Calendars (ICS feeds) and open data: 自治体標準オープンデータセット CSVs, GeoJSON, HSDS datapackage. */

export { buildEventsFeed, type DatedEvent } from './calendar.service';
export { opendataRoutes } from './opendata.routes';
