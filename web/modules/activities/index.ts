/** SCの活動記録 in the staff workspace: quick log on a phone, the log, monthly and yearly reports. */
import './activities.css';

export { ActivityListPage, ActivityPage } from './activity-pages';
export { activityPaths, logsActivities } from './paths';
export { QuickLogPage } from './quick-log-page';
export { ActivityReportPage } from './report-page';
