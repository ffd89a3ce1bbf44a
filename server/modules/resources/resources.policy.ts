import { type AreaNode, subtreeIds } from '../../../domain/areas';
import { assertTenantMember, writableAreaRoots } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';

const READ_ONLY = 'この役割では地域資源を変更できません。';
const OUTSIDE =
  '担当の地域の外にある資源は変更できません。場所か対象の地域を担当の地域にするか、第1層コーディネーターに依頼してください。';

/**
 * 地域資源: every member reads them; 保険者職員 and 第1層 SC change all; a 第2層 SC changes those
 * whose place (or, without a place, every area they serve) lies in her areas. A town-wide
 * resource belongs to the 第1層 and so to the tenant-wide roles.
 */
export const resourcesPolicy = {
  read(ctx: TenantContext): void {
    assertTenantMember(ctx, '地域資源');
  },

  /** `areas`: the resource's own areas (its place's area, or the areas it serves). */
  canWrite(ctx: TenantContext, areas: readonly string[], all: readonly AreaNode[]): boolean {
    const roots = writableAreaRoots(ctx);
    if (roots === 'all') return true;
    if (roots.length === 0 || areas.length === 0) return false;
    const mine = subtreeIds(all, roots);
    return areas.every((a) => mine.has(a));
  },

  write(ctx: TenantContext, areas: readonly string[], all: readonly AreaNode[]): void {
    assertTenantMember(ctx, '地域資源');
    const roots = writableAreaRoots(ctx);
    if (roots !== 'all' && roots.length === 0) throw forbidden(READ_ONLY);
    if (!resourcesPolicy.canWrite(ctx, areas, all)) throw forbidden(OUTSIDE);
  },

  /** Imports, the taxonomy and organizations are tenant-wide. */
  writeTenantWide(ctx: TenantContext, what: string): void {
    assertTenantMember(ctx, '地域資源');
    if (writableAreaRoots(ctx) !== 'all')
      throw forbidden(`${what}は、保険者職員と第1層コーディネーターが行えます。`);
  },
};
