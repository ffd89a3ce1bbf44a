import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OrganizationInput } from '../../../contracts/resources';
import { foldForSearch } from '../../../domain/search-text';
import { assertTenantMember, writableAreaRoots } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { inTransaction, type TenantContext } from '../../core/context';
import { conflict, forbidden, notFound } from '../../core/errors';
import { resourcesPolicy } from './resources.policy';
import { organizations, services } from './resources.tables';

type OrgRow = typeof organizations.$inferSelect;
type Input = z.output<typeof OrganizationInput>;

const toOrganization = (o: OrgRow, resourceCount: number) => ({
  id: o.id,
  name: o.name,
  kana: o.kana,
  kind: o.kind,
  description: o.description,
  website: o.website,
  email: o.email,
  phone: o.phone,
  resourceCount,
  version: o.version,
});

/** A new 主体 is not tied to an area: anyone who may change some resources may record one. */
function assertWriter(ctx: TenantContext): void {
  assertTenantMember(ctx, '主体');
  const roots = writableAreaRoots(ctx);
  if (roots !== 'all' && roots.length === 0) throw forbidden('この役割では主体を登録・変更できません。');
}

export async function listOrganizations(ctx: TenantContext, q: { q?: string }) {
  resourcesPolicy.read(ctx);
  const rows = await ctx.db
    .select({ o: organizations, n: sql<number>`count(${services.id})::int` })
    .from(organizations)
    .leftJoin(
      services,
      and(eq(services.tenantId, organizations.tenantId), eq(services.organizationId, organizations.id)),
    )
    .where(eq(organizations.tenantId, ctx.tenantId))
    .groupBy(organizations.tenantId, organizations.id)
    .orderBy(asc(organizations.kana), asc(organizations.name));
  const key = q.q ? foldForSearch(q.q) : '';
  return rows
    .filter((r) => !key || foldForSearch(`${r.o.name}${r.o.kana}`).includes(key))
    .map((r) => toOrganization(r.o, r.n));
}

export async function createOrganization(ctx: TenantContext, input: Input) {
  assertWriter(ctx);
  const [row] = await ctx.db
    .insert(organizations)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      ...input,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  await recordAudit(ctx, { entity: 'organization', entityId: row!.id, action: 'create' });
  return toOrganization(row!, 0);
}

/**
 * Name and kind of some 主体 of the tenant (for councils, activities and the network, which link
 * to them). Unknown ids are simply absent, so callers can tell a foreign id from a known one.
 */
export async function organizationsByIds(
  ctx: TenantContext,
  ids: readonly string[] | 'all',
): Promise<Map<string, { id: string; name: string; kind: string }>> {
  if (ids !== 'all' && ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
    .from(organizations)
    .where(
      and(
        eq(organizations.tenantId, ctx.tenantId),
        ids === 'all' ? undefined : inArray(organizations.id, [...new Set(ids)]),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Finds a 主体 by name for imports, creating it when new. */
export async function organizationByName(ctx: TenantContext, name: string, kind = 'その他'): Promise<string> {
  const [existing] = await ctx.db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.tenantId, ctx.tenantId), eq(organizations.name, name)));
  if (existing) return existing.id;
  const id = randomUUID();
  await ctx.db
    .insert(organizations)
    .values({ tenantId: ctx.tenantId, id, name, kind, createdAt: ctx.now(), updatedAt: ctx.now() });
  return id;
}

/** Renaming a 主体 changes resources all over the town: tenant-wide roles only. */
export async function updateOrganization(ctx: TenantContext, id: string, input: Input & { version: number }) {
  resourcesPolicy.writeTenantWide(ctx, '主体の変更');
  return inTransaction(ctx, async (tx) => {
    const { version, ...values } = input;
    const [row] = await tx.db
      .update(organizations)
      .set({ ...values, version: version + 1, updatedAt: tx.now() })
      .where(
        and(
          eq(organizations.tenantId, tx.tenantId),
          eq(organizations.id, id),
          eq(organizations.version, version),
        ),
      )
      .returning();
    if (!row) {
      const [current] = await tx.db
        .select()
        .from(organizations)
        .where(and(eq(organizations.tenantId, tx.tenantId), eq(organizations.id, id)));
      if (!current) throw notFound('主体');
      throw conflict(toOrganization(current, 0));
    }
    await recordAudit(tx, { entity: 'organization', entityId: id, action: 'update' });
    return toOrganization(row, 0);
  });
}
