import { HandHeart } from 'lucide-react';
import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useMatch } from 'react-router';
import { ApiError } from '../lib/api';
import { lastTenant, paths, rememberTenant } from '../lib/paths';
import { roleLabel, type TenantScope, TenantScopeContext, useSession } from '../lib/session';
import { UserMenu } from '../modules/accounts';
import { TenantSwitcher, useTenant } from '../modules/tenants';
import { FictionalBadge } from '../ui/badge';
import { NotFoundContent } from '../ui/not-found';
import { Shell } from '../ui/shell';
import { ErrorNotice, Loading } from '../ui/status';
import { currentEntry, groupedEntries, navContext, visibleEntries } from './navigation';

/**
 * Everything behind the login: the shell (header, menu) around the page. Inside `/t/:tenant` it
 * also provides the tenant scope, or a 404 when the person may not see that tenant.
 */
export function WorkspaceLayout() {
  const { session } = useSession();
  const location = useLocation();
  const user = session.user;
  const match = useMatch('/t/:tenant/*');
  const routeTenant = match?.params.tenant ?? null;
  // Outside a tenant page the menu still points into the last tenant used, so nothing is a dead end.
  const remembered = lastTenant();
  const navTenant =
    routeTenant ??
    user?.memberships.find((m) => m.tenantId === remembered)?.tenantId ??
    (user?.systemAdmin ? remembered : (user?.memberships[0]?.tenantId ?? null));
  const membership = user?.memberships.find((m) => m.tenantId === navTenant);
  const needsLookup = Boolean(user?.systemAdmin && navTenant && !membership);
  const tenant = useTenant(navTenant ?? '', needsLookup);

  useEffect(() => {
    if (routeTenant && (membership || tenant.data)) rememberTenant(routeTenant);
  }, [routeTenant, membership, tenant.data]);

  if (!user) {
    return <Navigate to={paths.login(`${location.pathname}${location.search}`)} replace />;
  }

  let scope: TenantScope | null = null;
  if (navTenant && membership) {
    scope = {
      code: navTenant,
      name: membership.tenantName,
      prefecture: membership.prefecture,
      fictional: membership.fictional,
      role: membership.role,
      areaIds: membership.areaIds,
      systemAdmin: user.systemAdmin,
    };
  } else if (navTenant && needsLookup && tenant.data) {
    scope = {
      code: tenant.data.code,
      name: tenant.data.name,
      prefecture: tenant.data.prefecture,
      fictional: tenant.data.fictional,
      role: null,
      areaIds: [],
      systemAdmin: true,
    };
  }

  let content = <Outlet />;
  if (routeTenant && !scope) {
    if (needsLookup && tenant.isPending) content = <Loading />;
    else if (
      needsLookup &&
      tenant.isError &&
      !(tenant.error instanceof ApiError && tenant.error.status === 404)
    )
      content = <ErrorNotice error={tenant.error} />;
    else
      content = (
        <NotFoundContent what="団体">
          <p>
            <Link to="/">はじめの画面へ</Link>
          </p>
        </NotFoundContent>
      );
  }

  const nav = visibleEntries(navContext(user, scope));
  const current = currentEntry(nav, location.pathname);

  return (
    <TenantScopeContext.Provider value={scope}>
      <Shell
        pageKey={location.pathname}
        brand={
          <Link className="shell-header__brand" to={scope ? paths.home(scope.code) : '/'}>
            <HandHeart aria-hidden="true" size={24} />
            ささえあい
          </Link>
        }
        tenant={
          <>
            {scope && (
              <>
                <span className="shell-header__tenant-name">
                  {scope.prefecture} {scope.name}
                </span>
                {scope.fictional && <FictionalBadge />}
                <span className="shell-header__role">{roleLabel(scope)}</span>
              </>
            )}
            <TenantSwitcher current={scope?.code ?? null} />
          </>
        }
        tools={<UserMenu />}
        nav={groupedEntries(nav).map(({ group, entries }) => (
          <li key={group.code} className="shell-nav__group">
            <span className="shell-nav__heading" id={`nav-${group.code}`}>
              {group.label}
            </span>
            <ul className="shell-nav__sublist" aria-labelledby={`nav-${group.code}`}>
              {entries.map(({ entry, to }) => (
                <li key={entry.label}>
                  <Link to={to} aria-current={to === current ? 'page' : undefined}>
                    <entry.icon aria-hidden="true" size={20} />
                    {entry.label}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
        footer={
          <p>
            ささえあい — 生活支援体制整備事業のための作業基盤 ・ <a href="/api/docs">API リファレンス</a>
            {scope && (
              <>
                {' ・ '}
                <a href={`/t/${scope.code}`}>住民向けの公開ページ</a>
              </>
            )}
          </p>
        }
      >
        {content}
      </Shell>
    </TenantScopeContext.Provider>
  );
}
