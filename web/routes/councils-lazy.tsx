import { type ComponentType, lazy } from 'react';

export { LazyPage } from './resources-lazy';

/*
 * The 協議体, 活動記録 and つながり pages load when first opened (one chunk: they link to each
 * other), so that the login and the other pages stay quick on a slow connection.
 */

const load = async () => {
  const [councils, activities, network] = await Promise.all([
    import('../modules/councils'),
    import('../modules/activities'),
    import('../modules/network'),
  ]);
  return { ...councils, ...activities, ...network };
};

type Module = Awaited<ReturnType<typeof load>>;

function page<P extends object = object>(name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
}

export const CouncilListPage = page('CouncilListPage');
export const CouncilPage = page<{ id: string }>('CouncilPage');
export const MeetingNewPage = page<{ councilId: string }>('MeetingNewPage');
export const MeetingPage = page<{ id: string }>('MeetingPage');
export const CouncilCalendarPage = page('CouncilCalendarPage');
export const TasksPage = page('TasksPage');
export const ProjectListPage = page('ProjectListPage');
export const ProjectPage = page<{ id: string }>('ProjectPage');
export const ActivityListPage = page('ActivityListPage');
export const ActivityPage = page<{ id: string }>('ActivityPage');
export const QuickLogPage = page('QuickLogPage');
export const ActivityReportPage = page('ActivityReportPage');
export const NetworkPage = page('NetworkPage');
/** わたしの仕事 on the home page (the list only, lazily with the rest). */
export const TaskList = page<{ owner?: 'me' | 'all'; status?: 'open'; limit?: number; headingLevel?: 2 | 3 }>(
  'TaskList',
);
