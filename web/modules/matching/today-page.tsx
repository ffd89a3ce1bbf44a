import { CalendarCheck } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Referral } from '../../../contracts/matching';
import { formatWareki } from '../../../domain/dates';
import { referralTargetKindLabel } from '../../../domain/referrals';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Checkbox } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { canSeePersonalData, PrivacyNote } from '../needs';
import { FollowUpDate, ReferralStatusBadge } from './format';
import { matchingPaths } from './paths';
import { useToday } from './queries';

function CheckItem({ r, tenant, today }: { r: Referral; tenant: string; today: string }) {
  return (
    <li className={`check-item${r.followUpOn && r.followUpOn < today ? ' check-item--overdue' : ''}`}>
      <p className="check-item__title">
        <Link to={matchingPaths.referral(tenant, r.id)}>
          {r.residentName ? `${r.residentName}さん → ` : ''}
          {r.targetName}
        </Link>{' '}
        <ReferralStatusBadge status={r.status} />
      </p>
      <p className="check-item__what">
        <FollowUpDate date={r.followUpOn} today={today} />　{r.followUpHint}
      </p>
      <p className="muted">
        {r.needSummary ?? r.categoryName}・{r.areaName}・{referralTargetKindLabel(r.targetKind)}・担当{' '}
        {r.scName}
      </p>
    </li>
  );
}

/** 今日の確認: the follow-ups whose day has come (overdue first), then the coming week. */
export function TodayPage() {
  const scope = useTenantScope();
  usePageTitle('今日の確認');
  // 保険者職員 and 第1層 SC see the whole town's; the others only their own.
  const townWide = capabilities(scope).writeTenant;
  const [mine, setMine] = useState(true);
  const allowed = canSeePersonalData(scope);
  const query = useToday(scope.code, mine, allowed);
  return (
    <>
      <PageHeader title="今日の確認" lead="つないだ人がうまく使えているか、確かめる日が来たものです。" />
      {!allowed ? (
        <Notice tone="warning">
          <p>つなぎは個人に関わる記録のため、保険者職員と生活支援コーディネーターだけが見られます。</p>
        </Notice>
      ) : (
        <>
          <PrivacyNote />
          {townWide && (
            <Checkbox label="自分の担当だけ" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          )}
          {query.isPending ? (
            <Loading />
          ) : query.isError ? (
            <ErrorNotice error={query.error} />
          ) : (
            <>
              <section aria-labelledby="today-due-title">
                <h2 id="today-due-title">
                  {formatWareki(query.data.today)}までに確認するもの（{query.data.due.length}件）
                </h2>
                {query.data.due.length === 0 ? (
                  <p className="muted">今日確かめるものはありません。</p>
                ) : (
                  <ul className="check-list">
                    {query.data.due.map((r) => (
                      <CheckItem key={r.id} r={r} tenant={scope.code} today={query.data.today} />
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="today-week-title">
                <h2 id="today-week-title">これから1週間（{query.data.upcoming.length}件）</h2>
                {query.data.upcoming.length === 0 ? (
                  <p className="muted">ありません。</p>
                ) : (
                  <ul className="check-list">
                    {query.data.upcoming.map((r) => (
                      <CheckItem key={r.id} r={r} tenant={scope.code} today={query.data.today} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}
        </>
      )}
    </>
  );
}

/** On the home page: how many follow-ups are due, with a way in. */
export function TodayWidget() {
  const scope = useTenantScope();
  const query = useToday(scope.code, true, canSeePersonalData(scope));
  if (!canSeePersonalData(scope) || !query.data) return null;
  const n = query.data.due.length;
  return (
    <Notice tone={n > 0 ? 'warning' : 'info'}>
      <p>
        <CalendarCheck aria-hidden="true" size={18} className="inline-icon" />{' '}
        <Link to={matchingPaths.today(scope.code)}>今日の確認</Link>：
        {n > 0 ? `確かめる日が来たつなぎが${n}件あります。` : '今日確かめるつなぎはありません。'}
      </p>
    </Notice>
  );
}
