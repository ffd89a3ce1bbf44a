import { portalUrl } from '../portal';

/** The module's URLs (relative to the site), in one place so that the page, feeds and tests agree. */
export function opendataUrl(tenant: string) {
  const base = `/t/${tenant}`;
  return {
    downloads: portalUrl.downloads(tenant),
    eventsCsv: `${base}/downloads/events.csv`,
    facilitiesCsv: `${base}/downloads/facilities.csv`,
    geojson: `${base}/downloads/resources.geojson`,
    hsdsZip: `${base}/downloads/hsds.zip`,
    resourceFeed: (id: string) => portalUrl.resourceFeed(tenant, id),
    areaFeed: (id: string) => `${base}/calendar/areas/${id}.ics`,
    categoryFeed: (code: string) => `${base}/calendar/categories/${encodeURIComponent(code)}.ics`,
  };
}
