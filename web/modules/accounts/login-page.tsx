import { useMutation } from '@tanstack/react-query';
import { LogIn } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { login } from '../../../contracts/accounts';
import { api } from '../../lib/api';
import { errorFor, fieldIdFor, formErrors } from '../../lib/form';
import { safeNext } from '../../lib/paths';
import { useSession } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { Notice } from '../../ui/status';

const FORM = 'login';
const fieldId = fieldIdFor(FORM, ['email', 'password']);

/** ログイン, with the demo accounts of the fictional town listed in demo mode. */
export function LoginPage() {
  usePageTitle('ログイン');
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: (body: { email: string; password: string }) => api(login, { body }),
    onSuccess: (next) => {
      setSession(next);
      navigate(safeNext(search.get('next')) ?? '/', { replace: true });
    },
  });
  const errors = formErrors(mutation.error);
  const expired = search.get('next') && !mutation.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate({ email, password });
  };

  return (
    <div className="center-page">
      <main id="main" className="login-layout">
        <div>
          <p className="login-brand">ささえあい</p>
          <PageHeader title="ログイン" lead="生活支援体制整備事業の職員・コーディネーター用の画面です。" />
          {expired && (
            <Notice>
              <p>続けるには、もう一度ログインしてください。</p>
            </Notice>
          )}
          <form onSubmit={submit} noValidate className="panel" aria-label="ログイン">
            <ErrorSummary
              title="ログインできませんでした"
              message={errors.message}
              items={errors.items}
              fieldId={fieldId}
            />
            <TextField
              id={`${FORM}-email`}
              label="メールアドレス"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={errorFor(errors, 'email')}
            />
            <TextField
              id={`${FORM}-password`}
              label="パスワード"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errorFor(errors, 'password')}
            />
            <Button
              type="submit"
              busy={mutation.isPending}
              busyLabel="確認しています…"
              icon={<LogIn aria-hidden="true" size={18} />}
            >
              ログイン
            </Button>
          </form>
        </div>

        {session.demo && session.demoAccounts.length > 0 && (
          <section className="panel demo-accounts" aria-labelledby="demo-title">
            <h2 id="demo-title">デモ用アカウント（架空の町）</h2>
            <p>
              <Badge tone="fictional">架空の町</Badge>{' '}
              ささえ町は説明のための架空の町です。人も数字も実在しません。
              「この役割でログイン」ですぐに入れます。パスワードはどれも{' '}
              <code>{session.demoAccounts[0]?.password}</code> です。
            </p>
            <ul className="demo-list">
              {session.demoAccounts.map((a) => (
                <li key={a.email}>
                  <div>
                    <strong>{a.label}</strong>
                    <span className="muted">{a.description}</span>
                    <span className="demo-email">{a.email}</span>
                  </div>
                  <div className="demo-actions">
                    <Button
                      variant="quiet"
                      small
                      aria-label={`入力欄に入れる（${a.label}）`}
                      onClick={() => {
                        setEmail(a.email);
                        setPassword(a.password);
                        document.getElementById(`${FORM}-email`)?.focus();
                      }}
                    >
                      入力欄に入れる
                    </Button>
                    <Button
                      variant="secondary"
                      small
                      aria-label={`この役割でログイン（${a.label}）`}
                      busy={mutation.isPending && mutation.variables?.email === a.email}
                      onClick={() => {
                        setEmail(a.email);
                        setPassword(a.password);
                        mutation.mutate({ email: a.email, password: a.password });
                      }}
                    >
                      この役割でログイン
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
