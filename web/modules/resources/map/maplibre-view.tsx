import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { type BoundaryCollection, boundsOf, labelPoint, type MapCanvasProps, type MapPoint } from './types';

/*
 * The only module that loads MapLibre GL (lazily, through MapFrame). Offline towns (no tiles) get a
 * plain background with the area boundaries; text is never drawn by the map itself (that would need
 * glyph files from outside), so counts and area names are HTML markers.
 */

maplibregl.setWorkerUrl(workerUrl);

const JAPANESE_UI = {
  'Map.Title': '地図',
  'Marker.Title': '地図の印',
  'NavigationControl.ZoomIn': '拡大',
  'NavigationControl.ZoomOut': '縮小',
  'NavigationControl.ResetBearing': '北を上にする',
  'Popup.Close': '閉じる',
  'AttributionControl.ToggleAttribution': '出典',
  'CooperativeGesturesHandler.WindowsHelpText': 'Ctrl キーを押しながらスクロールすると拡大・縮小します',
  'CooperativeGesturesHandler.MacHelpText': '⌘ キーを押しながらスクロールすると拡大・縮小します',
  'CooperativeGesturesHandler.MobileHelpText': '2本の指で地図を動かします',
};

const BACKGROUND = '#eef3f1';

function baseStyle(tiles: MapCanvasProps['tiles']): maplibregl.StyleSpecification {
  return {
    version: 8,
    sources: tiles
      ? {
          base: {
            type: 'raster',
            tiles: [tiles.url],
            tileSize: 256,
            maxzoom: tiles.maxZoom,
            // The credit is shown under the map as the provider requires (see MapFrame).
          },
        }
      : {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } },
      ...(tiles ? [{ id: 'base', type: 'raster' as const, source: 'base' }] : []),
    ],
  };
}

function pointsCollection(points: readonly MapPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      id: undefined,
      properties: { id: p.id, name: p.name, color: p.color, category: p.categoryLabel, stale: p.stale },
      geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
    })),
  };
}

function addBoundaries(map: maplibregl.Map, boundaries: BoundaryCollection | null) {
  const data = (boundaries ?? { type: 'FeatureCollection', features: [] }) as FeatureCollection;
  const source = map.getSource('areas') as maplibregl.GeoJSONSource | undefined;
  if (source) {
    source.setData(data);
    return;
  }
  map.addSource('areas', { type: 'geojson', data });
  map.addLayer({
    id: 'areas-fill',
    type: 'fill',
    source: 'areas',
    filter: ['==', ['get', 'layer'], 3],
    paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.45 },
  });
  map.addLayer({
    id: 'areas-line-3',
    type: 'line',
    source: 'areas',
    filter: ['==', ['get', 'layer'], 3],
    paint: { 'line-color': '#6b747c', 'line-width': 1, 'line-dasharray': [3, 2] },
  });
  map.addLayer({
    id: 'areas-line-12',
    type: 'line',
    source: 'areas',
    filter: ['<', ['get', 'layer'], 3],
    paint: {
      'line-color': '#1d5c4d',
      'line-width': ['match', ['get', 'layer'], 1, 3.5, 2.5],
    },
  });
}

export default function MaplibreView({
  label,
  tiles,
  boundaries,
  points,
  hrefOf,
  onOpen,
  marker,
  onPick,
  size = 'large',
}: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const readyRef = useRef(false);
  const fittedRef = useRef(false);
  const pinRef = useRef<maplibregl.Marker | null>(null);
  const areaLabelsRef = useRef<maplibregl.Marker[]>([]);
  // Handlers change on every render; the map keeps calling the latest ones.
  const handlers = useRef({ onOpen, onPick, hrefOf });
  handlers.current = { onOpen, onPick, hrefOf };
  const latest = useRef({ boundaries, points, marker });
  latest.current = { boundaries, points, marker };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once; data effects below update it
  useEffect(() => {
    if (!container.current) return;
    const map = new maplibregl.Map({
      container: container.current,
      style: baseStyle(tiles),
      center: [138.5, 37.5],
      zoom: 4,
      maxZoom: tiles?.maxZoom ?? 18,
      attributionControl: false,
      locale: { ...JAPANESE_UI, 'Map.Title': label },
      cooperativeGestures: size === 'small',
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
    });
    mapRef.current = map;
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.touchZoomRotate.disableRotation();

    const clusterCounts = new Map<number, maplibregl.Marker>();

    map.on('load', () => {
      readyRef.current = true;
      const { boundaries: b, points: p, marker: m } = latest.current;
      addBoundaries(map, b ?? null);
      drawAreaLabels(map, b ?? null, areaLabelsRef);
      if (p) {
        map.addSource('resources', {
          type: 'geojson',
          data: pointsCollection(p),
          cluster: true,
          clusterRadius: 28,
          clusterMaxZoom: 15,
        });
        map.addLayer({
          id: 'clusters',
          type: 'circle',
          source: 'resources',
          filter: ['has', 'point_count'],
          paint: {
            'circle-color': '#123d33',
            'circle-opacity': 0.88,
            'circle-radius': ['step', ['get', 'point_count'], 15, 10, 19, 30, 24],
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 2,
          },
        });
        map.addLayer({
          id: 'points',
          type: 'circle',
          source: 'resources',
          filter: ['!', ['has', 'point_count']],
          paint: {
            'circle-color': ['get', 'color'],
            'circle-radius': 8,
            'circle-stroke-color': ['case', ['get', 'stale'], '#1b1f23', '#ffffff'],
            'circle-stroke-width': ['case', ['get', 'stale'], 3, 2],
          },
        });
        map.on('click', 'clusters', async (e) => {
          const f = e.features?.[0];
          if (!f) return;
          const source = map.getSource('resources') as maplibregl.GeoJSONSource;
          const zoom = await source.getClusterExpansionZoom(f.properties.cluster_id as number);
          map.easeTo({ center: (f.geometry as Point).coordinates as [number, number], zoom });
        });
        map.on('click', 'points', (e) => {
          const f = e.features?.[0];
          if (!f) return;
          new maplibregl.Popup({ maxWidth: '260px', offset: 10 })
            .setLngLat((f.geometry as Point).coordinates as [number, number])
            .setDOMContent(popupContent(f.properties as Record<string, unknown>))
            .addTo(map);
        });
        for (const layer of ['clusters', 'points']) {
          map.on('mouseenter', layer, () => {
            map.getCanvas().style.cursor = 'pointer';
          });
          map.on('mouseleave', layer, () => {
            map.getCanvas().style.cursor = '';
          });
        }
        // Counts on clusters as HTML (a symbol layer would need glyphs from outside).
        map.on('render', () => {
          if (!map.getSource('resources') || !map.isSourceLoaded('resources')) return;
          const seen = new Set<number>();
          for (const f of map.querySourceFeatures('resources')) {
            const props = f.properties as { cluster?: boolean; cluster_id?: number; point_count?: number };
            if (!props.cluster || props.cluster_id === undefined) continue;
            if (seen.has(props.cluster_id)) continue;
            seen.add(props.cluster_id);
            if (!clusterCounts.has(props.cluster_id)) {
              const el = document.createElement('div');
              el.className = 'map-cluster-count';
              el.setAttribute('aria-hidden', 'true');
              el.textContent = String(props.point_count ?? '');
              clusterCounts.set(
                props.cluster_id,
                new maplibregl.Marker({ element: el })
                  .setLngLat((f.geometry as Point).coordinates as [number, number])
                  .addTo(map),
              );
            }
          }
          for (const [id, m] of clusterCounts) {
            if (!seen.has(id)) {
              m.remove();
              clusterCounts.delete(id);
            }
          }
        });
      }
      placePin(map, m ?? null, pinRef);
      fitView(map, b ?? null, p ?? [], m ?? null);
      container.current?.classList.toggle('map--labels', map.getZoom() >= 11);
      fittedRef.current = true;
    });

    // Until someone moves the map, it keeps showing the whole town when its box changes size
    // (a phone turned sideways, the menu opening).
    let moved = false;
    const byUser = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent) moved = true;
    };
    map.on('dragstart', byUser);
    map.on('zoomstart', byUser);
    map.on('resize', () => {
      const { boundaries: b, points: p, marker: m } = latest.current;
      if (!moved && readyRef.current) fitView(map, b ?? null, p ?? [], m ?? null);
    });

    map.on('zoom', () => {
      container.current?.classList.toggle('map--labels', map.getZoom() >= 11);
    });

    map.on('click', (e) => {
      const pick = handlers.current.onPick;
      if (!pick) return;
      pick(Number(e.lngLat.lat.toFixed(6)), Number(e.lngLat.lng.toFixed(6)));
    });

    function popupContent(props: Record<string, unknown>): HTMLElement {
      const root = document.createElement('div');
      root.className = 'map-popup';
      const name = document.createElement('strong');
      name.textContent = String(props.name ?? '');
      const cat = document.createElement('span');
      cat.className = 'map-popup__category';
      cat.textContent = String(props.category ?? '');
      const id = String(props.id ?? '');
      const link = document.createElement('a');
      link.className = 'map-popup__link';
      link.href = handlers.current.hrefOf?.(id) ?? '#';
      link.textContent = '詳しく見る';
      link.addEventListener('click', (e) => {
        if (handlers.current.onOpen && !e.metaKey && !e.ctrlKey && !e.shiftKey) {
          e.preventDefault();
          handlers.current.onOpen(id);
        }
      });
      root.append(name, cat, link);
      if (props.stale) {
        const stale = document.createElement('span');
        stale.className = 'map-popup__stale';
        stale.textContent = '確認期限切れ';
        root.append(stale);
      }
      return root;
    }

    return () => {
      readyRef.current = false;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Data changes after the first load.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !readyRef.current) return;
    addBoundaries(map, boundaries);
    drawAreaLabels(map, boundaries, areaLabelsRef);
  }, [boundaries]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !readyRef.current || !points) return;
    (map.getSource('resources') as maplibregl.GeoJSONSource | undefined)?.setData(pointsCollection(points));
  }, [points]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !readyRef.current) return;
    placePin(map, marker ?? null, pinRef);
    // A place typed into the fields comes into view; a click on the map leaves the view where it is.
    if (marker && !map.getBounds().contains([marker.longitude, marker.latitude]))
      map.easeTo({ center: [marker.longitude, marker.latitude] });
    else if (marker && !handlers.current.onPick) map.jumpTo({ center: [marker.longitude, marker.latitude] });
  }, [marker]);

  return <div ref={container} className={`map-canvas map-canvas--${size}`} />;
}

function fitView(
  map: maplibregl.Map,
  boundaries: BoundaryCollection | null,
  points: readonly MapPoint[],
  marker: { latitude: number; longitude: number } | null,
) {
  if (marker) {
    // Offline, the area lines are the only landmarks: stay far enough out to see them.
    map.jumpTo({ center: [marker.longitude, marker.latitude], zoom: map.getSource('base') ? 15 : 11.6 });
    return;
  }
  const b = boundsOf(boundaries, points);
  if (b) map.fitBounds(b, { padding: 24, animate: false, maxZoom: 16 });
}

function placePin(
  map: maplibregl.Map,
  marker: { latitude: number; longitude: number } | null,
  ref: { current: maplibregl.Marker | null },
) {
  if (!marker) {
    ref.current?.remove();
    ref.current = null;
    return;
  }
  if (!ref.current) {
    // MapLibre positions the marker with its own transform, so the rotated pin is an inner element.
    const el = document.createElement('div');
    el.className = 'map-pin';
    el.setAttribute('aria-hidden', 'true');
    el.append(document.createElement('span'));
    ref.current = new maplibregl.Marker({ element: el, anchor: 'bottom' });
    ref.current.setLngLat([marker.longitude, marker.latitude]).addTo(map);
  } else {
    ref.current.setLngLat([marker.longitude, marker.latitude]);
  }
}

/** Names of the 地区 (the finest areas drawn) at their middle, shown once the map is close enough. */
function drawAreaLabels(
  map: maplibregl.Map,
  boundaries: BoundaryCollection | null,
  ref: { current: maplibregl.Marker[] },
) {
  for (const m of ref.current) m.remove();
  ref.current = [];
  const features = boundaries?.features ?? [];
  const finest = Math.max(0, ...features.map((f) => f.properties.layer));
  for (const f of features) {
    if (f.properties.layer !== finest) continue;
    const at = labelPoint(f.geometry);
    if (!at) continue;
    const el = document.createElement('div');
    el.className = 'map-area-label';
    el.setAttribute('aria-hidden', 'true');
    el.textContent = f.properties.name;
    ref.current.push(
      new maplibregl.Marker({ element: el, anchor: 'top', offset: [0, 4] }).setLngLat(at).addTo(map),
    );
  }
}
