import { assertTenantMember, isSuper, roleIn } from '../../core/access';
import type { TenantContext } from '../../core/context';
import { forbidden } from '../../core/errors';

/*
 * The network shows whom the SC met and with whom (her activity log's ties): a working view for
 * SCs, 保険者職員 and 閲覧者 (advisers). 協議体委員 see their councils' members on the council pages.
 */
export const networkPolicy = {
  read(ctx: TenantContext): void {
    assertTenantMember(ctx, 'つながり');
    if (isSuper(ctx.actor)) return;
    if (roleIn(ctx) === 'council_member')
      throw forbidden(
        'つながりの図は生活支援コーディネーターと保険者職員のためのものです。委員の顔ぶれは協議体の画面でご覧いただけます。',
      );
  },
};
