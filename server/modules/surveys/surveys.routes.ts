import * as c from '../../../contracts/surveys';
import { route } from '../../core/http';
import * as imports from './import.service';
import * as results from './results.service';
import * as service from './surveys.service';

export const surveysRoutes = [
  route(c.listInstruments, (ctx) => service.listInstruments(ctx)),
  route(c.listSurveys, (ctx) => service.listSurveys(ctx)),
  route(c.createSurvey, (ctx, { body }) => service.createSurvey(ctx, body)),
  route(c.getSurvey, (ctx, { params }) => service.getSurvey(ctx, params.id)),
  route(c.updateSurvey, (ctx, { params, body }) => service.updateSurvey(ctx, params.id, body)),
  route(c.createResponse, (ctx, { params, body }) => service.createResponse(ctx, params.id, body)),
  route(c.listResponses, (ctx, { params, query }) => service.listResponses(ctx, params.id, query)),
  route(c.getResponse, (ctx, { params }) => service.getResponse(ctx, params.id, params.responseId)),
  route(c.deleteResponse, (ctx, { params }) => service.deleteResponse(ctx, params.id, params.responseId)),
  route(c.previewSurveyImport, (ctx, { params, query, body }) =>
    imports.previewSurveyImport(ctx, params.id, {
      fileName: query.fileName,
      headerRows: query.headerRows,
      bytes: body,
    }),
  ),
  route(c.remapSurveyImport, (ctx, { params, body }) =>
    imports.remapSurveyImport(ctx, params.id, params.importId, body),
  ),
  route(c.commitSurveyImport, (ctx, { params }) =>
    imports.commitSurveyImport(ctx, params.id, params.importId),
  ),
  route(c.surveyResults, (ctx, { params, query }) => results.surveyResults(ctx, params.id, query)),
  route(c.exportSurveyResults, (ctx, { params, query }) =>
    results.exportSurveyResults(ctx, params.id, query),
  ),
];
