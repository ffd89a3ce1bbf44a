import { Link, Navigate } from 'react-router';
import { lastTenant, paths } from '../../lib/paths';
import { useUser } from '../../lib/session';
import { usePageTitle } from '../../lib/title';
import { FictionalBadge } from '../../ui/badge';
import { buttonClass } from '../../ui/button';
import { PageHeader } from '../../ui/page';
import { ErrorNotice, Loading, Notice } from '../../ui/status';
import { useTenantList } from './queries';

/** `/app/`: opens the last tenant used, or lets a system administrator choose one. */
export function StartPage() {
  const user = useUser();
  usePageTitle('団体を選ぶ');
  const remembered = lastTenant();
  const list = useTenantList(user.systemAdmin);
  const member = user.memberships.find((m) => m.tenantId === remembered) ?? user.memberships[0];
  if (!user.systemAdmin && member) return <Navigate to={paths.home(member.tenantId)} replace />;
  if (user.systemAdmin && remembered && list.data?.tenants.some((t) => t.code === remembered)) {
    return <Navigate to={paths.home(remembered)} replace />;
  }
  if (!user.systemAdmin) {
    return (
      <>
        <PageHeader title="まだどの団体にも所属していません" />
        <Notice>
          <p>市町村の担当者から届く招待のリンクを開くと、その団体の情報を見られるようになります。</p>
        </Notice>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="団体を選ぶ"
        actions={
          <Link className={buttonClass()} to={paths.tenantNew()}>
            団体を登録する
          </Link>
        }
      />
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} />}
      {list.data && list.data.tenants.length === 0 && <p>まだ団体が登録されていません。</p>}
      {list.data && list.data.tenants.length > 0 && (
        <ul className="link-cards">
          {list.data.tenants.map((t) => (
            <li key={t.code}>
              <Link to={paths.home(t.code)}>
                <span>
                  <strong>
                    {t.prefecture} {t.name}
                  </strong>
                  <span className="muted">団体コード {t.code}</span> {t.fictional && <FictionalBadge />}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
