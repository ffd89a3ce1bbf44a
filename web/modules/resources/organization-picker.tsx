import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { createOrganization, OrganizationInput } from '../../../contracts/resources';
import { ORGANIZATION_KINDS } from '../../../domain/resources';
import { api } from '../../lib/api';
import { errorFor, type FormErrors, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { useTenantScope } from '../../lib/session';
import { Button } from '../../ui/button';
import { SelectField, TextField } from '../../ui/field';
import type { OrganizationChoice } from './form-values';
import { resourceKeys, useOrganizations } from './queries';

/** Waits until typing pauses before searching. */
function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/**
 * 運営する主体: search the 主体 already registered, or register a new one here without leaving the
 * resource form (which keeps everything typed so far).
 */
export function OrganizationPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: OrganizationChoice | null;
  onChange: (next: OrganizationChoice | null) => void;
  error: string | null;
}) {
  const scope = useTenantScope();
  const uid = useId();
  const [choosing, setChoosing] = useState(false);
  const searching = !value || choosing;
  const [q, setQ] = useState('');
  const debounced = useDebounced(q);
  const list = useOrganizations(scope.code, debounced, searching);
  const [creating, setCreating] = useState(false);

  const choose = (org: OrganizationChoice | null) => {
    onChange(org);
    setChoosing(false);
    setCreating(false);
    setQ('');
  };

  return (
    <div className={`org-picker${error ? ' field--error' : ''}`}>
      <h3 className="field__label" id={`${uid}-title`}>
        運営する主体
      </h3>
      {error && <p className="field__error">{error}</p>}
      {!searching ? (
        <div className="org-picker__chosen">
          <p>
            <strong>{value.name}</strong>
            <span className="muted">（{value.kind}）</span>
          </p>
          <div className="button-row button-row--tight">
            <Button id={id} variant="secondary" small onClick={() => setChoosing(true)}>
              選び直す
            </Button>
            <Button variant="quiet" small onClick={() => choose(null)}>
              主体を外す
            </Button>
          </div>
        </div>
      ) : (
        <>
          <div className="field">
            <label className="field__label" htmlFor={id}>
              登録済みの主体から探す
            </label>
            <span className="field__hint" id={`${id}-hint`}>
              町内会・社協・NPO・商店など。名前の一部やよみで探せます。
            </span>
            <div className="input-with-icon">
              <Search aria-hidden="true" size={18} />
              <input
                id={id}
                className="input"
                type="search"
                value={q}
                aria-describedby={`${id}-hint`}
                onChange={(e) => setQ(e.target.value)}
              />
            </div>
          </div>
          <div aria-live="polite" className="org-picker__results">
            {list.isFetching && <p className="muted">探しています…</p>}
            {list.data && list.data.organizations.length === 0 && (
              <p className="muted">見つかりません。下から新しく登録できます。</p>
            )}
            {list.data && list.data.organizations.length > 0 && (
              <ul className="choice-list">
                {list.data.organizations.slice(0, 8).map((o) => (
                  <li key={o.id}>
                    <button
                      type="button"
                      className="choice-list__button"
                      onClick={() => choose({ id: o.id, name: o.name, kind: o.kind })}
                    >
                      <span>{o.name}</span>
                      <span className="muted">
                        {o.kind}・資源{o.resourceCount}件
                      </span>
                      <span className="visually-hidden">を選ぶ</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="button-row button-row--tight">
            <Button
              variant="secondary"
              small
              aria-expanded={creating}
              icon={<Plus aria-hidden="true" size={16} />}
              onClick={() => setCreating((c) => !c)}
            >
              新しい主体を登録する
            </Button>
            {value && (
              <Button variant="quiet" small onClick={() => setChoosing(false)}>
                選び直しをやめる
              </Button>
            )}
          </div>
          {creating && (
            <NewOrganization initialName={q} onCreated={choose} onCancel={() => setCreating(false)} />
          )}
        </>
      )}
    </div>
  );
}

function NewOrganization({
  initialName,
  onCreated,
  onCancel,
}: {
  initialName: string;
  onCreated: (org: OrganizationChoice) => void;
  onCancel: () => void;
}) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: initialName, kana: '', kind: '住民グループ', phone: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const create = useMutation({
    mutationFn: (body: typeof values) => api(createOrganization, { params: { tenant: scope.code }, body }),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({
        queryKey: resourceKeys.organizations(scope.code, '').slice(0, 3),
      });
      onCreated({ id: org.id, name: org.name, kind: org.kind });
    },
    onError: (e) => setErrors(formErrors(e)),
  });
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const save = () => {
    const problems = validate(OrganizationInput, values);
    if (problems.length > 0) {
      setErrors({ message: null, items: problems });
      return;
    }
    setErrors(NO_ERRORS);
    create.mutate(values);
  };
  return (
    // Not a nested <form>: the resource form around it keeps its own submit.
    <fieldset className="subpanel">
      <legend className="fieldset__legend">新しい主体</legend>
      {errors.message && <p className="field__error">{errors.message}</p>}
      <div className="form-grid form-grid--2">
        <TextField
          label="主体の名前"
          required
          value={values.name}
          onChange={set('name')}
          error={errorFor(errors, 'name')}
          autoComplete="off"
        />
        <TextField
          label="よみがな"
          value={values.kana}
          onChange={set('kana')}
          error={errorFor(errors, 'kana')}
          autoComplete="off"
        />
        <SelectField
          label="主体の種類"
          required
          value={values.kind}
          onChange={set('kind')}
          error={errorFor(errors, 'kind')}
        >
          {ORGANIZATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <TextField
          label="電話番号"
          type="tel"
          value={values.phone}
          onChange={set('phone')}
          error={errorFor(errors, 'phone')}
          autoComplete="off"
        />
      </div>
      <div className="button-row button-row--tight">
        <Button small busy={create.isPending} busyLabel="登録しています…" onClick={save}>
          登録して選ぶ
        </Button>
        <Button variant="quiet" small onClick={onCancel}>
          やめる
        </Button>
      </div>
    </fieldset>
  );
}
