import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Pencil, Plus } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import {
  createOrganization,
  type Organization,
  OrganizationInput,
  updateOrganization,
} from '../../../contracts/resources';
import { ORGANIZATION_KINDS } from '../../../domain/resources';
import { ApiError, api } from '../../lib/api';
import { errorFor, type FormErrors, formErrors, NO_ERRORS, validate } from '../../lib/form';
import { capabilities, useTenantScope } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { SelectField, TextareaField, TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { TableScroll } from '../../ui/table-scroll';
import { invalidateResources, useOrganizations } from './queries';

type Org = z.infer<typeof Organization>;
type Values = {
  name: string;
  kana: string;
  kind: string;
  description: string;
  website: string;
  email: string;
  phone: string;
};

const EMPTY: Values = {
  name: '',
  kana: '',
  kind: '住民グループ',
  description: '',
  website: '',
  email: '',
  phone: '',
};

/** 運営する主体: 町内会・社協・NPO・商店 …, with how many resources each runs. */
export function OrganizationsPage() {
  const scope = useTenantScope();
  const can = capabilities(scope);
  usePageTitle('運営する主体');
  const [q, setQ] = useState('');
  const [applied, setApplied] = useState('');
  const list = useOrganizations(scope.code, applied);
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  const [message, setMessage] = useState('');

  return (
    <>
      <PageHeader
        title="運営する主体"
        lead="地域資源を運営している団体・事業所・グループです。"
        actions={
          can.editResources && (
            <Button icon={<Plus aria-hidden="true" size={18} />} onClick={() => setEditing('new')}>
              主体を登録
            </Button>
          )
        }
      />
      <div aria-live="polite" className="live-line">
        {message && <p className="notice notice--success">{message}</p>}
      </div>
      {editing && (
        <OrganizationForm
          key={editing === 'new' ? 'new' : editing.id}
          org={editing === 'new' ? null : editing}
          onDone={(text) => {
            setEditing(null);
            if (text) setMessage(text);
          }}
        />
      )}
      <search className="keyword-search">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(q);
          }}
        >
          <label className="field__label" htmlFor="org-q">
            名前・よみで探す
          </label>
          <div className="keyword-search__row">
            <input
              id="org-q"
              className="input"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <Button type="submit">探す</Button>
          </div>
        </form>
      </search>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} />}
      {list.data && (
        <TableScroll label="主体の一覧">
          <table className="table">
            <caption>主体の一覧（{list.data.organizations.length}件）</caption>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">種類</th>
                <th scope="col">電話</th>
                <th scope="col" className="num">
                  資源
                </th>
                {can.manageResourceLists && (
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.data.organizations.map((o) => (
                <tr key={o.id}>
                  <th scope="row" className="wrap">
                    {o.name}
                    {o.kana && <span className="muted small">{o.kana}</span>}
                  </th>
                  <td>{o.kind}</td>
                  <td>{o.phone || '—'}</td>
                  <td className="num">{o.resourceCount}件</td>
                  {can.manageResourceLists && (
                    <td>
                      <Button
                        variant="quiet"
                        small
                        icon={<Pencil aria-hidden="true" size={16} />}
                        onClick={() => setEditing(o)}
                      >
                        編集<span className="visually-hidden">：{o.name}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}

function OrganizationForm({ org, onDone }: { org: Org | null; onDone: (message: string | null) => void }) {
  const scope = useTenantScope();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(
    org
      ? {
          name: org.name,
          kana: org.kana,
          kind: org.kind,
          description: org.description,
          website: org.website,
          email: org.email,
          phone: org.phone,
        }
      : EMPTY,
  );
  const [version, setVersion] = useState(org?.version ?? 0);
  const [local, setLocal] = useState<FormErrors>(NO_ERRORS);
  const save = useMutation({
    mutationFn: (v: Values) =>
      org
        ? api(updateOrganization, { params: { tenant: scope.code, id: org.id }, body: { ...v, version } })
        : api(createOrganization, { params: { tenant: scope.code }, body: v }),
    onSuccess: async (saved) => {
      await invalidateResources(queryClient, scope.code);
      onDone(org ? `「${saved.name}」を保存しました。` : `「${saved.name}」を登録しました。`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        const current = e.current as Org | undefined;
        if (current?.version) setVersion(current.version);
      }
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  const errors = local.items.length > 0 ? local : formErrors(save.error);
  const set = (k: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validate(OrganizationInput, values);
    setLocal({ message: null, items: problems });
    if (problems.length === 0) save.mutate(values);
  };
  const id = (k: string) => `org-${k}`;
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="org-form-title">
      <h2 id="org-form-title">{org ? `${org.name}を編集` : '主体を登録'}</h2>
      {conflict ? (
        <Notice tone="error" live="alert">
          <p>
            ほかの人が先にこの主体を変更しました。入力はそのまま残っています。もう一度「保存する」を押すと、あなたの入力で上書きします。
          </p>
        </Notice>
      ) : (
        <ErrorSummary
          message={errors.message}
          items={errors.items}
          fieldId={(p) => (p ? id(p.split('.')[0] ?? '') : null)}
        />
      )}
      <div className="form-grid form-grid--2">
        <TextField
          id={id('name')}
          label="名称"
          required
          value={values.name}
          onChange={set('name')}
          error={errorFor(errors, 'name')}
        />
        <TextField
          id={id('kana')}
          label="よみがな"
          value={values.kana}
          onChange={set('kana')}
          error={errorFor(errors, 'kana')}
        />
        <SelectField
          id={id('kind')}
          label="主体の種類"
          required
          value={values.kind}
          onChange={set('kind')}
          error={errorFor(errors, 'kind')}
        >
          {[...new Set([...ORGANIZATION_KINDS, values.kind])].map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <TextField
          id={id('phone')}
          label="電話番号"
          type="tel"
          value={values.phone}
          onChange={set('phone')}
          error={errorFor(errors, 'phone')}
        />
        <TextField
          id={id('website')}
          label="ホームページ"
          type="url"
          value={values.website}
          onChange={set('website')}
          error={errorFor(errors, 'website')}
        />
        <TextField
          id={id('email')}
          label="メール"
          type="email"
          value={values.email}
          onChange={set('email')}
          error={errorFor(errors, 'email')}
        />
      </div>
      <TextareaField
        id={id('description')}
        label="説明"
        rows={3}
        value={values.description}
        onChange={set('description')}
        error={errorFor(errors, 'description')}
      />
      <div className="button-row">
        <Button type="submit" busy={save.isPending} busyLabel="保存しています…">
          {org ? '保存する' : '登録する'}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          やめる
        </Button>
      </div>
    </form>
  );
}
