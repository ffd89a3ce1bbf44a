import type { AreaNode } from '../../../domain/areas';
import { canWriteTenant } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';
import { helpersPolicy } from './helpers.policy';

const OUTSIDE =
  '担当の地域の外の講座です。町全体の講座は、第1層コーディネーターか市町村の担当者が記録します。';

/**
 * 養成講座 name their participants, so the same people as for the 人材バンク see them (保険者職員
 * and SCs). A town-wide course belongs to 保険者職員 and 第1層 SC; a 第2層 SC runs the courses held
 * in her areas (the course's 開く地域).
 */
export const coursesPolicy = {
  read(ctx: TenantContext, all: readonly AreaNode[]): 'all' | Set<string> {
    return helpersPolicy.read(ctx, all);
  },

  mayChange(ctx: TenantContext, scope: 'all' | Set<string>, areaId: string | null): boolean {
    if (canWriteTenant(ctx)) return true;
    return areaId !== null && helpersPolicy.mayChange(scope, { homeAreaId: areaId, areaIds: [] });
  },

  change(ctx: TenantContext, scope: 'all' | Set<string>, areaId: string | null): void {
    if (!coursesPolicy.mayChange(ctx, scope, areaId)) throw forbidden(OUTSIDE);
  },
};
