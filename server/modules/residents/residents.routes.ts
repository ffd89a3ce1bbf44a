import * as c from '../../../contracts/residents';
import { route } from '../../core/http';
import * as service from './residents.service';

export const residentsRoutes = [
  route(c.listResidents, (ctx, { query }) => service.listResidents(ctx, query)),
  route(c.getResident, (ctx, { params }) => service.getResident(ctx, params.id)),
  route(c.createResident, (ctx, { body }) => service.createResident(ctx, body)),
  route(c.updateResident, (ctx, { params, body }) => service.updateResident(ctx, params.id, body)),
  route(c.exportResident, (ctx, { params }) => service.exportResident(ctx, params.id)),
  route(c.eraseResident, (ctx, { params, body }) => service.eraseResident(ctx, params.id, body)),
];
