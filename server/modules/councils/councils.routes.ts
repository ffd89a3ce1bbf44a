import * as c from '../../../contracts/councils';
import { route } from '../../core/http';
import * as councils from './councils.service';
import * as meetings from './meetings.service';
import * as projects from './projects.service';
import * as tasks from './tasks.service';

export const councilsRoutes = [
  route(c.listPeople, (ctx, { query }) => councils.listPeople(ctx, query)),
  route(c.createPerson, (ctx, { body }) => councils.createPerson(ctx, body)),
  route(c.updatePerson, (ctx, { params, body }) => councils.updatePerson(ctx, params.id, body)),
  route(c.listCouncils, (ctx, { query }) => councils.listCouncils(ctx, query)),
  route(c.createCouncil, (ctx, { body }) => councils.createCouncil(ctx, body)),
  route(c.getCouncil, (ctx, { params, query }) => councils.getCouncil(ctx, params.id, query)),
  route(c.updateCouncil, (ctx, { params, body }) => councils.updateCouncil(ctx, params.id, body)),
  route(c.archiveCouncil, (ctx, { params, body }) => councils.archiveCouncil(ctx, params.id, body)),
  route(c.deleteCouncil, (ctx, { params }) => councils.deleteCouncil(ctx, params.id)),
  route(c.addMember, (ctx, { params, body }) => councils.addMember(ctx, params.id, body)),
  route(c.updateMember, (ctx, { params, body }) =>
    councils.updateMember(ctx, params.id, params.memberId, body),
  ),
  route(c.createGroup, (ctx, { params, body }) => councils.createGroup(ctx, params.id, body)),
  route(c.updateGroup, (ctx, { params, body }) => councils.updateGroup(ctx, params.id, params.groupId, body)),
  route(c.councilCalendar, (ctx, { query }) => councils.councilCalendar(ctx, query)),
  route(c.exportCouncilCalendar, (ctx, { query }) => councils.exportCouncilCalendar(ctx, query)),
  route(c.createMeeting, (ctx, { params, body }) => meetings.createMeeting(ctx, params.id, body)),
  route(c.getMeeting, (ctx, { params }) => meetings.getMeeting(ctx, params.id)),
  route(c.updateMeeting, (ctx, { params, body }) => meetings.updateMeeting(ctx, params.id, body)),
  route(c.addAgendaItem, (ctx, { params, body }) => meetings.addAgendaItem(ctx, params.id, body)),
  route(c.updateAgendaItem, (ctx, { params, body }) =>
    meetings.updateAgendaItem(ctx, params.id, params.itemId, body),
  ),
  route(c.deleteAgendaItem, (ctx, { params }) => meetings.deleteAgendaItem(ctx, params.id, params.itemId)),
  route(c.printMeeting, (ctx, { params, query }) => meetings.printMeeting(ctx, params.id, query)),
  route(c.councilCalendarFeed, (ctx, { params }) => meetings.councilCalendarFeed(ctx, params.id)),
  route(c.listTasks, (ctx, { query }) => tasks.listTasks(ctx, query)),
  route(c.createTask, (ctx, { body }) => tasks.createTask(ctx, body)),
  route(c.updateTask, (ctx, { params, body }) => tasks.updateTask(ctx, params.id, body)),
  route(c.taskOwners, (ctx) => tasks.taskOwners(ctx)),
  route(c.listProjects, (ctx, { query }) => projects.listProjects(ctx, query)),
  route(c.createProject, (ctx, { body }) => projects.createProject(ctx, body)),
  route(c.getProject, (ctx, { params }) => projects.getProject(ctx, params.id)),
  route(c.updateProject, (ctx, { params, body }) => projects.updateProject(ctx, params.id, body)),
  route(c.addTrial, (ctx, { params, body }) => projects.addTrial(ctx, params.id, body)),
  route(c.updateTrial, (ctx, { params, body }) => projects.updateTrial(ctx, params.id, params.trialId, body)),
  route(c.linkProjectResource, (ctx, { params }) =>
    projects.linkProjectResource(ctx, params.id, params.resourceId),
  ),
  route(c.unlinkProjectResource, (ctx, { params }) =>
    projects.unlinkProjectResource(ctx, params.id, params.resourceId),
  ),
  route(c.projectReport, (ctx, { query }) => projects.projectReport(ctx, query)),
];
