import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, ClipboardPlus, Minus, Plus } from 'lucide-react';
import { type CSSProperties, type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { createNeed, type Need, NeedInput } from '../../../contracts/needs';
import { getResident } from '../../../contracts/residents';
import { PORTAL_GROUPS, type PortalGroup } from '../../../domain/life-support-taxonomy';
import {
  NEED_SOURCE_CODES,
  NEED_SOURCES,
  NEED_URGENCIES,
  type NeedSource,
  type NeedUrgency,
  needSourceLabel,
  needUrgencyLabel,
} from '../../../domain/needs';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { type TenantScope, useTenantScope } from '../../lib/session';
import { recall, remember } from '../../lib/storage';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { RecordedPanel } from '../../ui/recorded';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { GROUP_STYLE, type Term } from '../resources/categories';
import { AreaOptions, useAreaChoices } from './areas';
import { isUuid } from './filters';
import { PrivacyNote, peopleText } from './format';
import { canSeePersonalData, needPaths } from './paths';
import { invalidateNeeds, useTerms } from './queries';
import { TileChoices } from './tile-choices';

/*
 * 困りごとをその場で記録する: one thumb on a phone, in well under 30 seconds. Everything but the
 * category has a sensible default (her own area, where she usually listens, one person, ふつう), so
 * the shortest path is: a category, then 「記録する」.
 */

const FORM = 'quick';
const FIELDS = ['category', 'areaId', 'source', 'people', 'urgency', 'summary'] as const;
const fieldId = fieldIdFor(FORM, FIELDS);

const AREA_KEY = (tenant: string) => `sasaeai:need-area:${tenant}`;
const SOURCE_KEY = (tenant: string) => `sasaeai:need-source:${tenant}`;

/**
 * The area to start with: the resident's, for a 第2層 SC her first assigned area, otherwise the one
 * used last on this device; only if the person may record there.
 */
export function defaultArea(
  scope: Pick<TenantScope, 'code' | 'role' | 'areaIds'>,
  allowed: ReadonlySet<string>,
  residentArea: string | null = null,
): string {
  const candidates = [
    residentArea,
    scope.role === 'sc2' ? (scope.areaIds[0] ?? null) : recall(AREA_KEY(scope.code)),
  ];
  return candidates.find((id): id is string => Boolean(id && allowed.has(id))) ?? '';
}

export function defaultSource(tenant: string): NeedSource {
  const last = recall(SOURCE_KEY(tenant));
  return last && (NEED_SOURCE_CODES as readonly string[]).includes(last) ? (last as NeedSource) : 'salon';
}

interface QuickValues {
  category: string;
  areaId: string;
  source: NeedSource;
  people: string;
  urgency: NeedUrgency;
  summary: string;
}

/** Top-level terms by 住民向けの大分類, and the rest (sub-terms, the town's own groups) for 「その他の分類」. */
export function categoryChoices(terms: readonly Term[]) {
  const codes = new Set(terms.map((t) => t.code));
  const topLevel = terms.filter((t) => !t.parent || !codes.has(t.parent));
  const groups = PORTAL_GROUPS.map((g) => ({
    code: g.code as PortalGroup,
    terms: topLevel.filter((t) => t.group === g.code),
  })).filter((g) => g.terms.length > 0);
  const shown = new Set(groups.flatMap((g) => g.terms.map((t) => t.code)));
  return { groups, others: terms.filter((t) => !shown.has(t.code)) };
}

/** `/needs/quick` (?resident= to record for a registered resident). */
export function QuickCapturePage() {
  const scope = useTenantScope();
  usePageTitle('困りごとを記録');
  const [search] = useSearchParams();
  const residentParam = search.get('resident');
  const residentId = isUuid(residentParam) ? residentParam : null;
  const areas = useAreaChoices();
  const taxonomy = useTerms(scope.code);
  const resident = useQuery({
    queryKey: ['residents', scope.code, 'detail', residentId ?? ''],
    queryFn: ({ signal }) =>
      api(getResident, { params: { tenant: scope.code, id: residentId ?? '' }, signal }),
    enabled: Boolean(residentId),
  });
  const [saved, setSaved] = useState<Need | null>(null);
  const [round, setRound] = useState(0);
  const [lastArea, setLastArea] = useState<string | null>(null);

  const header = (
    <>
      <Breadcrumb
        items={[{ label: '困りごと', to: needPaths.needs(scope.code) }, { label: '記録' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title="困りごとを記録" />
    </>
  );

  if (!canSeePersonalData(scope))
    return (
      <>
        {header}
        <Notice tone="warning">
          <p>この役割では困りごとを記録できません。</p>
        </Notice>
      </>
    );
  if (areas.isPending || taxonomy.isPending || (residentId && resident.isPending))
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (areas.isError) return <ErrorNotice error={areas.error} />;
  if (taxonomy.isError) return <ErrorNotice error={taxonomy.error} />;

  const allowed = new Set(areas.rows.map((r) => r.area.id));
  const who = resident.data?.resident ?? null;
  const initialArea = lastArea && allowed.has(lastArea) ? lastArea : defaultArea(scope, allowed, who?.areaId);

  return (
    <>
      {header}
      {residentId && resident.isError && (
        <Notice tone="warning">
          <p>住民の情報を読み込めませんでした。特定の住民とつながない困りごととして記録します。</p>
        </Notice>
      )}
      {who && <PrivacyNote />}
      {who && (
        <p className="quick__resident">
          <Link to={needPaths.resident(scope.code, who.id)}>{who.name}</Link>
          さんの困りごととして記録します。
        </p>
      )}
      {saved ? (
        <QuickDone
          need={saved}
          residentId={who?.id ?? null}
          onAgain={() => {
            setSaved(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <QuickForm
          key={round}
          focusFirst={round > 0}
          terms={taxonomy.data.terms}
          areaRows={areas.rows}
          initialArea={initialArea}
          residentId={who?.id ?? null}
          onSaved={(need) => {
            setLastArea(need.areaId);
            setSaved(need);
          }}
        />
      )}
    </>
  );
}

function QuickForm({
  terms,
  areaRows,
  initialArea,
  residentId,
  focusFirst,
  onSaved,
}: {
  terms: readonly Term[];
  areaRows: ReturnType<typeof useAreaChoices>['rows'];
  initialArea: string;
  residentId: string | null;
  focusFirst: boolean;
  onSaved: (need: Need) => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<QuickValues>(() => ({
    category: '',
    areaId: initialArea,
    source: defaultSource(scope.code),
    people: '1',
    urgency: 'normal',
    summary: '',
  }));
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  // One per record (the form is mounted afresh for each): a resend after a lost answer records once.
  const [clientId] = useState(() => crypto.randomUUID());
  const firstCategory = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusFirst) firstCategory.current?.focus();
  }, [focusFirst]);

  const mutation = useMutation({
    mutationFn: (body: NeedInput) => api(createNeed, { params: { tenant: scope.code }, body }),
    onSuccess: async (need) => {
      remember(AREA_KEY(scope.code), need.areaId);
      remember(SOURCE_KEY(scope.code), need.source);
      onSaved(need);
      await invalidateNeeds(queryClient, scope.code);
    },
  });

  const errors: FormErrors =
    local.items.length > 0 || local.message ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const update = (patch: Partial<QuickValues>) => setValues((v) => ({ ...v, ...patch }));
  const people = Number.parseInt(values.people.normalize('NFKC'), 10);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    const body: NeedInput = {
      category: values.category,
      areaId: values.areaId,
      source: values.source,
      residentId,
      people: Number.isFinite(people) ? people : Number.NaN,
      urgency: values.urgency,
      summary: values.summary.trim(),
      clientId,
    };
    const problems = [];
    if (!values.category)
      problems.push({ path: 'category', message: '分類：あてはまる分類を選んでください' });
    if (!values.areaId) problems.push({ path: 'areaId', message: '地域：地域を選んでください' });
    if (!Number.isFinite(people))
      problems.push({ path: 'people', message: '人数：1以上の数を入力してください' });
    const all = problems.length > 0 ? problems : validate(NeedInput, body);
    setLocal({ message: null, items: all });
    if (all.length > 0) return;
    mutation.mutate(body);
  };

  const { groups, others } = useMemo(() => categoryChoices(terms), [terms]);
  const otherSelected = others.some((t) => t.code === values.category);
  const categoryError = errorFor(errors, 'category');
  const step = (delta: number) =>
    update({ people: String(Math.max(1, Math.min(10_000, (Number.isFinite(people) ? people : 1) + delta))) });

  const tile = (t: Term, i: number, group: PortalGroup | 'other') => {
    const style = GROUP_STYLE[group];
    const Icon = style.icon;
    return (
      <label key={t.code} className="tile tile--cat" style={{ '--cat': style.color } as CSSProperties}>
        <input
          ref={i === 0 ? firstCategory : undefined}
          id={i === 0 ? `${FORM}-category` : undefined}
          className="tile__input"
          type="radio"
          name="category"
          value={t.code}
          checked={values.category === t.code}
          aria-invalid={categoryError ? true : undefined}
          onChange={() => update({ category: t.code })}
        />
        <span className="tile__body">
          <Icon aria-hidden="true" size={20} className="tile__icon" />
          <span>{t.name}</span>
          <Check aria-hidden="true" size={20} className="tile__check" />
        </span>
      </label>
    );
  };
  let index = 0;

  return (
    <form className="quick" onSubmit={submit} noValidate aria-label="困りごとの記録">
      <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />

      <SelectField
        id={`${FORM}-areaId`}
        label="地域"
        required
        value={values.areaId}
        onChange={(e) => update({ areaId: e.target.value })}
        error={errorFor(errors, 'areaId')}
      >
        <option value="">地域を選んでください</option>
        <AreaOptions rows={areaRows} />
      </SelectField>

      <fieldset className={`fieldset quick__fieldset${categoryError ? ' field--error' : ''}`}>
        <legend className="fieldset__legend">
          分類<span className="field__required">必須</span>
        </legend>
        {categoryError && <p className="field__error">{categoryError}</p>}
        <div className="tile-groups">
          {groups.map((g) => {
            const look = GROUP_STYLE[g.code];
            const GroupIcon = look.icon;
            return (
              <fieldset key={g.code} className="tile-group" style={{ '--cat': look.color } as CSSProperties}>
                <legend className="tile-group__label">
                  <GroupIcon aria-hidden="true" size={16} />
                  {look.label}
                </legend>
                <div className="tiles">{g.terms.map((t) => tile(t, index++, g.code))}</div>
              </fieldset>
            );
          })}
        </div>
        {others.length > 0 && (
          <details className="quick__more" open={otherSelected || undefined}>
            <summary className="quick__summary">その他の分類（{others.length}）</summary>
            <div className="tiles">
              {others.map((t) =>
                tile(
                  t,
                  index++,
                  (PORTAL_GROUPS as readonly { code: string }[]).some((g) => g.code === t.group)
                    ? (t.group as PortalGroup)
                    : 'other',
                ),
              )}
            </div>
          </details>
        )}
      </fieldset>

      <fieldset className="fieldset quick__fieldset">
        <legend className="fieldset__legend">把握した場</legend>
        <TileChoices
          name="source"
          options={NEED_SOURCES}
          value={values.source}
          onChange={(source) => update({ source })}
          firstId={`${FORM}-source`}
        />
      </fieldset>

      <div className="quick__row">
        <PeopleStepper
          value={values.people}
          error={errorFor(errors, 'people')}
          onChange={(v) => update({ people: v })}
          onStep={step}
        />
        <fieldset className="fieldset quick__fieldset">
          <legend className="fieldset__legend">緊急度</legend>
          <TileChoices
            name="urgency"
            options={NEED_URGENCIES}
            value={values.urgency}
            onChange={(urgency) => update({ urgency })}
            firstId={`${FORM}-urgency`}
          />
        </fieldset>
      </div>

      <TextField
        id={`${FORM}-summary`}
        label="ひとこと（なくてもかまいません）"
        hint="例：峰延の3人、店まで行けない。名前は書かずに。"
        value={values.summary}
        maxLength={120}
        autoComplete="off"
        enterKeyHint="done"
        onChange={(e) => update({ summary: e.target.value })}
        error={errorFor(errors, 'summary')}
      />

      <div className="quick__submit">
        <p className="quick__recap" aria-hidden="true">
          {[
            terms.find((t) => t.code === values.category)?.name ?? '分類を選んでください',
            needSourceLabel(values.source),
            Number.isFinite(people) ? peopleText(people) : '',
            needUrgencyLabel(values.urgency),
          ]
            .filter(Boolean)
            .join('・')}
        </p>
        <Button
          type="submit"
          className="quick__button"
          busy={mutation.isPending}
          busyLabel="記録しています…"
          icon={<ClipboardPlus aria-hidden="true" size={22} />}
        >
          記録する
        </Button>
      </div>
    </form>
  );
}

/** 人数: − / + buttons around a number field. */
function PeopleStepper({
  value,
  error,
  onChange,
  onStep,
}: {
  value: string;
  error: string | null;
  onChange: (v: string) => void;
  onStep: (delta: number) => void;
}) {
  const hint = useId();
  const n = Number.parseInt(value, 10);
  return (
    <div className={`field quick__people${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={`${FORM}-people`}>
        人数
      </label>
      <span className="field__hint" id={hint}>
        同じ困りごとを話した人の数
      </span>
      {error && <span className="field__error">{error}</span>}
      <div className="stepper">
        <button
          type="button"
          className="stepper__button"
          aria-label="人数を1人減らす"
          aria-controls={`${FORM}-people`}
          disabled={!(n > 1)}
          onClick={() => onStep(-1)}
        >
          <Minus aria-hidden="true" size={24} />
        </button>
        <input
          id={`${FORM}-people`}
          className="input stepper__input"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          aria-describedby={hint}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="stepper__unit">人</span>
        <button
          type="button"
          className="stepper__button"
          aria-label="人数を1人増やす"
          aria-controls={`${FORM}-people`}
          onClick={() => onStep(1)}
        >
          <Plus aria-hidden="true" size={24} />
        </button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {Number.isFinite(n) ? `人数：${n}人` : ''}
      </span>
    </div>
  );
}

/** 「記録しました」 and the way to the next one. */
function QuickDone({
  need,
  residentId,
  onAgain,
}: {
  need: Need;
  residentId: string | null;
  onAgain: () => void;
}) {
  const scope = useTenantScope();
  return (
    <RecordedPanel
      what={
        <>
          {[need.areaName, need.categoryName, peopleText(need.people), needUrgencyLabel(need.urgency)].join(
            '・',
          )}
          {need.summary && <span className="quick-done__summary">「{need.summary}」</span>}
        </>
      }
      actions={
        <>
          <Button
            className="quick__button"
            icon={<ClipboardPlus aria-hidden="true" size={22} />}
            onClick={onAgain}
          >
            続けて記録する
          </Button>
          <Link className={buttonClass('secondary')} to={needPaths.need(scope.code, need.id)}>
            記録した困りごとを開く
          </Link>
          {residentId ? (
            <Link className={buttonClass('quiet')} to={needPaths.resident(scope.code, residentId)}>
              住民の画面へ戻る
            </Link>
          ) : (
            <Link className={buttonClass('quiet')} to={needPaths.needs(scope.code)}>
              困りごとの一覧へ
            </Link>
          )}
        </>
      }
    />
  );
}
