import type { AreaNode } from '../../../domain/areas';
import { subtreeIds } from '../../../domain/areas';
import { assertTenantMember, canWriteTenant, personalDataScope, writableAreaRoots } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';

const NO_ACCESS =
  'つなぎは個人に関わる記録のため、保険者職員と生活支援コーディネーターだけが扱えます。成果の集計は「つなぎの成果」でご覧いただけます。';
const OUTSIDE = '担当の地域の外のつなぎは記録・変更できません。';
const OPPORTUNITY_WRITE = '就労的活動の登録と変更は、保険者職員と生活支援コーディネーターが行えます。';
const OPPORTUNITY_OUTSIDE =
  '担当の地域で行う活動として登録してください（活動する地域に担当の地域を選んでください）。';

/**
 * つなぎ name people and what they need: the same people as for needs and residents handle them
 * (a 第2層 SC in her areas); everyone in the town sees the outcome statistics, which name no one.
 * 就労的活動 are offers from companies and groups — public within the town, written by staff.
 */
export const matchingPolicy = {
  scope(ctx: TenantContext, all: readonly AreaNode[]): 'all' | Set<string> {
    assertTenantMember(ctx, 'つなぎ');
    const scope = personalDataScope(ctx, all);
    if (!scope) throw forbidden(NO_ACCESS);
    return scope;
  },

  see(scope: 'all' | Set<string>, areaId: string): void {
    if (scope !== 'all' && !scope.has(areaId)) throw notFound('つなぎ');
  },

  place(scope: 'all' | Set<string>, areaId: string): void {
    if (scope !== 'all' && !scope.has(areaId)) throw forbidden(OUTSIDE);
  },

  stats(ctx: TenantContext): void {
    assertTenantMember(ctx, 'つなぎの成果');
  },

  readOpportunities(ctx: TenantContext): void {
    assertTenantMember(ctx, '就労的活動');
  },

  mayWriteOpportunity(ctx: TenantContext, all: readonly AreaNode[], areaIds: readonly string[]): boolean {
    if (canWriteTenant(ctx)) return true;
    const roots = writableAreaRoots(ctx);
    if (roots === 'all') return true;
    if (roots.length === 0) return false;
    const mine = subtreeIds(all, roots);
    return areaIds.length > 0 && areaIds.every((id) => mine.has(id));
  },

  writeOpportunity(ctx: TenantContext, all: readonly AreaNode[], areaIds: readonly string[]): void {
    assertTenantMember(ctx, '就労的活動');
    if (matchingPolicy.mayWriteOpportunity(ctx, all, areaIds)) return;
    const roots = writableAreaRoots(ctx);
    throw forbidden(roots !== 'all' && roots.length > 0 ? OPPORTUNITY_OUTSIDE : OPPORTUNITY_WRITE);
  },
};
