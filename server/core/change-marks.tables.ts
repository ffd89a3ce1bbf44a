import { bigint, char, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenants } from './tenancy.tables';

/**
 * One counter per tenant and source of a cached read model ('resources', 'helpers'), bumped by
 * statement triggers inside every writing transaction (migration 0013). A per-process cache reads
 * this one row before each use instead of counting the rows behind it (decision 0012).
 */
export const changeMarks = pgTable(
  'change_marks',
  {
    tenantId: char('tenant_id', { length: 6 })
      .notNull()
      .references(() => tenants.code),
    source: text('source').notNull(),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.source] })],
);
