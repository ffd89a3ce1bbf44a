import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  correctPointTransaction,
  exportPointStatement,
  redeemPoints,
  type StatementLine,
} from '../../../contracts/points';
import { fiscalYearLabel, formatWareki } from '../../../domain/dates';
import { formatYen, pointsToYen, pointTransactionKindLabel } from '../../../domain/points';
import { api, endpointUrl } from '../../lib/api';
import { errorFor, formErrors } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { currentFiscalYear, n, Signed, YearOptions } from './format';
import { pointPaths } from './paths';
import { invalidatePoints, useActiveScheme, useStatement } from './queries';

/** A member's statement: every movement of a 年度 with the running balance; redemption; corrections. */
export function PointStatementPage({ helperId }: { helperId: string }) {
  const scope = useTenantScope();
  const [search, setSearch] = useSearchParams();
  const fy = Number(search.get('fy')) || currentFiscalYear();
  const schemes = useActiveScheme(scope.code);
  const scheme = schemes.scheme;
  const q = useStatement(scope.code, scheme?.id ?? '', helperId, fy);
  usePageTitle(q.data ? `${q.data.name}さんのポイント明細` : 'ポイント明細');
  if (schemes.isPending || (scheme && q.isPending)) return <Loading />;
  if (schemes.isError) return <ErrorNotice error={schemes.error} />;
  if (!scheme) return <Notice>まだ制度がありません。</Notice>;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const s = q.data!;
  const file = (format: 'xlsx' | 'pdf') =>
    endpointUrl(exportPointStatement, {
      params: { tenant: scope.code, id: scheme.id, helperId },
      query: { fy, format },
    });
  return (
    <>
      <Breadcrumb
        items={[
          { label: 'ポイント', to: pointPaths.home(scope.code) },
          { label: '残高と明細', to: pointPaths.balances(scope.code) },
          { label: s.name },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={`${s.name}さんの明細`}
        lead={`${scheme.name}・${fiscalYearLabel(fy)}`}
        actions={
          <>
            <a className={buttonClass('secondary', true)} href={file('xlsx')} download>
              <Download aria-hidden="true" size={16} />
              Excel（xlsx）
            </a>
            <a className={buttonClass('secondary', true)} href={file('pdf')} download>
              <Download aria-hidden="true" size={16} />
              PDF（本人に渡す）
            </a>
          </>
        }
      />
      <p className="privacy-note">この画面の閲覧は記録されます。</p>
      <div className="points-filters">
        <SelectField
          id="statement-fy"
          label="年度"
          value={fy}
          onChange={(e) => setSearch({ fy: e.target.value }, { replace: true })}
        >
          <YearOptions />
        </SelectField>
      </div>
      <dl className="points-figures">
        <div className="points-figure">
          <dt>いまの残高</dt>
          <dd>
            <span className="points-figure__value" data-testid="balance-now">
              {n(s.balanceNow)}
            </span>{' '}
            ポイント
          </dd>
        </div>
        <div className="points-figure">
          <dt>{fiscalYearLabel(fy)}に得た</dt>
          <dd>
            <span className="points-figure__value">{n(s.earnedThisYear)}</span>
          </dd>
        </div>
        <div className="points-figure">
          <dt>{fiscalYearLabel(fy)}に交換した</dt>
          <dd>
            <span className="points-figure__value">{n(s.redeemedThisYear)}</span>
          </dd>
        </div>
        <div className="points-figure">
          <dt>いま交換できる</dt>
          <dd>
            <span className="points-figure__value">{n(s.redeemable)}</span>
          </dd>
        </div>
      </dl>
      <section className="panel" aria-labelledby="statement-lines">
        <h2 id="statement-lines">明細（前年度からの繰越 {n(s.opening)} ポイント）</h2>
        {s.lines.length === 0 ? (
          <p className="muted">この年度の動きはありません。</p>
        ) : (
          <TableScroll label="ポイントの明細">
            <table className="table">
              <caption className="visually-hidden">ポイントの明細（日付順、残高つき）</caption>
              <thead>
                <tr>
                  <th scope="col">日付</th>
                  <th scope="col">種類</th>
                  <th scope="col">内容</th>
                  <th scope="col" className="num">
                    ポイント
                  </th>
                  <th scope="col" className="num">
                    残高
                  </th>
                  <th scope="col">記録した人</th>
                  {s.canChange && <th scope="col">訂正</th>}
                </tr>
              </thead>
              <tbody>
                {s.lines.map((l) => (
                  <StatementRow key={l.transactionId} line={l} canChange={s.canChange} name={s.name} />
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {fiscalYearLabel(fy)}の終わりの残高
                  </th>
                  <td className="num">{n(s.closing)}</td>
                  <td colSpan={s.canChange ? 2 : 1} />
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        )}
      </section>
      {s.canChange ? (
        <RedeemForm
          schemeId={scheme.id}
          helperId={helperId}
          name={s.name}
          yenPerPoint={scheme.yenPerPoint}
          cash={scheme.redemptionKind === 'cash'}
        />
      ) : (
        <Notice>
          <p>担当の地域の外の会員です。交換と訂正は、第1層コーディネーターか市町村の担当者が行います。</p>
        </Notice>
      )}
    </>
  );
}

function StatementRow({
  line: l,
  canChange,
  name,
}: {
  line: StatementLine;
  canChange: boolean;
  name: string;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [points, setPoints] = useState(String(l.correctable));
  const [reason, setReason] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      api(correctPointTransaction, {
        params: { tenant: scope.code, id: l.transactionId },
        body: { points: Number.parseInt(points.normalize('NFKC'), 10) || 0, reason },
      }),
    onSuccess: async () => {
      setOpen(false);
      await invalidatePoints(queryClient, scope.code);
    },
  });
  const errors = formErrors(mutation.error);
  const what = `${formatWareki(l.on)}の${pointTransactionKindLabel(l.kind)}`;
  return (
    <tr>
      <td className="nowrap">{formatWareki(l.on, { style: 'short' })}</td>
      <td className="nowrap">{pointTransactionKindLabel(l.kind)}</td>
      <td>{l.description}</td>
      <td className="num">
        <Signed value={l.amount} />
      </td>
      <td className="num">{n(l.balance)}</td>
      <td className="nowrap">{l.recordedBy}</td>
      {canChange && (
        <td className="points-actions">
          {l.kind === 'correction' || l.correctable === 0 ? (
            <span className="muted points-small">—</span>
          ) : open ? (
            <form
              className="points-correct"
              aria-label={`${name}さんの${what}の訂正`}
              onSubmit={(e) => {
                e.preventDefault();
                mutation.mutate();
              }}
            >
              {errors.message && (
                <p className="field__error" role="alert">
                  {errors.message}
                </p>
              )}
              <TextField
                id={`correct-points-${l.transactionId}`}
                label="打ち消すポイント"
                hint={`あと ${n(l.correctable)} ポイントまで`}
                inputMode="numeric"
                short
                value={points}
                onChange={(e) => setPoints(e.target.value)}
                error={errorFor(errors, 'points')}
              />
              <TextField
                id={`correct-reason-${l.transactionId}`}
                label="訂正の理由"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                error={errorFor(errors, 'reason')}
              />
              <div className="button-row">
                <Button type="submit" small busy={mutation.isPending}>
                  訂正を記録する
                </Button>
                <Button small variant="quiet" onClick={() => setOpen(false)}>
                  やめる
                </Button>
              </div>
            </form>
          ) : (
            <Button small variant="quiet" onClick={() => setOpen(true)}>
              訂正する<span className="visually-hidden">（{what}）</span>
            </Button>
          )}
        </td>
      )}
    </tr>
  );
}

function RedeemForm({
  schemeId,
  helperId,
  name,
  yenPerPoint,
  cash,
}: {
  schemeId: string;
  helperId: string;
  name: string;
  yenPerPoint: number;
  cash: boolean;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [points, setPoints] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (p: number) =>
      api(redeemPoints, {
        params: { tenant: scope.code, id: schemeId, helperId },
        body: { points: p, note },
      }),
    onSuccess: async (res, p) => {
      setDone(`${n(p)} ポイントを交換しました。残高は ${n(res.balance)} ポイントです。`);
      setPoints('');
      setNote('');
      await invalidatePoints(queryClient, scope.code);
    },
  });
  const errors = formErrors(mutation.error);
  const value = Number.parseInt(points.normalize('NFKC'), 10);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!mutation.isPending) mutation.mutate(Number.isFinite(value) ? value : 0);
  };
  return (
    <section className="panel" aria-labelledby="redeem-title">
      <h2 id="redeem-title">ポイントを交換する</h2>
      {done && (
        <Notice tone="success" live="status">
          <p>{done}</p>
        </Notice>
      )}
      {errors.message && (
        <Notice tone="error" live="alert" title="交換できませんでした">
          <p>{errors.message}</p>
        </Notice>
      )}
      <form onSubmit={submit} noValidate aria-label={`${name}さんのポイントの交換`}>
        <div className="form-grid form-grid--2">
          <TextField
            id="redeem-points"
            label="交換するポイント"
            hint={
              cash && Number.isFinite(value) && value > 0
                ? `${formatYen(pointsToYen(value, yenPerPoint))}になります`
                : undefined
            }
            inputMode="numeric"
            short
            autoComplete="off"
            value={points}
            onChange={(e) => setPoints(e.target.value)}
            error={errorFor(errors, 'points')}
          />
          <TextField
            id="redeem-note"
            label="メモ"
            hint="例：商品券に交換"
            value={note}
            maxLength={400}
            onChange={(e) => setNote(e.target.value)}
            error={errorFor(errors, 'note')}
          />
        </div>
        <Button type="submit" busy={mutation.isPending} busyLabel="記録しています…">
          交換を記録する
        </Button>
      </form>
    </section>
  );
}
