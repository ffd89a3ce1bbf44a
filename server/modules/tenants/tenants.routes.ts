import * as c from '../../../contracts/tenants';
import { route } from '../../core/http';
import * as service from './tenants.service';

export const tenantsRoutes = [
  route(c.appConfig, async (ctx) => ({ tiles: ctx.deps.config.tiles })),
  route(c.listTenants, async (ctx) => ({ tenants: await service.listTenants(ctx) })),
  route(c.lookupLocalGov, (ctx, { params }) => service.lookupLocalGov(ctx, params.code)),
  route(c.createTenant, (ctx, { body }) => service.createTenant(ctx, body)),
  route(c.getTenant, (ctx) => service.getTenant(ctx)),
  route(c.updateTenant, (ctx, { body }) => service.updateTenant(ctx, body)),
  route(c.listAuditLog, (ctx, { query }) => service.listAuditEntries(ctx, query)),
];
