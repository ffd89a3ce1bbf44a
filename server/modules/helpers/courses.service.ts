import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { HelperInput } from '../../../contracts/helpers';
import type {
  addCourseParticipant,
  CourseDetail,
  CourseInput,
  CourseSessionInput,
  CourseSummary,
  registerCourseParticipant,
} from '../../../contracts/helpers-courses';
import { fiscalYearLabel, formatWareki, todayInTokyo } from '../../../domain/dates';
import { completedCourse, type TrainingKind, trainingKindLabel } from '../../../domain/helpers';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound, validationFailed } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { printReport } from '../print';
import { coursesPolicy } from './courses.policy';
import {
  type HelperCourseRow,
  helperCourseAttendance,
  helperCourseCompletions,
  helperCourseParticipants,
  helperCourseSessions,
  helperCourses,
} from './courses.tables';
import { createHelper } from './helpers.service';
import { helpers, helperTrainings } from './helpers.tables';

/*
 * 養成講座: a course, its sessions, who takes it, who came to each session, and who completed
 * (attended every session: domain/helpers completedCourse). Completion is recomputed inside every
 * change, so the 修了者一覧 and the helpers' training records never disagree with the attendance.
 * Every change moves the course's version: two people taking attendance at once get a 409, not a
 * silent overwrite.
 */

type CourseValues = z.output<typeof CourseInput>;
type SessionValues = z.output<typeof CourseSessionInput>;

interface Loaded {
  course: HelperCourseRow;
  all: AreaRow[];
  scope: 'all' | Set<string>;
}

async function findCourse(ctx: TenantContext, id: string): Promise<HelperCourseRow> {
  const [row] = await ctx.db
    .select()
    .from(helperCourses)
    .where(and(eq(helperCourses.tenantId, ctx.tenantId), eq(helperCourses.id, id)));
  if (!row) throw notFound('講座');
  return row;
}

async function summaries(ctx: TenantContext, rows: HelperCourseRow[], l: Omit<Loaded, 'course'>) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counts = (
    (await ctx.db.execute(sql`
      select c.id,
        (select count(*) from helper_course_sessions s where s.tenant_id = c.tenant_id and s.course_id = c.id) as sessions,
        (select min(s.on) from helper_course_sessions s where s.tenant_id = c.tenant_id and s.course_id = c.id) as first_on,
        (select max(s.on) from helper_course_sessions s where s.tenant_id = c.tenant_id and s.course_id = c.id) as last_on,
        (select count(*) from helper_course_participants p where p.tenant_id = c.tenant_id and p.course_id = c.id) as participants,
        (select count(*) from helper_course_completions x where x.tenant_id = c.tenant_id and x.course_id = c.id) as completed
      from helper_courses c
      where c.tenant_id = ${ctx.tenantId} and c.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`)) as unknown as { rows: Record<string, unknown>[] }
  ).rows;
  const byId = new Map(counts.map((c) => [String(c.id), c]));
  return rows.map((r): CourseSummary => {
    const c = byId.get(r.id);
    return {
      id: r.id,
      kind: r.kind as TrainingKind,
      kindLabel: trainingKindLabel(r.kind),
      title: r.title,
      fiscalYear: r.fiscalYear,
      place: r.place,
      capacity: r.capacity,
      areaId: r.areaId,
      areaName: r.areaId ? (l.all.find((a) => a.id === r.areaId)?.name ?? null) : null,
      note: r.note,
      sessions: Number(c?.sessions ?? 0),
      firstOn: (c?.first_on as string | null) ?? null,
      lastOn: (c?.last_on as string | null) ?? null,
      participants: Number(c?.participants ?? 0),
      completed: Number(c?.completed ?? 0),
      version: r.version,
      canEdit: false,
    };
  });
}

async function detail(ctx: TenantContext, l: Loaded): Promise<CourseDetail> {
  const id = l.course.id;
  const [[summary], sessions, participants, attendance, completions] = await Promise.all([
    summaries(ctx, [l.course], l),
    ctx.db
      .select()
      .from(helperCourseSessions)
      .where(and(eq(helperCourseSessions.tenantId, ctx.tenantId), eq(helperCourseSessions.courseId, id)))
      .orderBy(
        asc(helperCourseSessions.on),
        asc(helperCourseSessions.startsAt),
        asc(helperCourseSessions.id),
      ),
    ctx.db
      .select({ p: helperCourseParticipants, name: helpers.name, kana: helpers.kana })
      .from(helperCourseParticipants)
      .leftJoin(
        helpers,
        and(
          eq(helpers.tenantId, helperCourseParticipants.tenantId),
          eq(helpers.id, helperCourseParticipants.helperId),
        ),
      )
      .where(
        and(eq(helperCourseParticipants.tenantId, ctx.tenantId), eq(helperCourseParticipants.courseId, id)),
      ),
    courseAttendance(ctx, id),
    ctx.db
      .select()
      .from(helperCourseCompletions)
      .where(
        and(eq(helperCourseCompletions.tenantId, ctx.tenantId), eq(helperCourseCompletions.courseId, id)),
      ),
  ]);
  const today = todayInTokyo(ctx.now());
  const done = new Map(completions.map((c) => [c.participantId, c]));
  return {
    course: { ...summary!, canEdit: coursesPolicy.mayChange(ctx, l.scope, l.course.areaId) },
    sessions: sessions.map((s, i) => ({
      id: s.id,
      number: i + 1,
      on: s.on,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      place: s.place,
      content: s.content,
      attended: attendance.filter((a) => a.sessionId === s.id).length,
      held: s.on <= today,
    })),
    participants: participants
      .map(({ p, name, kana }) => {
        const c = done.get(p.id);
        return {
          id: p.id,
          helperId: p.helperId,
          name: name ?? p.name,
          kana: kana ?? p.kana,
          phone: p.helperId ? '' : p.phone,
          attended: attendance.filter((a) => a.participantId === p.id).map((a) => a.sessionId),
          completed: Boolean(c),
          certificateNo: c?.certificateNo ?? null,
          completedOn: c?.completedOn ?? null,
          trainingRecorded: Boolean(c?.trainingId),
        };
      })
      .sort((a, b) => (a.kana || a.name).localeCompare(b.kana || b.name, 'ja') || a.id.localeCompare(b.id)),
  };
}

/** Who came to which session of the course. */
function courseAttendance(ctx: TenantContext, courseId: string) {
  return ctx.db
    .select({
      sessionId: helperCourseAttendance.sessionId,
      participantId: helperCourseAttendance.participantId,
    })
    .from(helperCourseAttendance)
    .innerJoin(
      helperCourseSessions,
      and(
        eq(helperCourseSessions.tenantId, helperCourseAttendance.tenantId),
        eq(helperCourseSessions.id, helperCourseAttendance.sessionId),
      ),
    )
    .where(
      and(eq(helperCourseAttendance.tenantId, ctx.tenantId), eq(helperCourseSessions.courseId, courseId)),
    );
}

async function load(ctx: TenantContext, id: string): Promise<Loaded> {
  const all = await tenantAreas(ctx);
  const scope = coursesPolicy.read(ctx, all);
  return { course: await findCourse(ctx, id), all, scope };
}

export async function listCourses(ctx: TenantContext, q: { fy?: number }) {
  const all = await tenantAreas(ctx);
  const scope = coursesPolicy.read(ctx, all);
  const rows = await ctx.db
    .select()
    .from(helperCourses)
    .where(
      and(eq(helperCourses.tenantId, ctx.tenantId), q.fy ? eq(helperCourses.fiscalYear, q.fy) : undefined),
    )
    .orderBy(sql`${helperCourses.fiscalYear} desc`, asc(helperCourses.title), asc(helperCourses.id));
  const items = (await summaries(ctx, rows, { all, scope })).map((s) => ({
    ...s,
    canEdit: coursesPolicy.mayChange(ctx, scope, s.areaId),
  }));
  // Sessions in date order within the 年度: the next course first.
  items.sort((a, b) => b.fiscalYear - a.fiscalYear || (b.firstOn ?? '').localeCompare(a.firstOn ?? ''));
  return { items, canCreate: coursesPolicy.mayChange(ctx, scope, null) || scope !== 'all' };
}

export async function getCourse(ctx: TenantContext, id: string) {
  const l = await load(ctx, id);
  await recordAudit(ctx, { entity: 'helper_course', entityId: id, action: 'read' });
  return detail(ctx, l);
}

function checkArea(all: readonly AreaRow[], areaId: string | null) {
  if (areaId && !all.some((a) => a.id === areaId)) throw fieldError('areaId', '開く地域：見つかりません。');
}

export async function createCourse(ctx: TenantContext, input: CourseValues) {
  const all = await tenantAreas(ctx);
  const scope = coursesPolicy.read(ctx, all);
  checkArea(all, input.areaId);
  coursesPolicy.change(ctx, scope, input.areaId);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(helperCourses)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        ...input,
        createdBy: actorDisplayName(tx.actor),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'helper_course',
      entityId: row!.id,
      action: 'create',
      detail: { kind: input.kind },
    });
    return detail(tx, { course: row!, all, scope });
  });
}

/**
 * Runs one change to a course: checks the caller may change it, claims the next version (409 with
 * the course as it is now when someone else got there first), applies the change, recomputes who
 * completed, and answers the course as it now is.
 */
async function change(
  ctx: TenantContext,
  id: string,
  version: number,
  action: string,
  apply: (tx: TenantContext, l: Loaded) => Promise<Record<string, unknown> | undefined>,
) {
  const all = await tenantAreas(ctx);
  const scope = coursesPolicy.read(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findCourse(tx, id);
    coursesPolicy.change(tx, scope, before.areaId);
    const [course] = await tx.db
      .update(helperCourses)
      .set({ version: version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(helperCourses.tenantId, tx.tenantId),
          eq(helperCourses.id, id),
          eq(helperCourses.version, version),
        ),
      )
      .returning();
    if (!course) throw conflict(await detail(tx, { course: before, all, scope }));
    const l = { course, all, scope };
    const auditDetail = await apply(tx, l);
    await syncCompletions(tx, l.course);
    await recordAudit(tx, { entity: 'helper_course', entityId: id, action, detail: auditDetail });
    return detail(tx, { ...l, course: await findCourse(tx, id) });
  });
}

export function updateCourse(ctx: TenantContext, id: string, input: CourseValues & { version: number }) {
  return change(ctx, id, input.version, 'update', async (tx, l) => {
    checkArea(l.all, input.areaId);
    coursesPolicy.change(tx, l.scope, input.areaId);
    const { version: _v, ...values } = input;
    await tx.db
      .update(helperCourses)
      .set(values)
      .where(and(eq(helperCourses.tenantId, tx.tenantId), eq(helperCourses.id, id)));
    return { fields: Object.keys(values) };
  });
}

export function addSession(ctx: TenantContext, id: string, input: SessionValues & { version: number }) {
  return change(ctx, id, input.version, 'session-added', async (tx) => {
    checkTimes(input);
    const { version: _v, ...values } = input;
    await tx.db.insert(helperCourseSessions).values({
      tenantId: tx.tenantId,
      id: crypto.randomUUID(),
      courseId: id,
      ...values,
      createdAt: tx.now(),
    });
    return { on: input.on };
  });
}

function checkTimes(input: SessionValues) {
  if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt)
    throw fieldError('endsAt', '終了時刻：開始時刻より後にしてください。');
}

async function findSession(tx: TenantContext, courseId: string, sessionId: string) {
  const [row] = await tx.db
    .select()
    .from(helperCourseSessions)
    .where(
      and(
        eq(helperCourseSessions.tenantId, tx.tenantId),
        eq(helperCourseSessions.courseId, courseId),
        eq(helperCourseSessions.id, sessionId),
      ),
    );
  if (!row) throw notFound('講座の回');
  return row;
}

export function updateSession(
  ctx: TenantContext,
  id: string,
  sessionId: string,
  input: SessionValues & { version: number },
) {
  return change(ctx, id, input.version, 'session-updated', async (tx) => {
    await findSession(tx, id, sessionId);
    checkTimes(input);
    const { version: _v, ...values } = input;
    const today = todayInTokyo(tx.now());
    if (values.on > today) {
      // Moving a session into the future would leave attendance recorded for what has not happened.
      const [taken] = await tx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(helperCourseAttendance)
        .where(
          and(
            eq(helperCourseAttendance.tenantId, tx.tenantId),
            eq(helperCourseAttendance.sessionId, sessionId),
          ),
        );
      if (Number(taken?.n ?? 0) > 0)
        throw fieldError('on', '日付：出席を記録した回は、今日より後の日付にできません。');
    }
    await tx.db
      .update(helperCourseSessions)
      .set(values)
      .where(and(eq(helperCourseSessions.tenantId, tx.tenantId), eq(helperCourseSessions.id, sessionId)));
    return { sessionId };
  });
}

export function removeSession(ctx: TenantContext, id: string, sessionId: string, version: number) {
  return change(ctx, id, version, 'session-removed', async (tx) => {
    const s = await findSession(tx, id, sessionId);
    await tx.db
      .delete(helperCourseSessions)
      .where(and(eq(helperCourseSessions.tenantId, tx.tenantId), eq(helperCourseSessions.id, sessionId)));
    return { on: s.on };
  });
}

type ParticipantBody = z.output<(typeof addCourseParticipant)['body']>;

export function addParticipant(ctx: TenantContext, id: string, body: ParticipantBody) {
  return change(ctx, id, body.version, 'participant-added', async (tx, l) => {
    if (l.course.capacity !== null) {
      const [n] = await tx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(helperCourseParticipants)
        .where(
          and(eq(helperCourseParticipants.tenantId, tx.tenantId), eq(helperCourseParticipants.courseId, id)),
        );
      if (Number(n?.n ?? 0) >= l.course.capacity)
        throw validationFailed(
          [],
          `定員（${l.course.capacity}人）に達しています。定員を変えてから加えてください。`,
        );
    }
    if (body.helperId) {
      const [h] = await tx.db
        .select({ id: helpers.id })
        .from(helpers)
        .where(and(eq(helpers.tenantId, tx.tenantId), eq(helpers.id, body.helperId)));
      if (!h) throw fieldError('helperId', '担い手：見つかりません。');
      const [already] = await tx.db
        .select({ id: helperCourseParticipants.id })
        .from(helperCourseParticipants)
        .where(
          and(
            eq(helperCourseParticipants.tenantId, tx.tenantId),
            eq(helperCourseParticipants.courseId, id),
            eq(helperCourseParticipants.helperId, body.helperId),
          ),
        );
      if (already) throw fieldError('helperId', '担い手：この方はすでに受講者です。');
    } else if (!body.name) {
      throw fieldError('name', '氏名：担い手を選ぶか、氏名を入力してください。');
    }
    await tx.db.insert(helperCourseParticipants).values({
      tenantId: tx.tenantId,
      id: crypto.randomUUID(),
      courseId: id,
      helperId: body.helperId,
      name: body.helperId ? '' : body.name,
      kana: body.helperId ? '' : body.kana,
      phone: body.helperId ? '' : body.phone.normalize('NFKC'),
      createdAt: tx.now(),
    });
    return { helper: Boolean(body.helperId) };
  });
}

async function findParticipant(tx: TenantContext, courseId: string, participantId: string) {
  const [row] = await tx.db
    .select()
    .from(helperCourseParticipants)
    .where(
      and(
        eq(helperCourseParticipants.tenantId, tx.tenantId),
        eq(helperCourseParticipants.courseId, courseId),
        eq(helperCourseParticipants.id, participantId),
      ),
    );
  if (!row) throw notFound('受講者');
  return row;
}

export function removeParticipant(ctx: TenantContext, id: string, participantId: string, version: number) {
  return change(ctx, id, version, 'participant-removed', async (tx) => {
    await findParticipant(tx, id, participantId);
    // The completion (and the training it wrote) goes with the participant.
    await dropCompletions(tx, id, [participantId]);
    await tx.db
      .delete(helperCourseParticipants)
      .where(
        and(
          eq(helperCourseParticipants.tenantId, tx.tenantId),
          eq(helperCourseParticipants.id, participantId),
        ),
      );
    return {};
  });
}

export function setAttendance(
  ctx: TenantContext,
  id: string,
  sessionId: string,
  body: { version: number; participantIds: string[] },
) {
  return change(ctx, id, body.version, 'attendance', async (tx) => {
    const session = await findSession(tx, id, sessionId);
    const wanted = [...new Set(body.participantIds)];
    if (wanted.length > 0 && session.on > todayInTokyo(tx.now()))
      throw fieldError('participantIds', '出席：まだ開かれていない回の出席は記録できません。');
    const rows = await tx.db
      .select({ id: helperCourseParticipants.id })
      .from(helperCourseParticipants)
      .where(
        and(eq(helperCourseParticipants.tenantId, tx.tenantId), eq(helperCourseParticipants.courseId, id)),
      );
    const known = new Set(rows.map((k) => k.id));
    const missing = wanted.findIndex((p) => !known.has(p));
    if (missing >= 0)
      throw fieldError(
        `participantIds.${missing}`,
        `出席（${missing + 1}件目）：この講座の受講者ではありません。`,
      );
    await tx.db
      .delete(helperCourseAttendance)
      .where(
        and(
          eq(helperCourseAttendance.tenantId, tx.tenantId),
          eq(helperCourseAttendance.sessionId, sessionId),
        ),
      );
    if (wanted.length > 0)
      await tx.db.insert(helperCourseAttendance).values(
        wanted.map((participantId) => ({
          tenantId: tx.tenantId,
          sessionId,
          participantId,
          recordedBy: actorDisplayName(tx.actor),
          recordedAt: tx.now(),
        })),
      );
    return { sessionId, present: wanted.length };
  });
}

type RegisterBody = z.output<(typeof registerCourseParticipant)['body']>;

/** Registers a participant who is not yet a helper (through the 人材バンク's own create). */
export function registerParticipant(
  ctx: TenantContext,
  id: string,
  participantId: string,
  body: RegisterBody,
) {
  return change(ctx, id, body.version, 'participant-registered', async (tx, l) => {
    const p = await findParticipant(tx, id, participantId);
    if (p.helperId) throw validationFailed([], 'この受講者はすでに担い手として登録されています。');
    if (body.consentOn && body.consentOn > todayInTokyo(tx.now()))
      throw fieldError('consentOn', '登録への同意を得た日：今日より後の日付は入力できません。');
    const helper = await createHelper(
      tx,
      HelperInput.parse({
        name: p.name,
        kana: p.kana,
        phone: p.phone,
        townName: body.townName,
        consent: body.consentOn ? { on: body.consentOn } : null,
        note: `${trainingKindLabel(l.course.kind)}の受講者から登録`,
      }),
    );
    await tx.db
      .update(helperCourseParticipants)
      .set({ helperId: helper.id, name: '', kana: '', phone: '' })
      .where(
        and(
          eq(helperCourseParticipants.tenantId, tx.tenantId),
          eq(helperCourseParticipants.id, participantId),
        ),
      );
    // A participant who already completed gets the course in the new helper record.
    const [done] = await tx.db
      .select()
      .from(helperCourseCompletions)
      .where(completionOf(tx, id, participantId));
    if (done) {
      const trainingId = await writeTraining(tx, l.course, helper.id, done.completedOn);
      await tx.db
        .update(helperCourseCompletions)
        .set({ trainingId })
        .where(completionOf(tx, id, participantId));
    }
    return { helperId: helper.id };
  });
}

/** The completion row of one participant of a course. */
function completionOf(tx: TenantContext, courseId: string, participantId: string) {
  return and(
    eq(helperCourseCompletions.tenantId, tx.tenantId),
    eq(helperCourseCompletions.courseId, courseId),
    eq(helperCourseCompletions.participantId, participantId),
  );
}

async function writeTraining(
  tx: TenantContext,
  course: HelperCourseRow,
  helperId: string,
  completedOn: string,
) {
  const trainingId = crypto.randomUUID();
  await tx.db.insert(helperTrainings).values({
    tenantId: tx.tenantId,
    id: trainingId,
    helperId,
    kind: course.kind,
    title: course.title,
    completedOn,
    createdAt: tx.now(),
  });
  await recordAudit(tx, {
    entity: 'helper',
    entityId: helperId,
    action: 'training',
    detail: { kind: course.kind, completedOn, course: course.id },
  });
  return trainingId;
}

async function dropCompletions(tx: TenantContext, courseId: string, participantIds: string[]) {
  if (participantIds.length === 0) return;
  const gone = await tx.db
    .delete(helperCourseCompletions)
    .where(
      and(
        eq(helperCourseCompletions.tenantId, tx.tenantId),
        eq(helperCourseCompletions.courseId, courseId),
        inArray(helperCourseCompletions.participantId, participantIds),
      ),
    )
    .returning();
  const trainings = gone.flatMap((g) => (g.trainingId ? [g.trainingId] : []));
  if (trainings.length > 0)
    await tx.db
      .delete(helperTrainings)
      .where(and(eq(helperTrainings.tenantId, tx.tenantId), inArray(helperTrainings.id, trainings)));
}

/**
 * Who completed, from the attendance as it now stands: new completers get the next certificate
 * number and (helpers) a training record dated the last session; those who no longer attended
 * every session lose both; a moved last session moves the date.
 */
async function syncCompletions(tx: TenantContext, course: HelperCourseRow) {
  const [sessions, participants, attendance, existing] = await Promise.all([
    tx.db
      .select({ id: helperCourseSessions.id, on: helperCourseSessions.on })
      .from(helperCourseSessions)
      .where(
        and(eq(helperCourseSessions.tenantId, tx.tenantId), eq(helperCourseSessions.courseId, course.id)),
      ),
    tx.db
      .select({
        id: helperCourseParticipants.id,
        helperId: helperCourseParticipants.helperId,
        createdAt: helperCourseParticipants.createdAt,
        sortName: sql<string>`coalesce(nullif(${helpers.kana}, ''), ${helpers.name}, nullif(${helperCourseParticipants.kana}, ''), ${helperCourseParticipants.name})`,
      })
      .from(helperCourseParticipants)
      .leftJoin(
        helpers,
        and(
          eq(helpers.tenantId, helperCourseParticipants.tenantId),
          eq(helpers.id, helperCourseParticipants.helperId),
        ),
      )
      .where(
        and(
          eq(helperCourseParticipants.tenantId, tx.tenantId),
          eq(helperCourseParticipants.courseId, course.id),
        ),
      ),
    courseAttendance(tx, course.id),
    tx.db
      .select()
      .from(helperCourseCompletions)
      .where(
        and(
          eq(helperCourseCompletions.tenantId, tx.tenantId),
          eq(helperCourseCompletions.courseId, course.id),
        ),
      ),
  ]);
  const sessionIds = sessions.map((s) => s.id);
  const lastOn =
    sessions
      .map((s) => s.on)
      .sort()
      .at(-1) ?? '';
  const complete = new Set(
    participants
      .filter((p) =>
        completedCourse(
          sessionIds,
          new Set(attendance.filter((a) => a.participantId === p.id).map((a) => a.sessionId)),
        ),
      )
      .map((p) => p.id),
  );
  await dropCompletions(
    tx,
    course.id,
    existing.filter((c) => !complete.has(c.participantId)).map((c) => c.participantId),
  );
  // A moved last session moves every kept completion (and its training) in one statement each.
  const moved = existing.filter((c) => complete.has(c.participantId) && c.completedOn !== lastOn);
  if (moved.length > 0)
    await tx.db
      .update(helperCourseCompletions)
      .set({ completedOn: lastOn })
      .where(
        and(
          eq(helperCourseCompletions.tenantId, tx.tenantId),
          eq(helperCourseCompletions.courseId, course.id),
          inArray(
            helperCourseCompletions.participantId,
            moved.map((c) => c.participantId),
          ),
        ),
      );
  const movedTrainings = moved.flatMap((c) => (c.trainingId ? [c.trainingId] : []));
  if (movedTrainings.length > 0)
    await tx.db
      .update(helperTrainings)
      .set({ completedOn: lastOn, title: course.title, kind: course.kind })
      .where(and(eq(helperTrainings.tenantId, tx.tenantId), inArray(helperTrainings.id, movedTrainings)));
  let next = existing.reduce((m, c) => Math.max(m, c.certificateNo), 0);
  const had = new Set(existing.map((c) => c.participantId));
  // New completers are numbered in the order they enrolled; those enrolled together, by よみがな.
  const fresh = participants
    .filter((p) => complete.has(p.id) && !had.has(p.id))
    .sort(
      (a, b) =>
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.sortName.localeCompare(b.sortName, 'ja') ||
        a.id.localeCompare(b.id),
    );
  for (const p of fresh) {
    const trainingId = p.helperId ? await writeTraining(tx, course, p.helperId, lastOn) : null;
    await tx.db.insert(helperCourseCompletions).values({
      tenantId: tx.tenantId,
      courseId: course.id,
      participantId: p.id,
      certificateNo: ++next,
      completedOn: lastOn,
      trainingId,
      createdAt: tx.now(),
    });
  }
}

/** 修了者一覧 for the file or the certificate printing: xlsx or an A4 PDF. */
export async function exportCompletions(ctx: TenantContext, id: string, format: 'xlsx' | 'pdf') {
  const l = await load(ctx, id);
  const d = await detail(ctx, l);
  await recordAudit(ctx, { entity: 'helper_course', entityId: id, action: 'export', detail: { format } });
  const c = d.course;
  const done = d.participants
    .filter((p) => p.completed)
    .sort((a, b) => (a.certificateNo ?? 0) - (b.certificateNo ?? 0));
  const title = `修了者一覧　${c.title}`;
  const dates = d.sessions.map((s) => formatWareki(s.on, { style: 'short' })).join('・');
  const subtitle = `${c.kindLabel}　${fiscalYearLabel(c.fiscalYear)}　${c.place ? `会場：${c.place}　` : ''}全${d.sessions.length}回（${dates}）　修了 ${done.length}人／受講 ${d.participants.length}人`;
  const header = ['修了証番号', '氏名', 'よみがな', '修了日', '担い手の登録'];
  const rows = done.map((p) => [
    `第${p.certificateNo}号`,
    p.name,
    p.kana,
    formatWareki(p.completedOn!),
    p.helperId ? '登録済み' : '未登録',
  ]);
  const fileBase = `course-completions-${c.fiscalYear}-${id.slice(0, 8)}`;
  if (format === 'pdf') {
    const pdf = await printReport({
      title,
      subtitle,
      today: todayInTokyo(ctx.now()),
      sections: [{ heading: `${c.title}（${c.kindLabel}）`, header, rows }],
    });
    return { fileName: `${fileBase}.pdf`, contentType: 'application/pdf', body: new Uint8Array(pdf) };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ささえあい';
  const ws = wb.addWorksheet('修了者一覧');
  ws.addRow([title]).font = { bold: true };
  ws.addRow([subtitle]);
  ws.addRow([]);
  ws.addRow(header).font = { bold: true };
  for (const p of done)
    ws.addRow([`第${p.certificateNo}号`, p.name, p.kana, p.completedOn, p.helperId ? '登録済み' : '未登録']);
  ws.getColumn(2).width = 18;
  ws.getColumn(3).width = 22;
  ws.getColumn(4).width = 14;
  const body = new Uint8Array(await wb.xlsx.writeBuffer());
  return {
    fileName: `${fileBase}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body,
  };
}
