import { and, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../core/context';
import { helpersPolicy } from './helpers.policy';
import { type HelperRow, helpers } from './helpers.tables';

/*
 * Helpers as other modules hold them (the point ledger's members, course participants): rows by id
 * within the tenant, and the same rule as the 人材バンク for who may act on whom — so a 第2層 SC
 * records points and courses only for helpers who live or help in her areas.
 */

/** Helper rows of this tenant by id (ids of another tenant are simply absent). */
export async function helpersByIds(
  ctx: TenantContext,
  ids: readonly string[],
): Promise<Map<string, HelperRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select()
    .from(helpers)
    .where(and(eq(helpers.tenantId, ctx.tenantId), inArray(helpers.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whether an actor with this personal-data scope may act on the helper (helpersPolicy's rule). */
export function mayActOnHelper(
  scope: 'all' | Set<string>,
  h: { homeAreaId: string | null; areaIds: readonly string[] },
): boolean {
  return helpersPolicy.mayChange(scope, h);
}
