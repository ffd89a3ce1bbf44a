import type { AreaNode } from '../../../domain/areas';
import { assertTenantMember, assertWriteTenant, isSuper, personalDataScope, roleIn } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';

const NO_PERSONAL =
  '一人ひとりの回答は、保険者職員と生活支援コーディネーターだけが扱えます。集計は「集計」の画面でご覧いただけます。';
const OUTSIDE = '担当の地域の外の回答は入力・閲覧できません。';

/**
 * Surveys: every member sees the aggregate results (small cells hidden except for 保険者職員);
 * 保険者職員 and 第1層 SC set surveys up; answers are personal, handled like residents (a 第2層 SC
 * in her areas), and every read of them is audited by the service.
 */
export const surveysPolicy = {
  read(ctx: TenantContext): void {
    assertTenantMember(ctx, '調査');
  },

  manage(ctx: TenantContext): void {
    assertWriteTenant(ctx, '調査の作成と判定基準の変更は、保険者職員と第1層コーディネーターが行えます。');
  },

  /** Where the caller may enter and read individual answers. */
  answers(ctx: TenantContext, all: readonly AreaNode[]): 'all' | Set<string> {
    assertTenantMember(ctx, '調査');
    const scope = personalDataScope(ctx, all);
    if (!scope) throw forbidden(NO_PERSONAL);
    return scope;
  },

  placeAnswer(scope: 'all' | Set<string>, areaId: string | null): void {
    if (scope === 'all') return;
    if (!areaId || !scope.has(areaId)) throw forbidden(OUTSIDE);
  },

  /** Only 保険者 staff see cells of fewer than five people. */
  seesSmallCells(ctx: TenantContext): boolean {
    return isSuper(ctx.actor) || roleIn(ctx) === 'insurer_staff';
  },
};
