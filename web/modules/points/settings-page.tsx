import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import {
  createPointScheme,
  PointScheme,
  PointSchemeInput,
  updatePointScheme,
} from '../../../contracts/points';
import { ApiError, api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { Checkbox, SelectField, TextareaField, TextField } from '../../ui/field';
import { Breadcrumb, PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { pointPaths } from './paths';
import { invalidatePoints, useActiveScheme } from './queries';

const FORM = 'scheme';
const FIELDS = [
  'name',
  'pointsPerHour',
  'activityKinds',
  'yearlyCap',
  'redemptionKind',
  'yenPerPoint',
  'redemptionNote',
  'yearlyRedemptionCap',
] as const;
const fieldId = fieldIdFor(FORM, FIELDS);

interface KindRow {
  code: string;
  label: string;
  points: string;
}

interface Values {
  name: string;
  pointsPerHour: string;
  kinds: KindRow[];
  yearlyCap: string;
  redemptionKind: 'cash' | 'goods';
  yenPerPoint: string;
  redemptionNote: string;
  yearlyRedemptionCap: string;
  active: boolean;
}

const blank: Values = {
  name: '',
  pointsPerHour: '100',
  kinds: [{ code: 'k1', label: '', points: '' }],
  yearlyCap: '',
  redemptionKind: 'cash',
  yenPerPoint: '1',
  redemptionNote: '',
  yearlyRedemptionCap: '',
  active: true,
};

const str = (v: number | null) => (v === null ? '' : String(v));

function valuesOf(s: PointScheme): Values {
  return {
    name: s.name,
    pointsPerHour: str(s.pointsPerHour),
    kinds: s.activityKinds.map((k) => ({ code: k.code, label: k.label, points: String(k.points) })),
    yearlyCap: str(s.yearlyCap),
    redemptionKind: s.redemptionKind,
    yenPerPoint: String(s.yenPerPoint),
    redemptionNote: s.redemptionNote,
    yearlyRedemptionCap: str(s.yearlyRedemptionCap),
    active: s.active,
  };
}

/** Blank → null; anything else a number (NaN is left for the contract to name). */
const num = (v: string) => (v.trim() === '' ? null : Number(v.normalize('NFKC')));

function inputOf(v: Values): PointSchemeInput {
  return {
    name: v.name,
    pointsPerHour: num(v.pointsPerHour),
    activityKinds: v.kinds
      .filter((k) => k.label.trim() || k.points.trim())
      .map((k) => ({ code: k.code, label: k.label, points: num(k.points) ?? Number.NaN })),
    yearlyCap: num(v.yearlyCap),
    redemptionKind: v.redemptionKind,
    yenPerPoint: num(v.yenPerPoint) ?? 0,
    redemptionNote: v.redemptionNote,
    yearlyRedemptionCap: num(v.yearlyRedemptionCap),
    active: v.active,
  };
}

/** 制度の設定: points per hour and per kind, the yearly cap, how points are redeemed. */
export function PointSettingsPage() {
  const scope = useTenantScope();
  usePageTitle('ポイントの制度の設定');
  const schemes = useActiveScheme(scope.code);
  const scheme = schemes.scheme;
  return (
    <>
      <Breadcrumb
        items={[{ label: 'ポイント', to: pointPaths.home(scope.code) }, { label: '制度の設定' }]}
        renderLink={(to, label) => <Link to={to}>{label}</Link>}
      />
      <PageHeader
        title="制度の設定"
        lead="変えても、すでに記録した活動のポイントは変わりません（記録した時の値のままです）。"
      />
      {!capabilities(scope).writeTenant ? (
        <Notice tone="warning">
          <p>制度の設定は、保険者職員と第1層コーディネーターが行います。</p>
        </Notice>
      ) : schemes.isPending ? (
        <Loading />
      ) : schemes.isError ? (
        <ErrorNotice error={schemes.error} />
      ) : (
        <SchemeForm key={scheme?.id ?? 'new'} scheme={scheme ?? null} />
      )}
    </>
  );
}

function SchemeForm({ scheme }: { scheme: PointScheme | null }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(scheme ? valuesOf(scheme) : blank);
  const [version, setVersion] = useState(scheme?.version ?? 1);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<PointScheme | null>(null);
  const mutation = useMutation({
    mutationFn: (body: PointSchemeInput) =>
      scheme
        ? api(updatePointScheme, {
            params: { tenant: scope.code, id: scheme.id },
            body: { ...(body as object), version } as never,
          })
        : api(createPointScheme, { params: { tenant: scope.code }, body }),
    onSuccess: async (s) => {
      setVersion(s.version);
      setSaved(true);
      setConflict(null);
      await invalidatePoints(queryClient, scope.code);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = PointScheme.safeParse(error.current);
        if (current.success) setConflict(current.data);
      }
    },
  });
  const errors: FormErrors =
    local.items.length > 0 ? local : mutation.error ? formErrors(mutation.error) : NO_ERRORS;
  const set = (patch: Partial<Values>) => {
    setSaved(false);
    setValues((v) => ({ ...v, ...patch }));
  };
  const text = (key: keyof Values) => (e: { target: { value: string } }) =>
    set({ [key]: e.target.value } as Partial<Values>);
  const setKind = (i: number, patch: Partial<KindRow>) =>
    set({ kinds: values.kinds.map((k, j) => (j === i ? { ...k, ...patch } : k)) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = inputOf(values);
    const problems = validate(PointSchemeInput, body);
    setLocal({ message: null, items: problems });
    if (problems.length === 0 && !mutation.isPending) mutation.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="ポイントの制度" className="points-settings">
      <ErrorSummary message={conflict ? null : errors.message} items={errors.items} fieldId={fieldId} />
      {saved && (
        <Notice tone="success" live="status">
          <p>保存しました。</p>
        </Notice>
      )}
      {conflict && (
        <Notice tone="warning" live="alert" title="ほかの人が先に変更しました">
          <p>入力した内容は残っています。今の設定を読み込むか、この内容で上書きしてください。</p>
          <div className="button-row">
            <Button
              small
              variant="secondary"
              onClick={() => {
                setValues(valuesOf(conflict));
                setVersion(conflict.version);
                setConflict(null);
                mutation.reset();
              }}
            >
              今の設定を読み込む
            </Button>
            <Button
              small
              onClick={() => {
                setVersion(conflict.version);
                setConflict(null);
                mutation.reset();
              }}
            >
              この内容で上書きできるようにする
            </Button>
          </div>
        </Notice>
      )}
      <section className="panel" aria-labelledby="scheme-earn">
        <h2 id="scheme-earn">ポイントの付け方</h2>
        <TextField
          id={`${FORM}-name`}
          label="制度の名前"
          required
          value={values.name}
          maxLength={80}
          onChange={text('name')}
          error={errorFor(errors, 'name')}
        />
        <div className="form-grid form-grid--2">
          <TextField
            id={`${FORM}-pointsPerHour`}
            label="1時間あたりのポイント"
            hint="時間で記録するとき。空欄なら種類だけで付けます"
            inputMode="numeric"
            short
            value={values.pointsPerHour}
            onChange={text('pointsPerHour')}
            error={errorFor(errors, 'pointsPerHour')}
          />
          <TextField
            id={`${FORM}-yearlyCap`}
            label="年間の上限（1人あたり）"
            hint="空欄なら上限なし"
            inputMode="numeric"
            short
            value={values.yearlyCap}
            onChange={text('yearlyCap')}
            error={errorFor(errors, 'yearlyCap')}
          />
        </div>
        <fieldset className="points-kinds" id={`${FORM}-activityKinds`}>
          <legend>活動の種類とポイント</legend>
          {errorFor(errors, 'activityKinds') && (
            <p className="field__error">{errorFor(errors, 'activityKinds')}</p>
          )}
          {values.kinds.map((k, i) => (
            <div key={k.code} className="points-kind-row">
              <TextField
                id={`${FORM}-kind-label-${i}`}
                label={`活動の名前（${i + 1}）`}
                value={k.label}
                maxLength={60}
                onChange={(e) => setKind(i, { label: e.target.value })}
              />
              <TextField
                id={`${FORM}-kind-points-${i}`}
                label="ポイント"
                inputMode="numeric"
                short
                value={k.points}
                onChange={(e) => setKind(i, { points: e.target.value })}
              />
              <Button
                small
                variant="quiet"
                icon={<Trash2 aria-hidden="true" size={16} />}
                onClick={() => set({ kinds: values.kinds.filter((_, j) => j !== i) })}
              >
                外す<span className="visually-hidden">（{k.label || `${i + 1}件目`}）</span>
              </Button>
            </div>
          ))}
          <Button
            small
            variant="secondary"
            icon={<Plus aria-hidden="true" size={16} />}
            onClick={() => {
              // Codes only need to be unique in the scheme; recorded activities keep their name anyway.
              let i = values.kinds.length + 1;
              while (values.kinds.some((k) => k.code === `k${i}`)) i++;
              set({ kinds: [...values.kinds, { code: `k${i}`, label: '', points: '' }] });
            }}
          >
            種類を加える
          </Button>
        </fieldset>
      </section>
      <section className="panel" aria-labelledby="scheme-redeem">
        <h2 id="scheme-redeem">交換</h2>
        <div className="form-grid form-grid--2">
          <SelectField
            id={`${FORM}-redemptionKind`}
            label="交換の方法"
            value={values.redemptionKind}
            onChange={text('redemptionKind')}
            error={errorFor(errors, 'redemptionKind')}
          >
            <option value="cash">交付金（お金）</option>
            <option value="goods">品物・商品券</option>
          </SelectField>
          {values.redemptionKind === 'cash' && (
            <TextField
              id={`${FORM}-yenPerPoint`}
              label="1ポイントあたりの金額（円）"
              inputMode="numeric"
              short
              value={values.yenPerPoint}
              onChange={text('yenPerPoint')}
              error={errorFor(errors, 'yenPerPoint')}
            />
          )}
          <TextField
            id={`${FORM}-yearlyRedemptionCap`}
            label="年間の交換上限（1人あたり、ポイント）"
            hint="空欄なら上限なし"
            inputMode="numeric"
            short
            value={values.yearlyRedemptionCap}
            onChange={text('yearlyRedemptionCap')}
            error={errorFor(errors, 'yearlyRedemptionCap')}
          />
        </div>
        <TextareaField
          id={`${FORM}-redemptionNote`}
          label="交換の説明（会員に伝える文）"
          rows={3}
          maxLength={400}
          value={values.redemptionNote}
          onChange={text('redemptionNote')}
          error={errorFor(errors, 'redemptionNote')}
        />
        <Checkbox
          label="受付中（活動を記録できる）"
          checked={values.active}
          onChange={(e) => set({ active: e.target.checked })}
        />
      </section>
      <div className="button-row form-actions">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          {scheme ? '変更を保存する' : '制度をつくる'}
        </Button>
      </div>
    </form>
  );
}
