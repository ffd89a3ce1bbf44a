import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MapPin, Plus, Trash2 } from 'lucide-react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  createResource,
  getResource,
  Resource,
  ResourceInput,
  similarResources,
  updateResource,
} from '../../../contracts/resources';
import { todayInTokyo } from '../../../domain/dates';
import {
  coordinateProblem,
  ELIGIBILITY_KINDS,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  SOGO_TYPES,
} from '../../../domain/resources';
import { ApiError, api } from '../../lib/api';
import { errorFor, type FormErrors, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { paths } from '../../lib/paths';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ConflictCompare } from '../../ui/conflict-compare';
import { ErrorSummary } from '../../ui/error-summary';
import { Checkbox, SelectField, TextareaField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { CategoryTag, type Term, termTree } from './categories';
import {
  emptyValues,
  inputFromValues,
  newKey,
  newSchedule,
  pointOf,
  previewSchedule,
  type ResourceFormValues,
  similarityKey,
  valuesFromResource,
} from './form-values';
import { distanceText } from './format';
import { MapFrame } from './map/map-frame';
import { AreaOptions, useAreaTree } from './options';
import { OrganizationPicker } from './organization-picker';
import { invalidateResources, resourceKeys, useResource, useTaxonomy } from './queries';
import type { SavedState } from './resource-detail-page';
import { ScheduleEditor } from './schedule-editor';

const FORM = 'resource';

/** The id of the control for a server path (schedules.0, location.latitude, categories.1 …). */
export function fieldIdFor(path: string): string | null {
  if (!path) return null;
  const parts = path.split('.');
  while (parts.length > 0) {
    const id = `${FORM}-${parts.join('-')}`;
    if (typeof document === 'undefined' || document.getElementById(id)) return id;
    parts.pop();
  }
  return null;
}

/** 地域資源を登録 (`/resources/new`). */
export function ResourceNewPage() {
  const scope = useTenantScope();
  usePageTitle('資源を登録');
  const [initial] = useState(emptyValues);
  return (
    <>
      <Breadcrumb
        items={[{ label: '地域資源', to: paths.resources(scope.code) }, { label: '資源を登録' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title="資源を登録" />
      {capabilities(scope).editResources ? (
        <ResourceForm initial={initial} resource={null} />
      ) : (
        <Notice tone="warning">
          <p>この役割では地域資源を登録できません。</p>
        </Notice>
      )}
    </>
  );
}

/** 地域資源を編集 (`/resources/:id/edit`). */
export function ResourceEditPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useResource(scope.code, id);
  usePageTitle(query.data ? `${query.data.name}を編集` : '地域資源を編集');
  // The form starts from the record as first loaded; later refetches never overwrite what is typed.
  const [initial, setInitial] = useState<{ values: ResourceFormValues; resource: Resource } | null>(null);
  useEffect(() => {
    if (query.data && !initial) setInitial({ values: valuesFromResource(query.data), resource: query.data });
  }, [query.data, initial]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const r = query.data;
  return (
    <>
      <Breadcrumb
        items={[
          { label: '地域資源', to: paths.resources(scope.code) },
          { label: r.name, to: paths.resource(scope.code, r.id) },
          { label: '編集' },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title={`${r.name}を編集`} />
      {!r.canEdit ? (
        <Notice tone="warning">
          <p>
            この資源を変更する権限がありません。担当の地域の外にある資源は、第1層コーディネーターに依頼してください。
          </p>
        </Notice>
      ) : initial ? (
        <ResourceForm initial={initial.values} resource={initial.resource} />
      ) : (
        <Loading />
      )}
    </>
  );
}

type Candidate = { id: string; name: string; address: string; distanceMetres: number | null };

export function ResourceForm({
  initial,
  resource,
}: {
  initial: ResourceFormValues;
  resource: Resource | null;
}) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy(scope.code);
  const areas = useAreaTree();
  const today = todayInTokyo();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(resource?.version ?? 0);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<Resource | null>(null);
  const [duplicates, setDuplicates] = useState<{ key: string; candidates: Candidate[] } | null>(null);
  const [confirmedKey, setConfirmedKey] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const mutation = useMutation({
    mutationFn: async ({ body, version }: { body: ResourceInput; version: number }) =>
      resource
        ? api(updateResource, { params: { tenant: scope.code, id: resource.id }, body: { ...body, version } })
        : api(createResource, { params: { tenant: scope.code }, body }),
    onSuccess: async (saved) => {
      await invalidateResources(queryClient, scope.code);
      const state: SavedState = { saved: true, created: !resource };
      navigate(paths.resource(scope.code, saved.id), { state });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = Resource.safeParse(error.current);
        if (current.success) setConflict(current.data);
      }
    },
  });

  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;

  const update = (patch: Partial<ResourceFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const text = (key: keyof ResourceFormValues) => (e: { target: { value: string } }) =>
    update({ [key]: e.target.value } as Partial<ResourceFormValues>);

  /** A likely duplicate is checked when registering, and when the name or the place changes. */
  const needsDuplicateCheck = (v: ResourceFormValues) =>
    resource === null || similarityKey(v) !== similarityKey(initial);

  const save = async (withVersion: number, confirmed = confirmedKey) => {
    const { body, problems } = inputFromValues(values, today);
    const all = [...problems, ...validate(ResourceInput, body)];
    const point = pointOf(values);
    const coord = point ? coordinateProblem(point.latitude, point.longitude) : null;
    if (coord) all.push({ path: 'location.latitude', message: `緯度・経度：${coord}` });
    setLocal({ message: null, items: all });
    if (all.length > 0) return;
    const key = similarityKey(values);
    if (needsDuplicateCheck(values) && confirmed !== key && values.name.trim()) {
      setChecking(true);
      try {
        const { candidates } = await api(similarResources, {
          params: { tenant: scope.code },
          query: {
            name: values.name.trim(),
            latitude: point?.latitude,
            longitude: point?.longitude,
            exclude: resource?.id,
          },
        });
        if (candidates.length > 0) {
          setDuplicates({ key, candidates });
          return;
        }
      } catch {
        // The check only warns; when it cannot run, saving goes ahead.
      } finally {
        setChecking(false);
      }
    }
    setDuplicates(null);
    mutation.mutate({ body, version: withVersion });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(version);
  };

  const terms = taxonomy.data?.terms ?? [];
  const point = pointOf(values);
  const scheduleErrors = values.schedules.map((_, i) => errorFor(errors, `schedules.${i}`));

  return (
    <form
      onSubmit={submit}
      noValidate
      className="resource-form"
      aria-label={resource ? '地域資源の編集' : '地域資源の登録'}
    >
      <ErrorSummary message={conflict ? null : errors.message} items={errors.items} fieldId={fieldIdFor} />
      {conflict && (
        <ConflictPanel
          message={mutation.error?.message ?? null}
          typed={values}
          current={conflict}
          terms={terms}
          busy={mutation.isPending}
          onOverwrite={() => {
            setVersion(conflict.version);
            setConflict(null);
            void save(conflict.version);
          }}
          onLoadCurrent={async () => {
            // Read the record again: it may have changed once more since the refusal.
            const latest = resource
              ? await queryClient
                  .fetchQuery({
                    queryKey: resourceKeys.detail(scope.code, resource.id),
                    queryFn: () => api(getResource, { params: { tenant: scope.code, id: resource.id } }),
                    staleTime: 0,
                  })
                  .catch(() => conflict)
              : conflict;
            setValues(valuesFromResource(latest));
            setVersion(latest.version);
            setConflict(null);
            setLocal(NO_ERRORS);
            mutation.reset();
          }}
        />
      )}

      <Section title="基本・分類">
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-name`}
            label="名称"
            required
            value={values.name}
            onChange={text('name')}
            error={errorFor(errors, 'name')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-kana`}
            label="よみがな"
            hint="ひらがなで入力します。並べ替えに使います。"
            value={values.kana}
            onChange={text('kana')}
            error={errorFor(errors, 'kana')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-alternateName`}
            label="通称"
            hint="地域で呼ばれている名前があれば（例：お茶っこ）"
            value={values.alternateName}
            onChange={text('alternateName')}
            error={errorFor(errors, 'alternateName')}
            autoComplete="off"
          />
          <SelectField
            id={`${FORM}-status`}
            label="状態"
            value={values.status}
            onChange={text('status')}
            error={errorFor(errors, 'status')}
          >
            {Object.entries(RESOURCE_STATUSES).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextareaField
          id={`${FORM}-description`}
          label="内容"
          hint="どんな活動か、住民の方にも伝わる言葉で書きます。"
          value={values.description}
          onChange={text('description')}
          error={errorFor(errors, 'description')}
          rows={4}
        />
        <fieldset className={`fieldset${errorFor(errors, 'categories') ? ' field--error' : ''}`}>
          <legend className="fieldset__legend">
            分類<span className="field__required">必須</span>
          </legend>
          <span className="field__hint">あてはまるものをすべて選びます（10個まで）。</span>
          {errorFor(errors, 'categories') && <p className="field__error">{errorFor(errors, 'categories')}</p>}
          {taxonomy.isPending && <Loading label="分類を読み込んでいます…" />}
          <div className="check-grid check-grid--wide">
            {termTree(terms).map(({ term, depth }, i) => (
              <label key={term.code} className={`check${depth > 0 ? ' check--child' : ''}`}>
                <input
                  id={i === 0 ? `${FORM}-categories` : undefined}
                  type="checkbox"
                  checked={values.categories.includes(term.code)}
                  onChange={(e) =>
                    update({
                      categories: e.target.checked
                        ? [...values.categories, term.code]
                        : values.categories.filter((c) => c !== term.code),
                    })
                  }
                />
                <CategoryTag code={term.code} name={term.name} terms={terms} />
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid form-grid--2">
          <SelectField
            id={`${FORM}-kind`}
            label="資源の種類"
            required
            value={values.kind}
            onChange={text('kind')}
            error={errorFor(errors, 'kind')}
          >
            {Object.entries(RESOURCE_KINDS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${FORM}-sogoType`}
            label="総合事業の類型"
            hint="総合事業にあたらないものは「指定しない」か「制度外」"
            value={values.sogoType}
            onChange={text('sogoType')}
            error={errorFor(errors, 'sogoType')}
          >
            <option value="">指定しない</option>
            {Object.entries(SOGO_TYPES).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <OrganizationPicker
          id={`${FORM}-organizationId`}
          value={values.organization}
          onChange={(organization) => update({ organization })}
          error={errorFor(errors, 'organizationId')}
        />
      </Section>

      <Section title="日時">
        {values.schedules.length === 0 && <p className="muted">日時は登録しません（随時・申込制など）。</p>}
        {values.schedules.map((d, i) => (
          <ScheduleEditor
            key={d.key}
            draft={d}
            index={i}
            today={today}
            error={scheduleErrors[i] ?? null}
            onChange={(next) =>
              setValues((v) => ({ ...v, schedules: v.schedules.map((s) => (s.key === d.key ? next : s)) }))
            }
            onRemove={() =>
              setValues((v) => ({ ...v, schedules: v.schedules.filter((s) => s.key !== d.key) }))
            }
          />
        ))}
        <Button
          variant="secondary"
          small
          icon={<Plus aria-hidden="true" size={16} />}
          onClick={() => update({ schedules: [...values.schedules, newSchedule()] })}
        >
          日時を追加
        </Button>
      </Section>

      <Section title="場所">
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-location-name`}
            label="場所の名前"
            hint="例：峰野会館、南浜公民館前"
            value={values.placeName}
            onChange={text('placeName')}
            error={errorFor(errors, 'location.name')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-location-address`}
            label="住所"
            value={values.address}
            onChange={text('address')}
            error={errorFor(errors, 'location.address')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-location-postalCode`}
            label="郵便番号"
            short
            inputMode="numeric"
            value={values.postalCode}
            onChange={text('postalCode')}
            error={errorFor(errors, 'location.postalCode')}
            autoComplete="off"
          />
          <SelectField
            id={`${FORM}-location-areaId`}
            label="場所の地域"
            hint="ふつうは自動で判定します（地図の位置、または住所の町名から）。"
            value={values.areaId}
            onChange={text('areaId')}
            error={errorFor(errors, 'location.areaId')}
          >
            <option value="">
              自動で判定する{resource?.location?.areaName ? `（今は${resource.location.areaName}）` : ''}
            </option>
            <AreaOptions rows={areas.rows} />
          </SelectField>
        </div>
        <fieldset
          className={`fieldset place-point${errorFor(errors, 'location.latitude') || errorFor(errors, 'location.longitude') ? ' field--error' : ''}`}
        >
          <legend className="fieldset__legend">地図で位置を選ぶ</legend>
          <span className="field__hint" id={`${FORM}-point-hint`}>
            地図を押すと、その位置の緯度・経度が入ります。キーボードでは緯度・経度の欄に直接入力します。
          </span>
          {(errorFor(errors, 'location.latitude') || errorFor(errors, 'location.longitude')) && (
            <p className="field__error">
              {[errorFor(errors, 'location.latitude'), errorFor(errors, 'location.longitude')]
                .filter(Boolean)
                .join(' ')}
            </p>
          )}
          <div className="time-row">
            <div className="field">
              <label className="field__label" htmlFor={`${FORM}-location-latitude`}>
                緯度
              </label>
              <input
                id={`${FORM}-location-latitude`}
                className="input input--short"
                inputMode="decimal"
                value={values.latitude}
                aria-describedby={`${FORM}-point-hint`}
                onChange={text('latitude')}
                autoComplete="off"
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${FORM}-location-longitude`}>
                経度
              </label>
              <input
                id={`${FORM}-location-longitude`}
                className="input input--short"
                inputMode="decimal"
                value={values.longitude}
                aria-describedby={`${FORM}-point-hint`}
                onChange={text('longitude')}
                autoComplete="off"
              />
            </div>
          </div>
          <MapFrame
            label="位置を選ぶ地図"
            size="small"
            marker={point}
            onPick={(latitude, longitude) =>
              update({ latitude: String(latitude), longitude: String(longitude) })
            }
            caption={
              <span className="block">
                <MapPin aria-hidden="true" size={16} /> 地図を押した位置が場所になります。
              </span>
            }
            fallback="この端末では地図を表示できません。緯度・経度を入力してください。"
          />
        </fieldset>
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-location-accessibility`}
            label="バリアフリー"
            hint="例：段差なし、車いす用トイレあり"
            value={values.accessibility}
            onChange={text('accessibility')}
            error={errorFor(errors, 'location.accessibility')}
          />
          <TextField
            id={`${FORM}-location-transportation`}
            label="交通・行き方"
            hint="例：町営バス「峰野」下車すぐ"
            value={values.transportation}
            onChange={text('transportation')}
            error={errorFor(errors, 'location.transportation')}
          />
        </div>
        {(values.locationId || values.placeName || values.address || values.latitude) && (
          <Button
            variant="quiet"
            small
            onClick={() =>
              update({
                locationId: null,
                placeName: '',
                address: '',
                postalCode: '',
                latitude: '',
                longitude: '',
                areaId: '',
                accessibility: '',
                transportation: '',
              })
            }
          >
            場所を外す（訪問・電話などで場所がないとき）
          </Button>
        )}
        <details className="more">
          <summary>対象の地域（場所の地域のほかに、町全体などを対象にするとき）</summary>
          <div className="check-grid">
            {areas.rows.map(({ item }) => (
              <Checkbox
                key={item.id}
                label={item.name}
                checked={values.areaIds.includes(item.id)}
                onChange={(e) =>
                  update({
                    areaIds: e.target.checked
                      ? [...values.areaIds, item.id]
                      : values.areaIds.filter((a) => a !== item.id),
                  })
                }
              />
            ))}
          </div>
        </details>
      </Section>

      <Section title="料金・対象・申込">
        <Checkbox label="無料" checked={values.free} onChange={(e) => update({ free: e.target.checked })} />
        <FeeOptions values={values} setValues={setValues} errors={errors} />
        <TextField
          id={`${FORM}-fees-description`}
          label="料金の説明"
          hint="例：草刈機を使うときは機材料が別にかかります"
          value={values.feeDescription}
          onChange={text('feeDescription')}
          error={errorFor(errors, 'fees.description')}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">利用できる人</legend>
          <div className="check-grid check-grid--wide" id={`${FORM}-eligibility`}>
            {Object.entries(ELIGIBILITY_KINDS).map(([k, label]) => (
              <Checkbox
                key={k}
                label={label}
                checked={values.eligibilityKinds.includes(k)}
                onChange={(e) =>
                  update({
                    eligibilityKinds: e.target.checked
                      ? [...values.eligibilityKinds, k]
                      : values.eligibilityKinds.filter((x) => x !== k),
                  })
                }
              />
            ))}
          </div>
        </fieldset>
        <TextField
          id={`${FORM}-eligibility-description`}
          label="利用できる人の説明"
          hint="例：町内の65歳以上の方、要支援の方"
          value={values.eligibilityDescription}
          onChange={text('eligibilityDescription')}
          error={errorFor(errors, 'eligibility')}
        />
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-capacity`}
            label="定員（人）"
            short
            inputMode="numeric"
            value={values.capacity}
            onChange={text('capacity')}
            error={errorFor(errors, 'capacity')}
          />
        </div>
        <TextareaField
          id={`${FORM}-applicationProcess`}
          label="申込方法"
          hint="例：社会福祉協議会へ電話で。2日前までに。"
          value={values.applicationProcess}
          onChange={text('applicationProcess')}
          error={errorFor(errors, 'applicationProcess')}
          rows={3}
        />
      </Section>

      <Section title="連絡先">
        <PhoneRows values={values} setValues={setValues} errors={errors} />
        <ContactRows values={values} setValues={setValues} errors={errors} />
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-url`}
            label="ホームページ"
            type="url"
            value={values.url}
            onChange={text('url')}
            error={errorFor(errors, 'url')}
            autoComplete="off"
          />
          <TextField
            id={`${FORM}-email`}
            label="メール"
            type="email"
            value={values.email}
            onChange={text('email')}
            error={errorFor(errors, 'email')}
            autoComplete="off"
          />
        </div>
      </Section>

      <Section title="内部メモ・確認">
        <TextareaField
          id={`${FORM}-notes`}
          label="内部メモ（住民には表示しません）"
          hint="職員どうしの申し送り。公開の一覧やオープンデータには出ません。"
          value={values.notes}
          onChange={text('notes')}
          error={errorFor(errors, 'notes')}
          rows={3}
        />
        <TextField
          id={`${FORM}-nextCheckDue`}
          label="次に確認する日"
          hint="空欄なら、今の確認期限のまま（新しい資源は1年後）です。"
          type="date"
          short
          value={values.nextCheckDue}
          onChange={text('nextCheckDue')}
          error={errorFor(errors, 'nextCheckDue')}
        />
      </Section>

      {duplicates && duplicates.key === similarityKey(values) && (
        <DuplicateWarning
          candidates={duplicates.candidates}
          tenant={scope.code}
          busy={mutation.isPending}
          onConfirm={() => {
            setConfirmedKey(duplicates.key);
            void save(version, duplicates.key);
          }}
          onCancel={() => setDuplicates(null)}
        />
      )}

      <div className="button-row form-actions">
        <Button
          type="submit"
          busy={mutation.isPending || checking}
          busyLabel={checking ? '似た資源を確かめています…' : '保存しています…'}
        >
          {resource ? '変更を保存する' : '登録する'}
        </Button>
        <Link
          className={buttonClass('secondary')}
          to={resource ? paths.resource(scope.code, resource.id) : paths.resources(scope.code)}
        >
          やめる
        </Link>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title}`;
  return (
    <section className="panel form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

type RowsProps = {
  values: ResourceFormValues;
  setValues: (f: (v: ResourceFormValues) => ResourceFormValues) => void;
  errors: FormErrors;
};

function FeeOptions({ values, setValues, errors }: RowsProps) {
  const change = (key: string, patch: Partial<ResourceFormValues['feeOptions'][number]>) =>
    setValues((v) => ({
      ...v,
      feeOptions: v.feeOptions.map((o) => (o.key === key ? { ...o, ...patch } : o)),
    }));
  return (
    <div className="rows-editor">
      <h3 className="field__label">料金の区分</h3>
      <p className="field__hint">例：「30分」300円、「1回」100円、「機材料」（金額は空欄）</p>
      {values.feeOptions.length > 0 && (
        <TableScroll label="料金の区分">
          <table className="table table--form">
            <thead>
              <tr>
                <th scope="col">区分</th>
                <th scope="col">金額（円）</th>
                <th scope="col">補足</th>
                <th scope="col">
                  <span className="visually-hidden">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {values.feeOptions.map((o, i) => {
                const err = errorFor(errors, `fees.options.${i}`);
                return (
                  <tr key={o.key}>
                    <td>
                      <input
                        id={`${FORM}-fees-options-${i}-label`}
                        className="input"
                        aria-label={`料金の区分（${i + 1}行目）`}
                        aria-invalid={err ? true : undefined}
                        value={o.label}
                        onChange={(e) => change(o.key, { label: e.target.value })}
                      />
                      {err && <span className="field__error">{err}</span>}
                    </td>
                    <td>
                      <input
                        className="input input--amount"
                        inputMode="numeric"
                        aria-label={`金額（円）（${i + 1}行目）`}
                        value={o.amount}
                        onChange={(e) => change(o.key, { amount: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        className="input"
                        aria-label={`補足（${i + 1}行目）`}
                        value={o.note}
                        onChange={(e) => change(o.key, { note: e.target.value })}
                      />
                    </td>
                    <td>
                      <Button
                        variant="quiet"
                        small
                        aria-label={`${i + 1}行目の料金を削除`}
                        icon={<Trash2 aria-hidden="true" size={16} />}
                        onClick={() =>
                          setValues((v) => ({
                            ...v,
                            feeOptions: v.feeOptions.filter((x) => x.key !== o.key),
                          }))
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Button
        variant="secondary"
        small
        icon={<Plus aria-hidden="true" size={16} />}
        onClick={() =>
          setValues((v) => ({
            ...v,
            feeOptions: [...v.feeOptions, { key: newKey(), label: '', amount: '', note: '' }],
          }))
        }
      >
        料金の区分を追加
      </Button>
    </div>
  );
}

function PhoneRows({ values, setValues, errors }: RowsProps) {
  const change = (key: string, patch: Partial<ResourceFormValues['phones'][number]>) =>
    setValues((v) => ({ ...v, phones: v.phones.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));
  return (
    <div className="rows-editor">
      <h3 className="field__label">電話</h3>
      {values.phones.map((p, i) => (
        <div className="row-card" key={p.key}>
          <div className="form-grid form-grid--2">
            <TextField
              id={`${FORM}-phones-${i}`}
              label={`電話番号（${i + 1}件目）`}
              type="tel"
              value={p.number}
              onChange={(e) => change(p.key, { number: e.target.value })}
              error={errorFor(errors, `phones.${i}`)}
              autoComplete="off"
            />
            <TextField
              label={`電話の説明（${i + 1}件目）`}
              hint="例：社協 受付、代表の方の携帯"
              value={p.description}
              onChange={(e) => change(p.key, { description: e.target.value })}
            />
          </div>
          <div className="row-card__foot">
            <Checkbox
              label="公開する（住民向けの案内・オープンデータに載せます）"
              checked={p.public}
              onChange={(e) => change(p.key, { public: e.target.checked })}
            />
            <Button
              variant="quiet"
              small
              icon={<Trash2 aria-hidden="true" size={16} />}
              onClick={() => setValues((v) => ({ ...v, phones: v.phones.filter((x) => x.key !== p.key) }))}
            >
              {i + 1}件目の電話を削除
            </Button>
          </div>
        </div>
      ))}
      <Button
        variant="secondary"
        small
        icon={<Plus aria-hidden="true" size={16} />}
        onClick={() =>
          setValues((v) => ({
            ...v,
            phones: [...v.phones, { key: newKey(), number: '', description: '', public: true }],
          }))
        }
      >
        電話を追加
      </Button>
    </div>
  );
}

function ContactRows({ values, setValues, errors }: RowsProps) {
  const change = (key: string, patch: Partial<ResourceFormValues['contacts'][number]>) =>
    setValues((v) => ({ ...v, contacts: v.contacts.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
  return (
    <div className="rows-editor">
      <h3 className="field__label">担当者</h3>
      <p className="field__hint">個人の連絡先は、ふつう非公開のままにします。</p>
      {values.contacts.map((c, i) => (
        <div className="row-card" key={c.key}>
          <div className="form-grid form-grid--2">
            <TextField
              id={`${FORM}-contacts-${i}`}
              label={`担当者名（${i + 1}人目）`}
              value={c.name}
              onChange={(e) => change(c.key, { name: e.target.value })}
              error={errorFor(errors, `contacts.${i}`)}
              autoComplete="off"
            />
            <TextField
              label={`役職・立場（${i + 1}人目）`}
              value={c.title}
              onChange={(e) => change(c.key, { title: e.target.value })}
            />
            <TextField
              label={`担当者の電話（${i + 1}人目）`}
              type="tel"
              value={c.phone}
              onChange={(e) => change(c.key, { phone: e.target.value })}
              autoComplete="off"
            />
            <TextField
              label={`担当者のメール（${i + 1}人目）`}
              type="email"
              value={c.email}
              onChange={(e) => change(c.key, { email: e.target.value })}
              autoComplete="off"
            />
          </div>
          <div className="row-card__foot">
            <Checkbox
              label="公開する（チェックしなければ非公開：職員だけが見ます）"
              checked={c.public}
              onChange={(e) => change(c.key, { public: e.target.checked })}
            />
            <Button
              variant="quiet"
              small
              icon={<Trash2 aria-hidden="true" size={16} />}
              onClick={() =>
                setValues((v) => ({ ...v, contacts: v.contacts.filter((x) => x.key !== c.key) }))
              }
            >
              {i + 1}人目の担当者を削除
            </Button>
          </div>
        </div>
      ))}
      <Button
        variant="secondary"
        small
        icon={<Plus aria-hidden="true" size={16} />}
        onClick={() =>
          setValues((v) => ({
            ...v,
            contacts: [
              ...v.contacts,
              { key: newKey(), name: '', title: '', phone: '', email: '', public: false },
            ],
          }))
        }
      >
        担当者を追加
      </Button>
    </div>
  );
}

/** Before registering: resources with a similar name near the same place. */
function DuplicateWarning({
  candidates,
  tenant,
  busy,
  onConfirm,
  onCancel,
}: {
  candidates: Candidate[];
  tenant: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="duplicate-warning" role="alert" tabIndex={-1} ref={ref} aria-labelledby="duplicate-title">
      <h2 id="duplicate-title">同じ資源がすでに登録されていませんか</h2>
      <p>似た名前の資源が近くにあります。同じものなら、新しく登録せずにそちらを開いて直してください。</p>
      <ul className="duplicate-list">
        {candidates.map((c) => (
          <li key={c.id} className="duplicate-list__item">
            <a
              className="duplicate-list__link"
              href={`/app${paths.resource(tenant, c.id)}`}
              target="_blank"
              rel="noopener"
            >
              {c.name}
              <span className="visually-hidden">（新しいタブで開きます）</span>
            </a>
            <span className="muted">
              {c.address || '住所なし'}・{distanceText(c.distanceMetres)}
            </span>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <Button variant="secondary" busy={busy} onClick={onConfirm}>
          別の資源として登録する
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          やめて入力に戻る
        </Button>
      </div>
    </div>
  );
}

/** Readable lines of a form state, for the conflict view. */
function describeValues(v: ResourceFormValues, terms: readonly Term[]): { label: string; value: string }[] {
  const today = todayInTokyo();
  const termName = (c: string) => terms.find((t) => t.code === c)?.name ?? c;
  const place = [v.placeName, v.address, v.latitude && v.longitude ? `（${v.latitude}, ${v.longitude}）` : '']
    .filter(Boolean)
    .join(' ');
  const fees = [
    v.free ? '無料' : '有料',
    ...v.feeOptions.map(
      (o) => `${o.label}${o.amount ? ` ${o.amount}円` : ''}${o.note ? `（${o.note}）` : ''}`,
    ),
    v.feeDescription,
  ]
    .filter(Boolean)
    .join('、');
  return [
    { label: '名称', value: v.name },
    { label: 'よみがな', value: v.kana },
    { label: '通称', value: v.alternateName },
    { label: '状態', value: RESOURCE_STATUSES[v.status as keyof typeof RESOURCE_STATUSES] ?? v.status },
    { label: '内容', value: v.description },
    { label: '分類', value: v.categories.map(termName).join('、') },
    { label: '資源の種類', value: RESOURCE_KINDS[v.kind as keyof typeof RESOURCE_KINDS] ?? v.kind },
    {
      label: '総合事業の類型',
      value: v.sogoType ? (SOGO_TYPES[v.sogoType as keyof typeof SOGO_TYPES] ?? v.sogoType) : '',
    },
    { label: '運営する主体', value: v.organization?.name ?? '' },
    {
      label: '日時',
      value: v.schedules
        .map((s) => {
          const p = previewSchedule(s, today);
          return p.error ? `（${p.error}）` : p.reading;
        })
        .filter(Boolean)
        .join('／'),
    },
    { label: '場所', value: place },
    { label: '料金', value: fees },
    {
      label: '利用できる人',
      value: [
        v.eligibilityKinds.map((k) => ELIGIBILITY_KINDS[k as keyof typeof ELIGIBILITY_KINDS] ?? k).join('・'),
        v.eligibilityDescription,
      ]
        .filter(Boolean)
        .join('／'),
    },
    { label: '定員', value: v.capacity },
    { label: '申込方法', value: v.applicationProcess },
    { label: '電話', value: v.phones.map((p) => `${p.number}${p.public ? '' : '（非公開）'}`).join('、') },
    { label: '担当者', value: v.contacts.map((c) => `${c.name}${c.public ? '' : '（非公開）'}`).join('、') },
    { label: 'ホームページ', value: v.url },
    { label: 'メール', value: v.email },
    { label: '内部メモ', value: v.notes },
    { label: '次に確認する日', value: v.nextCheckDue },
  ];
}

/** On 409: what was typed beside what is saved now; the input stays in the form. */
function ConflictPanel({
  message,
  typed,
  current,
  terms,
  busy,
  onOverwrite,
  onLoadCurrent,
}: {
  message: string | null;
  typed: ResourceFormValues;
  current: Resource;
  terms: readonly Term[];
  busy: boolean;
  onOverwrite: () => void;
  onLoadCurrent: () => void | Promise<void>;
}) {
  const mine = describeValues(typed, terms);
  const now = describeValues(valuesFromResource(current), terms);
  return (
    <ConflictCompare
      id="conflict-title"
      message={message ?? 'ほかの人が先にこの資源を変更しました。'}
      mine={mine}
      now={now}
      busy={busy}
      onOverwrite={onOverwrite}
      onLoadCurrent={onLoadCurrent}
    />
  );
}
