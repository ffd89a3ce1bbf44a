import { z } from 'zod';
import {
  HELPER_KIND_CODES,
  HELPER_SKILL_CODES,
  HELPER_STATUS_CODES,
  TRAINING_KIND_CODES,
} from '../domain/helpers';
import { endpoint, IsoDateString, IsoDateTime, TenantParams, Uuid, Version } from './http';

const tag = 'helpers';

export const HelperKind = z.enum(HELPER_KIND_CODES).meta({ title: '個人・団体' });
export const HelperStatus = z.enum(HELPER_STATUS_CODES).meta({ title: '活動の状況' });
export const HelperSkill = z.enum(HELPER_SKILL_CODES).meta({ title: 'できること' });
export const TrainingKind = z.enum(TRAINING_KIND_CODES).meta({ title: '講座' });
const Weekday = z.number().int().min(0).max(6);

/** Agreement to be registered in the 人材バンク and asked for help; withdrawn is kept, not deleted. */
export const HelperConsent = z.object({
  on: IsoDateString.meta({ title: '同意を得た日' }),
  recordedBy: z.string().meta({ title: '同意を得た人' }),
  withdrawnOn: IsoDateString.nullable().meta({ title: '同意を取り下げた日' }),
});

export const HelperTraining = z.object({
  id: Uuid,
  kind: TrainingKind,
  kindLabel: z.string(),
  title: z.string(),
  completedOn: IsoDateString,
});
export type HelperTraining = z.infer<typeof HelperTraining>;

export const HelperSummary = z
  .object({
    id: Uuid,
    kind: HelperKind,
    name: z.string(),
    kana: z.string(),
    homeAreaId: Uuid.nullable(),
    homeAreaName: z.string().nullable(),
    skills: z.array(HelperSkill),
    weekdays: z.array(Weekday),
    status: HelperStatus,
    /** Consent given and not withdrawn: the helper may be suggested and referred. */
    available: z.boolean(),
    /** Referrals to this helper not yet ended. */
    openReferrals: z.number().int(),
  })
  .meta({ id: 'HelperSummary' });
export type HelperSummary = z.infer<typeof HelperSummary>;

export const Helper = HelperSummary.extend({
  phone: z.string(),
  email: z.string(),
  townName: z.string(),
  address: z.string(),
  areaIds: z.array(Uuid),
  areaNames: z.array(z.string()),
  timeNote: z.string(),
  rewardNote: z.string(),
  consent: HelperConsent.nullable(),
  note: z.string(),
  trainings: z.array(HelperTraining),
  createdBy: z.string(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
  canEdit: z.boolean(),
}).meta({ id: 'Helper' });
export type Helper = z.infer<typeof Helper>;

const kana = z
  .string()
  .trim()
  .max(120)
  .regex(/^[\p{Script=Hiragana}ー・\s]*$/u, 'ひらがなで入力してください')
  .meta({ title: 'よみがな' });

export const HelperInput = z
  .object({
    kind: HelperKind.default('person'),
    name: z.string().trim().min(1).max(80).meta({ title: '氏名・団体名' }),
    kana: kana.default(''),
    phone: z
      .string()
      .trim()
      .max(20)
      .regex(/^[0-9０-９\-－ー()（）\s]*$/u, '電話番号は数字とハイフンで入力してください')
      .default('')
      .meta({ title: '電話番号' }),
    email: z
      .union([z.literal(''), z.email()])
      .default('')
      .meta({ title: 'メール' }),
    townName: z.string().trim().max(80).default('').meta({ title: '町丁' }),
    address: z.string().trim().max(200).default('').meta({ title: '住所' }),
    homeAreaId: Uuid.nullable().default(null).meta({ title: '住んでいる地域' }),
    areaIds: z.array(Uuid).max(30).default([]).meta({ title: '活動できる地域' }),
    skills: z.array(HelperSkill).max(20).default([]).meta({ title: 'できること' }),
    weekdays: z.array(Weekday).max(7).default([]).meta({ title: '活動できる曜日' }),
    timeNote: z.string().trim().max(200).default('').meta({ title: '時間の都合' }),
    rewardNote: z.string().trim().max(200).default('').meta({ title: '謝礼' }),
    status: HelperStatus.default('active'),
    consent: z
      .object({
        on: IsoDateString.meta({ title: '同意を得た日' }),
        withdrawnOn: IsoDateString.nullable().default(null).meta({ title: '同意を取り下げた日' }),
      })
      .nullable()
      .default(null)
      .meta({ title: '登録への同意' }),
    note: z.string().trim().max(2000).default('').meta({ title: 'メモ' }),
  })
  .meta({ id: 'HelperInput' });
export type HelperInput = z.input<typeof HelperInput>;

const HelperParams = TenantParams.extend({ id: Uuid });

export const HelperQuery = z.object({
  q: z.string().trim().max(80).optional().meta({ title: '氏名・よみがな' }),
  skill: HelperSkill.optional(),
  area: Uuid.optional().meta({
    title: '地域',
    description: '住んでいるか活動できる地域（上位・下位の地域を含む）',
  }),
  weekday: z.coerce.number().int().min(0).max(6).optional().meta({ title: '曜日' }),
  status: HelperStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const listHelpers = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/helpers',
  summary: '担い手（人材バンク）の一覧（個人情報：見た記録が残ります）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: HelperQuery,
  response: z.object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(HelperSummary),
  }),
});

export const getHelper = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/helpers/{id}',
  summary: '担い手の詳細（受けた講座つき）',
  tag,
  access: 'tenant',
  params: HelperParams,
  response: z.object({ helper: Helper }),
});

export const createHelper = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/helpers',
  summary: '担い手を登録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: HelperInput,
  status: 201,
  response: Helper,
});

export const updateHelper = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/helpers/{id}',
  summary: '担い手の情報を変更する',
  description: '`version` が今の版と違うときは 409 を返し、何も変えません。',
  tag,
  access: 'tenant',
  params: HelperParams,
  body: z.intersection(HelperInput, z.object({ version: Version })),
  response: Helper,
});

export const TrainingInput = z.object({
  kind: TrainingKind,
  title: z.string().trim().max(120).default('').meta({ title: '講座名（任意）' }),
  completedOn: IsoDateString.meta({ title: '受講した日' }),
});

export const addHelperTraining = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/helpers/{id}/trainings',
  summary: '担い手が受けた講座を記録する',
  tag,
  access: 'tenant',
  params: HelperParams,
  body: TrainingInput,
  status: 201,
  response: Helper,
});

export const removeHelperTraining = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/helpers/{id}/trainings/{trainingId}',
  summary: '講座の記録を取り消す（まちがいの訂正）',
  tag,
  access: 'tenant',
  params: HelperParams.extend({ trainingId: Uuid }),
  response: Helper,
});
