import { BarChart3, CalendarCheck } from 'lucide-react';
import { Link } from 'react-router';
import type { Referral } from '../../../contracts/matching';
import { REFERRAL_STATUSES, REFERRAL_TARGET_KINDS, referralTargetKindLabel } from '../../../domain/referrals';
import { useSearchPatch } from '../../lib/search-params';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { buttonClass } from '../../ui/button';
import { Checkbox, SelectField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { Pager } from '../../ui/pager';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { canSeePersonalData, PrivacyNote, ShortDate } from '../needs';
import { FollowUpDate, ReferralStatusBadge } from './format';
import { matchingPaths } from './paths';
import { type ReferralListQuery, useReferrals } from './queries';

const PER_PAGE = 50;

/** つなぎ: every referral, open ones first by their next check; filters kept in the URL. */
export function ReferralListPage() {
  const scope = useTenantScope();
  usePageTitle('つなぎ');
  const [search, patch] = useSearchPatch();
  const allowed = canSeePersonalData(scope);
  const open = search.get('all') !== '1';
  const mine = search.get('mine') === '1';
  const status = search.get('status') ?? '';
  const kind = search.get('kind') ?? '';
  const page = Number(search.get('page') ?? '1') || 1;
  const set = (key: string, value: string) => patch({ [key]: value, page: '' });
  const query: ReferralListQuery = {
    ...(open && !status ? { open: 'true' as const } : {}),
    ...(mine ? { mine: 'true' as const } : {}),
    ...(status ? { status: status as ReferralListQuery['status'] } : {}),
    ...(kind ? { targetKind: kind as ReferralListQuery['targetKind'] } : {}),
    page,
    perPage: PER_PAGE,
  };
  const list = useReferrals(scope.code, query, allowed);
  return (
    <>
      <PageHeader
        title="つなぎ"
        lead="困りごとや住民を、地域資源・担い手・就労的活動へつないだ記録です。"
        actions={
          <>
            <Link className={buttonClass()} to={matchingPaths.today(scope.code)}>
              <CalendarCheck aria-hidden="true" size={18} />
              今日の確認
            </Link>
            <Link className={buttonClass('secondary')} to={matchingPaths.stats(scope.code)}>
              <BarChart3 aria-hidden="true" size={18} />
              つなぎの成果
            </Link>
          </>
        }
      />
      {!allowed ? (
        <Notice tone="warning">
          <p>つなぎは個人に関わる記録です。成果の集計は「つなぎの成果」でご覧いただけます。</p>
        </Notice>
      ) : (
        <>
          <PrivacyNote />
          <div className="filters-row">
            <Checkbox
              label="進行中のものだけ"
              checked={open}
              onChange={(e) => set('all', e.target.checked ? '' : '1')}
            />
            <Checkbox
              label="自分の担当だけ"
              checked={mine}
              onChange={(e) => set('mine', e.target.checked ? '1' : '')}
            />
            <SelectField
              id="ref-filter-status"
              label="段階"
              value={status}
              onChange={(e) => set('status', e.target.value)}
            >
              <option value="">すべて</option>
              {REFERRAL_STATUSES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="ref-filter-kind"
              label="つなぎ先"
              value={kind}
              onChange={(e) => set('kind', e.target.value)}
            >
              <option value="">すべて</option>
              {REFERRAL_TARGET_KINDS.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
          </div>
          {list.isPending ? (
            <Loading />
          ) : list.isError ? (
            <ErrorNotice error={list.error} />
          ) : (
            <>
              <p role="status">
                {list.data.total === 0
                  ? '条件に合うつなぎはありません。'
                  : `${list.data.total.toLocaleString('ja-JP')}件`}
              </p>
              {list.data.items.length > 0 && <ReferralTable items={list.data.items} tenant={scope.code} />}
              <Pager
                page={list.data.page}
                lastPage={Math.max(1, Math.ceil(list.data.total / PER_PAGE))}
                perPage={PER_PAGE}
                onPage={(p) => patch({ page: String(p) })}
              />
            </>
          )}
        </>
      )}
    </>
  );
}

export function ReferralTable({ items, tenant }: { items: Referral[]; tenant: string }) {
  return (
    <TableScroll label="つなぎの一覧">
      <table className="table">
        <caption className="visually-hidden">つなぎの一覧</caption>
        <thead>
          <tr>
            <th scope="col">次の確認</th>
            <th scope="col">つなぎ先</th>
            <th scope="col">誰の・何の</th>
            <th scope="col">段階</th>
            <th scope="col">地域</th>
            <th scope="col">担当</th>
            <th scope="col">提案</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <FollowUpDate date={r.followUpOn} />
              </td>
              <td>
                <Link to={matchingPaths.referral(tenant, r.id)}>{r.targetName}</Link>
                <span className="muted">（{referralTargetKindLabel(r.targetKind)}）</span>
              </td>
              <td className="wrap">
                {[r.residentName, r.needSummary ?? r.categoryName].filter(Boolean).join('・')}
              </td>
              <td>
                <ReferralStatusBadge status={r.status} />
              </td>
              <td>{r.areaName}</td>
              <td>{r.scName}</td>
              <td>
                <ShortDate date={r.proposedOn} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
