import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Endpoint } from '../../../contracts/http';
import * as hsdsApi from '../../../contracts/resources-hsds';
import {
  datapackage,
  type FallbackOrganization,
  HSDS_TABLES,
  type HsdsTable,
  hsdsRows,
  machineCsv,
  tableCells,
} from '../../../domain/opendata-hsds';
import { licenceInfo } from '../../../domain/opendata-licence';
import type { AppDeps, RouteDef } from '../../core/http';
import { hsdsRoutes, type PublicDirectory } from '../resources';

/*
 * The HSDS 3.0 tabular data package of a tenant's public directory. Its rows are the JSON of the
 * public HSDS read API, flattened — not a second builder — so the zip and the API cannot disagree.
 * Modules reach each other only through their index, which offers the API as route definitions; the
 * handlers are called here the way the router calls them for an anonymous reader.
 */

type Json = Record<string, unknown>;
interface HsdsPage {
  contents: Json[];
  last_page: boolean;
}

/** The API's own page limit (contracts/resources-hsds.ts). */
const PER_PAGE = 500;

function handlerOf(endpoint: Endpoint): RouteDef['handler'] {
  const def = hsdsRoutes.find((r) => r.endpoint === endpoint);
  if (!def) throw new Error(`HSDS route for ${endpoint.path} is not registered`);
  return def.handler;
}

async function readAll(
  endpoint: Endpoint,
  dir: PublicDirectory,
  deps: AppDeps,
  query: Record<string, unknown> = {},
): Promise<Json[]> {
  const handler = handlerOf(endpoint);
  // What mountRoutes gives a public handler; the HSDS handlers read the database, clock and ids only.
  const ctx = {
    db: dir.ctx.db,
    actor: null,
    requestId: dir.ctx.requestId,
    now: dir.ctx.now,
    deps,
    http: {
      ip: 'internal',
      userAgent: null,
      sessionId: null,
      csrfToken: null,
      sessionToken: null,
      setSessionCookie: () => {},
      clearSessionCookie: () => {},
    },
  };
  const out: Json[] = [];
  for (let page = 1; ; page++) {
    const result = (await handler(
      ctx as never,
      {
        params: { tenant: dir.tenant.code },
        query: { page, per_page: PER_PAGE, ...query },
        body: undefined,
      } as never,
    )) as HsdsPage;
    out.push(...result.contents);
    if (result.last_page || result.contents.length === 0) return out;
  }
}

export interface HsdsPackage {
  zip: Uint8Array;
  /** Rows per table, for the downloads page and the tests. */
  counts: Record<HsdsTable, number>;
}

/** The services of the API that are public resources (the API also lists ended ones, with their status). */
export async function hsdsPackage(
  dir: PublicDirectory,
  deps: AppDeps,
  publicIds: ReadonlySet<string>,
  homepage: string,
): Promise<HsdsPackage> {
  const [services, taxonomies, terms] = await Promise.all([
    readAll(hsdsApi.hsdsServices, dir, deps, { full: 'true' }),
    readAll(hsdsApi.hsdsTaxonomies, dir, deps),
    readAll(hsdsApi.hsdsTaxonomyTerms, dir, deps),
  ]);
  const t = dir.tenant;
  const fallback: FallbackOrganization = {
    // Fixed per tenant, so that the same services link to the same row in every download.
    id: fallbackOrganizationId(t.code),
    name: `主体の登録なし（${t.prefecture}${t.name}が掲載）`,
    description:
      '運営する主体がまだ登録されていない地域資源をまとめるための行です。HSDS ではどのサービスにも主体が必要なため設けています。',
  };
  const rows = hsdsRows(
    services.filter((s) => publicIds.has(String(s.id))),
    taxonomies,
    terms,
    fallback,
  );
  const newest = rows.service
    .map((s) => String(s.last_modified ?? ''))
    .sort()
    .at(-1);
  const licence = licenceInfo(t.openDataLicence);
  const descriptor = datapackage({
    name: `sasaeai-${t.code}`,
    title: `${t.prefecture}${t.name}の地域資源（HSDS 3.0）`,
    description: `${t.prefecture}${t.name}の生活支援・介護予防の地域資源（サロン、通いの場、移動販売、見守りなど）。Open Referral HSDS 3.0 の表形式です。日本向けの項目は attribute と分類 sasaeai-profile にあります。`,
    created: newest || dir.ctx.now().toISOString(),
    licence: { name: licence.spdx ?? licence.code, title: licence.title, path: licence.url },
    homepage,
  });
  const files: Record<string, Uint8Array> = {
    'datapackage.json': strToU8(`${JSON.stringify(descriptor, null, 2)}\n`),
  };
  for (const table of Object.keys(HSDS_TABLES) as HsdsTable[]) {
    files[HSDS_TABLES[table].path] = strToU8(machineCsv(tableCells(table, rows[table])));
  }
  // A fixed timestamp inside the zip: the same data gives the same bytes.
  const zip = zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
  const counts = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])) as Record<
    HsdsTable,
    number
  >;
  return { zip, counts };
}

/** A name-based UUID (version 5 layout, SHA-1) fixed per tenant for the fallback organization. */
function fallbackOrganizationId(tenant: string): string {
  const h = createHash('sha1').update(`sasaeai|fallback-organization|${tenant}`).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
