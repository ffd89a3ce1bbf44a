import { and, count, eq, inArray } from 'drizzle-orm';
import type { ReferralTargetKind } from '../../../domain/referrals';
import type { TenantContext } from '../../core/context';
import { referrals } from './matching.tables';

/** People now using a target through referrals (利用開始・継続中), per target id. */
export async function inUseCounts(
  ctx: TenantContext,
  kind: ReferralTargetKind,
  ids: readonly string[] | null,
) {
  if (ids?.length === 0) return new Map<string, number>();
  const rows = await ctx.db
    .select({ id: referrals.targetId, n: count() })
    .from(referrals)
    .where(
      and(
        eq(referrals.tenantId, ctx.tenantId),
        eq(referrals.targetKind, kind),
        inArray(referrals.status, ['started', 'ongoing']),
        // For many candidates at once, the town's few active referrals are cheaper than a long IN list.
        ids ? inArray(referrals.targetId, [...ids]) : undefined,
      ),
    )
    .groupBy(referrals.targetId);
  return new Map(rows.map((r) => [r.id, r.n]));
}
