import type { AgeBands } from '../../../contracts/areas';
import { formatWareki } from '../../../domain/dates';
import { formatCount } from '../../../domain/population';
import { TableScroll } from '../../ui/table-scroll';

type Band = AgeBands['bands'][number];

export function bandLabel(b: Pick<Band, 'from' | 'to'>): string {
  return b.to === null ? `${b.from}歳以上` : `${b.from}〜${b.to}歳`;
}

/** The sentence that says what the pyramid shows. */
export function pyramidSummary(data: AgeBands): string {
  if (data.bands.length === 0) return '年齢別の人口はありません。';
  const largest = data.bands.reduce((a, b) => (b.total > a.total ? b : a));
  const total = data.bands.reduce((n, b) => n + b.total, 0);
  const aged = data.bands.filter((b) => b.from >= 65).reduce((n, b) => n + b.total, 0);
  return `${formatWareki(data.asOf)}現在、人数が最も多い年齢層は${bandLabel(largest)}（${formatCount(largest.total)}人）です。65歳以上は${formatCount(aged)}人で、年齢別の合計${formatCount(total)}人のうちの割合は${total === 0 ? '—' : `${((aged / total) * 100).toFixed(1)}%`}です。`;
}

const W = 360;
const ROW = 13;
const LABEL = 56;

/** 人口ピラミッド: men left, women right, oldest at the top; the table is one click away. */
export function AgePyramid({ data }: { data: AgeBands }) {
  const bands = [...data.bands].sort((a, b) => b.from - a.from);
  const half = (W - LABEL) / 2;
  const max = Math.max(1, ...bands.map((b) => Math.max(b.male ?? b.total / 2, b.female ?? b.total / 2)));
  const h = bands.length * ROW + 24;
  return (
    <section aria-labelledby="pyramid-title">
      <h2 id="pyramid-title">年齢別の人口</h2>
      <p>{pyramidSummary(data)}</p>
      <figure className="panel chart-figure pyramid">
        <figcaption>
          <strong>人口ピラミッド</strong>
          <span className="muted">（左：男性、右：女性、{formatWareki(data.asOf)}現在）</span>
        </figcaption>
        <svg className="chart" viewBox={`0 0 ${W} ${h}`} aria-hidden="true" focusable="false">
          <text x={half / 2} y={12} textAnchor="middle" fontSize={11} fontWeight={700}>
            男性
          </text>
          <text x={half + LABEL + half / 2} y={12} textAnchor="middle" fontSize={11} fontWeight={700}>
            女性
          </text>
          {bands.map((b, i) => {
            const y = 20 + i * ROW;
            const m = ((b.male ?? b.total / 2) / max) * half;
            const f = ((b.female ?? b.total / 2) / max) * half;
            return (
              <g key={b.from}>
                <rect x={half - m} y={y} width={m} height={ROW - 3} fill="var(--color-chart-1)" />
                <rect x={half + LABEL} y={y} width={f} height={ROW - 3} fill="var(--color-chart-2)" />
                <text x={half + LABEL / 2} y={y + ROW - 4} textAnchor="middle" fontSize={9}>
                  {b.to === null ? `${b.from}+` : `${b.from}-${b.to}`}
                </text>
              </g>
            );
          })}
        </svg>
      </figure>
      <details className="more">
        <summary>年齢別の人口の表を見る</summary>
        <TableScroll label="年齢別の人口">
          <table className="table">
            <caption>{formatWareki(data.asOf)}現在の5歳階級別人口</caption>
            <thead>
              <tr>
                <th scope="col">年齢</th>
                <th scope="col" className="num">
                  男性
                </th>
                <th scope="col" className="num">
                  女性
                </th>
                <th scope="col" className="num">
                  計
                </th>
              </tr>
            </thead>
            <tbody>
              {data.bands.map((b) => (
                <tr key={b.from}>
                  <th scope="row">{bandLabel(b)}</th>
                  <td className="num">{formatCount(b.male)}</td>
                  <td className="num">{formatCount(b.female)}</td>
                  <td className="num">{formatCount(b.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </section>
  );
}
