import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { getSession, type SessionState } from '../../contracts/accounts';
import { ROLE_INFO, type Role } from '../../domain/roles';
import { api, onUnauthenticated, setCsrfToken } from './api';

export const SESSION_KEY = ['session'] as const;

export type Session = SessionState;
export type SessionUser = NonNullable<SessionState['user']>;
export type Membership = SessionUser['memberships'][number];

interface SessionApi {
  session: Session;
  /** Replace the session after login, logout or accepting an invitation. */
  setSession(next: Session): void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** Loads `GET /api/auth/session` once and keeps the CSRF token for the API client. */
export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      const s = await api(getSession);
      setCsrfToken(s.csrfToken);
      return s;
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: 2,
  });

  const setSession = useCallback(
    (next: Session) => {
      setCsrfToken(next.csrfToken);
      // Everything cached belonged to the previous person.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, next);
    },
    [queryClient],
  );

  // A 401 anywhere means the session ended (timeout, password changed elsewhere): forget the user.
  useEffect(
    () =>
      onUnauthenticated(() => {
        const current = queryClient.getQueryData<Session>(SESSION_KEY);
        if (current?.user) queryClient.setQueryData(SESSION_KEY, { ...current, user: null, csrfToken: null });
      }),
    [queryClient],
  );

  const value = useMemo(
    () => (query.data ? { session: query.data, setSession } : null),
    [query.data, setSession],
  );
  if (!value) {
    if (query.isError) {
      return (
        <main className="center-page">
          <div className="notice notice--error" role="alert">
            <p>サーバーにつながりませんでした。時間をおいて、ページを読み込み直してください。</p>
          </div>
        </main>
      );
    }
    return <>{fallback}</>;
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for pages behind the login guard. */
export function useUser(): SessionUser {
  const { session } = useSession();
  if (!session.user) throw new Error('useUser without a signed-in user');
  return session.user;
}

/** What the current person is in the tenant being viewed. */
export interface TenantScope {
  code: string;
  name: string;
  prefecture: string;
  fictional: boolean;
  /** null for a system administrator without membership. */
  role: Role | null;
  areaIds: string[];
  systemAdmin: boolean;
}

export const TenantScopeContext = createContext<TenantScope | null>(null);

export function useTenantScope(): TenantScope {
  const ctx = useContext(TenantScopeContext);
  if (!ctx) throw new Error('useTenantScope outside a tenant route');
  return ctx;
}

export function useOptionalTenantScope(): TenantScope | null {
  return useContext(TenantScopeContext);
}

/** The person's role in words, as shown in the header. */
export function roleLabel(scope: Pick<TenantScope, 'role' | 'systemAdmin'>): string {
  if (scope.role) return ROLE_INFO[scope.role].label;
  return scope.systemAdmin ? 'システム管理者' : '';
}

/** Capabilities read from the same table the server's policies use. */
export function capabilities(scope: Pick<TenantScope, 'role' | 'systemAdmin' | 'areaIds'>) {
  const info = scope.role ? ROLE_INFO[scope.role] : null;
  const writeTenant = scope.systemAdmin || Boolean(info?.writeTenant);
  return {
    writeTenant,
    /** May add areas somewhere: everywhere, or under her own areas (第2層 SC). */
    addAreas: writeTenant || (Boolean(info?.writeAssignedAreas) && scope.areaIds.length > 0),
    importStatistics: writeTenant,
    manageMembers: scope.systemAdmin || Boolean(info?.manageMembers),
    /** May register and change 地域資源 somewhere (第2層 SC: those in her own areas; each has canEdit). */
    editResources: writeTenant || (Boolean(info?.writeAssignedAreas) && scope.areaIds.length > 0),
    /** Imports, the taxonomy and 主体 are tenant-wide (保険者職員 and 第1層 SC). */
    manageResourceLists: writeTenant,
    readAudit: scope.systemAdmin || Boolean(info?.manageMembers),
  };
}
