/** 協議体: councils, seats and 部会, meetings with agenda and minutes, SC tasks, projects and trials. */
export { councilsPolicy } from './councils.policy';
export { councilsRoutes } from './councils.routes';
export { isWorker, peopleByIds } from './councils.service';
export { developmentCounts } from './projects.service';
export { councilAndProjectNames, councilTies, meetingsHeldByLayer } from './ties.service';
