import { type ComponentType, lazy } from 'react';

export { LazyPage } from './resources-lazy';

/*
 * The ポイント and 養成講座 pages load when first opened, so that the login and the other pages
 * stay quick on a slow connection.
 */

const load = async () => {
  const [points, courses] = await Promise.all([
    import('../modules/points'),
    import('../modules/helpers/courses'),
  ]);
  return { ...points, ...courses };
};

type Module = Awaited<ReturnType<typeof load>>;

function page<P extends object = object>(name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
}

export const PointsHomePage = page('PointsHomePage');
export const PointBalancesPage = page('PointBalancesPage');
export const PointStatementPage = page<{ helperId: string }>('PointStatementPage');
export const PointYearEndPage = page('PointYearEndPage');
export const PointSettingsPage = page('PointSettingsPage');
export const CourseListPage = page('CourseListPage');
export const CourseDetailPage = page<{ id: string }>('CourseDetailPage');
