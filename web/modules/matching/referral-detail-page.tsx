import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ArrowRight } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { createActivity } from '../../../contracts/activities';
import {
  addReferralNote,
  changeReferralStatus,
  type Referral,
  type ReferralEvent,
} from '../../../contracts/matching';
import { suggestHeadlines, suggestTasks } from '../../../domain/activities';
import { todayInTokyo } from '../../../domain/dates';
import {
  defaultFollowUp,
  END_REASONS,
  FAILURE_REASONS,
  isTerminalReferral,
  NOTE_SIDES,
  type NoteSide,
  noteSideLabel,
  type ReferralStatus,
  referralStatusLabel,
  referralTargetKindLabel,
} from '../../../domain/referrals';
import { ApiError, api } from '../../lib/api';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { WarekiDate } from '../../ui/dates';
import { SelectField, TextareaField, TextField } from '../../ui/field';
import { NotFoundContent } from '../../ui/not-found';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { activityPaths, layerOf, logsActivities } from '../activities/paths';
import { invalidateActivities } from '../activities/queries';
import { needPaths, PrivacyNote } from '../needs';
import { FollowUpDate, ReferralStatusBadge, ReferralSteps } from './format';
import { matchingPaths } from './paths';
import { invalidateMatching, matchingKeys, useReferral } from './queries';
import { targetPath } from './suggestions';

/** A referral's page: who, to what, where it stands, what to check next, and its dated history. */
export function ReferralDetailPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useReferral(scope.code, id);
  usePageTitle(query.data ? `つなぎ：${query.data.referral.targetName}` : 'つなぎ');
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404)
      return (
        <NotFoundContent what="つなぎ">
          <p>
            <Link to={matchingPaths.referrals(scope.code)}>つなぎの一覧へ</Link>
          </p>
        </NotFoundContent>
      );
    return <ErrorNotice error={query.error} />;
  }
  const { referral: r, events, nextStatuses } = query.data;
  const who = r.residentName ?? (r.residentId ? '登録された住民' : null);
  return (
    <>
      <Breadcrumb
        items={[{ label: 'つなぎ', to: matchingPaths.referrals(scope.code) }, { label: r.targetName }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={
          <>
            {r.targetName}へのつなぎ <ReferralStatusBadge status={r.status} />
          </>
        }
        lead={`${who ? `${who}さん・` : ''}${r.categoryName}・${r.areaName}`}
      />
      <PrivacyNote />
      <ReferralSteps referral={r} />
      {r.followUpOn && (
        <Notice tone={r.followUpOn <= todayInTokyo() ? 'warning' : 'info'}>
          <p>
            次の確認：
            <FollowUpDate date={r.followUpOn} />　{r.followUpHint}
          </p>
        </Notice>
      )}
      <dl className="facts">
        <dt>つなぎ先</dt>
        <dd>
          <Link to={targetPath(scope.code, r.targetKind, r.targetId)}>{r.targetName}</Link>（
          {referralTargetKindLabel(r.targetKind)}）
        </dd>
        <dt>困りごと</dt>
        <dd>
          {r.needId ? (
            <Link to={needPaths.need(scope.code, r.needId)}>{r.needSummary ?? '困りごと'}</Link>
          ) : (
            <span className="muted">なし</span>
          )}
        </dd>
        <dt>住民</dt>
        <dd>
          {r.residentId && r.residentName ? (
            <Link to={needPaths.resident(scope.code, r.residentId)}>{r.residentName}</Link>
          ) : (
            <span className="muted">特定の住民とつないでいません</span>
          )}
        </dd>
        <dt>担当</dt>
        <dd>{r.scName}</dd>
        <dt>提案した日</dt>
        <dd>
          <WarekiDate date={r.proposedOn} />
        </dd>
        {r.startedOn && (
          <>
            <dt>利用開始</dt>
            <dd>
              <WarekiDate date={r.startedOn} />
            </dd>
          </>
        )}
        {r.closedOn && (
          <>
            <dt>{r.status === 'failed' ? '不成立' : '終了'}</dt>
            <dd>
              <WarekiDate date={r.closedOn} />
              {r.outcomeReason && `（${r.outcomeReason}）`}
            </dd>
          </>
        )}
        {r.reasons.length > 0 && (
          <>
            <dt>選んだ理由</dt>
            <dd>{r.reasons.join('・')}</dd>
          </>
        )}
        {r.summary && (
          <>
            <dt>メモ</dt>
            <dd className="needs-prewrap">{r.summary}</dd>
          </>
        )}
      </dl>
      {r.canEdit && nextStatuses.length > 0 && <StepForm referral={r} nextStatuses={nextStatuses} />}
      {r.canEdit && <NoteForm referral={r} />}
      {r.canEdit && logsActivities(scope) && <LogActivity referral={r} />}
      <section aria-labelledby="ref-history-title">
        <h2 id="ref-history-title">経過</h2>
        <Timeline events={events} />
      </section>
    </>
  );
}

function useSave(id: string) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  return {
    done: async () => invalidateMatching(queryClient, scope.code),
    reload: async () => queryClient.invalidateQueries({ queryKey: matchingKeys.referral(scope.code, id) }),
  };
}

/** 段階を進める: only the steps it may take now; a skip or 不成立 asks for its reason. */
function StepForm({ referral: r, nextStatuses }: { referral: Referral; nextStatuses: ReferralStatus[] }) {
  const scope = useTenantScope();
  const save = useSave(r.id);
  const today = todayInTokyo();
  const [to, setTo] = useState<ReferralStatus | ''>('');
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [side, setSide] = useState<NoteSide>('sc');
  const [follow, setFollow] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const suggestedFollow = to && !isTerminalReferral(to) ? defaultFollowUp(to, on || today) : null;
  const mutation = useMutation({
    mutationFn: () =>
      api(changeReferralStatus, {
        params: { tenant: scope.code, id: r.id },
        body: {
          status: to as ReferralStatus,
          on,
          reason,
          note,
          side,
          ...(follow !== null ? { followUpOn: follow || null } : {}),
          version: r.version,
        },
      }),
    onSuccess: async (u) => {
      setMessage(`「${referralStatusLabel(u.status)}」にしました。経過に残りました。`);
      setTo('');
      setReason('');
      setNote('');
      setFollow(null);
      await save.done();
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) await save.reload();
    },
  });
  const fields = mutation.error instanceof ApiError ? mutation.error.fieldMap() : {};
  const reasons = to === 'failed' ? FAILURE_REASONS : to === 'ended' ? END_REASONS : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!to) return;
    mutation.mutate();
  };
  return (
    <section className="panel" aria-labelledby="ref-step-title">
      <h2 id="ref-step-title">段階を進める</h2>
      <form onSubmit={submit} noValidate aria-labelledby="ref-step-title">
        {mutation.isError && (
          <ErrorNotice
            error={
              mutation.error instanceof ApiError && mutation.error.status === 409
                ? new Error(
                    `${mutation.error.message} 最新の内容を読み込みました。もう一度選んでください（入力は残しています）。`,
                  )
                : mutation.error
            }
          />
        )}
        <fieldset className={`fieldset${fields.status ? ' field--error' : ''}`}>
          <legend className="fieldset__legend">次の段階</legend>
          {fields.status && <p className="field__error">{fields.status}</p>}
          <div className="status-choices">
            {nextStatuses.map((s, i) => (
              <label key={s} className="check status-choice">
                <input
                  id={i === 0 ? 'ref-step-to' : undefined}
                  type="radio"
                  name="ref-step"
                  value={s}
                  checked={to === s}
                  onChange={() => setTo(s)}
                />
                <span>{referralStatusLabel(s)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {to && (
          <>
            <TextField
              id="ref-step-on"
              type="date"
              label="その日"
              hint="電話で聞いたのが昨日なら、昨日の日付に"
              value={on}
              max={today}
              error={fields.on}
              onChange={(e) => setOn(e.target.value)}
              short
            />
            {reasons.length > 0 && (
              <SelectField
                id="ref-step-reason-pick"
                label={to === 'failed' ? '不成立の理由' : '終わった理由'}
                value={reasons.includes(reason as never) ? reason : ''}
                error={fields.reason}
                onChange={(e) => setReason(e.target.value)}
              >
                <option value="">選んでください</option>
                {reasons.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </SelectField>
            )}
            {reasons.length === 0 && (
              <TextField
                id="ref-step-reason"
                label="理由（段階を飛ばすとき）"
                hint="例：ご本人から、もう通い始めたと電話があった"
                value={reason}
                error={fields.reason}
                maxLength={200}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
            <SelectField
              id="ref-step-side"
              label="誰の話か"
              value={side}
              onChange={(e) => setSide(e.target.value as NoteSide)}
            >
              {NOTE_SIDES.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.label}
                </option>
              ))}
            </SelectField>
            <TextareaField
              id="ref-step-note"
              label="メモ（経過に残ります）"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            {suggestedFollow && (
              <TextField
                id="ref-step-follow"
                type="date"
                label="次に確認する日"
                hint="空にすると、今日の確認に出ません"
                value={follow ?? suggestedFollow}
                error={fields.followUpOn}
                onChange={(e) => setFollow(e.target.value)}
                short
              />
            )}
          </>
        )}
        <Button type="submit" busy={mutation.isPending} busyLabel="記録しています…" disabled={!to}>
          記録する
        </Button>
      </form>
      <div aria-live="polite">{message && <p className="status-form__done">{message}</p>}</div>
    </section>
  );
}

/** 経過を書く: what the SC, the provider or the person said; choosing the next check takes it off today. */
function NoteForm({ referral: r }: { referral: Referral }) {
  const scope = useTenantScope();
  const save = useSave(r.id);
  const [side, setSide] = useState<NoteSide>('sc');
  const [note, setNote] = useState('');
  const [follow, setFollow] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const terminal = isTerminalReferral(r.status);
  const mutation = useMutation({
    mutationFn: () =>
      api(addReferralNote, {
        params: { tenant: scope.code, id: r.id },
        body: { side, note, ...(follow ? { followUpOn: follow } : {}), version: r.version },
      }),
    onSuccess: async () => {
      setMessage('経過に書きました。');
      setNote('');
      setFollow('');
      await save.done();
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) await save.reload();
    },
  });
  const fields = mutation.error instanceof ApiError ? mutation.error.fieldMap() : {};
  return (
    <section className="panel" aria-labelledby="ref-note-title">
      <h2 id="ref-note-title">経過を書く</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setMessage(null);
          mutation.mutate();
        }}
        noValidate
        aria-labelledby="ref-note-title"
      >
        {mutation.isError && !fields.note && !fields.followUpOn && <ErrorNotice error={mutation.error} />}
        <SelectField
          id="ref-note-side"
          label="誰の話か"
          value={side}
          onChange={(e) => setSide(e.target.value as NoteSide)}
        >
          {NOTE_SIDES.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextareaField
          id="ref-note-text"
          label="経過"
          required
          rows={3}
          maxLength={2000}
          value={note}
          error={fields.note}
          onChange={(e) => setNote(e.target.value)}
        />
        {!terminal && (
          <TextField
            id="ref-note-follow"
            type="date"
            label="次に確認する日（決め直すとき）"
            value={follow}
            error={fields.followUpOn}
            onChange={(e) => setFollow(e.target.value)}
            short
          />
        )}
        <Button type="submit" variant="secondary" busy={mutation.isPending} busyLabel="書いています…">
          経過に書く
        </Button>
      </form>
      <div aria-live="polite">{message && <p className="status-form__done">{message}</p>}</div>
    </section>
  );
}

/**
 * 活動記録に残す: the call or visit this つなぎ took, in the SC's activity log (⑥ マッチング, C, e,
 * 個別支援), linked to the referral, its need and the resource — so the monthly report counts it.
 */
function LogActivity({ referral: r }: { referral: Referral }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [type, setType] = useState<'visit' | 'consultation' | 'meeting'>('visit');
  const [minutes, setMinutes] = useState('30');
  const [summary, setSummary] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      api(createActivity, {
        params: { tenant: scope.code },
        body: {
          minutes: Number(minutes.normalize('NFKC')) || 0,
          type,
          layer: layerOf(scope),
          functions: ['f6'],
          headlines: suggestHeadlines(['f6']),
          yokoTasks: suggestTasks(['f6']),
          support: 'individual',
          areaIds: [r.areaId],
          needIds: r.needId ? [r.needId] : [],
          resourceIds: r.targetKind === 'resource' ? [r.targetId] : [],
          referralIds: [r.id],
          summary: summary || `${r.targetName}へのつなぎ`,
        },
      }),
    onSuccess: async (a) => {
      setDone(a.id);
      setSummary('');
      await invalidateActivities(queryClient, scope.code);
    },
  });
  const fields = mutation.error instanceof ApiError ? mutation.error.fieldMap() : {};
  return (
    <section className="panel" aria-labelledby="ref-activity-title">
      <h2 id="ref-activity-title">活動記録に残す</h2>
      <p className="muted">
        電話や訪問にかかった時間を、SCの活動記録（⑥ニーズとサービスのマッチング・個別支援）に残します。
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          mutation.mutate();
        }}
        noValidate
        aria-labelledby="ref-activity-title"
      >
        {mutation.isError && !fields.minutes && <ErrorNotice error={mutation.error} />}
        <SelectField
          id="ref-activity-type"
          label="種類"
          value={type}
          onChange={(e) => setType(e.target.value as typeof type)}
        >
          <option value="visit">訪問</option>
          <option value="consultation">相談（電話を含む）</option>
          <option value="meeting">会議・打合せ</option>
        </SelectField>
        <TextField
          id="ref-activity-minutes"
          label="時間（分）"
          inputMode="numeric"
          short
          value={minutes}
          error={fields.minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <TextField
          id="ref-activity-summary"
          label="ひとこと（任意）"
          value={summary}
          maxLength={120}
          onChange={(e) => setSummary(e.target.value)}
        />
        <Button type="submit" variant="secondary" busy={mutation.isPending} busyLabel="記録しています…">
          活動記録に残す
        </Button>
      </form>
      <div aria-live="polite">
        {done && (
          <p className="status-form__done">
            活動記録に残しました。<Link to={activityPaths.activity(scope.code, done)}>記録を開く</Link>
          </p>
        )}
      </div>
    </section>
  );
}

function Timeline({ events }: { events: ReferralEvent[] }) {
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={`${e.at}-${e.toStatus}-${e.note}`} className={`timeline__item timeline__item--${e.side}`}>
          <p className="timeline__when">
            <WarekiDate date={e.on} />
            <span className="timeline__side">{noteSideLabel(e.side)}</span>
          </p>
          {e.toStatus && (
            <p className="timeline__step">
              {e.fromStatus ? (
                <>
                  {referralStatusLabel(e.fromStatus)}
                  <span className="visually-hidden">から</span>
                  <ArrowRight aria-hidden="true" size={14} />
                </>
              ) : null}
              <ReferralStatusBadge status={e.toStatus} />
            </p>
          )}
          {e.note && <p className="timeline__note">{e.note}</p>}
          <p className="timeline__by muted">記録：{e.actor}</p>
        </li>
      ))}
    </ol>
  );
}
