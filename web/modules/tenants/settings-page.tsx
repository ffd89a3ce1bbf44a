import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { FieldError } from '../../../contracts/http';
import { Tenant, UpdateTenantInput, updateTenant } from '../../../contracts/tenants';
import { licenceInfo, OPEN_DATA_LICENCES } from '../../../domain/opendata-licence';
import { ApiError, api } from '../../lib/api';
import { errorFor, type FormErrors, fieldIdFor, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { useTenant } from './queries';

/** What the form holds: text exactly as typed, so nothing is lost when the server says no. */
export interface SettingsValues {
  insurerNumber: string;
  openDataLicence: string;
  portalContact: string;
}

const FORM = 'settings';
const fieldId = fieldIdFor(FORM, ['insurerNumber', 'openDataLicence', 'portalContact']);

const LABELS: Record<keyof SettingsValues, string> = {
  insurerNumber: '保険者番号',
  openDataLicence: 'オープンデータのライセンス',
  portalContact: '公開ページの問い合わせ先',
};

export function valuesFromTenant(t: Tenant): SettingsValues {
  return {
    insurerNumber: t.insurerNumber ?? '',
    openDataLicence: t.openDataLicence,
    portalContact: t.portalContact,
  };
}

/** The request body; an empty 保険者番号 clears it. */
export function bodyFromValues(v: SettingsValues, version: number) {
  return {
    insurerNumber: v.insurerNumber.trim() === '' ? null : v.insurerNumber,
    openDataLicence: v.openDataLicence as (typeof OPEN_DATA_LICENCES)[number],
    portalContact: v.portalContact,
    version,
  };
}

/** 団体の設定: 保険者番号, the licence of the open data and the contact on the public pages. */
export function SettingsPage() {
  usePageTitle('団体の設定');
  const scope = useTenantScope();
  const tenant = useTenant(scope.code);
  const allowed = capabilities(scope).readAudit;
  if (tenant.isPending) return <Loading />;
  if (tenant.isError) return <ErrorNotice error={tenant.error} />;
  return (
    <div className="narrow">
      <PageHeader
        title="団体の設定"
        lead="介護保険の保険者番号と、住民向けの公開ページ（暮らしのささえあい案内）に出す内容を決めます。"
      />
      {allowed ? (
        <SettingsForm key={scope.code} tenant={tenant.data} />
      ) : (
        <>
          <Notice>
            <p>団体の設定は保険者職員だけが変えられます。</p>
          </Notice>
          <dl className="facts">
            {(Object.keys(LABELS) as (keyof SettingsValues)[]).map((k) => (
              <div key={k}>
                <dt>{LABELS[k]}</dt>
                <dd>{display(k, valuesFromTenant(tenant.data))}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}

function display(key: keyof SettingsValues, v: SettingsValues): string {
  if (v[key].trim() === '') return '（なし）';
  return key === 'openDataLicence' ? licenceInfo(v[key]).title : v[key];
}

function SettingsForm({ tenant }: { tenant: Tenant }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesFromTenant(tenant));
  const [version, setVersion] = useState(tenant.version);
  const [local, setLocal] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<Tenant | null>(null);
  const [saved, setSaved] = useState(false);

  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof bodyFromValues>) =>
      api(updateTenant, { params: { tenant: scope.code }, body }),
    onSuccess: (next) => {
      setVersion(next.version);
      setValues(valuesFromTenant(next));
      setSaved(true);
      // The form keeps its own copy; other screens read the tenant afresh.
      queryClient.setQueryData(['tenant', scope.code], next);
      void queryClient.invalidateQueries({ queryKey: ['tenants'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        const current = Tenant.safeParse(error.current);
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

  const set = (key: keyof SettingsValues) => (e: { target: { value: string } }) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: e.target.value }));
  };

  const save = (withVersion: number) => {
    const body = bodyFromValues(values, withVersion);
    const problems = validate(UpdateTenantInput, body);
    setLocal(problems);
    setSaved(false);
    if (problems.length === 0) mutation.mutate(body);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save(version);
  };

  const publicPage = `/t/${scope.code}/downloads`;
  return (
    <form onSubmit={submit} noValidate className="panel" aria-label="団体の設定">
      <ErrorSummary message={conflict ? null : errors.message} items={errors.items} fieldId={fieldId} />
      {conflict && (
        <ConflictPanel
          message={errors.message}
          typed={values}
          current={conflict}
          busy={mutation.isPending}
          onLoadCurrent={() => {
            setValues(valuesFromTenant(conflict));
            setVersion(conflict.version);
            setConflict(null);
            mutation.reset();
          }}
          onOverwrite={() => {
            setVersion(conflict.version);
            setConflict(null);
            save(conflict.version);
          }}
        />
      )}
      {saved && (
        <Notice tone="success" live="status">
          <p>
            保存しました。公開ページは <a href={publicPage}>データの利用</a> で確かめられます。
          </p>
        </Notice>
      )}
      <TextField
        id={`${FORM}-insurerNumber`}
        label="保険者番号"
        hint="介護保険の保険者番号（6桁）。団体コードとは別の番号です。空にすると未設定に戻ります。"
        inputMode="numeric"
        autoComplete="off"
        short
        value={values.insurerNumber}
        onChange={set('insurerNumber')}
        error={errorFor(errors, 'insurerNumber')}
      />
      <SelectField
        id={`${FORM}-openDataLicence`}
        label="オープンデータのライセンス"
        hint="公開ページのデータ（CSV・地図・HSDS・カレンダー）を使うときの約束です。公開ページの「データの利用」に出ます。"
        required
        value={values.openDataLicence}
        onChange={set('openDataLicence')}
        error={errorFor(errors, 'openDataLicence')}
      >
        {!(OPEN_DATA_LICENCES as readonly string[]).includes(values.openDataLicence) && (
          <option value={values.openDataLicence}>{values.openDataLicence}（選び直してください）</option>
        )}
        {OPEN_DATA_LICENCES.map((l) => (
          // The short code first, so that a narrow select still shows which one it is.
          <option key={l} value={l}>
            {`${l}：${licenceInfo(l).title}`}
          </option>
        ))}
      </SelectField>
      <TextField
        id={`${FORM}-portalContact`}
        label="公開ページの問い合わせ先"
        hint="住民向けのページと便利帳のいちばん下に出ます（1行、200文字まで）。例：生活支援コーディネーター（社会福祉協議会）電話 0000-00-0000（平日9時〜17時）。空にすると「お住まいの地域包括支援センター…」という一般的な案内を出します。"
        autoComplete="off"
        value={values.portalContact}
        onChange={set('portalContact')}
        error={errorFor(errors, 'portalContact')}
      />
      <div className="button-row">
        <Button type="submit" busy={mutation.isPending} busyLabel="保存しています…">
          変更を保存する
        </Button>
      </div>
    </form>
  );
}

/** On 409: what was typed beside what is saved now, so that the user decides which to keep. */
function ConflictPanel({
  message,
  typed,
  current,
  busy,
  onLoadCurrent,
  onOverwrite,
}: {
  message: string | null;
  typed: SettingsValues;
  current: Tenant;
  busy: boolean;
  onLoadCurrent: () => void;
  onOverwrite: () => void;
}) {
  const now = valuesFromTenant(current);
  const keys = Object.keys(LABELS) as (keyof SettingsValues)[];
  const ref = useRef<HTMLDivElement>(null);
  // Like the error summary, the conflict takes the focus so that nobody misses it.
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="settings-conflict">
      <h2 id="settings-conflict">ほかの人が先に保存しました</h2>
      <p>{message}</p>
      <TableScroll label="入力した内容と今の内容">
        <table className="table compare">
          <caption>入力した内容と今保存されている内容</caption>
          <thead>
            <tr>
              <th scope="col">項目</th>
              <th scope="col">あなたの入力</th>
              <th scope="col">今の内容</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const differs = now[k].trim() !== typed[k].trim();
              return (
                <tr key={k} className={differs ? 'changed' : undefined}>
                  <th scope="row">
                    {LABELS[k]}
                    {differs && <span className="visually-hidden">（違いあり）</span>}
                  </th>
                  <td className="wrap">{display(k, typed)}</td>
                  <td className="wrap">{display(k, now)}</td>
                </tr>
              );
            })}
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
