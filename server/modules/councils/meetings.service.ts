import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AgendaItem,
  AgendaItemInput,
  Meeting,
  MeetingInput,
  MeetingUpdate,
  MinutesInput,
} from '../../../contracts/councils';
import { LAYER_SHORT, type Layer } from '../../../domain/areas';
import {
  AGENDA_STEPS,
  type AgendaStep,
  agendaStepLabel,
  buildAgenda,
  carriedOver,
  memberRoleLabel,
  numberMeetings,
  seatHeldOn,
  type TaskStatus,
} from '../../../domain/councils';
import {
  fiscalYearLabel,
  fiscalYearOf,
  formatWareki,
  formatWarekiWithWeekday,
  todayInTokyo,
} from '../../../domain/dates';
import { topLevelOf } from '../../../domain/needs-matrix';
import { personalDataScope } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound, validationFailed } from '../../core/errors';
import { tenantUsers } from '../accounts';
import { type AreaRow, tenantAreas } from '../areas';
import { needFacts, needsMatrix } from '../needs';
import { buildEventsFeed } from '../opendata';
import { type DocumentBlock, printDocument } from '../print';
import { resourceNames, tenantTerms } from '../resources';
import { getTenant } from '../tenants';
import { councilsPolicy } from './councils.policy';
import {
  councilMembersOf,
  councilToChange,
  findCouncil,
  firstNonSeat,
  toMeetingSummary,
} from './councils.service';
import {
  type AgendaItemRow,
  agendaItems,
  type CouncilRow,
  type MeetingRow,
  meetings,
  projects,
  tasks,
} from './councils.tables';

/*
 * Meetings: prepared from the council's template (the seeds' flow), with the previous meeting's
 * 宿題・継続協議 carried in; minutes per agenda item (notes, ideas, what was handed to the SC,
 * homework); the 次第 and 議事録 as PDFs; the council's meetings as an ICS file.
 */

type ParsedMeeting = z.output<typeof MeetingInput>;
type ParsedUpdate = z.output<typeof MeetingUpdate>;
type ParsedItem = z.output<typeof AgendaItemInput>;
type ParsedMinutes = z.output<typeof MinutesInput>;
type Links = Pick<ParsedItem, 'cell' | 'needIds' | 'resourceIds' | 'projectId'>;

async function findMeeting(ctx: TenantContext, id: string): Promise<MeetingRow> {
  const [row] = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, ctx.tenantId), eq(meetings.id, id)));
  if (!row) throw notFound('会議');
  return row;
}

/** The meeting, after checking the caller may see its council. */
async function visibleMeeting(ctx: TenantContext, id: string) {
  const view = await councilsPolicy.view(ctx, '会議');
  const meeting = await findMeeting(ctx, id);
  councilsPolicy.see(view, meeting.councilId, '会議');
  const council = await findCouncil(ctx, meeting.councilId);
  return { meeting, council };
}

/** The meeting the caller may change (its council is theirs to change). */
async function writableMeeting(ctx: TenantContext, id: string, all: readonly AreaRow[]) {
  const found = await visibleMeeting(ctx, id);
  councilsPolicy.write(ctx, found.council, all);
  return found;
}

/** Checks the links of an agenda item: this tenant's area and category, needs, resources, project. */
async function checkLinks(
  ctx: TenantContext,
  links: Links,
  councilId: string,
  all: readonly AreaRow[],
  prefix = '',
): Promise<Links> {
  let cell = links.cell;
  if (cell) {
    const area = all.find((a) => a.id === cell!.areaId);
    if (!area) throw fieldError(`${prefix}cell.areaId`, '対比表の地域：見つかりません。');
    if (area.layer === 1)
      throw fieldError(`${prefix}cell.areaId`, '対比表の地域：圏域か地区（第2層・第3層）を選んでください。');
    const terms = await tenantTerms(ctx);
    if (!terms.some((t) => t.code === cell!.category))
      throw fieldError(`${prefix}cell.category`, '対比表の分類：見つかりません。');
    // The table counts by top-level category: a sub-category names its parent's cell.
    cell = { areaId: area.id, category: topLevelOf(terms)(cell.category) };
  }
  const facts = await needFacts(ctx, links.needIds);
  const missingNeed = links.needIds.findIndex((id) => !facts.has(id));
  if (missingNeed >= 0)
    throw fieldError(
      `${prefix}needIds.${missingNeed}`,
      `困りごと（${missingNeed + 1}件目）：見つかりません。`,
    );
  const names = await resourceNames(ctx, links.resourceIds);
  const missingResource = links.resourceIds.findIndex((id) => !names.has(id));
  if (missingResource >= 0)
    throw fieldError(
      `${prefix}resourceIds.${missingResource}`,
      `地域資源（${missingResource + 1}件目）：見つかりません。`,
    );
  if (links.projectId) {
    const [p] = await ctx.db
      .select({ councilId: projects.councilId })
      .from(projects)
      .where(and(eq(projects.tenantId, ctx.tenantId), eq(projects.id, links.projectId)));
    if (!p || p.councilId !== councilId)
      throw fieldError(`${prefix}projectId`, 'プロジェクト：この協議体のプロジェクトではありません。');
  }
  return {
    cell,
    needIds: [...new Set(links.needIds)],
    resourceIds: [...new Set(links.resourceIds)],
    projectId: links.projectId,
  };
}

/** The columns that say what an item points at (nothing, for `null`). */
function linkColumns(links: Links | null) {
  return {
    cellAreaId: links?.cell?.areaId ?? null,
    cellCategory: links?.cell?.category ?? null,
    needIds: links?.needIds ?? [],
    resourceIds: links?.resourceIds ?? [],
    projectId: links?.projectId ?? null,
  };
}

/** A carried item keeps pointing at what the item it was carried from pointed at. */
function carriedLinkColumns(from: AgendaItemRow) {
  return {
    cellAreaId: from.cellAreaId,
    cellCategory: from.cellCategory,
    needIds: from.needIds,
    resourceIds: from.resourceIds,
    projectId: from.projectId,
  };
}

/** The columns an item's form sets (what it is and what it points at). */
function itemColumns(input: Pick<ParsedItem, 'step' | 'title' | 'description'>, links: Links) {
  return { step: input.step, title: input.title, description: input.description, ...linkColumns(links) };
}

/** Items of a held meeting marked 宿題・継続協議 that no later meeting has taken up yet. */
async function pendingHomework(
  ctx: TenantContext,
  councilId: string,
  before: string,
  exceptMeeting?: string,
) {
  const earlier = await ctx.db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, ctx.tenantId),
        eq(meetings.councilId, councilId),
        sql`${meetings.heldOn} < ${before}`,
        sql`${meetings.status} <> 'cancelled'`,
      ),
    )
    .orderBy(sql`${meetings.heldOn} desc`);
  const previous = earlier.find((m) => m.id !== exceptMeeting);
  if (!previous) return [];
  const items = await ctx.db
    .select()
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.tenantId, ctx.tenantId),
        eq(agendaItems.meetingId, previous.id),
        eq(agendaItems.carryOver, true),
      ),
    );
  if (items.length === 0) return [];
  const taken = await ctx.db
    .select({ from: agendaItems.carriedFromId })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.tenantId, ctx.tenantId),
        inArray(
          agendaItems.carriedFromId,
          items.map((i) => i.id),
        ),
      ),
    );
  const done = new Set(taken.map((t) => t.from));
  return items.filter((i) => !done.has(i.id));
}

export async function createMeeting(
  ctx: TenantContext,
  councilId: string,
  input: ParsedMeeting,
): Promise<Meeting> {
  const { council, all } = await councilToChange(ctx, councilId);
  if (council.archivedAt)
    throw fieldError('heldOn', '開催日：アーカイブした協議体には会議を加えられません。');
  checkTimes(input.startsAt, input.endsAt);
  const issue = input.issue ? await checkLinks(ctx, input.issue, councilId, all, 'issue.') : null;
  const id = await inTransaction(ctx, async (tx) => {
    const meetingId = randomUUID();
    await tx.db.insert(meetings).values({
      tenantId: tx.tenantId,
      id: meetingId,
      councilId,
      heldOn: input.heldOn,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      place: input.place,
      online: input.online,
      theme: input.theme,
      status: 'planned',
      createdBy: actorDisplayName(tx.actor),
      createdAt: tx.now(),
      updatedAt: tx.now(),
    });
    const homework = await pendingHomework(tx, councilId, input.heldOn, meetingId);
    const agenda = buildAgenda(council.agendaTemplate, carriedOver(homework));
    const issueAt = agenda.findIndex((a) => a.step === 'issue' && a.carriedFrom === null);
    await tx.db.insert(agendaItems).values(
      agenda.map((a, i) => {
        const isIssue = issue !== null && i === issueAt;
        const from = a.carriedFrom ? homework.find((h) => h.id === a.carriedFrom) : undefined;
        return {
          tenantId: tx.tenantId,
          id: randomUUID(),
          meetingId,
          position: i + 1,
          step: a.step,
          title: isIssue && input.issue?.title ? input.issue.title : a.title,
          description: a.description,
          ...(from ? carriedLinkColumns(from) : linkColumns(isIssue ? issue : null)),
          carriedFromId: a.carriedFrom,
          createdAt: tx.now(),
          updatedAt: tx.now(),
        };
      }),
    );
    await recordAudit(tx, {
      entity: 'meeting',
      entityId: meetingId,
      action: 'create',
      detail: { councilId, heldOn: input.heldOn, carried: homework.length },
    });
    return meetingId;
  });
  return getMeeting(ctx, id);
}

function checkTimes(startsAt: string | null, endsAt: string | null) {
  if (startsAt && endsAt && endsAt <= startsAt)
    throw fieldError('endsAt', '終了時刻：開始時刻より後にしてください。');
}

export async function getMeeting(ctx: TenantContext, id: string): Promise<Meeting> {
  const { meeting, council } = await visibleMeeting(ctx, id);
  const all = await tenantAreas(ctx);
  return presentMeeting(ctx, meeting, council, all);
}

async function presentMeeting(
  ctx: TenantContext,
  meeting: MeetingRow,
  council: CouncilRow,
  all: readonly AreaRow[],
): Promise<Meeting> {
  const [siblings, items, members] = await Promise.all([
    ctx.db
      .select()
      .from(meetings)
      .where(and(eq(meetings.tenantId, ctx.tenantId), eq(meetings.councilId, meeting.councilId)))
      .orderBy(asc(meetings.heldOn), asc(meetings.id)),
    ctx.db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.tenantId, ctx.tenantId), eq(agendaItems.meetingId, meeting.id)))
      .orderBy(asc(agendaItems.position)),
    councilMembersOf(ctx, meeting.councilId),
  ]);
  const numbers = numberMeetings(siblings);
  const at = siblings.findIndex((m) => m.id === meeting.id);
  const around = (m: MeetingRow | undefined) => (m ? { id: m.id, heldOn: m.heldOn } : null);
  return {
    ...toMeetingSummary(meeting, council, numbers),
    attendeeIds: meeting.attendeeIds,
    guestsNote: meeting.guestsNote,
    review: meeting.review,
    nextNote: meeting.nextNote,
    items: await presentItems(ctx, items, all),
    // The seats held on the day, and anyone recorded as present who has left since.
    seats: members.filter((m) => seatHeldOn(m, meeting.heldOn) || meeting.attendeeIds.includes(m.id)),
    previous: around(siblings[at - 1]),
    next: around(siblings[at + 1]),
    version: meeting.version,
    canEdit: councilsPolicy.canWrite(ctx, council, all),
  };
}

/**
 * Agenda items with what they point at, in words. Needs appear as category, area and number of
 * people; their one-line summary only for those who may read needs — never a resident's name.
 */
async function presentItems(
  ctx: TenantContext,
  items: readonly AgendaItemRow[],
  all: readonly AreaRow[],
): Promise<AgendaItem[]> {
  if (items.length === 0) return [];
  const needIds = items.flatMap((i) => i.needIds);
  const resourceIds = items.flatMap((i) => i.resourceIds);
  const projectIds = [...new Set(items.flatMap((i) => (i.projectId ? [i.projectId] : [])))];
  const carriedIds = items.flatMap((i) => (i.carriedFromId ? [i.carriedFromId] : []));
  const [facts, names, projectRows, taskRows, users, origins, terms] = await Promise.all([
    needFacts(ctx, needIds),
    resourceNames(ctx, resourceIds),
    projectIds.length
      ? ctx.db
          .select({ id: projects.id, name: projects.name })
          .from(projects)
          .where(and(eq(projects.tenantId, ctx.tenantId), inArray(projects.id, projectIds)))
      : [],
    ctx.db
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.tenantId, ctx.tenantId),
          inArray(
            tasks.agendaItemId,
            items.map((i) => i.id),
          ),
        ),
      )
      .orderBy(asc(tasks.dueOn)),
    tenantUsers(ctx),
    carriedIds.length
      ? ctx.db
          .select({
            id: agendaItems.id,
            title: agendaItems.title,
            meetingId: meetings.id,
            heldOn: meetings.heldOn,
          })
          .from(agendaItems)
          .innerJoin(
            meetings,
            and(eq(meetings.tenantId, agendaItems.tenantId), eq(meetings.id, agendaItems.meetingId)),
          )
          .where(and(eq(agendaItems.tenantId, ctx.tenantId), inArray(agendaItems.id, carriedIds)))
      : [],
    tenantTerms(ctx),
  ]);
  const cells = await cellFigures(ctx, items, all);
  const scope = personalDataScope(ctx, all);
  return items.map((i) => {
    const origin = origins.find((o) => o.id === i.carriedFromId);
    const cell = i.cellAreaId && i.cellCategory ? cells.get(`${i.cellAreaId}:${i.cellCategory}`) : undefined;
    return {
      id: i.id,
      position: i.position,
      step: i.step as AgendaStep,
      title: i.title,
      description: i.description,
      cell:
        i.cellAreaId && i.cellCategory
          ? {
              areaId: i.cellAreaId,
              areaName: all.find((a) => a.id === i.cellAreaId)?.name ?? '',
              category: i.cellCategory,
              categoryName: terms.find((t) => t.code === i.cellCategory)?.name ?? i.cellCategory,
              openNeeds: cell?.openNeeds ?? 0,
              resources: cell?.resources ?? 0,
              gap: cell?.gap ?? false,
            }
          : null,
      needs: i.needIds.flatMap((n) => {
        const f = facts.get(n);
        if (!f) return [];
        const mayRead = scope === 'all' || Boolean(scope?.has(f.areaId));
        return [
          {
            id: f.id,
            categoryName: f.categoryName,
            areaName: f.areaName,
            people: f.people,
            summary: mayRead ? f.summary : null,
          },
        ];
      }),
      resources: i.resourceIds.flatMap((r) => (names.has(r) ? [{ id: r, name: names.get(r)! }] : [])),
      project: projectRows.find((p) => p.id === i.projectId) ?? null,
      carriedFrom: origin
        ? { meetingId: origin.meetingId, heldOn: origin.heldOn, title: origin.title }
        : null,
      notes: i.notes,
      ideas: i.ideas,
      carryOver: i.carryOver,
      homework: i.homework,
      tasks: taskRows
        .filter((t) => t.agendaItemId === i.id)
        .map((t) => ({
          id: t.id,
          title: t.title,
          dueOn: t.dueOn,
          ownerName: users.find((u) => u.userId === t.ownerUserId)?.name ?? '（不明）',
          status: t.status as TaskStatus,
        })),
      version: i.version,
    };
  });
}

/** Today's figures of the needs-against-resources cells the items point at (counts only). */
async function cellFigures(ctx: TenantContext, items: readonly AgendaItemRow[], all: readonly AreaRow[]) {
  const out = new Map<string, { openNeeds: number; resources: number; gap: boolean }>();
  const layers = new Set(
    items.flatMap((i) => {
      const layer = all.find((a) => a.id === i.cellAreaId)?.layer;
      return layer === 2 || layer === 3 ? [layer] : [];
    }),
  );
  for (const layer of layers) {
    const m = await needsMatrix(ctx, { layer: String(layer) as '2' | '3' });
    for (const c of m.cells) out.set(`${c.areaId}:${c.category}`, c);
  }
  return out;
}

export async function updateMeeting(ctx: TenantContext, id: string, input: ParsedUpdate): Promise<Meeting> {
  const all = await tenantAreas(ctx);
  const { council } = await writableMeeting(ctx, id, all);
  checkTimes(input.startsAt, input.endsAt);
  if (input.status === 'held' && input.heldOn > todayInTokyo(ctx.now()))
    throw fieldError('status', '開催の状況：開催日が来る前に「開催済み」にはできません。');
  const stranger = await firstNonSeat(ctx, council.id, input.attendeeIds);
  if (stranger >= 0)
    throw fieldError(
      `attendeeIds.${stranger}`,
      `出席した委員（${stranger + 1}人目）：この協議体の委員ではありません。`,
    );
  return inTransaction(ctx, async (tx) => {
    const before = await findMeeting(tx, id);
    const { version, ...values } = input;
    const [row] = await tx.db
      .update(meetings)
      .set({
        ...values,
        attendeeIds: [...new Set(values.attendeeIds)],
        version: version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(meetings.tenantId, tx.tenantId), eq(meetings.id, id), eq(meetings.version, version)))
      .returning();
    if (!row) throw conflict(await presentMeeting(tx, before, council, all));
    await recordAudit(tx, {
      entity: 'meeting',
      entityId: id,
      action: 'update',
      detail: { status: input.status, attendees: values.attendeeIds.length },
    });
    return presentMeeting(tx, row, council, all);
  });
}

export async function addAgendaItem(
  ctx: TenantContext,
  meetingId: string,
  input: ParsedItem,
): Promise<AgendaItem> {
  const all = await tenantAreas(ctx);
  const { meeting } = await writableMeeting(ctx, meetingId, all);
  const links = await checkLinks(ctx, input, meeting.councilId, all);
  return inTransaction(ctx, async (tx) => {
    const position = await makeRoom(tx, meetingId, input.step);
    const [row] = await tx.db
      .insert(agendaItems)
      .values({
        tenantId: tx.tenantId,
        id: randomUUID(),
        meetingId,
        position,
        ...itemColumns(input, links),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'agenda_item',
      entityId: row!.id,
      action: 'create',
      detail: { meetingId },
    });
    return (await presentItems(tx, [row!], all))[0]!;
  });
}

/**
 * The position for a new item of `step`: after the last item of that step or an earlier one, so
 * that the flow ①–⑥ stays in order; the items after it move down by one.
 */
async function makeRoom(ctx: TenantContext, meetingId: string, step: AgendaStep): Promise<number> {
  const items = await ctx.db
    .select({ step: agendaItems.step, position: agendaItems.position })
    .from(agendaItems)
    .where(and(eq(agendaItems.tenantId, ctx.tenantId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));
  const order = (s: string) => AGENDA_STEPS.findIndex((x) => x.code === s);
  const before = items.filter((i) => order(i.step) <= order(step));
  const position = before.length === 0 ? 1 : before[before.length - 1]!.position + 1;
  await ctx.db
    .update(agendaItems)
    .set({ position: sql`${agendaItems.position} + 1` })
    .where(
      and(
        eq(agendaItems.tenantId, ctx.tenantId),
        eq(agendaItems.meetingId, meetingId),
        sql`${agendaItems.position} >= ${position}`,
      ),
    );
  return position;
}

async function findItem(ctx: TenantContext, meetingId: string, itemId: string): Promise<AgendaItemRow> {
  const [row] = await ctx.db
    .select()
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.tenantId, ctx.tenantId),
        eq(agendaItems.meetingId, meetingId),
        eq(agendaItems.id, itemId),
      ),
    );
  if (!row) throw notFound('議題');
  return row;
}

/**
 * Writes an item's minutes. Marking it 宿題・継続協議 puts it on the council's next meeting at once
 * when that meeting is already prepared (and takes it off again while nothing was recorded there).
 */
export async function updateAgendaItem(
  ctx: TenantContext,
  meetingId: string,
  itemId: string,
  input: ParsedMinutes,
): Promise<AgendaItem> {
  const all = await tenantAreas(ctx);
  const { meeting } = await writableMeeting(ctx, meetingId, all);
  const links = await checkLinks(ctx, input, meeting.councilId, all);
  if (input.carryOver && !input.homework && !input.title)
    throw fieldError('homework', '宿題の内容：宿題・継続協議にするときは内容を書いてください。');
  return inTransaction(ctx, async (tx) => {
    const before = await findItem(tx, meetingId, itemId);
    const [row] = await tx.db
      .update(agendaItems)
      .set({
        ...itemColumns(input, links),
        notes: input.notes,
        ideas: input.ideas,
        carryOver: input.carryOver,
        homework: input.carryOver ? input.homework : '',
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(
        and(
          eq(agendaItems.tenantId, tx.tenantId),
          eq(agendaItems.id, itemId),
          eq(agendaItems.version, input.version),
        ),
      )
      .returning();
    if (!row) throw conflict((await presentItems(tx, [before], all))[0]);
    if (before.carryOver !== row.carryOver || before.homework !== row.homework)
      await syncCarried(tx, meeting, row);
    await recordAudit(tx, {
      entity: 'agenda_item',
      entityId: itemId,
      action: 'minutes',
      detail: { meetingId, ideas: input.ideas.length, carryOver: input.carryOver },
    });
    return (await presentItems(tx, [row], all))[0]!;
  });
}

/** Keeps the next prepared meeting's agenda in step with this item's 宿題 mark. */
async function syncCarried(ctx: TenantContext, meeting: MeetingRow, item: AgendaItemRow) {
  const [next] = await ctx.db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.tenantId, ctx.tenantId),
        eq(meetings.councilId, meeting.councilId),
        sql`${meetings.heldOn} > ${meeting.heldOn}`,
        eq(meetings.status, 'planned'),
      ),
    )
    .orderBy(asc(meetings.heldOn))
    .limit(1);
  if (!next) return;
  const [carried] = await ctx.db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.tenantId, ctx.tenantId), eq(agendaItems.carriedFromId, item.id)));
  const [c] = carriedOver([item]);
  if (c && !carried) {
    const position = await makeRoom(ctx, next.id, c.step);
    await ctx.db.insert(agendaItems).values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      meetingId: next.id,
      position,
      step: c.step,
      title: c.title,
      description: c.homework,
      ...carriedLinkColumns(item),
      carriedFromId: item.id,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
  } else if (c && carried && carried.meetingId === next.id && !hasMinutes(carried)) {
    await ctx.db
      .update(agendaItems)
      .set({ description: c.homework, version: carried.version + 1, updatedAt: ctx.now() })
      .where(and(eq(agendaItems.tenantId, ctx.tenantId), eq(agendaItems.id, carried.id)));
  } else if (!c && carried && carried.meetingId === next.id && !hasMinutes(carried)) {
    await ctx.db
      .delete(agendaItems)
      .where(and(eq(agendaItems.tenantId, ctx.tenantId), eq(agendaItems.id, carried.id)));
  }
}

const hasMinutes = (i: AgendaItemRow) => i.notes !== '' || i.ideas.length > 0 || i.carryOver;

/** An item may be taken off the agenda while nothing was recorded under it. */
export async function deleteAgendaItem(ctx: TenantContext, meetingId: string, itemId: string) {
  const all = await tenantAreas(ctx);
  await writableMeeting(ctx, meetingId, all);
  return inTransaction(ctx, async (tx) => {
    const item = await findItem(tx, meetingId, itemId);
    const [task] = await tx.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.tenantId, tx.tenantId), eq(tasks.agendaItemId, itemId)))
      .limit(1);
    const [carried] = await tx.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.tenantId, tx.tenantId), eq(agendaItems.carriedFromId, itemId)))
      .limit(1);
    if (hasMinutes(item) || task || carried)
      throw validationFailed(
        [],
        'この議題には議事録（意見・アイデア・託された仕事・宿題）があるため除けません。内容を残したまま、議題名を変えてください。',
      );
    await tx.db
      .delete(agendaItems)
      .where(and(eq(agendaItems.tenantId, tx.tenantId), eq(agendaItems.id, itemId)));
    await recordAudit(tx, {
      entity: 'agenda_item',
      entityId: itemId,
      action: 'delete',
      detail: { meetingId },
    });
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Papers: 次第 and 議事録

function when(m: Meeting): string {
  const time = m.startsAt ? `　${m.startsAt}${m.endsAt ? `〜${m.endsAt}` : ''}` : '';
  return `${formatWarekiWithWeekday(m.heldOn)}${time}`;
}

function memberLine(s: Meeting['seats'][number]): string {
  const who = s.personName ?? s.organizationName ?? '';
  const org = s.personName && s.organizationName ? `（${s.organizationName}）` : '';
  return `${memberRoleLabel(s.role)}　${who}${org}`;
}

function itemLinks(i: AgendaItem): string[] {
  return [
    i.cell
      ? `ニーズと地域資源：${i.cell.areaName} × ${i.cell.categoryName}（未対応の困りごと${i.cell.openNeeds}件、資源${i.cell.resources}${i.cell.gap ? '、空白' : ''}）`
      : '',
    ...i.needs.map(
      (n) =>
        `困りごと：${n.areaName}・${n.categoryName}・${n.people}人${n.summary ? `「${n.summary}」` : ''}`,
    ),
    ...i.resources.map((r) => `地域資源：${r.name}`),
    i.project ? `プロジェクト：${i.project.name}` : '',
    i.carriedFrom ? `前回（${formatWareki(i.carriedFrom.heldOn)}）からの宿題・継続協議` : '',
  ].filter(Boolean);
}

function meetingBlocks(m: Meeting, kind: 'agenda' | 'minutes'): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    {
      kind: 'facts',
      rows: [
        ['日時', when(m)],
        ['場所', [m.place, m.online ? 'オンライン' : ''].filter(Boolean).join('・')],
        ['主なテーマ', m.theme],
        ...(kind === 'minutes'
          ? ([
              [
                '出席',
                `委員${m.attendeeIds.length}人${m.guests ? `、ほか${m.guests}人${m.guestsNote ? `（${m.guestsNote}）` : ''}` : ''}`,
              ],
            ] as [string, string][])
          : []),
      ],
    },
  ];
  if (kind === 'minutes' && m.attendeeIds.length > 0)
    blocks.push({
      kind: 'list',
      items: m.seats.filter((s) => m.attendeeIds.includes(s.id)).map(memberLine),
    });
  AGENDA_STEPS.forEach((step, n) => {
    const items = m.items.filter((i) => i.step === step.code);
    if (items.length === 0) return;
    blocks.push({ kind: 'heading', text: `${'①②③④⑤⑥'[n]} ${agendaStepLabel(step.code)}` });
    for (const i of items) {
      if (i.title !== step.label || items.length > 1)
        blocks.push({ kind: 'heading', level: 2, text: i.title });
      if (i.description) blocks.push({ kind: 'paragraph', text: i.description });
      const links = itemLinks(i);
      if (links.length > 0) blocks.push({ kind: 'list', items: links });
      if (kind === 'agenda') {
        if (step.code === 'exchange' || step.code === 'entrust')
          blocks.push({ kind: 'memo', label: 'メモ', lines: 3 });
        continue;
      }
      if (i.notes) blocks.push({ kind: 'paragraph', text: i.notes });
      if (i.ideas.length > 0) {
        blocks.push({ kind: 'paragraph', text: `出されたアイデア（${i.ideas.length}件）` });
        blocks.push({ kind: 'list', items: i.ideas, numbered: true });
      }
      if (i.tasks.length > 0) {
        blocks.push({ kind: 'paragraph', text: 'SCに託したこと' });
        blocks.push({
          kind: 'table',
          header: ['託したこと', '担当', '期限'],
          rows: i.tasks.map((t) => [t.title, t.ownerName, formatWareki(t.dueOn)]),
          widths: ['*', 90, 90],
        });
      }
      if (i.carryOver) blocks.push({ kind: 'paragraph', text: `宿題・継続協議：${i.homework || i.title}` });
    }
  });
  if (kind === 'minutes') {
    if (m.review) blocks.push({ kind: 'heading', text: '総評' }, { kind: 'paragraph', text: m.review });
    if (m.nextNote)
      blocks.push({ kind: 'heading', text: '次回の日程・宿題' }, { kind: 'paragraph', text: m.nextNote });
  }
  return blocks;
}

export async function printMeeting(ctx: TenantContext, id: string, q: { kind: 'agenda' | 'minutes' }) {
  const m = await getMeeting(ctx, id);
  const { fictional } = await getTenant(ctx);
  const number = m.number ? `第${m.number}回 ` : '';
  const title = `${m.councilName} ${number}${q.kind === 'agenda' ? '次第' : '議事録'}`;
  const pdf = await printDocument({
    title,
    subtitle: `${LAYER_SHORT[m.layer as Layer]}協議体・${fiscalYearLabel(fiscalYearOf(m.heldOn))}${m.status === 'cancelled' ? '（中止）' : ''}`,
    today: todayInTokyo(ctx.now()),
    fictional,
    blocks: meetingBlocks(m, q.kind),
  });
  await recordAudit(ctx, { entity: 'meeting', entityId: id, action: `print_${q.kind}` });
  return {
    fileName: `${q.kind}-${m.heldOn}.pdf`,
    contentType: 'application/pdf',
    body: new Uint8Array(pdf),
  };
}

/**
 * A council's meetings as an ICS file for members' calendars (a download, behind the login: a
 * council's places and themes are for its members, and towns decide themselves what to publish).
 */
export async function councilCalendarFeed(ctx: TenantContext, councilId: string) {
  const view = await councilsPolicy.view(ctx);
  councilsPolicy.see(view, councilId);
  const council = await findCouncil(ctx, councilId);
  const rows = await ctx.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, ctx.tenantId), eq(meetings.councilId, councilId)))
    .orderBy(asc(meetings.heldOn));
  const numbers = numberMeetings(rows);
  const body = buildEventsFeed(
    rows.map((m) => ({
      uid: `${m.id}@sasaeai`,
      date: m.heldOn,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      summary: `${council.name}${numbers.get(m.id) ? ` 第${numbers.get(m.id)}回` : ''}${m.status === 'cancelled' ? '（中止）' : ''}`,
      description: [m.theme ? `主なテーマ：${m.theme}` : '', m.online ? 'オンライン' : '']
        .filter(Boolean)
        .join('\n'),
      location: m.place,
      updatedAt: m.updatedAt,
      cancelled: m.status === 'cancelled',
    })),
    { name: council.name, description: `${council.name}の会議の予定（ささえあい）`, product: 'councils' },
  );
  return { fileName: `council-${councilId}.ics`, contentType: 'text/calendar; charset=utf-8', body };
}
