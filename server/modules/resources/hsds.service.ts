import { createHash } from 'node:crypto';
import { and, asc, eq, gte, type SQL, sql } from 'drizzle-orm';
import type { ScheduleRule } from '../../../contracts/resources';
import { LIFE_SUPPORT_TAXONOMY_ID } from '../../../domain/life-support-taxonomy';
import { distanceMetres, ELIGIBILITY_KINDS } from '../../../domain/resources';
import { toHsdsSchedule } from '../../../domain/schedule';
import type { BaseContext, TenantContext } from '../../core/context';
import { fieldError, notFound } from '../../core/errors';
import { tenants } from '../../core/tenancy.tables';
import { tenantAreas } from '../areas';
import { servicesWithPlace, textConditions } from './resources.service';
import { locations, organizations, serviceAtLocations, services } from './resources.tables';
import { type TermRow, tenantTerms } from './taxonomy.service';

/*
 * The public directory in HSDS 3.0 (Open Referral). Only public data leaves: no internal notes,
 * no private contacts or phones, nothing about people. Japanese additions (資源の種類, 総合事業の
 * 類型, 利用できる人, 定員, 確認日) are attributes under the `sasaeai-profile` taxonomy, documented in
 * docs/hsds-profile.md; the base schema is never bent.
 */

type ServiceRow = typeof services.$inferSelect;
type LocationRow = typeof locations.$inferSelect;
type OrgRow = typeof organizations.$inferSelect;
type Json = Record<string, unknown>;

/** Stable UUIDs for rows HSDS wants ids on but we keep as parts of a document (phones, schedules …). */
export function derivedId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const TAXONOMY_UUID = (tenant: string) => derivedId('taxonomy', tenant, LIFE_SUPPORT_TAXONOMY_ID);
const PROFILE_TAXONOMY_UUID = (tenant: string) => derivedId('taxonomy', tenant, 'sasaeai-profile');

const PROFILE_TERMS = {
  kind: { name: '資源の種類', description: 'formal（フォーマル）または informal（インフォーマル）' },
  'sogo-type': {
    name: '総合事業の類型',
    description: '訪問型・通所型の従前相当/A/B/C/D、その他の生活支援サービス、一般介護予防事業、制度外',
  },
  eligibility: {
    name: '利用できる人',
    description: 'anyone, aged65, support-needed, care-needed, members, residents, family, other',
  },
  capacity: { name: '定員', description: '人数' },
  'last-verified': { name: '最終確認日', description: '内容を最後に確認した日（ISO 8601）' },
  'next-check': { name: '次回確認日', description: '次に内容を確認する予定日' },
  area: { name: '対象の地域', description: '市町村の地域（第1層・第2層・第3層）の名前' },
} as const;

function profileTerm(tenant: string, code: keyof typeof PROFILE_TERMS): Json {
  return {
    id: derivedId('profile-term', tenant, code),
    code,
    name: PROFILE_TERMS[code].name,
    description: PROFILE_TERMS[code].description,
    taxonomy: 'sasaeai-profile',
    taxonomy_id: PROFILE_TAXONOMY_UUID(tenant),
    language: 'ja',
  };
}

function termJson(tenant: string, t: TermRow, terms: readonly TermRow[]): Json {
  const parent = t.parentCode ? terms.find((x) => x.code === t.parentCode) : undefined;
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description || t.name,
    ...(parent ? { parent_id: parent.id } : {}),
    taxonomy: LIFE_SUPPORT_TAXONOMY_ID,
    taxonomy_id: TAXONOMY_UUID(tenant),
    language: 'ja',
  };
}

function attribute(serviceId: string, term: Json, value: string): Json {
  return {
    id: derivedId('attribute', serviceId, String(term.code), value),
    link_id: serviceId,
    link_type: 'service',
    link_entity: 'service',
    taxonomy_term_id: term.id,
    taxonomy_term: term,
    value,
  };
}

function addressOf(loc: LocationRow, tenant: { name: string; prefecture: string }): Json {
  // 住所 in Japan is one line; HSDS wants parts. Keep the whole line in address_1 minus the prefix.
  let line = loc.address;
  for (const prefix of [tenant.prefecture, tenant.name])
    if (line.startsWith(prefix)) line = line.slice(prefix.length);
  return {
    id: derivedId('address', loc.id),
    location_id: loc.id,
    address_1: line || loc.address,
    city: tenant.name,
    state_province: tenant.prefecture,
    postal_code: loc.postalCode,
    country: 'JP',
    address_type: 'physical',
  };
}

function locationJson(
  loc: LocationRow,
  tenant: { name: string; prefecture: string },
  areaName: string | null,
): Json {
  return {
    id: loc.id,
    location_type: 'physical',
    name: loc.name,
    ...(loc.latitude !== null ? { latitude: loc.latitude, longitude: loc.longitude } : {}),
    ...(loc.transportation ? { transportation: loc.transportation } : {}),
    ...(areaName ? { description: `地域：${areaName}` } : {}),
    addresses: loc.address ? [addressOf(loc, tenant)] : [],
    accessibility: loc.accessibility
      ? [{ id: derivedId('accessibility', loc.id), location_id: loc.id, description: loc.accessibility }]
      : [],
  };
}

function organizationJson(org: OrgRow): Json {
  return {
    id: org.id,
    name: org.name,
    description: org.description || `${org.kind}`,
    ...(org.website ? { website: org.website } : {}),
    ...(org.email ? { email: org.email } : {}),
    phones: org.phone
      ? [{ id: derivedId('org-phone', org.id), organization_id: org.id, number: org.phone }]
      : [],
  };
}

interface Env {
  tenant: { code: string; name: string; prefecture: string };
  terms: TermRow[];
  areaName: (id: string) => string | null;
}

/** One service as HSDS: `full` nests everything (the /services/{id} shape), else one-to-one fields only. */
export function serviceJson(
  s: ServiceRow,
  loc: LocationRow | null,
  org: OrgRow | null,
  env: Env,
  full: boolean,
): Json {
  const fees = s.fees as {
    free: boolean;
    description: string;
    options: { label: string; amount: number | null; note: string }[];
  };
  const eligibility = s.eligibility as { kinds: (keyof typeof ELIGIBILITY_KINDS)[]; description: string };
  const base: Json = {
    id: s.id,
    ...(org ? { organization_id: org.id } : {}),
    name: s.name,
    ...(s.alternateName ? { alternate_name: s.alternateName } : {}),
    description: s.description,
    ...(s.url ? { url: s.url } : {}),
    ...(s.email ? { email: s.email } : {}),
    status: s.status,
    ...(s.applicationProcess ? { application_process: s.applicationProcess } : {}),
    fees_description:
      fees.free && fees.options.length === 0
        ? `無料${fees.description ? `（${fees.description}）` : ''}`
        : fees.description,
    eligibility_description: [
      eligibility.kinds.map((k) => ELIGIBILITY_KINDS[k]).join('・'),
      eligibility.description,
    ]
      .filter(Boolean)
      .join('／'),
    ...(s.lastVerifiedAt ? { assured_date: s.lastVerifiedAt.toISOString().slice(0, 10) } : {}),
    last_modified: s.updatedAt.toISOString(),
  };
  if (!full) return base;
  const tenant = env.tenant.code;
  const terms = s.categories
    .map((c) => env.terms.find((t) => t.code === c))
    .filter((t): t is TermRow => Boolean(t))
    .map((t) => termJson(tenant, t, env.terms));
  const profile: Json[] = [
    attribute(s.id, profileTerm(tenant, 'kind'), s.kind),
    ...(s.sogoType ? [attribute(s.id, profileTerm(tenant, 'sogo-type'), s.sogoType)] : []),
    ...eligibility.kinds.map((k) => attribute(s.id, profileTerm(tenant, 'eligibility'), k)),
    ...(s.capacity !== null ? [attribute(s.id, profileTerm(tenant, 'capacity'), String(s.capacity))] : []),
    ...(s.lastVerifiedAt
      ? [attribute(s.id, profileTerm(tenant, 'last-verified'), s.lastVerifiedAt.toISOString())]
      : []),
    ...(s.nextCheckDue ? [attribute(s.id, profileTerm(tenant, 'next-check'), s.nextCheckDue)] : []),
  ];
  const phones = (s.phones as { number: string; description: string; public: boolean }[])
    .filter((p) => p.public)
    .map((p, i) => ({
      id: derivedId('phone', s.id, String(i)),
      service_id: s.id,
      number: p.number,
      ...(p.description ? { description: p.description } : {}),
      languages: [],
    }));
  const contacts = (
    s.contacts as { name: string; title: string; phone: string; email: string; public: boolean }[]
  )
    .filter((c) => c.public)
    .map((c, i) => {
      const id = derivedId('contact', s.id, String(i));
      return {
        id,
        service_id: s.id,
        name: c.name,
        ...(c.title ? { title: c.title } : {}),
        ...(c.email ? { email: c.email } : {}),
        phones: c.phone ? [{ id: derivedId('contact-phone', id), contact_id: id, number: c.phone }] : [],
      };
    });
  const schedules = (s.schedules as ScheduleRule[]).map((rule, i) => {
    const h = toHsdsSchedule(rule as never);
    return {
      id: derivedId('schedule', s.id, String(i)),
      service_id: s.id,
      ...Object.fromEntries(Object.entries(h).filter(([, v]) => v !== null && v !== undefined)),
      timezone: 9,
    };
  });
  const costs = (s.fees as { options: { label: string; amount: number | null; note: string }[] }).options.map(
    (o, i) => ({
      id: derivedId('cost', s.id, String(i)),
      service_id: s.id,
      option: o.label,
      ...(o.amount !== null ? { amount: o.amount, currency: 'JPY' } : {}),
      ...(o.note ? { amount_description: o.note } : {}),
    }),
  );
  const serviceAreas = s.effectiveAreaIds
    .map((id) => ({ id, name: env.areaName(id) }))
    .filter((a): a is { id: string; name: string } => Boolean(a.name))
    .map((a) => ({
      id: derivedId('service-area', s.id, a.id),
      service_id: s.id,
      name: a.name,
      extent_type: 'other',
    }));
  return {
    ...base,
    phones,
    schedules,
    service_areas: serviceAreas,
    service_at_locations: loc
      ? [
          {
            id: derivedId('sal', s.id, loc.id),
            service_id: s.id,
            location_id: loc.id,
            location: locationJson(loc, env.tenant, loc.areaId ? env.areaName(loc.areaId) : null),
          },
        ]
      : [],
    languages: [{ id: derivedId('language', s.id), service_id: s.id, name: '日本語', code: 'ja' }],
    ...(org ? { organization: organizationJson(org) } : {}),
    cost_options: costs,
    contacts,
    attributes: [...terms.map((t) => attribute(s.id, t, String(t.code))), ...profile],
  };
}

// ---------------------------------------------------------------------------------------------

export interface HsdsQuery {
  search?: string;
  taxonomy_term_id?: string;
  modified_after?: string;
  proximity?: string;
  page: number;
  per_page: number;
}

/** The public API is anonymous; it acts as nobody inside the named tenant. */
export async function hsdsEnv(
  ctx: BaseContext,
  tenantCode: string,
): Promise<{ ctx: TenantContext; env: Env }> {
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.code, tenantCode));
  if (!tenant) throw notFound('団体');
  const tctx: TenantContext = { ...ctx, tenantId: tenant.code };
  const [areas, terms] = await Promise.all([tenantAreas(tctx), tenantTerms(tctx)]);
  const names = new Map(areas.map((a) => [a.id, a.name]));
  return {
    ctx: tctx,
    env: {
      tenant: { code: tenant.code, name: tenant.name, prefecture: tenant.prefecture },
      terms,
      areaName: (id) => names.get(id) ?? null,
    },
  };
}

export function page<T>(contents: T[], total: number, q: { page: number; per_page: number }) {
  const totalPages = Math.max(1, Math.ceil(total / q.per_page));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: q.page,
    size: contents.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** `proximity=緯度,経度,メートル` (HSDS leaves the form open; a postcode centroid is not available in Japan's open data). */
function readProximity(p: string | undefined): { lat: number; lon: number; metres: number } | null {
  if (!p) return null;
  const [lat, lon, metres] = p.split(',').map(Number);
  if (![lat, lon, metres].every((n) => Number.isFinite(n)) || metres! <= 0) {
    throw fieldError(
      'proximity',
      'proximity：「緯度,経度,メートル」の形で指定してください（例：34.34,134.05,1000）。',
    );
  }
  return { lat: lat!, lon: lon!, metres: Math.min(metres!, 100_000) };
}

export async function hsdsServices(base: BaseContext, tenantCode: string, q: HsdsQuery, full = false) {
  const { ctx, env } = await hsdsEnv(base, tenantCode);
  const where: SQL[] = [eq(services.tenantId, ctx.tenantId)];
  if (q.search) where.push(...(await textConditions(q.search)).conditions);
  if (q.taxonomy_term_id) {
    const term = env.terms.find((t) => t.id === q.taxonomy_term_id || t.code === q.taxonomy_term_id);
    if (!term) return page([], 0, q);
    const codes = [term.code, ...env.terms.filter((t) => t.parentCode === term.code).map((t) => t.code)];
    where.push(sql`${services.categories} && ${sql.param(codes)}::text[]`);
  }
  if (q.modified_after) {
    const t = new Date(q.modified_after);
    if (Number.isNaN(t.getTime()))
      throw fieldError('modified_after', 'modified_after：日時（ISO 8601）で指定してください。');
    where.push(gte(services.updatedAt, t));
  }
  const near = readProximity(q.proximity);
  if (near) {
    // A bounding box in SQL, then the exact distance here.
    const dLat = near.metres / 111_000;
    const dLon = near.metres / (111_000 * Math.cos((near.lat * Math.PI) / 180));
    where.push(sql`${locations.latitude} between ${near.lat - dLat} and ${near.lat + dLat}`);
    where.push(sql`${locations.longitude} between ${near.lon - dLon} and ${near.lon + dLon}`);
  }
  let rows = await servicesWithPlace(ctx)
    .where(and(...where))
    .orderBy(asc(services.kana), asc(services.id));
  if (near) {
    rows = rows.filter(
      (r) =>
        r.loc?.latitude != null &&
        distanceMetres(near, { lat: r.loc.latitude, lon: r.loc.longitude! }) <= near.metres,
    );
  }
  const slice = rows.slice((q.page - 1) * q.per_page, q.page * q.per_page);
  return page(
    slice.map((r) => serviceJson(r.s, r.loc, r.org, env, full)),
    rows.length,
    q,
  );
}

export async function hsdsService(base: BaseContext, tenantCode: string, id: string) {
  const { ctx, env } = await hsdsEnv(base, tenantCode);
  const [row] = await servicesWithPlace(ctx).where(
    and(eq(services.tenantId, ctx.tenantId), eq(services.id, id)),
  );
  if (!row) throw notFound('サービス');
  return serviceJson(row.s, row.loc, row.org, env, true);
}

export async function hsdsOrganizations(
  base: BaseContext,
  tenantCode: string,
  q: { page: number; per_page: number },
) {
  const { ctx } = await hsdsEnv(base, tenantCode);
  const rows = await ctx.db
    .select()
    .from(organizations)
    .where(eq(organizations.tenantId, ctx.tenantId))
    .orderBy(asc(organizations.kana), asc(organizations.id));
  const slice = rows.slice((q.page - 1) * q.per_page, q.page * q.per_page);
  return page(
    slice.map((o) => {
      const { phones: _p, ...rest } = organizationJson(o);
      return rest;
    }),
    rows.length,
    q,
  );
}

export async function hsdsOrganization(base: BaseContext, tenantCode: string, id: string) {
  const { ctx, env } = await hsdsEnv(base, tenantCode);
  const [org] = await ctx.db
    .select()
    .from(organizations)
    .where(and(eq(organizations.tenantId, ctx.tenantId), eq(organizations.id, id)));
  if (!org) throw notFound('主体');
  const rows = await servicesWithPlace(ctx).where(
    and(eq(services.tenantId, ctx.tenantId), eq(services.organizationId, id)),
  );
  return { ...organizationJson(org), services: rows.map((r) => serviceJson(r.s, r.loc, null, env, false)) };
}

export async function hsdsServiceAtLocations(
  base: BaseContext,
  tenantCode: string,
  q: { page: number; per_page: number },
) {
  const { ctx, env } = await hsdsEnv(base, tenantCode);
  const rows = await ctx.db
    .select({ sal: serviceAtLocations, loc: locations, s: services })
    .from(serviceAtLocations)
    .innerJoin(
      locations,
      and(
        eq(locations.tenantId, serviceAtLocations.tenantId),
        eq(locations.id, serviceAtLocations.locationId),
      ),
    )
    .innerJoin(
      services,
      and(eq(services.tenantId, serviceAtLocations.tenantId), eq(services.id, serviceAtLocations.serviceId)),
    )
    .where(eq(serviceAtLocations.tenantId, ctx.tenantId))
    .orderBy(asc(services.kana), asc(serviceAtLocations.id));
  const slice = rows.slice((q.page - 1) * q.per_page, q.page * q.per_page);
  return page(
    slice.map((r) => ({
      id: derivedId('sal', r.s.id, r.loc.id),
      service_id: r.s.id,
      location_id: r.loc.id,
      location: locationJson(r.loc, env.tenant, r.loc.areaId ? env.areaName(r.loc.areaId) : null),
      service: serviceJson(r.s, null, null, env, false),
    })),
    rows.length,
    q,
  );
}

export async function hsdsServiceAtLocation(base: BaseContext, tenantCode: string, id: string) {
  const list = await hsdsServiceAtLocations(base, tenantCode, { page: 1, per_page: 100_000 });
  const hit = list.contents.find((c) => c.id === id);
  if (!hit) throw notFound('サービスの場所');
  return hit;
}

export async function hsdsTaxonomies(base: BaseContext, tenantCode: string) {
  await hsdsEnv(base, tenantCode);
  return [
    {
      id: TAXONOMY_UUID(tenantCode),
      name: LIFE_SUPPORT_TAXONOMY_ID,
      description: 'ささえあいの生活支援の分類（日本語、よみ・言いかえつき）',
      version: '1',
    },
    {
      id: PROFILE_TAXONOMY_UUID(tenantCode),
      name: 'sasaeai-profile',
      description:
        'ささえあいの日本向けプロファイル（資源の種類、総合事業の類型、利用できる人、定員、確認日）',
      version: '1',
    },
  ];
}

export async function hsdsTaxonomyTerms(base: BaseContext, tenantCode: string) {
  const { env } = await hsdsEnv(base, tenantCode);
  return [
    ...env.terms.map((t) => termJson(tenantCode, t, env.terms)),
    ...(Object.keys(PROFILE_TERMS) as (keyof typeof PROFILE_TERMS)[]).map((k) => profileTerm(tenantCode, k)),
  ];
}

/** For export: every service of a tenant in full HSDS form. */
export async function allServicesJson(ctx: TenantContext): Promise<Json[]> {
  const { env } = await hsdsEnv(ctx, ctx.tenantId);
  const rows = await servicesWithPlace(ctx)
    .where(eq(services.tenantId, ctx.tenantId))
    .orderBy(asc(services.kana), asc(services.id));
  return rows.map((r) => serviceJson(r.s, r.loc, r.org, env, true));
}
