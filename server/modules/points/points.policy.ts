import type { AreaNode } from '../../../domain/areas';
import { assertTenantMember, canWriteTenant, personalDataScope } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';
import { mayActOnHelper } from '../helpers';

const NO_NAMES =
  'ポイントの会員ごとの記録は個人情報のため、保険者職員と生活支援コーディネーターだけが見られます。集計は「ポイント」の画面でご覧いただけます。';
const NOT_MANAGER = '制度の設定と年度末の交換は、保険者職員と第1層コーディネーターが行います。';
const OUTSIDE = '担当の地域の外の会員です。第1層コーディネーターか市町村の担当者に依頼してください。';

/**
 * Points are money-like and personal: who did what, when, and what they were paid. The same people
 * as for the 人材バンク see members by name (保険者職員 and SCs); a 第2層 SC records, confirms,
 * redeems and corrects only for members who live or help in her areas (the helpers module's rule).
 * The scheme and the year-end run are the town's: 保険者職員 and 第1層 SC. 協議体委員 and 閲覧者
 * see aggregate totals only.
 */
export const pointsPolicy = {
  /** Anyone in the tenant: scheme settings and totals carry no names. */
  aggregate(ctx: TenantContext): void {
    assertTenantMember(ctx, 'ポイントの制度');
  },

  manage(ctx: TenantContext): void {
    assertTenantMember(ctx, 'ポイントの制度');
    if (!canWriteTenant(ctx)) throw forbidden(NOT_MANAGER);
  },

  members(ctx: TenantContext, all: readonly AreaNode[]): 'all' | Set<string> {
    assertTenantMember(ctx, 'ポイントの記録');
    const scope = personalDataScope(ctx, all);
    if (!scope) throw forbidden(NO_NAMES);
    return scope;
  },

  mayChange: mayActOnHelper,

  change(scope: 'all' | Set<string>, h: { homeAreaId: string | null; areaIds: readonly string[] }): void {
    if (!mayActOnHelper(scope, h)) throw forbidden(OUTSIDE);
  },
};
