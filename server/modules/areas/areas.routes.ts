import * as c from '../../../contracts/areas';
import { route } from '../../core/http';
import * as service from './areas.service';
import * as exports from './export.service';
import * as population from './population.service';

export const areasRoutes = [
  route(c.listAreas, (ctx, { query }) => service.listAreas(ctx, query)),
  route(c.areaBoundaries, (ctx) => service.areaBoundaries(ctx)),
  route(c.getArea, (ctx, { params }) => service.getArea(ctx, params.id)),
  route(c.createArea, (ctx, { body }) => service.createArea(ctx, body)),
  route(c.updateArea, (ctx, { params, body }) => service.updateArea(ctx, params.id, body)),
  route(c.setAreaBoundary, (ctx, { params, body }) => service.setAreaBoundary(ctx, params.id, body)),
  route(c.putAreaStatistics, (ctx, { params, body }) =>
    service.putAreaStatistics(ctx, params.id, params.asOf, body),
  ),
  route(c.previewPopulationImport, (ctx, { query, body }) =>
    population.previewPopulationImport(ctx, { fileName: query.fileName, asOf: query.asOf, bytes: body }),
  ),
  route(c.getPopulationImport, (ctx, { params }) => population.getPopulationImport(ctx, params.id)),
  route(c.commitPopulationImport, (ctx, { params }) => population.commitPopulationImport(ctx, params.id)),
  route(c.exportAreaData, (ctx, { params, query }) =>
    params.kind === 'areas'
      ? exports.exportAreas(ctx, query.format)
      : exports.exportPopulation(ctx, query.format),
  ),
];
