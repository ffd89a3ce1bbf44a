import { Route, useParams } from 'react-router';
import {
  ActivityListPage,
  ActivityPage,
  ActivityReportPage,
  CouncilCalendarPage,
  CouncilListPage,
  CouncilPage,
  LazyPage,
  MeetingNewPage,
  MeetingPage,
  NetworkPage,
  ProjectListPage,
  ProjectPage,
  QuickLogPage,
  TasksPage,
} from './councils-lazy';

/* Thin routes: each reads its URL and hands the ids to the page. */

function CouncilRoute() {
  const { id = '' } = useParams();
  return <CouncilPage key={id} id={id} />;
}
function MeetingNewRoute() {
  const { id = '' } = useParams();
  return <MeetingNewPage key={id} councilId={id} />;
}
function MeetingRoute() {
  const { id = '' } = useParams();
  return <MeetingPage key={id} id={id} />;
}
function ProjectRoute() {
  const { id = '' } = useParams();
  return <ProjectPage key={id} id={id} />;
}
function ActivityRoute() {
  const { id = '' } = useParams();
  return <ActivityPage key={id} id={id} />;
}

const lazyPage = (element: React.ReactNode) => <LazyPage>{element}</LazyPage>;

/**
 * The 協議体 (/councils, /meetings, /council-calendar, /tasks, /projects), 活動記録 (/activities,
 * /activity-report) and つながり (/network) URLs under /app/t/:tenant, as one fragment that
 * app-routes.tsx places among the tenant's routes.
 */
export const councilRoutes = (
  <>
    <Route path="councils" element={lazyPage(<CouncilListPage />)} />
    <Route path="councils/:id" element={lazyPage(<CouncilRoute />)} />
    <Route path="councils/:id/meetings/new" element={lazyPage(<MeetingNewRoute />)} />
    <Route path="meetings/:id" element={lazyPage(<MeetingRoute />)} />
    <Route path="council-calendar" element={lazyPage(<CouncilCalendarPage />)} />
    <Route path="tasks" element={lazyPage(<TasksPage />)} />
    <Route path="projects" element={lazyPage(<ProjectListPage />)} />
    <Route path="projects/:id" element={lazyPage(<ProjectRoute />)} />
    <Route path="activities" element={lazyPage(<ActivityListPage />)} />
    <Route path="activities/quick" element={lazyPage(<QuickLogPage />)} />
    <Route path="activities/:id" element={lazyPage(<ActivityRoute />)} />
    <Route path="activity-report" element={lazyPage(<ActivityReportPage />)} />
    <Route path="network" element={lazyPage(<NetworkPage />)} />
  </>
);
