import { Navigate, useSearchParams } from 'react-router';
import { safeNext } from '../lib/paths';
import { useSession } from '../lib/session';
import { LoginPage } from '../modules/accounts';

/** /app/login */
export function LoginRoute() {
  const { session } = useSession();
  const [search] = useSearchParams();
  if (session.user) return <Navigate to={safeNext(search.get('next')) ?? '/'} replace />;
  return <LoginPage />;
}
