import * as c from '../../../contracts/activities';
import { route } from '../../core/http';
import * as service from './activities.service';
import * as report from './report.service';

export const activitiesRoutes = [
  route(c.listActivities, (ctx, { query }) => service.listActivities(ctx, query)),
  route(c.createActivity, (ctx, { body }) => service.createActivity(ctx, body)),
  route(c.getActivity, (ctx, { params }) => service.getActivity(ctx, params.id)),
  route(c.updateActivity, (ctx, { params, body }) => service.updateActivity(ctx, params.id, body)),
  route(c.deleteActivity, (ctx, { params }) => service.deleteActivity(ctx, params.id)),
  route(c.activityReport, (ctx, { query }) => report.activityReport(ctx, query)),
  route(c.exportActivityReport, (ctx, { query }) => report.exportActivityReport(ctx, query)),
];
