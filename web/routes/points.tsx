import { Route, useParams } from 'react-router';
import {
  CourseDetailPage,
  CourseListPage,
  LazyPage,
  PointBalancesPage,
  PointSettingsPage,
  PointStatementPage,
  PointsHomePage,
  PointYearEndPage,
} from './points-lazy';

function lazyRoute(element: React.ReactNode) {
  return <LazyPage>{element}</LazyPage>;
}

/** /app/t/:tenant/points/members/:helperId?fy= */
function PointStatementRoute() {
  const { helperId = '' } = useParams();
  return lazyRoute(<PointStatementPage key={helperId} helperId={helperId} />);
}

/** /app/t/:tenant/courses/:id */
function CourseRoute() {
  const { id = '' } = useParams();
  return lazyRoute(<CourseDetailPage key={id} id={id} />);
}

/**
 * The ポイント and 養成講座 URLs under /app/t/:tenant, as one fragment that app-routes.tsx places
 * among the tenant's routes.
 */
export const pointRoutes = (
  <>
    <Route path="points" element={lazyRoute(<PointsHomePage />)} />
    <Route path="points/balances" element={lazyRoute(<PointBalancesPage />)} />
    <Route path="points/members/:helperId" element={<PointStatementRoute />} />
    <Route path="points/year-end" element={lazyRoute(<PointYearEndPage />)} />
    <Route path="points/settings" element={lazyRoute(<PointSettingsPage />)} />
    <Route path="courses" element={lazyRoute(<CourseListPage />)} />
    <Route path="courses/:id" element={<CourseRoute />} />
  </>
);
