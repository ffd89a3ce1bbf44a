import { useState } from 'react';
import { Link } from 'react-router';
import { fiscalYearLabel } from '../../../domain/dates';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { SelectField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { currentFiscalYear, n, YearOptions } from './format';
import { canSeePointMembers, pointPaths } from './paths';
import { useActiveScheme, useBalances } from './queries';

/** 残高: every member with an account or a record waiting, with the 年度's figures. */
export function PointBalancesPage() {
  const scope = useTenantScope();
  usePageTitle('ポイントの残高');
  const schemes = useActiveScheme(scope.code);
  const [fy, setFy] = useState(currentFiscalYear());
  const [q, setQ] = useState('');
  const scheme = schemes.scheme;
  return (
    <>
      <Breadcrumb
        items={[{ label: 'ポイント', to: pointPaths.home(scope.code) }, { label: '残高と明細' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title="残高と明細" lead={scheme?.name} />
      {!canSeePointMembers(scope) ? (
        <Notice tone="warning">
          <p>会員ごとの残高は、保険者職員と生活支援コーディネーターだけが見られます。</p>
        </Notice>
      ) : schemes.isPending ? (
        <Loading />
      ) : schemes.isError ? (
        <ErrorNotice error={schemes.error} />
      ) : !scheme ? (
        <Notice>
          <p>まだ制度がありません。</p>
        </Notice>
      ) : (
        <>
          <div className="points-filters">
            <SelectField
              id="balances-fy"
              label="年度"
              value={fy}
              onChange={(e) => setFy(Number(e.target.value))}
            >
              <YearOptions />
            </SelectField>
            <TextField
              id="balances-q"
              label="氏名・よみがなで絞り込む"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              autoComplete="off"
            />
          </div>
          <BalanceTable scheme={scheme.id} fy={fy} q={q.trim()} />
        </>
      )}
    </>
  );
}

function BalanceTable({ scheme, fy, q }: { scheme: string; fy: number; q: string }) {
  const scope = useTenantScope();
  const query = useBalances(scope.code, scheme, fy);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const items = q
    ? query.data.items.filter((i) => i.name.includes(q) || i.kana.includes(q))
    : query.data.items;
  return (
    <section aria-labelledby="balances-title">
      <h2 id="balances-title" className="visually-hidden">
        会員ごとの残高
      </h2>
      <p role="status" className="muted">
        {items.length}人・残高の合計 {n(items.reduce((s, i) => s + i.balance, 0))} ポイント
      </p>
      {items.length > 0 && (
        <TableScroll label="会員ごとの残高の表">
          <table className="table">
            <caption className="visually-hidden">会員ごとの残高（よみがな順）</caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">住んでいる地域</th>
                <th scope="col" className="num">
                  残高
                </th>
                <th scope="col" className="num">
                  {fiscalYearLabel(fy)}に得た
                </th>
                <th scope="col" className="num">
                  {fiscalYearLabel(fy)}に交換した
                </th>
                <th scope="col" className="num">
                  確認待ち
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.helperId}>
                  <th scope="row">
                    <Link to={pointPaths.member(scope.code, b.helperId, fy)}>{b.name}</Link>
                    {b.kana && <div className="muted points-small">{b.kana}</div>}
                  </th>
                  <td>{b.homeAreaName ?? '—'}</td>
                  <td className="num">{n(b.balance)}</td>
                  <td className="num">{n(b.earnedThisYear)}</td>
                  <td className="num">{n(b.redeemedThisYear)}</td>
                  <td className="num">{b.pending ? n(b.pending) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
