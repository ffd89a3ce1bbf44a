import { type ComponentType, lazy } from 'react';

export { LazyPage } from './resources-lazy';

/*
 * The アンケート pages (with the questionnaires and the charts) load when first opened, so that the
 * login and the other pages stay quick on a slow connection.
 */

const load = () => import('../modules/surveys');

type Module = Awaited<ReturnType<typeof load>>;

function page<P extends object = object>(name: keyof Module) {
  return lazy(async () => ({ default: (await load())[name] as unknown as ComponentType<P> }));
}

export const SurveyListPage = page('SurveyListPage');
export const SurveyDetailPage = page<{ id: string }>('SurveyDetailPage');
export const SurveyEntryPage = page<{ id: string }>('SurveyEntryPage');
export const SurveyInterviewPage = page<{ id: string }>('SurveyInterviewPage');
export const SurveyImportPage = page<{ id: string }>('SurveyImportPage');
export const SurveyResultsPage = page<{ id: string }>('SurveyResultsPage');
