import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';
import { areas } from '../areas/areas.tables';
import { helpers, helperTrainings } from './helpers.tables';

/*
 * 養成講座: the courses a town runs for its 担い手 (生活支援サポーター養成講座 over three days,
 * 認知症サポーター養成講座 in one), their sessions, who came to each, and who completed.
 */

export const helperCourses = pgTable(
  'helper_courses',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    /** Code of domain/helpers TRAINING_KINDS. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    place: text('place').notNull().default(''),
    capacity: integer('capacity'),
    /** Where it is held, for a 第2層 SC's own courses; null for a town-wide course. */
    areaId: uuid('area_id'),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    index('helper_courses_fy_idx').on(t.tenantId, t.fiscalYear),
    check('helper_courses_capacity_check', sql`coalesce(${t.capacity}, 1) >= 1`),
  ],
);
export type HelperCourseRow = typeof helperCourses.$inferSelect;

export const helperCourseSessions = pgTable(
  'helper_course_sessions',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    courseId: uuid('course_id').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** 'HH:MM', empty when not set. */
    startsAt: text('starts_at').notNull().default(''),
    endsAt: text('ends_at').notNull().default(''),
    place: text('place').notNull().default(''),
    /** 内容: what the session covers (講義「地域で支え合うとは」, 実習 …). */
    content: text('content').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.courseId],
      foreignColumns: [helperCourses.tenantId, helperCourses.id],
    }).onDelete('cascade'),
    index('helper_course_sessions_course_idx').on(t.tenantId, t.courseId, t.on),
  ],
);
export type HelperCourseSessionRow = typeof helperCourseSessions.$inferSelect;

/**
 * Who takes a course: a registered helper, or someone not (yet) in the 人材バンク by name and
 * phone, who can be registered from the list later (then `helperId` is set).
 */
export const helperCourseParticipants = pgTable(
  'helper_course_participants',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    courseId: uuid('course_id').notNull(),
    helperId: uuid('helper_id'),
    name: text('name').notNull().default(''),
    kana: text('kana').notNull().default(''),
    phone: text('phone').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.courseId],
      foreignColumns: [helperCourses.tenantId, helperCourses.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.helperId], foreignColumns: [helpers.tenantId, helpers.id] }),
    uniqueIndex('helper_course_participants_helper_idx').on(t.tenantId, t.courseId, t.helperId),
  ],
);
export type HelperCourseParticipantRow = typeof helperCourseParticipants.$inferSelect;

/** One row per participant present at a session (a tick in the attendance list). */
export const helperCourseAttendance = pgTable(
  'helper_course_attendance',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    sessionId: uuid('session_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.sessionId, t.participantId] }),
    foreignKey({
      columns: [t.tenantId, t.sessionId],
      foreignColumns: [helperCourseSessions.tenantId, helperCourseSessions.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.participantId],
      foreignColumns: [helperCourseParticipants.tenantId, helperCourseParticipants.id],
    }).onDelete('cascade'),
    index('helper_course_attendance_participant_idx').on(t.tenantId, t.participantId),
  ],
);

/**
 * 修了: a participant who attended every session, with a certificate number in the course and,
 * for a registered helper, the helper_trainings row written for it (so the helper's record shows
 * the course). Recomputed whenever attendance or sessions change.
 */
export const helperCourseCompletions = pgTable(
  'helper_course_completions',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    courseId: uuid('course_id').notNull(),
    participantId: uuid('participant_id').notNull(),
    /** 修了証番号 within the course (1, 2, 3 …), kept while the completion stands. */
    certificateNo: integer('certificate_no').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    trainingId: uuid('training_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.courseId, t.participantId] }),
    foreignKey({
      columns: [t.tenantId, t.courseId],
      foreignColumns: [helperCourses.tenantId, helperCourses.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.participantId],
      foreignColumns: [helperCourseParticipants.tenantId, helperCourseParticipants.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.trainingId],
      foreignColumns: [helperTrainings.tenantId, helperTrainings.id],
    }).onDelete('set null'),
    uniqueIndex('helper_course_completions_no_idx').on(t.tenantId, t.courseId, t.certificateNo),
  ],
);
export type HelperCourseCompletionRow = typeof helperCourseCompletions.$inferSelect;
