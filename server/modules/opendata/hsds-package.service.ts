import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
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
import { hsdsServices, hsdsTaxonomies, hsdsTaxonomyTerms, type PublicDirectory } from '../resources';

/*
 * The HSDS 3.0 tabular data package of a tenant's public directory. Its rows are the JSON of the
 * public HSDS read API, flattened — not a second builder — so the zip and the API cannot disagree.
 */

type Json = Record<string, unknown>;
interface HsdsPage {
  contents: Json[];
  last_page: boolean;
}

/** The API's own page limit (contracts/resources-hsds.ts). */
const PER_PAGE = 500;

/** Every service of the public HSDS API, page by page, in its full form. */
async function allServices(dir: PublicDirectory): Promise<Json[]> {
  const out: Json[] = [];
  for (let page = 1; ; page++) {
    const result = (await hsdsServices(
      dir.ctx,
      dir.tenant.code,
      { page, per_page: PER_PAGE },
      true,
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
  publicIds: ReadonlySet<string>,
  homepage: string,
): Promise<HsdsPackage> {
  const [services, taxonomies, terms] = await Promise.all([
    allServices(dir),
    hsdsTaxonomies(dir.ctx, dir.tenant.code) as Promise<Json[]>,
    hsdsTaxonomyTerms(dir.ctx, dir.tenant.code) as Promise<Json[]>,
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
