import { assertTenantMember, canManageMembers, isSuper } from '../../core/access';
import type { BaseContext, TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';

/** Who may do what with tenants. Called on the first line of every tenants service function. */
export const tenantsPolicy = {
  /** Registering a municipality is a system administrator's job. */
  create(ctx: BaseContext): void {
    if (!isSuper(ctx.actor)) throw forbidden('団体の登録はシステム管理者だけが行えます。');
  },
  /** The demo town is made by the seeder only: its name is typed in, not looked up. */
  createFictional(ctx: BaseContext): void {
    if (ctx.actor.kind !== 'system') throw forbidden();
  },
  read(ctx: TenantContext): void {
    assertTenantMember(ctx, '団体');
  },
  /** Settings and the audit log: 保険者職員 (and system). */
  administer(ctx: TenantContext): void {
    assertTenantMember(ctx, '団体');
    if (!canManageMembers(ctx)) throw forbidden('団体の設定と操作記録は保険者職員だけが扱えます。');
  },
};
