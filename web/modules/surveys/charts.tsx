import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { Cell } from '../../../contracts/surveys';
import { fitProjection } from '../../../domain/small-map';

/*
 * Charts of the results page, drawn as SVG at the size of their box and of the text (so that they
 * stay readable at 200 % text): every label and value is text, a withheld cell is written out
 * (「—（5人未満）」) instead of drawn, and the table with the same figures sits beside each chart.
 */

/** A cell as text: the figure, or the reason it is withheld (muted, never an empty cell). */
export function CellText({ cell }: { cell: Cell }) {
  return cell.shown ? cell.text : <span className="cell-hidden">{cell.text}</span>;
}

/** The width of a box and the size of 1em in it, kept up to date as either changes. */
export function useChartBox(): { ref: RefObject<HTMLDivElement | null>; width: number; em: number } {
  const ref = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState({ width: 640, em: 16 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:absolute;visibility:hidden;width:1em;height:1em;pointer-events:none';
    el.appendChild(probe);
    const measure = () => {
      const width = el.clientWidth || 640;
      const em = probe.getBoundingClientRect().width || 16;
      setBox((b) => (Math.abs(b.width - width) < 1 && Math.abs(b.em - em) < 0.5 ? b : { width, em }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return () => probe.remove();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    observer.observe(probe);
    return () => {
      observer.disconnect();
      probe.remove();
    };
  }, []);
  return { ref, ...box };
}

/** A scale end that is a round number above the largest value: 40 for 31.6, 100 at most. */
export function niceMax(values: readonly number[], cap = 100): number {
  const top = Math.max(0, ...values);
  if (top <= 0) return 10;
  const steps = [5, 10, 20, 25, 40, 50, 60, 80, 100];
  return Math.min(cap, steps.find((s) => s >= top) ?? cap);
}

export interface BarRow {
  key: string;
  label: string;
  cell: Cell;
}

/**
 * Horizontal bars of percentages: the label on its own line above each bar (long Japanese labels
 * never get cut), the value written at the end of the bar. Decorative for screen readers: the
 * caption says what it shows and the table beside it has the same figures.
 */
export function HBarChart({ rows, unit = '%' }: { rows: readonly BarRow[]; unit?: string }) {
  const { ref, width: boxWidth, em } = useChartBox();
  const width = Math.min(boxWidth, 760);
  const fs = Math.round(em * 0.875);
  const lineH = Math.round(fs * 1.45);
  const barH = Math.round(em * 1.1);
  const gap = Math.round(em * 0.6);
  const valueW = Math.round(em * 7.5);
  const left = 2;
  const plotW = Math.max(60, width - valueW - left - 4);
  const max = niceMax(rows.flatMap((r) => (r.cell.shown && r.cell.value !== null ? [r.cell.value] : [])));
  const axisH = Math.round(fs * 1.8);
  // Japanese labels wrap by characters (a full-width character is about 1em wide).
  const perLine = Math.max(4, Math.floor((width - left) / fs));
  const laid = rows.map((r) => {
    const chars = [...r.label];
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
    return { row: r, lines: lines.length > 0 ? lines : [''] };
  });
  let y = 0;
  const placed = laid.map((l) => {
    const top = y;
    y += l.lines.length * lineH + barH + gap;
    return { ...l, top };
  });
  const plotH = y;
  const height = plotH + axisH + 4;
  const x = (v: number) => left + (Math.min(v, max) / max) * plotW;
  const ticks = [0, max / 2, max];
  return (
    <div ref={ref} className="chart-box">
      <svg
        className="hbar"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
      >
        {ticks.map((t) => (
          <line
            key={t}
            x1={x(t)}
            x2={x(t)}
            y1={0}
            y2={plotH}
            stroke="#c9d0cc"
            strokeDasharray={t === 0 ? undefined : '3 3'}
          />
        ))}
        {placed.map(({ row: r, lines, top }) => {
          const barY = top + lines.length * lineH;
          const shown = r.cell.shown && r.cell.value !== null;
          const w = shown ? Math.max(1, x(r.cell.value ?? 0) - left) : 0;
          const placeholder = Math.min(plotW, em * 2);
          return (
            <g key={r.key}>
              <text x={left} y={top + fs} fontSize={fs} fontWeight={700}>
                {lines.map((line, i) => (
                  <tspan key={line + String(i)} x={left} dy={i === 0 ? 0 : lineH}>
                    {line}
                  </tspan>
                ))}
              </text>
              {shown ? (
                <rect x={left} y={barY} width={w} height={barH} fill="var(--color-chart-1)" />
              ) : (
                <rect
                  x={left}
                  y={barY}
                  width={placeholder}
                  height={barH}
                  fill="none"
                  stroke="#6b747c"
                  strokeDasharray="2 2"
                />
              )}
              <text x={left + (shown ? w : placeholder) + 6} y={barY + barH * 0.8} fontSize={fs}>
                {r.cell.text}
              </text>
            </g>
          );
        })}
        {ticks.map((t, i) => (
          <text
            key={`t${t}`}
            x={x(t)}
            y={plotH + axisH - 4}
            fontSize={fs}
            textAnchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
            fill="#464d55"
          >
            {`${Number.isInteger(t) ? t : t.toFixed(1)}${unit}`}
          </text>
        ))}
      </svg>
    </div>
  );
}

type Ring = [number, number][];
type Geometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };

function rings(g: Geometry): Ring[] {
  if (g.type === 'Polygon') return g.coordinates as Ring[];
  return (g.coordinates as Ring[][]).flat();
}

/** Where to write an area's label: the middle of the bounding box of its largest ring. */
function labelPoint(g: Geometry): [number, number] | null {
  const all =
    g.type === 'Polygon' ? [g.coordinates[0] as Ring] : (g.coordinates as Ring[][]).map((p) => p[0]!);
  let best: Ring | null = null;
  let bestArea = -1;
  for (const ring of all) {
    if (!ring?.length) continue;
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (area > bestArea) {
      bestArea = area;
      best = ring;
    }
  }
  if (!best) return null;
  const xs = best.map((p) => p[0]);
  const ys = best.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** Five greens from light to dark; the label colour changes with them so text stays readable. */
export const CLASS_FILL = ['#e3efeb', '#b9d8cc', '#7fb5a2', '#3f8a72', '#1d5c4d'] as const;
const CLASS_INK = ['#1b1f23', '#1b1f23', '#1b1f23', '#ffffff', '#ffffff'] as const;

/** Class breaks of a rate map: five equal steps up to a round maximum. */
export function classBreaks(values: readonly number[]): number[] {
  const max = niceMax(values);
  return [0, 1, 2, 3, 4].map((i) => (max / 5) * i);
}

/** The legend's words for class i: 「0〜8%未満」, the last 「32%以上」. */
export function classLabel(breaks: readonly number[], i: number): string {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
  return i === breaks.length - 1
    ? `${fmt(breaks[i]!)}%以上`
    : `${fmt(breaks[i]!)}〜${fmt(breaks[i + 1]!)}%未満`;
}

export function classOf(breaks: readonly number[], v: number): number {
  let c = 0;
  breaks.forEach((b, i) => {
    if (v >= b) c = i;
  });
  return c;
}

export interface MapArea {
  id: string;
  name: string;
  geometry: Geometry;
  cell: Cell | null;
}

/**
 * A choropleth of one rate by area: each area filled by its class, with its name and its rate
 * written on it; withheld areas are hatched and say why; areas without answers are plain grey.
 */
export function Choropleth({ areas, label }: { areas: readonly MapArea[]; label: string }) {
  const { ref, width, em } = useChartBox();
  const w = Math.min(width, 640);
  const h = Math.round(w * 0.75);
  const coords = areas.flatMap((a) => rings(a.geometry).flat());
  const values = areas.flatMap((a) => (a.cell?.shown && a.cell.value !== null ? [a.cell.value] : []));
  const breaks = classBreaks(values);
  const fs = Math.round(em * 0.8);
  if (coords.length === 0) return null;
  const fit = fitProjection(coords, { width: w, height: h, top: 16, right: 16, bottom: 16, left: 16 }, 0.01);
  const d = (g: Geometry) =>
    rings(g)
      .map((ring) => `M${ring.map(([x, y]) => `${fit.x(x).toFixed(1)},${fit.y(y).toFixed(1)}`).join('L')}Z`)
      .join('');
  return (
    <div ref={ref} className="chart-box">
      <svg
        className="choropleth"
        width={w}
        height={h}
        viewBox={`0 0 ${w} ${h}`}
        role="img"
        aria-label={label}
      >
        <defs>
          <pattern
            id="hatch"
            width="8"
            height="8"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#6b747c" strokeWidth="2" />
          </pattern>
        </defs>
        {areas.map((a) => {
          const shown = a.cell?.shown && a.cell.value !== null;
          const fill = !a.cell
            ? '#e4e7e6'
            : shown
              ? CLASS_FILL[classOf(breaks, a.cell.value ?? 0)]
              : 'url(#hatch)';
          return <path key={a.id} d={d(a.geometry)} fill={fill} stroke="#1b1f23" strokeWidth={1.5} />;
        })}
        {areas.map((a) => {
          const p = labelPoint(a.geometry);
          if (!p) return null;
          const shown = a.cell?.shown && a.cell.value !== null;
          const ink = shown ? CLASS_INK[classOf(breaks, a.cell?.value ?? 0)] : '#1b1f23';
          const cx = fit.x(p[0]);
          const cy = fit.y(p[1]);
          return (
            <g key={`l${a.id}`} fontSize={fs} textAnchor="middle">
              <text
                x={cx}
                y={cy - fs * 0.2}
                fontWeight={700}
                style={ink === '#ffffff' ? { fill: ink, stroke: '#1d5c4d' } : undefined}
              >
                {a.name}
              </text>
              <text
                x={cx}
                y={cy + fs * 1.1}
                style={ink === '#ffffff' ? { fill: ink, stroke: '#1d5c4d' } : undefined}
              >
                {a.cell ? a.cell.text : '回答なし'}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="legend" aria-label="地図の凡例">
        {breaks.map((_, i) => (
          <li key={classLabel(breaks, i)} className="legend__item">
            <svg width="28" height="18" aria-hidden="true" focusable="false">
              <rect width="28" height="18" fill={CLASS_FILL[i]} />
            </svg>
            {`${['とても低い', '低い', '中くらい', '高い', 'とても高い'][i]}：${classLabel(breaks, i)}`}
          </li>
        ))}
        <li className="legend__item">
          <svg width="28" height="18" aria-hidden="true" focusable="false">
            <rect width="28" height="18" fill="url(#hatch-legend)" />
            <defs>
              <pattern
                id="hatch-legend"
                width="8"
                height="8"
                patternUnits="userSpaceOnUse"
                patternTransform="rotate(45)"
              >
                <rect width="8" height="8" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="8" stroke="#6b747c" strokeWidth="2" />
              </pattern>
            </defs>
          </svg>
          斜線：5人未満などの理由で表示しない地域
        </li>
        <li className="legend__item">
          <svg width="28" height="18" aria-hidden="true" focusable="false">
            <rect width="28" height="18" fill="#e4e7e6" />
          </svg>
          灰色：回答のない地域
        </li>
      </ul>
    </div>
  );
}
