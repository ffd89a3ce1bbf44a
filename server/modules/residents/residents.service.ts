import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Consent, Resident, ResidentInput, ResidentSummary } from '../../../contracts/residents';
import { areaForAddress, subtreeIds } from '../../../domain/areas';
import { ageOn, todayInTokyo } from '../../../domain/dates';
import type { Household } from '../../../domain/needs';
import { toHiragana } from '../../../domain/search-text';
import { recordAudit } from '../../core/audit';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { residentsPolicy } from './residents.policy';
import { type ResidentRow, residents } from './residents.tables';

type ParsedInput = z.output<typeof ResidentInput>;

/**
 * What other modules keep about a resident (needs, later survey answers and referrals). They
 * register here so that this module, which they build on, can count and erase without importing them.
 */
export interface ResidentLinks {
  /** Open items per resident, for the list. */
  openCounts(ctx: TenantContext, ids: string[]): Promise<Map<string, number>>;
  /** Called in the erasing transaction before the row goes: returns how many records stay, anonymous. */
  beforeErase(ctx: TenantContext, id: string): Promise<number>;
  /** What the module keeps about the person, for the 本人開示 export. */
  exportOf(ctx: TenantContext, id: string): Promise<Record<string, unknown>>;
}
const links: ResidentLinks[] = [];
export function registerResidentLinks(l: ResidentLinks): void {
  links.push(l);
}

const DETAIL_FIELDS = [
  'name',
  'kana',
  'birthDate',
  'townName',
  'areaId',
  'address',
  'household',
  'phone',
  'note',
  'consent',
] as const;

function areaName(all: readonly AreaRow[], id: string | null) {
  return id ? (all.find((a) => a.id === id)?.name ?? null) : null;
}

function summary(row: ResidentRow, all: readonly AreaRow[], today: string, open = 0): ResidentSummary {
  return {
    id: row.id,
    name: row.name,
    kana: row.kana,
    age: row.birthDate && row.birthDate <= today ? ageOn(row.birthDate, today) : null,
    areaId: row.areaId,
    areaName: areaName(all, row.areaId),
    townName: row.townName,
    household: row.household as Household,
    openNeeds: open,
  };
}

function toResident(row: ResidentRow, all: readonly AreaRow[], today: string): Resident {
  return {
    ...summary(row, all, today),
    birthDate: row.birthDate,
    address: row.address,
    phone: row.phone,
    note: row.note,
    consent: (row.consent as z.infer<typeof Consent> | null) ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    canEdit: true,
  };
}

/** Validates what cannot be said in the contract (area of this tenant, birth date not in the future). */
function values(ctx: TenantContext, input: ParsedInput, all: readonly AreaRow[]) {
  const today = todayInTokyo(ctx.now());
  if (input.areaId && !all.some((a) => a.id === input.areaId))
    throw fieldError('areaId', '地域：見つかりません。');
  if (input.birthDate && input.birthDate > today)
    throw fieldError('birthDate', '生年月日：今日より後の日付は入力できません。');
  if (input.birthDate && input.birthDate < '1900-01-01')
    throw fieldError('birthDate', '生年月日：1900年以降の日付を入力してください。');
  // The same 町丁 matching as resource addresses (full-width digits, 一丁目 = 1丁目, deepest area).
  const areaId = input.areaId ?? areaForAddress(input.townName, all)?.id ?? null;
  return {
    name: input.name,
    kana: input.kana,
    birthDate: input.birthDate,
    townName: input.townName,
    areaId,
    address: input.address,
    household: input.household,
    phone: input.phone.normalize('NFKC'),
    note: input.note,
    consent: input.consent
      ? {
          scopes: [...new Set(input.consent.scopes)],
          on: input.consent.on,
          recordedBy: actorDisplayName(ctx.actor),
        }
      : null,
  };
}

/** Field names only: the audit log is append-only, so it must never hold what erasure has to remove. */
function changedFieldNames(before: ResidentRow, after: Record<string, unknown>): string[] {
  return DETAIL_FIELDS.filter((k) => {
    if (!(k in after)) return false;
    const a = after[k] as { recordedBy?: unknown } | null;
    const b = before[k] as { recordedBy?: unknown } | null;
    if (k === 'consent') {
      const strip = (c: typeof a) => (c ? { ...c, recordedBy: undefined } : null);
      return JSON.stringify(strip(b)) !== JSON.stringify(strip(a));
    }
    return JSON.stringify(b) !== JSON.stringify(a);
  });
}

export async function listResidents(
  ctx: TenantContext,
  q: { q?: string; area?: string; page: number; perPage: number },
) {
  const all = await tenantAreas(ctx);
  const scope = residentsPolicy.scope(ctx, all);
  const where: SQL[] = [eq(residents.tenantId, ctx.tenantId)];
  if (scope !== 'all') where.push(inArray(residents.areaId, [...scope]));
  if (q.area) {
    if (!all.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
    where.push(inArray(residents.areaId, [...subtreeIds(all, [q.area])]));
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const folded = `%${toHiragana(q.q.normalize('NFKC')).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(residents.name, like), ilike(residents.kana, folded), ilike(residents.kana, like))!);
  }
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(residents)
      .where(cond)
      .orderBy(asc(residents.kana), asc(residents.name), asc(residents.id))
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage),
    ctx.db.select({ n: count() }).from(residents).where(cond),
  ]);
  const ids = rows.map((r) => r.id);
  const open = new Map<string, number>();
  for (const l of links)
    for (const [id, n] of await l.openCounts(ctx, ids)) open.set(id, (open.get(id) ?? 0) + n);
  await recordAudit(ctx, {
    entity: 'resident',
    action: 'list',
    detail: { shown: ids.length, filters: { area: q.area ?? null, searched: Boolean(q.q) } },
  });
  const today = todayInTokyo(ctx.now());
  return {
    total: total?.n ?? 0,
    page: q.page,
    perPage: q.perPage,
    items: rows.map((r) => summary(r, all, today, open.get(r.id) ?? 0)),
  };
}

async function findRow(ctx: TenantContext, id: string): Promise<ResidentRow> {
  const [row] = await ctx.db
    .select()
    .from(residents)
    .where(and(eq(residents.tenantId, ctx.tenantId), eq(residents.id, id)));
  if (!row) throw notFound('住民');
  return row;
}

export async function getResident(ctx: TenantContext, id: string): Promise<{ resident: Resident }> {
  const all = await tenantAreas(ctx);
  const scope = residentsPolicy.scope(ctx, all);
  const row = await findRow(ctx, id);
  residentsPolicy.see(scope, row.areaId);
  await recordAudit(ctx, { entity: 'resident', entityId: id, action: 'read' });
  const resident = toResident(row, all, todayInTokyo(ctx.now()));
  for (const l of links) resident.openNeeds += (await l.openCounts(ctx, [id])).get(id) ?? 0;
  return { resident };
}

/** Names of residents the caller may see, for other modules' lists (a need's 「住民」 column). */
export async function residentNames(ctx: TenantContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: residents.id, name: residents.name })
    .from(residents)
    .where(and(eq(residents.tenantId, ctx.tenantId), inArray(residents.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Summaries (name, reading, age, area) of residents by id, for other modules' lists; the caller filters by scope. */
export async function residentSummaries(
  ctx: TenantContext,
  ids: string[],
): Promise<Map<string, ResidentSummary>> {
  if (ids.length === 0) return new Map();
  const [rows, all] = await Promise.all([
    ctx.db
      .select()
      .from(residents)
      .where(and(eq(residents.tenantId, ctx.tenantId), inArray(residents.id, [...new Set(ids)]))),
    tenantAreas(ctx),
  ]);
  const today = todayInTokyo(ctx.now());
  return new Map(rows.map((r) => [r.id, summary(r, all, today)]));
}

/** A resident id of this tenant that the caller may link to (a need's 住民). */
export async function assertResidentVisible(ctx: TenantContext, id: string): Promise<void> {
  const all = await tenantAreas(ctx);
  const scope = residentsPolicy.scope(ctx, all);
  const [row] = await ctx.db
    .select({ areaId: residents.areaId })
    .from(residents)
    .where(and(eq(residents.tenantId, ctx.tenantId), eq(residents.id, id)));
  if (!row) throw fieldError('residentId', '住民：見つかりません。');
  if (scope !== 'all' && (!row.areaId || !scope.has(row.areaId)))
    throw fieldError('residentId', '住民：見つかりません。');
}

export async function createResident(ctx: TenantContext, input: ParsedInput): Promise<Resident> {
  const all = await tenantAreas(ctx);
  const scope = residentsPolicy.scope(ctx, all);
  const v = values(ctx, input, all);
  residentsPolicy.place(scope, v.areaId);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(residents)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        ...v,
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'resident',
      entityId: row!.id,
      action: 'create',
      detail: { fields: DETAIL_FIELDS.filter((k) => v[k] !== '' && v[k] !== null) },
    });
    return toResident(row!, all, todayInTokyo(tx.now()));
  });
}

export async function updateResident(
  ctx: TenantContext,
  id: string,
  input: ParsedInput & { version: number },
): Promise<Resident> {
  const all = await tenantAreas(ctx);
  const scope = residentsPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    residentsPolicy.place(scope, before.areaId);
    const v = values(tx, input, all);
    residentsPolicy.place(scope, v.areaId);
    // Consent unchanged keeps who recorded it; a new consent is recorded by whoever saves it.
    const sameConsent =
      JSON.stringify((before.consent as { scopes?: unknown; on?: unknown } | null)?.scopes ?? null) ===
        JSON.stringify(v.consent?.scopes ?? null) &&
      (before.consent as { on?: unknown } | null)?.on === v.consent?.on;
    const consent = sameConsent ? before.consent : v.consent;
    const [row] = await tx.db
      .update(residents)
      .set({ ...v, consent, version: input.version + 1, updatedAt: tx.now() })
      .where(
        and(eq(residents.tenantId, tx.tenantId), eq(residents.id, id), eq(residents.version, input.version)),
      )
      .returning();
    if (!row) throw conflict(toResident(before, all, todayInTokyo(tx.now())));
    await recordAudit(tx, {
      entity: 'resident',
      entityId: id,
      action: 'update',
      detail: { fields: changedFieldNames(before, { ...v, consent }) },
    });
    return toResident(row, all, todayInTokyo(tx.now()));
  });
}

/** 本人開示: everything kept about the person, as JSON, and the export itself is audited. */
export async function exportResident(ctx: TenantContext, id: string) {
  const all = await tenantAreas(ctx);
  const scope = residentsPolicy.scope(ctx, all);
  const row = await findRow(ctx, id);
  residentsPolicy.see(scope, row.areaId);
  await recordAudit(ctx, { entity: 'resident', entityId: id, action: 'export' });
  const extra: Record<string, unknown> = {};
  for (const l of links) Object.assign(extra, await l.exportOf(ctx, id));
  const body = JSON.stringify(
    {
      exportedAt: ctx.now().toISOString(),
      tenant: ctx.tenantId,
      resident: toResident(row, all, todayInTokyo(ctx.now())),
      ...extra,
    },
    null,
    2,
  );
  return { fileName: `resident-${id}.json`, contentType: 'application/json; charset=utf-8', body };
}

/**
 * Erasure on request: the row goes, linked records stay without the link (counts by area and
 * category survive, the person does not). The audit line says that it happened and why, not who.
 */
export async function eraseResident(
  ctx: TenantContext,
  id: string,
  input: { version: number; reason: string },
) {
  const all = await tenantAreas(ctx);
  const scope = residentsPolicy.scope(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const row = await findRow(tx, id);
    residentsPolicy.place(scope, row.areaId);
    if (row.version !== input.version) throw conflict(toResident(row, all, todayInTokyo(tx.now())));
    let kept = 0;
    for (const l of links) kept += await l.beforeErase(tx, id);
    await tx.db.delete(residents).where(and(eq(residents.tenantId, tx.tenantId), eq(residents.id, id)));
    await recordAudit(tx, {
      entity: 'resident',
      entityId: id,
      action: 'erase',
      detail: { reason: input.reason, recordsKeptAnonymous: kept },
    });
    return { erased: true as const, needsKept: kept };
  });
}
