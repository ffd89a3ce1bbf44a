import { assertTenantMember, canManageMembers, isSuper, roleIn } from '../../core/access';
import type { BaseContext, TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';

/**
 * Members and invitations. Staff see who works in the tenant; 協議体委員 and 閲覧者 (people outside
 * the office) do not see the staff list; only 保険者職員 invite and change roles.
 */
export const accountsPolicy = {
  readMembers(ctx: TenantContext): void {
    assertTenantMember(ctx);
    if (isSuper(ctx.actor)) return;
    const role = roleIn(ctx);
    if (role === 'council_member' || role === 'reader')
      throw forbidden('利用者の一覧は職員だけが見られます。');
  },
  manageMembers(ctx: TenantContext): void {
    assertTenantMember(ctx);
    if (!canManageMembers(ctx)) throw forbidden('利用者の招待と役割の変更は、保険者職員が行えます。');
  },
  /** Creating accounts directly (no invitation) is for the command line and the seeder. */
  provision(ctx: BaseContext): void {
    if (ctx.actor.kind !== 'system') throw forbidden();
  },
};
