/** アンケート in the staff workspace: surveys, keyboard entry of paper forms, interviews, imports, results. */
import './surveys.css';

export { SurveyEntryPage } from './entry-page';
export { SurveyImportPage } from './import-page';
export { SurveyInterviewPage } from './interview-page';
export { canEnterAnswers, canManageSurveys, surveyPaths } from './paths';
export { SurveyResultsPage } from './results-page';
export { SurveyDetailPage } from './survey-detail-page';
export { SurveyListPage } from './survey-list-page';
