import { type ComponentType, lazy, type ReactNode } from 'react';

export { LazyPage } from './resources-lazy';

/*
 * The 困りごと, 住民, つなぎ and 担い手 pages load when first opened (one chunk: they link to each
 * other and a need's page shows its つなぎ), so that the login and the other pages stay quick on a
 * slow connection.
 */

const load = async () => {
  const [needs, residents, matching, helpers] = await Promise.all([
    import('../modules/needs'),
    import('../modules/residents'),
    import('../modules/matching'),
    import('../modules/helpers'),
  ]);
  return { ...needs, ...residents, ...matching, ...helpers };
};

type Module = Awaited<ReturnType<typeof load>>;

function page<P extends object = object>(name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
}

export const NeedListPage = page('NeedListPage');
export const QuickCapturePage = page('QuickCapturePage');
export const NeedDetailPage = page<{
  id: string;
  after?: (need: import('../../contracts/needs').Need) => ReactNode;
}>('NeedDetailPage');
export const NeedEditPage = page<{ id: string }>('NeedEditPage');
export const ResidentListPage = page('ResidentListPage');
export const ResidentNewPage = page('ResidentNewPage');
export const ResidentDetailPage = page<{
  id: string;
  after?: (resident: import('../../contracts/residents').Resident) => ReactNode;
}>('ResidentDetailPage');
export const NeedMatching = page<{ needId: string; canEdit: boolean }>('NeedMatching');
export const ResidentMatching = page<{ residentId: string; canEdit: boolean }>('ResidentMatching');
export const TodayPage = page('TodayPage');
export const TodayWidget = page('TodayWidget');
export const ReferralListPage = page('ReferralListPage');
export const ReferralDetailPage = page<{ id: string }>('ReferralDetailPage');
export const ReferralStatsPage = page('ReferralStatsPage');
export const OpportunityListPage = page('OpportunityListPage');
export const OpportunityDetailPage = page<{ id: string }>('OpportunityDetailPage');
export const OpportunityFormPage = page<{ id?: string }>('OpportunityFormPage');
export const HelperListPage = page('HelperListPage');
export const HelperDetailPage = page<{ id: string }>('HelperDetailPage');
export const HelperFormPage = page<{ id?: string }>('HelperFormPage');
export const ResidentEditPage = page<{ id: string }>('ResidentEditPage');
