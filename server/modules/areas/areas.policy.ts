import { type AreaNode, subtreeIds } from '../../../domain/areas';
import { assertTenantMember, assertWriteTenant, isSuper, writableAreaRoots } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';

const OUTSIDE =
  '担当の地域の外にある情報は変更できません。変更が必要なときは第1層コーディネーターか市町村の担当者に依頼してください。';
const READ_ONLY = 'この役割では地域の情報を変更できません。';

/**
 * Areas: every member of the tenant reads them; 保険者職員 and 第1層 SC change all of them; a
 * 第2層 SC changes only her assigned areas and what lies below them.
 */
export const areasPolicy = {
  read(ctx: TenantContext): void {
    assertTenantMember(ctx, '地域');
  },

  canEdit(ctx: TenantContext, areaId: string, all: readonly AreaNode[]): boolean {
    return areasPolicy.editable(ctx, all)(areaId);
  },

  /** A test for many areas at once (the subtree is computed once, not per area). */
  editable(ctx: TenantContext, all: readonly AreaNode[]): (areaId: string) => boolean {
    const roots = writableAreaRoots(ctx);
    if (roots === 'all') return () => true;
    if (roots.length === 0) return () => false;
    const mine = subtreeIds(all, roots);
    return (areaId) => mine.has(areaId);
  },

  /** Changing an area or what belongs to it (statistics, boundary). */
  write(ctx: TenantContext, areaId: string, all: readonly AreaNode[]): void {
    assertTenantMember(ctx, '地域');
    const roots = writableAreaRoots(ctx);
    if (roots === 'all') return;
    if (roots.length === 0) throw forbidden(READ_ONLY);
    if (!subtreeIds(all, roots).has(areaId)) throw forbidden(OUTSIDE);
  },

  /** Adding an area under a parent. */
  create(ctx: TenantContext, parentId: string | null, all: readonly AreaNode[]): void {
    if (parentId === null) {
      assertWriteTenant(ctx, READ_ONLY);
      return;
    }
    areasPolicy.write(ctx, parentId, all);
  },

  /** The 第1層 area is made with the tenant, by whoever may create tenants. */
  createRoot(ctx: TenantContext): void {
    if (!isSuper(ctx.actor)) throw forbidden();
  },

  /** Population files cover the whole municipality. */
  importStatistics(ctx: TenantContext): void {
    assertWriteTenant(ctx, '人口統計の取り込みは、保険者職員と第1層コーディネーターが行えます。');
  },
};
