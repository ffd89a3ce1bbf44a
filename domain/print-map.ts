// A small map for paper, drawn as SVG: the area's boundary and its places as markers. No tiles and
// no network: printed matter is made offline, and a boundary with dots is what the わがまち
// こんなとこシート needs. Markers differ by shape as well as colour, so that the map still reads on
// a black-and-white copier.

import type { Boundary, Position } from './geojson';
import { fitProjection } from './small-map';

export const MARKER_SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

export interface MapPoint {
  latitude: number;
  longitude: number;
  color: string;
  shape: MarkerShape;
}

function rings(b: Boundary): Position[][] {
  return b.type === 'Polygon' ? b.coordinates : b.coordinates.flat();
}

/** Whether a point lies inside the boundary (even-odd rule over every ring, so holes are holes). */
export function insideBoundary(b: Boundary, lon: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings(b)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance in metres between two points (haversine); enough for a scale bar. */
function metres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = 6_371_000;
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

export function markerSvg(shape: MarkerShape, color: string, x: number, y: number, r: number): string {
  const style = `fill="${color}" stroke="#ffffff" stroke-width="${(r / 3).toFixed(2)}"`;
  const f = (n: number) => n.toFixed(2);
  switch (shape) {
    case 'circle':
      return `<circle cx="${f(x)}" cy="${f(y)}" r="${f(r)}" ${style}/>`;
    case 'square':
      return `<rect x="${f(x - r)}" y="${f(y - r)}" width="${f(2 * r)}" height="${f(2 * r)}" ${style}/>`;
    case 'triangle':
      return `<polygon points="${f(x)},${f(y - r * 1.2)} ${f(x + r * 1.1)},${f(y + r * 0.8)} ${f(x - r * 1.1)},${f(y + r * 0.8)}" ${style}/>`;
    case 'diamond':
      return `<polygon points="${f(x)},${f(y - r * 1.25)} ${f(x + r * 1.25)},${f(y)} ${f(x)},${f(y + r * 1.25)} ${f(x - r * 1.25)},${f(y)}" ${style}/>`;
  }
}

export interface AreaMap {
  svg: string;
  /** Length of the scale bar in metres, and its width on the map. */
  scale: { metres: number; width: number } | null;
}

/** Height for a map `width` wide that shows the boundary without wasted space (within limits). */
export function mapHeightFor(boundary: Boundary | null, width: number, min: number, max: number): number {
  // The frame around the drawing: side padding 10 + 10, top 24 and bottom 18 (see areaMapSvg).
  if (!boundary) return max;
  const coords = rings(boundary).flat();
  const lons = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = (Math.max(...lons) - Math.min(...lons)) * k;
  const spanY = north - south;
  if (spanX <= 0) return max;
  return Math.round(Math.min(max, Math.max(min, (width - 20) * (spanY / spanX) + 42)));
}

/**
 * The boundary and the points inside a width × height box (points outside the boundary's frame
 * are left out). Longitude is shrunk by cos(latitude) so that the shape is not stretched.
 */
export function areaMapSvg(o: {
  boundary: Boundary | null;
  /** Areas inside it (地区 of a 圏域), drawn as thin lines. */
  inner?: readonly Boundary[];
  points: readonly MapPoint[];
  width: number;
  height: number;
}): AreaMap {
  // Room at the top for the north arrow and at the bottom for the scale bar.
  const pad = 10;
  const padTop = 24;
  const padBottom = 18;
  const coords: Position[] = o.boundary
    ? rings(o.boundary).flat()
    : o.points.map((p) => [p.longitude, p.latitude] as Position);
  const frame = `<rect x="0.5" y="0.5" width="${o.width - 1}" height="${o.height - 1}" fill="#ffffff" stroke="#9aa3ab" stroke-width="1"/>`;
  if (coords.length === 0) return { svg: svgDoc(o.width, o.height, frame), scale: null };
  // A single place (or places in a line) still gets a frame of about a kilometre.
  const fit = fitProjection(
    coords,
    { width: o.width, height: o.height, top: padTop, right: pad, bottom: padBottom, left: pad },
    0.01,
  );
  const { x, y, unit, k, west, south, east, north } = fit;

  const parts = [frame];
  if (o.boundary) {
    const d = rings(o.boundary)
      .map((ring) => `M${ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`)
      .join(' ');
    parts.push(
      `<path d="${d}" fill="#eef3f7" stroke="#2f4858" stroke-width="1.6" fill-rule="evenodd" stroke-linejoin="round"/>`,
    );
  }
  for (const b of o.inner ?? []) {
    const d = rings(b)
      .map((ring) => `M${ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join('L')}Z`)
      .join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="#7d8a96" stroke-width="0.6" stroke-dasharray="2 2"/>`);
  }
  const r = Math.max(2.6, Math.min(4.5, Math.min(o.width, o.height) / 60));
  for (const p of o.points) {
    if (p.longitude < west || p.longitude > east || p.latitude < south || p.latitude > north) continue;
    parts.push(markerSvg(p.shape, p.color, x(p.longitude), y(p.latitude), r));
  }
  // North arrow in the top right corner (a plain triangle; north is up).
  const ax = o.width - 14;
  parts.push(`<polygon points="${ax},4 ${ax + 5},16 ${ax},13 ${ax - 5},16" fill="#2f4858"/>`);

  // A scale bar of a round length, about a quarter of the width.
  const midLat = (south + north) / 2;
  const widthMetres = metres(midLat, west, midLat, west + (o.width - 2 * pad) / (k * unit));
  const target = widthMetres / 4;
  const nice = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000].find((m) => m >= target) ?? 50000;
  const barWidth = (nice / widthMetres) * (o.width - 2 * pad);
  const by = o.height - 7;
  parts.push(
    `<path d="M${pad},${by - 4}L${pad},${by}L${(pad + barWidth).toFixed(1)},${by}L${(pad + barWidth).toFixed(1)},${by - 4}" fill="none" stroke="#2f4858" stroke-width="1.4"/>`,
  );
  return { svg: svgDoc(o.width, o.height, parts.join('')), scale: { metres: nice, width: barWidth } };
}

function svgDoc(w: number, h: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
}
