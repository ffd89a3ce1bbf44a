import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/identity.tables';
import { tenants } from '../../core/tenancy.tables';

/**
 * 活動記録: one piece of the SC's own work — a visit, a consultation, a meeting, a training, an
 * event — tagged ①–⑥, A/B/C and a–e, with where it was and whom it was with. The source of the
 * monthly and yearly reports. Links point into other modules (areas, 主体, people, needs,
 * resources, councils) as id arrays and are checked when saved.
 */
export const activities = pgTable(
  'activities',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    /** Whose work it was (the SC); set from the signed-in user. */
    scUserId: uuid('sc_user_id')
      .notNull()
      .references(() => users.id),
    scName: text('sc_name').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    minutes: integer('minutes').notNull(),
    type: text('type').notNull(),
    layer: integer('layer').notNull(),
    functions: text('functions').array().notNull(),
    headlines: text('headlines').array().notNull(),
    yokoTasks: text('yoko_tasks').array().notNull().default(sql`'{}'::text[]`),
    support: text('support').notNull(),
    areaIds: uuid('area_ids').array().notNull(),
    organizationIds: uuid('organization_ids').array().notNull().default(sql`'{}'::uuid[]`),
    personIds: uuid('person_ids').array().notNull().default(sql`'{}'::uuid[]`),
    needIds: uuid('need_ids').array().notNull().default(sql`'{}'::uuid[]`),
    resourceIds: uuid('resource_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** つなぎ the activity was part of (a call to the provider, a visit to see how it goes). */
    referralIds: uuid('referral_ids').array().notNull().default(sql`'{}'::uuid[]`),
    councilId: uuid('council_id'),
    projectId: uuid('project_id'),
    summary: text('summary').notNull().default(''),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('activities_day_idx').on(t.tenantId, t.occurredOn),
    index('activities_sc_idx').on(t.tenantId, t.scUserId, t.occurredOn),
    check('activities_minutes_check', sql`${t.minutes} between 1 and 1440`),
    check('activities_layer_check', sql`${t.layer} between 1 and 3`),
    check('activities_functions_check', sql`cardinality(${t.functions}) >= 1`),
    check('activities_areas_check', sql`cardinality(${t.areaIds}) >= 1`),
  ],
);
export type ActivityRow = typeof activities.$inferSelect;
