import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PublicResource } from '../../../contracts/portal';
import type { ScheduleRule } from '../../../contracts/resources';
import { ancestorsOf, isValidInFy, subtreeIds } from '../../../domain/areas';
import { addDays, fiscalYearOf, type IsoDate, todayInTokyo } from '../../../domain/dates';
import { ELIGIBILITY_KINDS, type EligibilityKind } from '../../../domain/resources';
import { describeSchedule, nextOccurrences } from '../../../domain/schedule';
import { ANONYMOUS, type BaseContext, type TenantContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { tenants } from '../../core/tenancy.tables';
import type { AreaRow } from '../areas';
import {
  feeText,
  isStale,
  loadWorld,
  type ParsedInput,
  PUBLIC_STATUSES,
  searchPage,
  servicesWithPlace,
  toLocation,
} from './resources.service';
import { services } from './resources.tables';
import { type TermRow, withDescendants } from './taxonomy.service';

/*
 * The public side of the registry: what the portal, the booklet, the calendars and the open data
 * are built from. It acts as no one (anonymous) inside the named tenant and only ever builds
 * `PublicResource`, which has no field for notes, private phones or private contacts.
 */

export interface PublicTenant {
  code: string;
  name: string;
  prefecture: string;
  fictional: boolean;
  openDataLicence: string;
  portalContact: string;
}

export interface PublicDirectory {
  ctx: TenantContext;
  tenant: PublicTenant;
  /** Every area of the tenant (a resource may still point at an old one). */
  areas: AreaRow[];
  /** Areas in use this 年度: what pickers offer. */
  currentAreas: AreaRow[];
  terms: TermRow[];
  today: IsoDate;
}

/** Opens a tenant's public directory; an unknown or malformed 団体コード is a 404. */
export async function openDirectory(base: BaseContext, tenantCode: string): Promise<PublicDirectory> {
  if (!/^\d{6}$/.test(tenantCode)) throw notFound('市町村');
  const [tenant] = await base.db.select().from(tenants).where(eq(tenants.code, tenantCode));
  if (!tenant) throw notFound('市町村');
  const ctx: TenantContext = { ...base, actor: ANONYMOUS, tenantId: tenant.code };
  const { areas, terms } = await loadWorld(ctx);
  const today = todayInTokyo(ctx.now());
  const fy = fiscalYearOf(today);
  return {
    ctx,
    tenant: publicTenant(tenant),
    areas,
    currentAreas: areas.filter((a) => isValidInFy(a, fy)),
    terms,
    today,
  };
}

export interface PublicSearch {
  text?: string;
  area?: string;
  category?: string;
  /** A 大分類 (集う・買い物 …): every category in it. */
  group?: string;
  weekday?: number;
  free?: boolean;
  /** Only what takes place in the next seven days (today included). */
  thisWeek?: boolean;
  page: number;
  perPage: number;
}

/** Upper bound of rows a "this week" search looks at; schedules are checked in memory. */
const THIS_WEEK_SCAN = 2000;

/** The registry's Japanese search, limited to public resources and public fields. */
export async function publicSearch(
  dir: PublicDirectory,
  q: PublicSearch,
): Promise<{ total: number; items: PublicResource[] }> {
  const w = { areas: dir.areas, terms: dir.terms };
  // Unknown areas or categories were dropped by the caller; ask the search only about known ones.
  const area = q.area && dir.areas.some((a) => a.id === q.area) ? q.area : undefined;
  const category = q.category && dir.terms.some((t) => t.code === q.category) ? q.category : undefined;
  const base = {
    q: q.text || undefined,
    area,
    category,
    weekday: q.weekday,
    free: q.free ? ('true' as const) : undefined,
    sort: 'relevance' as const,
  };
  const groupCodes = q.group ? dir.terms.filter((t) => t.portalGroup === q.group).map((t) => t.code) : [];
  const scope = { publicOnly: true, ...(q.group ? { anyOfCategories: groupCodes } : {}) };
  if (!q.thisWeek) {
    const { total, rows } = await searchPage(
      dir.ctx,
      { ...base, page: q.page, perPage: q.perPage },
      w,
      scope,
    );
    return {
      total,
      items: await loadPublic(
        dir,
        rows.map((r) => r.s.id),
      ),
    };
  }
  // "今週": whether a 第2水曜日 falls in the next seven days is a calendar question, not SQL.
  const { rows } = await searchPage(dir.ctx, { ...base, page: 1, perPage: THIS_WEEK_SCAN }, w, scope);
  const until = addDays(dir.today, 6);
  const hits = rows.filter((r) =>
    (r.s.schedules as ScheduleRule[]).some((rule) => {
      const next = nextOccurrences(rule as never, dir.today, 1)[0];
      return next !== undefined && next <= until;
    }),
  );
  const pageIds = hits.slice((q.page - 1) * q.perPage, q.page * q.perPage).map((r) => r.s.id);
  return { total: hits.length, items: await loadPublic(dir, pageIds) };
}

/** One public resource; anything not public (終了・休止中, another tenant's, unknown) is a 404. */
export async function publicResource(dir: PublicDirectory, id: string): Promise<PublicResource> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound('地域資源');
  const [hit] = await loadPublic(dir, [id]);
  if (!hit) throw notFound('地域資源');
  return hit;
}

export interface PublicFilter {
  area?: string;
  category?: string;
}

/**
 * Every public resource (optionally in one area — with what serves it from above — or one
 * category and those below it), by reading: the booklet, calendars, feeds and open data.
 */
export async function publicResources(dir: PublicDirectory, f: PublicFilter = {}): Promise<PublicResource[]> {
  const where: SQL[] = [
    eq(services.tenantId, dir.ctx.tenantId),
    inArray(services.status, [...PUBLIC_STATUSES]),
  ];
  if (f.area) {
    const ids = [...subtreeIds(dir.areas, [f.area]), ...ancestorsOf(dir.areas, f.area).map((a) => a.id)];
    where.push(sql`${services.effectiveAreaIds} && ${sql.param(ids)}::uuid[]`);
  }
  if (f.category) {
    where.push(sql`${services.categories} && ${sql.param(withDescendants(f.category, dir.terms))}::text[]`);
  }
  const rows = await servicesWithPlace(dir.ctx)
    .where(and(...where))
    .orderBy(asc(services.kana), asc(services.name), asc(services.id));
  return rows.map((r) => toPublic(dir, r));
}

async function loadPublic(dir: PublicDirectory, ids: string[]): Promise<PublicResource[]> {
  if (ids.length === 0) return [];
  const rows = await servicesWithPlace(dir.ctx).where(
    and(
      eq(services.tenantId, dir.ctx.tenantId),
      inArray(services.id, ids),
      inArray(services.status, [...PUBLIC_STATUSES]),
    ),
  );
  const byId = new Map(rows.map((r) => [r.s.id, toPublic(dir, r)]));
  return ids.map((id) => byId.get(id)).filter((r): r is PublicResource => Boolean(r));
}

/** The place as residents see it: its row id is internal. */
const withoutId = <T extends { id: unknown }>({ id: _id, ...rest }: T) => rest;

type Row = Awaited<ReturnType<ReturnType<typeof servicesWithPlace>['execute']>>[number];

function toPublic(dir: PublicDirectory, { s, loc, org }: Row): PublicResource {
  const rules = s.schedules as ScheduleRule[];
  const eligibility = s.eligibility as { kinds: EligibilityKind[]; description: string };
  const location = toLocation(loc, dir.areas);
  const phones = s.phones as { number: string; description: string; public: boolean }[];
  const contacts = s.contacts as {
    name: string;
    title: string;
    phone: string;
    email: string;
    public: boolean;
  }[];
  return {
    id: s.id,
    name: s.name,
    kana: s.kana,
    alternateName: s.alternateName,
    description: s.description,
    status: s.status as PublicResource['status'],
    kind: s.kind as PublicResource['kind'],
    categories: s.categories.map((c) => ({ code: c, name: dir.terms.find((t) => t.code === c)?.name ?? c })),
    organizationName: org?.name ?? null,
    eligibility: [
      eligibility.kinds
        .filter((k) => k !== 'other')
        // Residents are addressed politely: 「どなたでも」, not the staff form's 「誰でも」.
        .map((k) => (k === 'anyone' ? 'どなたでも' : ELIGIBILITY_KINDS[k]))
        .join('・'),
      eligibility.description,
    ]
      .filter(Boolean)
      .join('。'),
    capacity: s.capacity,
    applicationProcess: s.applicationProcess,
    free: s.free,
    feeText: feeText(s.fees as ParsedInput['fees']),
    schedules: rules.map((rule) => ({
      rule,
      description: describeSchedule(rule as never),
      nextDates: nextOccurrences(rule as never, dir.today, 5),
    })),
    location: location && withoutId(location),
    areas: s.effectiveAreaIds
      .map((id) => dir.areas.find((a) => a.id === id))
      .filter((a): a is AreaRow => Boolean(a))
      .map((a) => ({ id: a.id, name: a.name, layer: a.layer })),
    // Only what staff marked public ever leaves.
    phones: phones.filter((p) => p.public).map((p) => ({ number: p.number, description: p.description })),
    contacts: contacts
      .filter((c) => c.public)
      .map((c) => ({ name: c.name, title: c.title, phone: c.phone, email: c.email })),
    url: s.url,
    email: s.email,
    lastVerifiedAt: s.lastVerifiedAt?.toISOString() ?? null,
    nextCheckDue: s.nextCheckDue,
    stale: isStale(s.nextCheckDue, dir.today),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Every tenant, for the portal's front door (public facts only). */
export async function publicTenants(base: BaseContext): Promise<PublicTenant[]> {
  const rows = await base.db.select().from(tenants).orderBy(asc(tenants.code));
  return rows.map(publicTenant);
}

/** The facts about a town that public pages show. */
function publicTenant(t: typeof tenants.$inferSelect): PublicTenant {
  return {
    code: t.code,
    name: t.name,
    prefecture: t.prefecture,
    fictional: t.fictional,
    openDataLicence: t.openDataLicence,
    portalContact: t.portalContact,
  };
}
