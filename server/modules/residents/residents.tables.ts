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
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../core/tenancy.tables';
import { areas } from '../areas/areas.tables';

/**
 * People the SC supports (住民). Personal data: every read and change is audited by the service,
 * and a resident can be erased on request; what others recorded about them stays, anonymous.
 */
export const residents = pgTable(
  'residents',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }),
    /** 町丁 as written in the address; the area is derived from it when not chosen. */
    townName: text('town_name').notNull().default(''),
    areaId: uuid('area_id'),
    address: text('address').notNull().default(''),
    household: text('household').notNull().default('unknown'),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    /** { scopes, on, recordedBy } — the consent in force; earlier ones are in the audit log. */
    consent: jsonb('consent'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.areaId], foreignColumns: [areas.tenantId, areas.id] }),
    index('residents_area_idx').on(t.tenantId, t.areaId),
    index('residents_kana_idx').on(t.tenantId, t.kana),
    check(
      'residents_household_check',
      sql`${t.household} in ('alone', 'elderly_only', 'with_family', 'other', 'unknown')`,
    ),
  ],
);
export type ResidentRow = typeof residents.$inferSelect;
