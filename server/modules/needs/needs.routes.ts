import * as c from '../../../contracts/needs';
import { route } from '../../core/http';
import * as matrix from './matrix.service';
import * as service from './needs.service';

export const needsRoutes = [
  route(c.listNeeds, (ctx, { query }) => service.listNeeds(ctx, query)),
  route(c.getNeed, (ctx, { params }) => service.getNeed(ctx, params.id)),
  route(c.createNeed, (ctx, { body }) => service.createNeed(ctx, body)),
  route(c.updateNeed, (ctx, { params, body }) => service.updateNeed(ctx, params.id, body)),
  route(c.changeNeedStatus, (ctx, { params, body }) => service.changeNeedStatus(ctx, params.id, body)),
  route(c.needsMatrix, (ctx, { query }) => matrix.needsMatrix(ctx, query)),
  route(c.needsMatrixCell, (ctx, { query }) => matrix.needsMatrixCell(ctx, query)),
  route(c.exportNeedsMatrix, (ctx, { query }) => matrix.exportNeedsMatrix(ctx, query)),
];
