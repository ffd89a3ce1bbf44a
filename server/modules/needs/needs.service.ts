import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Need, NeedEvent, NeedInput } from '../../../contracts/needs';
import { subtreeIds } from '../../../domain/areas';
import { fiscalYearRange, todayInTokyo } from '../../../domain/dates';
import {
  canMoveNeed,
  type NeedSource,
  type NeedStatus,
  type NeedUrgency,
  needStatusLabel,
  nextNeedStatuses,
  OPEN_NEED_STATUSES,
} from '../../../domain/needs';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound, validationFailed } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { assertResidentVisible, registerResidentLinks, residentNames } from '../residents';
import { resourceNames, type TermRow, tenantTerms, withDescendants } from '../resources';
import { needsPolicy } from './needs.policy';
import { type NeedRow, needEvents, needs } from './needs.tables';

type ParsedInput = z.output<typeof NeedInput>;

export interface NeedQuery {
  area?: string;
  category?: string;
  status?: NeedStatus;
  open?: 'true' | 'false';
  source?: NeedSource;
  residentId?: string;
  fy?: number;
  page: number;
  perPage: number;
}

function toNeed(
  row: NeedRow,
  all: readonly AreaRow[],
  terms: readonly TermRow[],
  names: Map<string, string>,
  scope: 'all' | Set<string>,
): Need {
  return {
    id: row.id,
    category: row.category,
    categoryName: terms.find((t) => t.code === row.category)?.name ?? row.category,
    areaId: row.areaId,
    areaName: all.find((a) => a.id === row.areaId)?.name ?? '',
    source: row.source as NeedSource,
    residentId: row.residentId,
    residentName: row.residentId ? (names.get(row.residentId) ?? null) : null,
    people: row.people,
    urgency: row.urgency as NeedUrgency,
    status: row.status as NeedStatus,
    summary: row.summary,
    note: row.note,
    raisedOn: row.raisedOn,
    resourceIds: row.resourceIds,
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canEdit: scope === 'all' || scope.has(row.areaId),
  };
}

/** Needs as the API returns them, with area, category and resident names filled in. */
export async function presentNeeds(ctx: TenantContext, rows: NeedRow[], scope: 'all' | Set<string>) {
  const [all, terms, names] = await Promise.all([
    tenantAreas(ctx),
    tenantTerms(ctx),
    residentNames(
      ctx,
      rows.flatMap((r) => (r.residentId ? [r.residentId] : [])),
    ),
  ]);
  return rows.map((r) => toNeed(r, all, terms, names, scope));
}

/** The WHERE of a needs list: always the tenant, always the caller's areas. */
export function needsWhere(
  ctx: TenantContext,
  scope: 'all' | Set<string>,
  all: readonly AreaRow[],
  terms: readonly TermRow[],
  q: Omit<NeedQuery, 'page' | 'perPage'>,
): SQL {
  const where: SQL[] = [eq(needs.tenantId, ctx.tenantId)];
  if (scope !== 'all') where.push(inArray(needs.areaId, [...scope]));
  if (q.area) {
    if (!all.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
    where.push(inArray(needs.areaId, [...subtreeIds(all, [q.area])]));
  }
  // A category includes its sub-categories (買い物支援 finds 移動販売), as the resource search does.
  if (q.category) where.push(inArray(needs.category, withDescendants(q.category, terms)));
  if (q.status) where.push(eq(needs.status, q.status));
  if (q.open === 'true') where.push(inArray(needs.status, OPEN_NEED_STATUSES));
  if (q.open === 'false')
    where.push(sql`${needs.status} not in ('new', 'in_progress', 'watching', 'unresolved')`);
  if (q.source) where.push(eq(needs.source, q.source));
  if (q.residentId) where.push(eq(needs.residentId, q.residentId));
  if (q.fy) {
    const { start, end } = fiscalYearRange(q.fy);
    where.push(sql`${needs.raisedOn} between ${start} and ${end}`);
  }
  return and(...where)!;
}

export async function listNeeds(ctx: TenantContext, q: NeedQuery) {
  const all = await tenantAreas(ctx);
  const scope = needsPolicy.scope(ctx, all);
  const where = needsWhere(ctx, scope, all, await tenantTerms(ctx), q);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(needs)
      .where(where)
      .orderBy(desc(needs.raisedOn), desc(needs.createdAt), desc(needs.id))
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage),
    ctx.db.select({ n: count() }).from(needs).where(where),
  ]);
  const { page, perPage, ...filters } = q;
  await recordAudit(ctx, {
    entity: 'need',
    action: 'list',
    detail: { shown: rows.length, filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) },
  });
  return { total: total?.n ?? 0, page, perPage, items: await presentNeeds(ctx, rows, scope) };
}

async function findRow(ctx: TenantContext, id: string): Promise<NeedRow> {
  const [row] = await ctx.db
    .select()
    .from(needs)
    .where(and(eq(needs.tenantId, ctx.tenantId), eq(needs.id, id)));
  if (!row) throw notFound('困りごと');
  return row;
}

export async function getNeed(ctx: TenantContext, id: string) {
  const all = await tenantAreas(ctx);
  const scope = needsPolicy.scope(ctx, all);
  const row = await findRow(ctx, id);
  needsPolicy.see(scope, row.areaId);
  const [history, names] = await Promise.all([
    ctx.db
      .select()
      .from(needEvents)
      .where(and(eq(needEvents.tenantId, ctx.tenantId), eq(needEvents.needId, id)))
      .orderBy(needEvents.seq),
    resourceNames(ctx, row.resourceIds),
  ]);
  await recordAudit(ctx, { entity: 'need', entityId: id, action: 'read' });
  const [need] = await presentNeeds(ctx, [row], scope);
  return {
    need: need!,
    history: history.map(
      (e): NeedEvent => ({
        at: e.at.toISOString(),
        actor: e.actor,
        fromStatus: (e.fromStatus as NeedStatus | null) ?? null,
        toStatus: e.toStatus as NeedStatus,
        note: e.note,
      }),
    ),
    resources: row.resourceIds.flatMap((rid) => (names.has(rid) ? [{ id: rid, name: names.get(rid)! }] : [])),
    nextStatuses: nextNeedStatuses(row.status as NeedStatus),
  };
}

/** Checks what the contract cannot: this tenant's category, area, resident and resources. */
async function checkInput(
  ctx: TenantContext,
  input: ParsedInput,
  all: readonly AreaRow[],
  scope: 'all' | Set<string>,
) {
  const terms = await tenantTerms(ctx);
  if (!terms.some((t) => t.code === input.category)) throw fieldError('category', '分類：見つかりません。');
  if (!all.some((a) => a.id === input.areaId)) throw fieldError('areaId', '地域：見つかりません。');
  needsPolicy.place(scope, input.areaId);
  const today = todayInTokyo(ctx.now());
  const raisedOn = input.raisedOn ?? today;
  if (raisedOn > today) throw fieldError('raisedOn', '把握した日：今日より後の日付は入力できません。');
  if (input.residentId) await assertResidentVisible(ctx, input.residentId);
  const found = await resourceNames(ctx, input.resourceIds);
  const missing = input.resourceIds.findIndex((id) => !found.has(id));
  if (missing >= 0)
    throw validationFailed(
      [
        {
          path: `resourceIds.${missing}`,
          message: `つながる地域資源（${missing + 1}件目）：見つかりません。`,
        },
      ],
      `つながる地域資源（${missing + 1}件目）：見つかりません。`,
    );
  return {
    category: input.category,
    areaId: input.areaId,
    source: input.source,
    residentId: input.residentId,
    people: input.people,
    urgency: input.urgency,
    summary: input.summary,
    note: input.note,
    raisedOn,
    resourceIds: [...new Set(input.resourceIds)],
  };
}

export async function createNeed(ctx: TenantContext, input: ParsedInput): Promise<Need> {
  const all = await tenantAreas(ctx);
  const scope = needsPolicy.scope(ctx, all);
  const v = await checkInput(ctx, input, all, scope);
  if (input.clientId) {
    // The same record sent again: answer with what the first one recorded.
    const [earlier] = await ctx.db
      .select()
      .from(needs)
      .where(and(eq(needs.tenantId, ctx.tenantId), eq(needs.id, input.clientId)));
    if (earlier) {
      if (earlier.createdBy !== actorDisplayName(ctx.actor) || earlier.category !== v.category)
        throw fieldError('clientId', '送信番号：ほかの記録で使われています。画面を読み込み直してください。');
      return (await presentNeeds(ctx, [earlier], scope))[0]!;
    }
  }
  return inTransaction(ctx, async (tx) => {
    const id = input.clientId ?? crypto.randomUUID();
    const [row] = await tx.db
      .insert(needs)
      .values({
        tenantId: tx.tenantId,
        id,
        ...v,
        status: 'new',
        createdBy: actorDisplayName(tx.actor),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await addEvent(tx, id, null, 'new', '');
    await recordAudit(tx, {
      entity: 'need',
      entityId: id,
      action: 'create',
      detail: {
        category: v.category,
        areaId: v.areaId,
        source: v.source,
        linkedToResident: Boolean(v.residentId),
      },
    });
    return (await presentNeeds(tx, [row!], scope))[0]!;
  });
}

export async function updateNeed(
  ctx: TenantContext,
  id: string,
  input: ParsedInput & { version: number },
): Promise<Need> {
  const all = await tenantAreas(ctx);
  const scope = needsPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    needsPolicy.place(scope, before.areaId);
    const v = await checkInput(tx, input, all, scope);
    const [row] = await tx.db
      .update(needs)
      .set({ ...v, version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(needs.tenantId, tx.tenantId), eq(needs.id, id), eq(needs.version, input.version)))
      .returning();
    if (!row) throw conflict((await presentNeeds(tx, [before], scope))[0]);
    const changed = Object.keys(v).filter(
      (k) =>
        JSON.stringify((before as Record<string, unknown>)[k]) !==
        JSON.stringify((v as Record<string, unknown>)[k]),
    );
    await recordAudit(tx, { entity: 'need', entityId: id, action: 'update', detail: { fields: changed } });
    return (await presentNeeds(tx, [row], scope))[0]!;
  });
}

export async function changeNeedStatus(
  ctx: TenantContext,
  id: string,
  input: { status: NeedStatus; note: string; version: number },
): Promise<Need> {
  const all = await tenantAreas(ctx);
  const scope = needsPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    needsPolicy.place(scope, before.areaId);
    const from = before.status as NeedStatus;
    if (before.version !== input.version) throw conflict((await presentNeeds(tx, [before], scope))[0]);
    if (!canMoveNeed(from, input.status))
      throw fieldError(
        'status',
        `状況：「${needStatusLabel(from)}」から「${needStatusLabel(input.status)}」には変えられません。${
          from === 'resolved' ? '解決した困りごとを再び扱うときは、まず「対応中」に戻してください。' : ''
        }`,
      );
    const [row] = await tx.db
      .update(needs)
      .set({ status: input.status, version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(needs.tenantId, tx.tenantId), eq(needs.id, id), eq(needs.version, input.version)))
      .returning();
    if (!row) throw conflict((await presentNeeds(tx, [before], scope))[0]);
    await statusMoved(tx, id, from, input.status, input.note);
    return (await presentNeeds(tx, [row], scope))[0]!;
  });
}

/** A line of the need's history: who moved it from which status to which, and why. */
async function addEvent(
  tx: TenantContext,
  needId: string,
  from: NeedStatus | null,
  to: NeedStatus,
  note: string,
): Promise<void> {
  await tx.db.insert(needEvents).values({
    tenantId: tx.tenantId,
    id: crypto.randomUUID(),
    needId,
    at: tx.now(),
    actor: actorDisplayName(tx.actor),
    fromStatus: from,
    toStatus: to,
    note,
  });
}

/** A status change of a need: in its history (with the note) and in the audit log (without it). */
async function statusMoved(
  tx: TenantContext,
  needId: string,
  from: NeedStatus,
  to: NeedStatus,
  note: string,
) {
  await addEvent(tx, needId, from, to, note);
  await recordAudit(tx, { entity: 'need', entityId: needId, action: 'status', detail: { from, to } });
}

/**
 * One need as the matching module reads it (suggestions, a referral's link): the caller must be
 * allowed to see it (and, to refer it, to act in its area), and the read is audited like any other.
 */
export async function needForMatching(
  ctx: TenantContext,
  id: string,
  use: 'read' | 'write' = 'read',
): Promise<Need> {
  const all = await tenantAreas(ctx);
  const scope = needsPolicy.scope(ctx, all);
  const row = await findRow(ctx, id);
  // Acting on a need outside her areas is refused as such; merely looking is "not found".
  if (use === 'write') needsPolicy.place(scope, row.areaId);
  else needsPolicy.see(scope, row.areaId);
  await recordAudit(ctx, { entity: 'need', entityId: id, action: 'read', detail: { for: 'matching' } });
  return (await presentNeeds(ctx, [row], scope))[0]!;
}

/**
 * A referral reached 利用開始: the need is met, so an open need becomes つないだ (with the resource
 * among its つながる地域資源), in the caller's transaction. A need already つないだ or closed is left
 * as the SC set it.
 */
export async function markNeedReferred(
  ctx: TenantContext,
  id: string,
  how: { note: string; resourceId: string | null },
): Promise<boolean> {
  const row = await findRow(ctx, id);
  const from = row.status as NeedStatus;
  const resourceIds =
    how.resourceId && !row.resourceIds.includes(how.resourceId)
      ? [...row.resourceIds, how.resourceId]
      : row.resourceIds;
  const moves = OPEN_NEED_STATUSES.includes(from) && canMoveNeed(from, 'referred');
  if (!moves && resourceIds === row.resourceIds) return false;
  await ctx.db
    .update(needs)
    .set({
      status: moves ? 'referred' : from,
      resourceIds,
      version: row.version + 1,
      updatedAt: ctx.now(),
    })
    .where(and(eq(needs.tenantId, ctx.tenantId), eq(needs.id, id)));
  if (moves) {
    await statusMoved(ctx, id, from, 'referred', how.note);
  }
  return moves;
}

/**
 * What other modules may say about linked needs (an agenda item, an activity): category, area and
 * how many people, never the resident. `summary` is included for the caller to show only to those
 * who may read needs (`needsPolicy.mayRead`); unknown ids are absent.
 */
export async function needFacts(ctx: TenantContext, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, NeedFact>();
  const [rows, all, terms] = await Promise.all([
    ctx.db
      .select({
        id: needs.id,
        category: needs.category,
        areaId: needs.areaId,
        people: needs.people,
        summary: needs.summary,
      })
      .from(needs)
      .where(and(eq(needs.tenantId, ctx.tenantId), inArray(needs.id, [...new Set(ids)]))),
    tenantAreas(ctx),
    tenantTerms(ctx),
  ]);
  return new Map(
    rows.map((r): [string, NeedFact] => [
      r.id,
      {
        ...r,
        categoryName: terms.find((t) => t.code === r.category)?.name ?? r.category,
        areaName: all.find((a) => a.id === r.areaId)?.name ?? '',
      },
    ]),
  );
}

export interface NeedFact {
  id: string;
  category: string;
  categoryName: string;
  areaId: string;
  areaName: string;
  people: number;
  summary: string;
}

/** A resident's needs for their 本人開示 export. */
export async function needsOfResident(ctx: TenantContext, residentId: string) {
  const rows = await ctx.db
    .select()
    .from(needs)
    .where(and(eq(needs.tenantId, ctx.tenantId), eq(needs.residentId, residentId)))
    .orderBy(needs.raisedOn);
  return presentNeeds(ctx, rows, 'all');
}

registerResidentLinks({
  async openCounts(ctx, ids) {
    if (ids.length === 0) return new Map();
    const rows = await ctx.db
      .select({ id: needs.residentId, n: count() })
      .from(needs)
      .where(
        and(
          eq(needs.tenantId, ctx.tenantId),
          inArray(needs.residentId, ids),
          inArray(needs.status, OPEN_NEED_STATUSES),
        ),
      )
      .groupBy(needs.residentId);
    return new Map(rows.map((r) => [r.id!, r.n]));
  },
  // The foreign key clears the link when the resident row goes; notes may name the person, so the
  // need keeps its category, area, source, counts and dates but loses its free text.
  async beforeErase(ctx, id) {
    const rows = await ctx.db
      .update(needs)
      .set({
        residentId: null,
        note: '',
        summary: '',
        version: sql`${needs.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(and(eq(needs.tenantId, ctx.tenantId), eq(needs.residentId, id)))
      .returning({ id: needs.id });
    if (rows.length > 0)
      await ctx.db
        .update(needEvents)
        .set({ note: '' })
        .where(
          and(
            eq(needEvents.tenantId, ctx.tenantId),
            inArray(
              needEvents.needId,
              rows.map((r) => r.id),
            ),
          ),
        );
    return rows.length;
  },
  async exportOf(ctx, id) {
    return { needs: await needsOfResident(ctx, id) };
  },
});
