import { z } from 'zod';
import { endpoint, TenantCode } from './http';

/*
 * The public HSDS 3.0 read API (Open Referral), one directory per tenant under
 * /api/hsds/v3/{tenant}/. Bodies follow the official schemas (tests validate them against
 * ../shared/standards/hsds-3.0/schema/compiled/*.json); they are passed through as JSON objects here.
 */

const tag = 'hsds';
const Params = z.object({ tenant: TenantCode });
const IdParams = Params.extend({ id: z.string().min(1).max(100) });
const Json = z.record(z.string(), z.unknown());

const Paging = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ title: 'page' }),
  per_page: z.coerce.number().int().min(1).max(500).default(50).meta({ title: 'per_page' }),
});

const Page = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(Json),
});

export const hsdsRoot = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}',
  summary: 'HSDS API の情報',
  tag,
  access: 'public',
  params: Params,
  response: z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }),
});

export const hsdsServices = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/services',
  summary: 'サービス（地域資源）の一覧',
  description:
    'search（日本語の表記ゆれに対応）、taxonomy_term_id、modified_after、proximity=緯度,経度,メートル で絞り込めます。',
  tag,
  access: 'public',
  params: Params,
  query: Paging.extend({
    search: z.string().trim().max(100).optional(),
    taxonomy_term_id: z.string().max(100).optional(),
    modified_after: z.string().max(40).optional(),
    proximity: z.string().max(60).optional(),
    full: z.enum(['true', 'false']).optional(),
  }),
  response: Page,
});

export const hsdsService = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/services/{id}',
  summary: 'サービスの詳細（入れ子を含む）',
  tag,
  access: 'public',
  params: IdParams,
  response: Json,
});

export const hsdsOrganizations = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/organizations',
  summary: '主体の一覧',
  tag,
  access: 'public',
  params: Params,
  query: Paging,
  response: Page,
});

export const hsdsOrganization = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/organizations/{id}',
  summary: '主体の詳細',
  tag,
  access: 'public',
  params: IdParams,
  response: Json,
});

export const hsdsServiceAtLocations = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/service_at_locations',
  summary: 'サービスと場所の組の一覧',
  tag,
  access: 'public',
  params: Params,
  query: Paging,
  response: Page,
});

export const hsdsServiceAtLocation = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/service_at_locations/{id}',
  summary: 'サービスと場所の組',
  tag,
  access: 'public',
  params: IdParams,
  response: Json,
});

export const hsdsTaxonomies = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/taxonomies',
  summary: '分類体系の一覧',
  tag,
  access: 'public',
  params: Params,
  query: Paging,
  response: Page,
});

export const hsdsTaxonomy = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/taxonomies/{id}',
  summary: '分類体系',
  tag,
  access: 'public',
  params: IdParams,
  response: Json,
});

export const hsdsTaxonomyTerms = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/taxonomy_terms',
  summary: '分類の一覧',
  tag,
  access: 'public',
  params: Params,
  query: Paging,
  response: Page,
});

export const hsdsTaxonomyTerm = endpoint({
  method: 'get',
  path: '/api/hsds/v3/{tenant}/taxonomy_terms/{id}',
  summary: '分類',
  tag,
  access: 'public',
  params: IdParams,
  response: Json,
});
