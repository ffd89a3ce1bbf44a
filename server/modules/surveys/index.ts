/** アンケート: surveys with the standard instruments, answers (personal), imports and results by area. */
export { commitSurveyImport, previewSurveyImport } from './import.service';
export { latestInterests, residentsInterestedIn } from './interests.service';
export { resultsFromAnswersSql, resultsSql, surveyResults } from './results.service';
export { surveysRoutes } from './surveys.routes';
export { createResponse, createSurvey } from './surveys.service';
