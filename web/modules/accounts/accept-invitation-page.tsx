import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { acceptInvitation, getInvitation, NewPassword } from '../../../contracts/accounts';
import type { FieldError } from '../../../contracts/http';
import { ROLE_INFO } from '../../../domain/roles';
import { api } from '../../lib/api';
import { errorFor, fieldIdFor, formErrors, validate } from '../../lib/form';
import { paths, rememberTenant } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { FictionalBadge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { WarekiDateTime } from '../../ui/dates';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';

const FORM = 'invite';
const fieldId = fieldIdFor(FORM, ['displayName', 'password', 'confirm']);

/** 招待の受け入れ: no login needed; new people choose a name and password. */
export function AcceptInvitationPage({ token }: { token: string }) {
  usePageTitle('招待の受け入れ');
  const { setSession } = useSession();
  const navigate = useNavigate();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api(getInvitation, { params: { token }, signal }),
    retry: false,
  });
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<FieldError[]>([]);
  const mutation = useMutation({
    mutationFn: (body: { displayName?: string; password: string }) =>
      api(acceptInvitation, { params: { token }, body }),
    onSuccess: (session) => {
      setSession(session);
      const tenant = session.user?.memberships.find((m) => m.tenantName === invitation.data?.tenantName);
      if (tenant) {
        rememberTenant(tenant.tenantId);
        navigate(paths.home(tenant.tenantId), { replace: true });
      } else navigate('/', { replace: true });
    },
  });
  const errors = local.length > 0 ? { message: null, items: local } : formErrors(mutation.error);

  const body = (content: React.ReactNode) => (
    <div className="center-page">
      <main id="main" className="narrow">
        <p className="login-brand">ささえあい</p>
        {content}
      </main>
    </div>
  );

  if (invitation.isPending) return body(<Loading />);
  if (invitation.isError)
    return body(
      <>
        <PageHeader title="招待を確認できませんでした" />
        <ErrorNotice error={invitation.error} />
        <p>
          リンクの期限（7日間）が切れたか、取り消された可能性があります。招待した人に、新しいリンクを依頼してください。
        </p>
        <p>
          <Link to={paths.login()}>ログイン画面へ</Link>
        </p>
      </>,
    );

  const inv = invitation.data;
  const isNew = !inv.existingUser;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (isNew) {
      if (!displayName.trim()) problems.push({ path: 'displayName', message: 'お名前：入力してください' });
      problems.push(
        ...validate(NewPassword, password).map((p) => ({
          ...p,
          path: 'password',
          message: p.message.replace('新しいパスワード', 'パスワード'),
        })),
      );
      if (password && confirm !== password)
        problems.push({ path: 'confirm', message: 'パスワード（確認）：同じパスワードを入力してください' });
    } else if (!password) problems.push({ path: 'password', message: 'パスワード：入力してください' });
    setLocal(problems);
    if (problems.length === 0)
      mutation.mutate(isNew ? { displayName: displayName.trim(), password } : { password });
  };

  return body(
    <>
      <PageHeader title="招待の受け入れ" />
      <div className="panel">
        <dl className="facts">
          <dt>団体</dt>
          <dd>
            {inv.tenantName} {inv.fictional && <FictionalBadge />}
          </dd>
          <dt>役割</dt>
          <dd>
            {ROLE_INFO[inv.role].label}
            <br />
            <span className="muted">{ROLE_INFO[inv.role].description}</span>
          </dd>
          <dt>メールアドレス</dt>
          <dd>{inv.email}</dd>
          <dt>有効期限</dt>
          <dd>
            <WarekiDateTime instant={inv.expiresAt} />
          </dd>
        </dl>
      </div>
      <form onSubmit={submit} noValidate className="panel" aria-label="招待を受ける">
        {isNew ? (
          <p>はじめての方は、お名前とパスワードを決めてください。</p>
        ) : (
          <Notice>
            <p>
              このメールアドレスは、すでにささえあいを使っています。今のパスワードを入力すると、この団体が加わります。
            </p>
          </Notice>
        )}
        <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
        {isNew && (
          <TextField
            id={`${FORM}-displayName`}
            label="お名前"
            hint="ほかの利用者に表示されます。"
            autoComplete="name"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            error={errorFor(errors, 'displayName')}
          />
        )}
        <TextField
          id={`${FORM}-password`}
          label={isNew ? 'パスワード' : '今のパスワード'}
          hint={isNew ? '10文字以上。覚えやすい長い言葉の組み合わせがおすすめです。' : undefined}
          type="password"
          autoComplete={isNew ? 'new-password' : 'current-password'}
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errorFor(errors, 'password')}
        />
        {isNew && (
          <TextField
            id={`${FORM}-confirm`}
            label="パスワード（確認）"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            error={errorFor(errors, 'confirm')}
          />
        )}
        <Button type="submit" busy={mutation.isPending} busyLabel="確認しています…">
          招待を受けて始める
        </Button>
      </form>
    </>,
  );
}
