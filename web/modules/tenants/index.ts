/** Tenants (市町村) in the staff workspace: choosing, switching, registering, settings, the audit log. */
export { AuditPage } from './audit-page';
export { useTenant, useTenantList } from './queries';
export { SettingsPage } from './settings-page';
export { StartPage } from './start-page';
export { TenantNewPage } from './tenant-new-page';
export { TenantSwitcher } from './tenant-switcher';
