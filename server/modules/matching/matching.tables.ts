import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';
import { areas } from '../areas/areas.tables';
import { needs } from '../needs/needs.tables';
import { residents } from '../residents/residents.tables';

/**
 * つなぎ: one person or need connected with a 地域資源, a 担い手 or a 就労的活動, followed from
 * 提案 to 終了 (or 不成立). The target is polymorphic (kind + id), checked by the service against
 * its owner module; its name is kept so the history reads the same after the target is renamed.
 * Personal when it names a resident: reads are audited, and erasure clears the link and the notes.
 */
export const referrals = pgTable(
  'referrals',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    needId: uuid('need_id'),
    residentId: uuid('resident_id'),
    targetKind: text('target_kind').notNull(),
    targetId: uuid('target_id').notNull(),
    targetName: text('target_name').notNull(),
    /** The need's category, or the target's: what the statistics group by. */
    category: text('category').notNull(),
    areaId: uuid('area_id').notNull(),
    status: text('status').notNull().default('proposed'),
    /** The SC in charge (a user of the tenant) and her name as it was. */
    scUserId: uuid('sc_user_id'),
    scName: text('sc_name').notNull(),
    proposedOn: date('proposed_on', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Shown on 今日の確認 from this date until the SC records the next step or a note. */
    followUpOn: date('follow_up_on', { mode: 'string' }),
    /** 不成立 or 終了: why. */
    outcomeReason: text('outcome_reason').notNull().default(''),
    /** The reasons the suggestion gave, as words (why this one was chosen). */
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    summary: text('summary').notNull().default(''),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    // ON DELETE SET NULL (need_id / resident_id) is added in the migration: erasure keeps the referral.
    foreignKey({ columns: [t.tenantId, t.needId], foreignColumns: [needs.tenantId, needs.id] }),
    foreignKey({ columns: [t.tenantId, t.residentId], foreignColumns: [residents.tenantId, residents.id] }),
    index('referrals_follow_up_idx').on(t.tenantId, t.followUpOn),
    index('referrals_status_idx').on(t.tenantId, t.status, t.proposedOn),
    index('referrals_need_idx').on(t.tenantId, t.needId),
    index('referrals_resident_idx').on(t.tenantId, t.residentId),
    index('referrals_target_idx').on(t.tenantId, t.targetKind, t.targetId),
    check('referrals_target_kind_check', sql`${t.targetKind} in ('resource', 'helper', 'opportunity')`),
    check(
      'referrals_status_check',
      sql`${t.status} in ('proposed', 'contacted', 'accepted', 'started', 'ongoing', 'ended', 'failed')`,
    ),
  ],
);
export type ReferralRow = typeof referrals.$inferSelect;

/** The dated history of a referral: steps and notes from the SC, the provider and the person's side. */
export const referralEvents = pgTable(
  'referral_events',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    referralId: uuid('referral_id').notNull(),
    /** The day it happened (may be before it was recorded). */
    on: date('on', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actor: text('actor').notNull(),
    side: text('side').notNull().default('sc'),
    fromStatus: text('from_status'),
    /** Null for a note without a change of step. */
    toStatus: text('to_status'),
    note: text('note').notNull().default(''),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.referralId],
      foreignColumns: [referrals.tenantId, referrals.id],
    }).onDelete('cascade'),
    index('referral_events_referral_idx').on(t.tenantId, t.referralId, t.seq),
    check('referral_events_side_check', sql`${t.side} in ('sc', 'provider', 'resident')`),
  ],
);
export type ReferralEventRow = typeof referralEvents.$inferSelect;

/**
 * 就労的活動: a role a company or group offers (農作業の手伝い, 子どもの見守り, 施設の清掃 …), with
 * its conditions, paid or not. The offering 主体 is a resources organization when known.
 */
export const workOpportunities = pgTable(
  'work_opportunities',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    organizationId: uuid('organization_id'),
    /** Who offers it, as the SC writes it (the 主体's name when linked). */
    offeredBy: text('offered_by').notNull().default(''),
    kinds: text('kinds').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    conditions: text('conditions').notNull().default(''),
    areaIds: uuid('area_ids').array().notNull().default(sql`'{}'::uuid[]`),
    weekdayMask: smallint('weekday_mask').notNull().default(0),
    timeNote: text('time_note').notNull().default(''),
    paid: boolean('paid').notNull().default(false),
    rewardNote: text('reward_note').notNull().default(''),
    capacity: integer('capacity'),
    contact: text('contact').notNull().default(''),
    status: text('status').notNull().default('open'),
    createdBy: text('created_by').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('work_opportunities_status_idx').on(t.tenantId, t.status),
    check('work_opportunities_status_check', sql`${t.status} in ('open', 'paused', 'closed')`),
  ],
);
export type WorkOpportunityRow = typeof workOpportunities.$inferSelect;
