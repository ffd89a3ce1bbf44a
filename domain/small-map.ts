/*
 * A small map drawn as SVG from GeoJSON: area outlines and points, no tiles. It works without
 * JavaScript and without the internet (offices on LGWAN), prints, and can go into a PDF.
 */

export interface SmallMapArea {
  geometry: { type: string; coordinates: unknown };
  /** Drawn stronger (the area a page is about). */
  emphasis?: boolean;
}

export interface SmallMapPoint {
  latitude: number;
  longitude: number;
  color: string;
  /** The main point is drawn larger, as a pin. */
  main?: boolean;
}

export interface SmallMapOptions {
  areas: readonly SmallMapArea[];
  points: readonly SmallMapPoint[];
  width: number;
  height: number;
  /** Accessible description; when absent the map is decorative. */
  label?: string;
}

type Ring = [number, number][];

function rings(geometry: SmallMapArea['geometry']): Ring[] {
  const c = geometry.coordinates as unknown;
  if (geometry.type === 'Polygon') return c as Ring[];
  if (geometry.type === 'MultiPolygon') return (c as Ring[][]).flat();
  return [];
}

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/**
 * Fits everything into the box (equirectangular, x scaled by cos(latitude) so shapes keep their
 * proportions at Japan's latitudes) with a margin. Empty input gives an empty, labelled box.
 */
export function smallMapSvg(o: SmallMapOptions): string {
  const all: [number, number][] = [
    ...o.areas.flatMap((a) => rings(a.geometry).flat()),
    ...o.points.map((p) => [p.longitude, p.latitude] as [number, number]),
  ].filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const label = o.label
    ? `role="img" aria-label="${escapeXml(o.label)}"`
    : 'aria-hidden="true" focusable="false"';
  const open = `<svg xmlns="http://www.w3.org/2000/svg" class="map-small" width="${o.width}" height="${o.height}" viewBox="0 0 ${o.width} ${o.height}" ${label}><rect width="100%" height="100%" fill="#eef3f1"/>`;
  if (all.length === 0) return `${open}</svg>`;
  // A lone point (no area) still gets some surroundings: about 500 m each way.
  const fit = fitProjection(
    all,
    { width: o.width, height: o.height, top: 12, right: 12, bottom: 12, left: 12 },
    0.01,
  );
  const px = (lon: number) => +fit.x(lon).toFixed(1);
  const py = (lat: number) => +fit.y(lat).toFixed(1);

  const shapes = o.areas
    .map((a) => {
      const d = rings(a.geometry)
        .map((ring) => `M${ring.map(([x, y]) => `${px(x)},${py(y)}`).join('L')}Z`)
        .join('');
      return a.emphasis
        ? `<path d="${d}" fill="#d9ebe4" stroke="#1d5c4d" stroke-width="3"/>`
        : `<path d="${d}" fill="none" stroke="#6b747c" stroke-width="1.5" stroke-dasharray="4 3"/>`;
    })
    .join('');
  const dots = [...o.points]
    .sort((a, b) => Number(a.main ?? false) - Number(b.main ?? false))
    .map((p) => {
      const x = px(p.longitude);
      const y = py(p.latitude);
      return p.main
        ? `<path d="M${x},${y}l-9,-16a10,10 0 1,1 18,0z" fill="${p.color}" stroke="#fff" stroke-width="2"/><circle cx="${x}" cy="${y - 20}" r="4" fill="#fff"/>`
        : `<circle cx="${x}" cy="${y}" r="5" fill="${p.color}" stroke="#fff" stroke-width="1.5"/>`;
    })
    .join('');
  return `${open}${shapes}${dots}</svg>`;
}

export interface Frame {
  width: number;
  height: number;
  /** Room kept free on each side (a north arrow, a scale bar). */
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * Fits longitude/latitude pairs into a frame, centred: equirectangular with longitude shrunk by
 * cos(latitude) so that shapes keep their proportions at Japan's latitudes. A span smaller than
 * `minSpan` degrees (one place, or places in a line) is widened to it around its middle.
 */
export function fitProjection(coords: readonly (readonly [number, number])[], f: Frame, minSpan: number) {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of coords) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  if (east - west < minSpan)
    [west, east] = [(west + east) / 2 - minSpan / 2, (west + east) / 2 + minSpan / 2];
  if (north - south < minSpan)
    [south, north] = [(south + north) / 2 - minSpan / 2, (south + north) / 2 + minSpan / 2];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = (east - west) * k;
  const spanY = north - south;
  const innerW = f.width - f.left - f.right;
  const innerH = f.height - f.top - f.bottom;
  const unit = Math.min(innerW / spanX, innerH / spanY);
  const offX = f.left + (innerW - spanX * unit) / 2;
  const offY = f.top + (innerH - spanY * unit) / 2;
  return {
    x: (lon: number) => offX + (lon - west) * k * unit,
    y: (lat: number) => offY + (north - lat) * unit,
    /** Map units per degree of latitude (≈ 111 km) and the longitude shrink, for a scale bar. */
    unit,
    k,
    /** The bounds drawn (after widening). */
    west,
    south,
    east,
    north,
  };
}
