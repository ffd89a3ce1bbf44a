import { and, asc, count, desc, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Referral, ReferralEvent, ReferralInput } from '../../../contracts/matching';
import { subtreeIds } from '../../../domain/areas';
import { addDays, fiscalYearRange, todayInTokyo } from '../../../domain/dates';
import { HELPER_SKILLS } from '../../../domain/helpers';
import {
  defaultFollowUp,
  ESTABLISHED_REFERRAL_STATUSES,
  FOLLOW_UP_HINTS,
  isTerminalReferral,
  type NoteSide,
  nextReferralStatuses,
  type ReferralStatus,
  type ReferralTargetKind,
  referralStatusLabel,
  referralTransitionProblem,
  TERMINAL_REFERRAL_STATUSES,
} from '../../../domain/referrals';
import { roleIn } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound } from '../../core/errors';
import { tenantUsers } from '../accounts';
import { type AreaRow, tenantAreas } from '../areas';
import { assertHelperReferable, registerHelperLinks } from '../helpers';
import { markNeedReferred, needFacts, needForMatching } from '../needs';
import { getResident, registerResidentLinks, residentNames } from '../residents';
import { referableResource, type TermRow, tenantTerms, withDescendants } from '../resources';
import { matchingPolicy } from './matching.policy';
import { type ReferralRow, referralEvents, referrals } from './matching.tables';
import { referableOpportunity } from './opportunities.service';

type ParsedInput = z.output<typeof ReferralInput>;
type Scope = 'all' | Set<string>;

const OPEN_STATUSES = ['proposed', 'contacted', 'accepted', 'started', 'ongoing'] as const;

/** Referrals as the API returns them: names filled in, what to check next, whether the caller may act. */
export async function presentReferrals(
  ctx: TenantContext,
  rows: ReferralRow[],
  scope: Scope,
): Promise<Referral[]> {
  if (rows.length === 0) return [];
  const [all, terms, names, facts] = await Promise.all([
    tenantAreas(ctx),
    tenantTerms(ctx),
    residentNames(
      ctx,
      rows.flatMap((r) => (r.residentId ? [r.residentId] : [])),
    ),
    needFacts(
      ctx,
      rows.flatMap((r) => (r.needId ? [r.needId] : [])),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    needId: r.needId,
    // The SC's ひとこと, or the category when she wrote none.
    needSummary: r.needId ? facts.get(r.needId)?.summary || facts.get(r.needId)?.categoryName || null : null,
    residentId: r.residentId,
    residentName: r.residentId ? (names.get(r.residentId) ?? null) : null,
    targetKind: r.targetKind as ReferralTargetKind,
    targetId: r.targetId,
    targetName: r.targetName,
    category: r.category,
    categoryName: terms.find((t) => t.code === r.category)?.name ?? r.category,
    areaId: r.areaId,
    areaName: all.find((a) => a.id === r.areaId)?.name ?? '',
    status: r.status as ReferralStatus,
    scUserId: r.scUserId,
    scName: r.scName,
    proposedOn: r.proposedOn,
    startedOn: r.startedOn,
    closedOn: r.closedOn,
    followUpOn: r.followUpOn,
    followUpHint: r.followUpOn ? FOLLOW_UP_HINTS[r.status as ReferralStatus] : '',
    outcomeReason: r.outcomeReason,
    reasons: r.reasons,
    summary: r.summary,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canEdit: scope === 'all' || scope.has(r.areaId),
  }));
}

async function findRow(ctx: TenantContext, id: string): Promise<ReferralRow> {
  const [row] = await ctx.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.tenantId, ctx.tenantId), eq(referrals.id, id)));
  if (!row) throw notFound('つなぎ');
  return row;
}

/** The SC in charge: one of the tenant's staff; by default whoever records the referral, if staff. */
async function scInCharge(ctx: TenantContext, wanted: string | null) {
  const staff = (await tenantUsers(ctx)).filter((u) => ['insurer_staff', 'sc1', 'sc2'].includes(u.role));
  const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const id = wanted ?? (me && staff.some((s) => s.userId === me) ? me : null);
  if (!id)
    throw fieldError(
      'scUserId',
      '担当のコーディネーター：担当する人を選んでください（担当のいないつなぎは記録できません）。',
    );
  const person = staff.find((s) => s.userId === id);
  if (!person)
    throw fieldError(
      'scUserId',
      '担当のコーディネーター：この市町村の職員・コーディネーターから選んでください。',
    );
  return { userId: person.userId, displayName: person.name };
}

/** Checks the target against its owner module; returns its name and the category it stands for. */
async function checkTarget(ctx: TenantContext, kind: ReferralTargetKind, id: string) {
  if (kind === 'resource') {
    const r = await referableResource(ctx, id);
    if (!r) throw fieldError('targetId', 'つなぎ先の地域資源：見つかりません。');
    if (r.status === 'defunct' || r.status === 'inactive')
      throw fieldError(
        'targetId',
        `つなぎ先の地域資源：「${r.name}」は${r.status === 'defunct' ? '終了' : '休止中'}です。`,
      );
    return { name: r.name, category: r.categories[0] ?? 'other' };
  }
  if (kind === 'helper') {
    const h = await assertHelperReferable(ctx, id, 'targetId');
    const skill = HELPER_SKILLS.find((s) => h.skills.includes(s.code));
    return { name: h.name, category: skill?.categories[0] ?? 'volunteer' };
  }
  const o = await referableOpportunity(ctx, id);
  return { name: o.title, category: 'shurou' };
}

function assertDate(ctx: TenantContext, field: string, label: string, on: string, notBefore?: string) {
  if (on > todayInTokyo(ctx.now())) throw fieldError(field, `${label}：今日より後の日付は入力できません。`);
  if (notBefore && on < notBefore)
    throw fieldError(field, `${label}：前の記録（${notBefore}）より前の日付にはできません。`);
}

function assertFollowUp(followUpOn: string | null | undefined, after: string) {
  if (followUpOn && followUpOn < after)
    throw fieldError('followUpOn', `次に確認する日：${after} 以降の日付にしてください。`);
}

export async function createReferral(ctx: TenantContext, input: ParsedInput): Promise<Referral> {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  if (!input.needId && !input.residentId)
    throw fieldError(
      'needId',
      '困りごとか住民のどちらかを選んでください（誰の、何のためのつなぎかを残します）。',
    );
  const need = input.needId ? await needForMatching(ctx, input.needId, 'write') : null;
  const residentId = input.residentId ?? need?.residentId ?? null;
  const resident = residentId ? (await getResident(ctx, residentId)).resident : null;
  const root = all.find((a) => a.layer === 1);
  const areaId = need?.areaId ?? resident?.areaId ?? root?.id;
  if (!areaId)
    throw fieldError('residentId', '住民の地域がわかりません。住民の町丁か地域を登録してください。');
  matchingPolicy.place(scope, areaId);
  if (input.targetKind === 'opportunity' && !residentId)
    throw fieldError('residentId', '就労的活動につなぐときは、住民を選んでください。');
  const target = await checkTarget(ctx, input.targetKind, input.targetId);
  const sc = await scInCharge(ctx, input.scUserId);
  const today = todayInTokyo(ctx.now());
  const proposedOn = input.proposedOn ?? today;
  assertDate(ctx, 'proposedOn', '提案した日', proposedOn);
  const followUpOn =
    input.followUpOn === undefined ? defaultFollowUp('proposed', proposedOn) : input.followUpOn;
  assertFollowUp(followUpOn, proposedOn);

  // The same person or need already on its way to the same place: say so instead of a second copy.
  const same = await ctx.db
    .select({ id: referrals.id, status: referrals.status })
    .from(referrals)
    .where(
      and(
        eq(referrals.tenantId, ctx.tenantId),
        eq(referrals.targetKind, input.targetKind),
        eq(referrals.targetId, input.targetId),
        inArray(referrals.status, [...OPEN_STATUSES]),
        need ? eq(referrals.needId, need.id) : eq(referrals.residentId, residentId!),
      ),
    );
  if (same[0])
    throw fieldError(
      'targetId',
      `「${target.name}」へはすでにつないでいます（${referralStatusLabel(same[0].status)}）。そのつなぎの経過に書いてください。`,
    );

  return inTransaction(ctx, async (tx) => {
    const id = crypto.randomUUID();
    const [row] = await tx.db
      .insert(referrals)
      .values({
        tenantId: tx.tenantId,
        id,
        needId: need?.id ?? null,
        residentId,
        targetKind: input.targetKind,
        targetId: input.targetId,
        targetName: target.name,
        category: need?.category ?? target.category,
        areaId,
        status: 'proposed',
        scUserId: sc.userId,
        scName: sc.displayName,
        proposedOn,
        followUpOn,
        reasons: input.reasons,
        summary: input.summary,
        createdBy: actorDisplayName(tx.actor),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await tx.db.insert(referralEvents).values({
      tenantId: tx.tenantId,
      id: crypto.randomUUID(),
      referralId: id,
      on: proposedOn,
      at: tx.now(),
      actor: actorDisplayName(tx.actor),
      side: 'sc',
      fromStatus: null,
      toStatus: 'proposed',
      note: input.summary,
    });
    await recordAudit(tx, {
      entity: 'referral',
      entityId: id,
      action: 'create',
      detail: { targetKind: input.targetKind, targetId: input.targetId, needId: need?.id ?? null },
    });
    return (await presentReferrals(tx, [row!], scope))[0]!;
  });
}

async function lastEventOn(ctx: TenantContext, id: string): Promise<string> {
  const [last] = await ctx.db
    .select({ on: referralEvents.on })
    .from(referralEvents)
    .where(and(eq(referralEvents.tenantId, ctx.tenantId), eq(referralEvents.referralId, id)))
    .orderBy(desc(referralEvents.on))
    .limit(1);
  return last?.on ?? '1900-01-01';
}

export async function changeReferralStatus(
  ctx: TenantContext,
  id: string,
  input: {
    status: ReferralStatus;
    on?: string;
    reason: string;
    note: string;
    side: NoteSide;
    followUpOn?: string | null;
    version: number;
  },
): Promise<Referral> {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    matchingPolicy.place(scope, before.areaId);
    if (before.version !== input.version) throw conflict((await presentReferrals(tx, [before], scope))[0]);
    const from = before.status as ReferralStatus;
    const problem = referralTransitionProblem(from, input.status, input.reason);
    if (problem) throw fieldError(problem.kind === 'reason-needed' ? 'reason' : 'status', problem.message);
    const on = input.on ?? todayInTokyo(tx.now());
    assertDate(tx, 'on', 'その日', on, await lastEventOn(tx, id));
    const followUpOn = isTerminalReferral(input.status)
      ? null
      : input.followUpOn === undefined
        ? defaultFollowUp(input.status, on)
        : input.followUpOn;
    assertFollowUp(followUpOn, on);
    const reachesStart =
      ESTABLISHED_REFERRAL_STATUSES.includes(input.status) && !ESTABLISHED_REFERRAL_STATUSES.includes(from);
    const row = await saveWithEvent(
      tx,
      before,
      scope,
      input.version,
      {
        status: input.status,
        startedOn: reachesStart ? on : before.startedOn,
        closedOn: isTerminalReferral(input.status) ? on : null,
        outcomeReason: isTerminalReferral(input.status) ? input.reason : before.outcomeReason,
        followUpOn,
      },
      {
        on,
        side: input.side,
        fromStatus: from,
        toStatus: input.status,
        note: [input.reason, input.note].filter(Boolean).join('：'),
      },
    );
    if (reachesStart && before.needId)
      await markNeedReferred(tx, before.needId, {
        note: `つなぎ：${before.targetName}（利用開始 ${on}）`,
        resourceId: before.targetKind === 'resource' ? before.targetId : null,
      });
    await recordAudit(tx, {
      entity: 'referral',
      entityId: id,
      action: 'status',
      detail: { from, to: input.status },
    });
    return (await presentReferrals(tx, [row], scope))[0]!;
  });
}

/**
 * A step or a note: the referral saved if still at `version` (else 409 with what is there now),
 * and the event that tells it in the history.
 */
async function saveWithEvent(
  tx: TenantContext,
  before: ReferralRow,
  scope: Parameters<typeof presentReferrals>[2],
  version: number,
  set: Partial<typeof referrals.$inferInsert>,
  event: Pick<typeof referralEvents.$inferInsert, 'on' | 'side' | 'fromStatus' | 'toStatus' | 'note'>,
): Promise<ReferralRow> {
  const [row] = await tx.db
    .update(referrals)
    .set({ ...set, version: version + 1, updatedAt: tx.now() })
    .where(
      and(eq(referrals.tenantId, tx.tenantId), eq(referrals.id, before.id), eq(referrals.version, version)),
    )
    .returning();
  if (!row) throw conflict((await presentReferrals(tx, [before], scope))[0]);
  await tx.db.insert(referralEvents).values({
    tenantId: tx.tenantId,
    id: crypto.randomUUID(),
    referralId: before.id,
    at: tx.now(),
    actor: actorDisplayName(tx.actor),
    ...event,
  });
  return row;
}

export async function addReferralNote(
  ctx: TenantContext,
  id: string,
  input: { side: NoteSide; on?: string; note: string; followUpOn?: string | null; version: number },
): Promise<Referral> {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    matchingPolicy.place(scope, before.areaId);
    if (before.version !== input.version) throw conflict((await presentReferrals(tx, [before], scope))[0]);
    const on = input.on ?? todayInTokyo(tx.now());
    assertDate(tx, 'on', 'その日', on, before.proposedOn);
    if (input.followUpOn && isTerminalReferral(before.status as ReferralStatus))
      throw fieldError('followUpOn', '終わったつなぎには、次に確認する日を決められません。');
    assertFollowUp(input.followUpOn, on);
    const row = await saveWithEvent(
      tx,
      before,
      scope,
      input.version,
      { followUpOn: input.followUpOn === undefined ? before.followUpOn : input.followUpOn },
      { on, side: input.side, fromStatus: null, toStatus: null, note: input.note },
    );
    await recordAudit(tx, { entity: 'referral', entityId: id, action: 'note', detail: { side: input.side } });
    return (await presentReferrals(tx, [row], scope))[0]!;
  });
}

export async function updateReferral(
  ctx: TenantContext,
  id: string,
  input: { scUserId?: string | null; followUpOn?: string | null; summary?: string; version: number },
): Promise<Referral> {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    matchingPolicy.place(scope, before.areaId);
    if (before.version !== input.version) throw conflict((await presentReferrals(tx, [before], scope))[0]);
    const sc = input.scUserId !== undefined ? await scInCharge(tx, input.scUserId) : null;
    if (input.followUpOn && isTerminalReferral(before.status as ReferralStatus))
      throw fieldError('followUpOn', '終わったつなぎには、次に確認する日を決められません。');
    assertFollowUp(input.followUpOn, before.proposedOn);
    const [row] = await tx.db
      .update(referrals)
      .set({
        ...(sc ? { scUserId: sc.userId, scName: sc.displayName } : {}),
        ...(input.followUpOn !== undefined ? { followUpOn: input.followUpOn } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(
        and(eq(referrals.tenantId, tx.tenantId), eq(referrals.id, id), eq(referrals.version, input.version)),
      )
      .returning();
    if (!row) throw conflict((await presentReferrals(tx, [before], scope))[0]);
    await recordAudit(tx, {
      entity: 'referral',
      entityId: id,
      action: 'update',
      detail: { fields: Object.keys(input).filter((k) => k !== 'version') },
    });
    return (await presentReferrals(tx, [row], scope))[0]!;
  });
}

export async function getReferral(ctx: TenantContext, id: string) {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  const row = await findRow(ctx, id);
  matchingPolicy.see(scope, row.areaId);
  const events = await ctx.db
    .select()
    .from(referralEvents)
    .where(and(eq(referralEvents.tenantId, ctx.tenantId), eq(referralEvents.referralId, id)))
    .orderBy(asc(referralEvents.on), asc(referralEvents.seq));
  await recordAudit(ctx, { entity: 'referral', entityId: id, action: 'read' });
  return {
    referral: (await presentReferrals(ctx, [row], scope))[0]!,
    events: events.map(
      (e): ReferralEvent => ({
        on: e.on,
        at: e.at.toISOString(),
        actor: e.actor,
        side: e.side as NoteSide,
        fromStatus: (e.fromStatus as ReferralStatus | null) ?? null,
        toStatus: (e.toStatus as ReferralStatus | null) ?? null,
        note: e.note,
      }),
    ),
    nextStatuses: nextReferralStatuses(row.status as ReferralStatus),
  };
}

export interface ReferralQuery {
  status?: ReferralStatus;
  open?: 'true' | 'false';
  targetKind?: ReferralTargetKind;
  targetId?: string;
  needId?: string;
  residentId?: string;
  mine?: 'true' | 'false';
  area?: string;
  category?: string;
  fy?: number;
  page: number;
  perPage: number;
}

function referralsWhere(
  ctx: TenantContext,
  scope: Scope,
  all: readonly AreaRow[],
  terms: readonly TermRow[],
  q: Omit<ReferralQuery, 'page' | 'perPage'>,
): SQL {
  const where: SQL[] = [eq(referrals.tenantId, ctx.tenantId)];
  if (scope !== 'all') where.push(inArray(referrals.areaId, [...scope]));
  if (q.status) where.push(eq(referrals.status, q.status));
  if (q.open === 'true') where.push(inArray(referrals.status, [...OPEN_STATUSES]));
  if (q.open === 'false') where.push(inArray(referrals.status, TERMINAL_REFERRAL_STATUSES));
  if (q.targetKind) where.push(eq(referrals.targetKind, q.targetKind));
  if (q.targetId) where.push(eq(referrals.targetId, q.targetId));
  if (q.needId) where.push(eq(referrals.needId, q.needId));
  if (q.residentId) where.push(eq(referrals.residentId, q.residentId));
  if (q.mine === 'true') {
    const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    where.push(me ? eq(referrals.scUserId, me) : sql`false`);
  }
  if (q.area) {
    if (!all.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
    where.push(inArray(referrals.areaId, [...subtreeIds(all, [q.area])]));
  }
  if (q.category) where.push(inArray(referrals.category, withDescendants(q.category, terms)));
  if (q.fy) {
    const { start, end } = fiscalYearRange(q.fy);
    where.push(sql`${referrals.proposedOn} between ${start} and ${end}`);
  }
  return and(...where)!;
}

export async function listReferrals(ctx: TenantContext, q: ReferralQuery) {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  const where = referralsWhere(ctx, scope, all, await tenantTerms(ctx), q);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(referrals)
      .where(where)
      // Open ones by their next check, then the most recent.
      .orderBy(
        sql`case when ${referrals.status} in ('ended', 'failed') then 1 else 0 end`,
        sql`${referrals.followUpOn} asc nulls last`,
        desc(referrals.proposedOn),
        desc(referrals.id),
      )
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage),
    ctx.db.select({ n: count() }).from(referrals).where(where),
  ]);
  await recordAudit(ctx, { entity: 'referral', action: 'list', detail: { shown: rows.length } });
  return {
    total: total?.n ?? 0,
    page: q.page,
    perPage: q.perPage,
    items: await presentReferrals(ctx, rows, scope),
  };
}

/**
 * 今日の確認: referrals whose follow-up day has come (overdue first), and those of the coming week.
 * By default the caller's own; a 保険者職員 or 第1層 SC may look at everyone's.
 */
export async function todayChecks(ctx: TenantContext, q: { mine: 'true' | 'false' }) {
  const all = await tenantAreas(ctx);
  const scope = matchingPolicy.scope(ctx, all);
  const today = todayInTokyo(ctx.now());
  const me = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const mine = q.mine === 'true' || roleIn(ctx) === 'sc2';
  const base = and(
    eq(referrals.tenantId, ctx.tenantId),
    inArray(referrals.status, [...OPEN_STATUSES]),
    scope === 'all' ? undefined : inArray(referrals.areaId, [...scope]),
    mine ? (me ? eq(referrals.scUserId, me) : sql`false`) : undefined,
  );
  const [due, upcoming] = await Promise.all([
    ctx.db
      .select()
      .from(referrals)
      .where(and(base, lte(referrals.followUpOn, today)))
      .orderBy(asc(referrals.followUpOn), asc(referrals.proposedOn)),
    ctx.db
      .select()
      .from(referrals)
      .where(and(base, gt(referrals.followUpOn, today), lte(referrals.followUpOn, addDays(today, 7))))
      .orderBy(asc(referrals.followUpOn), asc(referrals.proposedOn)),
  ]);
  await recordAudit(ctx, {
    entity: 'referral',
    action: 'list',
    detail: { shown: due.length + upcoming.length, today: true },
  });
  return {
    today,
    due: await presentReferrals(ctx, due, scope),
    upcoming: await presentReferrals(ctx, upcoming, scope),
  };
}

/** The latest referral per target for one need or person (so a suggestion can say 「提案済み」). */
export async function referredTargets(ctx: TenantContext, by: { needId?: string; residentId?: string }) {
  const cond = by.needId
    ? eq(referrals.needId, by.needId)
    : by.residentId
      ? eq(referrals.residentId, by.residentId)
      : null;
  if (!cond) return new Map<string, ReferralStatus>();
  const rows = await ctx.db
    .select({ id: referrals.targetId, status: referrals.status })
    .from(referrals)
    .where(and(eq(referrals.tenantId, ctx.tenantId), cond))
    .orderBy(asc(referrals.createdAt));
  return new Map(rows.map((r) => [r.id, r.status as ReferralStatus]));
}

/**
 * Referrals of this tenant by id, named by where the person was connected (「峰野 移動販売の
 * 停留所へのつなぎ」), never by the person: for other modules' links (an activity of the log).
 */
export async function referralLabels(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: referrals.id, target: referrals.targetName })
    .from(referrals)
    .where(and(eq(referrals.tenantId, ctx.tenantId), inArray(referrals.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, `${r.target}へのつなぎ`]));
}

/**
 * Referrals a provider agreed to (受入確認 and after), by area and target, counted: the network of
 * actors draws them as ties between the provider and the area's 協議体. No person in them.
 */
export async function referralTies(ctx: TenantContext) {
  return ctx.db
    .select({
      areaId: referrals.areaId,
      targetKind: referrals.targetKind,
      targetId: referrals.targetId,
      n: count(),
    })
    .from(referrals)
    .where(
      and(
        eq(referrals.tenantId, ctx.tenantId),
        inArray(referrals.status, ['accepted', 'started', 'ongoing', 'ended']),
      ),
    )
    .groupBy(referrals.areaId, referrals.targetKind, referrals.targetId);
}

/** For one target: the latest referral status per resident (who is already on their way there). */
export async function referralsToTarget(ctx: TenantContext, kind: ReferralTargetKind, targetId: string) {
  const rows = await ctx.db
    .select({ id: referrals.residentId, status: referrals.status })
    .from(referrals)
    .where(
      and(
        eq(referrals.tenantId, ctx.tenantId),
        eq(referrals.targetKind, kind),
        eq(referrals.targetId, targetId),
      ),
    )
    .orderBy(asc(referrals.createdAt));
  return new Map(rows.flatMap((r) => (r.id ? [[r.id, r.status as ReferralStatus] as const] : [])));
}

registerHelperLinks({
  async openCounts(ctx, ids) {
    if (ids?.length === 0) return new Map();
    const rows = await ctx.db
      .select({ id: referrals.targetId, n: count() })
      .from(referrals)
      .where(
        and(
          eq(referrals.tenantId, ctx.tenantId),
          eq(referrals.targetKind, 'helper'),
          inArray(referrals.status, [...OPEN_STATUSES]),
          ids ? inArray(referrals.targetId, ids) : undefined,
        ),
      )
      .groupBy(referrals.targetId);
    return new Map(rows.map((r) => [r.id, r.n]));
  },
});

registerResidentLinks({
  async openCounts() {
    // Needs already count what is open for a person; a referral is the answer to one, not another item.
    return new Map();
  },
  // The foreign key clears the link; what the SC wrote may name the person, so notes go too.
  async beforeErase(ctx, id) {
    const rows = await ctx.db
      .update(referrals)
      .set({ residentId: null, summary: '', version: sql`${referrals.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(referrals.tenantId, ctx.tenantId), eq(referrals.residentId, id)))
      .returning({ id: referrals.id });
    if (rows.length > 0)
      await ctx.db
        .update(referralEvents)
        .set({ note: '' })
        .where(
          and(
            eq(referralEvents.tenantId, ctx.tenantId),
            inArray(
              referralEvents.referralId,
              rows.map((r) => r.id),
            ),
          ),
        );
    return rows.length;
  },
  async exportOf(ctx, id) {
    const rows = await ctx.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.tenantId, ctx.tenantId), eq(referrals.residentId, id)))
      .orderBy(asc(referrals.proposedOn));
    return { referrals: await presentReferrals(ctx, rows, 'all') };
  },
});
