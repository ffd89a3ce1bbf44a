import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { changePassword, NewPassword } from '../../../contracts/accounts';
import type { FieldError } from '../../../contracts/http';
import { api } from '../../lib/api';
import { errorFor, fieldIdFor, formErrors, validate } from '../../lib/form';
import { useUser } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { Button } from '../../ui/button';
import { ErrorSummary } from '../../ui/error-summary';
import { TextField } from '../../ui/field';
import { PageHeader } from '../../ui/page';
import { Notice } from '../../ui/status';

const FORM = 'password';
const fieldId = fieldIdFor(FORM, ['currentPassword', 'newPassword', 'confirm']);

/** パスワード変更. */
export function AccountPage() {
  usePageTitle('パスワード変更');
  const user = useUser();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<FieldError[]>([]);
  const mutation = useMutation({
    mutationFn: () => api(changePassword, { body: { currentPassword: current, newPassword: next } }),
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const errors = local.length > 0 ? { message: null, items: local } : formErrors(mutation.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!current) problems.push({ path: 'currentPassword', message: '今のパスワード：入力してください' });
    problems.push(...validate(NewPassword, next).map((p) => ({ ...p, path: 'newPassword' })));
    if (next && confirm !== next)
      problems.push({
        path: 'confirm',
        message: '新しいパスワード（確認）：新しいパスワードと同じものを入力してください',
      });
    setLocal(problems);
    if (problems.length === 0) mutation.mutate();
  };

  return (
    <div className="narrow">
      <PageHeader title="パスワード変更" lead={`${user.displayName}さん（${user.email}）`} />
      {mutation.isSuccess && (
        <Notice tone="success" live="status" title="パスワードを変更しました">
          <p>ほかの端末でのログインは終了しました。次からは新しいパスワードでログインしてください。</p>
        </Notice>
      )}
      <form onSubmit={submit} noValidate className="panel" aria-label="パスワード変更">
        <ErrorSummary message={errors.message} items={errors.items} fieldId={fieldId} />
        <TextField
          id={`${FORM}-currentPassword`}
          label="今のパスワード"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errorFor(errors, 'currentPassword')}
        />
        <TextField
          id={`${FORM}-newPassword`}
          label="新しいパスワード"
          hint="10文字以上。覚えやすい長い言葉の組み合わせがおすすめです。"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errorFor(errors, 'newPassword')}
        />
        <TextField
          id={`${FORM}-confirm`}
          label="新しいパスワード（確認）"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errorFor(errors, 'confirm')}
        />
        <Button type="submit" busy={mutation.isPending} busyLabel="変更しています…">
          パスワードを変更する
        </Button>
      </form>
    </div>
  );
}
