import './map.css';
import { Component, lazy, type ReactNode, Suspense, useState } from 'react';
import { useTenantScope } from '../../../lib/session';
import { Loading } from '../../../ui/status';
import { useAppConfig, useAreaBoundaries } from '../queries';
import type { MapCanvasProps } from './types';

/*
 * The small wrapper every page uses for a map. MapLibre is loaded only here, lazily, and only when
 * the browser can draw it (WebGL); otherwise — and in tests — the page shows a sentence instead and
 * works through its lists and fields. The map adds; it never gates.
 */

const MaplibreView = lazy(() => import('./maplibre-view'));

/** True when the browser can draw a WebGL map. */
export function canDrawMaps(): boolean {
  try {
    if (typeof document === 'undefined' || typeof WebGLRenderingContext === 'undefined') return false;
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

class MapErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

type FrameProps = Omit<MapCanvasProps, 'tiles' | 'boundaries'> & {
  /** What to say when no map can be drawn (the alternative that is always there). */
  fallback: ReactNode;
  /** A sentence under the map for everyone (what it shows, how to use it). */
  caption?: ReactNode;
};

export function MapFrame(props: FrameProps) {
  const [drawable] = useState(canDrawMaps);
  if (!drawable) return <p className="map-fallback">{props.fallback}</p>;
  return <DrawableMap {...props} />;
}

function DrawableMap({ fallback, caption, ...props }: FrameProps) {
  const scope = useTenantScope();
  const config = useAppConfig();
  const boundaries = useAreaBoundaries(scope.code);
  const tiles = config.data?.tiles ?? null;
  const ready = config.isSuccess && !boundaries.isPending;
  return (
    <figure className="map-frame">
      <MapErrorBoundary fallback={<p className="map-fallback">{fallback}</p>}>
        {ready ? (
          <Suspense fallback={<Loading label="地図を読み込んでいます…" />}>
            <MaplibreView {...props} tiles={tiles} boundaries={boundaries.data ?? null} />
          </Suspense>
        ) : (
          <Loading label="地図を読み込んでいます…" />
        )}
      </MapErrorBoundary>
      <figcaption className="map-caption">
        {caption}
        {config.isSuccess &&
          (tiles ? (
            <span className="map-credit">
              出典：
              {tiles.attributionUrl ? (
                <a href={tiles.attributionUrl} target="_blank" rel="noopener noreferrer">
                  {tiles.attribution}
                </a>
              ) : (
                tiles.attribution
              )}
            </span>
          ) : (
            <span className="map-credit">地図の背景は表示していません（オフライン）</span>
          ))}
      </figcaption>
    </figure>
  );
}
