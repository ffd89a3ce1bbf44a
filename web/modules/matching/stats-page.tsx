import { Download } from 'lucide-react';
import { useState } from 'react';
import type { z } from 'zod';
import { exportReferralStats, type OutcomeCell } from '../../../contracts/matching';
import { fiscalYearLabel } from '../../../domain/dates';
import { endpointUrl } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { buttonClass } from '../../ui/button';
import { SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { recentFiscalYears } from '../needs/format';
import { useReferralStats } from './queries';

type Cell = z.infer<typeof OutcomeCell> & { label: string };

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** A table of outcomes with a bar for each 成立率 (the figure is always written beside it). */
function OutcomeTable({ title, rows }: { title: string; rows: Cell[] }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">まだありません。</p>
      ) : (
        <TableScroll label={`${title}の表`}>
          <table className="table outcome-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">区分</th>
                <th scope="col" className="num">
                  つなぎ
                </th>
                <th scope="col" className="num">
                  成立
                </th>
                <th scope="col" className="num">
                  不成立
                </th>
                <th scope="col" className="num">
                  進行中
                </th>
                <th scope="col">成立率</th>
                <th scope="col" className="num">
                  利用開始までの日数（中央値）
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  <td className="num">{c.total}</td>
                  <td className="num">{c.established}</td>
                  <td className="num">{c.failed}</td>
                  <td className="num">{c.pending}</td>
                  <td>
                    <span className="rate">
                      <span className="rate__bar" aria-hidden="true">
                        <span
                          className="rate__fill"
                          style={{ width: `${Math.round((c.rate ?? 0) * 100)}%` }}
                        />
                      </span>
                      {pct(c.rate)}
                    </span>
                  </td>
                  <td className="num">{c.medianDaysToStart === null ? '—' : `${c.medianDaysToStart}日`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

/** つなぎの成果: 成立率 and days to start by category, area and kind, for reports and the 協議体. */
export function ReferralStatsPage() {
  const scope = useTenantScope();
  usePageTitle('つなぎの成果');
  const [fy, setFy] = useState('');
  const query = useReferralStats(scope.code, fy);
  return (
    <>
      <PageHeader
        title="つなぎの成果"
        lead="成立＝利用開始に至ったもの。成立率は、まだ進行中のものを除いて計算します。個人の名前は含みません。"
        actions={
          <a
            className={buttonClass('secondary')}
            href={endpointUrl(exportReferralStats, {
              params: { tenant: scope.code },
              query: fy ? { fy: Number(fy) } : {},
            })}
            download
          >
            <Download aria-hidden="true" size={18} />
            Excel で書き出す
          </a>
        }
      />
      <SelectField
        id="stats-fy"
        label="年度（提案した日）"
        value={fy}
        onChange={(e) => setFy(e.target.value)}
      >
        <option value="">すべての年度</option>
        {recentFiscalYears().map((y) => (
          <option key={y} value={String(y)}>
            {fiscalYearLabel(y)}（{y}年度）
          </option>
        ))}
      </SelectField>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorNotice error={query.error} />
      ) : (
        <>
          <p className="lead-figure" role="status">
            {query.data.total.total === 0
              ? 'この期間のつなぎはありません。'
              : `つなぎ ${query.data.total.total}件のうち、利用開始 ${query.data.total.established}件・不成立 ${query.data.total.failed}件・進行中 ${query.data.total.pending}件。成立率 ${pct(query.data.total.rate)}${query.data.total.medianDaysToStart === null ? '' : `、利用開始まで中央値 ${query.data.total.medianDaysToStart}日`}。`}
          </p>
          <OutcomeTable title="分類別" rows={query.data.byCategory} />
          <OutcomeTable title="地域別（圏域）" rows={query.data.byArea} />
          <OutcomeTable title="つなぎ先別" rows={query.data.byTarget} />
          <section aria-labelledby="stats-fail-title">
            <h2 id="stats-fail-title">不成立の理由</h2>
            {query.data.failureReasons.length === 0 ? (
              <p className="muted">ありません。</p>
            ) : (
              <ul>
                {query.data.failureReasons.map((r) => (
                  <li key={r.reason}>
                    {r.reason}：{r.count}件
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
