/** Tenants (市町村): registration from the 団体コード, settings, audit trail. */
export { tenantsRoutes } from './tenants.routes';
export { createFictionalTenant, createTenant, findLocalGov, getTenant, listTenants } from './tenants.service';
