import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { Loading } from '../ui/status';

/*
 * The 地域資源 pages (with the schedule reader, the holiday calendar and the map glue) load when
 * first opened, so that the login and the other pages stay quick on a slow connection.
 */

const load = () => import('../modules/resources');

type Module = Awaited<ReturnType<typeof load>>;

function page<P extends object = object>(name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
}

export const ResourceListPage = page('ResourceListPage');
export const ResourceDetailPage = page<{ id: string }>('ResourceDetailPage');
export const ResourceEditPage = page<{ id: string }>('ResourceEditPage');
export const ResourceNewPage = page('ResourceNewPage');
export const ResourceHistoryPage = page<{ id: string }>('ResourceHistoryPage');
export const ResourceReviewPage = page('ResourceReviewPage');
export const ResourceImportPage = page('ResourceImportPage');
export const ResourceTaxonomyPage = page('ResourceTaxonomyPage');
export const OrganizationsPage = page('OrganizationsPage');

export function LazyPage({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}
