/** What the map pieces share; kept apart from maplibre so that pages can use the types without loading it. */

export interface MapTiles {
  url: string;
  attribution: string;
  attributionUrl: string;
  maxZoom: number;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    properties: { name: string; layer: 1 | 2 | 3 };
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
  }[];
}

export interface MapPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Marker colour (the category's group colour). */
  color: string;
  /** The category's word, shown in the popup. */
  categoryLabel: string;
  stale: boolean;
}

export interface MapCanvasProps {
  /** Accessible name of the map region. */
  label: string;
  tiles: MapTiles | null;
  boundaries: BoundaryCollection | null;
  /** Resources as clustered circles; a click opens a popup with the name and a link. */
  points?: readonly MapPoint[];
  /** Builds the link of a point's popup. */
  hrefOf?: (id: string) => string;
  /** Follows a popup link inside the app (client-side navigation). */
  onOpen?: (id: string) => void;
  /** One place (detail page, form). */
  marker?: { latitude: number; longitude: number } | null;
  /** When set, a click on the map sets the place. */
  onPick?: (latitude: number, longitude: number) => void;
  /** Tall map for the list's map view, small for a place. */
  size?: 'large' | 'small';
}

/** [west, south, east, north] of everything given, or null. */
export function boundsOf(
  boundaries: BoundaryCollection | null,
  points: readonly { latitude: number; longitude: number }[],
): [number, number, number, number] | null {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const add = (lon: number, lat: number) => {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') add(c[0], c[1]);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  for (const f of boundaries?.features ?? []) walk(f.geometry.coordinates);
  if (west === Number.POSITIVE_INFINITY) for (const p of points) add(p.longitude, p.latitude);
  return west === Number.POSITIVE_INFINITY ? null : [west, south, east, north];
}

/** The middle of the top edge of a polygon's bounding box: where an area's name goes, clear of the markers. */
export function labelPoint(geometry: { coordinates: unknown[] }): [number, number] | null {
  const b = boundsOf(
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: '',
          properties: { name: '', layer: 3 },
          geometry: { type: 'Polygon', coordinates: geometry.coordinates },
        },
      ],
    },
    [],
  );
  return b ? [(b[0] + b[2]) / 2, b[3]] : null;
}
