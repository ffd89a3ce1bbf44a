/** Tenants (市町村) in the staff workspace: choosing, switching, registering, the audit log. */
export { AuditPage } from './audit-page';
export { useTenant, useTenantList } from './queries';
export { StartPage } from './start-page';
export { TenantNewPage } from './tenant-new-page';
export { TenantSwitcher } from './tenant-switcher';
