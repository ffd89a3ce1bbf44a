import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link2, Search, Trash2 } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getNeed, Need, NeedInput, updateNeed } from '../../../contracts/needs';
import { isIsoDate } from '../../../domain/dates';
import {
  NEED_SOURCES,
  NEED_URGENCIES,
  type NeedSource,
  type NeedUrgency,
  needSourceLabel,
  needUrgencyLabel,
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
import { type Term, termTree } from '../resources/categories';
import { AreaOptions, useAreaChoices } from './areas';
import { needTitle, PrivacyNote } from './format';
import type { NeedSavedState } from './need-detail-page';
import { needPaths } from './paths';
import { invalidateNeeds, needKeys, useNeed, useResourceLookup, useTerms } from './queries';

const FORM = 'need';
const FIELDS = [
  'category',
  'areaId',
  'source',
  'residentId',
  'people',
  'urgency',
  'summary',
  'note',
  'raisedOn',
  'resourceIds',
] as const;
const fieldId = fieldIdFor(FORM, FIELDS);

export interface NeedFormValues {
  category: string;
  areaId: string;
  source: NeedSource;
  residentId: string | null;
  residentName: string | null;
  people: string;
  urgency: NeedUrgency;
  summary: string;
  note: string;
  raisedOn: string;
  resources: { id: string; name: string }[];
}

export function valuesFromNeed(n: Need, resources: readonly { id: string; name: string }[]): NeedFormValues {
  const names = new Map(resources.map((r) => [r.id, r.name]));
  return {
    category: n.category,
    areaId: n.areaId,
    source: n.source,
    residentId: n.residentId,
    residentName: n.residentName,
    people: String(n.people),
    urgency: n.urgency,
    summary: n.summary,
    note: n.note,
    raisedOn: n.raisedOn,
    resources: n.resourceIds.map((id) => ({ id, name: names.get(id) ?? '（名前を読み込めませんでした）' })),
  };
}

/** The PATCH body (without the version); numbers that do not parse are left to the contract to name. */
export function inputFromValues(v: NeedFormValues): NeedInput {
  const people = Number.parseInt(v.people.normalize('NFKC'), 10);
  return {
    category: v.category,
    areaId: v.areaId,
    source: v.source,
    // Sent every time: leaving it out would unlink the resident (the contract's default is null).
    residentId: v.residentId,
    people: Number.isFinite(people) ? people : Number.NaN,
    urgency: v.urgency,
    summary: v.summary.trim(),
    note: v.note.trim(),
    raisedOn: v.raisedOn || undefined,
    resourceIds: v.resources.map((r) => r.id),
  };
}

/** 困りごとを編集 (`/needs/:id/edit`). */
export function NeedEditPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const query = useNeed(scope.code, id);
  usePageTitle(query.data ? `${needTitle(query.data.need)}を編集` : '困りごとを編集');
  // The form starts from the record as first loaded; later refetches never overwrite what is typed.
  const [initial, setInitial] = useState<{ values: NeedFormValues; need: Need } | null>(null);
  useEffect(() => {
    if (query.data && !initial)
      setInitial({ values: valuesFromNeed(query.data.need, query.data.resources), need: query.data.need });
  }, [query.data, initial]);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const n = query.data.need;
  const title = needTitle(n);
  return (
    <>
      <Breadcrumb
        items={[
          { label: '困りごと', to: needPaths.needs(scope.code) },
          { label: title, to: needPaths.need(scope.code, n.id) },
          { label: '編集' },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title={`${title}を編集`}
        lead="状況は詳しい画面の「状況を変える」で変えます（履歴に残ります）。"
      />
      <PrivacyNote />
      {!n.canEdit ? (
        <Notice tone="warning">
          <p>この困りごとを変更する権限がありません。</p>
        </Notice>
      ) : initial ? (
        <NeedForm initial={initial.values} need={initial.need} />
      ) : (
        <Loading />
      )}
    </>
  );
}

export function NeedForm({ initial, need }: { initial: NeedFormValues; need: Need }) {
  const scope = useTenantScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const taxonomy = useTerms(scope.code);
  const areas = useAreaChoices();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(need.version);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState<Need | null>(null);

  const mutation = useMutation({
    mutationFn: ({ body, version }: { body: NeedInput; version: number }) =>
      api(updateNeed, { params: { tenant: scope.code, id: need.id }, body: { ...body, version } }),
    onSuccess: async (saved) => {
      await invalidateNeeds(queryClient, scope.code);
      const state: NeedSavedState = { saved: true };
      navigate(needPaths.need(scope.code, saved.id), { state });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = Need.safeParse(error.current);
        if (current.success) setConflict(current.data);
      }
    },
  });

  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const update = (patch: Partial<NeedFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const text = (key: keyof NeedFormValues) => (e: { target: { value: string } }) =>
    update({ [key]: e.target.value } as Partial<NeedFormValues>);

  const save = (withVersion: number) => {
    const body = inputFromValues(values);
    const problems = [];
    if (!Number.isFinite(body.people))
      problems.push({ path: 'people', message: '人数：1以上の数を入力してください' });
    if (values.raisedOn && !isIsoDate(values.raisedOn))
      problems.push({ path: 'raisedOn', message: '把握した日：日付を正しく入力してください' });
    const all = problems.length > 0 ? problems : validate(NeedInput, body);
    setLocal({ message: null, items: all });
    if (all.length > 0) return;
    mutation.mutate({ body, version: withVersion });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mutation.isPending) save(version);
  };

  const terms = taxonomy.data?.terms ?? [];

  return (
    <form onSubmit={submit} noValidate className="need-form" aria-label="困りごとの編集">
      <ErrorSummary message={conflict ? null : errors.message} items={errors.items} fieldId={fieldId} />
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
            save(conflict.version);
          }}
          onLoadCurrent={async () => {
            const latest = await queryClient
              .fetchQuery({
                queryKey: needKeys.detail(scope.code, need.id),
                queryFn: () => api(getNeed, { params: { tenant: scope.code, id: need.id } }),
                staleTime: 0,
              })
              .catch(() => null);
            const fresh = latest?.need ?? conflict;
            setValues(valuesFromNeed(fresh, latest?.resources ?? values.resources));
            setVersion(fresh.version);
            setConflict(null);
            setLocal(NO_ERRORS);
            mutation.reset();
          }}
        />
      )}

      <section className="panel" aria-labelledby="need-form-what">
        <h2 id="need-form-what">困りごと</h2>
        <div className="form-grid form-grid--2">
          <SelectField
            id={`${FORM}-category`}
            label="分類"
            required
            value={values.category}
            onChange={text('category')}
            error={errorFor(errors, 'category')}
          >
            {!terms.some((t) => t.code === values.category) && (
              <option value={values.category}>{need.categoryName}</option>
            )}
            {termTree(terms).map(({ term, depth }) => (
              <option key={term.code} value={term.code}>
                {`${'　'.repeat(depth)}${term.name}`}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={`${FORM}-areaId`}
            label="地域"
            required
            value={values.areaId}
            onChange={text('areaId')}
            error={errorFor(errors, 'areaId')}
          >
            {!areas.rows.some((r) => r.area.id === values.areaId) && (
              <option value={values.areaId}>{need.areaName}</option>
            )}
            <AreaOptions rows={areas.rows} />
          </SelectField>
          <SelectField
            id={`${FORM}-source`}
            label="把握した場"
            value={values.source}
            onChange={text('source')}
            error={errorFor(errors, 'source')}
          >
            {NEED_SOURCES.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`${FORM}-raisedOn`}
            label="把握した日"
            type="date"
            short
            value={values.raisedOn}
            onChange={text('raisedOn')}
            error={errorFor(errors, 'raisedOn')}
          />
          <TextField
            id={`${FORM}-people`}
            label="人数"
            hint="同じ困りごとを話した人の数"
            inputMode="numeric"
            short
            value={values.people}
            onChange={text('people')}
            error={errorFor(errors, 'people')}
            autoComplete="off"
          />
          <SelectField
            id={`${FORM}-urgency`}
            label="緊急度"
            value={values.urgency}
            onChange={text('urgency')}
            error={errorFor(errors, 'urgency')}
          >
            {NEED_URGENCIES.map((u) => (
              <option key={u.code} value={u.code}>
                {u.label}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          id={`${FORM}-summary`}
          label="ひとこと"
          hint="一覧に出る短い説明です。名前は書かずに。"
          value={values.summary}
          maxLength={120}
          onChange={text('summary')}
          error={errorFor(errors, 'summary')}
          autoComplete="off"
        />
        <TextareaField
          id={`${FORM}-note`}
          label="メモ"
          value={values.note}
          maxLength={2000}
          rows={4}
          onChange={text('note')}
          error={errorFor(errors, 'note')}
        />
        {initial.residentId && (
          <div className="field" id={`${FORM}-residentId`}>
            <span className="field__label">住民</span>
            <p>
              {values.residentId ? (
                (initial.residentName ?? '登録された住民')
              ) : (
                <span className="muted">つながりを外します（匿名の困りごとになります）</span>
              )}
            </p>
            <Checkbox
              label="この住民とのつながりを外す"
              checked={values.residentId === null}
              onChange={(e) => update({ residentId: e.target.checked ? null : initial.residentId })}
            />
          </div>
        )}
      </section>

      <ResourceLinks
        areaId={values.areaId}
        linked={values.resources}
        error={errorFor(errors, 'resourceIds')}
        onChange={(resources) => update({ resources })}
      />

      <div className="button-row form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          変更を保存する
        </Button>
        <Link className={buttonClass('secondary')} to={needPaths.need(scope.code, need.id)}>
          やめる
        </Link>
      </div>
    </form>
  );
}

/** つながる地域資源: the linked ones with 「外す」, and a search to add more. */
function ResourceLinks({
  areaId,
  linked,
  error,
  onChange,
}: {
  areaId: string;
  linked: { id: string; name: string }[];
  error: string | null;
  onChange: (next: { id: string; name: string }[]) => void;
}) {
  const scope = useTenantScope();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [nearby, setNearby] = useState(true);
  const found = useResourceLookup(scope.code, q, nearby && areaId ? areaId : undefined);
  const search = () => setQ(typed.trim());
  return (
    <section className={`panel${error ? ' field--error' : ''}`} aria-labelledby="need-form-resources">
      <h2 id="need-form-resources">つながる地域資源</h2>
      {error && <p className="field__error">{error}</p>}
      {linked.length === 0 ? (
        <p className="muted" id={`${FORM}-resourceIds`}>
          まだつないでいません。
        </p>
      ) : (
        <ul className="need-linked" id={`${FORM}-resourceIds`}>
          {linked.map((r) => (
            <li key={r.id}>
              <span>{r.name}</span>
              <Button
                variant="quiet"
                small
                icon={<Trash2 aria-hidden="true" size={16} />}
                onClick={() => onChange(linked.filter((x) => x.id !== r.id))}
              >
                <span className="visually-hidden">{r.name}を</span>外す
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${FORM}-resource-q`}>
          地域資源を探して加える
        </label>
        <span className="field__hint" id={`${FORM}-resource-q-hint`}>
          名前や分類の言葉で探します（例：移動販売、サロン）
        </span>
        <div className="need-lookup">
          <input
            id={`${FORM}-resource-q`}
            className="input"
            type="search"
            value={typed}
            maxLength={100}
            aria-describedby={`${FORM}-resource-q-hint`}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              // Enter searches here instead of saving the whole form.
              if (e.key === 'Enter') {
                e.preventDefault();
                search();
              }
            }}
          />
          <Button variant="secondary" icon={<Search aria-hidden="true" size={18} />} onClick={search}>
            探す
          </Button>
        </div>
        <Checkbox
          label="この困りごとの地域（と上位・下位の地域）の資源だけ"
          checked={nearby}
          onChange={(e) => setNearby(e.target.checked)}
        />
      </div>
      <div aria-live="polite">
        {q && found.isPending && <Loading label="探しています…" />}
        {found.isError && <ErrorNotice error={found.error} />}
        {found.data &&
          (found.data.items.length === 0 ? (
            <p className="muted">「{q}」に合う地域資源は見つかりませんでした。</p>
          ) : (
            <ul className="need-found" aria-label={`「${q}」で見つかった地域資源`}>
              {found.data.items.map((r) => {
                const already = linked.some((x) => x.id === r.id);
                return (
                  <li key={r.id}>
                    <span>
                      {r.name}
                      {r.location?.areaName && <span className="muted">（{r.location.areaName}）</span>}
                    </span>
                    <Button
                      variant="secondary"
                      small
                      disabled={already || linked.length >= 20}
                      icon={<Link2 aria-hidden="true" size={16} />}
                      onClick={() => onChange([...linked, { id: r.id, name: r.name }])}
                    >
                      {already ? 'つないでいます' : 'つなぐ'}
                      <span className="visually-hidden">：{r.name}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          ))}
      </div>
    </section>
  );
}

function describe(v: NeedFormValues, terms: readonly Term[], names: { area: (id: string) => string }) {
  return [
    { label: '分類', value: terms.find((t) => t.code === v.category)?.name ?? v.category },
    { label: '地域', value: names.area(v.areaId) },
    { label: '把握した場', value: needSourceLabel(v.source) },
    { label: '把握した日', value: v.raisedOn },
    { label: '人数', value: v.people },
    { label: '緊急度', value: needUrgencyLabel(v.urgency) },
    { label: 'ひとこと', value: v.summary },
    { label: 'メモ', value: v.note },
    { label: '住民', value: v.residentId ? (v.residentName ?? '登録された住民') : '' },
    { label: 'つながる地域資源', value: v.resources.length > 0 ? `${v.resources.length}件` : '' },
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
  typed: NeedFormValues;
  current: Need;
  terms: readonly Term[];
  busy: boolean;
  onOverwrite: () => void;
  onLoadCurrent: () => void | Promise<void>;
}) {
  const areas = useAreaChoices();
  const area = (id: string) =>
    id === current.areaId ? current.areaName : (areas.rows.find((r) => r.area.id === id)?.area.name ?? id);
  const mine = describe(typed, terms, { area });
  const now = describe(valuesFromNeed(current, typed.resources), terms, { area });
  return (
    <ConflictCompare
      id="need-conflict-title"
      message={message ?? 'ほかの人が先にこの困りごとを変更しました。'}
      lead="入力した内容は残っています。下の表で違いを確かめて、どちらを残すか選んでください。"
      mine={mine}
      now={now}
      busy={busy}
      onOverwrite={onOverwrite}
      onLoadCurrent={onLoadCurrent}
    />
  );
}
