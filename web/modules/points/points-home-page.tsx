import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, CornerUpLeft, ListOrdered, Settings, Wallet } from 'lucide-react';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { listHelpers } from '../../../contracts/helpers';
import {
  confirmPointActivity,
  createPointActivity,
  type PointActivity,
  PointActivityInput,
  type PointScheme,
  returnPointActivity,
} from '../../../contracts/points';
import { fiscalYearLabel, formatWareki, isIsoDate, todayInTokyo } from '../../../domain/dates';
import { activityPoints, formatMinutes } from '../../../domain/points';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { Checkbox, Field, SelectField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { activityWhat, currentFiscalYear, n, YearOptions } from './format';
import { canSeePointMembers, pointPaths } from './paths';
import { invalidatePoints, useActiveScheme, usePending, useSummary } from './queries';

/**
 * ポイント: the scheme's totals for everyone; for staff, the entry form (on behalf of a member:
 * most volunteers have no phone for this) and the 確認待ち queue with one-click 確認.
 */
export function PointsHomePage() {
  const scope = useTenantScope();
  usePageTitle('ポイント');
  const schemes = useActiveScheme(scope.code);
  if (schemes.isPending) return <Loading />;
  if (schemes.isError) return <ErrorNotice error={schemes.error} />;
  const scheme = schemes.scheme;
  const staff = canSeePointMembers(scope);
  // Scheme settings and the year-end run: 保険者職員 and 第1層 SC, as the server's canWriteTenant.
  const manage = capabilities(scope).writeTenant;
  return (
    <>
      <PageHeader
        title={scheme ? scheme.name : 'ボランティアポイント'}
        lead={scheme ? schemeRule(scheme) : 'まだ制度がありません。'}
        actions={
          <>
            {staff && scheme && (
              <Link className={buttonClass('secondary')} to={pointPaths.balances(scope.code)}>
                <Wallet aria-hidden="true" size={18} />
                残高と明細
              </Link>
            )}
            {manage && scheme && (
              <Link className={buttonClass('secondary')} to={pointPaths.yearEnd(scope.code)}>
                <ListOrdered aria-hidden="true" size={18} />
                年度末の交換
              </Link>
            )}
            {manage && (
              <Link className={buttonClass('secondary')} to={pointPaths.settings(scope.code)}>
                <Settings aria-hidden="true" size={18} />
                制度の設定
              </Link>
            )}
          </>
        }
      />
      {!scheme ? (
        <Notice>
          <p>
            {manage
              ? '「制度の設定」で、1時間あたりのポイントや活動の種類、年間の上限を決めてください。'
              : '保険者職員か第1層コーディネーターが制度を設定すると、ここに集計が出ます。'}
          </p>
        </Notice>
      ) : (
        <>
          <Totals scheme={scheme} />
          {staff && <ActivityEntry scheme={scheme} />}
          {staff && <PendingQueue scheme={scheme} />}
          {!staff && (
            <p className="muted">
              会員ごとの記録は個人情報のため、保険者職員と生活支援コーディネーターだけが見られます。
            </p>
          )}
        </>
      )}
    </>
  );
}

export function schemeRule(s: PointScheme): string {
  const parts = [
    s.pointsPerHour ? `1時間 ${n(s.pointsPerHour)} ポイント` : null,
    ...s.activityKinds.map((k) => `${k.label} ${n(k.points)} ポイント`),
    s.yearlyCap ? `年間上限 ${n(s.yearlyCap)} ポイント` : null,
    s.redemptionKind === 'cash' ? `1ポイント ${n(s.yenPerPoint)}円` : '品物と交換',
  ];
  return parts.filter(Boolean).join('・');
}

function Totals({ scheme }: { scheme: PointScheme }) {
  const scope = useTenantScope();
  const [fy, setFy] = useState(currentFiscalYear());
  const q = useSummary(scope.code, scheme.id, fy);
  return (
    <section className="panel" aria-labelledby="points-totals">
      <div className="points-head">
        <h2 id="points-totals">{fiscalYearLabel(fy)}の集計</h2>
        <SelectField
          id="points-totals-fy"
          label="年度"
          value={fy}
          onChange={(e) => setFy(Number(e.target.value))}
        >
          <YearOptions />
        </SelectField>
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <dl className="points-figures">
          <Figure label="活動した会員" value={`${n(q.data.members)}人`} />
          <Figure label="確認済みの活動" value={`${n(q.data.activities)}件`} />
          <Figure label="確認待ち" value={`${n(q.data.pending)}件`} />
          <Figure label="付けたポイント" value={n(q.data.awarded)} />
          <Figure label="交換したポイント" value={n(q.data.redeemed)} />
          <Figure label="会員の残高の合計（今）" value={n(q.data.outstanding)} />
          <Figure
            label="帳簿の合計"
            value={n(q.data.ledgerTotal)}
            note={q.data.ledgerTotal === 0 ? '発行・会員・交換の合計はいつも0です' : '合計が0ではありません'}
          />
        </dl>
      )}
    </section>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="points-figure">
      <dt>{label}</dt>
      <dd>
        <span className="points-figure__value">{value}</span>
        {note && <span className="points-figure__note">{note}</span>}
      </dd>
    </div>
  );
}

const FORM = 'activity';
const FIELDS = ['helperId', 'on', 'kind', 'minutes', 'host', 'note', 'hostConfirmation'] as const;
const fieldId = fieldIdFor(FORM, FIELDS);

interface Picked {
  id: string;
  name: string;
}

/**
 * The entry form, built for a desk with a stack of 活動記録票: the member is found by typing a few
 * letters of the name (Enter takes the first match), the day, kind and 受け入れ先 stay for the
 * next sheet, and the answer says what was recorded — including when the yearly cap cut it.
 */
function ActivityEntry({ scheme }: { scheme: PointScheme }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const today = todayInTokyo();
  const [member, setMember] = useState<Picked | null>(null);
  const [on, setOn] = useState(today);
  const [kind, setKind] = useState<string>(scheme.activityKinds[0]?.code ?? '');
  const [minutes, setMinutes] = useState('');
  const [host, setHost] = useState('');
  const [note, setNote] = useState('');
  const [hostConfirmed, setHostConfirmed] = useState(false);
  const [confirmer, setConfirmer] = useState('');
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState<{ text: string; capped: string | null } | null>(null);
  const memberInput = useRef<HTMLInputElement>(null);
  const clientId = useRef(crypto.randomUUID());
  // A new picker (empty search) for each sheet.
  const [round, setRound] = useState(0);

  const mutation = useMutation({
    mutationFn: (body: PointActivityInput) =>
      api(createPointActivity, { params: { tenant: scope.code }, body }),
    onSuccess: async (res) => {
      const a = res.activity;
      setDone({
        text:
          a.status === 'confirmed'
            ? `${a.helperName}さんの活動（${formatWareki(a.on)}・${activityWhat(a)}）を記録し、${n(a.awardedPoints ?? 0)} ポイントを付けました。`
            : `${a.helperName}さんの活動（${formatWareki(a.on)}・${activityWhat(a)}・${n(a.requestedPoints)} ポイント）を記録しました。確認待ちです。`,
        capped: res.message,
      });
      // Ready for the next sheet: same day, kind and 受け入れ先; a new member and a new send number.
      setMember(null);
      setRound((r) => r + 1);
      setNote('');
      setMinutes('');
      clientId.current = crypto.randomUUID();
      await invalidatePoints(queryClient, scope.code);
      setTimeout(() => memberInput.current?.focus());
    },
  });

  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const byTime = kind === '';
  const preview = activityPoints(
    {
      pointsPerHour: scheme.pointsPerHour,
      kinds: scheme.activityKinds,
      yearlyCap: scheme.yearlyCap,
      yenPerPoint: scheme.yenPerPoint,
      yearlyRedemptionCap: scheme.yearlyRedemptionCap,
    },
    { kind: byTime ? null : kind, minutes: Number.parseInt(minutes.normalize('NFKC'), 10) || null },
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    setDone(null);
    const body: PointActivityInput = {
      schemeId: scheme.id,
      helperId: member?.id ?? '',
      on,
      kind: byTime ? null : kind,
      minutes: byTime ? Number.parseInt(minutes.normalize('NFKC'), 10) || null : null,
      host,
      note,
      hostConfirmation: hostConfirmed ? { by: confirmer, on } : null,
      clientId: clientId.current,
    };
    const problems = [];
    if (!member) problems.push({ path: 'helperId', message: '会員：氏名を入力して選んでください。' });
    if (!isIsoDate(on)) problems.push({ path: 'on', message: '活動した日：日付を正しく入力してください。' });
    if (byTime && !body.minutes)
      problems.push({ path: 'minutes', message: '活動した時間：分で入力してください（例：90）。' });
    if (hostConfirmed && !confirmer.trim())
      problems.push({
        path: 'hostConfirmation',
        message: '受け入れ先で確認した人：名前を入力してください。',
      });
    const all = problems.length > 0 ? problems : validate(PointActivityInput, body);
    setLocal({ message: null, items: all });
    if (all.length === 0) mutation.mutate(body);
  };

  return (
    <section className="panel" aria-labelledby="points-entry">
      <h2 id="points-entry">活動を記録する</h2>
      <p className="muted">
        活動記録票を見ながら、会員に代わって入力します。記録は確認されるとポイントになります。
      </p>
      {done && (
        <Notice tone={done.capped ? 'warning' : 'success'} live="status" title="記録しました">
          <p>{done.text}</p>
          {done.capped && <p>{done.capped}</p>}
        </Notice>
      )}
      <form onSubmit={submit} noValidate aria-label="活動の記録" className="points-entry">
        <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
        <MemberPicker
          key={round}
          inputRef={memberInput}
          value={member}
          onChange={setMember}
          error={errorFor(errors, 'helperId')}
        />
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-on`}
            label="活動した日"
            type="date"
            short
            max={today}
            value={on}
            onChange={(e) => setOn(e.target.value)}
            error={errorFor(errors, 'on')}
          />
          <SelectField
            id={`${FORM}-kind`}
            label="活動の種類"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            error={errorFor(errors, 'kind')}
          >
            {scheme.activityKinds.map((k) => (
              <option key={k.code} value={k.code}>
                {k.label}（{n(k.points)} ポイント）
              </option>
            ))}
            {scheme.pointsPerHour && (
              <option value="">時間で記録（1時間 {n(scheme.pointsPerHour)} ポイント）</option>
            )}
          </SelectField>
          {byTime && (
            <TextField
              id={`${FORM}-minutes`}
              label="活動した時間（分）"
              hint="例：1時間半なら 90"
              inputMode="numeric"
              short
              autoComplete="off"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              error={errorFor(errors, 'minutes')}
            />
          )}
          <TextField
            id={`${FORM}-host`}
            label="受け入れ先"
            hint="活動した団体や場所（例：峰野サロン）"
            value={host}
            maxLength={120}
            onChange={(e) => setHost(e.target.value)}
            error={errorFor(errors, 'host')}
          />
          <TextField
            id={`${FORM}-note`}
            label="メモ"
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
            error={errorFor(errors, 'note')}
          />
        </div>
        <div className="points-host-check" id={`${FORM}-hostConfirmation`}>
          <Checkbox
            label="受け入れ先の確認あり（活動記録票に受け入れ先の確認があります：すぐにポイントを付けます）"
            checked={hostConfirmed}
            onChange={(e) => setHostConfirmed(e.target.checked)}
          />
          {hostConfirmed && (
            <TextField
              id={`${FORM}-confirmer`}
              label="受け入れ先で確認した人"
              value={confirmer}
              maxLength={80}
              onChange={(e) => setConfirmer(e.target.value)}
              error={errorFor(errors, 'hostConfirmation')}
            />
          )}
        </div>
        <p className="points-preview" aria-live="polite">
          {preview.ok ? `この活動は ${n(preview.points)} ポイントです（${preview.basis}）。` : ''}
        </p>
        <div className="button-row">
          <Button type="submit" busy={mutation.isPending} busyLabel="記録しています…">
            記録する
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * Finds a member by a few letters of the name or よみがな. The matches are radio buttons (arrow
 * keys move between them); Enter in the search box takes the first.
 */
function MemberPicker({
  value,
  onChange,
  error,
  inputRef,
}: {
  value: Picked | null;
  onChange: (p: Picked | null) => void;
  error: string | null;
  inputRef: React.RefObject<HTMLInputElement | null>;
}) {
  const scope = useTenantScope();
  const [typed, setTyped] = useState('');
  const q = typed.trim();
  const found = useQuery({
    queryKey: ['helpers', scope.code, 'pick', q],
    queryFn: ({ signal }) =>
      api(listHelpers, { params: { tenant: scope.code }, query: { q, perPage: 8, page: 1 }, signal }),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const groupId = useId();
  const items = found.data?.items ?? [];
  return (
    <Field
      id={`${FORM}-helperId`}
      label="会員（担い手）"
      hint="氏名かよみがなの一部を入力し、Enter で最初の人を選べます"
      error={error}
      required
    >
      {(control) => (
        <div className="points-picker">
          {value ? (
            <p className="points-picker__chosen">
              <strong>{value.name}</strong>さん
              <Button
                variant="quiet"
                small
                onClick={() => {
                  onChange(null);
                  setTyped('');
                  setTimeout(() => inputRef.current?.focus());
                }}
              >
                選び直す
              </Button>
            </p>
          ) : (
            <>
              <input
                {...control}
                ref={inputRef}
                className="input"
                autoComplete="off"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    const first = items[0];
                    if (first) onChange({ id: first.id, name: first.name });
                  }
                }}
              />
              {q && (
                <div role="radiogroup" aria-labelledby={`${groupId}-label`} className="points-picker__list">
                  <span id={`${groupId}-label`} className="visually-hidden">
                    見つかった会員
                  </span>
                  {found.isPending && <span className="muted">探しています…</span>}
                  {found.data && items.length === 0 && <span className="muted">見つかりません。</span>}
                  {items.map((h) => (
                    <label key={h.id} className="points-picker__item">
                      <input
                        type="radio"
                        name={`${groupId}-member`}
                        onChange={() => onChange({ id: h.id, name: h.name })}
                      />
                      <span>
                        {h.name}
                        <span className="muted">
                          {h.kana ? `（${h.kana}）` : ''}
                          {h.homeAreaName ? `・${h.homeAreaName}` : ''}
                        </span>
                      </span>
                    </label>
                  ))}
                </div>
              )}
            </>
          )}
        </div>
      )}
    </Field>
  );
}

/** 確認待ち: oldest first; 確認 posts the points at once, 差し戻す asks why. */
function PendingQueue({ scheme }: { scheme: PointScheme }) {
  const scope = useTenantScope();
  const q = usePending(scope.code, scheme.id);
  const [last, setLast] = useState<{ text: string; capped: string | null } | null>(null);
  return (
    <section className="panel" aria-labelledby="points-pending">
      <h2 id="points-pending">確認待ち{q.data ? `（${n(q.data.total)}件）` : ''}</h2>
      <div aria-live="polite">
        {last && (
          <Notice tone={last.capped ? 'warning' : 'success'}>
            <p>{last.text}</p>
            {last.capped && <p>{last.capped}</p>}
          </Notice>
        )}
      </div>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : q.data.items.length === 0 ? (
        <p className="muted">確認待ちの活動はありません。</p>
      ) : (
        <TableScroll label="確認待ちの活動">
          <table className="table">
            <caption className="visually-hidden">確認待ちの活動（古い順）</caption>
            <thead>
              <tr>
                <th scope="col">活動した日</th>
                <th scope="col">会員</th>
                <th scope="col">活動</th>
                <th scope="col">受け入れ先</th>
                <th scope="col" className="num">
                  ポイント
                </th>
                <th scope="col">記録した人</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((a) => (
                <PendingRow key={a.id} activity={a} onDone={setLast} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function PendingRow({
  activity: a,
  onDone,
}: {
  activity: PointActivity;
  onDone: (done: { text: string; capped: string | null }) => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const confirm = useMutation({
    mutationFn: () =>
      api(confirmPointActivity, { params: { tenant: scope.code, id: a.id }, body: { version: a.version } }),
    onSuccess: async (res) => {
      onDone({
        text: `${a.helperName}さんの${formatWareki(a.on)}の活動を確認し、${n(res.activity.awardedPoints ?? 0)} ポイントを付けました。`,
        capped: res.message,
      });
      await invalidatePoints(queryClient, scope.code);
    },
  });
  const back = useMutation({
    mutationFn: () =>
      api(returnPointActivity, {
        params: { tenant: scope.code, id: a.id },
        body: { version: a.version, reason },
      }),
    onSuccess: async () => {
      onDone({ text: `${a.helperName}さんの${formatWareki(a.on)}の活動を差し戻しました。`, capped: null });
      await invalidatePoints(queryClient, scope.code);
    },
  });
  const error = confirm.error ?? back.error;
  const who = `${a.helperName}さんの${formatWareki(a.on)}の活動`;
  return (
    <tr>
      <td className="nowrap">{formatWareki(a.on, { style: 'short' })}</td>
      <td className="nowrap">{a.helperName}</td>
      <td>
        {a.kindLabel || formatMinutes(a.minutes ?? 0)}
        {a.note && <div className="muted points-small">{a.note}</div>}
      </td>
      <td>{a.host}</td>
      <td className="num">{n(a.requestedPoints)}</td>
      <td className="nowrap">{a.recordedBy}</td>
      <td className="points-actions">
        {error && (
          <p className="field__error" role="alert">
            {error.message}
          </p>
        )}
        {!a.canChange ? (
          <span className="muted points-small">担当の地域の外</span>
        ) : returning ? (
          <form
            className="points-return"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) back.mutate();
            }}
          >
            <label className="visually-hidden" htmlFor={`return-${a.id}`}>
              {who}を差し戻す理由
            </label>
            <input
              id={`return-${a.id}`}
              className="input"
              placeholder="差し戻す理由"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button type="submit" small variant="secondary" busy={back.isPending}>
              差し戻す
            </Button>
          </form>
        ) : (
          <div className="button-row points-row-buttons">
            <Button
              small
              icon={<Check aria-hidden="true" size={16} />}
              busy={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              確認<span className="visually-hidden">（{who}）</span>
            </Button>
            <Button
              small
              variant="quiet"
              icon={<CornerUpLeft aria-hidden="true" size={16} />}
              onClick={() => setReturning(true)}
            >
              差し戻す<span className="visually-hidden">（{who}）</span>
            </Button>
          </div>
        )}
      </td>
    </tr>
  );
}
