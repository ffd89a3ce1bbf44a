/** SC活動記録: the SC's visits, meetings, consultations, trainings and events, and the monthly/yearly reports. */
export { activitiesRoutes } from './activities.routes';
export { activityTies, createActivity } from './activities.service';
export { activityReport } from './report.service';
