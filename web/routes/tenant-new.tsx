import { TenantNewPage } from '../modules/tenants';

/** /app/tenants/new */
export function TenantNewRoute() {
  return <TenantNewPage />;
}
