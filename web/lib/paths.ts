import { recall, remember } from './storage';

/** URLs inside the workspace (relative to the router's /app basename). */
export const paths = {
  home: (tenant: string) => `/t/${tenant}`,
  areas: (tenant: string) => `/t/${tenant}/areas`,
  area: (tenant: string, id: string) => `/t/${tenant}/areas/${id}`,
  areaEdit: (tenant: string, id: string) => `/t/${tenant}/areas/${id}/edit`,
  areaNew: (tenant: string, parentId?: string) =>
    `/t/${tenant}/areas/new${parentId ? `?parent=${encodeURIComponent(parentId)}` : ''}`,
  populationImport: (tenant: string) => `/t/${tenant}/population-import`,
  resources: (tenant: string, search?: string) => `/t/${tenant}/resources${search ? `?${search}` : ''}`,
  resource: (tenant: string, id: string) => `/t/${tenant}/resources/${id}`,
  resourceEdit: (tenant: string, id: string) => `/t/${tenant}/resources/${id}/edit`,
  resourceHistory: (tenant: string, id: string) => `/t/${tenant}/resources/${id}/history`,
  resourceNew: (tenant: string) => `/t/${tenant}/resources/new`,
  resourcesReview: (tenant: string) => `/t/${tenant}/resources/review`,
  resourcesImport: (tenant: string) => `/t/${tenant}/resources/import`,
  resourcesTaxonomy: (tenant: string) => `/t/${tenant}/resources/taxonomy`,
  organizations: (tenant: string) => `/t/${tenant}/organizations`,
  members: (tenant: string) => `/t/${tenant}/members`,
  audit: (tenant: string) => `/t/${tenant}/audit`,
  settings: (tenant: string) => `/t/${tenant}/settings`,
  account: () => '/account',
  tenantNew: () => '/tenants/new',
  login: (next?: string) => `/login${next ? `?next=${encodeURIComponent(next)}` : ''}`,
};

const LAST_TENANT = 'sasaeai:last-tenant';

export function rememberTenant(code: string): void {
  remember(LAST_TENANT, code);
}

export function lastTenant(): string | null {
  return recall(LAST_TENANT);
}

/** Only paths inside the workspace are accepted as a place to return to after login. */
export function safeNext(next: string | null): string | null {
  return next && /^\/(?!\/)/.test(next) && !next.startsWith('/login') ? next : null;
}
