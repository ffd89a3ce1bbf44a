import { z } from 'zod';
import { CONSENT_SCOPE_CODES, HOUSEHOLD_CODES } from '../domain/needs';
import {
  endpoint,
  FileResponse,
  IsoDateString,
  IsoDateTime,
  Kana,
  TenantParams,
  Uuid,
  Version,
} from './http';

const tag = 'residents';

const kana = Kana;

export const Household = z.enum(HOUSEHOLD_CODES).meta({ title: '世帯' });
export const ConsentScope = z.enum(CONSENT_SCOPE_CODES);

export const Consent = z.object({
  scopes: z.array(ConsentScope).meta({ title: '共有してよい相手' }),
  on: IsoDateString.meta({ title: '同意を得た日' }),
  recordedBy: z.string().meta({ title: '同意を得た人' }),
});

export const ResidentSummary = z
  .object({
    id: Uuid,
    name: z.string(),
    kana: z.string(),
    age: z.number().int().nullable(),
    areaId: Uuid.nullable(),
    areaName: z.string().nullable(),
    townName: z.string(),
    household: Household,
    openNeeds: z.number().int(),
  })
  .meta({ id: 'ResidentSummary' });
export type ResidentSummary = z.infer<typeof ResidentSummary>;

export const Resident = ResidentSummary.extend({
  birthDate: IsoDateString.nullable(),
  address: z.string(),
  phone: z.string(),
  note: z.string(),
  consent: Consent.nullable(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
  canEdit: z.boolean(),
}).meta({ id: 'Resident' });
export type Resident = z.infer<typeof Resident>;

export const ResidentInput = z
  .object({
    name: z.string().trim().min(1).max(80).meta({ title: '氏名' }),
    kana: kana.default(''),
    birthDate: IsoDateString.nullable().default(null).meta({ title: '生年月日' }),
    townName: z.string().trim().max(80).default('').meta({ title: '町丁' }),
    areaId: Uuid.nullable().default(null).meta({ title: '地域' }),
    address: z.string().trim().max(200).default('').meta({ title: '住所' }),
    household: Household.default('unknown'),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9０-９\-－ー()（）\s]*$/u, '電話番号は数字とハイフンで入力してください')
      .default('')
      .meta({ title: '電話番号' }),
    note: z.string().trim().max(2000).default('').meta({ title: 'メモ' }),
    consent: z
      .object({
        scopes: z.array(ConsentScope).max(10).meta({ title: '共有してよい相手' }),
        on: IsoDateString.meta({ title: '同意を得た日' }),
      })
      .nullable()
      .default(null)
      .meta({ title: '同意' }),
  })
  .meta({ id: 'ResidentInput' });
export type ResidentInput = z.input<typeof ResidentInput>;

const ResidentParams = TenantParams.extend({ id: Uuid });

export const listResidents = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/residents',
  summary: '住民の一覧（個人情報：見た記録が残ります）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    q: z.string().trim().max(80).optional().meta({ title: '氏名・よみがな' }),
    area: Uuid.optional().meta({ title: '地域' }),
    page: z.coerce.number().int().min(1).default(1),
    perPage: z.coerce.number().int().min(1).max(200).default(50),
  }),
  response: z.object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(ResidentSummary),
  }),
});

export const getResident = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/residents/{id}',
  summary: '住民の詳細（個人情報：見た記録が残ります）',
  tag,
  access: 'tenant',
  params: ResidentParams,
  response: z.object({ resident: Resident }),
});

export const createResident = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/residents',
  summary: '住民を登録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: ResidentInput,
  status: 201,
  response: Resident,
});

export const updateResident = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/residents/{id}',
  summary: '住民の情報を変更する',
  description: '`version` が今の版と違うときは 409 を返し、何も変えません。',
  tag,
  access: 'tenant',
  params: ResidentParams,
  body: z.intersection(ResidentInput, z.object({ version: Version })),
  response: Resident,
});

export const exportResident = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/residents/{id}/export',
  summary: '本人の求めに応じて、その人の情報をすべて書き出す（JSON）',
  tag,
  access: 'tenant',
  params: ResidentParams,
  response: FileResponse,
  responseKind: 'file',
});

export const eraseResident = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/residents/{id}/erase',
  summary: '本人の求めに応じて、その人の情報を消去する（件数は匿名で残る）',
  description: '氏名・生年月日・連絡先などを消し、困りごとは匿名のものとして残します。元に戻せません。',
  tag,
  access: 'tenant',
  params: ResidentParams,
  body: z.object({
    version: Version,
    reason: z.string().trim().min(1).max(200).meta({ title: '消去の理由' }),
  }),
  response: z.object({ erased: z.literal(true), needsKept: z.number().int() }),
});
