import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { seatHeldOn } from '../../../domain/councils';
import { todayInTokyo } from '../../../domain/dates';
import type { TenantContext } from '../../core/context';
import { councilMembers, councils, meetings, people, projects } from './councils.tables';

/*
 * What other modules read of councils, as plain data: names for links (activities), meeting counts
 * for the SC report, and every tie for the network. The caller's policy has already decided that
 * the caller may see what it asks for.
 */

/** Names of councils and projects of the tenant by id; unknown ids are absent. */
export async function councilAndProjectNames(
  ctx: TenantContext,
  councilIds: readonly string[],
  projectIds: readonly string[],
) {
  const [c, p] = await Promise.all([
    councilIds.length
      ? ctx.db
          .select({ id: councils.id, name: councils.name })
          .from(councils)
          .where(and(eq(councils.tenantId, ctx.tenantId), inArray(councils.id, [...new Set(councilIds)])))
      : [],
    projectIds.length
      ? ctx.db
          .select({ id: projects.id, name: projects.name, councilId: projects.councilId })
          .from(projects)
          .where(and(eq(projects.tenantId, ctx.tenantId), inArray(projects.id, [...new Set(projectIds)])))
      : [],
  ]);
  return {
    councils: new Map(c.map((r) => [r.id, r.name])),
    projects: new Map(p.map((r) => [r.id, r])),
  };
}

/** Meetings held in a period, by the council's 層 (a 交付金 indicator: 協議体の開催回数). */
export async function meetingsHeldByLayer(ctx: TenantContext, start: string, end: string) {
  const rows = await ctx.db
    .select({ layer: councils.layer, n: count() })
    .from(meetings)
    .innerJoin(councils, and(eq(councils.tenantId, meetings.tenantId), eq(councils.id, meetings.councilId)))
    .where(
      and(
        eq(meetings.tenantId, ctx.tenantId),
        eq(meetings.status, 'held'),
        sql`${meetings.heldOn} between ${start} and ${end}`,
      ),
    )
    .groupBy(councils.layer);
  return [1, 2, 3].map((layer) => ({ layer, meetings: rows.find((r) => r.layer === layer)?.n ?? 0 }));
}

/** Every council, seat, meeting attendance and project membership, for the network of actors. */
export async function councilTies(ctx: TenantContext) {
  const today = todayInTokyo(ctx.now());
  const [councilRows, seats, meetingRows, projectRows, personRows] = await Promise.all([
    ctx.db.select().from(councils).where(eq(councils.tenantId, ctx.tenantId)),
    ctx.db.select().from(councilMembers).where(eq(councilMembers.tenantId, ctx.tenantId)),
    ctx.db
      .select({ id: meetings.id, councilId: meetings.councilId, attendeeIds: meetings.attendeeIds })
      .from(meetings)
      .where(and(eq(meetings.tenantId, ctx.tenantId), eq(meetings.status, 'held'))),
    ctx.db.select().from(projects).where(eq(projects.tenantId, ctx.tenantId)),
    ctx.db.select().from(people).where(eq(people.tenantId, ctx.tenantId)),
  ]);
  return {
    councils: councilRows
      .filter((c) => c.archivedAt === null)
      .map((c) => ({ id: c.id, name: c.name, layer: c.layer, areaId: c.areaId })),
    seats: seats.map((s) => ({
      id: s.id,
      councilId: s.councilId,
      personId: s.personId,
      organizationId: s.organizationId,
      current: seatHeldOn(s, today),
    })),
    meetings: meetingRows,
    projects: projectRows.map((p) => ({
      id: p.id,
      name: p.name,
      councilId: p.councilId,
      personIds: p.personIds,
      organizationIds: p.organizationIds,
    })),
    people: personRows.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      organizationId: p.organizationId,
      areaId: p.areaId,
    })),
  };
}
