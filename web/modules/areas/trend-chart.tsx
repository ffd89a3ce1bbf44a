import type { Snapshot } from '../../../contracts/areas';
import { formatWareki } from '../../../domain/dates';
import { formatCount, formatPercent } from '../../../domain/population';
import { trendSummary } from './figures';

interface Series {
  title: string;
  unit: string;
  color: string;
  points: { asOf: string; value: number }[];
  format: (n: number) => string;
}

const W = 340;
const H = 170;
const PAD = { left: 16, right: 16, top: 28, bottom: 34 };

function shortDate(iso: string): string {
  return formatWareki(iso, { style: 'short' });
}

/** One small line chart; values are written beside the points so no axis reading is needed. */
function MiniChart({ series }: { series: Series }) {
  const values = series.points.map((p) => p.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.max(Math.abs(max) * 0.05, 1);
  const lo = min - span * 0.15;
  const hi = max + span * 0.15;
  const n = series.points.length;
  const x = (i: number) =>
    n === 1 ? W / 2 : PAD.left + 30 + (i * (W - PAD.left - PAD.right - 60)) / (n - 1);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const path = series.points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(' ');
  return (
    <figure className="panel chart-figure">
      <figcaption>
        <strong>{series.title}</strong>
        <span className="muted">（{series.unit}）</span>
      </figcaption>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#6b747c" />
        <path d={path} fill="none" stroke={series.color} strokeWidth={3} />
        {series.points.map((p, i) => (
          <g key={p.asOf}>
            <circle cx={x(i)} cy={y(p.value)} r={5} fill={series.color} />
            <text x={x(i)} y={y(p.value) - 10} textAnchor="middle" fontSize={13} fontWeight={700}>
              {series.format(p.value)}
            </text>
            <text x={x(i)} y={H - PAD.bottom + 20} textAnchor="middle" fontSize={12}>
              {shortDate(p.asOf)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/**
 * The trend of 高齢化率 and 総人口 as two small charts, secondary to the table above them. The
 * summary sentence carries the same information in words (and is what screen readers read).
 */
export function TrendChart({ snapshots }: { snapshots: readonly Snapshot[] }) {
  const sorted = [...snapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
  const rate: Series = {
    title: '高齢化率',
    unit: '%',
    color: 'var(--color-chart-2)',
    points: sorted.filter((s) => s.agingRate !== null).map((s) => ({ asOf: s.asOf, value: s.agingRate! })),
    format: (v) => formatPercent(v),
  };
  const total: Series = {
    title: '総人口',
    unit: '人',
    color: 'var(--color-chart-1)',
    points: sorted.map((s) => ({ asOf: s.asOf, value: s.total })),
    format: (v) => formatCount(v),
  };
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">推移</h2>
      <p>{trendSummary(snapshots)}</p>
      {sorted.length >= 2 && (
        <div className="chart-grid">
          {rate.points.length >= 2 && <MiniChart series={rate} />}
          <MiniChart series={total} />
        </div>
      )}
    </section>
  );
}
