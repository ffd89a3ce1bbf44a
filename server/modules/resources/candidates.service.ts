import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ResourceInput, ScheduleRule } from '../../../contracts/resources';
import { todayInTokyo } from '../../../domain/dates';
import { internArray } from '../../../domain/matching';
import { describeSchedule } from '../../../domain/schedule';
import { MarkedTenantCache } from '../../core/cache';
import { changeMark } from '../../core/change-marks';
import type { TenantContext } from '../../core/context';
import { resourcesPolicy } from './resources.policy';
import { feeText, isStale } from './resources.service';
import { locations, serviceAtLocations, services } from './resources.tables';

export interface ResourceFacts {
  id: string;
  name: string;
  kana: string;
  status: 'active' | 'temporarily closed';
  categories: string[];
  areaIds: string[];
  weekdayMask: number;
  free: boolean;
  feeText: string;
  eligibility: string[];
  capacity: number | null;
  nextCheckDue: string | null;
  lastVerifiedAt: Date | null;
  location: { lat: number; lon: number } | null;
}

/**
 * 地域資源 as the matching module judges them, straight from the database: those still running or
 * only paused, of one of `categories` (all when null), with what the reasons speak of — areas, days,
 * fee, who may use it, capacity, freshness and the place. No schedules are expanded here.
 */
export async function readResourceCandidates(
  ctx: TenantContext,
  categories: readonly string[] | null,
): Promise<ResourceFacts[]> {
  resourcesPolicy.read(ctx);
  if (categories?.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: services.id,
      name: services.name,
      kana: services.kana,
      status: services.status,
      categories: services.categories,
      areaIds: services.effectiveAreaIds,
      weekdayMask: services.weekdayMask,
      free: services.free,
      fees: services.fees,
      eligibility: services.eligibility,
      capacity: services.capacity,
      nextCheckDue: services.nextCheckDue,
      lastVerifiedAt: services.lastVerifiedAt,
      lat: locations.latitude,
      lon: locations.longitude,
    })
    .from(services)
    .leftJoin(
      serviceAtLocations,
      and(eq(serviceAtLocations.tenantId, services.tenantId), eq(serviceAtLocations.serviceId, services.id)),
    )
    .leftJoin(
      locations,
      and(
        eq(locations.tenantId, serviceAtLocations.tenantId),
        eq(locations.id, serviceAtLocations.locationId),
      ),
    )
    .where(
      and(
        eq(services.tenantId, ctx.tenantId),
        inArray(services.status, ['active', 'temporarily closed']),
        categories ? sql`${services.categories} && ${sql.param([...categories])}::text[]` : undefined,
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kana: r.kana,
    status: r.status as 'active' | 'temporarily closed',
    categories: r.categories,
    areaIds: r.areaIds,
    weekdayMask: r.weekdayMask,
    free: r.free,
    feeText: r.free ? '' : feeText(r.fees as z.output<typeof ResourceInput>['fees']),
    eligibility: (r.eligibility as { kinds: string[] }).kinds,
    capacity: r.capacity,
    nextCheckDue: r.nextCheckDue,
    lastVerifiedAt: r.lastVerifiedAt,
    location: r.lat != null && r.lon != null ? { lat: r.lat, lon: r.lon } : null,
  }));
}

// A town's running resources, kept between suggestions and reloaded when any of them changes
// (decision 0012): 20,000 rows read once instead of thousands on every suggestion.
const facts = new MarkedTenantCache<{ all: ResourceFacts[]; byCategory: Map<string, ResourceFacts[]> }>(
  10 * 60_000,
  32,
);

/**
 * The same as `readResourceCandidates`, from the town's cached facts (checked against the newest
 * change first); staleness is computed for today on every call.
 */
export async function resourceCandidates(ctx: TenantContext, categories: readonly string[]) {
  resourcesPolicy.read(ctx);
  if (categories.length === 0) return [];
  const index = await facts.get(
    ctx.tenantId,
    () => changeMark(ctx, 'resources'),
    async () => {
      const all = await readResourceCandidates(ctx, null);
      const byCategory = new Map<string, ResourceFacts[]>();
      // Equal lists become one array: the judge remembers its work per list (internArray).
      const lists = new Map<string, string[]>();
      for (const r of all) {
        r.categories = internArray(lists, r.categories);
        r.areaIds = internArray(lists, r.areaIds);
      }
      for (const r of all)
        for (const c of r.categories) {
          const list = byCategory.get(c);
          if (list) list.push(r);
          else byCategory.set(c, [r]);
        }
      return { all, byCategory };
    },
  );
  const today = todayInTokyo(ctx.now());
  const seen = new Set<string>();
  const out: Readonly<ResourceFacts & { stale: boolean }>[] = [];
  for (const c of categories)
    for (const r of index.byCategory.get(c) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      let day = dated.get(r);
      if (day?.on !== today) {
        day = { on: today, row: { ...r, stale: isStale(r.nextCheckDue, today) } };
        dated.set(r, day);
      }
      out.push(day.row);
    }
  return out;
}

// Each cached resource with its staleness for the day, made once a day rather than on every
// suggestion (thousands of copies a call otherwise); shared, so callers must not change them.
const dated = new WeakMap<ResourceFacts, { on: string; row: ResourceFacts & { stale: boolean } }>();

/** One resource for a referral: of this tenant and not ended, or null. */
export async function referableResource(ctx: TenantContext, id: string) {
  resourcesPolicy.read(ctx);
  const [row] = await ctx.db
    .select({
      id: services.id,
      name: services.name,
      status: services.status,
      categories: services.categories,
    })
    .from(services)
    .where(and(eq(services.tenantId, ctx.tenantId), eq(services.id, id)));
  return row ?? null;
}

/** A second line for a few resources (the place and the days, the public phone), for suggestion cards. */
export async function resourceBriefs(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, { place: string; schedule: string; phone: string | null }>> {
  resourcesPolicy.read(ctx);
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({
      id: services.id,
      schedules: services.schedules,
      phones: services.phones,
      place: locations.name,
    })
    .from(services)
    .leftJoin(
      serviceAtLocations,
      and(eq(serviceAtLocations.tenantId, services.tenantId), eq(serviceAtLocations.serviceId, services.id)),
    )
    .leftJoin(
      locations,
      and(
        eq(locations.tenantId, serviceAtLocations.tenantId),
        eq(locations.id, serviceAtLocations.locationId),
      ),
    )
    .where(and(eq(services.tenantId, ctx.tenantId), inArray(services.id, [...ids])));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        place: r.place ?? '',
        schedule: (r.schedules as ScheduleRule[]).map((s) => describeSchedule(s as never)).join('／'),
        phone: (r.phones as { number: string; public: boolean }[]).find((p) => p.public)?.number ?? null,
      },
    ]),
  );
}

/** The 主体 running each of these resources (those without one are absent). */
export async function resourceOrganizationIds(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  resourcesPolicy.read(ctx);
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: services.id, organizationId: services.organizationId })
    .from(services)
    .where(and(eq(services.tenantId, ctx.tenantId), inArray(services.id, [...new Set(ids)])));
  return new Map(rows.flatMap((r) => (r.organizationId ? [[r.id, r.organizationId] as const] : [])));
}
