import { AuditPage } from '../modules/tenants';

/** /app/t/:tenant/audit */
export function AuditRoute() {
  return <AuditPage />;
}
