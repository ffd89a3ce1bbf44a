import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Download, UserPlus } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { listHelpers } from '../../../contracts/helpers';
import {
  addCourseParticipant,
  addCourseSession,
  CourseDetail,
  type CourseSession,
  exportCourseCompletions,
  getCourse,
  registerCourseParticipant,
  removeCourseParticipant,
  setCourseAttendance,
} from '../../../contracts/helpers-courses';
import { fiscalYearLabel, formatWareki, todayInTokyo } from '../../../domain/dates';
import { ApiError, api, endpointUrl } from '../../lib/api';
import { errorFor, formErrors } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { Checkbox, SelectField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { courseKeys } from './course-list-page';
import { coursePaths } from './course-paths';

const time = (s: CourseSession) => (s.startsAt ? `${s.startsAt}〜${s.endsAt}` : '');

/**
 * One course: its sessions, the attendance tick list (one session at a time, Space ticks, the
 * button saves), the participants with their ticks per session, and the 修了者一覧.
 */
export function CourseDetailPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const key = courseKeys.detail(scope.code, id);
  const q = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api(getCourse, { params: { tenant: scope.code, id }, signal }),
  });
  usePageTitle(q.data ? q.data.course.title : '養成講座');
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);

  /** Every change answers the course as it now is; a 409 answers it too (someone else was first). */
  const apply = async (run: () => Promise<CourseDetail>, done: string) => {
    try {
      const d = await run();
      queryClient.setQueryData(key, d);
      await queryClient.invalidateQueries({ queryKey: courseKeys.list(scope.code) });
      setNotice({ tone: 'success', text: done });
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = CourseDetail.safeParse(e.current);
        if (current.success) queryClient.setQueryData(key, current.data);
        setNotice({
          tone: 'warning',
          text: 'ほかの人が先にこの講座を変更しました。最新の内容を表示しています。入力した内容を確かめて、もう一度保存してください。',
        });
        return false;
      }
      throw e;
    }
  };

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} />;
  const d = q.data;
  const c = d.course;
  const file = (format: 'xlsx' | 'pdf') =>
    endpointUrl(exportCourseCompletions, { params: { tenant: scope.code, id }, query: { format } });
  const completed = d.participants
    .filter((p) => p.completed)
    .sort((a, b) => (a.certificateNo ?? 0) - (b.certificateNo ?? 0));
  return (
    <>
      <Breadcrumb
        items={[{ label: '養成講座', to: coursePaths.courses(scope.code) }, { label: c.title }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={c.title}
        lead={[
          c.kindLabel,
          fiscalYearLabel(c.fiscalYear),
          c.place && `会場：${c.place}`,
          c.capacity && `定員 ${c.capacity}人`,
          c.areaName ?? '町全体',
        ]
          .filter(Boolean)
          .join('・')}
      />
      <p className="privacy-note">受講者の氏名は個人情報です。この画面の閲覧は記録されます。</p>
      <div aria-live="polite">
        {notice && (
          <Notice tone={notice.tone}>
            <p>{notice.text}</p>
          </Notice>
        )}
      </div>
      {!c.canEdit && (
        <Notice>
          <p>この講座を変更する権限がありません（見ることはできます）。</p>
        </Notice>
      )}
      <Sessions detail={d} apply={apply} />
      {d.sessions.length > 0 && d.participants.length > 0 && c.canEdit && (
        <Attendance detail={d} apply={apply} />
      )}
      <Participants detail={d} apply={apply} />
      <section className="panel" aria-labelledby="course-completed">
        <h2 id="course-completed">修了者一覧（{completed.length}人）</h2>
        <div className="button-row">
          <a className={buttonClass('secondary', true)} href={file('xlsx')} download>
            <Download aria-hidden="true" size={16} />
            修了者一覧（Excel）
          </a>
          <a className={buttonClass('secondary', true)} href={file('pdf')} download>
            <Download aria-hidden="true" size={16} />
            修了者一覧（PDF）
          </a>
        </div>
        {completed.length === 0 ? (
          <p className="muted">まだ修了者はいません（すべての回に出席すると修了です）。</p>
        ) : (
          <TableScroll label="修了者一覧">
            <table className="table">
              <caption className="visually-hidden">修了者一覧（修了証番号の順）</caption>
              <thead>
                <tr>
                  <th scope="col">修了証番号</th>
                  <th scope="col">氏名</th>
                  <th scope="col">修了日</th>
                  <th scope="col">担い手の記録</th>
                </tr>
              </thead>
              <tbody>
                {completed.map((p) => (
                  <tr key={p.id}>
                    <td className="nowrap">第{p.certificateNo}号</td>
                    <th scope="row">{p.name}</th>
                    <td className="nowrap">{formatWareki(p.completedOn!)}</td>
                    <td>
                      {p.trainingRecorded
                        ? '受けた講座に記録済み'
                        : p.helperId
                          ? '記録なし（担い手の画面で取り消されました）'
                          : '担い手に未登録'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

type Apply = (run: () => Promise<CourseDetail>, done: string) => Promise<boolean>;

function Sessions({ detail: d, apply }: { detail: CourseDetail; apply: Apply }) {
  const scope = useTenantScope();
  const [on, setOn] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [place, setPlace] = useState('');
  const [content, setContent] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      apply(
        () =>
          api(addCourseSession, {
            params: { tenant: scope.code, id: d.course.id },
            body: { version: d.course.version, on, startsAt, endsAt, place, content },
          }),
        `回を加えました（${on ? formatWareki(on) : ''}）。`,
      ),
    onSuccess: (ok) => {
      if (ok) {
        setOn('');
        setContent('');
      }
    },
  });
  const errors = formErrors(mutation.error);
  return (
    <section className="panel" aria-labelledby="course-sessions">
      <h2 id="course-sessions">回（全{d.sessions.length}回）</h2>
      {d.sessions.length === 0 ? (
        <p className="muted">まだ回がありません。</p>
      ) : (
        <ol className="course-sessions">
          {d.sessions.map((s) => (
            <li key={s.id}>
              <strong>
                第{s.number}回 {formatWareki(s.on)} {time(s)}
              </strong>
              {s.place && `・${s.place}`}
              {s.content && <div>{s.content}</div>}
              <div className="muted">{s.held ? `出席 ${s.attended}人` : 'これから'}</div>
            </li>
          ))}
        </ol>
      )}
      {d.course.canEdit && (
        <form
          aria-label="回を加える"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!mutation.isPending) mutation.mutate();
          }}
        >
          {errors.message && (
            <p className="field__error" role="alert">
              {errors.message}
            </p>
          )}
          <div className="form-grid form-grid--2">
            <TextField
              id="session-on"
              label="日付"
              type="date"
              short
              value={on}
              onChange={(e) => setOn(e.target.value)}
              error={errorFor(errors, 'on')}
            />
            <TextField
              id="session-place"
              label="会場"
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              error={errorFor(errors, 'place')}
            />
            <TextField
              id="session-startsAt"
              label="開始時刻"
              type="time"
              short
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              error={errorFor(errors, 'startsAt')}
            />
            <TextField
              id="session-endsAt"
              label="終了時刻"
              type="time"
              short
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
              error={errorFor(errors, 'endsAt')}
            />
          </div>
          <TextField
            id="session-content"
            label="内容"
            value={content}
            onChange={(e) => setContent(e.target.value)}
            error={errorFor(errors, 'content')}
          />
          <Button type="submit" variant="secondary" busy={mutation.isPending}>
            回を加える
          </Button>
        </form>
      )}
    </section>
  );
}

/**
 * 出席: one session at a time, a tick per participant. Space ticks, Tab moves, the button saves the
 * whole list for the session (who is not ticked was absent).
 */
function Attendance({ detail: d, apply }: { detail: CourseDetail; apply: Apply }) {
  const scope = useTenantScope();
  const held = d.sessions.filter((s) => s.held);
  const [sessionId, setSessionId] = useState(held.at(-1)?.id ?? d.sessions[0]!.id);
  const session = d.sessions.find((s) => s.id === sessionId) ?? d.sessions[0]!;
  const present = () =>
    new Set(d.participants.filter((p) => p.attended.includes(session.id)).map((p) => p.id));
  const [ticked, setTicked] = useState<Set<string>>(present);
  // A different session, or the course as saved by someone: start from what is recorded.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the session or the saved version changes
  useEffect(() => setTicked(present()), [session.id, d.course.version]);
  const mutation = useMutation({
    mutationFn: () =>
      apply(
        () =>
          api(setCourseAttendance, {
            params: { tenant: scope.code, id: d.course.id, sessionId: session.id },
            body: { version: d.course.version, participantIds: [...ticked] },
          }),
        `第${session.number}回の出席を保存しました（${ticked.size}人）。`,
      ),
  });
  const errors = formErrors(mutation.error);
  const toggle = (id: string, on: boolean) =>
    setTicked((t) => {
      const next = new Set(t);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const today = todayInTokyo();
  return (
    <section className="panel" aria-labelledby="course-attendance">
      <h2 id="course-attendance">出席をとる</h2>
      <SelectField
        id="attendance-session"
        label="回"
        value={session.id}
        onChange={(e) => setSessionId(e.target.value)}
      >
        {d.sessions.map((s) => (
          <option key={s.id} value={s.id}>
            第{s.number}回 {formatWareki(s.on)}
            {s.on > today ? '（これから）' : ''}
          </option>
        ))}
      </SelectField>
      {!session.held ? (
        <p className="muted">まだ開かれていない回です。当日以降に出席をとれます。</p>
      ) : (
        <form
          aria-label={`第${session.number}回の出席`}
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (!mutation.isPending) mutation.mutate();
          }}
        >
          {errors.message && (
            <p className="field__error" role="alert">
              {errors.message}
            </p>
          )}
          <fieldset className="course-attendance">
            <legend>
              第{session.number}回（{formatWareki(session.on)}）に出席した人にチェック
            </legend>
            <div className="course-attendance__list">
              {d.participants.map((p) => (
                <Checkbox
                  key={p.id}
                  label={p.name}
                  checked={ticked.has(p.id)}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
              ))}
            </div>
          </fieldset>
          <div className="button-row">
            <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
              出席を保存する
            </Button>
            <Button variant="quiet" onClick={() => setTicked(new Set(d.participants.map((p) => p.id)))}>
              全員にチェック
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function Participants({ detail: d, apply }: { detail: CourseDetail; apply: Apply }) {
  const scope = useTenantScope();
  const c = d.course;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['helpers', scope.code, 'course-pick', q],
    queryFn: ({ signal }) =>
      api(listHelpers, { params: { tenant: scope.code }, query: { q, perPage: 8, page: 1 }, signal }),
    enabled: q.length > 0,
  });
  const [guest, setGuest] = useState({ name: '', kana: '', phone: '' });
  const add = useMutation({
    mutationFn: (body: { helperId: string | null; name?: string; kana?: string; phone?: string }) =>
      apply(
        () =>
          api(addCourseParticipant, {
            params: { tenant: scope.code, id: c.id },
            body: { version: c.version, ...body },
          }),
        '受講者を加えました。',
      ),
    onSuccess: (ok, body) => {
      if (ok && !body.helperId) setGuest({ name: '', kana: '', phone: '' });
    },
  });
  const remove = useMutation({
    mutationFn: (participantId: string) =>
      apply(
        () =>
          api(removeCourseParticipant, {
            params: { tenant: scope.code, id: c.id, participantId },
            query: { version: c.version },
          }),
        '受講者を外しました。',
      ),
  });
  const register = useMutation({
    mutationFn: (participantId: string) =>
      apply(
        () =>
          api(registerCourseParticipant, {
            params: { tenant: scope.code, id: c.id, participantId },
            body: { version: c.version, consentOn: todayInTokyo() },
          }),
        '担い手として登録しました（登録への同意は今日の日付で記録しました）。',
      ),
  });
  const errors = formErrors(add.error ?? remove.error ?? register.error);
  const taken = new Set(d.participants.map((p) => p.helperId));
  return (
    <section className="panel" aria-labelledby="course-participants">
      <h2 id="course-participants">
        受講者（{d.participants.length}人{c.capacity ? `／定員 ${c.capacity}人` : ''}）
      </h2>
      {errors.message && (
        <Notice tone="error" live="alert">
          <p>{errors.message}</p>
        </Notice>
      )}
      {d.participants.length > 0 && (
        <TableScroll label="受講者と出席">
          <table className="table">
            <caption className="visually-hidden">受講者と回ごとの出席</caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                {d.sessions.map((s) => (
                  <th key={s.id} scope="col" className="course-tick-cell">
                    第{s.number}回
                  </th>
                ))}
                <th scope="col">修了</th>
                <th scope="col">担い手</th>
                {c.canEdit && <th scope="col">操作</th>}
              </tr>
            </thead>
            <tbody>
              {d.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name}
                    {p.kana && <div className="muted">{p.kana}</div>}
                    {p.phone && <div className="muted">{p.phone}</div>}
                  </th>
                  {d.sessions.map((s) => (
                    <td key={s.id} className="course-tick-cell">
                      {p.attended.includes(s.id) ? '出席' : <span className="muted">—</span>}
                    </td>
                  ))}
                  <td className="nowrap">{p.completed ? `修了（第${p.certificateNo}号）` : '—'}</td>
                  <td className="nowrap">
                    {p.helperId ? (
                      '登録済み'
                    ) : c.canEdit ? (
                      <Button
                        small
                        variant="secondary"
                        icon={<UserPlus aria-hidden="true" size={16} />}
                        onClick={() => register.mutate(p.id)}
                      >
                        担い手として登録<span className="visually-hidden">（{p.name}）</span>
                      </Button>
                    ) : (
                      '未登録'
                    )}
                  </td>
                  {c.canEdit && (
                    <td>
                      <Button small variant="quiet" onClick={() => remove.mutate(p.id)}>
                        外す<span className="visually-hidden">（{p.name}）</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {c.canEdit && (
        <div className="form-grid form-grid--2">
          <form
            aria-label="登録済みの担い手を加える"
            onSubmit={(e) => {
              e.preventDefault();
              setQ(typed.trim());
            }}
          >
            <h3>登録済みの担い手を加える</h3>
            <TextField
              id="participant-search"
              label="氏名・よみがな"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary" small>
              探す
            </Button>
            {found.data && (
              <ul className="course-sessions" aria-label="見つかった担い手">
                {found.data.items.length === 0 && <li className="muted">見つかりません。</li>}
                {found.data.items.map((h) => (
                  <li key={h.id}>
                    {h.name}
                    {h.homeAreaName && <span className="muted">・{h.homeAreaName}</span>}{' '}
                    {taken.has(h.id) ? (
                      <span className="muted">（受講者です）</span>
                    ) : (
                      <Button small onClick={() => add.mutate({ helperId: h.id })}>
                        加える<span className="visually-hidden">（{h.name}）</span>
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </form>
          <form
            aria-label="まだ担い手でない人を加える"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate({ helperId: null, ...guest });
            }}
          >
            <h3>まだ担い手でない人を加える</h3>
            <TextField
              id="guest-name"
              label="氏名"
              value={guest.name}
              onChange={(e) => setGuest({ ...guest, name: e.target.value })}
              error={errorFor(errors, 'name')}
            />
            <TextField
              id="guest-kana"
              label="よみがな"
              value={guest.kana}
              onChange={(e) => setGuest({ ...guest, kana: e.target.value })}
              error={errorFor(errors, 'kana')}
            />
            <TextField
              id="guest-phone"
              label="電話番号"
              inputMode="tel"
              value={guest.phone}
              onChange={(e) => setGuest({ ...guest, phone: e.target.value })}
              error={errorFor(errors, 'phone')}
            />
            <Button type="submit" variant="secondary" small busy={add.isPending}>
              受講者に加える
            </Button>
          </form>
        </div>
      )}
    </section>
  );
}
