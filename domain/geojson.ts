import { normalizeText } from './text';

export type Position = [number, number];
export type Boundary =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export type BoundaryResult =
  | { ok: true; boundary: Boundary; featureCount: number }
  | { ok: false; message: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Japan, generously: 沖ノ鳥島 to 択捉島, 与那国島 to 南鳥島. */
const inJapan = ([lon, lat]: Position) => lon >= 122 && lon <= 154 && lat >= 20 && lat <= 46;

function readRing(ring: unknown): Position[] | string {
  if (!Array.isArray(ring) || ring.length < 4) return '多角形の頂点が足りません。';
  const out: Position[] = [];
  for (const p of ring) {
    if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number')
      return '座標が数値ではありません。';
    const pos: Position = [p[0], p[1]];
    if (!inJapan(pos)) {
      return inJapan([pos[1], pos[0]])
        ? '座標の緯度と経度が逆になっているようです（GeoJSON は経度、緯度の順です）。'
        : '座標が日本の範囲外です。';
    }
    out.push(pos);
  }
  return out;
}

function readPolygon(coords: unknown): Position[][] | string {
  if (!Array.isArray(coords) || coords.length === 0) return '多角形の座標がありません。';
  const rings: Position[][] = [];
  for (const ring of coords) {
    const r = readRing(ring);
    if (typeof r === 'string') return r;
    rings.push(r);
  }
  return rings;
}

/** Polygons of a geometry, or a Japanese reason why it cannot be a boundary. */
function polygonsOf(geometry: unknown): Position[][][] | string {
  if (!isObject(geometry)) return 'ジオメトリがありません。';
  if (geometry.type === 'Polygon') {
    const p = readPolygon(geometry.coordinates);
    return typeof p === 'string' ? p : [p];
  }
  if (geometry.type === 'MultiPolygon' && Array.isArray(geometry.coordinates)) {
    const out: Position[][][] = [];
    for (const c of geometry.coordinates) {
      const p = readPolygon(c);
      if (typeof p === 'string') return p;
      out.push(p);
    }
    return out;
  }
  return `境界には面（Polygon / MultiPolygon）が必要です（このデータは ${String(geometry.type)}）。`;
}

function featureMatches(props: unknown, match: { names: string[]; localGovCode5?: string }): boolean {
  if (!isObject(props)) return false;
  // 国土数値情報 N03: N03_007 is the 5-digit municipality code.
  if (match.localGovCode5 && props.N03_007 === match.localGovCode5) return true;
  const names = new Set(match.names.map((n) => normalizeText(n)));
  return Object.values(props).some((v) => typeof v === 'string' && names.has(normalizeText(v)));
}

/**
 * Reads an area boundary from whatever GeoJSON a municipality has: a bare geometry, a Feature, or
 * a FeatureCollection from which the features naming the area (or carrying its code) are taken.
 * Several matching features (islands) become one MultiPolygon.
 */
export function extractBoundary(
  input: unknown,
  match: { names: string[]; localGovCode5?: string },
): BoundaryResult {
  if (!isObject(input)) return { ok: false, message: 'GeoJSON として読めませんでした。' };
  let geometries: unknown[];
  if (input.type === 'FeatureCollection') {
    const features = Array.isArray(input.features) ? input.features.filter(isObject) : [];
    if (features.length === 0) return { ok: false, message: '地物（Feature）が1件もありません。' };
    const chosen =
      features.length === 1 ? features : features.filter((f) => featureMatches(f.properties, match));
    if (chosen.length === 0) {
      return {
        ok: false,
        message: `${features.length}件の地物の中に「${match.names[0] ?? ''}」に当たるものが見つかりません。`,
      };
    }
    geometries = chosen.map((f) => f.geometry);
  } else if (input.type === 'Feature') {
    geometries = [input.geometry];
  } else {
    geometries = [input];
  }
  const polygons: Position[][][] = [];
  for (const g of geometries) {
    const p = polygonsOf(g);
    if (typeof p === 'string') return { ok: false, message: p };
    polygons.push(...p);
  }
  const boundary: Boundary =
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  return { ok: true, boundary, featureCount: geometries.length };
}
