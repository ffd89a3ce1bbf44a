import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';
import { areas } from '../areas/areas.tables';
import { residents } from '../residents/residents.tables';

/**
 * 困りごと: what people need, heard at salons, on 全戸訪問, at the counter, in 地域ケア会議 or from
 * surveys. Anonymous by default; linked to a resident only when the SC knows who it is.
 * The resident link is cleared (not the need) when the resident is erased: counts stay.
 */
export const needs = pgTable(
  'needs',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    /** A taxonomy term code of the tenant (the same categories as resources). */
    category: text('category').notNull(),
    areaId: uuid('area_id').notNull(),
    source: text('source').notNull(),
    residentId: uuid('resident_id'),
    people: integer('people').notNull().default(1),
    urgency: text('urgency').notNull().default('normal'),
    status: text('status').notNull().default('new'),
    summary: text('summary').notNull().default(''),
    note: text('note').notNull().default(''),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    resourceIds: uuid('resource_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    // ON DELETE SET NULL (resident_id) is added in the migration: drizzle cannot say "only this column".
    foreignKey({ columns: [t.tenantId, t.residentId], foreignColumns: [residents.tenantId, residents.id] }),
    index('needs_area_idx').on(t.tenantId, t.areaId),
    index('needs_status_idx').on(t.tenantId, t.status, t.raisedOn),
    index('needs_resident_idx').on(t.tenantId, t.residentId),
    check('needs_people_check', sql`${t.people} >= 1`),
    check(
      'needs_status_check',
      sql`${t.status} in ('new', 'in_progress', 'referred', 'resolved', 'watching', 'unresolved')`,
    ),
  ],
);
export type NeedRow = typeof needs.$inferSelect;

/** Every status change of a need, with who made it and why (the need's history). */
export const needEvents = pgTable(
  'need_events',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    needId: uuid('need_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    /** Order of recording: several changes can share a timestamp (one request, or a frozen test clock). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.needId], foreignColumns: [needs.tenantId, needs.id] }).onDelete(
      'cascade',
    ),
    index('need_events_need_idx').on(t.tenantId, t.needId, t.seq),
  ],
);
