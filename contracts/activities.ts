import { z } from 'zod';
import {
  ACTIVITY_TYPE_CODES,
  HEADLINE_CODES,
  SC_FUNCTION_CODES,
  SUPPORT_KIND_CODES,
  YOKO_TASK_CODES,
} from '../domain/activities';
import { endpoint, FileResponse, IsoDateString, IsoDateTime, TenantParams, Uuid, Version } from './http';

/*
 * 活動記録: the SC's own work, and the monthly and yearly reports made from it (the figures a
 * municipality reports, by function, area and type). Links to referrals come with the matching
 * module (issue 6).
 */

const tag = 'activities';

export const ActivityType = z.enum(ACTIVITY_TYPE_CODES).meta({ title: '活動の種類' });
export const ScFunction = z.enum(SC_FUNCTION_CODES).meta({ title: 'SCの機能（①〜⑥）' });
export const Headline = z.enum(HEADLINE_CODES).meta({ title: 'コーディネート機能（A・B・C）' });
export const YokoTask = z.enum(YOKO_TASK_CODES).meta({ title: '要綱の業務（a〜e）' });
export const SupportKind = z.enum(SUPPORT_KIND_CODES).meta({ title: '個別支援・地域支援' });
const Ref = z.object({ id: Uuid, name: z.string() });

export const Activity = z
  .object({
    id: Uuid,
    scUserId: Uuid,
    scName: z.string(),
    occurredOn: IsoDateString,
    minutes: z.number().int(),
    type: ActivityType,
    layer: z.number().int(),
    functions: z.array(ScFunction),
    headlines: z.array(Headline),
    yokoTasks: z.array(YokoTask),
    support: SupportKind,
    areas: z.array(Ref),
    organizations: z.array(Ref),
    people: z.array(Ref),
    needIds: z.array(Uuid),
    resources: z.array(Ref),
    /** つなぎ, named by where the person was connected (never by the person). */
    referrals: z.array(Ref),
    council: Ref.nullable(),
    project: Ref.nullable(),
    summary: z.string(),
    note: z.string(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    canEdit: z.boolean(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof Activity>;

const unique = <T extends z.ZodType>(item: T, title: string, max: number, min = 0) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .transform((a) => [...new Set(a)])
    .meta({ title });

export const ActivityInput = z
  .object({
    occurredOn: IsoDateString.optional().meta({ title: '日付' }),
    minutes: z.number().int().min(1).max(1440).meta({ title: '時間（分）' }),
    type: ActivityType,
    layer: z.number().int().min(1).max(3).meta({ title: '層' }),
    functions: unique(ScFunction, 'SCの機能（①〜⑥）', 6, 1),
    headlines: unique(Headline, 'コーディネート機能（A・B・C）', 3).default([]),
    yokoTasks: unique(YokoTask, '要綱の業務（a〜e）', 5).default([]),
    support: SupportKind.default('community'),
    areaIds: unique(Uuid, '地域', 20, 1),
    organizationIds: unique(Uuid, '会った主体', 50).default([]),
    personIds: unique(Uuid, '会った人', 50).default([]),
    needIds: unique(Uuid, '困りごと', 20).default([]),
    resourceIds: unique(Uuid, '地域資源', 20).default([]),
    referralIds: unique(Uuid, 'つなぎ', 20).default([]),
    councilId: Uuid.nullable().default(null).meta({ title: '協議体' }),
    projectId: Uuid.nullable().default(null).meta({ title: 'プロジェクト' }),
    summary: z.string().trim().max(120).default('').meta({ title: 'ひとこと' }),
    note: z.string().trim().max(4000).default('').meta({ title: 'メモ' }),
    /** Chosen by the form once per record: a resend after a lost answer records once. */
    clientId: Uuid.optional().meta({ title: '送信番号' }),
  })
  .meta({ id: 'ActivityInput' });
export type ActivityInput = z.input<typeof ActivityInput>;

export const ActivityQuery = z.object({
  from: IsoDateString.optional().meta({ title: '期間の始まり' }),
  to: IsoDateString.optional().meta({ title: '期間の終わり' }),
  area: Uuid.optional().meta({ title: '地域' }),
  type: ActivityType.optional(),
  fn: ScFunction.optional(),
  sc: z.enum(['me', 'all']).default('all').meta({ title: 'だれの活動' }),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

const ActivityParams = TenantParams.extend({ id: Uuid });

export const listActivities = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/activities',
  summary: 'SCの活動記録の一覧',
  description: '保険者職員と第1層SCはすべて、第2層SCは自分の記録と担当の地域の記録を見られます。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: ActivityQuery,
  response: z.object({
    total: z.number().int(),
    minutes: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(Activity),
  }),
});

export const createActivity = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/activities',
  summary: '活動を記録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: ActivityInput,
  status: 201,
  response: Activity,
});

export const getActivity = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/activities/{id}',
  summary: '活動記録の詳細',
  tag,
  access: 'tenant',
  params: ActivityParams,
  response: Activity,
});

export const updateActivity = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/activities/{id}',
  summary: '活動記録を変える',
  tag,
  access: 'tenant',
  params: ActivityParams,
  body: z.intersection(ActivityInput, z.object({ version: Version })),
  response: Activity,
});

export const deleteActivity = endpoint({
  method: 'delete',
  path: '/api/t/{tenant}/activities/{id}',
  summary: '誤って記録した活動を取り消す（操作記録に残ります）',
  tag,
  access: 'tenant',
  params: ActivityParams,
  response: z.object({ ok: z.literal(true) }),
});

const TallyRow = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  minutes: z.number().int(),
});
export type TallyRow = z.infer<typeof TallyRow>;

export const ReportQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月は 2026-05 の形で入力してください')
    .optional()
    .meta({ title: '月' }),
  fy: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  area: Uuid.optional().meta({ title: '地域' }),
  sc: Uuid.optional().meta({ title: 'SC' }),
});

export const ActivityReport = z
  .object({
    title: z.string(),
    period: z.object({
      kind: z.enum(['month', 'year']),
      label: z.string(),
      start: IsoDateString,
      end: IsoDateString,
    }),
    scope: z.string(),
    /** Activities and minutes in the period (each activity once). */
    total: TallyRow,
    byFunction: z.array(TallyRow),
    byHeadline: z.array(TallyRow),
    byTask: z.array(TallyRow),
    byLayer: z.array(TallyRow),
    byType: z.array(TallyRow),
    bySupport: z.array(TallyRow),
    /** An activity in two areas counts in both (延べ). */
    byArea: z.array(TallyRow),
    bySc: z.array(TallyRow),
    /** For a 年度: one line per month, with the ①–⑥ counts. */
    byMonth: z.array(TallyRow.extend({ functions: z.array(z.number().int()) })),
    indicators: z.object({
      councilMeetings: z.array(z.object({ layer: z.number().int(), meetings: z.number().int() })),
      careMeetings: z.number().int(),
      developedResources: z.number().int(),
      trials: z.number().int(),
    }),
  })
  .meta({ id: 'ActivityReport' });
export type ActivityReport = z.infer<typeof ActivityReport>;

export const activityReport = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/activity-report',
  summary: 'SCの活動の月報・年報（機能・地域・種類ごと）',
  description: '件数と時間だけで、個人を特定できる情報は含みません。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: ReportQuery,
  response: ActivityReport,
});

export const exportActivityReport = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/activity-report/export',
  summary: 'SCの活動の月報・年報を xlsx か PDF で',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: ReportQuery.extend({ format: z.enum(['xlsx', 'pdf']).meta({ title: '形式' }) }),
  response: FileResponse,
  responseKind: 'file',
});
