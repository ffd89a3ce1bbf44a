import type { AreaNode } from '../../../domain/areas';
import { assertTenantMember, personalDataScope } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden, notFound } from '../../core/errors';

const NO_ACCESS = '住民の情報は、保険者職員と生活支援コーディネーターだけが見られます。';
const OUTSIDE = '担当の地域の外の住民です。第1層コーディネーターか市町村の担当者に依頼してください。';

type AreaLike = AreaNode;

/**
 * Residents are personal data: 保険者職員 and 第1層 SC see the whole town, a 第2層 SC only the
 * people in her areas. Anyone else is refused, whatever the URL.
 */
export const residentsPolicy = {
  /** The areas whose residents the actor may see and change; throws for roles without access. */
  scope(ctx: TenantContext, all: readonly AreaLike[]): 'all' | Set<string> {
    assertTenantMember(ctx, '住民');
    const scope = personalDataScope(ctx, all);
    if (!scope) throw forbidden(NO_ACCESS);
    return scope;
  },

  /** One resident: outside the scope is "not found" for reads, so that names are not probed. */
  see(scope: 'all' | Set<string>, areaId: string | null): void {
    if (scope === 'all') return;
    if (!areaId || !scope.has(areaId)) throw notFound('住民');
  },

  /** Placing a resident in an area (new, or moved). */
  place(scope: 'all' | Set<string>, areaId: string | null): void {
    if (scope === 'all') return;
    if (!areaId || !scope.has(areaId)) throw forbidden(OUTSIDE);
  },
};
