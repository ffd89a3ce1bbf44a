import { FileText } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { exportCouncilCalendar } from '../../../contracts/councils';
import { fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { parseYearMonth } from '../../../domain/print-calendar';
import { endpointUrl } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { buttonClass } from '../../ui/button';
import { FiscalYearSelect } from '../../ui/fiscal-year-select';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { LayerBadge, recentYears } from './format';
import { councilPaths } from './paths';
import { useCouncilCalendar } from './queries';

/**
 * /council-calendar — C町's 「協議体の開催例」: months of the 年度 down the side, the 第1層 and the
 * 第2層 councils side by side, each meeting with its number and theme.
 */
export function CouncilCalendarPage() {
  const scope = useTenantScope();
  usePageTitle('協議体の年間の開催');
  const [search, setSearch] = useSearchParams();
  const thisYear = fiscalYearOf(todayInTokyo());
  const fy = Number(search.get('fy')) || thisYear;
  const table = useCouncilCalendar(scope.code, fy);
  return (
    <>
      <Breadcrumb
        items={[{ label: '協議体', to: councilPaths.councils(scope.code) }, { label: '年間の開催' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title="協議体の年間の開催"
        lead="月ごとの開催回と主なテーマ。第1層と第2層の協議体を並べています。"
        actions={
          <a
            className={buttonClass('secondary')}
            href={endpointUrl(exportCouncilCalendar, { params: { tenant: scope.code }, query: { fy } })}
            download
          >
            <FileText aria-hidden="true" size={18} />
            PDFで印刷
          </a>
        }
      />
      <FiscalYearSelect
        id="calendar-fy"
        value={fy}
        years={recentYears(1)}
        onChange={(y) => setSearch({ fy: String(y) }, { replace: true })}
      />
      {table.isPending ? (
        <Loading />
      ) : table.isError ? (
        <ErrorNotice error={table.error} />
      ) : (
        <TableScroll label={`協議体の開催（${fiscalYearLabel(fy)}）`}>
          <table className="table year-table">
            <caption>
              {fiscalYearLabel(fy)}（{fy}年4月〜{fy + 1}年3月）
            </caption>
            <thead>
              <tr>
                <th scope="col">開催月</th>
                {table.data.columns.map((c) => (
                  <th key={c.id} scope="col" className="wrap">
                    <LayerBadge layer={c.layer} />{' '}
                    <Link to={councilPaths.council(scope.code, c.id)}>{c.name}</Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.data.rows.map((r) => (
                <tr key={r.month}>
                  <th scope="row">{parseYearMonth(r.month)!.month}月</th>
                  {r.cells.map((cell, i) => (
                    <td key={table.data.columns[i]!.id} className="wrap">
                      {cell.map((m) => (
                        <p key={m.meetingId} className="year-table__meeting">
                          <Link to={councilPaths.meeting(scope.code, m.meetingId)}>
                            {m.cancelled ? '中止' : `第${m.number}回`}
                          </Link>
                          <span className="muted">（{Number(m.heldOn.slice(8))}日）</span>
                          {m.theme && <span className="year-table__theme">→ {m.theme}</span>}
                        </p>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
