import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Task, TaskInput, TaskUpdate } from '../../../contracts/councils';
import type { TaskStatus } from '../../../domain/councils';
import { todayInTokyo } from '../../../domain/dates';
import { canWriteTenant } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, actorId, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, forbidden, notFound } from '../../core/errors';
import { tenantUsers } from '../accounts';
import { type AreaRow, tenantAreas } from '../areas';
import { councilsPolicy } from './councils.policy';
import { findCouncil, isWorker, isWorkerRole } from './councils.service';
import {
  agendaItems,
  type CouncilRow,
  councils,
  meetings,
  projects,
  type TaskRow,
  tasks,
} from './councils.tables';

/*
 * SC tasks (わたしの仕事): what a council handed to the SC (「SCに託す」) and anything else she must
 * do by a date. Every task has an owner — a 保険者職員 or SC of the tenant — and a due date.
 */

type ParsedInput = z.output<typeof TaskInput>;
type ParsedUpdate = z.output<typeof TaskUpdate>;

async function presentTasks(
  ctx: TenantContext,
  rows: readonly TaskRow[],
  all: readonly AreaRow[],
): Promise<Task[]> {
  if (rows.length === 0) return [];
  const councilIds = [...new Set(rows.flatMap((r) => (r.councilId ? [r.councilId] : [])))];
  const meetingIds = [...new Set(rows.flatMap((r) => (r.meetingId ? [r.meetingId] : [])))];
  const projectIds = [...new Set(rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
  const [users, councilRows, meetingRows, projectRows] = await Promise.all([
    tenantUsers(ctx),
    councilIds.length
      ? ctx.db
          .select()
          .from(councils)
          .where(and(eq(councils.tenantId, ctx.tenantId), inArray(councils.id, councilIds)))
      : [],
    meetingIds.length
      ? ctx.db
          .select({ id: meetings.id, heldOn: meetings.heldOn })
          .from(meetings)
          .where(and(eq(meetings.tenantId, ctx.tenantId), inArray(meetings.id, meetingIds)))
      : [],
    projectIds.length
      ? ctx.db
          .select({ id: projects.id, name: projects.name })
          .from(projects)
          .where(and(eq(projects.tenantId, ctx.tenantId), inArray(projects.id, projectIds)))
      : [],
  ]);
  const me = actorId(ctx.actor);
  return rows.map((r) => {
    const council = councilRows.find((c) => c.id === r.councilId);
    return {
      id: r.id,
      title: r.title,
      detail: r.detail,
      ownerUserId: r.ownerUserId,
      ownerName: users.find((u) => u.userId === r.ownerUserId)?.name ?? '（不明）',
      dueOn: r.dueOn,
      status: r.status as TaskStatus,
      council: council ? { id: council.id, name: council.name } : null,
      meeting: meetingRows.find((m) => m.id === r.meetingId) ?? null,
      agendaItemId: r.agendaItemId,
      project: projectRows.find((p) => p.id === r.projectId) ?? null,
      doneOn: r.doneOn,
      doneNote: r.doneNote,
      createdBy: r.createdBy,
      version: r.version,
      canEdit:
        r.ownerUserId === me || (council ? councilsPolicy.canWrite(ctx, council, all) : canWriteTenant(ctx)),
    };
  });
}

/** わたしの仕事 (open first, by due date), or everyone's for those who look after the whole town. */
export async function listTasks(
  ctx: TenantContext,
  q: { owner: 'me' | 'all'; status: 'open' | 'closed' | 'all' },
): Promise<{ items: Task[] }> {
  const reach = councilsPolicy.tasks(ctx);
  const all = await tenantAreas(ctx);
  const me = actorId(ctx.actor);
  const rows = await ctx.db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.tenantId, ctx.tenantId),
        q.owner === 'me' && me ? eq(tasks.ownerUserId, me) : undefined,
        q.status === 'open' ? eq(tasks.status, 'open') : undefined,
        q.status === 'closed' ? inArray(tasks.status, ['done', 'dropped']) : undefined,
      ),
    )
    .orderBy(asc(tasks.dueOn), asc(tasks.createdAt));
  const shown = await presentTasks(ctx, rows, all);
  // A 第2層 SC sees her own tasks and those of the councils she looks after.
  return { items: reach === 'all' ? shown : shown.filter((t) => t.ownerUserId === me || t.canEdit) };
}

/** Where a task belongs: its agenda item's meeting and council, or a project's council. */
async function placeOf(
  ctx: TenantContext,
  input: ParsedInput,
): Promise<{ council: CouncilRow | null; meetingId: string | null }> {
  if (input.agendaItemId && !input.meetingId)
    throw fieldError('meetingId', '会議：議題から託すときは会議も指定してください。');
  let councilId: string | null = null;
  let meetingId: string | null = null;
  if (input.meetingId) {
    const [m] = await ctx.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.tenantId, ctx.tenantId), eq(meetings.id, input.meetingId)));
    if (!m) throw fieldError('meetingId', '会議：見つかりません。');
    meetingId = m.id;
    councilId = m.councilId;
    if (input.agendaItemId) {
      const [item] = await ctx.db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.tenantId, ctx.tenantId),
            eq(agendaItems.meetingId, m.id),
            eq(agendaItems.id, input.agendaItemId),
          ),
        );
      if (!item) throw fieldError('agendaItemId', '議題：この会議の議題ではありません。');
    }
  }
  if (input.projectId) {
    const [p] = await ctx.db
      .select({ councilId: projects.councilId })
      .from(projects)
      .where(and(eq(projects.tenantId, ctx.tenantId), eq(projects.id, input.projectId)));
    if (!p) throw fieldError('projectId', 'プロジェクト：見つかりません。');
    if (councilId && p.councilId !== councilId)
      throw fieldError('projectId', 'プロジェクト：会議と同じ協議体のプロジェクトを選んでください。');
    councilId = p.councilId;
  }
  return { council: councilId ? await findCouncil(ctx, councilId) : null, meetingId };
}

async function checkOwner(ctx: TenantContext, input: { ownerUserId: string; dueOn: string }) {
  if (!(await isWorker(ctx, input.ownerUserId)))
    throw fieldError(
      'ownerUserId',
      '担当者：この団体の保険者職員か生活支援コーディネーターを選んでください。',
    );
}

export async function createTask(ctx: TenantContext, input: ParsedInput): Promise<Task> {
  const reach = councilsPolicy.tasks(ctx);
  const all = await tenantAreas(ctx);
  const { council, meetingId } = await placeOf(ctx, input);
  if (council) councilsPolicy.write(ctx, council, all);
  else if (reach === 'own' && input.ownerUserId !== actorId(ctx.actor))
    throw forbidden('協議体に結びつかない仕事は、自分の仕事としてだけ記録できます。');
  await checkOwner(ctx, input);
  const [row] = await ctx.db
    .insert(tasks)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      title: input.title,
      detail: input.detail,
      ownerUserId: input.ownerUserId,
      dueOn: input.dueOn,
      councilId: council?.id ?? null,
      meetingId,
      agendaItemId: input.agendaItemId,
      projectId: input.projectId,
      createdBy: actorDisplayName(ctx.actor),
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, {
    entity: 'task',
    entityId: row!.id,
    action: 'create',
    detail: { councilId: council?.id ?? null, meetingId, owner: input.ownerUserId },
  });
  return (await presentTasks(ctx, [row!], all))[0]!;
}

export async function updateTask(ctx: TenantContext, id: string, input: ParsedUpdate): Promise<Task> {
  councilsPolicy.tasks(ctx);
  const all = await tenantAreas(ctx);
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.tenantId, tx.tenantId), eq(tasks.id, id)));
    if (!before) throw notFound('仕事');
    const [shown] = await presentTasks(tx, [before], all);
    if (!shown!.canEdit) throw forbidden('この仕事を変更できるのは、担当者と協議体を受け持つ人です。');
    await checkOwner(tx, input);
    const closing = input.status !== 'open';
    const [row] = await tx.db
      .update(tasks)
      .set({
        title: input.title,
        detail: input.detail,
        ownerUserId: input.ownerUserId,
        dueOn: input.dueOn,
        status: input.status,
        doneOn: closing ? (before.doneOn ?? todayInTokyo(tx.now())) : null,
        doneNote: input.doneNote,
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(tasks.tenantId, tx.tenantId), eq(tasks.id, id), eq(tasks.version, input.version)))
      .returning();
    if (!row) throw conflict(shown);
    await recordAudit(tx, {
      entity: 'task',
      entityId: id,
      action: 'update',
      detail: { status: input.status },
    });
    return (await presentTasks(tx, [row], all))[0]!;
  });
}

/** Users who may own tasks (and be the SC in charge of a council). */
export async function taskOwners(ctx: TenantContext) {
  councilsPolicy.staff(ctx, '利用者');
  const users = await tenantUsers(ctx);
  return {
    items: users
      .filter((u) => isWorkerRole(u.role))
      .map((u) => ({ userId: u.userId, name: u.name, role: u.role })),
  };
}
