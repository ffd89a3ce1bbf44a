import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CalendarPlus, FileText, HandHelping, Lightbulb, Plus, X } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  type AgendaItem,
  addAgendaItem,
  createTask,
  type Meeting,
  printMeeting,
  updateAgendaItem,
  updateMeeting,
} from '../../../contracts/councils';
import {
  AGENDA_STEPS,
  type AgendaStep,
  defaultDueDate,
  MEETING_STATUSES,
  memberRoleLabel,
} from '../../../domain/councils';
import { formatWareki } from '../../../domain/dates';
import { api, endpointUrl } from '../../lib/api';
import { errorFor, formErrors, NO_ERRORS } from '../../lib/form';
import { paths } from '../../lib/paths';
import { useTenantScope, useUser } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { Checkbox, SelectField, TextareaField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { needsMatrixPath } from '../needs-matrix';
import { DueDate, MeetingStatusBadge, MeetingWhenWhere, meetingNumber, meetingWhen, toggled } from './format';
import { councilPaths } from './paths';
import { invalidateCouncils, useMeeting, useTaskOwners } from './queries';

/**
 * /meetings/:id — a meeting's agenda in the seeds' order (①–⑥) and, item by item, its minutes:
 * what was exchanged, the ideas raised, what was handed to the SC (a task with an owner and a due
 * date) and what goes on as 宿題・継続協議 to the next meeting. Council members read it.
 */
export function MeetingPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const meeting = useMeeting(scope.code, id);
  const m = meeting.data;
  usePageTitle(m ? `${m.councilName} ${meetingNumber(m)}` : '会議');
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <ErrorNotice error={meeting.error} />;
  const data = m!;
  const print = (kind: 'agenda' | 'minutes') =>
    endpointUrl(printMeeting, { params: { tenant: scope.code, id: data.id }, query: { kind } });
  return (
    <>
      <Breadcrumb
        items={[
          { label: '協議体', to: councilPaths.councils(scope.code) },
          { label: data.councilName, to: councilPaths.council(scope.code, data.councilId) },
          { label: meetingNumber(data) },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={`${data.councilName} ${meetingNumber(data)}`}
        lead={
          <>
            {meetingWhen(data)}　<MeetingStatusBadge status={data.status} />
          </>
        }
        actions={
          <>
            <a className={buttonClass('secondary')} href={print('agenda')} download>
              <FileText aria-hidden="true" size={18} />
              次第（PDF）
            </a>
            <a className={buttonClass('secondary')} href={print('minutes')} download>
              <FileText aria-hidden="true" size={18} />
              議事録（PDF）
            </a>
          </>
        }
      />
      <nav className="meeting-nav" aria-label="前後の会議">
        {data.previous && (
          <Link to={councilPaths.meeting(scope.code, data.previous.id)}>
            前の会議（{formatWareki(data.previous.heldOn)}）
          </Link>
        )}
        {data.next ? (
          <Link to={councilPaths.meeting(scope.code, data.next.id)}>
            次の会議（{formatWareki(data.next.heldOn)}）
          </Link>
        ) : (
          data.canEdit && (
            <Link
              className={buttonClass('secondary', true)}
              to={councilPaths.meetingNew(scope.code, data.councilId)}
            >
              <CalendarPlus aria-hidden="true" size={16} />
              次回の会議を準備する
            </Link>
          )
        )}
      </nav>
      <dl className="facts meeting-facts">
        <dt>場所</dt>
        <dd>{[data.place, data.online ? 'オンライン' : ''].filter(Boolean).join('・') || '—'}</dd>
        <dt>主なテーマ</dt>
        <dd>{data.theme || '—'}</dd>
        <dt>出席</dt>
        <dd>
          {data.status === 'held'
            ? `委員${data.attendeeIds.length}人${data.guests ? `、ほか${data.guests}人` : ''}`
            : '（開催後に記録します）'}
        </dd>
      </dl>

      <h2 className="agenda-title">議事と議事録</h2>
      {data.canEdit && (
        <p className="muted">
          議題ごとに記録して「保存」します。託したことは担当者の「わたしの仕事」に入ります。
        </p>
      )}
      {AGENDA_STEPS.map((step, n) => {
        const items = data.items.filter((i) => i.step === step.code);
        if (items.length === 0) return null;
        return (
          <section key={step.code} className="agenda-step" aria-labelledby={`step-${step.code}`}>
            <h3 id={`step-${step.code}`}>
              {'①②③④⑤⑥'[n]} {step.label}
            </h3>
            {items.map((item) =>
              data.canEdit ? (
                <ItemEditor key={item.id} meeting={data} item={item} />
              ) : (
                <ItemView key={item.id} item={item} />
              ),
            )}
          </section>
        );
      })}
      {data.canEdit && <AddItemForm meeting={data} />}
      {data.canEdit ? <MeetingForm meeting={data} /> : <MeetingSummaryView meeting={data} />}
    </>
  );
}

/** What an item is about: the 空白 cell, needs (counts; words only for staff), resources, project, origin. */
function ItemLinks({ item }: { item: AgendaItem }) {
  const scope = useTenantScope();
  const lines = [];
  if (item.cell)
    lines.push(
      <li key="cell">
        <Link to={needsMatrixPath(scope.code, 'layer=3')}>ニーズと地域資源</Link>：{item.cell.areaName} ×{' '}
        {item.cell.categoryName}
        （未対応の困りごと{item.cell.openNeeds}件・資源{item.cell.resources}
        {item.cell.gap ? '・空白' : ''}）
      </li>,
    );
  for (const n of item.needs)
    lines.push(
      <li key={n.id}>
        困りごと：{n.areaName}・{n.categoryName}・{n.people}人{n.summary ? `「${n.summary}」` : ''}
      </li>,
    );
  for (const r of item.resources)
    lines.push(
      <li key={r.id}>
        地域資源：<Link to={paths.resource(scope.code, r.id)}>{r.name}</Link>
      </li>,
    );
  if (item.project)
    lines.push(
      <li key="project">
        プロジェクト：<Link to={councilPaths.project(scope.code, item.project.id)}>{item.project.name}</Link>
      </li>,
    );
  if (item.carriedFrom)
    lines.push(
      <li key="from">
        <Link to={councilPaths.meeting(scope.code, item.carriedFrom.meetingId)}>
          前回（{formatWareki(item.carriedFrom.heldOn)}）
        </Link>
        からの宿題・継続協議
      </li>,
    );
  return lines.length > 0 ? <ul className="item-links">{lines}</ul> : null;
}

function ItemView({ item }: { item: AgendaItem }) {
  return (
    <article className="agenda-item panel" aria-label={item.title}>
      <h4>{item.title}</h4>
      {item.description && <p>{item.description}</p>}
      <ItemLinks item={item} />
      {item.notes && <p className="item-notes">{item.notes}</p>}
      {item.ideas.length > 0 && (
        <>
          <p className="item-label">
            <Lightbulb aria-hidden="true" size={16} /> 出されたアイデア（{item.ideas.length}件）
          </p>
          <ol>
            {item.ideas.map((idea) => (
              <li key={idea}>{idea}</li>
            ))}
          </ol>
        </>
      )}
      <HandedTasks item={item} />
      {item.carryOver && <p className="item-homework">宿題・継続協議：{item.homework || item.title}</p>}
    </article>
  );
}

function HandedTasks({ item }: { item: AgendaItem }) {
  if (item.tasks.length === 0) return null;
  return (
    <>
      <p className="item-label">
        <HandHelping aria-hidden="true" size={16} /> SCに託したこと
      </p>
      <ul>
        {item.tasks.map((t) => (
          <li key={t.id}>
            {t.title}（{t.ownerName}・期限 <DueDate due={t.dueOn} status={t.status} />）
          </li>
        ))}
      </ul>
    </>
  );
}

function ItemEditor({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    title: item.title,
    notes: item.notes,
    ideas: item.ideas,
    carryOver: item.carryOver,
    homework: item.homework,
  });
  const [saved, setSaved] = useState(false);
  const prefix = `item-${item.id.slice(0, 8)}`;
  const mutation = useMutation({
    mutationFn: () =>
      api(updateAgendaItem, {
        params: { tenant: scope.code, id: meeting.id, itemId: item.id },
        body: {
          step: item.step,
          title: values.title,
          description: item.description,
          cell: item.cell ? { areaId: item.cell.areaId, category: item.cell.category } : null,
          needIds: item.needs.map((n) => n.id),
          resourceIds: item.resources.map((r) => r.id),
          projectId: item.project?.id ?? null,
          notes: values.notes,
          ideas: values.ideas.map((i) => i.trim()).filter(Boolean),
          carryOver: values.carryOver,
          homework: values.homework,
          version: item.version,
        },
      }),
    onSuccess: async () => {
      setSaved(true);
      await invalidateCouncils(queryClient, scope.code);
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    mutation.mutate();
  };
  return (
    <article className="agenda-item panel" aria-labelledby={`${prefix}-title`}>
      <h4 id={`${prefix}-title`}>{item.title}</h4>
      {item.description && <p>{item.description}</p>}
      <ItemLinks item={item} />
      <form onSubmit={submit} noValidate aria-label={`「${item.title}」の議事録`} className="item-form">
        <ErrorSummary message={errors.message} items={errors.items} />
        <TextareaField
          id={`${prefix}-notes`}
          label="意見交換の記録"
          rows={3}
          value={values.notes}
          onChange={(e) => setValues({ ...values, notes: e.target.value })}
          error={errorFor(errors, 'notes')}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">出されたアイデア</legend>
          {values.ideas.map((idea, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: ideas have no identity but their place
            <div key={i} className="idea-row">
              <TextField
                id={`${prefix}-idea-${i}`}
                label={`アイデア${i + 1}`}
                value={idea}
                onChange={(e) =>
                  setValues({ ...values, ideas: values.ideas.map((x, k) => (k === i ? e.target.value : x)) })
                }
                error={errorFor(errors, `ideas.${i}`)}
              />
              <button
                type="button"
                className={buttonClass('quiet', true)}
                onClick={() => setValues({ ...values, ideas: values.ideas.filter((_, k) => k !== i) })}
              >
                <X aria-hidden="true" size={16} />
                <span className="visually-hidden">アイデア{i + 1}を</span>除く
              </button>
            </div>
          ))}
          <Button
            variant="secondary"
            small
            icon={<Plus aria-hidden="true" size={16} />}
            onClick={() => setValues({ ...values, ideas: [...values.ideas, ''] })}
          >
            アイデアを加える
          </Button>
        </fieldset>
        <Checkbox
          label="宿題・継続協議にする（次の会議の議題に入ります）"
          checked={values.carryOver}
          onChange={(e) => setValues({ ...values, carryOver: e.target.checked })}
        />
        {values.carryOver && (
          <TextField
            id={`${prefix}-homework`}
            label="宿題の内容"
            value={values.homework}
            onChange={(e) => setValues({ ...values, homework: e.target.value })}
            error={errorFor(errors, 'homework')}
          />
        )}
        <div className="button-row">
          <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
            保存<span className="visually-hidden">（{item.title}）</span>
          </Button>
          {saved && (
            <span role="status" className="saved-note">
              保存しました
            </span>
          )}
        </div>
      </form>
      <HandedTasks item={item} />
      {(item.step === 'entrust' || item.tasks.length > 0) && <EntrustForm meeting={meeting} item={item} />}
    </article>
  );
}

/** 「SCに託す」: what the council hands over becomes a task with an owner and a due date. */
function EntrustForm({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const scope = useTenantScope();
  const user = useUser();
  const queryClient = useQueryClient();
  const owners = useTaskOwners(scope.code);
  const prefix = `entrust-${item.id.slice(0, 8)}`;
  const [values, setValues] = useState({
    title: '',
    ownerUserId: user.id,
    dueOn: defaultDueDate(meeting.heldOn),
  });
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      api(createTask, {
        params: { tenant: scope.code },
        body: { ...values, detail: '', meetingId: meeting.id, agendaItemId: item.id, projectId: null },
      }),
    onSuccess: async (t) => {
      setDone(`「${t.title}」を${t.ownerName}さんに託しました。`);
      setValues({ ...values, title: '' });
      await invalidateCouncils(queryClient, scope.code);
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  return (
    <form
      className="entrust-form"
      noValidate
      aria-label={`「${item.title}」からSCに託す`}
      onSubmit={(e) => {
        e.preventDefault();
        setDone(null);
        mutation.mutate();
      }}
    >
      <ErrorSummary message={errors.message} items={errors.items} />
      <TextField
        id={`${prefix}-title`}
        label="SCに託すこと"
        hint="行政への要求ではなく、自分たちでできそうなことの調整をお願いします"
        value={values.title}
        onChange={(e) => setValues({ ...values, title: e.target.value })}
        error={errorFor(errors, 'title')}
      />
      <div className="entrust-form__row">
        <SelectField
          id={`${prefix}-owner`}
          label="担当者"
          value={values.ownerUserId}
          onChange={(e) => setValues({ ...values, ownerUserId: e.target.value })}
          error={errorFor(errors, 'ownerUserId')}
        >
          {(owners.data?.items ?? [{ userId: user.id, name: user.displayName, role: '' }]).map((o) => (
            <option key={o.userId} value={o.userId}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${prefix}-due`}
          label="期限"
          type="date"
          value={values.dueOn}
          onChange={(e) => setValues({ ...values, dueOn: e.target.value })}
          error={errorFor(errors, 'dueOn')}
        />
      </div>
      <Button
        type="submit"
        variant="secondary"
        busy={mutation.isPending}
        icon={<HandHelping aria-hidden="true" size={18} />}
      >
        SCに託す
      </Button>
      {done && (
        <p role="status" className="saved-note">
          {done}
        </p>
      )}
    </form>
  );
}

function AddItemForm({ meeting }: { meeting: Meeting }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<{ step: AgendaStep; title: string }>({ step: 'exchange', title: '' });
  const mutation = useMutation({
    mutationFn: () =>
      api(addAgendaItem, {
        params: { tenant: scope.code, id: meeting.id },
        body: { ...values, description: '', cell: null, needIds: [], resourceIds: [], projectId: null },
      }),
    onSuccess: async () => {
      setValues({ step: values.step, title: '' });
      await invalidateCouncils(queryClient, scope.code);
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  return (
    <form
      className="panel add-item-form"
      noValidate
      aria-labelledby="add-item-title"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
    >
      <h3 id="add-item-title">議題を加える</h3>
      <ErrorSummary message={errors.message} items={errors.items} />
      <div className="entrust-form__row">
        <SelectField
          label="段階"
          value={values.step}
          onChange={(e) => setValues({ ...values, step: e.target.value as AgendaStep })}
        >
          {AGENDA_STEPS.map((s) => (
            <option key={s.code} value={s.code}>
              {s.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="議題"
          value={values.title}
          onChange={(e) => setValues({ ...values, title: e.target.value })}
          error={errorFor(errors, 'title')}
        />
      </div>
      <Button
        type="submit"
        variant="secondary"
        busy={mutation.isPending}
        icon={<Plus aria-hidden="true" size={18} />}
      >
        加える
      </Button>
    </form>
  );
}

/** 「佐藤 正男（委員）」: a seat as the attendance lists name it. */
const seatLabel = (s: Meeting['seats'][number]) =>
  `${s.personName ?? s.organizationName}（${memberRoleLabel(s.role)}）`;

function MeetingSummaryView({ meeting }: { meeting: Meeting }) {
  if (!meeting.review && !meeting.nextNote && meeting.attendeeIds.length === 0) return null;
  const present = meeting.seats.filter((s) => meeting.attendeeIds.includes(s.id));
  return (
    <section className="panel" aria-labelledby="summary-title">
      <h2 id="summary-title">総評・次回・出席</h2>
      {meeting.review && <p>{meeting.review}</p>}
      {meeting.nextNote && <p>次回：{meeting.nextNote}</p>}
      {present.length > 0 && (
        <p className="muted">
          出席：
          {present.map(seatLabel).join('、')}
          {meeting.guests ? `、ほか${meeting.guests}人` : ''}
        </p>
      )}
    </section>
  );
}

/** Date, place, status, attendance, 総評 and 次回: the meeting as a whole. */
function MeetingForm({ meeting }: { meeting: Meeting }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    heldOn: meeting.heldOn,
    startsAt: meeting.startsAt ?? '',
    endsAt: meeting.endsAt ?? '',
    place: meeting.place,
    online: meeting.online,
    theme: meeting.theme,
    status: meeting.status,
    attendeeIds: meeting.attendeeIds,
    guests: String(meeting.guests),
    guestsNote: meeting.guestsNote,
    review: meeting.review,
    nextNote: meeting.nextNote,
  });
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: () =>
      api(updateMeeting, {
        params: { tenant: scope.code, id: meeting.id },
        body: {
          ...values,
          startsAt: values.startsAt || null,
          endsAt: values.endsAt || null,
          guests: Number.parseInt(values.guests.normalize('NFKC'), 10) || 0,
          version: meeting.version,
        },
      }),
    onSuccess: async () => {
      setSaved(true);
      await invalidateCouncils(queryClient, scope.code);
    },
  });
  const errors = mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const prefix = 'meeting-edit';
  return (
    <form
      className="panel form-grid"
      noValidate
      aria-labelledby="meeting-edit-title"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        mutation.mutate();
      }}
    >
      <h2 id="meeting-edit-title">開催の記録（日時・出席・総評・次回）</h2>
      <ErrorSummary message={errors.message} items={errors.items} />
      {mutation.error && 'status' in mutation.error && mutation.error.status === 409 && (
        <Notice tone="warning">
          <p>ほかの人が先に保存しました。ページを読み込み直してから、もう一度入力してください。</p>
        </Notice>
      )}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">開催の状況</legend>
        <div className="check-grid">
          {MEETING_STATUSES.map((s) => (
            <label key={s.code} className="check">
              <input
                type="radio"
                name="meeting-status"
                value={s.code}
                checked={values.status === s.code}
                onChange={() => setValues({ ...values, status: s.code })}
              />
              <span>{s.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <MeetingWhenWhere
        form={prefix}
        values={values}
        errors={errors}
        onChange={(patch) => setValues({ ...values, ...patch })}
      />
      <TextField
        id={`${prefix}-theme`}
        label="主なテーマ"
        value={values.theme}
        onChange={(e) => setValues({ ...values, theme: e.target.value })}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">出席した委員</legend>
        <div className="check-grid">
          {meeting.seats.map((s) => (
            <Checkbox
              key={s.id}
              label={seatLabel(s)}
              checked={values.attendeeIds.includes(s.id)}
              onChange={(e) =>
                setValues({
                  ...values,
                  attendeeIds: toggled(values.attendeeIds, s.id, e.target.checked),
                })
              }
            />
          ))}
        </div>
      </fieldset>
      <TextField
        id={`${prefix}-guests`}
        label="委員以外の出席者数"
        inputMode="numeric"
        short
        value={values.guests}
        onChange={(e) => setValues({ ...values, guests: e.target.value })}
        error={errorFor(errors, 'guests')}
      />
      <TextField
        id={`${prefix}-guestsNote`}
        label="委員以外の出席者（所属など）"
        value={values.guestsNote}
        onChange={(e) => setValues({ ...values, guestsNote: e.target.value })}
      />
      <TextareaField
        id={`${prefix}-review`}
        label="総評"
        rows={3}
        value={values.review}
        onChange={(e) => setValues({ ...values, review: e.target.value })}
      />
      <TextareaField
        id={`${prefix}-nextNote`}
        label="次回の日程・宿題"
        rows={2}
        value={values.nextNote}
        onChange={(e) => setValues({ ...values, nextNote: e.target.value })}
      />
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          開催の記録を保存する
        </Button>
        {saved && (
          <span role="status" className="saved-note">
            保存しました
          </span>
        )}
      </div>
    </form>
  );
}
