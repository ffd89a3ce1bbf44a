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
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';
import { helpers } from '../helpers/helpers.tables';

/*
 * ボランティアポイント. The scheme and the activities are ordinary editable rows (version column).
 * The ledger — accounts, transactions, entries, year-end runs — is append-only: the migration adds
 * triggers that refuse UPDATE and DELETE, and a deferred constraint trigger that refuses, at commit,
 * a transaction whose entries do not sum to zero or that has fewer than two. Corrections are new
 * transactions that reverse an earlier one.
 */

/** A town's point scheme (usually one: ささえ町いきいきポイント). */
export const pointSchemes = pgTable(
  'point_schemes',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    /** Points for an hour of activity; null when only activity kinds earn points. */
    pointsPerHour: integer('points_per_hour'),
    /** [{ code, label, points }]: activity kinds with fixed points. */
    activityKinds: jsonb('activity_kinds').notNull().default(sql`'[]'::jsonb`),
    /** Most points one member earns in a 年度; null = none. */
    yearlyCap: integer('yearly_cap'),
    /** 'cash' (交付金) or 'goods' (商品券・品物). */
    redemptionKind: text('redemption_kind').notNull().default('cash'),
    /** Yen per point for cash (1pt = 1円). */
    yenPerPoint: integer('yen_per_point').notNull().default(1),
    redemptionNote: text('redemption_note').notNull().default(''),
    /** Most points one member redeems in a 年度; null = none. */
    yearlyRedemptionCap: integer('yearly_redemption_cap'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('point_schemes_redemption_kind_check', sql`${t.redemptionKind} in ('cash', 'goods')`),
    check(
      'point_schemes_amounts_check',
      sql`coalesce(${t.pointsPerHour}, 0) >= 0 and coalesce(${t.yearlyCap}, 0) >= 0 and ${t.yenPerPoint} >= 0 and coalesce(${t.yearlyRedemptionCap}, 0) >= 0`,
    ),
  ],
);
export type PointSchemeRow = typeof pointSchemes.$inferSelect;

/**
 * Ledger accounts: one per member (a helper) and scheme, opened at the first posting, and the
 * scheme's 発行 and 交換済み accounts, opened with the scheme. Never changed.
 */
export const pointAccounts = pgTable(
  'point_accounts',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    schemeId: uuid('scheme_id').notNull(),
    /** 'member', 'issuance' or 'redemption'. */
    kind: text('kind').notNull(),
    helperId: uuid('helper_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.schemeId],
      foreignColumns: [pointSchemes.tenantId, pointSchemes.id],
    }),
    foreignKey({ columns: [t.tenantId, t.helperId], foreignColumns: [helpers.tenantId, helpers.id] }),
    uniqueIndex('point_accounts_member_idx')
      .on(t.tenantId, t.schemeId, t.helperId)
      .where(sql`${t.kind} = 'member'`),
    uniqueIndex('point_accounts_system_idx')
      .on(t.tenantId, t.schemeId, t.kind)
      .where(sql`${t.kind} <> 'member'`),
    check('point_accounts_kind_check', sql`${t.kind} in ('member', 'issuance', 'redemption')`),
    check('point_accounts_member_check', sql`(${t.kind} = 'member') = (${t.helperId} is not null)`),
  ],
);
export type PointAccountRow = typeof pointAccounts.$inferSelect;

/**
 * An activity a member did, recorded by staff on their behalf (most volunteers have no phone for
 * this). Confirming it posts a ledger transaction; the row keeps its full record (time, kind, what
 * was asked and what the cap allowed) and, once confirmed or returned, never changes again.
 */
export const pointActivities = pgTable(
  'point_activities',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    schemeId: uuid('scheme_id').notNull(),
    helperId: uuid('helper_id').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** Code of one of the scheme's activity kinds, or null when paid by time. */
    kind: text('kind'),
    /** The kind's name when recorded: the scheme's list may change later. */
    kindLabel: text('kind_label').notNull().default(''),
    minutes: integer('minutes'),
    /** 受け入れ先: the group or place the member helped. */
    host: text('host').notNull().default(''),
    note: text('note').notNull().default(''),
    /** Points the rules give, before the yearly cap (fixed when recorded). */
    requestedPoints: integer('requested_points').notNull(),
    /** Points posted at confirmation (after the cap); null until confirmed. */
    awardedPoints: integer('awarded_points'),
    capNote: text('cap_note').notNull().default(''),
    status: text('status').notNull().default('pending'),
    /** Who at the host group confirmed it, when it came confirmed (a signed 活動記録票). */
    hostConfirmedBy: text('host_confirmed_by').notNull().default(''),
    hostConfirmedOn: date('host_confirmed_on', { mode: 'string' }),
    confirmedBy: text('confirmed_by').notNull().default(''),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    returnedReason: text('returned_reason').notNull().default(''),
    transactionId: uuid('transaction_id'),
    recordedBy: text('recorded_by').notNull(),
    /** Chosen by the form per record: a retry after a lost answer records the activity once. */
    clientId: uuid('client_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.schemeId],
      foreignColumns: [pointSchemes.tenantId, pointSchemes.id],
    }),
    foreignKey({ columns: [t.tenantId, t.helperId], foreignColumns: [helpers.tenantId, helpers.id] }),
    index('point_activities_status_idx').on(t.tenantId, t.status, t.on),
    index('point_activities_helper_idx').on(t.tenantId, t.helperId, t.on),
    uniqueIndex('point_activities_client_idx').on(t.tenantId, t.clientId),
    check('point_activities_status_check', sql`${t.status} in ('pending', 'confirmed', 'returned')`),
    check(
      'point_activities_points_check',
      sql`${t.requestedPoints} >= 0 and coalesce(${t.awardedPoints}, 0) between 0 and ${t.requestedPoints}`,
    ),
  ],
);
export type PointActivityRow = typeof pointActivities.$inferSelect;

/**
 * A ledger transaction: the when and why of a movement. Its entries (two or more) sum to zero.
 * `reverses` links a correction to what it corrects; `yearEndId` groups one year-end run.
 */
export const pointTransactions = pgTable(
  'point_transactions',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    schemeId: uuid('scheme_id').notNull(),
    /** Order of posting: statements and running balances follow it within a day. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    /** The 年度 the movement counts for (a correction counts for the 年度 of what it corrects). */
    fiscalYear: smallint('fiscal_year').notNull(),
    description: text('description').notNull(),
    /** The member this transaction is about (every transaction here has one member side). */
    helperId: uuid('helper_id').notNull(),
    activityId: uuid('activity_id'),
    reverses: uuid('reverses'),
    yearEndId: uuid('year_end_id'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.schemeId],
      foreignColumns: [pointSchemes.tenantId, pointSchemes.id],
    }),
    foreignKey({ columns: [t.tenantId, t.reverses], foreignColumns: [t.tenantId, t.id] }),
    index('point_transactions_helper_idx').on(t.tenantId, t.helperId, t.on, t.seq),
    index('point_transactions_reverses_idx').on(t.tenantId, t.reverses),
    uniqueIndex('point_transactions_activity_idx')
      .on(t.tenantId, t.activityId)
      .where(sql`${t.kind} = 'activity'`),
    check(
      'point_transactions_kind_check',
      sql`${t.kind} in ('activity', 'redemption', 'year_end', 'correction')`,
    ),
    check('point_transactions_reverses_check', sql`(${t.kind} = 'correction') = (${t.reverses} is not null)`),
  ],
);
export type PointTransactionRow = typeof pointTransactions.$inferSelect;

/** One side of a transaction: a signed integer amount on one account (positive = into it). */
export const pointEntries = pgTable(
  'point_entries',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    transactionId: uuid('transaction_id').notNull(),
    line: smallint('line').notNull(),
    accountId: uuid('account_id').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.transactionId, t.line] }),
    foreignKey({
      columns: [t.tenantId, t.transactionId],
      foreignColumns: [pointTransactions.tenantId, pointTransactions.id],
    }),
    foreignKey({
      columns: [t.tenantId, t.accountId],
      foreignColumns: [pointAccounts.tenantId, pointAccounts.id],
    }),
    index('point_entries_account_idx').on(t.tenantId, t.accountId),
    check('point_entries_amount_check', sql`${t.amount} <> 0`),
  ],
);
export type PointEntryRow = typeof pointEntries.$inferSelect;

/** A year-end redemption run: once per scheme and 年度, all members at once. */
export const pointYearEnds = pgTable(
  'point_year_ends',
  {
    tenantId: char('tenant_id', { length: 6 }).notNull(),
    id: uuid('id').notNull(),
    schemeId: uuid('scheme_id').notNull(),
    fiscalYear: smallint('fiscal_year').notNull(),
    members: integer('members').notNull(),
    points: integer('points').notNull(),
    yen: integer('yen').notNull(),
    postedBy: text('posted_by').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.schemeId],
      foreignColumns: [pointSchemes.tenantId, pointSchemes.id],
    }),
    uniqueIndex('point_year_ends_fy_idx').on(t.tenantId, t.schemeId, t.fiscalYear),
  ],
);
export type PointYearEndRow = typeof pointYearEnds.$inferSelect;
