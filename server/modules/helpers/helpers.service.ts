import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Helper, HelperInput, HelperSummary, TrainingInput } from '../../../contracts/helpers';
import { areaForAddress, subtreeIds } from '../../../domain/areas';
import { todayInTokyo } from '../../../domain/dates';
import {
  type HelperKind,
  type HelperStatus,
  type TrainingKind,
  trainingKindLabel,
  weekdayMask,
  weekdaysOfMask,
} from '../../../domain/helpers';
import { internArray } from '../../../domain/matching';
import { toHiragana } from '../../../domain/search-text';
import { recordAudit } from '../../core/audit';
import { MarkedTenantCache } from '../../core/cache';
import { changeMark } from '../../core/change-marks';
import { actorDisplayName, inTransaction, type TenantContext } from '../../core/context';
import { conflict, fieldError, notFound } from '../../core/errors';
import { type AreaRow, tenantAreas } from '../areas';
import { helpersPolicy } from './helpers.policy';
import { type HelperRow, type HelperTrainingRow, helpers, helperTrainings } from './helpers.tables';

type ParsedInput = z.output<typeof HelperInput>;
type Consent = { on: string; recordedBy: string; withdrawnOn: string | null };

/**
 * What other modules keep about a helper (referrals). They register here so that this module, which
 * they build on, can show their counts without importing them.
 */
export interface HelperLinks {
  /** Referrals not yet ended, per helper (of these ids, or of every helper of the town when null). */
  openCounts(ctx: TenantContext, ids: string[] | null): Promise<Map<string, number>>;
}
const links: HelperLinks[] = [];
export function registerHelperLinks(l: HelperLinks): void {
  links.push(l);
}

async function openCounts(ctx: TenantContext, ids: string[] | null): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ids?.length === 0) return out;
  for (const l of links)
    for (const [id, n] of await l.openCounts(ctx, ids)) out.set(id, (out.get(id) ?? 0) + n);
  return out;
}

const DETAIL_FIELDS = [
  'kind',
  'name',
  'kana',
  'phone',
  'email',
  'townName',
  'address',
  'homeAreaId',
  'areaIds',
  'skills',
  'weekdayMask',
  'timeNote',
  'rewardNote',
  'status',
  'consent',
  'note',
] as const;

/** Consent given and not withdrawn, and not 退会: the helper may be asked. */
export function helperAvailable(row: Pick<HelperRow, 'status' | 'consent'>): boolean {
  const c = row.consent as Consent | null;
  return row.status === 'active' && Boolean(c) && !c!.withdrawnOn;
}

const areaName = (all: readonly AreaRow[], id: string | null) =>
  id ? (all.find((a) => a.id === id)?.name ?? null) : null;

function summary(row: HelperRow, all: readonly AreaRow[], open: number): HelperSummary {
  return {
    id: row.id,
    kind: row.kind as HelperKind,
    name: row.name,
    kana: row.kana,
    homeAreaId: row.homeAreaId,
    homeAreaName: areaName(all, row.homeAreaId),
    skills: row.skills as HelperSummary['skills'],
    weekdays: weekdaysOfMask(row.weekdayMask),
    status: row.status as HelperStatus,
    available: helperAvailable(row),
    openReferrals: open,
  };
}

function toHelper(
  row: HelperRow,
  all: readonly AreaRow[],
  trainings: HelperTrainingRow[],
  open: number,
  canEdit: boolean,
): Helper {
  return {
    ...summary(row, all, open),
    phone: row.phone,
    email: row.email,
    townName: row.townName,
    address: row.address,
    areaIds: row.areaIds,
    areaNames: row.areaIds.map((id) => areaName(all, id) ?? ''),
    timeNote: row.timeNote,
    rewardNote: row.rewardNote,
    consent: (row.consent as Consent | null) ?? null,
    note: row.note,
    trainings: trainings
      .sort((a, b) => b.completedOn.localeCompare(a.completedOn) || a.id.localeCompare(b.id))
      .map((t) => ({
        id: t.id,
        kind: t.kind as TrainingKind,
        kindLabel: trainingKindLabel(t.kind),
        title: t.title,
        completedOn: t.completedOn,
      })),
    createdBy: row.createdBy,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    canEdit,
  };
}

/** Checks what the contract cannot (areas of this tenant, dates not in the future) and shapes the row. */
function values(ctx: TenantContext, input: ParsedInput, all: readonly AreaRow[], before: HelperRow | null) {
  const today = todayInTokyo(ctx.now());
  if (input.homeAreaId && !all.some((a) => a.id === input.homeAreaId))
    throw fieldError('homeAreaId', '住んでいる地域：見つかりません。');
  const known = new Set(all.map((a) => a.id));
  const missing = input.areaIds.findIndex((id) => !known.has(id));
  if (missing >= 0) throw fieldError(`areaIds.${missing}`, '活動できる地域：見つかりません。');
  let consent: Consent | null = null;
  if (input.consent) {
    if (input.consent.on > today)
      throw fieldError('consent.on', '同意を得た日：今日より後の日付は入力できません。');
    const w = input.consent.withdrawnOn;
    if (w && w > today)
      throw fieldError('consent.withdrawnOn', '同意を取り下げた日：今日より後の日付は入力できません。');
    if (w && w < input.consent.on)
      throw fieldError('consent.withdrawnOn', '同意を取り下げた日：同意を得た日より前にはできません。');
    const prev = before?.consent as Consent | null;
    // Unchanged consent keeps who took it; a new one is recorded by whoever saves it.
    consent =
      prev && prev.on === input.consent.on
        ? { ...prev, withdrawnOn: w }
        : { on: input.consent.on, recordedBy: actorDisplayName(ctx.actor), withdrawnOn: w };
  }
  return {
    kind: input.kind,
    name: input.name,
    kana: input.kana,
    phone: input.phone.normalize('NFKC'),
    email: input.email,
    townName: input.townName,
    address: input.address,
    homeAreaId: input.homeAreaId ?? areaForAddress(input.townName, all)?.id ?? null,
    areaIds: [...new Set(input.areaIds)],
    skills: [...new Set(input.skills)],
    weekdayMask: weekdayMask(input.weekdays),
    timeNote: input.timeNote,
    rewardNote: input.rewardNote,
    status: input.status,
    consent,
    note: input.note,
  };
}

function changedFieldNames(before: HelperRow, after: Record<string, unknown>): string[] {
  return DETAIL_FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export interface HelperQuery {
  q?: string;
  skill?: string;
  area?: string;
  weekday?: number;
  status?: HelperStatus;
  page: number;
  perPage: number;
}

export async function listHelpers(ctx: TenantContext, q: HelperQuery) {
  const all = await tenantAreas(ctx);
  helpersPolicy.read(ctx, all);
  const where: SQL[] = [eq(helpers.tenantId, ctx.tenantId)];
  if (q.q) {
    const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
    const like = `%${esc(q.q)}%`;
    const folded = `%${esc(toHiragana(q.q.normalize('NFKC')))}%`;
    where.push(or(ilike(helpers.name, like), ilike(helpers.kana, folded))!);
  }
  if (q.skill) where.push(sql`${helpers.skills} @> array[${q.skill}]::text[]`);
  if (q.area) {
    if (!all.some((a) => a.id === q.area)) throw fieldError('area', '地域：見つかりません。');
    // Lives or helps in the area, below it, or in an area above it that covers it.
    const near = [...subtreeIds(all, [q.area])];
    where.push(or(inArray(helpers.homeAreaId, near), sql`${helpers.areaIds} && ${sql.param(near)}::uuid[]`)!);
  }
  if (q.weekday !== undefined) where.push(sql`(${helpers.weekdayMask} & ${1 << q.weekday}) <> 0`);
  if (q.status) where.push(eq(helpers.status, q.status));
  const cond = and(...where);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(helpers)
      .where(cond)
      .orderBy(asc(helpers.kana), asc(helpers.name), asc(helpers.id))
      .limit(q.perPage)
      .offset((q.page - 1) * q.perPage),
    ctx.db.select({ n: count() }).from(helpers).where(cond),
  ]);
  const open = await openCounts(
    ctx,
    rows.map((r) => r.id),
  );
  await recordAudit(ctx, {
    entity: 'helper',
    action: 'list',
    detail: {
      shown: rows.length,
      filters: { skill: q.skill ?? null, area: q.area ?? null, searched: Boolean(q.q) },
    },
  });
  return {
    total: total?.n ?? 0,
    page: q.page,
    perPage: q.perPage,
    items: rows.map((r) => summary(r, all, open.get(r.id) ?? 0)),
  };
}

async function findRow(ctx: TenantContext, id: string): Promise<HelperRow> {
  const [row] = await ctx.db
    .select()
    .from(helpers)
    .where(and(eq(helpers.tenantId, ctx.tenantId), eq(helpers.id, id)));
  if (!row) throw notFound('担い手');
  return row;
}

async function present(
  ctx: TenantContext,
  row: HelperRow,
  all: readonly AreaRow[],
  scope: 'all' | Set<string>,
) {
  const [trainings, open] = await Promise.all([
    ctx.db
      .select()
      .from(helperTrainings)
      .where(and(eq(helperTrainings.tenantId, ctx.tenantId), eq(helperTrainings.helperId, row.id))),
    openCounts(ctx, [row.id]),
  ]);
  return toHelper(row, all, trainings, open.get(row.id) ?? 0, helpersPolicy.mayChange(scope, row));
}

export async function getHelper(ctx: TenantContext, id: string): Promise<{ helper: Helper }> {
  const all = await tenantAreas(ctx);
  const scope = helpersPolicy.read(ctx, all);
  const row = await findRow(ctx, id);
  await recordAudit(ctx, { entity: 'helper', entityId: id, action: 'read' });
  return { helper: await present(ctx, row, all, scope) };
}

export async function createHelper(ctx: TenantContext, input: ParsedInput): Promise<Helper> {
  const all = await tenantAreas(ctx);
  const scope = helpersPolicy.read(ctx, all);
  const v = values(ctx, input, all, null);
  helpersPolicy.change(scope, v);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(helpers)
      .values({
        tenantId: tx.tenantId,
        id: crypto.randomUUID(),
        ...v,
        createdBy: actorDisplayName(tx.actor),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'helper',
      entityId: row!.id,
      action: 'create',
      detail: { fields: DETAIL_FIELDS.filter((k) => v[k] !== '' && v[k] !== null) },
    });
    return present(tx, row!, all, scope);
  });
}

export async function updateHelper(
  ctx: TenantContext,
  id: string,
  input: ParsedInput & { version: number },
): Promise<Helper> {
  const all = await tenantAreas(ctx);
  const scope = helpersPolicy.read(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const before = await findRow(tx, id);
    helpersPolicy.change(scope, before);
    const v = values(tx, input, all, before);
    helpersPolicy.change(scope, v);
    const [row] = await tx.db
      .update(helpers)
      .set({ ...v, version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(helpers.tenantId, tx.tenantId), eq(helpers.id, id), eq(helpers.version, input.version)))
      .returning();
    if (!row) throw conflict(await present(tx, before, all, scope));
    await recordAudit(tx, {
      entity: 'helper',
      entityId: id,
      action: 'update',
      detail: { fields: changedFieldNames(before, v) },
    });
    return present(tx, row, all, scope);
  });
}

export async function addHelperTraining(
  ctx: TenantContext,
  id: string,
  input: z.output<typeof TrainingInput>,
): Promise<Helper> {
  const all = await tenantAreas(ctx);
  const scope = helpersPolicy.read(ctx, all);
  if (input.completedOn > todayInTokyo(ctx.now()))
    throw fieldError('completedOn', '受講した日：今日より後の日付は入力できません。');
  return inTransaction(ctx, async (tx) => {
    const row = await findRow(tx, id);
    helpersPolicy.change(scope, row);
    await tx.db.insert(helperTrainings).values({
      tenantId: tx.tenantId,
      id: crypto.randomUUID(),
      helperId: id,
      kind: input.kind,
      title: input.title,
      completedOn: input.completedOn,
      createdAt: tx.now(),
    });
    await recordAudit(tx, {
      entity: 'helper',
      entityId: id,
      action: 'training',
      detail: { kind: input.kind, completedOn: input.completedOn },
    });
    return present(tx, row, all, scope);
  });
}

export async function removeHelperTraining(
  ctx: TenantContext,
  id: string,
  trainingId: string,
): Promise<Helper> {
  const all = await tenantAreas(ctx);
  const scope = helpersPolicy.read(ctx, all);
  return inTransaction(ctx, async (tx) => {
    const row = await findRow(tx, id);
    helpersPolicy.change(scope, row);
    const gone = await tx.db
      .delete(helperTrainings)
      .where(
        and(
          eq(helperTrainings.tenantId, tx.tenantId),
          eq(helperTrainings.helperId, id),
          eq(helperTrainings.id, trainingId),
        ),
      )
      .returning();
    if (gone.length === 0) throw notFound('講座の記録');
    await recordAudit(tx, {
      entity: 'helper',
      entityId: id,
      action: 'training-removed',
      detail: { kind: gone[0]!.kind, completedOn: gone[0]!.completedOn },
    });
    return present(tx, row, all, scope);
  });
}

// The helpers who may be asked, kept between suggestions and reloaded when any helper changes
// (decision 0012, as for 地域資源).
const askable = new MarkedTenantCache<HelperRow[]>(10 * 60_000, 32);

/** Helpers who may be asked (active, consent not withdrawn), straight from the database. */
export async function readAskableHelpers(ctx: TenantContext): Promise<HelperRow[]> {
  return ctx.db
    .select()
    .from(helpers)
    .where(
      and(
        eq(helpers.tenantId, ctx.tenantId),
        eq(helpers.status, 'active'),
        sql`${helpers.consent} is not null and (${helpers.consent}->>'withdrawnOn') is null`,
      ),
    );
}

/**
 * Helpers as the matching module reads them: those who may be asked and can do one of `skills`,
 * with the referrals each is handling now.
 */
export async function helperCandidates(ctx: TenantContext, skills: readonly string[]) {
  if (skills.length === 0) return [];
  const rows = await askable.get(
    ctx.tenantId,
    () => changeMark(ctx, 'helpers'),
    async () => {
      // Equal area lists become one array: the judge remembers its work per list (internArray).
      const lists = new Map<string, string[]>();
      return (await readAskableHelpers(ctx)).map((r) => ({ ...r, areaIds: internArray(lists, r.areaIds) }));
    },
  );
  const wanted = new Set(skills);
  const fitting = rows.filter((r) => r.skills.some((s) => wanted.has(s)));
  const open = await openCounts(ctx, null);
  return fitting.map((r) => ({ row: r, openReferrals: open.get(r.id) ?? 0 }));
}

/** One helper for a referral: exists in this tenant and may be asked now, or a Japanese refusal. */
export async function assertHelperReferable(
  ctx: TenantContext,
  id: string,
  field: string,
): Promise<HelperRow> {
  const [row] = await ctx.db
    .select()
    .from(helpers)
    .where(and(eq(helpers.tenantId, ctx.tenantId), eq(helpers.id, id)));
  if (!row) throw fieldError(field, 'つなぎ先の担い手：見つかりません。');
  const c = row.consent as Consent | null;
  if (c?.withdrawnOn)
    throw fieldError(
      field,
      `${row.name}さんは登録への同意を取り下げています（${c.withdrawnOn}）。この方にはつなげません。`,
    );
  if (!c)
    throw fieldError(
      field,
      `${row.name}さんの登録への同意が記録されていません。同意を得てからつないでください。`,
    );
  if (row.status !== 'active')
    throw fieldError(field, `${row.name}さんは今「${row.status === 'resting' ? '休止中' : '退会'}」です。`);
  return row;
}

/** Names of helpers, for other modules' lists. */
export async function helperNames(ctx: TenantContext, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: helpers.id, name: helpers.name })
    .from(helpers)
    .where(and(eq(helpers.tenantId, ctx.tenantId), inArray(helpers.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
