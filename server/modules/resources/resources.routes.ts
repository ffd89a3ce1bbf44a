import * as c from '../../../contracts/resources';
import { route } from '../../core/http';
import { exportResources } from './export.service';
import * as imports from './import.service';
import * as orgs from './organizations.service';
import * as service from './resources.service';
import * as taxonomy from './taxonomy.service';

export const resourcesRoutes = [
  route(c.searchResources, (ctx, { query }) => service.searchResources(ctx, query)),
  route(c.resourcePoints, (ctx, { query }) => service.resourcePoints(ctx, query)),
  route(c.getResource, (ctx, { params }) => service.getResource(ctx, params.id)),
  route(c.createResource, (ctx, { body }) => service.createResource(ctx, body)),
  route(c.updateResource, (ctx, { params, body }) => service.updateResource(ctx, params.id, body)),
  route(c.verifyResource, (ctx, { params, body }) => service.verifyResource(ctx, params.id, body.version)),
  route(c.similarResources, (ctx, { query }) => service.similarResources(ctx, query)),
  route(c.reviewQueue, (ctx, { query }) => service.reviewQueue(ctx, query)),
  route(c.listRevisions, async (ctx, { params }) => ({
    revisions: await service.listRevisions(ctx, params.id),
  })),
  route(c.restoreRevision, (ctx, { params, body }) =>
    service.restoreRevision(ctx, params.id, params.revision, body.version),
  ),
  route(c.listOrganizations, async (ctx, { query }) => ({
    organizations: await orgs.listOrganizations(ctx, query),
  })),
  route(c.createOrganization, (ctx, { body }) => orgs.createOrganization(ctx, body)),
  route(c.updateOrganization, async (ctx, { params, body }) => {
    const org = await orgs.updateOrganization(ctx, params.id, body);
    await service.reindexResources(ctx, { organizationId: params.id });
    return org;
  }),
  route(c.listTaxonomy, async (ctx) => ({ terms: await taxonomy.listTaxonomy(ctx) })),
  route(c.saveTaxonomyTerm, async (ctx, { params, body }) => {
    const term = await taxonomy.saveTerm(ctx, params.code, body);
    await service.reindexResources(ctx, { category: params.code });
    return term;
  }),
  route(c.previewResourceImport, (ctx, { query, body }) =>
    imports.previewImport(ctx, { fileName: query.fileName, bytes: body, preset: query.preset }),
  ),
  route(c.remapResourceImport, (ctx, { params, body }) => imports.remapImport(ctx, params.id, body)),
  route(c.getResourceImport, (ctx, { params }) => imports.getImport(ctx, params.id)),
  route(c.commitResourceImport, (ctx, { params }) => imports.commitImport(ctx, params.id)),
  route(c.listImportPresets, async (ctx) => ({ presets: await imports.listPresets(ctx) })),
  route(c.exportResources, (ctx, { query }) => exportResources(ctx, query.format)),
];
