import { useEffect } from 'react';
import { useOptionalTenantScope } from './session';

export const APP_NAME = 'ささえあい';

/** 「地域と人口 | ささえ町 | ささえあい」 */
export function pageTitle(page: string | null, tenantName?: string | null): string {
  return [page, tenantName, APP_NAME].filter(Boolean).join(' | ');
}

/** Sets the document title for the page, with the tenant's name when inside a tenant. */
export function usePageTitle(page: string | null): void {
  const scope = useOptionalTenantScope();
  const title = pageTitle(page, scope?.name);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
