import { type AreaNode, subtreeIds } from '../../domain/areas';
import { ROLE_INFO, type Role } from '../../domain/roles';
import type { Actor, Membership, TenantContext } from './context';
import { forbidden, notFound } from './errors';

/*
 * Role checks shared by the module policies. A module's policy decides what its use-cases need;
 * these helpers only answer "who is this actor in this tenant".
 */

/** The system (CLI, seed) and system administrators act across tenants. */
export function isSuper(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.systemAdmin);
}

export function membershipIn(actor: Actor, tenantId: string): Membership | undefined {
  return actor.kind === 'user' ? actor.memberships.find((m) => m.tenantId === tenantId) : undefined;
}

export function roleIn(ctx: TenantContext): Role | undefined {
  return membershipIn(ctx.actor, ctx.tenantId)?.role;
}

/** Outsiders get 404: they must not learn that the tenant or the record exists. */
export function assertTenantMember(ctx: TenantContext, what?: string): void {
  if (isSuper(ctx.actor)) return;
  if (!membershipIn(ctx.actor, ctx.tenantId)) throw notFound(what);
}

/** May change anything in the tenant (保険者職員, 第1層 SC, system). */
export function canWriteTenant(ctx: TenantContext): boolean {
  if (isSuper(ctx.actor)) return true;
  const role = roleIn(ctx);
  return role ? ROLE_INFO[role].writeTenant : false;
}

export function assertWriteTenant(ctx: TenantContext, message?: string): void {
  assertTenantMember(ctx);
  if (!canWriteTenant(ctx)) throw forbidden(message);
}

/** May invite users and change roles (保険者職員, system). */
export function canManageMembers(ctx: TenantContext): boolean {
  if (isSuper(ctx.actor)) return true;
  const role = roleIn(ctx);
  return role ? ROLE_INFO[role].manageMembers : false;
}

/**
 * The roots of the area subtrees this actor may change: `all` for tenant-wide writers, the assigned
 * areas for a 第2層 SC, nothing for read-only roles.
 */
export function writableAreaRoots(ctx: TenantContext): 'all' | string[] {
  if (canWriteTenant(ctx)) return 'all';
  const m = membershipIn(ctx.actor, ctx.tenantId);
  if (m && ROLE_INFO[m.role].writeAssignedAreas) return m.areaIds;
  return [];
}

/**
 * Who may see personal data (住民, 困りごと) and where: 保険者職員 and 第1層 SC the whole town,
 * a 第2層 SC only her assigned areas and what lies below them, everyone else nothing.
 * `null` means no access at all; the caller turns it into its own message.
 */
export function personalDataScope(ctx: TenantContext, all: readonly AreaNode[]): 'all' | Set<string> | null {
  if (isSuper(ctx.actor)) return 'all';
  const m = membershipIn(ctx.actor, ctx.tenantId);
  if (!m) return null;
  if (m.role === 'insurer_staff' || m.role === 'sc1') return 'all';
  if (m.role === 'sc2') return subtreeIds(all, m.areaIds);
  return null;
}
