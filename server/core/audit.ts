import { auditLog } from './audit.tables';
import { actorId, actorLabel, type BaseContext } from './context';

export interface AuditEntry {
  /** Overrides the context's tenant (events outside a tenant pass null). */
  tenantId?: string | null;
  /** What kind of thing: `area`, `membership`, `session`, `population_import` … */
  entity: string;
  entityId?: string | null;
  /** `create`, `update`, `read`, `login`, `import` … */
  action: string;
  /** What changed, small: field names and values, never passwords. */
  detail?: Record<string, unknown>;
  /** For events without a signed-in actor (a failed sign-in): who it claimed to be. */
  as?: { id: string | null; label: string };
}

/**
 * Appends one line to the audit log in the caller's transaction, so a rolled-back change leaves no
 * audit line and a committed one always has its line. Reads of personal data go through here too.
 */
export async function recordAudit(
  ctx: Omit<BaseContext, 'actor'> & { actor: BaseContext['actor'] | null; tenantId?: string },
  entry: AuditEntry,
): Promise<void> {
  await ctx.db.insert(auditLog).values({
    tenantId: entry.tenantId === undefined ? (ctx.tenantId ?? null) : entry.tenantId,
    actorId: entry.as ? entry.as.id : actorId(ctx.actor),
    actorLabel: entry.as ? entry.as.label : actorLabel(ctx.actor),
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    action: entry.action,
    at: ctx.now(),
    requestId: ctx.requestId,
    detail: entry.detail ?? null,
  });
}
