import { and, eq } from 'drizzle-orm';
import { changeMarks } from './change-marks.tables';
import type { TenantContext } from './context';

/** The read models whose tables bump a change mark (the triggers of migration 0013). */
export type ChangeSource = 'resources' | 'helpers';

/**
 * The tenant's change counter for `source`: one primary-key read. It moves inside the writing
 * transaction, so a value read before a cache load can never hide a write the load did not see.
 */
export async function changeMark(ctx: TenantContext, source: ChangeSource): Promise<string> {
  const [row] = await ctx.db
    .select({ n: changeMarks.n })
    .from(changeMarks)
    .where(and(eq(changeMarks.tenantId, ctx.tenantId), eq(changeMarks.source, source)));
  return String(row?.n ?? 0);
}
