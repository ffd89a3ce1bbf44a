import { fiscalYearLabel } from '../../../domain/dates';
import { TableScroll } from '../../ui/table-scroll';
import { countText, type Matrix, trendSentence, trendTable } from './matrix';

/**
 * Needs heard per 年度 by category (the whole town, resolved ones included): a table whose cells
 * carry a small bar, so that the shape shows at a glance and the numbers are there to read.
 */
export function TrendTable({ matrix }: { matrix: Matrix }) {
  const t = trendTable(matrix);
  if (t.years.length === 0) return <p>{trendSentence(t)}</p>;
  const bar = (n: number) => (t.max > 0 ? `${Math.round((n / t.max) * 100)}%` : '0%');
  return (
    <>
      <p>{trendSentence(t)}</p>
      <TableScroll label="年度ごとの推移の表">
        <table className="table nm-trend">
          <caption>年度ごとに把握した困りごと（町全体・対応済みを含む。単位：件）</caption>
          <thead>
            <tr>
              <th scope="col">分類</th>
              {t.years.map((y) => (
                <th key={y} scope="col" className="num">
                  <span title={`${y}年度`}>{fiscalYearLabel(y)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.name}</th>
                {r.counts.map((n, i) => (
                  <td key={t.years[i]} className="num">
                    <span className="nm-trend__cell">
                      <span className="nm-bar" aria-hidden="true">
                        {n > 0 && <span className="nm-bar__fill" style={{ width: bar(n) }} />}
                      </span>
                      <span className="nm-trend__n">{countText(n)}</span>
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">合計</th>
              {t.totals.map((n, i) => (
                <td key={t.years[i]} className="num">
                  {countText(n)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </>
  );
}
