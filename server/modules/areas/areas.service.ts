import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Area, AreaInput, Boundary, Snapshot, StatisticsInput } from '../../../contracts/areas';
import {
  ancestorsOf,
  childrenIndex,
  isValidInFy,
  type Layer,
  placementProblem,
  subtreeIds,
} from '../../../domain/areas';
import { fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import { extractBoundary } from '../../../domain/geojson';
import { toLocalGovCode5 } from '../../../domain/local-gov-code';
import {
  agingRate,
  type Snapshot as DomainSnapshot,
  rate75,
  rollupStatistics,
} from '../../../domain/population';
import { type BandCount, bandsOf } from '../../../domain/population-bands';
import { writableAreaRoots } from '../../core/access';
import { recordAudit } from '../../core/audit';
import { TenantCache } from '../../core/cache';
import { inTransaction, type TenantContext } from '../../core/context';
import { isTransaction } from '../../core/db';
import { conflict, fieldError, notFound } from '../../core/errors';
import { areasPolicy } from './areas.policy';
import { areaStatistics, areas } from './areas.tables';

export type AreaRow = typeof areas.$inferSelect;
type ParsedAreaInput = z.output<typeof AreaInput>;

const cache = new TenantCache<AreaRow[]>(30_000);

/**
 * The tenant's areas for reading only (filters, names, policies on hot paths), cached; every write
 * to areas in this module drops the cache after it commits.
 */
export function tenantAreas(ctx: TenantContext): Promise<AreaRow[]> {
  return cache.get(ctx.tenantId, () => loadTenantAreas(ctx), !isTransaction(ctx.db));
}

/** Call after a transaction that changed areas has committed. */
export function areasChanged(tenantId: string): void {
  cache.invalidate(tenantId);
}

/** All areas of the tenant, in display order, read now (inside a transaction when given one). */
export async function loadTenantAreas(ctx: TenantContext): Promise<AreaRow[]> {
  return ctx.db
    .select()
    .from(areas)
    .where(eq(areas.tenantId, ctx.tenantId))
    .orderBy(asc(areas.layer), asc(areas.sortOrder), asc(areas.kana), asc(areas.name));
}

export function toArea(row: AreaRow, canEdit: boolean): Area {
  return {
    id: row.id,
    parentId: row.parentId,
    layer: row.layer as Layer,
    name: row.name,
    kana: row.kana,
    kind: row.kind,
    validFromFy: row.validFromFy,
    validToFy: row.validToFy,
    townNames: row.townNames,
    hasBoundary: row.boundary != null,
    sortOrder: row.sortOrder,
    strengths: row.strengths,
    concerns: row.concerns,
    version: row.version,
    canEdit,
  };
}

export function toSnapshot(s: DomainSnapshot): Snapshot {
  return {
    asOf: s.asOf,
    total: s.total,
    male: s.male,
    female: s.female,
    aged65: s.aged65,
    aged75: s.aged75,
    households: s.households,
    careCertified: s.careCertified,
    agingRate: agingRate(s),
    rate75: rate75(s),
    source: s.source,
    coveredChildren: s.coveredChildren,
    totalChildren: s.totalChildren,
  };
}

/** The figures of a statistics row (高齢化率 is derived from them, never stored). */
const statColumns = {
  asOf: areaStatistics.asOf,
  total: areaStatistics.total,
  male: areaStatistics.male,
  female: areaStatistics.female,
  aged65: areaStatistics.aged65,
  aged75: areaStatistics.aged75,
  households: areaStatistics.households,
  careCertified: areaStatistics.careCertified,
};

async function statRows(ctx: TenantContext, where: SQL | undefined) {
  return ctx.db
    .select({ bands: areaStatistics.bands, areaId: areaStatistics.areaId, ...statColumns })
    .from(areaStatistics)
    .where(where);
}

/**
 * Areas in use in a 年度 (default: this 年度) with their statistics at the tenant's latest date,
 * parents summed from their children where they have no figures of their own.
 */
export async function listAreas(ctx: TenantContext, q: { fy?: number; all?: 'true' | 'false' }) {
  areasPolicy.read(ctx);
  const fiscalYear = q.fy ?? fiscalYearOf(todayInTokyo(ctx.now()));
  // One round trip: every area with its row (if any) at the tenant's latest statistics date.
  const latestDate = sql`(select max(${areaStatistics.asOf}) from ${areaStatistics} where ${areaStatistics.tenantId} = ${ctx.tenantId})`;
  const joined = await ctx.db
    .select({
      area: areas,
      stat: statColumns,
    })
    .from(areas)
    .leftJoin(
      areaStatistics,
      and(
        eq(areaStatistics.tenantId, areas.tenantId),
        eq(areaStatistics.areaId, areas.id),
        sql`${areaStatistics.asOf} = ${latestDate}`,
      ),
    )
    .where(eq(areas.tenantId, ctx.tenantId))
    .orderBy(asc(areas.layer), asc(areas.sortOrder), asc(areas.kana), asc(areas.name));
  const all = joined.map((r) => r.area);
  const rows = joined.flatMap((r) =>
    r.stat?.asOf ? [{ ...r.stat, areaId: r.area.id, asOf: r.stat.asOf }] : [],
  );
  const latest = rows[0]?.asOf ?? null;
  const rolled = rollupStatistics(all, rows);
  const visible = q.all === 'true' ? all : all.filter((a) => isValidInFy(a, fiscalYear));
  const roots = writableAreaRoots(ctx);
  const editable = areasPolicy.editable(ctx, all);
  return {
    fiscalYear,
    asOf: latest,
    canCreate: roots === 'all' || roots.length > 0,
    areas: visible.map((a) => {
      const snap = latest ? rolled.get(a.id)?.find((s) => s.asOf === latest) : undefined;
      return { ...toArea(a, editable(a.id)), latest: snap ? toSnapshot(snap) : null };
    }),
  };
}

/**
 * The latest statistics of one area (its own figures, or its children's summed), for public pages
 * and printed matter. Population by area is published data, so this asks for no membership;
 * callers pass an area of the tenant in `ctx`.
 */
export async function latestAreaSnapshot(ctx: TenantContext, id: string): Promise<Snapshot | null> {
  const all = await tenantAreas(ctx);
  const subtree = [...subtreeIds(all, [id])];
  if (subtree.length === 0) return null;
  const rows = await statRows(
    ctx,
    and(eq(areaStatistics.tenantId, ctx.tenantId), inArray(areaStatistics.areaId, subtree)),
  );
  const last = rollupStatistics(
    all.filter((a) => subtree.includes(a.id)),
    rows,
  )
    .get(id)
    ?.at(-1);
  return last ? toSnapshot(last) : null;
}

function findArea(all: AreaRow[], id: string): AreaRow {
  const row = all.find((a) => a.id === id);
  if (!row) throw notFound('地域');
  return row;
}

/** One area with its path, children and every statistics snapshot (the trend). */
export async function getArea(ctx: TenantContext, id: string) {
  areasPolicy.read(ctx);
  const all = await loadTenantAreas(ctx);
  const area = findArea(all, id);
  const subtree = [...subtreeIds(all, [id])];
  const rows = await statRows(
    ctx,
    and(eq(areaStatistics.tenantId, ctx.tenantId), inArray(areaStatistics.areaId, subtree)),
  );
  const rolled = rollupStatistics(
    all.filter((a) => subtree.includes(a.id)),
    rows,
  );
  const snapshots = (rolled.get(id) ?? []).map(toSnapshot);
  const latest = snapshots.at(-1)?.asOf;
  const own = new Map<string, Map<string, BandCount[] | null>>();
  for (const r of rows) {
    const byDate = own.get(r.areaId) ?? new Map<string, BandCount[] | null>();
    byDate.set(r.asOf, (r.bands as BandCount[] | null) ?? null);
    own.set(r.areaId, byDate);
  }
  const latestBands = latest ? bandsOf(id, latest, childrenIndex(all), own) : null;
  const latestOf = (areaId: string) => {
    const list = rolled.get(areaId);
    const last = list?.at(-1);
    return last ? toSnapshot(last) : null;
  };
  return {
    area: toArea(area, areasPolicy.canEdit(ctx, id, all)),
    ancestors: ancestorsOf(all, id).map((a) => ({ id: a.id, name: a.name, layer: a.layer as Layer })),
    children: all
      .filter((a) => a.parentId === id)
      .map((a) => ({ ...toArea(a, areasPolicy.canEdit(ctx, a.id, all)), latest: latestOf(a.id) })),
    snapshots,
    ageBands:
      latest && latestBands
        ? {
            asOf: latest,
            bands: latestBands.map((b) => ({
              from: b.band.from,
              to: b.band.to,
              male: b.male,
              female: b.female,
              total: b.total,
            })),
          }
        : null,
    boundary: (area.boundary as z.infer<typeof Boundary> | null) ?? null,
  };
}

function checkPlacement(all: AreaRow[], input: ParsedAreaInput, selfId: string | null): void {
  const parent = input.parentId ? all.find((a) => a.id === input.parentId) : null;
  if (input.parentId && !parent) throw fieldError('parentId', '上位の地域：選んだ地域が見つかりません。');
  if (input.layer === 1 && all.some((a) => a.layer === 1 && a.id !== selfId)) {
    throw fieldError('layer', '層：第1層（市町村全域）はひとつだけです。');
  }
  const problem = placementProblem(input.layer, parent ?? null);
  if (problem) throw fieldError(input.layer === 1 ? 'layer' : 'parentId', `上位の地域：${problem}`);
  if (selfId && parent && subtreeIds(all, [selfId]).has(parent.id)) {
    throw fieldError('parentId', '上位の地域：自分自身やその下の地域を上位にはできません。');
  }
  if (selfId) {
    const tooHigh = all.find((a) => a.parentId === selfId && a.layer <= input.layer);
    if (tooHigh)
      throw fieldError(
        'layer',
        `層：下に「${tooHigh.name}」（第${tooHigh.layer}層）があるため、この層にはできません。`,
      );
  }
}

const editable = (input: ParsedAreaInput) => ({
  name: input.name,
  kana: input.kana,
  layer: input.layer,
  kind: input.kind,
  parentId: input.parentId,
  validFromFy: input.validFromFy,
  validToFy: input.validToFy,
  townNames: [...new Set(input.townNames)],
  sortOrder: input.sortOrder,
  ...(input.strengths === undefined ? {} : { strengths: input.strengths }),
  ...(input.concerns === undefined ? {} : { concerns: input.concerns }),
});

export async function createArea(ctx: TenantContext, input: ParsedAreaInput): Promise<Area> {
  areasPolicy.read(ctx);
  return afterCommit(ctx, async (tx) => {
    const all = await loadTenantAreas(tx);
    areasPolicy.create(tx, input.parentId, all);
    checkPlacement(all, input, null);
    const [row] = await tx.db
      .insert(areas)
      .values({
        tenantId: tx.tenantId,
        id: randomUUID(),
        ...editable(input),
        createdAt: tx.now(),
        updatedAt: tx.now(),
      })
      .returning();
    await recordAudit(tx, {
      entity: 'area',
      entityId: row!.id,
      action: 'create',
      detail: { name: row!.name },
    });
    return toArea(row!, true);
  });
}

/** A change to areas in a transaction, with the read cache dropped once it has committed. */
async function afterCommit<T>(ctx: TenantContext, fn: (tx: TenantContext) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(ctx, fn);
  } finally {
    areasChanged(ctx.tenantId);
  }
}

/** The 第1層 area, made together with its tenant. */
export async function createRootArea(
  ctx: TenantContext,
  input: { name: string; kana: string },
): Promise<AreaRow> {
  areasPolicy.createRoot(ctx);
  areasChanged(ctx.tenantId);
  const [row] = await ctx.db
    .insert(areas)
    .values({
      tenantId: ctx.tenantId,
      id: randomUUID(),
      parentId: null,
      layer: 1,
      name: input.name,
      kana: input.kana,
      kind: '市町村全域',
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  return row!;
}

/** Fields that differ, for the audit trail. */
function changedFields(before: AreaRow, after: Record<string, unknown>): Record<string, unknown> {
  const diff: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    const old = (before as Record<string, unknown>)[k];
    if (JSON.stringify(old) !== JSON.stringify(v)) diff[k] = { from: old, to: v };
  }
  return diff;
}

export async function updateArea(
  ctx: TenantContext,
  id: string,
  input: ParsedAreaInput & { version: number },
): Promise<Area> {
  areasPolicy.read(ctx);
  return afterCommit(ctx, async (tx) => {
    const all = await loadTenantAreas(tx);
    const before = findArea(all, id);
    areasPolicy.write(tx, id, all);
    if (input.parentId !== before.parentId) areasPolicy.create(tx, input.parentId, all);
    checkPlacement(all, input, id);
    const values = editable(input);
    const [row] = await tx.db
      .update(areas)
      .set({ ...values, version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(areas.tenantId, tx.tenantId), eq(areas.id, id), eq(areas.version, input.version)))
      .returning();
    if (!row) throw conflict(toArea(before, true));
    await recordAudit(tx, {
      entity: 'area',
      entityId: id,
      action: 'update',
      detail: changedFields(before, values),
    });
    return toArea(row, true);
  });
}

export async function setAreaBoundary(
  ctx: TenantContext,
  id: string,
  input: { geojson: unknown; version: number },
): Promise<Area> {
  areasPolicy.read(ctx);
  return afterCommit(ctx, async (tx) => {
    const all = await loadTenantAreas(tx);
    const before = findArea(all, id);
    areasPolicy.write(tx, id, all);
    let boundary: unknown = null;
    if (input.geojson !== null) {
      const result = extractBoundary(input.geojson, {
        names: [before.name],
        localGovCode5: before.layer === 1 ? toLocalGovCode5(tx.tenantId) : undefined,
      });
      if (!result.ok) throw fieldError('geojson', `境界：${result.message}`);
      boundary = result.boundary;
    }
    const [row] = await tx.db
      .update(areas)
      .set({ boundary, version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(areas.tenantId, tx.tenantId), eq(areas.id, id), eq(areas.version, input.version)))
      .returning();
    if (!row) throw conflict(toArea(before, true));
    await recordAudit(tx, {
      entity: 'area',
      entityId: id,
      action: boundary ? 'set_boundary' : 'clear_boundary',
    });
    return toArea(row, true);
  });
}

/** Figures typed in by hand for one area and date (e.g. 要介護認定者数 from the 保険者). */
export async function putAreaStatistics(
  ctx: TenantContext,
  id: string,
  asOf: string,
  input: z.output<typeof StatisticsInput>,
): Promise<Snapshot> {
  areasPolicy.read(ctx);
  return inTransaction(ctx, async (tx) => {
    const all = await loadTenantAreas(tx);
    findArea(all, id);
    areasPolicy.write(tx, id, all);
    const values = { ...input, source: '手入力', importId: null, bands: null, updatedAt: tx.now() };
    await tx.db
      .insert(areaStatistics)
      .values({ tenantId: tx.tenantId, areaId: id, asOf, ...values })
      .onConflictDoUpdate({
        target: [areaStatistics.tenantId, areaStatistics.areaId, areaStatistics.asOf],
        set: values,
      });
    await recordAudit(tx, {
      entity: 'area_statistics',
      entityId: `${id}/${asOf}`,
      action: 'put',
      detail: input,
    });
    return toSnapshot({ ...input, asOf, source: 'own', coveredChildren: 0, totalChildren: 0 });
  });
}

/** Layers of the tenant's areas among `ids` (accounts validates SC assignments with it). */
export async function areaLayers(ctx: TenantContext, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: areas.id, layer: areas.layer })
    .from(areas)
    .where(and(eq(areas.tenantId, ctx.tenantId), inArray(areas.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.layer]));
}

/** Boundaries of the areas in use, for maps (areas without one are left out). */
export async function areaBoundaries(ctx: TenantContext) {
  areasPolicy.read(ctx);
  const all = await loadTenantAreas(ctx);
  const fy = fiscalYearOf(todayInTokyo(ctx.now()));
  return {
    type: 'FeatureCollection' as const,
    features: all
      .filter((a) => a.boundary != null && isValidInFy(a, fy))
      .map((a) => ({
        type: 'Feature' as const,
        id: a.id,
        properties: { name: a.name, layer: a.layer as Layer },
        geometry: a.boundary as z.infer<typeof Boundary>,
      })),
  };
}
