import type { AreaNode } from '../../../domain/areas';
import { assertTenantMember, personalDataScope } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';

const NO_ACCESS =
  '困りごとの一つ一つは個人に関わる情報のため、保険者職員と生活支援コーディネーターだけが見られます。集計は「ニーズと地域資源」でご覧いただけます。';
const OUTSIDE = '担当の地域の外の困りごとは記録・変更できません。';

type AreaLike = AreaNode;

/**
 * Needs are personal (要配慮個人情報 when linked to a person): the same people as for residents
 * read and record them, a 第2層 SC in her areas. The 協議体 sees them only as counts.
 */
export const needsPolicy = {
  scope(ctx: TenantContext, all: readonly AreaLike[]): 'all' | Set<string> {
    assertTenantMember(ctx, '困りごと');
    const scope = personalDataScope(ctx, all);
    if (!scope) throw forbidden(NO_ACCESS);
    return scope;
  },

  /** Whether the caller may see needs at all (the matrix shows counts to everyone else). */
  mayRead(ctx: TenantContext, all: readonly AreaLike[]): 'all' | Set<string> | null {
    assertTenantMember(ctx, '困りごと');
    return personalDataScope(ctx, all);
  },

  see(scope: 'all' | Set<string>, areaId: string): void {
    if (scope !== 'all' && !scope.has(areaId)) throw notFound('困りごと');
  },

  place(scope: 'all' | Set<string>, areaId: string): void {
    if (scope !== 'all' && !scope.has(areaId)) throw forbidden(OUTSIDE);
  },
};
