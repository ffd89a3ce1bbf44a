import * as c from '../../../contracts/resources-hsds';
import { ANONYMOUS, type BaseContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { type PublicContext, route } from '../../core/http';
import * as hsds from './hsds.service';

/** Public read API: anyone may read a tenant's directory; only public fields are ever built. */
export const hsdsRoutes = [
  route(c.hsdsRoot, async (_ctx, { params }) => ({
    version: '3.0',
    profile: 'https://github.com/sasaeai/sasaeai/blob/main/docs/hsds-profile.md',
    openapi_url: `/api/openapi.json#hsds-${params.tenant}`,
  })),
  route(c.hsdsServices, (ctx, { params, query }) =>
    hsds.hsdsServices(asBase(ctx), params.tenant, query, query.full === 'true'),
  ),
  route(c.hsdsService, (ctx, { params }) => hsds.hsdsService(asBase(ctx), params.tenant, params.id)),
  route(c.hsdsOrganizations, (ctx, { params, query }) =>
    hsds.hsdsOrganizations(asBase(ctx), params.tenant, query),
  ),
  route(c.hsdsOrganization, (ctx, { params }) =>
    hsds.hsdsOrganization(asBase(ctx), params.tenant, params.id),
  ),
  route(c.hsdsServiceAtLocations, (ctx, { params, query }) =>
    hsds.hsdsServiceAtLocations(asBase(ctx), params.tenant, query),
  ),
  route(c.hsdsServiceAtLocation, (ctx, { params }) =>
    hsds.hsdsServiceAtLocation(asBase(ctx), params.tenant, params.id),
  ),
  route(c.hsdsTaxonomies, async (ctx, { params, query }) => {
    const all = await hsds.hsdsTaxonomies(asBase(ctx), params.tenant);
    return hsds.page(
      all.slice((query.page - 1) * query.per_page, query.page * query.per_page),
      all.length,
      query,
    );
  }),
  route(c.hsdsTaxonomy, async (ctx, { params }) => {
    const hit = (await hsds.hsdsTaxonomies(asBase(ctx), params.tenant)).find((t) => t.id === params.id);
    if (!hit) throw notFound('分類体系');
    return hit;
  }),
  route(c.hsdsTaxonomyTerms, async (ctx, { params, query }) => {
    const all = await hsds.hsdsTaxonomyTerms(asBase(ctx), params.tenant);
    return hsds.page(
      all.slice((query.page - 1) * query.per_page, query.page * query.per_page),
      all.length,
      query,
    );
  }),
  route(c.hsdsTaxonomyTerm, async (ctx, { params }) => {
    const hit = (await hsds.hsdsTaxonomyTerms(asBase(ctx), params.tenant)).find(
      (t) => t.id === params.id || t.code === params.id,
    );
    if (!hit) throw notFound('分類');
    return hit;
  }),
];

/** The public API acts as no one: an anonymous reader that no policy grants anything. */
const asBase = (ctx: PublicContext): BaseContext => ({ ...ctx, actor: ANONYMOUS });
