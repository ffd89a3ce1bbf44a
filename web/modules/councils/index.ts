/** 協議体 in the staff workspace: councils, meetings (agenda and minutes), yearly table, わたしの仕事, projects. */
import './councils.css';

export { CouncilCalendarPage } from './calendar-page';
export { CouncilListPage } from './council-list-page';
export { CouncilPage } from './council-page';
export { MeetingNewPage } from './meeting-new-page';
export { MeetingPage } from './meeting-page';
export { councilPaths, keepsTasks } from './paths';
export { ProjectListPage, ProjectPage } from './project-pages';
export { TaskList, TasksPage } from './task-list';
