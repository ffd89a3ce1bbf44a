import { type ComponentType, lazy } from 'react';

export { LazyPage } from './resources-lazy';

/*
 * The 困りごと and 住民 pages load when first opened (one chunk for both: they link to each other),
 * so that the login and the other pages stay quick on a slow connection.
 */

const load = async () => {
  const [needs, residents] = await Promise.all([import('../modules/needs'), import('../modules/residents')]);
  return { ...needs, ...residents };
};

type Module = Awaited<ReturnType<typeof load>>;

function page<P extends object = object>(name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
}

export const NeedListPage = page('NeedListPage');
export const QuickCapturePage = page('QuickCapturePage');
export const NeedDetailPage = page<{ id: string }>('NeedDetailPage');
export const NeedEditPage = page<{ id: string }>('NeedEditPage');
export const ResidentListPage = page('ResidentListPage');
export const ResidentNewPage = page('ResidentNewPage');
export const ResidentDetailPage = page<{ id: string }>('ResidentDetailPage');
export const ResidentEditPage = page<{ id: string }>('ResidentEditPage');
