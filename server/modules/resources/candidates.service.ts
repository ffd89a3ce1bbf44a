import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ResourceInput, ScheduleRule } from '../../../contracts/resources';
import { todayInTokyo } from '../../../domain/dates';
import { describeSchedule } from '../../../domain/schedule';
import type { TenantContext } from '../../core/context';
import { resourcesPolicy } from './resources.policy';
import { feeText, isStale } from './resources.service';
import { locations, serviceAtLocations, services } from './resources.tables';

/**
 * 地域資源 as the matching module judges them: everything that could meet one of `categories`
 * (the caller passes the need's category family), still running or only paused, with what the
 * reasons speak of — areas, days, fee, who may use it, capacity, freshness and the place.
 * One query through the categories GIN index; no schedules are expanded here.
 */
export async function resourceCandidates(ctx: TenantContext, categories: readonly string[]) {
  resourcesPolicy.read(ctx);
  if (categories.length === 0) return [];
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
        sql`${services.categories} && ${sql.param([...categories])}::text[]`,
      ),
    );
  const today = todayInTokyo(ctx.now());
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
    stale: isStale(r.nextCheckDue, today),
    lastVerifiedAt: r.lastVerifiedAt,
    location: r.lat != null && r.lon != null ? { lat: r.lat, lon: r.lon } : null,
  }));
}

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
