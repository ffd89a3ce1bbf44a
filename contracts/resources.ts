import { z } from 'zod';
import {
  ELIGIBILITY_KINDS,
  type EligibilityKind,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  type ResourceKind,
  type ResourceStatus,
  SOGO_TYPES,
  type SogoType,
} from '../domain/resources';
import {
  endpoint,
  FileResponse,
  IsoDateString,
  IsoDateTime,
  TenantParams,
  TimeOfDay,
  Uuid,
  Version,
} from './http';

const tag = 'resources';

const keys = <T extends Record<string, unknown>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const StatusSchema = z
  .enum(keys(RESOURCE_STATUSES) as [ResourceStatus, ...ResourceStatus[]])
  .meta({ title: '状態' });
export const KindSchema = z
  .enum(keys(RESOURCE_KINDS) as [ResourceKind, ...ResourceKind[]])
  .meta({ title: '資源の種類' });
export const SogoTypeSchema = z
  .enum(keys(SOGO_TYPES) as [SogoType, ...SogoType[]])
  .meta({ title: '総合事業の類型' });
export const EligibilitySchema = z.enum(keys(ELIGIBILITY_KINDS) as [EligibilityKind, ...EligibilityKind[]]);

const time = TimeOfDay;
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

/** A schedule as stored: an RFC 5545 rule underneath, with the Japanese it came from. */
export const ScheduleRule = z
  .object({
    rrule: z.string().max(300).nullable().meta({ description: 'RFC 5545 RRULE（DTSTART なし）' }),
    dtstart: IsoDateString.nullable(),
    opensAt: time.nullable(),
    closesAt: time.nullable(),
    weekdays: z.array(z.number().int().min(0).max(6)),
    timesPerMonth: z.number().int().min(1).max(31).nullable(),
    timesPerWeek: z.number().int().min(1).max(7).nullable(),
    months: z.array(z.number().int().min(1).max(12)).nullable(),
    closedOnHolidays: z.boolean(),
    closures: z.array(z.object({ from: monthDay, to: monthDay, label: z.string().max(40) })),
    note: z.string().max(1000).nullable(),
    needsReview: z.boolean(),
    source: z.string().max(1000),
  })
  .meta({ id: 'ScheduleRule' });
export type ScheduleRule = z.infer<typeof ScheduleRule>;

/** What a form or an import sends: free Japanese text to parse, or a rule made in the builder. */
export const ScheduleInput = z
  .union([
    z.object({ text: z.string().trim().min(1).max(1000).meta({ title: '日時（文章）' }) }),
    z.object({ rule: ScheduleRule }),
  ])
  .meta({ title: '日時' });

export const Schedule = z.object({
  rule: ScheduleRule,
  /** 「毎月第4水曜日 10時〜12時」 */
  description: z.string(),
  nextDates: z.array(IsoDateString),
});

export const CostOption = z.object({
  label: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .meta({ title: '料金の区分', examples: ['30分', '1回', '月額'] }),
  amount: z.number().int().min(0).max(10_000_000).nullable().meta({ title: '金額（円）' }),
  note: z.string().trim().max(200).default('').meta({ title: '料金の補足' }),
});

export const Fees = z.object({
  free: z.boolean().meta({ title: '無料' }),
  description: z.string().trim().max(500).default('').meta({ title: '料金の説明' }),
  options: z.array(CostOption).max(20).default([]),
});

export const Phone = z.object({
  number: z
    .string()
    .trim()
    .regex(
      /^[0-9０-９()（）\-－‐+＋ ]{6,20}$/,
      '電話番号は数字とハイフンで入力してください（例：087-839-2811）',
    )
    .meta({ title: '電話番号' }),
  description: z.string().trim().max(60).default('').meta({ title: '電話の説明' }),
  /** Shown to residents and in open data. */
  public: z.boolean().default(true),
});

export const Contact = z.object({
  name: z.string().trim().min(1).max(60).meta({ title: '担当者名' }),
  title: z.string().trim().max(60).default('').meta({ title: '役職・立場' }),
  phone: z.string().trim().max(20).default('').meta({ title: '担当者の電話' }),
  email: z.string().trim().max(120).default('').meta({ title: '担当者のメール' }),
  /** Private contacts are for staff only: never on the portal, in open data or the HSDS API. */
  public: z.boolean().default(false),
});

export const LocationInput = z.object({
  /** An existing place to reuse (a community centre hosting many activities); omit to create one. */
  id: Uuid.nullable().default(null),
  name: z.string().trim().max(120).default('').meta({ title: '場所の名前' }),
  address: z.string().trim().max(200).default('').meta({ title: '住所' }),
  postalCode: z.string().trim().max(10).default('').meta({ title: '郵便番号' }),
  latitude: z.number().nullable().default(null).meta({ title: '緯度' }),
  longitude: z.number().nullable().default(null).meta({ title: '経度' }),
  /** The area the place is in; when omitted it is found from the boundary or the 町丁 in the address. */
  areaId: Uuid.nullable().default(null).meta({ title: '場所の地域' }),
  accessibility: z.string().trim().max(500).default('').meta({ title: 'バリアフリー' }),
  transportation: z.string().trim().max(500).default('').meta({ title: '交通・行き方' }),
});

const kana = z
  .string()
  .trim()
  .max(200)
  .regex(/^[\p{Script=Hiragana}ー・\s\d０-９（）()]*$/u, 'ひらがなで入力してください')
  .meta({ title: 'よみがな' });

export const ResourceInput = z.object({
  name: z.string().trim().min(1).max(120).meta({ title: '名称' }),
  kana: kana.default(''),
  alternateName: z.string().trim().max(120).default('').meta({ title: '通称' }),
  description: z.string().trim().max(4000).default('').meta({ title: '内容' }),
  status: StatusSchema.default('active'),
  kind: KindSchema,
  sogoType: SogoTypeSchema.nullable().default(null),
  categories: z
    .array(z.string().min(1).max(40))
    .min(1, '分類を1つ以上選んでください')
    .max(10)
    .meta({ title: '分類' }),
  organizationId: Uuid.nullable().default(null).meta({ title: '運営する主体' }),
  eligibility: z
    .object({
      kinds: z.array(EligibilitySchema).max(8).default(['anyone']),
      description: z.string().trim().max(500).default(''),
    })
    .default({ kinds: ['anyone'], description: '' })
    .meta({ title: '利用できる人' }),
  capacity: z.number().int().min(0).max(100_000).nullable().default(null).meta({ title: '定員' }),
  applicationProcess: z.string().trim().max(1000).default('').meta({ title: '申込方法' }),
  fees: Fees.default({ free: true, description: '', options: [] }).meta({ title: '料金' }),
  schedules: z.array(ScheduleInput).max(20).default([]).meta({ title: '日時' }),
  location: LocationInput.nullable().default(null).meta({ title: '場所' }),
  /** Areas it serves besides the one it stands in (e.g. a town-wide 配食 service → 第1層). */
  areaIds: z.array(Uuid).max(50).default([]).meta({ title: '対象の地域' }),
  phones: z.array(Phone).max(10).default([]).meta({ title: '電話' }),
  contacts: z.array(Contact).max(10).default([]).meta({ title: '担当者' }),
  url: z
    .union([z.literal(''), z.url()])
    .default('')
    .meta({ title: 'ホームページ' }),
  email: z
    .union([z.literal(''), z.email()])
    .default('')
    .meta({ title: 'メール' }),
  /** Staff-only notes. */
  notes: z.string().trim().max(4000).default('').meta({ title: '内部メモ' }),
  nextCheckDue: IsoDateString.nullable().default(null).meta({ title: '次に確認する日' }),
});
export type ResourceInput = z.input<typeof ResourceInput>;

export const OrganizationRef = z.object({ id: Uuid, name: z.string(), kind: z.string() });

export const Location = z.object({
  id: Uuid,
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  areaId: Uuid.nullable(),
  areaName: z.string().nullable(),
  accessibility: z.string(),
  transportation: z.string(),
});

export const Category = z.object({ code: z.string(), name: z.string() });

export const Resource = z
  .object({
    id: Uuid,
    name: z.string(),
    kana: z.string(),
    alternateName: z.string(),
    description: z.string(),
    status: StatusSchema,
    kind: KindSchema,
    sogoType: SogoTypeSchema.nullable(),
    categories: z.array(Category),
    organization: OrganizationRef.nullable(),
    eligibility: z.object({ kinds: z.array(EligibilitySchema), description: z.string() }),
    capacity: z.number().int().nullable(),
    applicationProcess: z.string(),
    fees: z.object({
      free: z.boolean(),
      description: z.string(),
      options: z.array(
        z.object({ label: z.string(), amount: z.number().int().nullable(), note: z.string() }),
      ),
    }),
    schedules: z.array(Schedule),
    location: Location.nullable(),
    areas: z.array(z.object({ id: Uuid, name: z.string(), layer: z.number().int() })),
    phones: z.array(z.object({ number: z.string(), description: z.string(), public: z.boolean() })),
    contacts: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        phone: z.string(),
        email: z.string(),
        public: z.boolean(),
      }),
    ),
    url: z.string(),
    email: z.string(),
    notes: z.string(),
    lastVerifiedAt: IsoDateTime.nullable(),
    lastVerifiedBy: z.string().nullable(),
    nextCheckDue: IsoDateString.nullable(),
    /** Past its check date. */
    stale: z.boolean(),
    sourceSystem: z.string().nullable(),
    sourceId: z.string().nullable(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    canEdit: z.boolean(),
  })
  .meta({ id: 'Resource' });
export type Resource = z.infer<typeof Resource>;

export const ResourceSummary = Resource.pick({
  id: true,
  name: true,
  kana: true,
  status: true,
  kind: true,
  sogoType: true,
  categories: true,
  organization: true,
  location: true,
  capacity: true,
  lastVerifiedAt: true,
  nextCheckDue: true,
  stale: true,
  version: true,
  canEdit: true,
}).extend({
  scheduleText: z.string(),
  free: z.boolean(),
  feeText: z.string(),
  phone: z.string().nullable(),
  needsReview: z.boolean(),
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;

const boolParam = z.enum(['true', 'false']).optional();

export const ResourceQuery = z.object({
  q: z.string().trim().max(100).optional().meta({ title: 'キーワード' }),
  area: Uuid.optional().meta({ title: '地域', description: 'この地域と、その上位・下位の地域の資源' }),
  category: z.string().max(40).optional().meta({ title: '分類', description: '下位の分類も含みます' }),
  weekday: z.coerce
    .number()
    .int()
    .min(0)
    .max(6)
    .optional()
    .meta({ title: '曜日', description: '0=日曜 … 6=土曜' }),
  free: boolParam.meta({ title: '無料だけ' }),
  sogoType: SogoTypeSchema.optional(),
  kind: KindSchema.optional(),
  status: StatusSchema.optional().meta({ description: '省略時は終了したもの以外' }),
  stale: boolParam.meta({ title: '確認期限を過ぎたものだけ' }),
  sort: z.enum(['relevance', 'name', 'stale', 'updated']).default('relevance').meta({ title: '並べ方' }),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});
export type ResourceQuery = z.input<typeof ResourceQuery>;

export const ResourceParams = TenantParams.extend({ id: Uuid });

export const searchResources = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resources',
  summary: '地域資源を探す（日本語の表記ゆれに対応）',
  description: 'かいもの・カイモノ・買い物・買物・ｶｲﾓﾉ のどれでも同じ資源が見つかります。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: ResourceQuery,
  response: z.object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(ResourceSummary),
  }),
});

export const resourcePoints = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resource-points',
  summary: '地図に置く地域資源の点（検索と同じ条件）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: ResourceQuery.omit({ page: true, perPage: true, sort: true }),
  response: z.object({
    points: z.array(
      z.object({
        id: Uuid,
        name: z.string(),
        latitude: z.number(),
        longitude: z.number(),
        category: z.string(),
        stale: z.boolean(),
      }),
    ),
    withoutLocation: z.number().int(),
  }),
});

export const getResource = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resources/{id}',
  summary: '地域資源の詳細',
  tag,
  access: 'tenant',
  params: ResourceParams,
  response: Resource,
});

export const createResource = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/resources',
  summary: '地域資源を登録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: ResourceInput,
  status: 201,
  response: Resource,
});

export const updateResource = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/resources/{id}',
  summary: '地域資源を変更する（変更は履歴に残ります）',
  tag,
  access: 'tenant',
  params: ResourceParams,
  body: ResourceInput.extend({ version: Version }),
  response: Resource,
});

export const verifyResource = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/resources/{id}/verify',
  summary: '内容を確認済みにする（次の確認日を更新）',
  tag,
  access: 'tenant',
  params: ResourceParams,
  body: z.object({ version: Version }),
  response: Resource,
});

export const similarResources = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resources-similar',
  summary: '似た名前で近くにある資源（重複登録の警告用）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    name: z.string().trim().min(1).max(120).meta({ title: '名称' }),
    latitude: z.coerce.number().min(-90).max(90).optional(),
    longitude: z.coerce.number().min(-180).max(180).optional(),
    exclude: Uuid.optional(),
  }),
  response: z.object({
    candidates: z.array(
      z.object({
        id: Uuid,
        name: z.string(),
        address: z.string(),
        distanceMetres: z.number().nullable(),
        similarity: z.number(),
      }),
    ),
  }),
});

export const reviewQueue = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resources-review',
  summary: '要確認の一覧（確認期限を過ぎた順）',
  description: '確認期限を過ぎたもの、30日以内に期限が来るもの、日時の読み取りに確認が必要なもの。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({ area: Uuid.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
  response: z.object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    items: z.array(
      ResourceSummary.extend({ daysOverdue: z.number().int().nullable(), reasons: z.array(z.string()) }),
    ),
  }),
});

export const Revision = z.object({
  revision: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  at: IsoDateTime,
  by: z.string(),
  /** Fields that changed against the previous revision, in Japanese, with readable values. */
  changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.string(), to: z.string() })),
});

export const listRevisions = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resources/{id}/revisions',
  summary: '変更の履歴（誰が・いつ・何を）',
  tag,
  access: 'tenant',
  params: ResourceParams,
  response: z.object({ revisions: z.array(Revision) }),
});

export const restoreRevision = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/resources/{id}/revisions/{revision}/restore',
  summary: '以前の内容に戻す（戻したことも履歴に残ります）',
  tag,
  access: 'tenant',
  params: ResourceParams.extend({ revision: z.coerce.number().int().min(1) }),
  body: z.object({ version: Version }),
  response: Resource,
});

// ---------------------------------------------------------------------------------------------
// Organizations (主体) and the taxonomy

export const Organization = z
  .object({
    id: Uuid,
    name: z.string(),
    kana: z.string(),
    kind: z.string(),
    description: z.string(),
    website: z.string(),
    email: z.string(),
    phone: z.string(),
    resourceCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Organization' });

export const OrganizationInput = z.object({
  name: z.string().trim().min(1).max(120).meta({ title: '名称' }),
  kana: kana.default(''),
  kind: z.string().trim().min(1).max(40).meta({ title: '主体の種類' }),
  description: z.string().trim().max(2000).default('').meta({ title: '説明' }),
  website: z
    .union([z.literal(''), z.url()])
    .default('')
    .meta({ title: 'ホームページ' }),
  email: z
    .union([z.literal(''), z.email()])
    .default('')
    .meta({ title: 'メール' }),
  phone: z.string().trim().max(20).default('').meta({ title: '電話番号' }),
});

export const listOrganizations = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/organizations',
  summary: '主体（団体・事業所など）の一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({ q: z.string().trim().max(100).optional() }),
  response: z.object({ organizations: z.array(Organization) }),
});

export const createOrganization = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/organizations',
  summary: '主体を登録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: OrganizationInput,
  status: 201,
  response: Organization,
});

export const updateOrganization = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/organizations/{id}',
  summary: '主体を変更する',
  tag,
  access: 'tenant',
  params: ResourceParams,
  body: OrganizationInput.extend({ version: Version }),
  response: Organization,
});

export const TaxonomyTerm = z.object({
  code: z.string(),
  name: z.string(),
  kana: z.string(),
  parent: z.string().nullable(),
  group: z.string(),
  synonyms: z.array(z.string()),
  description: z.string(),
  custom: z.boolean(),
  resourceCount: z.number().int(),
  version: z.number().int(),
});

export const listTaxonomy = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/taxonomy',
  summary: '生活支援の分類（よみ・言いかえつき）',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({ terms: z.array(TaxonomyTerm) }),
});

export const TaxonomyTermInput = z.object({
  name: z.string().trim().min(1).max(40).meta({ title: '分類名' }),
  kana: kana.default(''),
  parent: z.string().max(40).nullable().default(null).meta({ title: '上位の分類' }),
  group: z.string().max(20).meta({ title: '住民向けの大分類' }),
  synonyms: z.array(z.string().trim().min(1).max(40)).max(50).default([]).meta({ title: '言いかえ' }),
  description: z.string().trim().max(500).default('').meta({ title: '説明' }),
  /** Required when changing an existing term: a change made meanwhile by someone else is refused (409). */
  version: Version.optional(),
});

export const saveTaxonomyTerm = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/taxonomy/{code}',
  summary: '分類を追加・変更する（言いかえの追加など）',
  tag,
  access: 'tenant',
  params: TenantParams.extend({
    code: z.string().regex(/^[a-z0-9-]{2,40}$/, 'コードは半角英小文字・数字・ハイフンです'),
  }),
  body: TaxonomyTermInput,
  response: TaxonomyTerm,
});

// ---------------------------------------------------------------------------------------------
// Import and export

/** Targets a column of an imported file can be mapped to. */
export const IMPORT_FIELDS = {
  sourceId: '元データのID',
  name: '名称',
  kana: 'よみがな',
  category: '分類',
  description: '内容・説明',
  organization: '運営する主体',
  locationName: '場所の名前',
  address: '住所',
  latitude: '緯度',
  longitude: '経度',
  latLon: '緯度,経度（1列）',
  phone: '電話番号',
  url: 'ホームページ',
  email: 'メール',
  schedule: '日時（文章）',
  weekdays: '曜日（月火水…）',
  opensAt: '開始時刻',
  closesAt: '終了時刻',
  scheduleNote: '日時の補足',
  capacity: '定員',
  fees: '料金',
  eligibility: '利用できる人',
  applicationProcess: '申込方法',
  status: '状態',
  notes: '備考・内部メモ',
  area: '地域名',
} as const;
export type ImportField = keyof typeof IMPORT_FIELDS;
const importFieldKeys = Object.keys(IMPORT_FIELDS) as [ImportField, ...ImportField[]];

export const ImportMapping = z.object({
  /** Column header → field. Columns not listed are ignored. */
  columns: z.record(z.string(), z.enum(importFieldKeys)).meta({ title: '列の割り当て' }),
  /** Category for rows that have none (e.g. every row of a コミュニティセンター list). */
  defaultCategory: z.string().max(40).nullable().default(null).meta({ title: '分類（全行共通）' }),
  defaultKind: KindSchema.default('formal').meta({ title: '資源の種類（全行共通）' }),
  /** Name of the source, so that a re-import finds its records again. */
  sourceSystem: z.string().trim().min(1).max(80).meta({ title: '元データの名前' }),
  /** Records from this source that are missing from the new file become 終了 (otherwise kept). */
  markMissingDefunct: z.boolean().default(false),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportRowIssue = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});

export const ResourceImport = z
  .object({
    id: Uuid,
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx', 'geojson', 'hsds']),
    formatLabel: z.string(),
    encoding: z.string().nullable(),
    encodingLabel: z.string().nullable(),
    status: z.enum(['previewed', 'rejected', 'running', 'committed', 'failed']),
    canCommit: z.boolean(),
    headers: z.array(z.string()),
    sample: z.array(z.array(z.string())).meta({ description: '先頭の数行（割り当ての確認用）' }),
    mapping: ImportMapping,
    rowCount: z.number().int(),
    counts: z.object({
      added: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      removed: z.number().int(),
    }),
    preview: z.array(
      z.object({
        line: z.number().int(),
        change: z.enum(['added', 'changed', 'unchanged']),
        name: z.string(),
        category: z.string(),
        address: z.string(),
        schedule: z.string(),
        scheduleNeedsReview: z.boolean(),
      }),
    ),
    errors: z.array(ImportRowIssue),
    warnings: z.array(ImportRowIssue),
    progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    committedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'ResourceImport' });
export type ResourceImport = z.infer<typeof ResourceImport>;

export const ImportParams = TenantParams.extend({ id: Uuid });

export const previewResourceImport = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/resource-imports',
  summary: '資源の一覧ファイルを読み込んで確認する（まだ保存しない）',
  description:
    'CSV（UTF-8・Shift_JIS・UTF-16 を自動判定）、Excel（xlsx）、GeoJSON、HSDS JSON。列の割り当ては自動で提案し、保存済みの割り当て（preset）も使えます。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    fileName: z.string().trim().min(1).max(200).meta({ title: 'ファイル名' }),
    preset: z.string().trim().max(80).optional().meta({ title: '保存した割り当て' }),
  }),
  bodyKind: 'binary',
  status: 201,
  response: ResourceImport,
});

export const remapResourceImport = endpoint({
  method: 'put',
  path: '/api/t/{tenant}/resource-imports/{id}/mapping',
  summary: '列の割り当てを変えて確認し直す',
  tag,
  access: 'tenant',
  params: ImportParams,
  body: z.object({
    mapping: ImportMapping,
    savePresetAs: z.string().trim().max(80).nullable().default(null),
  }),
  response: ResourceImport,
});

export const getResourceImport = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resource-imports/{id}',
  summary: '取り込みの状況（進み具合を含む）',
  tag,
  access: 'tenant',
  params: ImportParams,
  response: ResourceImport,
});

export const commitResourceImport = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/resource-imports/{id}/commit',
  summary: '確認した内容を保存する（すべて保存するか、何も保存しないか）',
  description: '大きなファイルは裏で処理し、進み具合を取り込みの状況で返します。',
  tag,
  access: 'tenant',
  params: ImportParams,
  response: ResourceImport,
});

export const listImportPresets = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resource-import-presets',
  summary: '保存した列の割り当て',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({
    presets: z.array(z.object({ name: z.string(), mapping: ImportMapping, updatedAt: IsoDateTime })),
  }),
});

export const RESOURCE_EXPORT_FORMATS = ['csv', 'xlsx', 'geojson', 'hsds'] as const;

export const exportResources = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/resource-export',
  summary: '地域資源を書き出す（CSV は Excel 向けに BOM つき・CRLF）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({ format: z.enum(RESOURCE_EXPORT_FORMATS).default('csv') }),
  responseKind: 'file',
  response: FileResponse,
});
