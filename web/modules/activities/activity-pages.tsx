import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ChartColumnBig, NotebookPen, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { deleteActivity } from '../../../contracts/activities';
import {
  activityTypeLabel,
  durationText,
  hoursText,
  monthRange,
  scFunctionMark,
} from '../../../domain/activities';
import { formatWareki, todayInTokyo } from '../../../domain/dates';
import { formatYearMonth, monthLabel, parseYearMonth } from '../../../domain/print-calendar';
import { api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useSearchPatch } from '../../lib/search-params';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { Checkbox, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { matchingPaths } from '../matching/paths';
import { activityPaths, logsActivities } from './paths';
import { invalidateActivities, useActivities, useActivity } from './queries';
import { ActivityForm } from './quick-log-page';

const PER_PAGE = 50;

/** /activities — the SC's log, month by month (?month=2026-11&mine=1&page=2). */
export function ActivityListPage() {
  const scope = useTenantScope();
  usePageTitle('活動記録');
  const [search, set] = useSearchPatch();
  const month = parseYearMonth(search.get('month')) ?? parseYearMonth(todayInTokyo().slice(0, 7))!;
  const mine = search.get('mine') === '1';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const { start, end } = monthRange(month);
  const allowed = logsActivities(scope);
  const list = useActivities(
    scope.code,
    { from: start, to: end, sc: mine ? 'me' : 'all', page, perPage: PER_PAGE },
    allowed,
  );
  return (
    <>
      <PageHeader
        title="活動記録"
        lead="訪問・相談・会議・研修・行事など、生活支援コーディネーターの活動です。"
        actions={
          <>
            {allowed && (
              <Link className={buttonClass()} to={activityPaths.quick(scope.code)}>
                <NotebookPen aria-hidden="true" size={18} />
                活動を記録
              </Link>
            )}
            <Link className={buttonClass('secondary')} to={activityPaths.report(scope.code)}>
              <ChartColumnBig aria-hidden="true" size={18} />
              月報・年報
            </Link>
          </>
        }
      />
      {!allowed ? (
        <Notice tone="warning">
          <p>
            活動記録の一つ一つは、生活支援コーディネーターと保険者職員が見ます。集計は「月報・年報」でご覧ください。
          </p>
        </Notice>
      ) : (
        <>
          <div className="toolbar">
            <TextField
              id="activities-month"
              label="月"
              type="month"
              value={formatYearMonth(month)}
              onChange={(e) => set({ month: e.target.value, page: '' })}
            />
            <Checkbox
              label="自分の記録だけ"
              checked={mine}
              onChange={(e) => set({ mine: e.target.checked ? '1' : '', page: '' })}
            />
          </div>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorNotice error={list.error} />
          ) : list.data.total === 0 ? (
            <p className="muted">{monthLabel(month)}の記録はありません。</p>
          ) : (
            <>
              <p>
                {monthLabel(month)}：{list.data.total}件・{hoursText(list.data.minutes)}時間
              </p>
              <TableScroll label="活動記録の一覧">
                <table className="table">
                  <caption className="visually-hidden">{monthLabel(month)}の活動記録</caption>
                  <thead>
                    <tr>
                      <th scope="col">日付</th>
                      <th scope="col">種類</th>
                      <th scope="col">機能</th>
                      <th scope="col">地域</th>
                      <th scope="col" className="num">
                        時間
                      </th>
                      <th scope="col">ひとこと</th>
                      <th scope="col">SC</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">
                          <Link to={activityPaths.activity(scope.code, a.id)}>
                            {formatWareki(a.occurredOn)}
                          </Link>
                        </th>
                        <td>{activityTypeLabel(a.type)}</td>
                        <td>
                          {a.functions.map(scFunctionMark).join('')}
                          <span className="muted"> {a.headlines.join('')}</span>
                        </td>
                        <td>{a.areas.map((x) => x.name).join('・')}</td>
                        <td className="num">{durationText(a.minutes)}</td>
                        <td className="wrap">{a.summary}</td>
                        <td>{a.scName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager
                page={page}
                perPage={PER_PAGE}
                lastPage={Math.ceil(list.data.total / PER_PAGE)}
                onPage={(p) => set({ page: p > 1 ? String(p) : '' })}
              />
            </>
          )}
        </>
      )}
    </>
  );
}

/** /activities/:id — one entry, changeable by its SC (and tenant-wide roles); a mistake can go. */
export function ActivityPage({ id }: { id: string }) {
  const scope = useTenantScope();
  usePageTitle('活動記録');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const activity = useActivity(scope.code, id);
  const [saved, setSaved] = useState(false);
  const remove = useMutation({
    mutationFn: () => api(deleteActivity, { params: { tenant: scope.code, id } }),
    onSuccess: async () => {
      await invalidateActivities(queryClient, scope.code);
      navigate(activityPaths.activities(scope.code));
    },
  });
  if (activity.isPending) return <Loading />;
  if (activity.isError) return <ErrorNotice error={activity.error} />;
  const a = activity.data;
  return (
    <>
      <Breadcrumb
        items={[
          { label: '活動記録', to: activityPaths.activities(scope.code) },
          { label: formatWareki(a.occurredOn) },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={`${formatWareki(a.occurredOn)} ${activityTypeLabel(a.type)}`}
        lead={`${a.scName}・${durationText(a.minutes)}`}
      />
      {saved && (
        <Notice tone="success" live="status">
          <p>保存しました。</p>
        </Notice>
      )}
      {(a.referrals.length > 0 || a.resources.length > 0 || a.needIds.length > 0) && (
        <dl className="facts">
          {a.referrals.length > 0 && (
            <>
              <dt>つなぎ</dt>
              <dd>
                {a.referrals.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 && '・'}
                    <Link to={matchingPaths.referral(scope.code, r.id)}>{r.name}</Link>
                  </span>
                ))}
              </dd>
            </>
          )}
          {a.resources.length > 0 && (
            <>
              <dt>地域資源</dt>
              <dd>
                {a.resources.map((r, i) => (
                  <span key={r.id}>
                    {i > 0 && '・'}
                    <Link to={paths.resource(scope.code, r.id)}>{r.name}</Link>
                  </span>
                ))}
              </dd>
            </>
          )}
          {a.needIds.length > 0 && (
            <>
              <dt>困りごと</dt>
              <dd>{a.needIds.length}件</dd>
            </>
          )}
        </dl>
      )}
      {a.canEdit ? (
        <>
          <ActivityForm activity={a} onSaved={() => setSaved(true)} />
          <div className="button-row">
            <Button
              variant="danger"
              icon={<Trash2 aria-hidden="true" size={18} />}
              busy={remove.isPending}
              onClick={() => remove.mutate()}
            >
              この記録を取り消す
            </Button>
          </div>
          {remove.error && <ErrorNotice error={remove.error} />}
        </>
      ) : (
        <dl className="facts">
          <dt>地域</dt>
          <dd>{a.areas.map((x) => x.name).join('・')}</dd>
          <dt>機能</dt>
          <dd>{a.functions.map(scFunctionMark).join('')}</dd>
          <dt>ひとこと</dt>
          <dd>{a.summary || '—'}</dd>
        </dl>
      )}
    </>
  );
}
