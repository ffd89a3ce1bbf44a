import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, NotebookPen } from 'lucide-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { type Activity, ActivityInput, createActivity, updateActivity } from '../../../contracts/activities';
import {
  ACTIVITY_TYPES,
  type ActivityType,
  activityTypeLabel,
  durationText,
  headlineLabel,
  SC_FUNCTIONS,
  type ScFunction,
  SUPPORT_KINDS,
  type SupportKind,
  scFunctionMark,
  suggestHeadlines,
  suggestTasks,
} from '../../../domain/activities';
import { todayInTokyo } from '../../../domain/dates';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { recall, remember } from '../../lib/storage';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { RecordedPanel } from '../../ui/recorded';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { AreaOptions, TileChoices, useAreaChoices } from '../needs';
import { activityPaths, layerOf, logsActivities } from './paths';
import { invalidateActivities, useOrganizations } from './queries';

/*
 * 活動を記録: a visit logged from a phone in well under a minute. The type, the time and the area
 * start from what the SC used last (her own area for a 第2層 SC), so the shortest path is: one of
 * ①–⑥, then 「記録する」. A/B/C and a–e follow from ①–⑥ unless she changes them.
 */

const FORM = 'activity';
const fieldId = fieldIdFor(FORM, ['type', 'functions', 'minutes', 'areaIds', 'occurredOn', 'summary']);
const DURATIONS = [15, 30, 45, 60, 90, 120, 180];
const LAST = (tenant: string) => `sasaeai:activity-last:${tenant}`;

interface Remembered {
  type: ActivityType;
  minutes: number;
  areaId: string;
}

function recallLast(tenant: string): Partial<Remembered> {
  try {
    return JSON.parse(recall(LAST(tenant)) ?? '{}') as Partial<Remembered>;
  } catch {
    return {};
  }
}

const rememberLast = (tenant: string, r: Remembered) => remember(LAST(tenant), JSON.stringify(r));

/** /activities/quick */
export function QuickLogPage() {
  const scope = useTenantScope();
  usePageTitle('活動を記録');
  const [saved, setSaved] = useState<Activity | null>(null);
  const [round, setRound] = useState(0);
  const header = (
    <>
      <Breadcrumb
        items={[{ label: '活動記録', to: activityPaths.activities(scope.code) }, { label: '記録' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title="活動を記録" />
    </>
  );
  if (!logsActivities(scope))
    return (
      <>
        {header}
        <Notice tone="warning">
          <p>活動の記録は、生活支援コーディネーターと保険者職員が行います。</p>
        </Notice>
      </>
    );
  return (
    <>
      {header}
      {saved ? (
        <LogDone
          activity={saved}
          onAgain={() => {
            setSaved(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <ActivityForm key={round} focusFirst={round > 0} onSaved={setSaved} />
      )}
    </>
  );
}

/** The form of one activity: new (quick) or an existing one (edit, with everything open). */
export function ActivityForm({
  activity,
  focusFirst = false,
  onSaved,
}: {
  activity?: Activity;
  focusFirst?: boolean;
  onSaved: (a: Activity) => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const areas = useAreaChoices();
  const orgs = useOrganizations(scope.code);
  const last = recallLast(scope.code);
  const [values, setValues] = useState(() => ({
    type: (activity?.type ?? last.type ?? 'visit') as ActivityType,
    functions: (activity?.functions ?? []) as ScFunction[],
    minutes: activity?.minutes ?? last.minutes ?? 60,
    areaId: activity?.areas[0]?.id ?? '',
    occurredOn: activity?.occurredOn ?? todayInTokyo(),
    support: (activity?.support ?? 'community') as SupportKind,
    summary: activity?.summary ?? '',
    organizationId: activity?.organizations[0]?.id ?? '',
  }));
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [clientId] = useState(() => crypto.randomUUID());
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirst) first.current?.focus();
  }, [focusFirst]);

  // Her own area (a 第2層 SC's first) or the one used last, once the choices are known.
  const allowed = new Set(areas.rows.map((r) => r.area.id));
  const initialArea =
    (scope.role === 'sc2' ? scope.areaIds.find((a) => allowed.has(a)) : undefined) ??
    (last.areaId && allowed.has(last.areaId) ? last.areaId : '');
  const areaId = values.areaId || initialArea;

  const mutation = useMutation({
    mutationFn: (body: ActivityInput) =>
      activity
        ? api(updateActivity, {
            params: { tenant: scope.code, id: activity.id },
            body: { ...body, version: activity.version },
          })
        : api(createActivity, { params: { tenant: scope.code }, body }),
    onSuccess: async (a) => {
      rememberLast(scope.code, { type: a.type, minutes: a.minutes, areaId: a.areas[0]?.id ?? '' });
      onSaved(a);
      await invalidateActivities(queryClient, scope.code);
    },
  });
  const errors = local.items.length > 0 ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const update = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const headlines = suggestHeadlines(values.functions);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    const body: ActivityInput = {
      occurredOn: values.occurredOn,
      minutes: values.minutes,
      type: values.type,
      layer: activity?.layer ?? layerOf(scope),
      functions: values.functions,
      headlines,
      yokoTasks: suggestTasks(values.functions),
      support: values.support,
      areaIds: areaId ? [areaId] : [],
      organizationIds: values.organizationId
        ? [values.organizationId]
        : (activity?.organizations.map((o) => o.id) ?? []),
      personIds: activity?.people.map((p) => p.id) ?? [],
      needIds: activity?.needIds ?? [],
      resourceIds: activity?.resources.map((r) => r.id) ?? [],
      referralIds: activity?.referrals.map((r) => r.id) ?? [],
      councilId: activity?.council?.id ?? null,
      projectId: activity?.project?.id ?? null,
      summary: values.summary.trim(),
      note: activity?.note ?? '',
      ...(activity ? {} : { clientId }),
    };
    const problems = [];
    if (values.functions.length === 0)
      problems.push({
        path: 'functions',
        message: 'SCの機能（①〜⑥）：あてはまるものを1つ以上選んでください',
      });
    if (!areaId) problems.push({ path: 'areaIds', message: '地域：地域を選んでください' });
    const all = problems.length > 0 ? problems : validate(ActivityInput, body);
    setLocal({ message: null, items: all });
    if (all.length === 0) mutation.mutate(body);
  };

  if (areas.isPending) return <Loading />;
  if (areas.isError) return <ErrorNotice error={areas.error} />;
  const fnError = errorFor(errors, 'functions');

  return (
    <form className="quick activity-form" onSubmit={submit} noValidate aria-label="活動の記録">
      <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />

      <fieldset className="fieldset quick__fieldset">
        <legend className="fieldset__legend">活動の種類</legend>
        <TileChoices
          name="type"
          options={ACTIVITY_TYPES}
          value={values.type}
          onChange={(type) => update({ type })}
          firstId={`${FORM}-type`}
        />
      </fieldset>

      <fieldset className={`fieldset quick__fieldset${fnError ? ' field--error' : ''}`}>
        <legend className="fieldset__legend">
          SCの機能 ①〜⑥（複数可）<span className="field__required">必須</span>
        </legend>
        {fnError && <p className="field__error">{fnError}</p>}
        <div className="tiles fn-tiles">
          {SC_FUNCTIONS.map((f, i) => (
            <label key={f.code} className="tile">
              <input
                ref={i === 0 ? first : undefined}
                id={i === 0 ? `${FORM}-functions` : undefined}
                className="tile__input"
                type="checkbox"
                name="functions"
                value={f.code}
                checked={values.functions.includes(f.code)}
                aria-invalid={fnError ? true : undefined}
                onChange={(e) =>
                  update({
                    functions: e.target.checked
                      ? [...values.functions, f.code]
                      : values.functions.filter((x) => x !== f.code),
                  })
                }
              />
              <span className="tile__body">
                <span className="fn-mark" aria-hidden="true">
                  {f.mark}
                </span>
                <span>
                  <span className="visually-hidden">{f.mark}</span>
                  {f.label}
                </span>
                <Check aria-hidden="true" size={18} className="tile__check" />
              </span>
            </label>
          ))}
        </div>
        <p className="field__hint" aria-live="polite">
          {headlines.length > 0
            ? `コーディネート機能は ${headlines.map((h) => `${h} ${headlineLabel(h)}`).join('・')} として数えます。`
            : ''}
        </p>
      </fieldset>

      <fieldset className="fieldset quick__fieldset">
        <legend className="fieldset__legend">かかった時間</legend>
        <TileChoices
          name="minutes"
          options={DURATIONS.map((d) => ({ code: d, label: durationText(d) }))}
          value={values.minutes}
          onChange={(minutes) => update({ minutes })}
          firstId={`${FORM}-minutes`}
        />
      </fieldset>

      <SelectField
        id={`${FORM}-areaIds`}
        label="地域"
        required
        value={areaId}
        onChange={(e) => update({ areaId: e.target.value })}
        error={errorFor(errors, 'areaIds')}
      >
        <option value="">地域を選んでください</option>
        <AreaOptions rows={areas.rows} />
      </SelectField>

      <details className="quick__more" open={Boolean(activity) || undefined}>
        <summary className="quick__summary">くわしく（なくてもかまいません）</summary>
        <TextField
          id={`${FORM}-occurredOn`}
          label="日付"
          type="date"
          value={values.occurredOn}
          onChange={(e) => update({ occurredOn: e.target.value })}
          error={errorFor(errors, 'occurredOn')}
        />
        <TextField
          id={`${FORM}-summary`}
          label="ひとこと"
          hint="例：峰野サロンで買い物の困りごとを聞いた。住民の名前は書かずに。"
          value={values.summary}
          maxLength={120}
          onChange={(e) => update({ summary: e.target.value })}
          error={errorFor(errors, 'summary')}
        />
        <SelectField
          id={`${FORM}-organization`}
          label="会った主体"
          value={values.organizationId}
          onChange={(e) => update({ organizationId: e.target.value })}
        >
          <option value="">（なし）</option>
          {(orgs.data?.organizations ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">支援の別</legend>
          <div className="check-grid">
            {SUPPORT_KINDS.map((s) => (
              <label key={s.code} className="check">
                <input
                  type="radio"
                  name="support"
                  value={s.code}
                  checked={values.support === s.code}
                  onChange={() => update({ support: s.code })}
                />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </details>

      <div className="quick__submit">
        <p className="quick__recap" aria-hidden="true">
          {[
            activityTypeLabel(values.type),
            values.functions.length > 0
              ? SC_FUNCTIONS.filter((f) => values.functions.includes(f.code))
                  .map((f) => f.mark)
                  .join('')
              : '機能を選んでください',
            durationText(values.minutes),
          ].join('・')}
        </p>
        <Button
          type="submit"
          className="quick__button"
          busy={mutation.isPending}
          busyLabel="記録しています…"
          icon={<NotebookPen aria-hidden="true" size={22} />}
        >
          {activity ? '変更を保存する' : '記録する'}
        </Button>
      </div>
    </form>
  );
}

function LogDone({ activity, onAgain }: { activity: Activity; onAgain: () => void }) {
  const scope = useTenantScope();
  return (
    <RecordedPanel
      what={[
        activity.areas.map((a) => a.name).join('・'),
        activityTypeLabel(activity.type),
        activity.functions.map(scFunctionMark).join(''),
        durationText(activity.minutes),
      ].join('・')}
      actions={
        <>
          <Button
            className="quick__button"
            icon={<NotebookPen aria-hidden="true" size={22} />}
            onClick={onAgain}
          >
            続けて記録する
          </Button>
          <Link className={buttonClass('secondary')} to={activityPaths.activities(scope.code)}>
            活動記録の一覧へ
          </Link>
        </>
      }
    />
  );
}
