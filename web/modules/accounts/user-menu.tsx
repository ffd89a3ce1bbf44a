import { useMutation } from '@tanstack/react-query';
import { KeyRound, LogOut, UserRound } from 'lucide-react';
import { Link, useNavigate } from 'react-router';
import { logout } from '../../../contracts/accounts';
import { api } from '../../lib/api';
import { paths } from '../../lib/paths';
import { useSession, useUser } from '../../lib/session';
import { Disclosure } from '../../ui/disclosure';

/** The person's name, and パスワード変更 / ログアウト. */
export function UserMenu() {
  const user = useUser();
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const mutation = useMutation({
    mutationFn: () => api(logout),
    onSettled: () => {
      setSession({ ...session, user: null, csrfToken: null });
      navigate(paths.login(), { replace: true });
    },
  });
  return (
    <Disclosure
      buttonClassName="button button--on-dark"
      ariaLabel={`${user.displayName}さんのメニュー`}
      label={
        <>
          <UserRound aria-hidden="true" size={18} />
          <span className="user-menu__name">{user.displayName}</span>
        </>
      }
    >
      {(close) => (
        <ul className="disclosure__list">
          <li className="disclosure__heading">{user.email}</li>
          <li>
            <Link to={paths.account()} onClick={close}>
              <KeyRound aria-hidden="true" size={18} />
              パスワード変更
            </Link>
          </li>
          <li>
            <button type="button" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
              <LogOut aria-hidden="true" size={18} />
              ログアウト
            </button>
          </li>
        </ul>
      )}
    </Disclosure>
  );
}
