import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PointActivity,
  PointActivityInput,
  PointScheme,
  PointSchemeInput,
} from '../../../contracts/points';
import { fiscalYearOf, fiscalYearRange, todayInTokyo } from '../../../domain/dates';
import {
  activityPoints,
  applyYearlyCap,
  checkActivityKinds,
  formatMinutes,
  type PointActivityKind,
  type PointActivityStatus,
  type PointRules,
} from '../../../domain/points';
import { canWriteTenant, personalDataScope } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound, validationFailed } from '../../core/errors';
import { tenantAreas } from '../areas';
import { type HelperRow, helpersByIds } from '../helpers';
import {
  lockScheme,
  memberAccount,
  memberYear,
  openSystemAccounts,
  post,
  systemAccount,
} from './ledger.service';
import { pointsPolicy } from './points.policy';
import { type PointActivityRow, type PointSchemeRow, pointActivities, pointSchemes } from './points.tables';

type SchemeInput = z.output<typeof PointSchemeInput>;
type ActivityInput = z.output<typeof PointActivityInput>;

// ---------------------------------------------------------------------------------------------
// Schemes

export function rulesOf(row: PointSchemeRow): PointRules {
  return {
    pointsPerHour: row.pointsPerHour,
    kinds: row.activityKinds as PointActivityKind[],
    yearlyCap: row.yearlyCap,
    yenPerPoint: row.redemptionKind === 'cash' ? row.yenPerPoint : 0,
    yearlyRedemptionCap: row.yearlyRedemptionCap,
  };
}

function toScheme(row: PointSchemeRow): PointScheme {
  return {
    id: row.id,
    name: row.name,
    pointsPerHour: row.pointsPerHour,
    activityKinds: row.activityKinds as PointActivityKind[],
    yearlyCap: row.yearlyCap,
    redemptionKind: row.redemptionKind as 'cash' | 'goods',
    yenPerPoint: row.yenPerPoint,
    redemptionNote: row.redemptionNote,
    yearlyRedemptionCap: row.yearlyRedemptionCap,
    active: row.active,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** One scheme of this tenant, or 404 (another tenant's id is simply not there). */
export async function findScheme(ctx: TenantContext, id: string): Promise<PointSchemeRow> {
  const [row] = await ctx.db
    .select()
    .from(pointSchemes)
    .where(and(eq(pointSchemes.tenantId, ctx.tenantId), eq(pointSchemes.id, id)));
  if (!row) throw notFound('ポイントの制度');
  return row;
}

export async function listSchemes(ctx: TenantContext) {
  pointsPolicy.aggregate(ctx);
  const rows = await ctx.db
    .select()
    .from(pointSchemes)
    .where(eq(pointSchemes.tenantId, ctx.tenantId))
    .orderBy(desc(pointSchemes.active), pointSchemes.createdAt);
  const all = await tenantAreas(ctx);
  return {
    schemes: rows.map(toScheme),
    canManage: canWriteTenant(ctx),
    canSeeMembers: personalDataScope(ctx, all) !== null,
  };
}

/** Checks what the contract cannot: a way to earn points, distinct kinds. */
function schemeValues(input: SchemeInput) {
  if (input.pointsPerHour === null && input.activityKinds.length === 0)
    throw fieldError(
      'pointsPerHour',
      '1時間あたりのポイントか活動の種類の、どちらかを決めてください（両方でもかまいません）。',
    );
  const bad = checkActivityKinds(input.activityKinds);
  if (bad) throw fieldError(`activityKinds.${bad.index}.${bad.field}`, bad.message);
  return {
    name: input.name,
    pointsPerHour: input.pointsPerHour,
    activityKinds: input.activityKinds,
    yearlyCap: input.yearlyCap,
    redemptionKind: input.redemptionKind,
    yenPerPoint: input.redemptionKind === 'cash' ? input.yenPerPoint : 0,
    redemptionNote: input.redemptionNote,
    yearlyRedemptionCap: input.yearlyRedemptionCap,
    active: input.active,
  };
}

export async function createScheme(ctx: TenantContext, input: SchemeInput): Promise<PointScheme> {
  pointsPolicy.manage(ctx);
  const v = schemeValues(input);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(pointSchemes)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        ...v,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await openSystemAccounts(tx, row!.id);
    await recordAudit(tx, {
      entity: 'point_scheme',
      entityId: row!.id,
      action: 'create',
      detail: { name: v.name },
    });
    return toScheme(row!);
  });
}

export async function updateScheme(
  ctx: TenantContext,
  id: string,
  input: SchemeInput & { version: number },
): Promise<PointScheme> {
  pointsPolicy.manage(ctx);
  const v = schemeValues(input);
  return inTransaction(ctx, async (tx) => {
    const before = await findScheme(tx, id);
    const [row] = await tx.db
      .update(pointSchemes)
      .set({ ...v, version: input.version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(pointSchemes.tenantId, tx.tenantId),
          eq(pointSchemes.id, id),
          eq(pointSchemes.version, input.version),
        ),
      )
      .returning();
    if (!row) throw conflict(toScheme(before));
    const fields = (Object.keys(v) as (keyof typeof v)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(v[k]),
    );
    await recordAudit(tx, { entity: 'point_scheme', entityId: id, action: 'update', detail: { fields } });
    return toScheme(row);
  });
}

// ---------------------------------------------------------------------------------------------
// Activities

function toActivity(row: PointActivityRow, helper: HelperRow | undefined, canChange: boolean): PointActivity {
  return {
    id: row.id,
    schemeId: row.schemeId,
    helperId: row.helperId,
    helperName: helper?.name ?? '',
    on: row.on,
    kind: row.kind,
    kindLabel: row.kindLabel,
    minutes: row.minutes,
    host: row.host,
    note: row.note,
    requestedPoints: row.requestedPoints,
    awardedPoints: row.awardedPoints,
    capNote: row.capNote,
    status: row.status as PointActivityStatus,
    hostConfirmedBy: row.hostConfirmedBy,
    hostConfirmedOn: row.hostConfirmedOn,
    confirmedBy: row.confirmedBy,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    returnedReason: row.returnedReason,
    transactionId: row.transactionId,
    recordedBy: row.recordedBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    canChange: canChange && row.status === 'pending',
  };
}

/** One activity for a member already in hand (no second read of the helper). */
function presentActivity(
  row: PointActivityRow,
  helper: HelperRow,
  scope: 'all' | Set<string>,
): PointActivity {
  return toActivity(row, helper, pointsPolicy.mayChange(scope, helper));
}

async function presentActivities(
  ctx: TenantContext,
  rows: PointActivityRow[],
  scope: 'all' | Set<string>,
): Promise<PointActivity[]> {
  const people = await helpersByIds(
    ctx,
    rows.map((r) => r.helperId),
  );
  return rows.map((r) => {
    const h = people.get(r.helperId);
    return toActivity(r, h, Boolean(h && pointsPolicy.mayChange(scope, h)));
  });
}

async function findActivity(ctx: TenantContext, id: string): Promise<PointActivityRow> {
  const [row] = await ctx.db
    .select()
    .from(pointActivities)
    .where(and(eq(pointActivities.tenantId, ctx.tenantId), eq(pointActivities.id, id)));
  if (!row) throw notFound('活動の記録');
  return row;
}

export interface ActivityQuery {
  scheme?: string;
  status?: PointActivityStatus;
  helperId?: string;
  fy?: number;
  page: number;
  perPage: number;
}

export async function listActivities(ctx: TenantContext, q: ActivityQuery) {
  const scope = pointsPolicy.members(ctx, await tenantAreas(ctx));
  const where: SQL[] = [eq(pointActivities.tenantId, ctx.tenantId)];
  if (q.scheme) where.push(eq(pointActivities.schemeId, q.scheme));
  if (q.status) where.push(eq(pointActivities.status, q.status));
  if (q.helperId) where.push(eq(pointActivities.helperId, q.helperId));
  if (q.fy) {
    const { start, end } = fiscalYearRange(q.fy);
    where.push(sql`${pointActivities.on} between ${start} and ${end}`);
  }
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(pointActivities)
      .where(cond)
      // The 確認待ち queue reads oldest first; everything else newest first.
      .orderBy(
        q.status === 'pending' ? pointActivities.on : desc(pointActivities.on),
        desc(pointActivities.createdAt),
        pointActivities.id,
      )
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage),
    ctx.db.select({ n: count() }).from(pointActivities).where(cond),
  ]);
  await recordAudit(ctx, {
    entity: 'point_activity',
    action: 'list',
    detail: { shown: rows.length, filters: { status: q.status ?? null, helper: q.helperId ?? null } },
  });
  return {
    total: total?.n ?? 0,
    page: q.page,
    perPage: q.perPage,
    items: await presentActivities(ctx, rows, scope),
  };
}

/** Checks what the contract cannot (this tenant's scheme and member, dates, the scheme's rules). */
async function activityValues(ctx: TenantContext, input: ActivityInput, scope: 'all' | Set<string>) {
  const [scheme] = await ctx.db
    .select()
    .from(pointSchemes)
    .where(and(eq(pointSchemes.tenantId, ctx.tenantId), eq(pointSchemes.id, input.schemeId)));
  if (!scheme) throw fieldError('schemeId', '制度：見つかりません。');
  if (!scheme.active) throw fieldError('schemeId', `制度：「${scheme.name}」は受付を止めています。`);
  const helper = (await helpersByIds(ctx, [input.helperId])).get(input.helperId);
  if (!helper) throw fieldError('helperId', '会員（担い手）：見つかりません。');
  pointsPolicy.change(scope, helper);
  const today = todayInTokyo(ctx.now());
  if (input.on > today) throw fieldError('on', '活動した日：今日より後の日付は入力できません。');
  const earned = activityPoints(rulesOf(scheme), { kind: input.kind, minutes: input.minutes });
  if (!earned.ok) throw fieldError(earned.field, earned.message);
  if (input.hostConfirmation) {
    const c = input.hostConfirmation;
    if (c.on > today)
      throw fieldError('hostConfirmation.on', '受け入れ先が確認した日：今日より後の日付は入力できません。');
    if (c.on < input.on)
      throw fieldError('hostConfirmation.on', '受け入れ先が確認した日：活動した日より前にはできません。');
  }
  const kind = input.kind ? (rulesOf(scheme).kinds.find((k) => k.code === input.kind) ?? null) : null;
  return {
    scheme,
    helper,
    values: {
      schemeId: scheme.id,
      helperId: helper.id,
      on: input.on,
      kind: kind?.code ?? null,
      kindLabel: kind?.label ?? '',
      minutes: input.minutes,
      host: input.host,
      note: input.note,
      requestedPoints: earned.points,
      hostConfirmedBy: input.hostConfirmation?.by ?? '',
      hostConfirmedOn: input.hostConfirmation?.on ?? null,
    },
  };
}

/**
 * Confirms a pending activity inside the caller's transaction: the yearly cap decides the award,
 * a ledger transaction posts it (none when the cap leaves nothing), and the activity keeps both
 * what was asked and what was given.
 */
async function confirmRow(
  tx: TenantContext,
  row: PointActivityRow,
  scheme: PointSchemeRow,
  helper: HelperRow,
): Promise<{ row: PointActivityRow; message: string | null }> {
  await lockScheme(tx, scheme.id);
  const fy = fiscalYearOf(row.on);
  const year = await memberYear(tx, scheme.id, helper.id, fy);
  const cap = applyYearlyCap(row.requestedPoints, year.earned, scheme.yearlyCap);
  let transactionId: string | null = null;
  if (cap.award > 0) {
    const [member, issuance] = await Promise.all([
      memberAccount(tx, scheme.id, helper.id),
      systemAccount(tx, scheme.id, 'issuance'),
    ]);
    const what = row.kindLabel || (row.minutes ? `活動 ${formatMinutes(row.minutes)}` : '活動');
    const ids = await post(tx, [
      {
        schemeId: scheme.id,
        kind: 'activity',
        on: row.on,
        fiscalYear: fy,
        description: `${what}${row.host ? `（${row.host}）` : ''}`,
        helperId: helper.id,
        activityId: row.id,
        lines: [
          { accountId: member.id, amount: cap.award },
          { accountId: issuance.id, amount: -cap.award },
        ],
      },
    ]);
    transactionId = ids[0]!;
  }
  const [updated] = await tx.db
    .update(pointActivities)
    .set({
      status: 'confirmed',
      awardedPoints: cap.award,
      capNote: cap.message ?? '',
      confirmedBy: row.hostConfirmedBy
        ? `${actorDisplayName(tx.actor)}（受け入れ先の確認：${row.hostConfirmedBy}）`
        : actorDisplayName(tx.actor),
      confirmedAt: tx.now(),
      transactionId,
      version: row.version + 1,
      updatedAt: tx.now(),
    })
    .where(
      and(
        eq(pointActivities.tenantId, tx.tenantId),
        eq(pointActivities.id, row.id),
        eq(pointActivities.version, row.version),
      ),
    )
    .returning();
  if (!updated) throw new Error('activity changed under its lock');
  await recordAudit(tx, {
    entity: 'point_activity',
    entityId: row.id,
    action: 'confirm',
    detail: { requested: row.requestedPoints, awarded: cap.award, capped: cap.capped },
  });
  return { row: updated, message: cap.message };
}

export async function createActivity(ctx: TenantContext, input: ActivityInput) {
  const all = await tenantAreas(ctx);
  const scope = pointsPolicy.members(ctx, all);
  return inTransaction(ctx, async (tx) => {
    if (input.clientId) {
      const [again] = await tx.db
        .select()
        .from(pointActivities)
        .where(and(eq(pointActivities.tenantId, tx.tenantId), eq(pointActivities.clientId, input.clientId)));
      if (again) {
        // The same form sent twice (a lost answer): the first one stands; a different record is refused.
        if (again.helperId !== input.helperId || again.on !== input.on)
          throw validationFailed([{ path: 'clientId', message: '送信番号：別の記録で使われています。' }]);
        const [shown] = await presentActivities(tx, [again], scope);
        return { activity: shown!, message: again.capNote || null };
      }
    }
    const { scheme, helper, values } = await activityValues(tx, input, scope);
    const [row] = await tx.db
      .insert(pointActivities)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        ...values,
        recordedBy: actorDisplayName(tx.actor),
        clientId: input.clientId ?? null,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'point_activity',
      entityId: row!.id,
      action: 'create',
      detail: {
        helperId: helper.id,
        points: values.requestedPoints,
        hostConfirmed: Boolean(values.hostConfirmedBy),
      },
    });
    let result = { row: row!, message: null as string | null };
    if (values.hostConfirmedBy) result = await confirmRow(tx, row!, scheme, helper);
    return { activity: presentActivity(result.row, helper, scope), message: result.message };
  });
}

/** Loads a pending activity for a change by this caller, or refuses (409 on a stale version). */
async function pendingForChange(tx: TenantContext, id: string, version: number, scope: 'all' | Set<string>) {
  const row = await findActivity(tx, id);
  const helper = (await helpersByIds(tx, [row.helperId])).get(row.helperId)!;
  pointsPolicy.change(scope, helper);
  if (row.version !== version) throw conflict(presentActivity(row, helper, scope));
  if (row.status !== 'pending') {
    const what = row.status === 'confirmed' ? '確認済み' : '差し戻し';
    throw validationFailed(
      [],
      `この活動の記録はすでに「${what}」です。${row.status === 'confirmed' ? 'ポイントを直すときは明細から訂正してください。' : ''}`,
    );
  }
  return { row, helper };
}

export async function updateActivity(
  ctx: TenantContext,
  id: string,
  input: ActivityInput & { version: number },
) {
  const scope = pointsPolicy.members(ctx, await tenantAreas(ctx));
  return inTransaction(ctx, async (tx) => {
    await pendingForChange(tx, id, input.version, scope);
    // Confirming belongs to its own action: an edit never posts points.
    const { helper, values } = await activityValues(tx, { ...input, hostConfirmation: null }, scope);
    const [row] = await tx.db
      .update(pointActivities)
      .set({ ...values, version: input.version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(pointActivities.tenantId, tx.tenantId),
          eq(pointActivities.id, id),
          eq(pointActivities.version, input.version),
        ),
      )
      .returning();
    await recordAudit(tx, { entity: 'point_activity', entityId: id, action: 'update' });
    return presentActivity(row!, helper, scope);
  });
}

export async function confirmActivity(ctx: TenantContext, id: string, version: number) {
  const scope = pointsPolicy.members(ctx, await tenantAreas(ctx));
  return inTransaction(ctx, async (tx) => {
    const { row, helper } = await pendingForChange(tx, id, version, scope);
    const scheme = await findScheme(tx, row.schemeId);
    const done = await confirmRow(tx, row, scheme, helper);
    return { activity: presentActivity(done.row, helper, scope), message: done.message };
  });
}

export async function returnActivity(
  ctx: TenantContext,
  id: string,
  body: { version: number; reason: string },
) {
  const scope = pointsPolicy.members(ctx, await tenantAreas(ctx));
  return inTransaction(ctx, async (tx) => {
    const { helper } = await pendingForChange(tx, id, body.version, scope);
    const [row] = await tx.db
      .update(pointActivities)
      .set({
        status: 'returned',
        returnedReason: body.reason,
        confirmedBy: actorDisplayName(tx.actor),
        confirmedAt: tx.now(),
        version: body.version + 1,
        updatedAt: tx.now(),
      })
      .where(
        and(
          eq(pointActivities.tenantId, tx.tenantId),
          eq(pointActivities.id, id),
          eq(pointActivities.version, body.version),
        ),
      )
      .returning();
    await recordAudit(tx, { entity: 'point_activity', entityId: id, action: 'return' });
    return presentActivity(row!, helper, scope);
  });
}
