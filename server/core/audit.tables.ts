import { bigserial, char, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only record of who did what. A trigger (migration 0001) refuses UPDATE and DELETE, so the
 * log cannot be edited even by a bug in the application.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null only for events outside any tenant (sign-in, tenant creation by a system admin). */
    tenantId: char('tenant_id', { length: 6 }),
    actorId: uuid('actor_id'),
    /** Readable actor, kept even if the user is later removed: e-mail or `cli`/`seed`. */
    actorLabel: text('actor_label').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    action: text('action').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    requestId: text('request_id'),
    detail: jsonb('detail'),
  },
  (t) => [
    index('audit_log_tenant_at_idx').on(t.tenantId, t.at),
    index('audit_log_entity_idx').on(t.tenantId, t.entity, t.entityId),
  ],
);
