import { z } from 'zod';
import { NEED_SOURCE_CODES, NEED_STATUS_CODES, NEED_URGENCY_CODES } from '../domain/needs';
import { endpoint, FileResponse, IsoDateString, IsoDateTime, TenantParams, Uuid, Version } from './http';

const tag = 'needs';

export const NeedSource = z.enum(NEED_SOURCE_CODES).meta({ title: '把握した場' });
export const NeedStatus = z.enum(NEED_STATUS_CODES).meta({ title: '状況' });
export const NeedUrgency = z.enum(NEED_URGENCY_CODES).meta({ title: '緊急度' });

/** A 困りごと as the SC recorded it. `resident` is set only for those who may see residents. */
export const Need = z
  .object({
    id: Uuid,
    category: z.string().meta({ description: '生活支援の分類コード' }),
    categoryName: z.string(),
    areaId: Uuid,
    areaName: z.string(),
    source: NeedSource,
    residentId: Uuid.nullable(),
    /** The linked resident's name, or null when anonymous or not visible to the caller. */
    residentName: z.string().nullable(),
    people: z.number().int(),
    urgency: NeedUrgency,
    status: NeedStatus,
    summary: z.string(),
    note: z.string(),
    raisedOn: IsoDateString,
    resourceIds: z.array(Uuid),
    createdBy: z.string(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    canEdit: z.boolean(),
  })
  .meta({ id: 'Need' });
export type Need = z.infer<typeof Need>;

export const NeedEvent = z.object({
  at: IsoDateTime,
  actor: z.string(),
  fromStatus: NeedStatus.nullable(),
  toStatus: NeedStatus,
  note: z.string(),
});
export type NeedEvent = z.infer<typeof NeedEvent>;

export const NeedInput = z
  .object({
    category: z.string().trim().min(1).max(60).meta({ title: '分類' }),
    areaId: Uuid.meta({ title: '地域' }),
    source: NeedSource,
    residentId: Uuid.nullable().default(null).meta({ title: '住民' }),
    people: z.number().int().min(1).max(10_000).default(1).meta({ title: '人数' }),
    urgency: NeedUrgency.default('normal'),
    summary: z.string().trim().max(120).default('').meta({ title: 'ひとこと' }),
    note: z.string().trim().max(2000).default('').meta({ title: 'メモ' }),
    raisedOn: IsoDateString.optional().meta({ title: '把握した日' }),
    resourceIds: z.array(Uuid).max(20).default([]).meta({ title: 'つながる地域資源' }),
    /**
     * Chosen by the form once per record: sending the same record twice (a retry on a weak phone
     * connection after the answer was lost) records it once. Ignored when changing a need.
     */
    clientId: Uuid.optional().meta({ title: '送信番号' }),
  })
  .meta({ id: 'NeedInput' });
export type NeedInput = z.input<typeof NeedInput>;

const NeedParams = TenantParams.extend({ id: Uuid });

export const NeedQuery = z.object({
  area: Uuid.optional().meta({ title: '地域' }),
  category: z.string().max(60).optional().meta({ title: '分類' }),
  status: NeedStatus.optional(),
  open: z.enum(['true', 'false']).optional().meta({ title: '未対応のみ' }),
  source: NeedSource.optional(),
  residentId: Uuid.optional().meta({ title: '住民' }),
  fy: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const listNeeds = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/needs',
  summary: '困りごとの一覧',
  description:
    '困りごとは個人に関わる情報です。見た記録が監査ログに残ります。第2層SCは担当の地域のものだけを見られます。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: NeedQuery,
  response: z.object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(Need),
  }),
});

export const getNeed = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/needs/{id}',
  summary: '困りごとの詳細（状況の履歴つき）',
  tag,
  access: 'tenant',
  params: NeedParams,
  response: z.object({
    need: Need,
    history: z.array(NeedEvent),
    resources: z.array(z.object({ id: Uuid, name: z.string() })),
    nextStatuses: z.array(NeedStatus),
  }),
});

export const createNeed = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/needs',
  summary: '困りごとを記録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: NeedInput,
  status: 201,
  response: Need,
});

export const updateNeed = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/needs/{id}',
  summary: '困りごとを変更する',
  description: '`version` が今の版と違うときは 409 を返し、何も変えません。状況は別の操作で変えます。',
  tag,
  access: 'tenant',
  params: NeedParams,
  body: z.intersection(NeedInput, z.object({ version: Version })),
  response: Need,
});

export const changeNeedStatus = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/needs/{id}/status',
  summary: '困りごとの状況を変える（履歴に残る）',
  tag,
  access: 'tenant',
  params: NeedParams,
  body: z.object({
    status: NeedStatus,
    note: z.string().trim().max(1000).default('').meta({ title: 'メモ' }),
    version: Version,
  }),
  response: Need,
});

// ---------------------------------------------------------------------------------------------
// Needs against resources: the view the 協議体 uses.

export const MatrixCell = z.object({
  areaId: Uuid,
  category: z.string(),
  openNeeds: z.number().int(),
  people: z.number().int(),
  resources: z.number().int(),
  capacity: z.number().int().nullable(),
  /** Weekdays on which some resource of this cell runs (0 = 日 … 6 = 土). */
  weekdays: z.array(z.number().int()),
  needsPer1000: z.number().nullable(),
  resourcesPer1000: z.number().nullable(),
  /** Open needs here and no resource in the area, its sub-areas or the areas above it. */
  gap: z.boolean(),
});
export type MatrixCell = z.infer<typeof MatrixCell>;

export const MatrixQuery = z.object({
  layer: z.enum(['2', '3']).default('2').meta({ title: '層' }),
  fy: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
});

export const needsMatrix = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/needs-matrix',
  summary: 'ニーズと地域資源の対比（地域 × 分類）',
  description:
    '困りごとの件数と人数、地域資源の数・定員・開催曜日を、65歳以上人口1,000人あたりでも示します。個人を特定できる情報は含みません。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: MatrixQuery,
  response: z.object({
    fiscalYear: z.number().int().nullable(),
    layer: z.number().int(),
    areas: z.array(
      z.object({
        id: Uuid,
        name: z.string(),
        parentId: Uuid.nullable(),
        aged65: z.number().int().nullable(),
        openNeeds: z.number().int(),
        gaps: z.number().int(),
      }),
    ),
    categories: z.array(z.object({ code: z.string(), name: z.string(), group: z.string() })),
    cells: z.array(MatrixCell),
    /** Needs heard per 年度 and category (every status, town-wide), for the trend. */
    trend: z.array(z.object({ fiscalYear: z.number().int(), category: z.string(), needs: z.number().int() })),
  }),
});

export const needsMatrixCell = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/needs-matrix/cell',
  summary: '対比表の1マスの中身（困りごとと地域資源）',
  description: '困りごとの中身は、困りごとを見られる役割にだけ返します（協議体委員には件数だけ）。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: MatrixQuery.extend({
    area: Uuid.meta({ title: '地域' }),
    category: z.string().min(1).max(60).meta({ title: '分類' }),
  }),
  response: z.object({
    areaName: z.string(),
    categoryName: z.string(),
    needs: z.array(Need).nullable(),
    openNeeds: z.number().int(),
    resources: z.array(
      z.object({ id: Uuid, name: z.string(), areaNames: z.array(z.string()), schedule: z.string() }),
    ),
  }),
});

export const exportNeedsMatrix = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/needs-matrix/export',
  summary: '対比表を会議資料として書き出す（xlsx / PDF）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: MatrixQuery.extend({ format: z.enum(['xlsx', 'pdf']).meta({ title: '形式' }) }),
  response: FileResponse,
  responseKind: 'file',
});
