import { FileSpreadsheet, FileText } from 'lucide-react';
import { Link } from 'react-router';
import { type ActivityReport, exportActivityReport, type TallyRow } from '../../../contracts/activities';
import { hoursText, SC_FUNCTIONS } from '../../../domain/activities';
import { areaTree, LAYER_SHORT, type Layer } from '../../../domain/areas';
import { fiscalYearOf, formatWareki, todayInTokyo } from '../../../domain/dates';
import { formatYearMonth, parseYearMonth } from '../../../domain/print-calendar';
import { endpointUrl } from '../../lib/api';
import { useSearchPatch } from '../../lib/search-params';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { buttonClass } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import { FiscalYearSelect } from '../../ui/fiscal-year-select';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useAreaList } from '../areas';
import { AreaOptions } from '../needs';
import { activityPaths, logsActivities } from './paths';
import { useActivityReport } from './queries';

/**
 * /activity-report — the SC's monthly or yearly report (?month=2026-11 or ?fy=2026, &area=): the
 * figures a municipality reports, by function, area and type, with xlsx and PDF.
 */
export function ActivityReportPage() {
  const scope = useTenantScope();
  usePageTitle('活動の月報・年報');
  const [search, set] = useSearchPatch();
  const today = todayInTokyo();
  const fy = Number(search.get('fy')) || null;
  const month = fy
    ? undefined
    : formatYearMonth(parseYearMonth(search.get('month')) ?? parseYearMonth(today.slice(0, 7))!);
  const area = search.get('area') ?? '';
  const query = { month, fy: fy ?? undefined, area: area || undefined };
  const report = useActivityReport(scope.code, query);
  const areas = useAreaList(scope.code, undefined);
  const file = (format: 'xlsx' | 'pdf') =>
    endpointUrl(exportActivityReport, { params: { tenant: scope.code }, query: { ...query, format } });
  return (
    <>
      <PageHeader
        title="活動の月報・年報"
        lead="活動記録から数えた件数と時間です。個人を特定できる情報は含みません。"
        actions={
          <>
            <a className={buttonClass('secondary')} href={file('xlsx')} download>
              <FileSpreadsheet aria-hidden="true" size={18} />
              Excel
            </a>
            <a className={buttonClass('secondary')} href={file('pdf')} download>
              <FileText aria-hidden="true" size={18} />
              PDF
            </a>
          </>
        }
      />
      <div className="toolbar">
        <SelectField
          id="report-kind"
          label="期間"
          value={fy ? 'year' : 'month'}
          onChange={(e) =>
            set(
              e.target.value === 'year'
                ? { fy: String(fiscalYearOf(today)), month: '' }
                : { fy: '', month: today.slice(0, 7) },
            )
          }
        >
          <option value="month">月報</option>
          <option value="year">年報（年度）</option>
        </SelectField>
        {fy ? (
          <FiscalYearSelect
            id="report-fy"
            value={fy}
            years={[0, 1, 2].map((k) => fiscalYearOf(today) - k)}
            onChange={(y) => set({ fy: String(y) })}
          />
        ) : (
          <TextField
            id="report-month"
            label="月"
            type="month"
            value={month}
            onChange={(e) => set({ month: e.target.value })}
          />
        )}
        <SelectField
          id="report-area"
          label="地域"
          value={area}
          onChange={(e) => set({ area: e.target.value })}
        >
          <option value="">町全体</option>
          <AreaOptions rows={areaTree((areas.data?.areas ?? []).filter((a) => a.layer > 1))} />
        </SelectField>
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorNotice error={report.error} />
      ) : (
        <ReportTables report={report.data} />
      )}
      {logsActivities(scope) && (
        <p>
          <Link to={activityPaths.activities(scope.code)}>活動記録の一覧へ</Link>
        </p>
      )}
    </>
  );
}

function ReportTables({ report: r }: { report: ActivityReport }) {
  return (
    <>
      <h2>{r.title}</h2>
      <p className="muted">
        {r.scope}・{formatWareki(r.period.start)}〜{formatWareki(r.period.end)}
      </p>
      <dl className="figures">
        <div className="figure">
          <dt>活動</dt>
          <dd>
            {r.total.count}
            <span className="figure__unit">件</span>
          </dd>
        </div>
        <div className="figure">
          <dt>時間</dt>
          <dd>
            {hoursText(r.total.minutes)}
            <span className="figure__unit">時間</span>
          </dd>
        </div>
        {r.indicators.councilMeetings
          .filter((c) => c.layer < 3 || c.meetings > 0)
          .map((c) => (
            <div className="figure" key={c.layer}>
              <dt>協議体の開催（{LAYER_SHORT[c.layer as Layer]}）</dt>
              <dd>
                {c.meetings}
                <span className="figure__unit">回</span>
              </dd>
            </div>
          ))}
        <div className="figure">
          <dt>地域ケア会議への参加</dt>
          <dd>
            {r.indicators.careMeetings}
            <span className="figure__unit">回</span>
          </dd>
        </div>
        <div className="figure">
          <dt>資源開発</dt>
          <dd>
            {r.indicators.developedResources}
            <span className="figure__unit">件</span>
          </dd>
        </div>
      </dl>
      <div className="report-grid">
        <Tally caption="SCの機能（①〜⑥）" rows={r.byFunction} />
        <Tally caption="コーディネート機能（A・B・C）" rows={r.byHeadline} />
        <Tally caption="要綱の業務（a〜e）" rows={r.byTask} />
        <Tally caption="活動の種類" rows={r.byType} />
        <Tally caption="層" rows={r.byLayer} />
        <Tally caption="個別支援・地域支援" rows={r.bySupport} />
        <Tally caption="地域（複数の地域の活動はそれぞれに数えます）" rows={r.byArea} />
        <Tally caption="SC" rows={r.bySc} />
      </div>
      {r.period.kind === 'year' && (
        <TableScroll label="月別">
          <table className="table">
            <caption>月別（件数・時間と①〜⑥の件数）</caption>
            <thead>
              <tr>
                <th scope="col">月</th>
                <th scope="col" className="num">
                  件数
                </th>
                <th scope="col" className="num">
                  時間
                </th>
                {SC_FUNCTIONS.map((f) => (
                  <th key={f.code} scope="col" className="num" title={f.label}>
                    {f.mark}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.byMonth.map((m) => (
                <tr key={m.key}>
                  <th scope="row">{m.label}</th>
                  <td className="num">{m.count}</td>
                  <td className="num">{hoursText(m.minutes)}</td>
                  {m.functions.map((n, i) => (
                    <td key={SC_FUNCTIONS[i]!.code} className="num">
                      {n}
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

function Tally({ caption, rows }: { caption: string; rows: TallyRow[] }) {
  return (
    <TableScroll label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">区分</th>
            <th scope="col" className="num">
              件数
            </th>
            <th scope="col" className="num">
              時間
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                記録はありません
              </td>
            </tr>
          ) : (
            rows.map((x) => (
              <tr key={x.key}>
                <th scope="row" className="wrap">
                  {x.label}
                </th>
                <td className="num">{x.count}</td>
                <td className="num">{hoursText(x.minutes)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
