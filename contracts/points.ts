import { z } from 'zod';
import { POINT_ACTIVITY_STATUS_CODES, POINT_TRANSACTION_KIND_CODES } from '../domain/points';
import { endpoint, FileResponse, IsoDateString, IsoDateTime, TenantParams, Uuid, Version } from './http';

const tag = 'points';

export const PointActivityStatus = z.enum(POINT_ACTIVITY_STATUS_CODES).meta({ title: '確認の状況' });
export const PointTransactionKind = z.enum(POINT_TRANSACTION_KIND_CODES).meta({ title: '取引の種類' });
const FiscalYear = z.number().int().min(2000).max(2100).meta({ title: '年度' });
const FiscalYearQuery = z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' });
const Points = z.number().int().min(0).max(10_000_000);

// ---------------------------------------------------------------------------------------------
// The scheme

export const PointActivityKind = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9-]+$/, '半角英小文字・数字・ハイフンで入力してください')
    .meta({ title: '記号' }),
  label: z.string().trim().min(1).max(60).meta({ title: '活動の名前' }),
  points: Points.min(1).meta({ title: 'ポイント' }),
});

export const PointScheme = z
  .object({
    id: Uuid,
    name: z.string(),
    pointsPerHour: z.number().int().nullable(),
    activityKinds: z.array(PointActivityKind),
    yearlyCap: z.number().int().nullable(),
    redemptionKind: z.enum(['cash', 'goods']),
    yenPerPoint: z.number().int(),
    redemptionNote: z.string(),
    yearlyRedemptionCap: z.number().int().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'PointScheme' });
export type PointScheme = z.infer<typeof PointScheme>;

export const PointSchemeInput = z
  .object({
    name: z.string().trim().min(1).max(80).meta({ title: '制度の名前' }),
    pointsPerHour: Points.min(1).nullable().default(null).meta({ title: '1時間あたりのポイント' }),
    activityKinds: z.array(PointActivityKind).max(40).default([]).meta({ title: '活動の種類' }),
    yearlyCap: Points.min(1).nullable().default(null).meta({ title: '年間の上限（1人あたり）' }),
    redemptionKind: z.enum(['cash', 'goods']).default('cash').meta({ title: '交換の方法' }),
    yenPerPoint: z.number().int().min(0).max(1000).default(1).meta({ title: '1ポイントあたりの金額（円）' }),
    redemptionNote: z.string().trim().max(400).default('').meta({ title: '交換の説明' }),
    yearlyRedemptionCap: Points.min(1)
      .nullable()
      .default(null)
      .meta({ title: '年間の交換上限（1人あたり）' }),
    active: z.boolean().default(true).meta({ title: '受付中' }),
  })
  .meta({ id: 'PointSchemeInput' });
export type PointSchemeInput = z.input<typeof PointSchemeInput>;

const SchemeParams = TenantParams.extend({ id: Uuid });

export const listPointSchemes = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-schemes',
  summary: 'ボランティアポイントの制度の一覧',
  tag,
  access: 'tenant',
  params: TenantParams,
  response: z.object({
    schemes: z.array(PointScheme),
    /** The caller may change schemes and run the year-end redemption. */
    canManage: z.boolean(),
    /** The caller may see members by name (balances, statements, activities). */
    canSeeMembers: z.boolean(),
  }),
});

export const createPointScheme = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/point-schemes',
  summary: 'ボランティアポイントの制度をつくる',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: PointSchemeInput,
  status: 201,
  response: PointScheme,
});

export const updatePointScheme = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/point-schemes/{id}',
  summary: '制度の設定を変える',
  description:
    '`version` が今の版と違うときは 409 を返し、何も変えません。すでに付けたポイントは変わりません（記録した時の値のまま）。',
  tag,
  access: 'tenant',
  params: SchemeParams,
  body: z.intersection(PointSchemeInput, z.object({ version: Version })),
  response: PointScheme,
});

export const PointSummary = z.object({
  fiscalYear: z.number().int(),
  /** Members who earned points in the 年度. */
  members: z.number().int(),
  activities: z.number().int(),
  pending: z.number().int(),
  minutes: z.number().int(),
  awarded: z.number().int(),
  redeemed: z.number().int(),
  /** Points held by all members now. */
  outstanding: z.number().int(),
  /** The ledger's total: always 0 (shown so that anyone can see it holds). */
  ledgerTotal: z.number().int(),
});

export const pointSummary = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-schemes/{id}/summary',
  summary: '年度の集計（氏名を含まない）',
  description: '協議体委員・閲覧者も見られます。個人を特定できる情報は含みません。',
  tag,
  access: 'tenant',
  params: SchemeParams,
  query: z.object({ fy: FiscalYearQuery.optional() }),
  response: PointSummary,
});

// ---------------------------------------------------------------------------------------------
// Activities

export const PointActivity = z
  .object({
    id: Uuid,
    schemeId: Uuid,
    helperId: Uuid,
    helperName: z.string(),
    on: IsoDateString,
    kind: z.string().nullable(),
    kindLabel: z.string(),
    minutes: z.number().int().nullable(),
    host: z.string(),
    note: z.string(),
    requestedPoints: z.number().int(),
    awardedPoints: z.number().int().nullable(),
    capNote: z.string(),
    status: PointActivityStatus,
    hostConfirmedBy: z.string(),
    hostConfirmedOn: IsoDateString.nullable(),
    confirmedBy: z.string(),
    confirmedAt: IsoDateTime.nullable(),
    returnedReason: z.string(),
    transactionId: Uuid.nullable(),
    recordedBy: z.string(),
    version: z.number().int(),
    createdAt: IsoDateTime,
    /** The caller may confirm, return or edit it (her areas, for a 第2層 SC). */
    canChange: z.boolean(),
  })
  .meta({ id: 'PointActivity' });
export type PointActivity = z.infer<typeof PointActivity>;

export const PointActivityInput = z
  .object({
    schemeId: Uuid.meta({ title: '制度' }),
    helperId: Uuid.meta({ title: '会員（担い手）' }),
    on: IsoDateString.meta({ title: '活動した日' }),
    kind: z.string().trim().min(1).max(40).nullable().default(null).meta({ title: '活動の種類' }),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .nullable()
      .default(null)
      .meta({ title: '活動した時間（分）' }),
    host: z.string().trim().max(120).default('').meta({ title: '受け入れ先' }),
    note: z.string().trim().max(1000).default('').meta({ title: 'メモ' }),
    /** The host group confirmed it already (a signed 活動記録票): posted at once, with who and when. */
    hostConfirmation: z
      .object({
        by: z.string().trim().min(1).max(80).meta({ title: '受け入れ先で確認した人' }),
        on: IsoDateString.meta({ title: '受け入れ先が確認した日' }),
      })
      .nullable()
      .default(null)
      .meta({ title: '受け入れ先の確認' }),
    clientId: Uuid.optional().meta({ title: '送信番号' }),
  })
  .meta({ id: 'PointActivityInput' });
export type PointActivityInput = z.input<typeof PointActivityInput>;

const ActivityParams = TenantParams.extend({ id: Uuid });

export const PointActivityQuery = z.object({
  scheme: Uuid.optional().meta({ title: '制度' }),
  status: PointActivityStatus.optional(),
  helperId: Uuid.optional().meta({ title: '会員' }),
  fy: FiscalYearQuery.optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const listPointActivities = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-activities',
  summary: '活動の記録の一覧（確認待ちなど）',
  tag,
  access: 'tenant',
  params: TenantParams,
  query: PointActivityQuery,
  response: z.object({
    total: z.number().int(),
    page: z.number().int(),
    perPage: z.number().int(),
    items: z.array(PointActivity),
  }),
});

/** What posting told staff: the cap message when the yearly cap cut the award. */
const Posted = z.object({ activity: PointActivity, message: z.string().nullable() });

export const createPointActivity = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/point-activities',
  summary: '活動を記録する（職員が会員に代わって）',
  description:
    '受け入れ先の確認（hostConfirmation）があれば、その場で確認済みにしてポイントを付けます。年間上限を超える分は付けず、そう伝えます。',
  tag,
  access: 'tenant',
  params: TenantParams,
  body: PointActivityInput,
  status: 201,
  response: Posted,
});

export const updatePointActivity = endpoint({
  method: 'patch',
  path: '/api/t/{tenant}/point-activities/{id}',
  summary: '確認前の活動の記録を直す',
  description: '確認済み・差し戻しの記録は変えられません（確認済みのものは訂正の取引で直します）。',
  tag,
  access: 'tenant',
  params: ActivityParams,
  body: z.intersection(PointActivityInput, z.object({ version: Version })),
  response: PointActivity,
});

export const confirmPointActivity = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/point-activities/{id}/confirm',
  summary: '活動を確認してポイントを付ける',
  tag,
  access: 'tenant',
  params: ActivityParams,
  body: z.object({ version: Version }),
  response: Posted,
});

export const returnPointActivity = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/point-activities/{id}/return',
  summary: '活動の記録を差し戻す（理由つき）',
  tag,
  access: 'tenant',
  params: ActivityParams,
  body: z.object({
    version: Version,
    reason: z.string().trim().min(1).max(400).meta({ title: '差し戻す理由' }),
  }),
  response: PointActivity,
});

// ---------------------------------------------------------------------------------------------
// Balances, statements, redemption, corrections

export const PointBalance = z.object({
  helperId: Uuid,
  name: z.string(),
  kana: z.string(),
  homeAreaName: z.string().nullable(),
  balance: z.number().int(),
  earnedThisYear: z.number().int(),
  redeemedThisYear: z.number().int(),
  pending: z.number().int(),
  canChange: z.boolean(),
});
export type PointBalance = z.infer<typeof PointBalance>;

export const listPointBalances = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-schemes/{id}/balances',
  summary: '会員ごとの残高（個人情報：見た記録が残ります）',
  tag,
  access: 'tenant',
  params: SchemeParams,
  query: z.object({
    fy: FiscalYearQuery.optional(),
    q: z.string().trim().max(80).optional().meta({ title: '氏名・よみがな' }),
  }),
  response: z.object({
    fiscalYear: z.number().int(),
    items: z.array(PointBalance),
    totals: z.object({ balance: z.number().int(), earnedThisYear: z.number().int() }),
  }),
});

export const StatementLine = z.object({
  transactionId: Uuid,
  on: IsoDateString,
  fiscalYear: z.number().int(),
  kind: PointTransactionKind,
  description: z.string(),
  amount: z.number().int(),
  balance: z.number().int(),
  recordedBy: z.string(),
  reverses: Uuid.nullable(),
  /** Points of this transaction not yet reversed by corrections (what a correction may still take back). */
  correctable: z.number().int(),
});
export type StatementLine = z.infer<typeof StatementLine>;

const MemberParams = SchemeParams.extend({ helperId: Uuid });
const StatementQuery = z.object({ fy: FiscalYearQuery.optional() });

export const getPointStatement = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-schemes/{id}/members/{helperId}/statement',
  summary: '会員の明細（残高の推移つき、年度ごと）',
  tag,
  access: 'tenant',
  params: MemberParams,
  query: StatementQuery,
  response: z.object({
    helperId: Uuid,
    name: z.string(),
    fiscalYear: z.number().int(),
    opening: z.number().int(),
    closing: z.number().int(),
    balanceNow: z.number().int(),
    earnedThisYear: z.number().int(),
    redeemedThisYear: z.number().int(),
    /** Most the member may redeem now (balance, within the yearly redemption cap). */
    redeemable: z.number().int(),
    lines: z.array(StatementLine),
    canChange: z.boolean(),
  }),
});

export const exportPointStatement = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-schemes/{id}/members/{helperId}/statement/export',
  summary: '会員の明細を書き出す（xlsx / PDF）',
  tag,
  access: 'tenant',
  params: MemberParams,
  query: StatementQuery.extend({ format: z.enum(['xlsx', 'pdf']).meta({ title: '形式' }) }),
  response: FileResponse,
  responseKind: 'file',
});

export const redeemPoints = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/point-schemes/{id}/members/{helperId}/redemptions',
  summary: 'ポイントを交換する',
  description: '残高（と年間の交換上限）を超える交換は、日本語の理由つきで断り、何も記録しません。',
  tag,
  access: 'tenant',
  params: MemberParams,
  body: z.object({
    points: z.number().int().min(1).max(10_000_000).meta({ title: '交換するポイント' }),
    on: IsoDateString.optional().meta({ title: '交換した日' }),
    note: z.string().trim().max(400).default('').meta({ title: 'メモ' }),
  }),
  status: 201,
  response: z.object({ transactionId: Uuid, balance: z.number().int() }),
});

export const correctPointTransaction = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/point-transactions/{id}/corrections',
  summary: '取引を訂正する（打ち消す取引を新しく記録）',
  description: '元の取引は変えません。全部または一部を打ち消す取引を、理由とともに記録します。',
  tag,
  access: 'tenant',
  params: TenantParams.extend({ id: Uuid }),
  body: z.object({
    points: z.number().int().min(1).max(10_000_000).meta({ title: '打ち消すポイント' }),
    reason: z.string().trim().min(1).max(400).meta({ title: '訂正の理由' }),
  }),
  status: 201,
  response: z.object({ transactionId: Uuid, balance: z.number().int() }),
});

// ---------------------------------------------------------------------------------------------
// Year-end redemption

export const YearEndRow = z.object({
  helperId: Uuid,
  name: z.string(),
  kana: z.string(),
  points: z.number().int(),
  yen: z.number().int(),
});

export const YearEnd = z.object({
  fiscalYear: z.number().int(),
  /** When it was posted; null while only a preview. */
  posted: z
    .object({ at: IsoDateTime, by: z.string(), members: z.number().int(), points: z.number().int() })
    .nullable(),
  rows: z.array(YearEndRow),
  totalPoints: z.number().int(),
  totalYen: z.number().int(),
});

export const previewYearEnd = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-schemes/{id}/year-end',
  summary: '年度末の交換：会員ごとの交換できるポイント（確認用）',
  tag,
  access: 'tenant',
  params: SchemeParams,
  query: z.object({ fy: FiscalYearQuery }),
  response: YearEnd,
});

export const postYearEnd = endpoint({
  method: 'post',
  path: '/api/t/{tenant}/point-schemes/{id}/year-end',
  summary: '年度末の交換をまとめて記録する（全員分を一度に）',
  description:
    '確認した合計（expectedPoints）が今の計算と違うときは 409 を返し、何も記録しません。1件でも記録できなければ、全員分を記録しません。',
  tag,
  access: 'tenant',
  params: SchemeParams,
  body: z.object({
    fiscalYear: FiscalYear,
    expectedPoints: z.number().int().min(0).meta({ title: '確認した合計ポイント' }),
  }),
  status: 201,
  response: YearEnd,
});

export const exportYearEnd = endpoint({
  method: 'get',
  path: '/api/t/{tenant}/point-schemes/{id}/year-end/export',
  summary: '年度末の交換の支払い一覧（xlsx：氏名・ポイント・金額）',
  tag,
  access: 'tenant',
  params: SchemeParams,
  query: z.object({ fy: FiscalYearQuery }),
  response: FileResponse,
  responseKind: 'file',
});
