/** Tenants (市町村): registration from the 団体コード, settings (保険者番号, open-data licence, portal contact), audit trail. */
export { tenantsRoutes } from './tenants.routes';
export {
  createFictionalTenant,
  createTenant,
  findLocalGov,
  getTenant,
  listTenants,
  type TenantSettings,
  updateTenant,
} from './tenants.service';
