import { useId } from 'react';
import type { areaBoundaries } from '../../../contracts/areas';
import type { EndpointOutput } from '../../../contracts/http';
import { fitProjection } from '../../../domain/small-map';
import { TableScroll } from '../../ui/table-scroll';
import {
  areaNeedsPer1000,
  classOf,
  countText,
  type MapMode,
  type Matrix,
  type MatrixArea,
  mapClasses,
  mapValue,
  rateText,
} from './matrix';

/*
 * The chosen layer's areas drawn from their boundaries as SVG (no tiles, no script library: it
 * works offline and prints), shaded by the number of 空白 or by people with open needs per 1,000
 * aged 65+. Every area carries its name and figure in text; the legend says each shade in words;
 * the same figures are in a table one click away.
 */

type Boundaries = EndpointOutput<typeof areaBoundaries>;
type Ring = [number, number][];

function rings(geometry: { type: string; coordinates: unknown[] }): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).flat();
  return [];
}

/** The middle of the bounding box of an area's largest ring: where its name goes. */
function labelPoint(rs: readonly Ring[]): [number, number] | null {
  let best: { ring: Ring; size: number } | null = null;
  for (const ring of rs) {
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const size = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (!best || size > best.size) best = { ring, size };
  }
  if (!best) return null;
  const xs = best.ring.map((p) => p[0]);
  const ys = best.ring.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

export const MAP_MODES: { value: MapMode; label: string }[] = [
  { value: 'gaps', label: '空白の数' },
  { value: 'per1000', label: '困りごとのある人（65歳以上千人あたり）' },
];

function valueText(value: number | null, mode: MapMode): string {
  if (mode === 'gaps') return value ? `空白 ${countText(value)}件` : '空白なし';
  return value === null ? '人口不明' : `${rateText(value)}人`;
}

const W = 640;

export function ChoroplethMap({
  matrix,
  boundaries,
  mode,
}: {
  matrix: Matrix;
  boundaries: Boundaries | undefined;
  mode: MapMode;
}) {
  const summaryId = useId();
  const rowWord = matrix.layer === 3 ? '地区' : '圏域';
  const modeLabel = MAP_MODES.find((m) => m.value === mode)!.label;
  const byId = new Map((boundaries?.features ?? []).map((f) => [f.id, f]));
  const values = matrix.areas.map((a) => mapValue(matrix, a, mode));
  const classes = mapClasses(values, mode);
  const shapes = matrix.areas.flatMap((area, i) => {
    const f = byId.get(area.id);
    const rs = f ? rings(f.geometry) : [];
    const value = values[i] ?? null;
    return rs.length > 0 ? [{ area, rings: rs, value, cls: classOf(value, values, mode) }] : [];
  });
  const missing = matrix.areas.filter((a) => !shapes.some((s) => s.area.id === a.id));

  const highest = matrix.areas
    .flatMap((a, i) => {
      const v = values[i] ?? null;
      return v !== null && v > 0 ? [{ a, v }] : [];
    })
    .sort((x, y) => y.v - x.v)
    .slice(0, 3);
  const summary = `${rowWord}ごとの${modeLabel}の地図。${
    highest.length === 0
      ? mode === 'gaps'
        ? '空白のある地域はありません。'
        : '困りごとのある地域はありません。'
      : `多いのは${highest.map((x) => `${x.a.name}（${valueText(x.v, mode)}）`).join('、')}。`
  }同じ内容を下の表でも読めます。`;

  return (
    <>
      <p id={summaryId}>{summary}</p>
      {shapes.length === 0 ? (
        <p className="nm-note">
          この層の地域には境界が登録されていないため、地図は描けません。下の表でご覧ください。
        </p>
      ) : (
        <figure className="nm-map">
          <MapSvg
            shapes={shapes}
            mode={mode}
            title={`${rowWord}ごとの${modeLabel}の地図`}
            summaryId={summaryId}
            classes={classes}
          />
          <figcaption>
            <ul className="nm-legend" aria-label="地図の色の意味">
              {classes.map((c) => (
                <li key={c.index}>
                  <span
                    className={`nm-swatch${c.index === -1 ? ' nm-swatch--unknown' : ''}`}
                    style={c.index === -1 ? undefined : { background: c.fill }}
                    aria-hidden="true"
                  />
                  {c.label}
                </li>
              ))}
            </ul>
            <span className="nm-note">色が濃いほど多いことを表します。各地域に名前と数を書いています。</span>
          </figcaption>
        </figure>
      )}
      {missing.length > 0 && shapes.length > 0 && (
        <p className="nm-note">
          境界が登録されていないため地図にない{rowWord}：{missing.map((a) => a.name).join('、')}
        </p>
      )}
      <details className="nm-details" open={shapes.length === 0}>
        <summary>地図の内容を表で見る</summary>
        <MapTable matrix={matrix} />
      </details>
    </>
  );
}

function MapSvg({
  shapes,
  mode,
  title,
  summaryId,
  classes,
}: {
  shapes: { area: MatrixArea; rings: Ring[]; value: number | null; cls: number }[];
  mode: MapMode;
  title: string;
  summaryId: string;
  classes: ReturnType<typeof mapClasses>;
}) {
  const all = shapes.flatMap((s) => s.rings.flat());
  const lats = all.map((p) => p[1]);
  const lons = all.map((p) => p[0]);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const spanX = Math.max(0.01, Math.max(...lons) - Math.min(...lons)) * Math.cos((midLat * Math.PI) / 180);
  const spanY = Math.max(0.01, Math.max(...lats) - Math.min(...lats));
  // As tall as the shape needs, within reason, so that a wide town is not drawn in a tall empty box.
  const H = Math.round(Math.min(560, Math.max(260, (W - 32) * (spanY / spanX) + 32)));
  const fit = fitProjection(all, { width: W, height: H, top: 16, right: 16, bottom: 16, left: 16 }, 0.01);
  const fill = (cls: number) => classes.find((c) => c.index === cls)?.fill ?? '#ffffff';
  return (
    <TableScroll label="地図（横にスクロールできます）">
      <svg
        className="nm-map__svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-describedby={summaryId}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{title}</title>
        <defs>
          <pattern
            id="nm-hatch"
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="8" stroke="#6b747c" strokeWidth="1.5" />
          </pattern>
        </defs>
        {shapes.map((s) => {
          const d = s.rings
            .map(
              (ring) =>
                `M${ring.map(([x, y]) => `${fit.x(x).toFixed(1)},${fit.y(y).toFixed(1)}`).join('L')}Z`,
            )
            .join('');
          return (
            <g key={s.area.id}>
              <path d={d} fill={fill(s.cls)} stroke="#1b1f23" strokeWidth={1.5} fillRule="evenodd" />
              {s.cls === -1 && <path d={d} fill="url(#nm-hatch)" stroke="none" />}
            </g>
          );
        })}
        {shapes.map((s) => {
          const at = labelPoint(s.rings);
          if (!at) return null;
          const x = fit.x(at[0]);
          const y = fit.y(at[1]);
          return (
            <text key={s.area.id} x={x} y={y} textAnchor="middle" className="nm-map__label">
              <tspan x={x} dy="-0.2em" fontWeight={700}>
                {s.area.name}
              </tspan>
              <tspan x={x} dy="1.3em">
                {valueText(s.value, mode)}
              </tspan>
            </text>
          );
        })}
      </svg>
    </TableScroll>
  );
}

/** The map's figures as a table (also what a screen reader or a narrow screen reads best). */
function MapTable({ matrix }: { matrix: Matrix }) {
  const rowWord = matrix.layer === 3 ? '地区' : '圏域';
  return (
    <TableScroll label="地図の内容の表">
      <table className="table">
        <caption>{rowWord}ごとの空白と困りごと</caption>
        <thead>
          <tr>
            <th scope="col">{rowWord}</th>
            <th scope="col" className="num">
              空白
            </th>
            <th scope="col" className="num">
              未対応の困りごと
            </th>
            <th scope="col" className="num">
              65歳以上人口
            </th>
            <th scope="col" className="num">
              困りごとのある人（千人あたり）
            </th>
          </tr>
        </thead>
        <tbody>
          {matrix.areas.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              <td className="num">{countText(a.gaps)}件</td>
              <td className="num">{countText(a.openNeeds)}件</td>
              <td className="num">{a.aged65 === null ? '—' : `${countText(a.aged65)}人`}</td>
              <td className="num">{rateText(areaNeedsPer1000(matrix, a))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
