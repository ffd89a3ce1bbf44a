import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { exportYearEnd, postYearEnd } from '../../../contracts/points';
import { fiscalYearLabel } from '../../../domain/dates';
import { api, endpointUrl } from '../../lib/api';
import { formErrors } from '../../lib/form';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { WarekiDateTime } from '../../ui/dates';
import { Checkbox, SelectField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { currentFiscalYear, n, YearOptions } from './format';
import { pointPaths } from './paths';
import { invalidatePoints, useActiveScheme, useYearEnd } from './queries';

/**
 * 年度末の交換: the list of what each member will be paid, checked, then posted for everyone at
 * once (all or nothing), with the payment list to download.
 */
export function PointYearEndPage() {
  const scope = useTenantScope();
  usePageTitle('年度末の交換');
  const schemes = useActiveScheme(scope.code);
  const [fy, setFy] = useState(currentFiscalYear());
  const scheme = schemes.scheme;
  return (
    <>
      <Breadcrumb
        items={[{ label: 'ポイント', to: pointPaths.home(scope.code) }, { label: '年度末の交換' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title="年度末の交換" lead={scheme?.name} />
      {!capabilities(scope).writeTenant ? (
        <Notice tone="warning">
          <p>年度末の交換は、保険者職員と第1層コーディネーターが行います。</p>
        </Notice>
      ) : schemes.isPending ? (
        <Loading />
      ) : !scheme ? (
        <Notice>
          <p>まだ制度がありません。</p>
        </Notice>
      ) : (
        <>
          <div className="points-filters">
            <SelectField
              id="year-end-fy"
              label="年度"
              value={fy}
              onChange={(e) => setFy(Number(e.target.value))}
            >
              <YearOptions />
            </SelectField>
          </div>
          <YearEnd key={fy} schemeId={scheme.id} fy={fy} cash={scheme.redemptionKind === 'cash'} />
        </>
      )}
    </>
  );
}

function YearEnd({ schemeId, fy, cash }: { schemeId: string; fy: number; cash: boolean }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const q = useYearEnd(scope.code, schemeId, fy);
  const [checked, setChecked] = useState(false);
  const [unchecked, setUnchecked] = useState(false);
  const mutation = useMutation({
    mutationFn: (expectedPoints: number) =>
      api(postYearEnd, {
        params: { tenant: scope.code, id: schemeId },
        body: { fiscalYear: fy, expectedPoints },
      }),
    onSuccess: () => invalidatePoints(queryClient, scope.code),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const d = q.data;
  const file = endpointUrl(exportYearEnd, { params: { tenant: scope.code, id: schemeId }, query: { fy } });
  const errors = formErrors(mutation.error);
  return (
    <section className="panel" aria-labelledby="year-end-title">
      <h2 id="year-end-title">
        {fiscalYearLabel(fy)}の交換{d.posted ? '（記録済み）' : '（確認用）'}
      </h2>
      {d.posted ? (
        <Notice tone="success" live="status" title="記録しました">
          <p>
            <WarekiDateTime instant={d.posted.at} />に{d.posted.by}さんが、{n(d.posted.members)}人分・合計{' '}
            {n(d.posted.points)} ポイントを記録しました。
          </p>
        </Notice>
      ) : (
        <p className="muted">
          {fy === currentFiscalYear() ? '年度の途中です。' : ''}
          年度の終わりの残高（年間の交換上限まで）を、会員ごとに交換します。記録すると全員分を一度に記録し、残高から差し引きます。
        </p>
      )}
      {errors.message && (
        <Notice tone="error" live="alert">
          <p>{errors.message}</p>
        </Notice>
      )}
      <p className="points-yearend-total" role="status">
        {n(d.rows.length)}人・合計 {n(d.totalPoints)} ポイント{cash ? `・${n(d.totalYen)}円` : ''}
      </p>
      {d.rows.length > 0 && (
        <TableScroll label="年度末の交換の一覧">
          <table className="table">
            <caption className="visually-hidden">年度末の交換（よみがな順）</caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">よみがな</th>
                <th scope="col" className="num">
                  ポイント
                </th>
                {cash && (
                  <th scope="col" className="num">
                    金額（円）
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.helperId}>
                  <th scope="row">{r.name}</th>
                  <td>{r.kana}</td>
                  <td className="num">{n(r.points)}</td>
                  {cash && <td className="num">{n(r.yen)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="button-row points-yearend-actions">
        <a className={buttonClass('secondary')} href={file} download>
          <Download aria-hidden="true" size={18} />
          支払い一覧（Excel）
        </a>
      </div>
      {!d.posted && d.rows.length > 0 && (
        <form
          className="points-yearend-post"
          onSubmit={(e) => {
            e.preventDefault();
            setUnchecked(!checked);
            if (checked && !mutation.isPending) mutation.mutate(d.totalPoints);
          }}
        >
          <Checkbox
            label={`一覧を確かめました（${n(d.rows.length)}人・${n(d.totalPoints)} ポイント）`}
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
          />
          {unchecked && (
            <p className="field__error" role="alert">
              一覧を確かめたら、チェックを入れてから記録してください。
            </p>
          )}
          <Button type="submit" busy={mutation.isPending} busyLabel="記録しています…">
            全員分をまとめて記録する
          </Button>
        </form>
      )}
    </section>
  );
}
