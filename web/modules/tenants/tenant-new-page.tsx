import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createTenant, lookupLocalGov } from '../../../contracts/tenants';
import { api } from '../../lib/api';
import { errorFor, fieldIdFor, formErrors } from '../../lib/form';
import { paths, rememberTenant } from '../../lib/paths';
import { useUser } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { errorMessage, Notice } from '../../ui/status';

const FORM = 'tenant';
const fieldId = fieldIdFor(FORM, ['code', 'insurerNumber']);

/** Digits only, full-width folded: what is worth looking up. */
export function lookupCandidate(text: string): string | null {
  const digits = text.normalize('NFKC').replace(/[\s-]/g, '');
  return /^\d{5,6}$/.test(digits) ? digits : null;
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** 団体の登録 (system administrators): the name comes from the 団体コード. */
export function TenantNewPage() {
  usePageTitle('団体の登録');
  const user = useUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [insurerNumber, setInsurerNumber] = useState('');
  const candidate = useDebounced(lookupCandidate(code), 250);
  const lookup = useQuery({
    queryKey: ['local-gov', candidate],
    queryFn: ({ signal }) => api(lookupLocalGov, { params: { code: candidate! }, signal }),
    enabled: Boolean(candidate) && user.systemAdmin,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const mutation = useMutation({
    mutationFn: () =>
      api(createTenant, { body: { code, insurerNumber: insurerNumber.trim() ? insurerNumber : undefined } }),
    onSuccess: async (tenant) => {
      await queryClient.invalidateQueries({ queryKey: ['tenants'] });
      rememberTenant(tenant.code);
      navigate(paths.home(tenant.code));
    },
  });
  const errors = formErrors(mutation.error);

  if (!user.systemAdmin) {
    return (
      <>
        <PageHeader title="団体の登録" />
        <Notice>
          <p>団体の登録はシステム管理者だけが行えます。</p>
        </Notice>
      </>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };

  return (
    <div className="narrow">
      <PageHeader
        title="団体の登録"
        lead="市町村を団体コードで登録します。名称と読みはコードから自動で決まり、第1層の地域も作られます。"
      />
      <form onSubmit={submit} noValidate className="panel" aria-label="団体の登録">
        <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
        <TextField
          id={`${FORM}-code`}
          label="団体コード"
          hint="全国地方公共団体コード（5桁または検査数字つきの6桁）。例：高松市は 372013"
          inputMode="numeric"
          autoComplete="off"
          required
          short
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errorFor(errors, 'code')}
        />
        <div aria-live="polite" className="lookup-result">
          {candidate && lookup.isFetching && <p className="muted">調べています…</p>}
          {candidate && lookup.data && !lookup.isFetching && (
            <p>
              <strong>
                {lookup.data.prefecture} {lookup.data.name}（{lookup.data.kana}）
              </strong>
              {lookup.data.alreadyRegistered && (
                <span className="field__error">この団体はすでに登録されています。</span>
              )}
            </p>
          )}
          {candidate && lookup.isError && !lookup.isFetching && (
            <p className="field__error">{errorMessage(lookup.error)}</p>
          )}
        </div>
        <TextField
          id={`${FORM}-insurerNumber`}
          label="保険者番号（任意）"
          hint="介護保険の保険者番号（6桁）。団体コードとは別の番号です。あとからでも設定できます。"
          inputMode="numeric"
          autoComplete="off"
          short
          value={insurerNumber}
          onChange={(e) => setInsurerNumber(e.target.value)}
          error={errorFor(errors, 'insurerNumber')}
        />
        <div className="button-row">
          <Button type="submit" busy={mutation.isPending} busyLabel="登録しています…">
            登録する
          </Button>
          <Link to="/">やめる</Link>
        </div>
      </form>
    </div>
  );
}
