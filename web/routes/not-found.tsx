import { Link } from 'react-router';
import { paths } from '../lib/paths';
import { useOptionalTenantScope } from '../lib/session';
import { usePageTitle } from '../lib/title';
import { NotFoundContent } from '../ui/not-found';

/** Any unknown URL inside the workspace. */
export function NotFoundRoute() {
  usePageTitle('ページが見つかりません');
  const scope = useOptionalTenantScope();
  return (
    <NotFoundContent>
      <ul>
        {scope && (
          <li>
            <Link to={paths.home(scope.code)}>{scope.name}のホームへ</Link>
          </li>
        )}
        <li>
          <Link to="/">はじめの画面へ</Link>
        </li>
      </ul>
    </NotFoundContent>
  );
}
