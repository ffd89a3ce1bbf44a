import { z } from 'zod';
import { AREA_KINDS } from '../domain/areas';
import { endpoint, FileResponse, IsoDateString, TenantParams, Uuid, Version } from './http';

const tag = 'areas';

export const LayerSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]).meta({ title: '層' });

const FiscalYear = z
  .number()
  .int()
  .min(1989)
  .max(2100)
  .meta({ title: '年度', description: '4月始まりの年（西暦）' });

export const Area = z
  .object({
    id: Uuid,
    parentId: Uuid.nullable(),
    layer: LayerSchema,
    name: z.string(),
    kana: z.string(),
    kind: z.string(),
    validFromFy: z.number().int().nullable(),
    validToFy: z.number().int().nullable(),
    townNames: z.array(z.string()).meta({ description: 'この地域に含まれる町丁の名前' }),
    hasBoundary: z.boolean(),
    sortOrder: z.number().int(),
    /** わがまちこんなとこシート: the area's strengths (お宝) and what is worrying, in the SC's words. */
    strengths: z.string().default(''),
    concerns: z.string().default(''),
    version: z.number().int(),
    /** Whether the signed-in user may change this area (第2層 SC: only her own areas). */
    canEdit: z.boolean(),
  })
  .meta({ id: 'Area' });
export type Area = z.infer<typeof Area>;

export const Snapshot = z
  .object({
    asOf: IsoDateString,
    total: z.number().int(),
    male: z.number().int().nullable(),
    female: z.number().int().nullable(),
    aged65: z.number().int().nullable(),
    aged75: z.number().int().nullable(),
    households: z.number().int().nullable(),
    careCertified: z.number().int().nullable().meta({ description: '要介護認定者数' }),
    agingRate: z
      .number()
      .nullable()
      .meta({ description: '高齢化率（%）。65歳以上 ÷ 総人口。保存せず、その都度計算' }),
    rate75: z.number().nullable().meta({ description: '75歳以上の割合（%）' }),
    source: z
      .enum(['own', 'children'])
      .meta({ description: 'own: この地域の値 / children: 下位の地域の合計' }),
    coveredChildren: z.number().int(),
    totalChildren: z.number().int(),
  })
  .meta({ id: 'StatisticsSnapshot' });
export type Snapshot = z.infer<typeof Snapshot>;

const kana = z
  .string()
  .trim()
  .max(120)
  .regex(/^[\p{Script=Hiragana}ー・\s\d０-９]*$/u, 'ひらがなで入力してください')
  .meta({ title: 'よみがな' });

/** A4 1枚のシートに収まる長さ。 */
const sheetText = z.string().trim().max(400, '400文字以内で入力してください');

export const AreaInput = z
  .object({
    name: z.string().trim().min(1).max(80).meta({ title: '名称' }),
    kana: kana.default(''),
    layer: LayerSchema,
    kind: z
      .string()
      .trim()
      .min(1)
      .max(40)
      .meta({ title: '種別', examples: [...AREA_KINDS] }),
    parentId: Uuid.nullable().meta({ title: '上位の地域' }),
    validFromFy: FiscalYear.nullable().default(null).meta({ title: '使い始める年度' }),
    validToFy: FiscalYear.nullable().default(null).meta({ title: '使い終える年度' }),
    townNames: z
      .array(z.string().trim().min(1).max(60))
      .max(2000)
      .default([])
      .meta({ title: '含まれる町丁' }),
    sortOrder: z.number().int().min(0).max(100000).default(0).meta({ title: '並び順' }),
    // Left out = unchanged, so that a client that does not know these fields cannot erase them.
    strengths: sheetText.optional().meta({
      title: '地域のお宝（よいところ・強み）',
      description:
        'わがまちこんなとこシートに印刷し、公開します。地域について書き、個人が分かることは書きません。',
    }),
    concerns: sheetText.optional().meta({
      title: '気になること',
      description:
        'わがまちこんなとこシートに印刷し、公開します。地域について書き、個人が分かることは書きません。',
    }),
  })
  .refine((a) => a.validFromFy == null || a.validToFy == null || a.validToFy >= a.validFromFy, {
    path: ['validToFy'],
    message: '使い終える年度は、使い始める年度と同じか後にしてください',
  });
export type AreaInput = z.input<typeof AreaInput>;

export const AreaParams = TenantParams.extend({ id: Uuid });

export const AreaListItem = Area.extend({ latest: Snapshot.nullable() });

export const listAreas = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/areas',
  summary: '地域の一覧（層ごと、最新の人口統計つき）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    fy: z.coerce.number().int().min(1989).max(2100).optional().meta({ title: '年度' }),
    all: z.enum(['true', 'false']).optional().meta({ title: '廃止した地域も含める' }),
  }),
  response: z.object({
    fiscalYear: z.number().int(),
    /** The most recent statistics date in the tenant; every `latest` is as of this date. */
    asOf: IsoDateString.nullable(),
    /** Whether the signed-in user may add an area somewhere (a 第2層 SC: under her own areas). */
    canCreate: z.boolean(),
    areas: z.array(AreaListItem),
  }),
});

export const Boundary = z
  .object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) })
  .meta({ id: 'Boundary', description: 'GeoJSON ジオメトリ（WGS84）' });

export const AgeBands = z
  .object({
    asOf: IsoDateString,
    bands: z.array(
      z.object({
        from: z.number().int(),
        to: z.number().int().nullable().meta({ description: 'null は「以上」' }),
        male: z.number().int().nullable(),
        female: z.number().int().nullable(),
        total: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'AgeBands', description: '最新の基準日の5歳階級別人口（人口ピラミッド用）' });
export type AgeBands = z.infer<typeof AgeBands>;

export const getArea = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/areas/{id}',
  summary: '地域の詳細（人口統計の推移つき）',
  tag,
  access: 'tenant',
  params: AreaParams,
  response: z.object({
    area: Area,
    ancestors: z.array(Area.pick({ id: true, name: true, layer: true })),
    children: z.array(AreaListItem),
    snapshots: z.array(Snapshot),
    /** Bands of the latest snapshot, when every figure behind it came with bands. */
    ageBands: AgeBands.nullable(),
    boundary: Boundary.nullable(),
  }),
});

export const createArea = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/areas',
  summary: '地域を追加する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: AreaInput,
  status: 201,
  response: Area,
});

export const updateArea = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/areas/{id}',
  summary: '地域を変更する',
  description: '`version` が今の版と違うとき（ほかの人が先に保存したとき）は 409 を返し、何も変えません。',
  tag,
  access: 'tenant',
  params: AreaParams,
  body: z.intersection(AreaInput, z.object({ version: Version })),
  response: Area,
});

export const setAreaBoundary = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/areas/{id}/boundary',
  summary: '地域の境界（GeoJSON）を取り込む',
  description:
    'ジオメトリ、Feature、FeatureCollection のいずれか。FeatureCollection は地域名か団体コード（国土数値情報 N03_007）が合う地物を使います。null で境界を消します。',
  tag,
  access: 'tenant',
  params: AreaParams,
  body: z.object({ geojson: z.unknown().meta({ title: 'GeoJSON' }), version: Version }),
  response: Area,
});

const count = (title: string) => z.number().int().min(0).max(50_000_000).meta({ title });

export const StatisticsInput = z
  .object({
    total: count('総人口'),
    male: count('男性').nullable().default(null),
    female: count('女性').nullable().default(null),
    aged65: count('65歳以上').nullable().default(null),
    aged75: count('75歳以上').nullable().default(null),
    households: count('世帯数').nullable().default(null),
    careCertified: count('要介護認定者数').nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.aged65 != null && s.aged65 > s.total)
      ctx.addIssue({ code: 'custom', path: ['aged65'], message: '65歳以上の人数が総人口を超えています' });
    if (s.aged75 != null && s.aged65 != null && s.aged75 > s.aged65)
      ctx.addIssue({
        code: 'custom',
        path: ['aged75'],
        message: '75歳以上の人数が65歳以上の人数を超えています',
      });
    if (s.male != null && s.female != null && s.male + s.female !== s.total)
      ctx.addIssue({ code: 'custom', path: ['total'], message: '男性と女性の合計が総人口と合いません' });
  });

export const putAreaStatistics = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/areas/{id}/statistics/{asOf}',
  summary: '地域の人口統計を手入力する（要介護認定者数など）',
  tag,
  access: 'tenant',
  params: AreaParams.extend({ asOf: IsoDateString }),
  body: StatisticsInput,
  response: Snapshot,
});

// ---------------------------------------------------------------------------------------------
// Population import: preview first, then commit exactly what was previewed.

export const ImportIssue = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const PopulationImport = z
  .object({
    id: Uuid,
    fileName: z.string(),
    encoding: z.string(),
    encodingLabel: z.string(),
    formatLabel: z.string(),
    status: z.enum(['previewed', 'rejected', 'committed']),
    canCommit: z.boolean(),
    rowCount: z.number().int(),
    asOfDates: z.array(IsoDateString),
    matched: z.array(z.object({ town: z.string(), areaId: Uuid, areaName: z.string() })),
    /** 町丁 that will become new 第3層 地区 (a tenant without areas yet). */
    toCreate: z.array(z.string()),
    /** Rows that describe the whole municipality (合計 rows), stored on the 第1層. */
    municipalityRows: z.number().int(),
    totals: z.array(
      z.object({
        asOf: IsoDateString,
        total: z.number().int(),
        aged65: z.number().int().nullable(),
        aged75: z.number().int().nullable(),
        households: z.number().int().nullable(),
        agingRate: z.number().nullable(),
      }),
    ),
    columns: z.array(z.object({ header: z.string(), role: z.string() })),
    unusedColumns: z.array(z.string()),
    errors: z.array(ImportIssue),
    warnings: z.array(ImportIssue),
    committedAt: z.string().nullable(),
  })
  .meta({ id: 'PopulationImport' });
export type PopulationImport = z.infer<typeof PopulationImport>;

export const previewPopulationImport = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/population-imports',
  summary: '人口統計ファイルを読み込んで確認する（まだ保存しない）',
  description:
    '自治体標準オープンデータセット「地域・年齢別人口」（正式版・旧形式）や町丁別の人口CSVを本文に入れて送ります。文字コード（UTF-8、BOMつきUTF-8、Shift_JIS、UTF-16）は自動で判定します。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    fileName: z.string().trim().min(1).max(200).meta({ title: 'ファイル名' }),
    asOf: IsoDateString.optional().meta({
      title: '基準日',
      description: '調査年月日の列がないファイルの基準日',
    }),
  }),
  bodyKind: 'binary',
  status: 201,
  response: PopulationImport,
});

export const PopulationImportParams = TenantParams.extend({ id: Uuid });

export const getPopulationImport = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/population-imports/{id}',
  summary: '読み込んだ人口統計ファイルの確認結果',
  tag,
  access: 'tenant',
  params: PopulationImportParams,
  response: PopulationImport,
});

export const commitPopulationImport = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/population-imports/{id}/commit',
  summary: '確認した人口統計を保存する（すべて保存するか、何も保存しないか）',
  tag,
  access: 'tenant',
  params: PopulationImportParams,
  response: PopulationImport.extend({ createdAreas: z.number().int(), savedRows: z.number().int() }),
});

export const EXPORT_KINDS = ['areas', 'population'] as const;
export const EXPORT_FORMATS = ['csv', 'json', 'geojson'] as const;

export const exportAreaData = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/exports/{kind}',
  summary: '地域・人口統計を書き出す',
  description:
    'areas: 地域の一覧（csv / json / geojson）。population: 自治体標準オープンデータセット「地域・年齢別人口」の形の CSV（UTF-8 BOMつき・CRLF、Excel でそのまま開けます）。',
  tag,
  access: 'tenant',
  params: TenantParams.extend({ kind: z.enum(EXPORT_KINDS).meta({ title: '種類' }) }),
  query: z.object({ format: z.enum(EXPORT_FORMATS).default('csv').meta({ title: '形式' }) }),
  responseKind: 'file',
  response: FileResponse,
});

export const areaBoundaries = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/area-boundaries',
  summary: '地域の境界（地図に描く GeoJSON）',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: Uuid,
        properties: z.object({ name: z.string(), layer: LayerSchema }),
        geometry: Boundary,
      }),
    ),
  }),
});
