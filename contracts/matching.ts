import { z } from 'zod';
import { OPPORTUNITY_KIND_CODES, OPPORTUNITY_STATUS_CODES } from '../domain/opportunities';
import { NOTE_SIDE_CODES, REFERRAL_STATUS_CODES, REFERRAL_TARGET_KIND_CODES } from '../domain/referrals';
import { endpoint, FileResponse, IsoDateString, IsoDateTime, TenantParams, Uuid, Version } from './http';

const tag = 'matching';

export const ReferralStatus = z.enum(REFERRAL_STATUS_CODES).meta({ title: 'つなぎの段階' });
export const ReferralTargetKind = z.enum(REFERRAL_TARGET_KIND_CODES).meta({ title: 'つなぎ先の種類' });
export const NoteSide = z.enum(NOTE_SIDE_CODES).meta({ title: '誰の話か' });
const Weekday = z.number().int().min(0).max(6);

// ---------------------------------------------------------------------------------------------
// Suggestions

export const MatchReason = z.object({
  code: z.string(),
  /** 「同じ地区（峰野地区）」「木曜開催」「無料」「定員に空きあり（残り3人）」 */
  text: z.string(),
  tone: z.enum(['good', 'bad', 'info']),
  points: z.number(),
});

export const Suggestion = z
  .object({
    kind: ReferralTargetKind,
    id: Uuid,
    name: z.string(),
    score: z.number(),
    /** Metres from the centre of the person's area, when both are known. */
    distance: z.number().nullable(),
    reasons: z.array(MatchReason),
    /** A second line: the place, the skills, or who offers it. */
    detail: z.string(),
    /** Already proposed or under way for this need or person. */
    referredAs: ReferralStatus.nullable(),
  })
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof Suggestion>;

/** `days=1,4` — the weekdays that suit the person (0 = 日曜). */
const DaysParam = z
  .string()
  .regex(/^[0-6](,[0-6])*$/, '曜日は 0〜6 をカンマで区切って指定してください')
  .optional()
  .transform((s) => (s ? [...new Set(s.split(',').map(Number))] : null))
  .meta({ title: '都合のよい曜日' });

const SuggestionQuery = z.object({
  days: DaysParam,
  limit: z.coerce.number().int().min(1).max(30).default(8),
});

export const needSuggestions = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/needs/{id}/suggestions',
  summary: '困りごとのつなぎ先の候補（理由つき）',
  description:
    '分類・地域（同じ地区 > 同じ圏域 > となり）・曜日・料金・利用できる人・定員・距離・情報の新しさから順位をつけ、理由を言葉で示します。',
  tag,
  access: 'tenant',
  params: TenantParams.extend({ id: Uuid }),
  query: SuggestionQuery,
  response: z.object({
    needId: Uuid,
    category: z.string(),
    categoryName: z.string(),
    areaName: z.string(),
    resources: z.array(Suggestion),
    helpers: z.array(Suggestion),
    opportunities: z.array(Suggestion),
  }),
});

export const residentSuggestions = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/residents/{id}/suggestions',
  summary: '住民の困りごとと興味・関心に合う候補（理由つき）',
  tag,
  access: 'tenant',
  params: TenantParams.extend({ id: Uuid }),
  query: SuggestionQuery,
  response: z.object({
    residentId: Uuid,
    /** The marked activities the suggestions drew on (latest 興味・関心チェックシート). */
    interests: z.array(z.object({ label: z.string(), mark: z.string() })),
    interestsFrom: IsoDateString.nullable(),
    forNeeds: z.array(
      z.object({
        needId: Uuid,
        summary: z.string(),
        categoryName: z.string(),
        suggestions: z.array(Suggestion),
      }),
    ),
    forInterests: z.array(Suggestion),
  }),
});

// ---------------------------------------------------------------------------------------------
// Referrals

export const Referral = z
  .object({
    id: Uuid,
    needId: Uuid.nullable(),
    needSummary: z.string().nullable(),
    residentId: Uuid.nullable(),
    /** Null when anonymous or not visible to the caller. */
    residentName: z.string().nullable(),
    targetKind: ReferralTargetKind,
    targetId: Uuid,
    targetName: z.string(),
    category: z.string(),
    categoryName: z.string(),
    areaId: Uuid,
    areaName: z.string(),
    status: ReferralStatus,
    scUserId: Uuid.nullable(),
    scName: z.string(),
    proposedOn: IsoDateString,
    startedOn: IsoDateString.nullable(),
    closedOn: IsoDateString.nullable(),
    followUpOn: IsoDateString.nullable(),
    /** What to check on the follow-up date (「受け入れ先の返事を確かめる」). */
    followUpHint: z.string(),
    outcomeReason: z.string(),
    reasons: z.array(z.string()),
    summary: z.string(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    canEdit: z.boolean(),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof Referral>;

export const ReferralEvent = z.object({
  on: IsoDateString,
  at: IsoDateTime,
  actor: z.string(),
  side: NoteSide,
  fromStatus: ReferralStatus.nullable(),
  toStatus: ReferralStatus.nullable(),
  note: z.string(),
});
export type ReferralEvent = z.infer<typeof ReferralEvent>;

const ReferralParams = TenantParams.extend({ id: Uuid });

export const ReferralInput = z
  .object({
    needId: Uuid.nullable().default(null).meta({ title: '困りごと' }),
    residentId: Uuid.nullable().default(null).meta({ title: '住民' }),
    targetKind: ReferralTargetKind,
    targetId: Uuid.meta({ title: 'つなぎ先' }),
    /** The SC in charge; the person recording it when omitted. */
    scUserId: Uuid.nullable().default(null).meta({ title: '担当のコーディネーター' }),
    proposedOn: IsoDateString.optional().meta({ title: '提案した日' }),
    followUpOn: IsoDateString.nullable().optional().meta({ title: '次に確認する日' }),
    reasons: z.array(z.string().max(120)).max(20).default([]).meta({ title: '選んだ理由' }),
    summary: z.string().trim().max(500).default('').meta({ title: 'メモ' }),
  })
  .meta({ id: 'ReferralInput' });

export const ReferralQuery = z.object({
  status: ReferralStatus.optional(),
  open: z.enum(['true', 'false']).optional().meta({ title: '進行中のみ' }),
  targetKind: ReferralTargetKind.optional(),
  targetId: Uuid.optional(),
  needId: Uuid.optional(),
  residentId: Uuid.optional(),
  mine: z.enum(['true', 'false']).optional().meta({ title: '自分の担当のみ' }),
  area: Uuid.optional().meta({ title: '地域' }),
  category: z.string().max(60).optional().meta({ title: '分類' }),
  fy: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' }),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const listReferrals = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/referrals',
  summary: 'つなぎの一覧（個人情報：見た記録が残ります）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: ReferralQuery,
  response: z.object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(Referral),
  }),
});

export const getReferral = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/referrals/{id}',
  summary: 'つなぎの詳細（経過つき）',
  tag,
  access: 'tenant',
  params: ReferralParams,
  response: z.object({
    referral: Referral,
    events: z.array(ReferralEvent),
    nextStatuses: z.array(ReferralStatus),
  }),
});

export const createReferral = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/referrals',
  summary: 'つなぐ（提案として記録する）',
  description:
    '困りごとか住民のどちらか（または両方）と、つなぎ先（地域資源・担い手・就労的活動）を指定します。',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: ReferralInput,
  status: 201,
  response: Referral,
});

export const changeReferralStatus = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/referrals/{id}/status',
  summary: 'つなぎの段階を進める（提案 → 連絡済 → 受入確認 → 利用開始 → 継続中 → 終了、または不成立）',
  description:
    '段階を飛ばすときと不成立には理由が要ります。利用開始になると、困りごとは「つないだ」になります。`version` が違えば 409。',
  tag,
  access: 'tenant',
  params: ReferralParams,
  body: z.object({
    status: ReferralStatus,
    on: IsoDateString.optional().meta({ title: 'その日' }),
    reason: z.string().trim().max(200).default('').meta({ title: '理由' }),
    note: z.string().trim().max(2000).default('').meta({ title: 'メモ' }),
    side: NoteSide.default('sc'),
    followUpOn: IsoDateString.nullable().optional().meta({ title: '次に確認する日' }),
    version: Version,
  }),
  response: Referral,
});

export const addReferralNote = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/referrals/{id}/notes',
  summary: 'つなぎの経過を書く（コーディネーター・受け入れ先・本人や家族の話）',
  description: '次に確認する日を決め直すと、今日の確認から外れます。',
  tag,
  access: 'tenant',
  params: ReferralParams,
  body: z.object({
    side: NoteSide.default('sc'),
    on: IsoDateString.optional().meta({ title: 'その日' }),
    note: z.string().trim().min(1).max(2000).meta({ title: '経過' }),
    followUpOn: IsoDateString.nullable().optional().meta({ title: '次に確認する日' }),
    version: Version,
  }),
  response: Referral,
});

export const updateReferral = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/referrals/{id}',
  summary: '担当のコーディネーター・次に確認する日・メモを変える',
  tag,
  access: 'tenant',
  params: ReferralParams,
  body: z.object({
    scUserId: Uuid.nullable().optional().meta({ title: '担当のコーディネーター' }),
    followUpOn: IsoDateString.nullable().optional().meta({ title: '次に確認する日' }),
    summary: z.string().trim().max(500).optional().meta({ title: 'メモ' }),
    version: Version,
  }),
  response: Referral,
});

export const todayChecks = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/today',
  summary: '今日の確認（確認する日が来たつなぎ）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({ mine: z.enum(['true', 'false']).default('true').meta({ title: '自分の担当のみ' }) }),
  response: z.object({
    today: IsoDateString,
    due: z.array(Referral),
    /** The next seven days, so that the SC can plan her week. */
    upcoming: z.array(Referral),
  }),
});

// ---------------------------------------------------------------------------------------------
// Statistics

export const OutcomeCell = z.object({
  total: z.number().int(),
  established: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  rate: z.number().nullable(),
  medianDaysToStart: z.number().nullable(),
});

const StatsQuery = z.object({
  fy: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度（提案した日）' }),
});

export const referralStats = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/referral-stats',
  summary: 'つなぎの成果（成立率・利用開始までの日数、分類別・地域別）',
  description:
    '個人を特定できる情報は含みません。成立＝利用開始に至ったもの。進行中のものは成立率から除きます。',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: StatsQuery,
  response: z.object({
    fiscalYear: z.number().int().nullable(),
    total: OutcomeCell,
    byCategory: z.array(OutcomeCell.extend({ key: z.string(), label: z.string() })),
    byArea: z.array(OutcomeCell.extend({ key: Uuid, label: z.string() })),
    byTarget: z.array(OutcomeCell.extend({ key: ReferralTargetKind, label: z.string() })),
    failureReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  }),
});

export const exportReferralStats = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/referral-stats/export',
  summary: 'つなぎの成果を Excel で書き出す',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: StatsQuery,
  response: FileResponse,
  responseKind: 'file',
});

// ---------------------------------------------------------------------------------------------
// 就労的活動

export const OpportunityKind = z.enum(OPPORTUNITY_KIND_CODES).meta({ title: '活動の種類' });
export const OpportunityStatus = z.enum(OPPORTUNITY_STATUS_CODES).meta({ title: '募集の状況' });

export const Opportunity = z
  .object({
    id: Uuid,
    title: z.string(),
    organizationId: Uuid.nullable(),
    offeredBy: z.string(),
    kinds: z.array(OpportunityKind),
    kindLabels: z.array(z.string()),
    description: z.string(),
    conditions: z.string(),
    areaIds: z.array(Uuid),
    areaNames: z.array(z.string()),
    weekdays: z.array(Weekday),
    timeNote: z.string(),
    paid: z.boolean(),
    rewardNote: z.string(),
    capacity: z.number().int().nullable(),
    /** People now taking part through referrals (利用開始・継続中). */
    inUse: z.number().int(),
    contact: z.string(),
    status: OpportunityStatus,
    version: z.number().int(),
    updatedAt: IsoDateTime,
    canEdit: z.boolean(),
  })
  .meta({ id: 'Opportunity' });
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityInput = z
  .object({
    title: z.string().trim().min(1).max(120).meta({ title: '活動の名前' }),
    organizationId: Uuid.nullable().default(null).meta({ title: '提供する主体' }),
    offeredBy: z.string().trim().max(120).default('').meta({ title: '提供する主体（名前）' }),
    kinds: z
      .array(OpportunityKind)
      .min(1, '活動の種類を1つ以上選んでください')
      .max(5)
      .meta({ title: '活動の種類' }),
    description: z.string().trim().max(2000).default('').meta({ title: '内容' }),
    conditions: z.string().trim().max(1000).default('').meta({ title: '条件' }),
    areaIds: z.array(Uuid).max(30).default([]).meta({ title: '活動する地域' }),
    weekdays: z.array(Weekday).max(7).default([]).meta({ title: '曜日' }),
    timeNote: z.string().trim().max(200).default('').meta({ title: '時間' }),
    paid: z.boolean().default(false).meta({ title: '報酬あり' }),
    rewardNote: z.string().trim().max(200).default('').meta({ title: '報酬・謝礼' }),
    capacity: z.number().int().min(1).max(10_000).nullable().default(null).meta({ title: '募集人数' }),
    contact: z.string().trim().max(200).default('').meta({ title: '問い合わせ先' }),
    status: OpportunityStatus.default('open'),
  })
  .meta({ id: 'OpportunityInput' });
export type OpportunityInput = z.input<typeof OpportunityInput>;

const OpportunityParams = TenantParams.extend({ id: Uuid });

export const listOpportunities = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/opportunities',
  summary: '就労的活動の一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: z.object({
    status: OpportunityStatus.optional(),
    kind: OpportunityKind.optional(),
    area: Uuid.optional().meta({ title: '地域' }),
  }),
  response: z.object({ items: z.array(Opportunity) }),
});

export const getOpportunity = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/opportunities/{id}',
  summary: '就労的活動の詳細',
  tag,
  access: 'tenant',
  params: OpportunityParams,
  response: z.object({ opportunity: Opportunity }),
});

export const createOpportunity = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/opportunities',
  summary: '就労的活動を登録する',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: OpportunityInput,
  status: 201,
  response: Opportunity,
});

export const updateOpportunity = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/opportunities/{id}',
  summary: '就労的活動を変更する',
  tag,
  access: 'tenant',
  params: OpportunityParams,
  body: z.intersection(OpportunityInput, z.object({ version: Version })),
  response: Opportunity,
});

export const opportunityCandidates = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/opportunities/{id}/candidates',
  summary:
    'この活動に合いそうな住民（興味・関心チェックシートの「してみたい」「興味がある」と、「している」＝経験）',
  description: '個人情報です。見た記録が残ります。第2層SCには担当の地域の住民だけを示します。',
  tag,
  access: 'tenant',
  params: OpportunityParams,
  response: z.object({
    residents: z.array(
      z.object({
        id: Uuid,
        name: z.string(),
        areaName: z.string().nullable(),
        reasons: z.array(MatchReason),
        referredAs: ReferralStatus.nullable(),
      }),
    ),
  }),
});
