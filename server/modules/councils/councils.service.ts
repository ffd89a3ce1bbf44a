import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Council,
  CouncilInput,
  Group,
  GroupInput,
  MeetingSummary,
  Member,
  MemberInput,
  Person,
  PersonInput,
  ProjectSummary,
} from '../../../contracts/councils';
import { areaTree, LAYER_SHORT, type Layer } from '../../../domain/areas';
import {
  DEFAULT_AGENDA_TEMPLATE,
  MEMBER_ROLE_CODES,
  type MeetingStatus,
  type MemberRole,
  numberMeetings,
  type ProjectStatus,
  seatHeldOn,
  termProblem,
  yearTable,
} from '../../../domain/councils';
import { fiscalYearLabel, fiscalYearOf, fiscalYearRange, todayInTokyo } from '../../../domain/dates';
import { foldForSearch } from '../../../domain/search-text';
import { recordAudit } from '../../core/audit';
import { inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound } from '../../core/errors';
import { tenantUsers } from '../accounts';
import { type AreaRow, tenantAreas } from '../areas';
import { printReport } from '../print';
import { organizationsByIds } from '../resources';
import { type CouncilView, councilsPolicy } from './councils.policy';
import {
  type CouncilRow,
  councilGroups,
  councilMembers,
  councils,
  type GroupRow,
  type MeetingRow,
  type MemberRow,
  meetings,
  type PersonRow,
  people,
  projectResources,
  projects,
  projectTrials,
  tasks,
} from './councils.tables';

/*
 * Councils, their seats and 部会, and the named people who sit on them. Meetings are in
 * meetings.service.ts, tasks in tasks.service.ts, projects in projects.service.ts.
 */

type ParsedCouncil = z.output<typeof CouncilInput>;
type ParsedMember = z.output<typeof MemberInput>;
type ParsedGroup = z.output<typeof GroupInput>;
type ParsedPerson = z.output<typeof PersonInput>;

const areaName = (all: readonly AreaRow[], id: string | null) =>
  id ? (all.find((a) => a.id === id)?.name ?? '') : null;

// ---------------------------------------------------------------------------------------------
// People (関係者)

function toPerson(
  row: PersonRow,
  all: readonly AreaRow[],
  orgs: Map<string, { name: string; kind: string }>,
) {
  const org = row.organizationId ? orgs.get(row.organizationId) : undefined;
  return {
    id: row.id,
    name: row.name,
    kana: row.kana,
    kind: row.kind || org?.kind || '',
    organizationId: row.organizationId,
    organizationName: org?.name ?? null,
    areaId: row.areaId,
    areaName: areaName(all, row.areaId),
    userId: row.userId,
    version: row.version,
  } satisfies Person;
}

export async function listPeople(ctx: TenantContext, q: { q?: string }): Promise<{ items: Person[] }> {
  councilsPolicy.staff(ctx, '関係者');
  const [rows, all] = await Promise.all([
    ctx.db
      .select()
      .from(people)
      .where(eq(people.tenantId, ctx.tenantId))
      .orderBy(asc(people.kana), asc(people.name)),
    tenantAreas(ctx),
  ]);
  const orgs = await organizationsByIds(
    ctx,
    rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])),
  );
  const key = q.q ? foldForSearch(q.q) : '';
  return {
    items: rows
      .filter((r) => !key || foldForSearch(`${r.name}${r.kana}`).includes(key))
      .map((r) => toPerson(r, all, orgs)),
  };
}

/** The tenant's 主体, area and login a person points at must exist; one login ties to one person. */
async function checkPerson(ctx: TenantContext, input: ParsedPerson, all: readonly AreaRow[], self?: string) {
  if (input.areaId && !all.some((a) => a.id === input.areaId))
    throw fieldError('areaId', '活動する地域：見つかりません。');
  const orgs = await organizationsByIds(ctx, input.organizationId ? [input.organizationId] : []);
  if (input.organizationId && !orgs.has(input.organizationId))
    throw fieldError('organizationId', '所属する主体：見つかりません。');
  if (input.userId) {
    const users = await tenantUsers(ctx);
    if (!users.some((u) => u.userId === input.userId))
      throw fieldError('userId', 'ログインする利用者：この団体の利用者ではありません。');
    const [taken] = await ctx.db
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(and(eq(people.tenantId, ctx.tenantId), eq(people.userId, input.userId)));
    if (taken && taken.id !== self)
      throw fieldError('userId', `ログインする利用者：すでに「${taken.name}」さんと結びついています。`);
  }
  return orgs;
}

export async function createPerson(ctx: TenantContext, input: ParsedPerson): Promise<Person> {
  const all = await tenantAreas(ctx);
  councilsPolicy.writePerson(ctx, input.areaId, all);
  const orgs = await checkPerson(ctx, input, all);
  const [row] = await ctx.db
    .insert(people)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      ...input,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, { entity: 'person', entityId: row!.id, action: 'create' });
  return toPerson(row!, all, orgs);
}

export async function updatePerson(
  ctx: TenantContext,
  id: string,
  input: ParsedPerson & { version: number },
): Promise<Person> {
  const all = await tenantAreas(ctx);
  councilsPolicy.writePerson(ctx, input.areaId, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findPerson(tx, id);
    councilsPolicy.writePerson(tx, before.areaId, all);
    const orgs = await checkPerson(tx, input, all, id);
    const { version, ...values } = input;
    const [row] = await tx.db
      .update(people)
      .set({ ...values, version: version + 1, updatedAt: tx.now() })
      .where(and(eq(people.tenantId, tx.tenantId), eq(people.id, id), eq(people.version, version)))
      .returning();
    if (!row) throw conflict(toPerson(before, all, orgs));
    await recordAudit(tx, { entity: 'person', entityId: id, action: 'update' });
    return toPerson(row, all, orgs);
  });
}

async function findPerson(ctx: TenantContext, id: string): Promise<PersonRow> {
  const [row] = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.tenantId, ctx.tenantId), eq(people.id, id)));
  if (!row) throw notFound('関係者');
  return row;
}

/** People of the tenant by id (for members, projects, activities and the network). */
export async function peopleByIds(
  ctx: TenantContext,
  ids: readonly string[] | 'all',
): Promise<Map<string, PersonRow>> {
  if (ids !== 'all' && ids.length === 0) return new Map();
  const rows = await ctx.db
    .select()
    .from(people)
    .where(
      and(
        eq(people.tenantId, ctx.tenantId),
        ids === 'all' ? undefined : inArray(people.id, [...new Set(ids)]),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------------------------------------
// Councils

/**
 * The council the caller is about to change: 404 when they may not even see it (another tenant's,
 * or not theirs as a 協議体委員), 403 when they may only read it. With the tenant's areas.
 */
export async function councilToChange(ctx: TenantContext, councilId: string) {
  const view = await councilsPolicy.view(ctx);
  councilsPolicy.see(view, councilId);
  const [council, all] = await Promise.all([findCouncil(ctx, councilId), tenantAreas(ctx)]);
  councilsPolicy.write(ctx, council, all);
  return { council, all };
}

export async function findCouncil(ctx: TenantContext, id: string): Promise<CouncilRow> {
  const [row] = await ctx.db
    .select()
    .from(councils)
    .where(and(eq(councils.tenantId, ctx.tenantId), eq(councils.id, id)));
  if (!row) throw notFound('協議体');
  return row;
}

/** Councils as the API returns them, with names, seat counts and this 年度's meetings. */
async function presentCouncils(
  ctx: TenantContext,
  rows: readonly CouncilRow[],
  all: readonly AreaRow[],
): Promise<Council[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const today = todayInTokyo(ctx.now());
  const { start, end } = fiscalYearRange(fiscalYearOf(today));
  const [users, seats, held, next] = await Promise.all([
    tenantUsers(ctx),
    ctx.db
      .select({
        councilId: councilMembers.councilId,
        termStart: councilMembers.termStart,
        termEnd: councilMembers.termEnd,
      })
      .from(councilMembers)
      .where(and(eq(councilMembers.tenantId, ctx.tenantId), inArray(councilMembers.councilId, ids))),
    ctx.db
      .select({ councilId: meetings.councilId, n: count() })
      .from(meetings)
      .where(
        and(
          eq(meetings.tenantId, ctx.tenantId),
          inArray(meetings.councilId, ids),
          sql`${meetings.heldOn} between ${start} and ${end}`,
          sql`${meetings.status} <> 'cancelled'`,
        ),
      )
      .groupBy(meetings.councilId),
    ctx.db
      .select({ councilId: meetings.councilId, id: meetings.id, heldOn: meetings.heldOn })
      .from(meetings)
      .where(
        and(
          eq(meetings.tenantId, ctx.tenantId),
          inArray(meetings.councilId, ids),
          sql`${meetings.heldOn} >= ${today}`,
          eq(meetings.status, 'planned'),
        ),
      )
      .orderBy(asc(meetings.heldOn)),
  ]);
  return rows.map((r) => {
    const upcoming = next.find((m) => m.councilId === r.id);
    return {
      id: r.id,
      name: r.name,
      layer: r.layer,
      areaId: r.areaId,
      areaName: areaName(all, r.areaId) ?? '',
      purpose: r.purpose,
      scUserId: r.scUserId,
      scName: users.find((u) => u.userId === r.scUserId)?.name ?? null,
      agendaTemplate: r.agendaTemplate,
      archived: r.archivedAt !== null,
      memberCount: seats.filter((s) => s.councilId === r.id && seatHeldOn(s, today)).length,
      meetingsThisYear: held.find((h) => h.councilId === r.id)?.n ?? 0,
      nextMeeting: upcoming ? { id: upcoming.id, heldOn: upcoming.heldOn } : null,
      version: r.version,
      canEdit: councilsPolicy.canWrite(ctx, r, all),
    };
  });
}

export async function listCouncils(ctx: TenantContext, q: { archived?: 'true' | 'false' }) {
  const view = await councilsPolicy.view(ctx);
  const all = await tenantAreas(ctx);
  const rows = await ctx.db
    .select()
    .from(councils)
    .where(
      and(
        eq(councils.tenantId, ctx.tenantId),
        q.archived === 'true' ? undefined : isNull(councils.archivedAt),
      ),
    )
    .orderBy(asc(councils.layer), asc(councils.name));
  const visible = rows.filter((r) => view === 'all' || view.has(r.id));
  const root = all.find((a) => a.layer === 1);
  return {
    items: await presentCouncils(ctx, visible, all),
    canCreate: Boolean(root && all.some((a) => councilsPolicy.canWrite(ctx, { areaId: a.id }, all))),
  };
}

/** The area must be this tenant's and of the council's 層 or the one above (a 第2層 council per 圏域). */
async function checkCouncil(ctx: TenantContext, input: ParsedCouncil, all: readonly AreaRow[]) {
  const area = all.find((a) => a.id === input.areaId);
  if (!area) throw fieldError('areaId', '地域：見つかりません。');
  if (area.layer > input.layer)
    throw fieldError(
      'areaId',
      `地域：${LAYER_SHORT[input.layer as Layer]}の協議体には、${LAYER_SHORT[input.layer as Layer]}より下の地域（${area.name}）は選べません。`,
    );
  if (input.layer === 1 && area.layer !== 1)
    throw fieldError('areaId', '地域：第1層の協議体は市町村全域を受け持ちます。');
  if (input.scUserId && !(await isWorker(ctx, input.scUserId)))
    throw fieldError(
      'scUserId',
      '担当のSC：この団体の保険者職員か生活支援コーディネーターを選んでください。',
    );
}

/** Roles that do the work (保険者職員, 第1層 or 第2層 SC): they may own tasks and be a council's SC. */
export const isWorkerRole = (role: string) => ['insurer_staff', 'sc1', 'sc2'].includes(role);

/** Whether a user of the tenant does the work: they may own tasks. */
export async function isWorker(ctx: TenantContext, userId: string): Promise<boolean> {
  const users = await tenantUsers(ctx);
  return users.some((u) => u.userId === userId && isWorkerRole(u.role));
}

export async function createCouncil(ctx: TenantContext, input: ParsedCouncil): Promise<Council> {
  const all = await tenantAreas(ctx);
  councilsPolicy.write(ctx, input, all);
  await checkCouncil(ctx, input, all);
  const [row] = await ctx.db
    .insert(councils)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      name: input.name,
      layer: input.layer,
      areaId: input.areaId,
      purpose: input.purpose,
      scUserId: input.scUserId,
      agendaTemplate: input.agendaTemplate ?? DEFAULT_AGENDA_TEMPLATE,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, {
    entity: 'council',
    entityId: row!.id,
    action: 'create',
    detail: { layer: input.layer },
  });
  return (await presentCouncils(ctx, [row!], all))[0]!;
}

export async function getCouncil(ctx: TenantContext, id: string, q: { fy?: number }) {
  const view = await councilsPolicy.view(ctx);
  councilsPolicy.see(view, id);
  const row = await findCouncil(ctx, id);
  const all = await tenantAreas(ctx);
  const fy = q.fy ?? fiscalYearOf(todayInTokyo(ctx.now()));
  const [council, members, groups, meetingRows, projectList] = await Promise.all([
    presentCouncils(ctx, [row], all),
    councilMembersOf(ctx, id),
    ctx.db
      .select()
      .from(councilGroups)
      .where(and(eq(councilGroups.tenantId, ctx.tenantId), eq(councilGroups.councilId, id)))
      .orderBy(asc(councilGroups.name)),
    ctx.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.tenantId, ctx.tenantId), eq(meetings.councilId, id)))
      .orderBy(asc(meetings.heldOn)),
    projectSummaries(ctx, { councilId: id, fy }, view),
  ]);
  const numbers = numberMeetings(meetingRows);
  const { start, end } = fiscalYearRange(fy);
  return {
    council: council[0]!,
    members,
    groups: groups.map(toGroup),
    meetings: meetingRows
      .filter((m) => m.heldOn >= start && m.heldOn <= end)
      .map((m) => toMeetingSummary(m, row, numbers)),
    projects: projectList,
  };
}

export async function updateCouncil(
  ctx: TenantContext,
  id: string,
  input: ParsedCouncil & { version: number },
): Promise<Council> {
  const all = await tenantAreas(ctx);
  councilsPolicy.write(ctx, input, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findCouncil(tx, id);
    councilsPolicy.write(tx, before, all);
    await checkCouncil(tx, input, all);
    return saveCouncil(tx, before, all, input.version, 'update', {
      name: input.name,
      layer: input.layer,
      areaId: input.areaId,
      purpose: input.purpose,
      scUserId: input.scUserId,
      agendaTemplate: input.agendaTemplate ?? before.agendaTemplate,
    });
  });
}

export async function archiveCouncil(
  ctx: TenantContext,
  id: string,
  input: { archived: boolean; version: number },
): Promise<Council> {
  const all = await tenantAreas(ctx);
  const view = await councilsPolicy.view(ctx);
  councilsPolicy.see(view, id);
  return inTransaction(ctx, async (tx) => {
    const before = await findCouncil(tx, id);
    councilsPolicy.write(tx, before, all);
    return saveCouncil(tx, before, all, input.version, input.archived ? 'archive' : 'unarchive', {
      archivedAt: input.archived ? tx.now() : null,
    });
  });
}

/**
 * Writes a change to a council at the version the caller saw (409 with the council as it is when
 * someone else saved first), audits it under `action` and answers the council as it now is.
 */
async function saveCouncil(
  tx: TenantContext,
  before: CouncilRow,
  all: readonly AreaRow[],
  version: number,
  action: string,
  set: Partial<typeof councils.$inferInsert>,
): Promise<Council> {
  const [row] = await tx.db
    .update(councils)
    .set({ ...set, version: version + 1, updatedAt: tx.now() })
    .where(and(eq(councils.tenantId, tx.tenantId), eq(councils.id, before.id), eq(councils.version, version)))
    .returning();
  if (!row) throw conflict((await presentCouncils(tx, [before], all))[0]);
  await recordAudit(tx, { entity: 'council', entityId: before.id, action });
  return (await presentCouncils(tx, [row], all))[0]!;
}

/**
 * A council entered by mistake (nothing recorded yet) may go; one with seats, meetings, 部会,
 * projects or tasks is refused with 409 and the advice to archive it, so no history is lost.
 */
export async function deleteCouncil(ctx: TenantContext, id: string): Promise<{ ok: true }> {
  const all = await tenantAreas(ctx);
  const view = await councilsPolicy.view(ctx);
  councilsPolicy.see(view, id);
  return inTransaction(ctx, async (tx) => {
    const before = await findCouncil(tx, id);
    councilsPolicy.write(tx, before, all);
    const where = <T extends { tenantId: unknown; councilId: unknown }>(t: T) =>
      and(eq(t.tenantId as never, tx.tenantId), eq(t.councilId as never, id));
    const counts = await Promise.all([
      tx.db.select({ n: count() }).from(councilMembers).where(where(councilMembers)),
      tx.db.select({ n: count() }).from(meetings).where(where(meetings)),
      tx.db.select({ n: count() }).from(councilGroups).where(where(councilGroups)),
      tx.db.select({ n: count() }).from(projects).where(where(projects)),
      tx.db.select({ n: count() }).from(tasks).where(where(tasks)),
    ]);
    const [seats, held, groups, pjs, todo] = counts.map((c) => c[0]?.n ?? 0);
    if (seats! + held! + groups! + pjs! + todo! > 0) {
      const what = [
        seats ? `委員${seats}人` : '',
        held ? `会議${held}回` : '',
        groups ? `部会${groups}` : '',
        pjs ? `プロジェクト${pjs}件` : '',
        todo ? `SCの仕事${todo}件` : '',
      ]
        .filter(Boolean)
        .join('・');
      throw conflict(
        (await presentCouncils(tx, [before], all))[0],
        `この協議体には記録（${what}）があるため削除できません。「アーカイブ」にすると一覧から外れ、記録はすべて残ります。`,
      );
    }
    await tx.db.delete(councils).where(and(eq(councils.tenantId, tx.tenantId), eq(councils.id, id)));
    await recordAudit(tx, {
      entity: 'council',
      entityId: id,
      action: 'delete',
      detail: { name: before.name },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Seats

function toMember(
  row: MemberRow,
  persons: Map<string, PersonRow>,
  orgs: Map<string, { name: string; kind: string }>,
  today: string,
): Member {
  const person = row.personId ? persons.get(row.personId) : undefined;
  const orgId = row.organizationId ?? person?.organizationId ?? null;
  const org = orgId ? orgs.get(orgId) : undefined;
  return {
    id: row.id,
    councilId: row.councilId,
    personId: row.personId,
    personName: person?.name ?? null,
    organizationId: orgId,
    organizationName: org?.name ?? null,
    actorKind: person?.kind || org?.kind || '',
    role: row.role as MemberRole,
    termStart: row.termStart,
    termEnd: row.termEnd,
    current: seatHeldOn(row, today),
    version: row.version,
  };
}

/** A council's seats, 会長 first, current ones before past ones. */
export async function councilMembersOf(ctx: TenantContext, councilId: string): Promise<Member[]> {
  const rows = await ctx.db
    .select()
    .from(councilMembers)
    .where(and(eq(councilMembers.tenantId, ctx.tenantId), eq(councilMembers.councilId, councilId)));
  return presentMembers(ctx, rows);
}

async function presentMembers(ctx: TenantContext, rows: readonly MemberRow[]): Promise<Member[]> {
  const persons = await peopleByIds(
    ctx,
    rows.flatMap((r) => (r.personId ? [r.personId] : [])),
  );
  const orgs = await organizationsByIds(ctx, [
    ...rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])),
    ...[...persons.values()].flatMap((p) => (p.organizationId ? [p.organizationId] : [])),
  ]);
  const today = todayInTokyo(ctx.now());
  return rows
    .map((r) => toMember(r, persons, orgs, today))
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        MEMBER_ROLE_CODES.indexOf(a.role) - MEMBER_ROLE_CODES.indexOf(b.role) ||
        (a.personName ?? a.organizationName ?? '').localeCompare(
          b.personName ?? b.organizationName ?? '',
          'ja',
        ),
    );
}

async function checkMember(ctx: TenantContext, input: ParsedMember) {
  if (!input.personId && !input.organizationId)
    throw fieldError('personId', '人：委員になる人か主体を選んでください。');
  const problem = termProblem(input.termStart, input.termEnd);
  if (problem) throw fieldError('termEnd', `任期の終わり：${problem}`);
  if (input.personId && !(await peopleByIds(ctx, [input.personId])).has(input.personId))
    throw fieldError('personId', '人：見つかりません。');
  if (
    input.organizationId &&
    !(await organizationsByIds(ctx, [input.organizationId])).has(input.organizationId)
  )
    throw fieldError('organizationId', '主体：見つかりません。');
}

export async function addMember(ctx: TenantContext, councilId: string, input: ParsedMember): Promise<Member> {
  await councilToChange(ctx, councilId);
  await checkMember(ctx, input);
  const [row] = await ctx.db
    .insert(councilMembers)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      councilId,
      ...input,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, {
    entity: 'council_member',
    entityId: row!.id,
    action: 'create',
    detail: { councilId, role: input.role },
  });
  return (await presentMembers(ctx, [row!]))[0]!;
}

export async function updateMember(
  ctx: TenantContext,
  councilId: string,
  memberId: string,
  input: ParsedMember & { version: number },
): Promise<Member> {
  await councilToChange(ctx, councilId);
  await checkMember(ctx, input);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(councilMembers)
      .where(
        and(
          eq(councilMembers.tenantId, tx.tenantId),
          eq(councilMembers.councilId, councilId),
          eq(councilMembers.id, memberId),
        ),
      );
    if (!before) throw notFound('委員');
    const { version, ...values } = input;
    const [row] = await tx.db
      .update(councilMembers)
      .set({ ...values, version: version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(councilMembers.tenantId, tx.tenantId),
          eq(councilMembers.id, memberId),
          eq(councilMembers.version, version),
        ),
      )
      .returning();
    if (!row) throw conflict((await presentMembers(tx, [before]))[0]);
    await recordAudit(tx, {
      entity: 'council_member',
      entityId: memberId,
      action: 'update',
      detail: { councilId },
    });
    return (await presentMembers(tx, [row]))[0]!;
  });
}

// ---------------------------------------------------------------------------------------------
// 部会

function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    councilId: row.councilId,
    name: row.name,
    theme: row.theme,
    memberIds: row.memberIds,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}

/** Where the first id that is not a seat of the council stands in `ids` (past seats count), or -1. */
export async function firstNonSeat(
  ctx: TenantContext,
  councilId: string,
  ids: readonly string[],
): Promise<number> {
  if (ids.length === 0) return -1;
  const rows = await ctx.db
    .select({ id: councilMembers.id })
    .from(councilMembers)
    .where(
      and(
        eq(councilMembers.tenantId, ctx.tenantId),
        eq(councilMembers.councilId, councilId),
        inArray(councilMembers.id, [...ids]),
      ),
    );
  const known = new Set(rows.map((r) => r.id));
  return ids.findIndex((m) => !known.has(m));
}

async function checkGroupMembers(ctx: TenantContext, councilId: string, memberIds: readonly string[]) {
  const i = await firstNonSeat(ctx, councilId, memberIds);
  if (i >= 0)
    throw fieldError(`memberIds.${i}`, `部会の委員（${i + 1}件目）：この協議体の委員ではありません。`);
}

export async function createGroup(ctx: TenantContext, councilId: string, input: ParsedGroup): Promise<Group> {
  await councilToChange(ctx, councilId);
  await checkGroupMembers(ctx, councilId, input.memberIds);
  const [row] = await ctx.db
    .insert(councilGroups)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      councilId,
      name: input.name,
      theme: input.theme,
      memberIds: [...new Set(input.memberIds)],
      archivedAt: input.archived ? ctx.now() : null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, {
    entity: 'council_group',
    entityId: row!.id,
    action: 'create',
    detail: { councilId },
  });
  return toGroup(row!);
}

export async function updateGroup(
  ctx: TenantContext,
  councilId: string,
  groupId: string,
  input: ParsedGroup & { version: number },
): Promise<Group> {
  await councilToChange(ctx, councilId);
  await checkGroupMembers(ctx, councilId, input.memberIds);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(councilGroups)
      .where(
        and(
          eq(councilGroups.tenantId, tx.tenantId),
          eq(councilGroups.councilId, councilId),
          eq(councilGroups.id, groupId),
        ),
      );
    if (!before) throw notFound('部会');
    const [row] = await tx.db
      .update(councilGroups)
      .set({
        name: input.name,
        theme: input.theme,
        memberIds: [...new Set(input.memberIds)],
        archivedAt: input.archived ? (before.archivedAt ?? tx.now()) : null,
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(
        and(
          eq(councilGroups.tenantId, tx.tenantId),
          eq(councilGroups.id, groupId),
          eq(councilGroups.version, input.version),
        ),
      )
      .returning();
    if (!row) throw conflict(toGroup(before));
    await recordAudit(tx, {
      entity: 'council_group',
      entityId: groupId,
      action: 'update',
      detail: { councilId },
    });
    return toGroup(row);
  });
}

// ---------------------------------------------------------------------------------------------
// Meetings as lines of lists, and the yearly table

export function toMeetingSummary(
  m: MeetingRow,
  council: Pick<CouncilRow, 'name' | 'layer'>,
  numbers: Map<string, number>,
): MeetingSummary {
  return {
    id: m.id,
    councilId: m.councilId,
    councilName: council.name,
    layer: council.layer,
    heldOn: m.heldOn,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.place,
    online: m.online,
    theme: m.theme,
    status: m.status as MeetingStatus,
    number: numbers.get(m.id) ?? null,
    attendees: m.attendeeIds.length,
    guests: m.guests,
  };
}

async function yearTableData(ctx: TenantContext, view: CouncilView, fy: number) {
  const all = await tenantAreas(ctx);
  const { start, end } = fiscalYearRange(fy);
  const councilRows = (
    await ctx.db.select().from(councils).where(eq(councils.tenantId, ctx.tenantId))
  ).filter((c) => view === 'all' || view.has(c.id));
  const meetingRows = (
    await ctx.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.tenantId, ctx.tenantId), sql`${meetings.heldOn} between ${start} and ${end}`))
  ).filter((m) => view === 'all' || view.has(m.councilId));
  // Archived councils stay in the years they met in, and leave the years after.
  const order = new Map(areaTree(all).map((r, i) => [r.area.id, i]));
  const shown = councilRows
    .filter((c) => c.archivedAt === null || meetingRows.some((m) => m.councilId === c.id))
    .sort(
      (a, b) => (order.get(a.areaId) ?? 0) - (order.get(b.areaId) ?? 0) || a.name.localeCompare(b.name, 'ja'),
    );
  const table = yearTable(fy, shown, meetingRows);
  return {
    ...table,
    columns: table.columns.map((c) => ({
      id: c.id,
      name: c.name,
      layer: c.layer,
      areaName: areaName(all, shown.find((s) => s.id === c.id)!.areaId) ?? '',
    })),
  };
}

export async function councilCalendar(ctx: TenantContext, q: { fy?: number }) {
  const view = await councilsPolicy.view(ctx);
  return yearTableData(ctx, view, q.fy ?? fiscalYearOf(todayInTokyo(ctx.now())));
}

/** The yearly table as an A4 landscape PDF for the 協議体 and the municipality's plan. */
export async function exportCouncilCalendar(ctx: TenantContext, q: { fy?: number }) {
  const view = await councilsPolicy.view(ctx);
  const fy = q.fy ?? fiscalYearOf(todayInTokyo(ctx.now()));
  const table = await yearTableData(ctx, view, fy);
  const today = todayInTokyo(ctx.now());
  const pdf = await printReport({
    title: `協議体の開催（${fiscalYearLabel(fy)}）`,
    subtitle: '月ごとの開催と主なテーマ。第1層と第2層の協議体を並べています。',
    today,
    sections: [
      {
        heading: `${fiscalYearLabel(fy)}　月 × 協議体`,
        header: ['開催月', ...table.columns.map((c) => `${LAYER_SHORT[c.layer as Layer]} ${c.name}`)],
        rows: table.rows.map((r) => [
          `${Number(r.month.slice(5))}月`,
          ...r.cells.map((cell) =>
            cell
              .map((m) =>
                m.cancelled
                  ? `（中止）${m.theme}`
                  : `第${m.number}回 ${Number(m.heldOn.slice(8))}日 ${m.theme}`,
              )
              .join('\n'),
          ),
        ]),
      },
    ],
  });
  return {
    fileName: `council-calendar-${fy}.pdf`,
    contentType: 'application/pdf',
    body: new Uint8Array(pdf),
  };
}

// ---------------------------------------------------------------------------------------------
// Project lines (for the council page and the project list)

export async function projectSummaries(
  ctx: TenantContext,
  q: { councilId?: string; fy?: number; ids?: readonly string[] },
  view: CouncilView,
): Promise<ProjectSummary[]> {
  const rows = await ctx.db
    .select({ p: projects, c: councils, g: councilGroups })
    .from(projects)
    .innerJoin(councils, and(eq(councils.tenantId, projects.tenantId), eq(councils.id, projects.councilId)))
    .leftJoin(
      councilGroups,
      and(eq(councilGroups.tenantId, projects.tenantId), eq(councilGroups.id, projects.groupId)),
    )
    .where(
      and(
        eq(projects.tenantId, ctx.tenantId),
        q.councilId ? eq(projects.councilId, q.councilId) : undefined,
        q.fy ? eq(projects.fiscalYear, q.fy) : undefined,
        q.ids ? inArray(projects.id, [...q.ids]) : undefined,
      ),
    )
    .orderBy(asc(projects.fiscalYear), asc(projects.name));
  const visible = rows.filter((r) => view === 'all' || view.has(r.p.councilId));
  const ids = visible.map((r) => r.p.id);
  const [trialCounts, resourceCounts] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          ctx.db
            .select({ id: projectTrials.projectId, n: count() })
            .from(projectTrials)
            .where(and(eq(projectTrials.tenantId, ctx.tenantId), inArray(projectTrials.projectId, ids)))
            .groupBy(projectTrials.projectId),
          ctx.db
            .select({ id: projectResources.projectId, n: count() })
            .from(projectResources)
            .where(and(eq(projectResources.tenantId, ctx.tenantId), inArray(projectResources.projectId, ids)))
            .groupBy(projectResources.projectId),
        ]);
  return visible.map(({ p, c, g }) => ({
    id: p.id,
    councilId: p.councilId,
    councilName: c.name,
    groupId: p.groupId,
    groupName: g?.name ?? null,
    name: p.name,
    fiscalYear: p.fiscalYear,
    issue: p.issue,
    goal: p.goal,
    status: p.status as ProjectStatus,
    trials: trialCounts.find((t) => t.id === p.id)?.n ?? 0,
    resources: resourceCounts.find((t) => t.id === p.id)?.n ?? 0,
  }));
}
