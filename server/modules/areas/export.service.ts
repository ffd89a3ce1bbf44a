import { and, asc, eq } from 'drizzle-orm';
import type { FileResponse } from '../../../contracts/http';
import { LAYER_SHORT, type Layer } from '../../../domain/areas';
import { type CsvCell, toExcelCsv } from '../../../domain/csv-write';
import { ODS_POPULATION_HEADER, STANDARD_BANDS } from '../../../domain/population-table';
import { recordAudit } from '../../core/audit';
import type { TenantContext } from '../../core/context';
import { fieldError } from '../../core/errors';
import { tenants } from '../../core/tenancy.tables';
import { areasPolicy } from './areas.policy';
import { loadTenantAreas } from './areas.service';
import { areaStatistics } from './areas.tables';

type Format = 'csv' | 'json' | 'geojson';

const CSV = 'text/csv; charset=utf-8';

/** Areas as CSV (for Excel), JSON, or GeoJSON (areas that have a boundary). */
export async function exportAreas(ctx: TenantContext, format: Format): Promise<FileResponse> {
  areasPolicy.read(ctx);
  const all = await loadTenantAreas(ctx);
  const byId = new Map(all.map((a) => [a.id, a]));
  const stamp = ctx.now().toISOString().slice(0, 10);
  await recordAudit(ctx, { entity: 'area', action: 'export', detail: { format, count: all.length } });
  if (format === 'json') {
    const body = JSON.stringify(
      all.map(({ tenantId, boundary, createdAt, updatedAt, ...a }) => ({
        ...a,
        hasBoundary: boundary != null,
      })),
      null,
      2,
    );
    return {
      fileName: `areas-${ctx.tenantId}-${stamp}.json`,
      contentType: 'application/json; charset=utf-8',
      body,
    };
  }
  if (format === 'geojson') {
    const features = all
      .filter((a) => a.boundary != null)
      .map((a) => ({
        type: 'Feature',
        id: a.id,
        properties: { name: a.name, kana: a.kana, layer: a.layer, kind: a.kind, parentId: a.parentId },
        geometry: a.boundary,
      }));
    return {
      fileName: `areas-${ctx.tenantId}-${stamp}.geojson`,
      contentType: 'application/geo+json; charset=utf-8',
      body: JSON.stringify({ type: 'FeatureCollection', features }),
    };
  }
  const rows: CsvCell[][] = [
    [
      'ID',
      '層',
      '名称',
      'よみがな',
      '種別',
      '上位の地域ID',
      '上位の地域',
      '使い始める年度',
      '使い終える年度',
      '町丁',
    ],
    ...all.map((a) => [
      a.id,
      LAYER_SHORT[a.layer as Layer],
      a.name,
      a.kana,
      a.kind,
      a.parentId,
      a.parentId ? (byId.get(a.parentId)?.name ?? '') : '',
      a.validFromFy,
      a.validToFy,
      a.townNames.join('、'),
    ]),
  ];
  return { fileName: `areas-${ctx.tenantId}-${stamp}.csv`, contentType: CSV, body: toExcelCsv(rows) };
}

/**
 * The stored statistics in the shape of 推奨データセット「地域・年齢別人口」, one row per area and
 * date, so that what was imported can be exported and imported again elsewhere.
 */
export async function exportPopulation(ctx: TenantContext, format: Format): Promise<FileResponse> {
  areasPolicy.read(ctx);
  if (format !== 'csv') throw fieldError('format', '形式：人口統計は CSV で書き出します。');
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.code, ctx.tenantId));
  const all = await loadTenantAreas(ctx);
  const byId = new Map(all.map((a) => [a.id, a]));
  const stats = await ctx.db
    .select()
    .from(areaStatistics)
    .where(and(eq(areaStatistics.tenantId, ctx.tenantId)))
    .orderBy(asc(areaStatistics.asOf));
  const rows: CsvCell[][] = [[...ODS_POPULATION_HEADER]];
  for (const s of stats) {
    const area = byId.get(s.areaId);
    if (!area) continue;
    const bands = s.bands as
      | { band: { from: number; to: number | null }; male: number | null; female: number | null }[]
      | null;
    const standard =
      bands &&
      bands.length === STANDARD_BANDS.length &&
      bands.every((b, i) => b.band.from === STANDARD_BANDS[i]!.from)
        ? bands.flatMap((b) => [b.male, b.female])
        : STANDARD_BANDS.flatMap(() => [null, null]);
    rows.push([
      ctx.tenantId,
      area.id,
      tenant?.prefecture ?? '',
      tenant?.name ?? '',
      s.asOf,
      // The 第1層 row carries the municipality's own name, which importers read as the total row.
      area.layer === 1
        ? (tenant?.name ?? area.name)
        : area.townNames.length === 1
          ? area.townNames[0]
          : area.name,
      s.total,
      s.male,
      s.female,
      ...standard,
      s.households,
      s.source,
    ]);
  }
  await recordAudit(ctx, { entity: 'area_statistics', action: 'export', detail: { rows: stats.length } });
  const stamp = ctx.now().toISOString().slice(0, 10);
  return { fileName: `population-${ctx.tenantId}-${stamp}.csv`, contentType: CSV, body: toExcelCsv(rows) };
}
