import { Route } from 'react-router';
import { SurveyRoute } from './surveys-detail';
import { SurveyEntryRoute } from './surveys-entry';
import { SurveyImportRoute } from './surveys-import';
import { SurveyInterviewRoute } from './surveys-interview';
import { LazyPage, SurveyListPage } from './surveys-lazy';
import { SurveyResultsRoute } from './surveys-results';

/** /app/t/:tenant/surveys */
export function SurveysRoute() {
  return (
    <LazyPage>
      <SurveyListPage />
    </LazyPage>
  );
}

/**
 * The アンケート URLs under /app/t/:tenant, as one fragment that app-routes.tsx places among the
 * tenant's routes (React Router reads routes through fragments).
 */
export const surveyRoutes = (
  <>
    <Route path="surveys" element={<SurveysRoute />} />
    <Route path="surveys/:id" element={<SurveyRoute />} />
    <Route path="surveys/:id/entry" element={<SurveyEntryRoute />} />
    <Route path="surveys/:id/interview" element={<SurveyInterviewRoute />} />
    <Route path="surveys/:id/import" element={<SurveyImportRoute />} />
    <Route path="surveys/:id/results" element={<SurveyResultsRoute />} />
  </>
);
