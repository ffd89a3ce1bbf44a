import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Area, AreaInput, createArea, updateArea } from '../../../contracts/areas';
import type { FieldError } from '../../../contracts/http';
import { AREA_KINDS, LAYER_LABELS, LAYER_SHORT, type Layer, subtreeIds } from '../../../domain/areas';
import { fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { ApiError, api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { paths } from '../../lib/paths';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button, buttonClass } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { Field, SelectField, TextareaField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import type { ListedArea } from './area-list';
import { invalidateAreas, useArea, useAreaList } from './queries';

/** What the form holds: text exactly as typed, so nothing is lost when the server says no. */
export interface AreaFormValues {
  name: string;
  kana: string;
  layer: string;
  kind: string;
  parentId: string;
  validFromFy: string;
  validToFy: string;
  townNames: string;
  sortOrder: string;
  strengths: string;
  concerns: string;
}

const FORM = 'area';
const FIELD_NAMES = [
  'name',
  'kana',
  'layer',
  'kind',
  'parentId',
  'validFromFy',
  'validToFy',
  'townNames',
  'sortOrder',
  'strengths',
  'concerns',
];
const fieldId = fieldIdFor(FORM, FIELD_NAMES);

export function valuesFromArea(a: Area): AreaFormValues {
  return {
    name: a.name,
    kana: a.kana,
    layer: String(a.layer),
    kind: a.kind,
    parentId: a.parentId ?? '',
    validFromFy: a.validFromFy == null ? '' : String(a.validFromFy),
    validToFy: a.validToFy == null ? '' : String(a.validToFy),
    townNames: a.townNames.join('\n'),
    sortOrder: String(a.sortOrder),
    strengths: a.strengths,
    concerns: a.concerns,
  };
}

/** The request body built from the typed text; anything unreadable is passed on for the schema to name. */
export function inputFromValues(v: AreaFormValues) {
  const num = (s: string) => {
    const t = s.normalize('NFKC').trim();
    return /^-?\d+$/.test(t) ? Number(t) : t;
  };
  return {
    name: v.name,
    kana: v.kana,
    layer: Number(v.layer) as Layer,
    kind: v.kind,
    parentId: v.parentId || null,
    validFromFy: v.validFromFy ? Number(v.validFromFy) : null,
    validToFy: v.validToFy ? Number(v.validToFy) : null,
    townNames: v.townNames
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter(Boolean),
    sortOrder: v.sortOrder.trim() === '' ? 0 : num(v.sortOrder),
    strengths: v.strengths,
    concerns: v.concerns,
  };
}

const DEFAULT_KIND: Record<Layer, string> = { 1: '市町村全域', 2: '日常生活圏域', 3: '地区' };

function fyOptions(): number[] {
  const current = fiscalYearOf(todayInTokyo());
  return Array.from({ length: current + 6 - 2000 + 1 }, (_, i) => current + 6 - i);
}

const FIELD_LABELS: Record<keyof AreaFormValues, string> = {
  name: '名称',
  kana: 'よみがな',
  layer: '層',
  kind: '種別',
  parentId: '上位の地域',
  validFromFy: '使い始める年度',
  validToFy: '使い終える年度',
  townNames: '含まれる町丁',
  sortOrder: '並び順',
  strengths: '地域のお宝',
  concerns: '気になること',
};

/** 地域の追加 (`/areas/new`, optionally `?parent=`). */
export function AreaNewPage({ parentId }: { parentId: string | null }) {
  const scope = useTenantScope();
  usePageTitle('地域を追加');
  const list = useAreaList(scope.code, undefined, true);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  const parent = list.data.areas.find((a) => a.id === parentId) ?? null;
  const layer = parent
    ? (Math.min(parent.layer + 1, 3) as Layer)
    : list.data.areas.some((a) => a.layer === 1)
      ? 2
      : 1;
  const initial: AreaFormValues = {
    name: '',
    kana: '',
    layer: String(layer),
    kind: DEFAULT_KIND[layer],
    parentId: parent?.id ?? list.data.areas.find((a) => a.layer === 1)?.id ?? '',
    validFromFy: '',
    validToFy: '',
    townNames: '',
    sortOrder: '0',
    strengths: '',
    concerns: '',
  };
  return (
    <>
      <Breadcrumb
        items={[{ label: '地域と人口', to: paths.areas(scope.code) }, { label: '地域を追加' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title="地域を追加" />
      <AreaForm initial={initial} areas={list.data.areas} area={null} />
    </>
  );
}

/** 地域の編集 (`/areas/:id/edit`). */
export function AreaEditPage({ id }: { id: string }) {
  const scope = useTenantScope();
  const detail = useArea(scope.code, id);
  const list = useAreaList(scope.code, undefined, true);
  usePageTitle(detail.data ? `${detail.data.area.name}を編集` : '地域を編集');
  if (detail.isPending || list.isPending) return <Loading />;
  if (detail.isError) return <ErrorNotice error={detail.error} />;
  if (list.isError) return <ErrorNotice error={list.error} />;
  const { area } = detail.data;
  return (
    <>
      <Breadcrumb
        items={[
          { label: '地域と人口', to: paths.areas(scope.code) },
          ...detail.data.ancestors.map((a) => ({ label: a.name, to: paths.area(scope.code, a.id) })),
          { label: area.name, to: paths.area(scope.code, area.id) },
          { label: '編集' },
        ]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader title={`${area.name}を編集`} />
      {!area.canEdit ? (
        <Notice tone="warning">
          <p>この地域を変更する権限がありません。</p>
        </Notice>
      ) : (
        <AreaForm key={area.id} initial={valuesFromArea(area)} areas={list.data.areas} area={area} />
      )}
    </>
  );
}

function AreaForm({
  initial,
  areas,
  area,
}: {
  initial: AreaFormValues;
  areas: readonly ListedArea[];
  area: Area | null;
}) {
  const scope = useTenantScope();
  const can = capabilities(scope);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const [version, setVersion] = useState(area?.version ?? 0);
  const [local, setLocal] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<Area | null>(null);

  const mutation = useMutation({
    mutationFn: async ({ body, version }: { body: ReturnType<typeof inputFromValues>; version: number }) =>
      area
        ? api(updateArea, {
            params: { tenant: scope.code, id: area.id },
            body: { ...body, version } as never,
          })
        : api(createArea, { params: { tenant: scope.code }, body: body as never }),
    onSuccess: async (saved) => {
      await invalidateAreas(queryClient, scope.code);
      navigate(paths.area(scope.code, saved.id));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = Area.safeParse(error.current);
        if (current.success) setConflict(current.data);
      }
    },
  });

  const errors: FormErrors =
    local.length > 0
      ? { message: null, items: local }
      : mutation.error
        ? formErrors(mutation.error)
        : NO_ERRORS;

  const layer = Number(values.layer) as Layer;
  const excluded = useMemo(() => (area ? subtreeIds(areas, [area.id]) : new Set<string>()), [areas, area]);
  const parentOptions = areas.filter(
    (a) => a.layer < layer && !excluded.has(a.id) && (can.writeTenant || a.canEdit),
  );
  const hasRoot = areas.some((a) => a.layer === 1 && a.id !== area?.id);
  const layerChoices = ([1, 2, 3] as const).filter((l) => (l === 1 ? can.writeTenant && !hasRoot : true));

  const set = (key: keyof AreaFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const save = (withVersion: number) => {
    const body = inputFromValues(values);
    const problems = validate(AreaInput, body);
    setLocal(problems);
    if (problems.length === 0) mutation.mutate({ body, version: withVersion });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save(version);
  };

  const onLayer = (e: { target: { value: string } }) => {
    const next = Number(e.target.value) as Layer;
    setValues((v) => {
      const parent = areas.find((a) => a.id === v.parentId);
      const keepParent = parent && parent.layer < next;
      const kindIsDefault = Object.values(DEFAULT_KIND).includes(v.kind) || v.kind === '';
      return {
        ...v,
        layer: String(next),
        parentId: next === 1 ? '' : keepParent ? v.parentId : '',
        kind: kindIsDefault ? DEFAULT_KIND[next] : v.kind,
      };
    });
  };

  return (
    <form onSubmit={submit} noValidate className="panel" aria-label={area ? '地域の編集' : '地域の追加'}>
      <ErrorSummary message={conflict ? null : errors.message} items={errors.items} fieldId={fieldId} />
      {conflict && (
        <ConflictPanel
          message={errors.message}
          typed={values}
          current={conflict}
          onLoadCurrent={() => {
            setValues(valuesFromArea(conflict));
            setVersion(conflict.version);
            setConflict(null);
            mutation.reset();
          }}
          onOverwrite={() => {
            setVersion(conflict.version);
            setConflict(null);
            save(conflict.version);
          }}
          busy={mutation.isPending}
          areas={areas}
        />
      )}

      <div className="form-grid form-grid--2">
        <TextField
          id={`${FORM}-name`}
          label="名称"
          required
          value={values.name}
          onChange={set('name')}
          error={errorFor(errors, 'name')}
          autoComplete="off"
        />
        <TextField
          id={`${FORM}-kana`}
          label="よみがな"
          hint="ひらがなで入力します。並べ替えと検索に使います。"
          value={values.kana}
          onChange={set('kana')}
          error={errorFor(errors, 'kana')}
          autoComplete="off"
        />
        <SelectField
          id={`${FORM}-layer`}
          label="層"
          required
          value={values.layer}
          onChange={onLayer}
          error={errorFor(errors, 'layer')}
        >
          {layerChoices.map((l) => (
            <option key={l} value={l}>
              {LAYER_LABELS[l]}
            </option>
          ))}
        </SelectField>
        <Field
          id={`${FORM}-kind`}
          label="種別"
          required
          hint="一覧から選ぶか、町で使っている呼び方を入力します。"
          error={errorFor(errors, 'kind')}
        >
          {(control) => (
            <>
              <input
                className="input"
                list="area-kinds"
                value={values.kind}
                onChange={set('kind')}
                autoComplete="off"
                {...control}
              />
              <datalist id="area-kinds">
                {AREA_KINDS.map((k) => (
                  <option key={k} value={k} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <SelectField
          id={`${FORM}-parentId`}
          label="上位の地域"
          required={layer !== 1}
          hint={
            layer === 1
              ? '第1層（市町村全域）は上位の地域を持ちません。'
              : 'この地域を含む、より上の層の地域です。'
          }
          value={values.parentId}
          onChange={set('parentId')}
          disabled={layer === 1}
          error={errorFor(errors, 'parentId')}
        >
          <option value="">{layer === 1 ? 'なし' : '選んでください'}</option>
          {parentOptions.map((a) => (
            <option key={a.id} value={a.id}>
              {`${'　'.repeat(a.layer - 1)}${a.name}（${LAYER_SHORT[a.layer]}）`}
            </option>
          ))}
        </SelectField>
        <TextField
          id={`${FORM}-sortOrder`}
          label="並び順"
          hint="小さい数ほど一覧の上に表示します。"
          inputMode="numeric"
          short
          value={values.sortOrder}
          onChange={set('sortOrder')}
          error={errorFor(errors, 'sortOrder')}
        />
        <SelectField
          id={`${FORM}-validFromFy`}
          label="使い始める年度"
          value={values.validFromFy}
          onChange={set('validFromFy')}
          error={errorFor(errors, 'validFromFy')}
        >
          <option value="">指定しない（以前から使っている）</option>
          {fyOptions().map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y)}（{y}年度）
            </option>
          ))}
        </SelectField>
        <SelectField
          id={`${FORM}-validToFy`}
          label="使い終える年度"
          hint="圏域の見直しなどで使わなくなる地域に、最後に使う年度を指定します。"
          value={values.validToFy}
          onChange={set('validToFy')}
          error={errorFor(errors, 'validToFy')}
        >
          <option value="">指定しない（今後も使う）</option>
          {fyOptions().map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y)}（{y}年度）
            </option>
          ))}
        </SelectField>
      </div>
      <TextareaField
        id={`${FORM}-townNames`}
        label="含まれる町丁"
        hint="1行に1つずつ入力します（例：塩屋町）。人口統計を取り込むとき、この名前で地域を見分けます。"
        value={values.townNames}
        onChange={set('townNames')}
        error={errorFor(errors, 'townNames')}
        rows={6}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">わがまちこんなとこシート</legend>
        <p className="field__hint">
          シートに印刷し、町の案内ページからも見られるようになります。地域について書き、個人が分かることは書かないでください（それぞれ400文字まで）。
        </p>
        <TextareaField
          id={`${FORM}-strengths`}
          label="地域のお宝（よいところ・強み）"
          hint="人・場所・活動・つながりなど、この地域のよいところ。"
          value={values.strengths}
          onChange={set('strengths')}
          error={errorFor(errors, 'strengths')}
          rows={4}
        />
        <TextareaField
          id={`${FORM}-concerns`}
          label="気になること"
          hint="暮らしの中で気になること、足りないと感じること。"
          value={values.concerns}
          onChange={set('concerns')}
          error={errorFor(errors, 'concerns')}
          rows={4}
        />
      </fieldset>
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          {area ? '変更を保存する' : '追加する'}
        </Button>
        <Link
          className={buttonClass('secondary')}
          to={area ? paths.area(scope.code, area.id) : paths.areas(scope.code)}
        >
          やめる
        </Link>
      </div>
    </form>
  );
}

function display(key: keyof AreaFormValues, v: AreaFormValues, areas: readonly ListedArea[]): string {
  const value = v[key];
  if (value === '') return '（なし）';
  if (key === 'layer') return LAYER_SHORT[Number(value) as Layer] ?? value;
  if (key === 'parentId') return areas.find((a) => a.id === value)?.name ?? value;
  if (key === 'validFromFy' || key === 'validToFy') return fiscalYearLabel(Number(value));
  if (key === 'townNames') return value.split(/\r?\n/).filter(Boolean).join('、');
  return value;
}

/** On 409: what the user typed beside what is saved now, so she can decide which to keep. */
function ConflictPanel({
  message,
  typed,
  current,
  onLoadCurrent,
  onOverwrite,
  busy,
  areas,
}: {
  message: string | null;
  typed: AreaFormValues;
  current: Area;
  onLoadCurrent: () => void;
  onOverwrite: () => void;
  busy: boolean;
  areas: readonly ListedArea[];
}) {
  const now = valuesFromArea(current);
  const keys = Object.keys(FIELD_LABELS) as (keyof AreaFormValues)[];
  const ref = useRef<HTMLDivElement>(null);
  // Like the error summary, the conflict takes the focus so that nobody misses it.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const differing = keys.filter((k) => now[k].trim() !== typed[k].trim());
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="conflict-title">
      <h2 id="conflict-title">ほかの人が先に保存しました</h2>
      <p>{message}</p>
      <TableScroll label="入力した内容と今の内容">
        <table className="table compare">
          <caption>入力した内容と今保存されている内容（違う項目に色をつけています）</caption>
          <thead>
            <tr>
              <th scope="col">項目</th>
              <th scope="col">あなたの入力</th>
              <th scope="col">今の内容</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k} className={differing.includes(k) ? 'changed' : undefined}>
                <th scope="row">
                  {FIELD_LABELS[k]}
                  {differing.includes(k) && <span className="visually-hidden">（違いあり）</span>}
                </th>
                <td className="wrap">{display(k, typed, areas)}</td>
                <td className="wrap">{display(k, now, areas)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className="button-row">
        <Button onClick={onOverwrite} busy={busy}>
          自分の入力で上書きする
        </Button>
        <Button variant="secondary" onClick={onLoadCurrent}>
          今の内容を読み込む（入力は消えます）
        </Button>
      </div>
    </div>
  );
}
