import * as c from '../../../contracts/helpers-courses';
import { route } from '../../core/http';
import * as service from './courses.service';

export const coursesRoutes = [
  route(c.listCourses, (ctx, { query }) => service.listCourses(ctx, query)),
  route(c.createCourse, (ctx, { body }) => service.createCourse(ctx, body)),
  route(c.getCourse, (ctx, { params }) => service.getCourse(ctx, params.id)),
  route(c.updateCourse, (ctx, { params, body }) => service.updateCourse(ctx, params.id, body)),
  route(c.addCourseSession, (ctx, { params, body }) => service.addSession(ctx, params.id, body)),
  route(c.updateCourseSession, (ctx, { params, body }) =>
    service.updateSession(ctx, params.id, params.sessionId, body),
  ),
  route(c.removeCourseSession, (ctx, { params, query }) =>
    service.removeSession(ctx, params.id, params.sessionId, query.version),
  ),
  route(c.addCourseParticipant, (ctx, { params, body }) => service.addParticipant(ctx, params.id, body)),
  route(c.removeCourseParticipant, (ctx, { params, query }) =>
    service.removeParticipant(ctx, params.id, params.participantId, query.version),
  ),
  route(c.setCourseAttendance, (ctx, { params, body }) =>
    service.setAttendance(ctx, params.id, params.sessionId, body),
  ),
  route(c.registerCourseParticipant, (ctx, { params, body }) =>
    service.registerParticipant(ctx, params.id, params.participantId, body),
  ),
  route(c.exportCourseCompletions, (ctx, { params, query }) =>
    service.exportCompletions(ctx, params.id, query.format),
  ),
];
