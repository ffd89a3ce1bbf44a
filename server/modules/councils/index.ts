/** 協議体: councils, seats and 部会, meetings with agenda and minutes, SC tasks, projects and trials. */
export { councilsRoutes } from './councils.routes';
export { addMember, createCouncil, createGroup, createPerson, peopleByIds } from './councils.service';
export { createMeeting, updateAgendaItem, updateMeeting } from './meetings.service';
export { addTrial, createProject, developmentCounts, linkProjectResource } from './projects.service';
export { createTask, updateTask } from './tasks.service';
export { councilAndProjectNames, councilTies, meetingsHeldByLayer } from './ties.service';
