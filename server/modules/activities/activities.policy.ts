import type { AreaNode } from '../../../domain/areas';
import { assertTenantMember, personalDataScope } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';

const NO_ACCESS =
  '活動記録の一つ一つは生活支援コーディネーターと保険者職員のためのものです。集計は「活動の月報・年報」でご覧いただけます。';
const OUTSIDE = '担当の地域の外の活動は記録・変更できません。地域を選び直してください。';
const NOT_YOURS = 'ほかの人の活動記録は変更できません。';

/** What a caller may read: every activity, or (第2層 SC) her own and those in her areas. */
export type ActivityScope = 'all' | { userId: string; areas: ReadonlySet<string> };

/*
 * The SC's activity log is her working record: 保険者職員 and 第1層 SC read all of it; a 第2層 SC
 * reads her own entries and those touching her areas, and records in her areas; 協議体委員 and
 * 閲覧者 see only the report's counts.
 */
export const activitiesPolicy = {
  scope(ctx: TenantContext, all: readonly AreaNode[]): ActivityScope {
    assertTenantMember(ctx, '活動記録');
    // The same reach as personal data: the whole town, or a 第2層 SC's areas and what lies below.
    const reach = personalDataScope(ctx, all);
    if (reach === 'all') return 'all';
    if (reach && ctx.actor.kind === 'user') return { userId: ctx.actor.userId, areas: reach };
    throw forbidden(NO_ACCESS);
  },

  see(scope: ActivityScope, row: { scUserId: string; areaIds: readonly string[] }): void {
    if (scope === 'all' || row.scUserId === scope.userId || row.areaIds.some((a) => scope.areas.has(a)))
      return;
    throw notFound('活動記録');
  },

  /** Recording is done by a person (the SC whose work it is), in areas she may record in. */
  record(ctx: TenantContext, scope: ActivityScope, areaIds: readonly string[]): void {
    if (ctx.actor.kind !== 'user') throw forbidden('活動はログインした利用者として記録してください。');
    if (scope !== 'all' && areaIds.some((a) => !scope.areas.has(a))) throw forbidden(OUTSIDE);
  },

  edit(scope: ActivityScope, row: { scUserId: string }): void {
    if (scope === 'all') return;
    if (row.scUserId !== scope.userId) throw forbidden(NOT_YOURS);
  },

  report(ctx: TenantContext): void {
    assertTenantMember(ctx, '活動の集計');
  },
};
