import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  createResident,
  getResident,
  Resident,
  ResidentInput,
  updateResident,
} from '../../../contracts/residents';
import { ageOn, formatWareki, isIsoDate, todayInTokyo } from '../../../domain/dates';
import {
  CONSENT_SCOPES,
  type ConsentScope,
  consentScopeLabel,
  HOUSEHOLDS,
  type Household,
  householdLabel,
} from '../../../domain/needs';
import { ApiError, api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ConflictCompare } from '../../ui/conflict-compare';
import { ErrorSummary } from '../../ui/error-summary';
import { Checkbox, SelectField, TextareaField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { AreaOptions, canSeePersonalData, needPaths, PrivacyNote, useAreaChoices } from '../needs';
import { invalidateResidents, residentKeys, useResident } from './queries';

const FORM = 'resident';
const FIELDS = [
  'name',
  'kana',
  'birthDate',
  'townName',
  'areaId',
  'address',
  'household',
  'phone',
  'note',
  'consent',
] as const;
const baseFieldId = fieldIdFor(FORM, FIELDS);
/** consent.on goes to the date; consent and consent.scopes to the first checkbox. */
const fieldId = (path: string) =>
  path === 'consent.on'
    ? `${FORM}-consent-on`
    : path.startsWith('consent')
      ? `${FORM}-consent`
      : baseFieldId(path);

export interface ResidentSavedState {
  saved?: boolean;
  created?: boolean;
}

export interface ResidentFormValues {
  name: string;
  kana: string;
  birthDate: string;
  townName: string;
  areaId: string;
  address: string;
  household: Household;
  phone: string;
  note: string;
  consentScopes: ConsentScope[];
  consentOn: string;
}

export const EMPTY_RESIDENT: ResidentFormValues = {
  name: '',
  kana: '',
  birthDate: '',
  townName: '',
  areaId: '',
  address: '',
  household: 'unknown',
  phone: '',
  note: '',
  consentScopes: [],
  consentOn: '',
};

export function valuesFromResident(r: Resident): ResidentFormValues {
  return {
    name: r.name,
    kana: r.kana,
    birthDate: r.birthDate ?? '',
    townName: r.townName,
    areaId: r.areaId ?? '',
    address: r.address,
    household: r.household,
    phone: r.phone,
    note: r.note,
    consentScopes: r.consent?.scopes ?? [],
    consentOn: r.consent?.on ?? '',
  };
}

/**
 * The body to send. Consent is a record, not a switch: with no scope ticked it is null for a new
 * resident, but once consent was recorded, unticking everything records its withdrawal (scopes []).
 */
export function inputFromValues(
  v: ResidentFormValues,
  hadConsent: boolean,
  today = todayInTokyo(),
): ResidentInput {
  const scopes = CONSENT_SCOPES.map((s) => s.code).filter((c) => v.consentScopes.includes(c));
  const consent =
    scopes.length > 0 || hadConsent ? { scopes, on: v.consentOn || (scopes.length > 0 ? '' : today) } : null;
  return {
    name: v.name.trim(),
    kana: v.kana.trim(),
    birthDate: v.birthDate || null,
    townName: v.townName.trim(),
    areaId: v.areaId || null,
    address: v.address.trim(),
    household: v.household,
    phone: v.phone.trim(),
    note: v.note.trim(),
    consent,
  };
}

/** 「78歳」, or null when the birth date is missing or after today. */
export function ageText(birthDate: string | null | undefined, today = todayInTokyo()): string | null {
  if (!birthDate || !isIsoDate(birthDate) || birthDate > today) return null;
  return `${ageOn(birthDate, today)}歳`;
}

/** 住民を登録 (`/residents/new`). */
export function ResidentNewPage() {
  const scope = useTenantScope();
  usePageTitle('住民を登録');
  return (
    <>
      <Breadcrumb
        items={[{ label: '住民', to: needPaths.residents(scope.code) }, { label: '住民を登録' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title="住民を登録"
        lead="困りごとを続けて追う方だけを登録します。名前を書かずに済むときは、困りごとだけを匿名で記録してください。"
      />
      {canSeePersonalData(scope) ? (
        <ResidentForm initial={EMPTY_RESIDENT} resident={null} />
      ) : (
        <Notice tone="warning">
          <p>この役割では住民を登録できません。</p>
        </Notice>
      )}
    </>
  );
}

/** 住民の情報を変更 (`/residents/:id/edit`). */
export function ResidentEditPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useResident(scope.code, id);
  usePageTitle(query.data ? `${query.data.resident.name}さんの情報を変更` : '住民の情報を変更');
  const [initial, setInitial] = useState<{ values: ResidentFormValues; resident: Resident } | null>(null);
  useEffect(() => {
    if (query.data && !initial)
      setInitial({ values: valuesFromResident(query.data.resident), resident: query.data.resident });
  }, [query.data, initial]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const r = query.data.resident;
  return (
    <>
      <Breadcrumb
        items={[
          { label: '住民', to: needPaths.residents(scope.code) },
          { label: r.name, to: needPaths.resident(scope.code, r.id) },
          { label: '変更' },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title={`${r.name}さんの情報を変更`} />
      <PrivacyNote />
      {!r.canEdit ? (
        <Notice tone="warning">
          <p>この方の情報を変更する権限がありません。</p>
        </Notice>
      ) : initial ? (
        <ResidentForm initial={initial.values} resident={initial.resident} />
      ) : (
        <Loading />
      )}
    </>
  );
}

export function ResidentForm({
  initial,
  resident,
}: {
  initial: ResidentFormValues;
  resident: Resident | null;
}) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const areas = useAreaChoices();
  const today = todayInTokyo();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(resident?.version ?? 0);
  const [hadConsent, setHadConsent] = useState(Boolean(resident?.consent));
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<Resident | null>(null);

  const mutation = useMutation({
    mutationFn: ({ body, version }: { body: ResidentInput; version: number }) =>
      resident
        ? api(updateResident, { params: { tenant: scope.code, id: resident.id }, body: { ...body, version } })
        : api(createResident, { params: { tenant: scope.code }, body }),
    onSuccess: async (saved) => {
      await invalidateResidents(queryClient, scope.code);
      const state: ResidentSavedState = { saved: true, created: !resident };
      navigate(needPaths.resident(scope.code, saved.id), { state });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = Resident.safeParse(error.current);
        if (current.success) setConflict(current.data);
      }
    },
  });

  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const update = (patch: Partial<ResidentFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const text = (key: keyof ResidentFormValues) => (e: { target: { value: string } }) =>
    update({ [key]: e.target.value } as Partial<ResidentFormValues>);

  const save = (withVersion: number) => {
    const body = inputFromValues(values, hadConsent, today);
    const problems = [];
    if (values.birthDate && (!isIsoDate(values.birthDate) || values.birthDate > today))
      problems.push({ path: 'birthDate', message: '生年月日：今日より前の日付を入力してください' });
    if (body.consent && body.consent.scopes.length > 0 && !body.consent.on)
      problems.push({ path: 'consent.on', message: '同意を得た日：入力してください' });
    // The contract's own messages, except where a plainer one above already names the field.
    const named = new Set(problems.map((p) => p.path));
    const all = [...problems, ...validate(ResidentInput, body).filter((f) => !named.has(f.path))];
    setLocal({ message: null, items: all });
    if (all.length > 0) return;
    mutation.mutate({ body, version: withVersion });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mutation.isPending) save(version);
  };

  const age = ageText(values.birthDate, today);
  const consentError = errorFor(errors, 'consent.scopes') ?? errorFor(errors, 'consent');
  const toggleScope = (code: ConsentScope, on: boolean) =>
    setValues((v) => {
      const consentScopes = on ? [...v.consentScopes, code] : v.consentScopes.filter((c) => c !== code);
      // Ticking the first scope dates the consent today; the date can still be changed.
      const consentOn = on && !v.consentOn ? today : v.consentOn;
      return { ...v, consentScopes, consentOn };
    });

  return (
    <form
      onSubmit={submit}
      noValidate
      className="resident-form"
      aria-label={resident ? '住民の情報の変更' : '住民の登録'}
    >
      <ErrorSummary message={conflict ? null : errors.message} items={errors.items} fieldId={fieldId} />
      {conflict && (
        <ConflictPanel
          message={mutation.error?.message ?? null}
          typed={values}
          current={conflict}
          busy={mutation.isPending}
          onOverwrite={() => {
            setVersion(conflict.version);
            setHadConsent(Boolean(conflict.consent));
            setConflict(null);
            save(conflict.version);
          }}
          onLoadCurrent={async () => {
            const latest = resident
              ? await queryClient
                  .fetchQuery({
                    queryKey: residentKeys.detail(scope.code, resident.id),
                    queryFn: () => api(getResident, { params: { tenant: scope.code, id: resident.id } }),
                    staleTime: 0,
                  })
                  .then((d) => d.resident)
                  .catch(() => conflict)
              : conflict;
            setValues(valuesFromResident(latest));
            setVersion(latest.version);
            setHadConsent(Boolean(latest.consent));
            setConflict(null);
            setLocal(NO_ERRORS);
            mutation.reset();
          }}
        />
      )}

      <section className="panel" aria-labelledby="resident-form-who">
        <h2 id="resident-form-who">氏名・生年月日</h2>
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-name`}
            label="氏名"
            required
            value={values.name}
            onChange={text('name')}
            error={errorFor(errors, 'name')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-kana`}
            label="よみがな"
            hint="ひらがなで入力します。並べ替えと検索に使います。"
            value={values.kana}
            onChange={text('kana')}
            error={errorFor(errors, 'kana')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-birthDate`}
            label="生年月日"
            hint={
              values.birthDate && isIsoDate(values.birthDate)
                ? `${formatWareki(values.birthDate)}${age ? `・今日で${age}` : ''}`
                : '分からなければ空欄のままにします。'
            }
            type="date"
            short
            max={today}
            value={values.birthDate}
            onChange={text('birthDate')}
            error={errorFor(errors, 'birthDate')}
          />
        </div>
      </section>

      <section className="panel" aria-labelledby="resident-form-where">
        <h2 id="resident-form-where">住まいと連絡先</h2>
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-townName`}
            label="町丁"
            hint="例：峰野、南浜2丁目"
            value={values.townName}
            onChange={text('townName')}
            error={errorFor(errors, 'townName')}
            autoComplete="off"
          />
          <SelectField
            id={`${FORM}-areaId`}
            label="地域"
            value={values.areaId}
            onChange={text('areaId')}
            error={errorFor(errors, 'areaId')}
          >
            <option value="">指定しない</option>
            {values.areaId && !areas.rows.some((r) => r.area.id === values.areaId) && (
              <option value={values.areaId}>{resident?.areaName ?? '（今の地域）'}</option>
            )}
            <AreaOptions rows={areas.rows} />
          </SelectField>
          <TextField
            id={`${FORM}-address`}
            label="住所"
            value={values.address}
            onChange={text('address')}
            error={errorFor(errors, 'address')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-phone`}
            label="電話"
            type="tel"
            short
            value={values.phone}
            onChange={text('phone')}
            error={errorFor(errors, 'phone')}
            autoComplete="off"
          />
        </div>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">世帯</legend>
          {errorFor(errors, 'household') && <p className="field__error">{errorFor(errors, 'household')}</p>}
          <div className="check-grid">
            {HOUSEHOLDS.map((h, i) => (
              <label key={h.code} className="check">
                <input
                  id={i === 0 ? `${FORM}-household` : undefined}
                  type="radio"
                  name="household"
                  value={h.code}
                  checked={values.household === h.code}
                  onChange={() => update({ household: h.code })}
                />
                <span>{h.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextareaField
          id={`${FORM}-note`}
          label="メモ"
          hint="支援に必要なことだけを書きます。本人が見ても困らない書き方で。"
          value={values.note}
          maxLength={2000}
          rows={4}
          onChange={text('note')}
          error={errorFor(errors, 'note')}
        />
      </section>

      <section className="panel" aria-labelledby="resident-form-consent">
        <h2 id="resident-form-consent">同意（個人情報の共有）</h2>
        <p className="muted">
          本人から、誰と情報を共有してよいか同意を得たときに記録します。取り消されたときは、すべてのチェックを外して保存します（取り消しも記録に残ります）。
        </p>
        {resident?.consent && (
          <p>
            今の記録：
            {resident.consent.scopes.length > 0
              ? resident.consent.scopes.map(consentScopeLabel).join('、')
              : '同意なし（取り消し）'}
            （{formatWareki(resident.consent.on)}、{resident.consent.recordedBy}）
          </p>
        )}
        <fieldset className={`fieldset${consentError ? ' field--error' : ''}`}>
          <legend className="fieldset__legend">共有してよい相手</legend>
          {consentError && <p className="field__error">{consentError}</p>}
          <div className="check-grid resident-consent">
            {CONSENT_SCOPES.map((s, i) => (
              <Checkbox
                key={s.code}
                id={i === 0 ? `${FORM}-consent` : undefined}
                label={s.label}
                checked={values.consentScopes.includes(s.code)}
                onChange={(e) => toggleScope(s.code, e.target.checked)}
              />
            ))}
          </div>
        </fieldset>
        <TextField
          id={`${FORM}-consent-on`}
          label="同意を得た日"
          hint="共有してよい相手を選ぶと、今日の日付が入ります。"
          type="date"
          short
          max={today}
          value={values.consentOn}
          onChange={text('consentOn')}
          error={errorFor(errors, 'consent.on')}
        />
      </section>

      <div className="button-row form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          {resident ? '変更を保存する' : '登録する'}
        </Button>
        <Link
          className={buttonClass('secondary')}
          to={resident ? needPaths.resident(scope.code, resident.id) : needPaths.residents(scope.code)}
        >
          やめる
        </Link>
      </div>
    </form>
  );
}

function describe(v: ResidentFormValues, areaName: (id: string) => string) {
  return [
    { label: '氏名', value: v.name },
    { label: 'よみがな', value: v.kana },
    { label: '生年月日', value: v.birthDate },
    { label: '町丁', value: v.townName },
    { label: '地域', value: v.areaId ? areaName(v.areaId) : '' },
    { label: '住所', value: v.address },
    { label: '世帯', value: householdLabel(v.household) },
    { label: '電話', value: v.phone },
    { label: 'メモ', value: v.note },
    { label: '同意', value: v.consentScopes.map(consentScopeLabel).join('、') },
    { label: '同意を得た日', value: v.consentOn },
  ];
}

/** On 409: what was typed beside what is saved now; the input stays in the form. */
function ConflictPanel({
  message,
  typed,
  current,
  busy,
  onOverwrite,
  onLoadCurrent,
}: {
  message: string | null;
  typed: ResidentFormValues;
  current: Resident;
  busy: boolean;
  onOverwrite: () => void;
  onLoadCurrent: () => void | Promise<void>;
}) {
  const areas = useAreaChoices();
  const areaName = (id: string) =>
    id === current.areaId
      ? (current.areaName ?? id)
      : (areas.rows.find((r) => r.area.id === id)?.area.name ?? id);
  const mine = describe(typed, areaName);
  const now = describe(valuesFromResident(current), areaName);
  return (
    <ConflictCompare
      id="resident-conflict-title"
      message={message ?? 'ほかの人が先にこの方の情報を変更しました。'}
      lead="入力した内容は残っています。下の表で違いを確かめて、どちらを残すか選んでください。"
      mine={mine}
      now={now}
      busy={busy}
      onOverwrite={onOverwrite}
      onLoadCurrent={onLoadCurrent}
    />
  );
}
