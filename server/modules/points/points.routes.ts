import * as c from '../../../contracts/points';
import { route } from '../../core/http';
import * as balances from './balances.service';
import * as service from './points.service';
import * as yearEnd from './year-end.service';

export const pointsRoutes = [
  route(c.listPointSchemes, (ctx) => service.listSchemes(ctx)),
  route(c.createPointScheme, (ctx, { body }) => service.createScheme(ctx, body)),
  route(c.updatePointScheme, (ctx, { params, body }) => service.updateScheme(ctx, params.id, body)),
  route(c.pointSummary, (ctx, { params, query }) => balances.pointSummary(ctx, params.id, query.fy)),
  route(c.listPointActivities, (ctx, { query }) => service.listActivities(ctx, query)),
  route(c.createPointActivity, (ctx, { body }) => service.createActivity(ctx, body)),
  route(c.updatePointActivity, (ctx, { params, body }) => service.updateActivity(ctx, params.id, body)),
  route(c.confirmPointActivity, (ctx, { params, body }) =>
    service.confirmActivity(ctx, params.id, body.version),
  ),
  route(c.returnPointActivity, (ctx, { params, body }) => service.returnActivity(ctx, params.id, body)),
  route(c.listPointBalances, (ctx, { params, query }) => balances.listBalances(ctx, params.id, query)),
  route(c.getPointStatement, (ctx, { params, query }) =>
    balances.getStatement(ctx, params.id, params.helperId, query.fy),
  ),
  route(c.exportPointStatement, (ctx, { params, query }) =>
    balances.exportStatement(ctx, params.id, params.helperId, query),
  ),
  route(c.redeemPoints, (ctx, { params, body }) => balances.redeem(ctx, params.id, params.helperId, body)),
  route(c.correctPointTransaction, (ctx, { params, body }) => balances.correct(ctx, params.id, body)),
  route(c.previewYearEnd, (ctx, { params, query }) => yearEnd.previewYearEnd(ctx, params.id, query.fy)),
  route(c.postYearEnd, (ctx, { params, body }) => yearEnd.postYearEnd(ctx, params.id, body)),
  route(c.exportYearEnd, (ctx, { params, query }) => yearEnd.exportYearEnd(ctx, params.id, query.fy)),
];
