import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Opportunity, OpportunityInput } from '../../../contracts/matching';
import { subtreeIds } from '../../../domain/areas';
import { weekdayMask, weekdaysOfMask } from '../../../domain/helpers';
import { type OpportunityStatus, opportunityKindLabel } from '../../../domain/opportunities';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { matchingPolicy } from './matching.policy';
import { type WorkOpportunityRow, workOpportunities } from './matching.tables';
import { inUseCounts } from './referral-counts';

type ParsedInput = z.output<typeof OpportunityInput>;

function toOpportunity(
  ctx: TenantContext,
  row: WorkOpportunityRow,
  all: readonly AreaRow[],
  used: number,
): Opportunity {
  return {
    id: row.id,
    title: row.title,
    organizationId: row.organizationId,
    offeredBy: row.offeredBy,
    kinds: row.kinds,
    kindLabels: row.kinds.map(opportunityKindLabel),
    description: row.description,
    conditions: row.conditions,
    areaIds: row.areaIds,
    areaNames: row.areaIds.map((id) => all.find((a) => a.id === id)?.name ?? ''),
    weekdays: weekdaysOfMask(row.weekdayMask),
    timeNote: row.timeNote,
    paid: row.paid,
    rewardNote: row.rewardNote,
    capacity: row.capacity,
    inUse: used,
    contact: row.contact,
    status: row.status as OpportunityStatus,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    canEdit: matchingPolicy.mayWriteOpportunity(ctx, all, row.areaIds),
  };
}

async function present(ctx: TenantContext, rows: WorkOpportunityRow[], all: readonly AreaRow[]) {
  const used = await inUseCounts(
    ctx,
    'opportunity',
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOpportunity(ctx, r, all, used.get(r.id) ?? 0));
}

function values(input: ParsedInput, all: readonly AreaRow[]) {
  const missing = input.areaIds.findIndex((id) => !all.some((a) => a.id === id));
  if (missing >= 0) throw fieldError(`areaIds.${missing}`, '活動する地域：見つかりません。');
  return {
    title: input.title,
    organizationId: input.organizationId,
    offeredBy: input.offeredBy,
    kinds: [...new Set(input.kinds)],
    description: input.description,
    conditions: input.conditions,
    areaIds: [...new Set(input.areaIds)],
    weekdayMask: weekdayMask(input.weekdays),
    timeNote: input.timeNote,
    paid: input.paid,
    rewardNote: input.rewardNote,
    capacity: input.capacity,
    contact: input.contact,
    status: input.status,
  };
}

export async function listOpportunities(
  ctx: TenantContext,
  q: { status?: OpportunityStatus; kind?: string; area?: string },
) {
  matchingPolicy.readOpportunities(ctx);
  const all = await tenantAreas(ctx);
  const where: SQL[] = [eq(workOpportunities.tenantId, ctx.tenantId)];
  if (q.status) where.push(eq(workOpportunities.status, q.status));
  if (q.kind) where.push(sql`${workOpportunities.kinds} @> array[${q.kind}]::text[]`);
  if (q.area) {
    if (!all.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
    // In the area, below it, above it (town-wide), or anywhere (no area given).
    const ids = [...subtreeIds(all, [q.area])];
    let a = all.find((x) => x.id === q.area);
    while (a?.parentId) {
      ids.push(a.parentId);
      a = all.find((x) => x.id === a!.parentId);
    }
    where.push(
      sql`(${workOpportunities.areaIds} && ${sql.param(ids)}::uuid[] or cardinality(${workOpportunities.areaIds}) = 0)`,
    );
  }
  const rows = await ctx.db
    .select()
    .from(workOpportunities)
    .where(and(...where))
    .orderBy(
      sql`case ${workOpportunities.status} when 'open' then 0 when 'paused' then 1 else 2 end`,
      asc(workOpportunities.title),
    );
  return { items: await present(ctx, rows, all) };
}

async function findRow(ctx: TenantContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(workOpportunities)
    .where(and(eq(workOpportunities.tenantId, ctx.tenantId), eq(workOpportunities.id, id)));
  if (!row) throw notFound('就労的活動');
  return row;
}

export async function getOpportunity(ctx: TenantContext, id: string) {
  matchingPolicy.readOpportunities(ctx);
  const all = await tenantAreas(ctx);
  return { opportunity: (await present(ctx, [await findRow(ctx, id)], all))[0]! };
}

export async function createOpportunity(ctx: TenantContext, input: ParsedInput): Promise<Opportunity> {
  const all = await tenantAreas(ctx);
  matchingPolicy.writeOpportunity(ctx, all, input.areaIds);
  const v = values(input, all);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(workOpportunities)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        ...v,
        createdBy: actorDisplayName(tx.actor),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'opportunity',
      entityId: row!.id,
      action: 'create',
      detail: { title: v.title },
    });
    return (await present(tx, [row!], all))[0]!;
  });
}

export async function updateOpportunity(
  ctx: TenantContext,
  id: string,
  input: ParsedInput & { version: number },
): Promise<Opportunity> {
  const all = await tenantAreas(ctx);
  matchingPolicy.writeOpportunity(ctx, all, input.areaIds);
  const v = values(input, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    matchingPolicy.writeOpportunity(tx, all, before.areaIds);
    const [row] = await tx.db
      .update(workOpportunities)
      .set({ ...v, version: input.version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(workOpportunities.tenantId, tx.tenantId),
          eq(workOpportunities.id, id),
          eq(workOpportunities.version, input.version),
        ),
      )
      .returning();
    if (!row) throw conflict((await present(tx, [before], all))[0]);
    const changed = Object.keys(v).filter(
      (k) =>
        JSON.stringify((before as Record<string, unknown>)[k]) !==
        JSON.stringify((v as Record<string, unknown>)[k]),
    );
    await recordAudit(tx, {
      entity: 'opportunity',
      entityId: id,
      action: 'update',
      detail: { fields: changed },
    });
    return (await present(tx, [row], all))[0]!;
  });
}

/** An opening a person can be referred to now: of this tenant and 募集中. */
export async function referableOpportunity(ctx: TenantContext, id: string): Promise<WorkOpportunityRow> {
  const [row] = await ctx.db
    .select()
    .from(workOpportunities)
    .where(and(eq(workOpportunities.tenantId, ctx.tenantId), eq(workOpportunities.id, id)));
  if (!row) throw fieldError('targetId', 'つなぎ先の就労的活動：見つかりません。');
  if (row.status !== 'open')
    throw fieldError(
      'targetId',
      `「${row.title}」は今${row.status === 'paused' ? '募集を一時停止' : '募集を終了'}しています。`,
    );
  return row;
}

/** Openings still taking people, for suggestions. */
export async function openOpportunities(ctx: TenantContext) {
  const rows = await ctx.db
    .select()
    .from(workOpportunities)
    .where(and(eq(workOpportunities.tenantId, ctx.tenantId), eq(workOpportunities.status, 'open')));
  const used = await inUseCounts(
    ctx,
    'opportunity',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ row: r, inUse: used.get(r.id) ?? 0 }));
}
