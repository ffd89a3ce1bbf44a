import type { AreaNode } from '../../../domain/areas';
import { assertTenantMember, personalDataScope } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';

const NO_ACCESS = '担い手の名簿は個人情報のため、保険者職員と生活支援コーディネーターだけが見られます。';
const OUTSIDE = '担当の地域の外の担い手です。第1層コーディネーターか市町村の担当者に依頼してください。';

/**
 * The 人材バンク is personal data of volunteers who agreed to be asked. Every SC may read all of it
 * (a helper next door may live across a 圏域 border); a 第2層 SC changes only helpers who live or
 * help in her areas. 協議体委員 and 閲覧者 see no names.
 */
export const helpersPolicy = {
  read(ctx: TenantContext, all: readonly AreaNode[]): 'all' | Set<string> {
    assertTenantMember(ctx, '担い手');
    const scope = personalDataScope(ctx, all);
    if (!scope) throw forbidden(NO_ACCESS);
    return scope;
  },

  mayChange(
    scope: 'all' | Set<string>,
    h: { homeAreaId: string | null; areaIds: readonly string[] },
  ): boolean {
    if (scope === 'all') return true;
    return [h.homeAreaId, ...h.areaIds].some((id) => id !== null && scope.has(id));
  },

  change(scope: 'all' | Set<string>, h: { homeAreaId: string | null; areaIds: readonly string[] }): void {
    if (!helpersPolicy.mayChange(scope, h)) throw forbidden(OUTSIDE);
  },
};
