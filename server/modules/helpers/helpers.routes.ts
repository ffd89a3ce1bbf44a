import * as c from '../../../contracts/helpers';
import { route } from '../../core/http';
import * as service from './helpers.service';

export const helpersRoutes = [
  route(c.listHelpers, (ctx, { query }) => service.listHelpers(ctx, query)),
  route(c.getHelper, (ctx, { params }) => service.getHelper(ctx, params.id)),
  route(c.createHelper, (ctx, { body }) => service.createHelper(ctx, body)),
  route(c.updateHelper, (ctx, { params, body }) => service.updateHelper(ctx, params.id, body)),
  route(c.addHelperTraining, (ctx, { params, body }) => service.addHelperTraining(ctx, params.id, body)),
  route(c.removeHelperTraining, (ctx, { params }) =>
    service.removeHelperTraining(ctx, params.id, params.trainingId),
  ),
];
