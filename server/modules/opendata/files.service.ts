import type { PublicResource } from '../../../contracts/portal';
import { toExcelCsv } from '../../../domain/csv-write';
import { EVENT_COLUMNS, eventRows, FACILITY_COLUMNS, facilityRows } from '../../../domain/opendata-csv';
import type { PublicTenant } from '../resources';

/*
 * The 自治体標準オープンデータセット files and the GeoJSON, built from `PublicResource` only (it has
 * no field for notes or private phones, so nothing private can reach a file).
 */

export interface FileContext {
  tenant: PublicTenant;
  /** Absolute URL of a resource's public page. */
  pageUrl: (id: string) => string;
}

export function eventsCsv(
  resources: readonly PublicResource[],
  f: FileContext,
): { text: string; rows: number } {
  const rows = eventRows(f.tenant, resources, f.pageUrl);
  return { text: toExcelCsv([[...EVENT_COLUMNS], ...rows]), rows: rows.length };
}

export function facilitiesCsv(
  resources: readonly PublicResource[],
  f: FileContext,
): { text: string; rows: number } {
  const rows = facilityRows(f.tenant, resources, f.pageUrl);
  return { text: toExcelCsv([[...FACILITY_COLUMNS], ...rows]), rows: rows.length };
}

const hasPoint = (r: PublicResource) => r.location?.latitude != null && r.location?.longitude != null;

/**
 * GeoJSON (RFC 7946) of the resources that have a point: what a map needs to draw them and say what
 * they are. Coordinates are [経度, 緯度] in WGS84, as the RFC requires.
 */
export function resourcesGeojson(
  resources: readonly PublicResource[],
  f: FileContext & { licence: string; homepage: string },
): { json: Record<string, unknown>; rows: number } {
  const features = resources.filter(hasPoint).map((r) => ({
    type: 'Feature',
    id: r.id,
    geometry: { type: 'Point', coordinates: [r.location!.longitude!, r.location!.latitude!] },
    properties: {
      name: r.name,
      kana: r.kana,
      status: r.status,
      categories: r.categories.map((c) => c.name),
      category_codes: r.categories.map((c) => c.code),
      place: r.location!.name,
      address: r.location!.address,
      schedules: r.schedules.map((s) => s.description),
      next_dates: r.schedules
        .flatMap((s) => s.nextDates)
        .sort()
        .slice(0, 5),
      fee: r.feeText,
      free: r.free,
      phone: r.phones[0]?.number ?? '',
      phone_description: r.phones[0]?.description ?? '',
      organization: r.organizationName ?? '',
      url: f.pageUrl(r.id),
      updated: r.updatedAt,
    },
  }));
  return {
    json: {
      type: 'FeatureCollection',
      // Foreign members (RFC 7946 §6.1): who publishes it and under which licence.
      name: `${f.tenant.prefecture}${f.tenant.name}の地域資源`,
      license: f.licence,
      source: f.homepage,
      features,
    },
    rows: features.length,
  };
}

/** How many rows each file has, without writing the files (for the downloads page). */
export function fileCounts(resources: readonly PublicResource[], f: FileContext) {
  return {
    events: eventRows(f.tenant, resources, f.pageUrl).length,
    facilities: resources.filter((r) => r.location !== null).length,
    geojson: resources.filter(hasPoint).length,
    services: resources.length,
  };
}
