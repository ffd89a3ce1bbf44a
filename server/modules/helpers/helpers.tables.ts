import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';
import { areas } from '../areas/areas.tables';

/**
 * 担い手: volunteers and volunteer groups in the town's 人材バンク. Personal data of people who
 * agreed to be asked: reads and changes are audited, consent is kept with its date and who took it,
 * and a withdrawn consent keeps the row (for the history and the point ledger) but ends every
 * suggestion and new referral.
 */
export const helpers = pgTable(
  'helpers',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    kind: text('kind').notNull().default('person'),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    townName: text('town_name').notNull().default(''),
    address: text('address').notNull().default(''),
    /** Where the helper lives (from the 町丁, or chosen). */
    homeAreaId: uuid('home_area_id'),
    /** Where the helper is willing to help, besides home. */
    areaIds: uuid('area_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Codes of domain/helpers HELPER_SKILLS. */
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    /** Weekdays they can help (bit 0 = 日曜), as resources store theirs. */
    weekdayMask: smallint('weekday_mask').notNull().default(0),
    /** 「午前中のみ」「月2回まで」: what the days do not say. */
    timeNote: text('time_note').notNull().default(''),
    /** 有償ボランティアの謝礼 (30分300円), empty when unpaid. */
    rewardNote: text('reward_note').notNull().default(''),
    status: text('status').notNull().default('active'),
    /** { on, recordedBy, withdrawnOn? } — registered and willing to be contacted for matching. */
    consent: jsonb('consent'),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.homeAreaId], foreignColumns: [areas.tenantId, areas.id] }),
    index('helpers_kana_idx').on(t.tenantId, t.kana),
    // The change mark of the matching cache: max(updated_at) of a town is one index probe.
    index('helpers_updated_idx').on(t.tenantId, t.updatedAt),
    index('helpers_skills_idx').using('gin', t.tenantId, t.skills),
    check('helpers_kind_check', sql`${t.kind} in ('person', 'group')`),
    check('helpers_status_check', sql`${t.status} in ('active', 'resting', 'withdrawn')`),
  ],
);
export type HelperRow = typeof helpers.$inferSelect;

/** Courses a helper took (生活支援サポーター養成講座, 認知症サポーター …), with the date. */
export const helperTrainings = pgTable(
  'helper_trainings',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    helperId: uuid('helper_id').notNull(),
    /** Code of domain/helpers TRAINING_KINDS. */
    kind: text('kind').notNull(),
    title: text('title').notNull().default(''),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.helperId],
      foreignColumns: [helpers.tenantId, helpers.id],
    }).onDelete('cascade'),
    index('helper_trainings_helper_idx').on(t.tenantId, t.helperId),
  ],
);
export type HelperTrainingRow = typeof helperTrainings.$inferSelect;
