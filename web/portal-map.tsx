import { createRoot } from 'react-dom/client';
import { canDrawMaps } from './modules/resources/map/map-frame';
import MaplibreView from './modules/resources/map/maplibre-view';
import type { BoundaryCollection, MapPoint, MapTiles } from './modules/resources/map/types';

/*
 * The public map page's only script (/t/{団体コード}/map). The page already shows a drawn map and
 * the full list without it; when the browser can draw WebGL, this swaps the drawing for MapLibre
 * (pan, zoom, clustering, popups). The same map component as the staff workspace.
 */

interface PortalMapData {
  tenant: string;
  points: MapPoint[];
  boundaries: BoundaryCollection;
  tiles: MapTiles | null;
}

const holder = document.getElementById('map');
const dataTag = document.getElementById('map-data');
if (holder && dataTag && canDrawMaps()) {
  const data = JSON.parse(dataTag.textContent ?? '{}') as PortalMapData;
  holder.hidden = false;
  holder.removeAttribute('aria-hidden');
  document.getElementById('map-static')?.setAttribute('hidden', '');
  createRoot(holder).render(
    <MaplibreView
      label="地域の助け合いの地図（同じ内容を下の一覧でも読めます）"
      tiles={data.tiles}
      boundaries={data.boundaries}
      points={data.points}
      hrefOf={(id) => `/t/${data.tenant}/r/${id}`}
      size="large"
    />,
  );
}
