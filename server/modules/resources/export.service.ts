import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FileResponse } from '../../../contracts/http';
import type { ScheduleRule } from '../../../contracts/resources';
import { type CsvCell, toExcelCsv } from '../../../domain/csv-write';
import { ELIGIBILITY_KINDS, RESOURCE_KINDS, RESOURCE_STATUSES, SOGO_TYPES } from '../../../domain/resources';
import { describeSchedule } from '../../../domain/schedule';
import { recordAudit } from '../../core/audit';
import type { TenantContext } from '../../core/context';
import { allServicesJson } from './hsds.service';
import { resourcesPolicy } from './resources.policy';
import { servicesWithPlace } from './resources.service';
import { services } from './resources.tables';
import { loadTerms } from './taxonomy.service';

/*
 * Exports for staff (they may include internal notes: staff see them anyway). The column names
 * are the ones the importer recognises, so an export can be edited in Excel and imported again.
 */

const HEADERS = [
  'ID',
  '名称',
  'よみがな',
  '分類',
  '状態',
  '資源の種類',
  '総合事業の類型',
  '運営する主体',
  '場所の名前',
  '住所',
  '緯度',
  '経度',
  '電話番号',
  '日時',
  '料金',
  '利用できる人',
  '定員',
  '申込方法',
  '内容',
  'ホームページ',
  'メール',
  '最終確認日',
  '次に確認する日',
  '内部メモ',
];

async function rows(ctx: TenantContext) {
  return servicesWithPlace(ctx)
    .where(eq(services.tenantId, ctx.tenantId))
    .orderBy(asc(services.kana), asc(services.name));
}

async function table(ctx: TenantContext): Promise<CsvCell[][]> {
  const terms = await loadTerms(ctx);
  const out: CsvCell[][] = [HEADERS];
  for (const { s, loc, org } of await rows(ctx)) {
    const fees = s.fees as {
      free: boolean;
      description: string;
      options: { label: string; amount: number | null }[];
    };
    const elig = s.eligibility as { kinds: (keyof typeof ELIGIBILITY_KINDS)[]; description: string };
    out.push([
      s.sourceId ?? s.id,
      s.name,
      s.kana,
      s.categories.map((c) => terms.find((t) => t.code === c)?.name ?? c).join('、'),
      RESOURCE_STATUSES[s.status as keyof typeof RESOURCE_STATUSES] ?? s.status,
      RESOURCE_KINDS[s.kind as keyof typeof RESOURCE_KINDS]?.replace(/（.*$/, '') ?? s.kind,
      s.sogoType ? SOGO_TYPES[s.sogoType as keyof typeof SOGO_TYPES] : '',
      org?.name ?? '',
      loc?.name ?? '',
      loc?.address ?? '',
      loc?.latitude ?? null,
      loc?.longitude ?? null,
      (s.phones as { number: string }[]).map((p) => p.number).join('、'),
      (s.schedules as ScheduleRule[]).map((r) => describeSchedule(r as never)).join('／'),
      [
        fees.free ? '無料' : '',
        ...fees.options.map((o) => `${o.label}${o.amount === null ? '' : `${o.amount}円`}`),
        fees.description,
      ]
        .filter(Boolean)
        .join('、'),
      [elig.kinds.map((k) => ELIGIBILITY_KINDS[k]).join('・'), elig.description].filter(Boolean).join('／'),
      s.capacity,
      s.applicationProcess,
      s.description,
      s.url,
      s.email,
      s.lastVerifiedAt?.toISOString().slice(0, 10) ?? '',
      s.nextCheckDue ?? '',
      s.notes,
    ]);
  }
  return out;
}

export async function exportResources(
  ctx: TenantContext,
  format: 'csv' | 'xlsx' | 'geojson' | 'hsds',
): Promise<FileResponse> {
  resourcesPolicy.read(ctx);
  const stamp = ctx.now().toISOString().slice(0, 10);
  const base = `resources-${ctx.tenantId}-${stamp}`;
  await recordAudit(ctx, { entity: 'resource', action: 'export', detail: { format } });
  if (format === 'csv')
    return {
      fileName: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: toExcelCsv(await table(ctx)),
    };
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('地域資源');
    for (const r of await table(ctx)) sheet.addRow(r.map((c) => c ?? ''));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    const buf = await wb.xlsx.writeBuffer();
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: new Uint8Array(buf as ArrayBuffer),
    };
  }
  if (format === 'geojson') {
    const terms = await loadTerms(ctx);
    const features = (await rows(ctx))
      .filter((r) => r.loc?.latitude != null && r.loc.longitude != null)
      .map(({ s, loc, org }) => ({
        type: 'Feature',
        id: s.id,
        geometry: { type: 'Point', coordinates: [loc!.longitude, loc!.latitude] },
        properties: {
          id: s.sourceId ?? s.id,
          名称: s.name,
          分類: s.categories.map((c) => terms.find((t) => t.code === c)?.name ?? c).join('、'),
          住所: loc!.address,
          電話番号: (s.phones as { number: string; public: boolean }[])
            .filter((p) => p.public)
            .map((p) => p.number)
            .join('、'),
          日時: (s.schedules as ScheduleRule[]).map((r) => describeSchedule(r as never)).join('／'),
          運営する主体: org?.name ?? '',
          状態: RESOURCE_STATUSES[s.status as keyof typeof RESOURCE_STATUSES] ?? s.status,
        },
      }));
    return {
      fileName: `${base}.geojson`,
      contentType: 'application/geo+json; charset=utf-8',
      body: JSON.stringify({ type: 'FeatureCollection', features }),
    };
  }
  return {
    fileName: `${base}.hsds.json`,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(await allServicesJson(ctx), null, 1),
  };
}
