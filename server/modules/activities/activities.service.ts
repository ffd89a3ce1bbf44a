import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Activity, ActivityInput } from '../../../contracts/activities';
import type { ActivityType, Headline, ScFunction, SupportKind, YokoTask } from '../../../domain/activities';
import { subtreeIds } from '../../../domain/areas';
import { todayInTokyo } from '../../../domain/dates';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound, validationFailed } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { councilAndProjectNames, peopleByIds } from '../councils';
import { referralLabels } from '../matching';
import { needFacts } from '../needs';
import { organizationsByIds, resourceNames } from '../resources';
import { type ActivityScope, activitiesPolicy } from './activities.policy';
import { type ActivityRow, activities } from './activities.tables';

/*
 * The SC activity log: one row per visit, consultation, meeting, training or event. Every link
 * (areas, 主体, people, needs, resources, council, project) is checked against the tenant when
 * saved, so a report built from these rows only ever counts this town's things.
 */

type ParsedInput = z.output<typeof ActivityInput>;

export interface ActivityQuery {
  from?: string;
  to?: string;
  area?: string;
  type?: ActivityType;
  fn?: ScFunction;
  sc: 'me' | 'all';
  page: number;
  perPage: number;
}

async function present(
  ctx: TenantContext,
  rows: readonly ActivityRow[],
  all: readonly AreaRow[],
  scope: ActivityScope,
) {
  const pick = (f: (r: ActivityRow) => readonly string[]) => rows.flatMap(f);
  const [orgs, persons, resources, names, referrals] = await Promise.all([
    organizationsByIds(
      ctx,
      pick((r) => r.organizationIds),
    ),
    peopleByIds(
      ctx,
      pick((r) => r.personIds),
    ),
    resourceNames(
      ctx,
      pick((r) => r.resourceIds),
    ),
    councilAndProjectNames(
      ctx,
      pick((r) => (r.councilId ? [r.councilId] : [])),
      pick((r) => (r.projectId ? [r.projectId] : [])),
    ),
    referralLabels(
      ctx,
      pick((r) => r.referralIds),
    ),
  ]);
  const ref = (id: string, name: string | undefined) => (name === undefined ? [] : [{ id, name }]);
  return rows.map(
    (r): Activity => ({
      id: r.id,
      scUserId: r.scUserId,
      scName: r.scName,
      occurredOn: r.occurredOn,
      minutes: r.minutes,
      type: r.type as ActivityType,
      layer: r.layer,
      functions: r.functions as ScFunction[],
      headlines: r.headlines as Headline[],
      yokoTasks: r.yokoTasks as YokoTask[],
      support: r.support as SupportKind,
      areas: r.areaIds.flatMap((id) => ref(id, all.find((a) => a.id === id)?.name)),
      organizations: r.organizationIds.flatMap((id) => ref(id, orgs.get(id)?.name)),
      people: r.personIds.flatMap((id) => ref(id, persons.get(id)?.name)),
      needIds: r.needIds,
      resources: r.resourceIds.flatMap((id) => ref(id, resources.get(id))),
      referrals: r.referralIds.flatMap((id) => ref(id, referrals.get(id))),
      council: r.councilId ? (ref(r.councilId, names.councils.get(r.councilId))[0] ?? null) : null,
      project: r.projectId ? (ref(r.projectId, names.projects.get(r.projectId)?.name)[0] ?? null) : null,
      summary: r.summary,
      note: r.note,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      canEdit: scope === 'all' || r.scUserId === scope.userId,
    }),
  );
}

/** The WHERE of a list: the tenant, the caller's reach, the filters. */
function listWhere(ctx: TenantContext, scope: ActivityScope, all: readonly AreaRow[], q: ActivityQuery): SQL {
  const where: SQL[] = [eq(activities.tenantId, ctx.tenantId)];
  if (scope !== 'all')
    where.push(
      sql`(${activities.scUserId} = ${scope.userId} or ${activities.areaIds} && ${sql.param([...scope.areas])}::uuid[])`,
    );
  if (q.sc === 'me' && ctx.actor.kind === 'user') where.push(eq(activities.scUserId, ctx.actor.userId));
  if (q.from) where.push(sql`${activities.occurredOn} >= ${q.from}`);
  if (q.to) where.push(sql`${activities.occurredOn} <= ${q.to}`);
  if (q.area) {
    if (!all.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
    where.push(sql`${activities.areaIds} && ${sql.param([...subtreeIds(all, [q.area])])}::uuid[]`);
  }
  if (q.type) where.push(eq(activities.type, q.type));
  if (q.fn) where.push(sql`${q.fn} = any(${activities.functions})`);
  return and(...where)!;
}

export async function listActivities(ctx: TenantContext, q: ActivityQuery) {
  const all = await tenantAreas(ctx);
  const scope = activitiesPolicy.scope(ctx, all);
  const where = listWhere(ctx, scope, all, q);
  const [rows, [totals]] = await Promise.all([
    ctx.db
      .select()
      .from(activities)
      .where(where)
      .orderBy(desc(activities.occurredOn), desc(activities.createdAt), desc(activities.id))
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage),
    ctx.db
      .select({ n: count(), minutes: sql<number>`coalesce(sum(${activities.minutes}), 0)::int` })
      .from(activities)
      .where(where),
  ]);
  return {
    total: totals?.n ?? 0,
    minutes: Number(totals?.minutes ?? 0),
    page: q.page,
    perPage: q.perPage,
    items: await present(ctx, rows, all, scope),
  };
}

async function findRow(ctx: TenantContext, id: string): Promise<ActivityRow> {
  const [row] = await ctx.db
    .select()
    .from(activities)
    .where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.id, id)));
  if (!row) throw notFound('活動記録');
  return row;
}

export async function getActivity(ctx: TenantContext, id: string): Promise<Activity> {
  const all = await tenantAreas(ctx);
  const scope = activitiesPolicy.scope(ctx, all);
  const row = await findRow(ctx, id);
  activitiesPolicy.see(scope, row);
  return (await present(ctx, [row], all, scope))[0]!;
}

/** The first id of `ids` that `known` lacks, as a 422 naming the field and the position. */
function refuseUnknown(
  ids: readonly string[],
  known: { has(id: string): boolean },
  path: string,
  title: string,
) {
  const i = ids.findIndex((id) => !known.has(id));
  if (i < 0) return;
  const message = `${title}（${i + 1}件目）：見つかりません。`;
  throw validationFailed([{ path: `${path}.${i}`, message }], message);
}

/** Checks what the contract cannot: every link is this tenant's, and the day is not in the future. */
async function checkInput(ctx: TenantContext, input: ParsedInput, all: readonly AreaRow[]) {
  const today = todayInTokyo(ctx.now());
  const occurredOn = input.occurredOn ?? today;
  if (occurredOn > today) throw fieldError('occurredOn', '日付：今日より後の日付は記録できません。');
  refuseUnknown(input.areaIds, new Set(all.map((a) => a.id)), 'areaIds', '地域');
  const [orgs, persons, needs, resources, names, referrals] = await Promise.all([
    organizationsByIds(ctx, input.organizationIds),
    peopleByIds(ctx, input.personIds),
    needFacts(ctx, input.needIds),
    resourceNames(ctx, input.resourceIds),
    councilAndProjectNames(
      ctx,
      input.councilId ? [input.councilId] : [],
      input.projectId ? [input.projectId] : [],
    ),
    referralLabels(ctx, input.referralIds),
  ]);
  refuseUnknown(input.organizationIds, orgs, 'organizationIds', '会った主体');
  refuseUnknown(input.personIds, persons, 'personIds', '会った人');
  refuseUnknown(input.needIds, needs, 'needIds', '困りごと');
  refuseUnknown(input.resourceIds, resources, 'resourceIds', '地域資源');
  refuseUnknown(input.referralIds, referrals, 'referralIds', 'つなぎ');
  if (input.councilId && !names.councils.has(input.councilId))
    throw fieldError('councilId', '協議体：見つかりません。');
  if (input.projectId && !names.projects.has(input.projectId))
    throw fieldError('projectId', 'プロジェクト：見つかりません。');
  const { clientId: _, ...values } = input;
  return { ...values, occurredOn };
}

export async function createActivity(ctx: TenantContext, input: ParsedInput): Promise<Activity> {
  const all = await tenantAreas(ctx);
  const scope = activitiesPolicy.scope(ctx, all);
  activitiesPolicy.record(ctx, scope, input.areaIds);
  const v = await checkInput(ctx, input, all);
  const actor = ctx.actor as Extract<TenantContext['actor'], { kind: 'user' }>;
  if (input.clientId) {
    // The same record sent again (a retry after a lost answer on a weak connection).
    const [earlier] = await ctx.db
      .select()
      .from(activities)
      .where(and(eq(activities.tenantId, ctx.tenantId), eq(activities.id, input.clientId)));
    if (earlier) {
      if (earlier.scUserId !== actor.userId)
        throw fieldError('clientId', '送信番号：ほかの記録で使われています。画面を読み込み直してください。');
      return (await present(ctx, [earlier], all, scope))[0]!;
    }
  }
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(activities)
      .values({
        tenantId: tx.tenantId,
        id: input.clientId ?? crypto.randomUUID(),
        scUserId: actor.userId,
        scName: actorDisplayName(actor),
        ...v,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'activity',
      entityId: row!.id,
      action: 'create',
      detail: { type: v.type, minutes: v.minutes, functions: v.functions },
    });
    return (await present(tx, [row!], all, scope))[0]!;
  });
}

export async function updateActivity(
  ctx: TenantContext,
  id: string,
  input: ParsedInput & { version: number },
): Promise<Activity> {
  const all = await tenantAreas(ctx);
  const scope = activitiesPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    activitiesPolicy.edit(scope, before);
    activitiesPolicy.record(tx, scope, input.areaIds);
    const v = await checkInput(tx, input, all);
    const [row] = await tx.db
      .update(activities)
      .set({ ...v, version: input.version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(activities.tenantId, tx.tenantId),
          eq(activities.id, id),
          eq(activities.version, input.version),
        ),
      )
      .returning();
    if (!row) throw conflict((await present(tx, [before], all, scope))[0]);
    await recordAudit(tx, { entity: 'activity', entityId: id, action: 'update' });
    return (await present(tx, [row], all, scope))[0]!;
  });
}

/** A mistaken entry goes (it would count in the reports); the audit log keeps what it was. */
export async function deleteActivity(ctx: TenantContext, id: string): Promise<{ ok: true }> {
  const all = await tenantAreas(ctx);
  const scope = activitiesPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    activitiesPolicy.edit(scope, before);
    await tx.db.delete(activities).where(and(eq(activities.tenantId, tx.tenantId), eq(activities.id, id)));
    await recordAudit(tx, {
      entity: 'activity',
      entityId: id,
      action: 'delete',
      detail: {
        occurredOn: before.occurredOn,
        type: before.type,
        minutes: before.minutes,
        functions: before.functions,
        scUserId: before.scUserId,
      },
    });
    return { ok: true as const };
  });
}

/** Who the SC met together, and where: the activity ties of the network of actors. */
export async function activityTies(ctx: TenantContext) {
  return ctx.db
    .select({
      id: activities.id,
      areaIds: activities.areaIds,
      organizationIds: activities.organizationIds,
      personIds: activities.personIds,
    })
    .from(activities)
    .where(eq(activities.tenantId, ctx.tenantId));
}
