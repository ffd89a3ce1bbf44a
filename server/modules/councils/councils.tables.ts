import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TemplateItem } from '../../../domain/councils';
import { users } from '../../core/identity.tables';
import { tenants } from '../../core/tenancy.tables';
import { areas } from '../areas/areas.tables';
import { organizations } from '../resources/resources.tables';

const tenantId = () =>
  char('tenant_id', { length: 6 })
    .notNull()
    .references(() => tenants.code);
const stamps = () => ({
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * 関係者: named people in the town's work — a 町内会長, a 民生委員, the 郵便局長, a 地域おこし協力隊員.
 * Not 住民 records (residents module): they act in public roles and are shown to fellow council
 * members. `userId` ties a person to a login: a 協議体委員 sees the councils this person sits on
 * (decision 0013).
 */
export const people = pgTable(
  'people',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    /** Kind of actor (民生委員・児童委員, 地域おこし協力隊 …); '' = that of the 主体 they belong to. */
    kind: text('kind').notNull().default(''),
    organizationId: uuid('organization_id'),
    /** Where the person is active (their 地区 or 圏域), for the network's area filter. */
    areaId: uuid('area_id'),
    userId: uuid('user_id').references(() => users.id),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    uniqueIndex('people_user_key').on(t.tenantId, t.userId),
    index('people_name_idx').on(t.tenantId, t.kana, t.name),
  ],
);
export type PersonRow = typeof people.$inferSelect;

/** 協議体 of 第1層, 第2層 (or 第3層), with its area, purpose, the SC in charge and its agenda template. */
export const councils = pgTable(
  'councils',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    layer: integer('layer').notNull(),
    areaId: uuid('area_id').notNull(),
    purpose: text('purpose').notNull().default(''),
    /** The SC in charge (a user of the tenant). */
    scUserId: uuid('sc_user_id').references(() => users.id),
    agendaTemplate: jsonb('agenda_template').$type<TemplateItem[]>().notNull(),
    /** Archived councils keep everything and leave the lists; deleting one with history is refused. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    check('councils_layer_check', sql`${t.layer} between 1 and 3`),
  ],
);
export type CouncilRow = typeof councils.$inferSelect;

/** A seat on a council: a person (who may represent a 主体) or a 主体 itself, with role and 辞令 term. */
export const councilMembers = pgTable(
  'council_members',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    councilId: uuid('council_id').notNull(),
    personId: uuid('person_id'),
    organizationId: uuid('organization_id'),
    role: text('role').notNull(),
    termStart: date('term_start', { mode: 'string' }),
    termEnd: date('term_end', { mode: 'string' }),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.councilId], foreignColumns: [councils.tenantId, councils.id] }),
    foreignKey({ columns: [t.tenantId, t.personId], foreignColumns: [people.tenantId, people.id] }),
    foreignKey({
      columns: [t.tenantId, t.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }),
    index('council_members_council_idx').on(t.tenantId, t.councilId),
    index('council_members_person_idx').on(t.tenantId, t.personId),
    check('council_members_who_check', sql`${t.personId} is not null or ${t.organizationId} is not null`),
    check(
      'council_members_term_check',
      sql`${t.termStart} is null or ${t.termEnd} is null or ${t.termEnd} >= ${t.termStart}`,
    ),
  ],
);
export type MemberRow = typeof councilMembers.$inferSelect;

/** 部会: a themed working group of a council (移動, ボランティア, 生きがい …). */
export const councilGroups = pgTable(
  'council_groups',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    councilId: uuid('council_id').notNull(),
    name: text('name').notNull(),
    theme: text('theme').notNull().default(''),
    /** Seats (council_members ids) of the council who work in this 部会. */
    memberIds: uuid('member_ids').array().notNull().default(sql`'{}'::uuid[]`),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.councilId], foreignColumns: [councils.tenantId, councils.id] }),
  ],
);
export type GroupRow = typeof councilGroups.$inferSelect;

/** A meeting of a council: when, where, who came, and the 総評 and next steps. */
export const meetings = pgTable(
  'meetings',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    councilId: uuid('council_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    /** 'HH:MM' in Japan. */
    startsAt: text('starts_at'),
    endsAt: text('ends_at'),
    place: text('place').notNull().default(''),
    online: boolean('online').notNull().default(false),
    /** 主なテーマ: the words of C町's yearly table (「地域交通・移動に関する集中協議」). */
    theme: text('theme').notNull().default(''),
    status: text('status').notNull().default('planned'),
    /** Seats present. */
    attendeeIds: uuid('attendee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Others present (行政, guests, 高校生 …): how many, and who in words. */
    guests: integer('guests').notNull().default(0),
    guestsNote: text('guests_note').notNull().default(''),
    review: text('review').notNull().default(''),
    nextNote: text('next_note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.councilId], foreignColumns: [councils.tenantId, councils.id] }),
    index('meetings_council_idx').on(t.tenantId, t.councilId, t.heldOn),
    check('meetings_status_check', sql`${t.status} in ('planned', 'held', 'cancelled')`),
    check('meetings_guests_check', sql`${t.guests} >= 0`),
  ],
);
export type MeetingRow = typeof meetings.$inferSelect;

/** Projects (PJ) of a council or one of its 部会: 課題, 年度ゴール, members, trials and results. */
export const projects = pgTable(
  'projects',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    councilId: uuid('council_id').notNull(),
    groupId: uuid('group_id'),
    name: text('name').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    issue: text('issue').notNull().default(''),
    goal: text('goal').notNull().default(''),
    status: text('status').notNull().default('planning'),
    results: text('results').notNull().default(''),
    personIds: uuid('person_ids').array().notNull().default(sql`'{}'::uuid[]`),
    organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.councilId], foreignColumns: [councils.tenantId, councils.id] }),
    foreignKey({
      columns: [t.tenantId, t.groupId],
      foreignColumns: [councilGroups.tenantId, councilGroups.id],
    }),
    index('projects_council_idx').on(t.tenantId, t.councilId, t.fiscalYear),
    check('projects_status_check', sql`${t.status} in ('planning', 'trial', 'running', 'done', 'paused')`),
  ],
);
export type ProjectRow = typeof projects.$inferSelect;

/** 試行: what a project tried, when, and what it learned. */
export const projectTrials = pgTable(
  'project_trials',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    projectId: uuid('project_id').notNull(),
    triedOn: date('tried_on', { mode: 'string' }).notNull(),
    what: text('what').notNull(),
    learned: text('learned').notNull().default(''),
    participants: integer('participants'),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    index('project_trials_project_idx').on(t.tenantId, t.projectId, t.triedOn),
  ],
);
export type TrialRow = typeof projectTrials.$inferSelect;

/**
 * 地域資源 that came out of a project (資源開発). The date is when it was linked, so that the
 * 年度's count of developed resources is stable even when the resource is edited later.
 */
export const projectResources = pgTable(
  'project_resources',
  {
    tenantId: tenantId(),
    projectId: uuid('project_id').notNull(),
    resourceId: uuid('resource_id').notNull(),
    linkedOn: date('linked_on', { mode: 'string' }).notNull(),
    linkedBy: text('linked_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.projectId, t.resourceId] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
  ],
);

/**
 * One item of a meeting's agenda and its minutes. The item may point at what it is about (a
 * needs-against-resources cell, needs, resources, a project); its minutes are the notes of the
 * exchange, the ideas raised, and whether it goes on as 宿題・継続協議.
 */
export const agendaItems = pgTable(
  'agenda_items',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    step: text('step').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** A needs-against-resources cell: area × top-level category. */
    cellAreaId: uuid('cell_area_id'),
    cellCategory: text('cell_category'),
    needIds: uuid('need_ids').array().notNull().default(sql`'{}'::uuid[]`),
    resourceIds: uuid('resource_ids').array().notNull().default(sql`'{}'::uuid[]`),
    projectId: uuid('project_id'),
    /** The item of an earlier meeting this one continues (宿題・継続協議). */
    carriedFromId: uuid('carried_from_id'),
    notes: text('notes').notNull().default(''),
    ideas: text('ideas').array().notNull().default(sql`'{}'::text[]`),
    carryOver: boolean('carry_over').notNull().default(false),
    homework: text('homework').notNull().default(''),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    index('agenda_items_meeting_idx').on(t.tenantId, t.meetingId, t.position),
    check('agenda_items_cell_check', sql`(${t.cellAreaId} is null) = (${t.cellCategory} is null)`),
  ],
);
export type AgendaItemRow = typeof agendaItems.$inferSelect;

/**
 * SC tasks: what the council handed to the SC (「SCに託す」) and anything else she must do by a date.
 * Every task has an owner (a user of the tenant); a meeting's task keeps its meeting and item.
 */
export const tasks = pgTable(
  'sc_tasks',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    detail: text('detail').notNull().default(''),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    councilId: uuid('council_id'),
    meetingId: uuid('meeting_id'),
    agendaItemId: uuid('agenda_item_id'),
    projectId: uuid('project_id'),
    doneOn: date('done_on', { mode: 'string' }),
    doneNote: text('done_note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    ...stamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.councilId], foreignColumns: [councils.tenantId, councils.id] }),
    foreignKey({ columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({
      columns: [t.tenantId, t.agendaItemId],
      foreignColumns: [agendaItems.tenantId, agendaItems.id],
    }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    index('sc_tasks_owner_idx').on(t.tenantId, t.ownerUserId, t.status, t.dueOn),
    index('sc_tasks_meeting_idx').on(t.tenantId, t.meetingId),
    check('sc_tasks_status_check', sql`${t.status} in ('open', 'done', 'dropped')`),
  ],
);
export type TaskRow = typeof tasks.$inferSelect;
