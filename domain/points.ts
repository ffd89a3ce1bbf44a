/*
 * ボランティアポイント (地域通貨): the rules of a town's point scheme, as pure functions. The ledger
 * itself lives in the database (server/modules/points); what is decided here — how many points an
 * activity earns, how the yearly cap cuts it, what may be redeemed, how a statement runs — is
 * decided the same way for the form, the server and the tests.
 *
 * Points are integers throughout: a ledger in floats would not sum to zero.
 */

/** An activity kind with a fixed number of points (サロンのお手伝い 100pt, 見守り訪問 50pt). */
export interface PointActivityKind {
  code: string;
  label: string;
  points: number;
}

/** What the rules need of a scheme. */
export interface PointRules {
  /** Points for one hour of activity when no kind is given; null when the scheme pays by kind only. */
  pointsPerHour: number | null;
  kinds: readonly PointActivityKind[];
  /** Most points one member may earn in one 年度; null = no cap. */
  yearlyCap: number | null;
  /** Yen paid per point at redemption (1pt = 1円); 0 when redeemed for goods. */
  yenPerPoint: number;
  /** Most points one member may redeem in one 年度; null = no cap. */
  yearlyRedemptionCap: number | null;
}

/** What kind of movement a ledger transaction is. */
export const POINT_TRANSACTION_KINDS = [
  { code: 'activity', label: '活動' },
  { code: 'redemption', label: '交換' },
  { code: 'year_end', label: '年度末の交換' },
  { code: 'correction', label: '訂正' },
] as const;
export type PointTransactionKind = (typeof POINT_TRANSACTION_KINDS)[number]['code'];
export const POINT_TRANSACTION_KIND_CODES = POINT_TRANSACTION_KINDS.map((k) => k.code) as [
  PointTransactionKind,
  ...PointTransactionKind[],
];
export const pointTransactionKindLabel = (code: string) =>
  POINT_TRANSACTION_KINDS.find((k) => k.code === code)?.label ?? code;

/** 未確認 → 確認済 (posts the points) or 差し戻し. */
export const POINT_ACTIVITY_STATUSES = [
  { code: 'pending', label: '未確認' },
  { code: 'confirmed', label: '確認済' },
  { code: 'returned', label: '差し戻し' },
] as const;
export type PointActivityStatus = (typeof POINT_ACTIVITY_STATUSES)[number]['code'];
export const POINT_ACTIVITY_STATUS_CODES = POINT_ACTIVITY_STATUSES.map((s) => s.code) as [
  PointActivityStatus,
  ...PointActivityStatus[],
];

export const formatYen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** 90 → 「1時間30分」. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}分`;
  return m === 0 ? `${h}時間` : `${h}時間${m}分`;
}

export type ActivityPointsResult =
  | { ok: true; points: number; basis: string }
  | { ok: false; field: 'kind' | 'minutes'; message: string };

/**
 * Points an activity earns before the cap: a kind's fixed points, or the time at the hourly rate
 * (rounded down to a whole point: a town pays for time given, never for a fraction it cannot pay).
 */
export function activityPoints(
  rules: PointRules,
  activity: { kind: string | null; minutes: number | null },
): ActivityPointsResult {
  if (activity.kind) {
    const kind = rules.kinds.find((k) => k.code === activity.kind);
    if (!kind) return { ok: false, field: 'kind', message: '活動の種類：この制度にない種類です。' };
    return { ok: true, points: kind.points, basis: kind.label };
  }
  if (activity.minutes === null || activity.minutes <= 0)
    return { ok: false, field: 'minutes', message: '活動の種類か活動した時間を入力してください。' };
  if (rules.pointsPerHour === null)
    return {
      ok: false,
      field: 'kind',
      message: '活動の種類：この制度は時間ではなく活動の種類でポイントを付けます。種類を選んでください。',
    };
  return {
    ok: true,
    points: Math.floor((rules.pointsPerHour * activity.minutes) / 60),
    basis: `${formatMinutes(activity.minutes)}（1時間${rules.pointsPerHour}ポイント）`,
  };
}

export interface CappedAward {
  /** Points actually posted. */
  award: number;
  /** The yearly cap cut the award. */
  capped: boolean;
  /** What staff are told when it did (null when nothing was cut). */
  message: string | null;
}

/**
 * The yearly cap per member: an activity is awarded only what is left under the cap, and staff
 * are told so in words. `earnedThisYear` is what the member already earned in the 年度 (net of
 * corrections), never below zero here.
 */
export function applyYearlyCap(requested: number, earnedThisYear: number, cap: number | null): CappedAward {
  if (cap === null || requested <= 0) return { award: Math.max(0, requested), capped: false, message: null };
  const left = Math.max(0, cap - Math.max(0, earnedThisYear));
  if (requested <= left) return { award: requested, capped: false, message: null };
  const message =
    left === 0
      ? `年間上限 ${cap.toLocaleString('ja-JP')} ポイントに達しているため、この活動にはポイントを付けませんでした（記録は残ります）。`
      : `年間上限 ${cap.toLocaleString('ja-JP')} ポイントに達したため ${requested.toLocaleString('ja-JP')} ポイントのうち ${left.toLocaleString('ja-JP')} ポイントを付けました。`;
  return { award: left, capped: true, message };
}

/**
 * What a member may redeem: no more than the balance, and, when the town sets a yearly
 * redemption cap, no more than what is left of it in the 年度.
 */
export function redeemableNow(balance: number, redeemedThisYear: number, cap: number | null): number {
  const byBalance = Math.max(0, balance);
  if (cap === null) return byBalance;
  return Math.max(0, Math.min(byBalance, cap - redeemedThisYear));
}

export type RedemptionCheck = { ok: true } | { ok: false; message: string };

/** A redemption is refused, in words staff can read out, when it exceeds what may be redeemed. */
export function checkRedemption(
  points: number,
  state: { name: string; balance: number; redeemedThisYear: number; cap: number | null },
): RedemptionCheck {
  if (!Number.isInteger(points) || points <= 0)
    return { ok: false, message: '交換するポイント：1以上の整数を入力してください。' };
  if (points > state.balance)
    return {
      ok: false,
      message: `交換するポイント：${state.name}さんの残高は ${state.balance.toLocaleString('ja-JP')} ポイントです。残高より多くは交換できません。`,
    };
  if (state.cap !== null && state.redeemedThisYear + points > state.cap) {
    const left = Math.max(0, state.cap - state.redeemedThisYear);
    return {
      ok: false,
      message: `交換するポイント：この年度に交換できるのはあと ${left.toLocaleString('ja-JP')} ポイントです（年間の交換上限 ${state.cap.toLocaleString('ja-JP')} ポイント）。`,
    };
  }
  return { ok: true };
}

/**
 * Year-end redemption for one member: what stood on the account at the end of the 年度 (points
 * earned later belong to the next one), never more than the balance now, within the yearly
 * redemption cap.
 */
export function yearEndRedeemable(input: {
  balanceAtYearEnd: number;
  balanceNow: number;
  redeemedThisYear: number;
  cap: number | null;
}): number {
  const base = Math.min(input.balanceAtYearEnd, input.balanceNow);
  return redeemableNow(base, input.redeemedThisYear, input.cap);
}

/** Yen for a number of points (integers: yenPerPoint is a whole number of yen). */
export const pointsToYen = (points: number, yenPerPoint: number) => points * yenPerPoint;

/** One line of a ledger transaction: an account and a signed amount (positive = into the account). */
export interface LedgerLine {
  accountId: string;
  amount: number;
}

/** Double entry: at least two lines, integer amounts, summing to zero. */
export function isBalanced(lines: readonly LedgerLine[]): boolean {
  return (
    lines.length >= 2 &&
    lines.every((l) => Number.isSafeInteger(l.amount)) &&
    lines.reduce((s, l) => s + l.amount, 0) === 0
  );
}

/**
 * The lines that reverse `points` of a two-sided transaction (a correction): each original line's
 * sign flipped, scaled to the part being reversed. Only whole transactions of two lines, or parts
 * of them, are reversed, so the result is exact in integers.
 */
export function reversalLines(original: readonly LedgerLine[], points: number): LedgerLine[] {
  if (original.length !== 2) throw new Error('only two-sided transactions can be reversed');
  const full = Math.abs(original[0]!.amount);
  if (points <= 0 || points > full) throw new RangeError('reversal out of range');
  return original.map((l) => ({ accountId: l.accountId, amount: -Math.sign(l.amount) * points }));
}

export interface StatementEntry {
  amount: number;
}

/** A statement's lines with the balance after each, from an opening balance. */
export function withRunningBalance<T extends StatementEntry>(
  opening: number,
  entries: readonly T[],
): (T & { balance: number })[] {
  let balance = opening;
  return entries.map((e) => {
    balance += e.amount;
    return { ...e, balance };
  });
}

/** A scheme's activity kinds are distinct, named and paid in whole points. */
export function checkActivityKinds(
  kinds: readonly PointActivityKind[],
): { index: number; field: 'code' | 'label' | 'points'; message: string } | null {
  const seenCodes = new Set<string>();
  const seenLabels = new Set<string>();
  for (const [i, k] of kinds.entries()) {
    if (seenCodes.has(k.code))
      return { index: i, field: 'code', message: `活動の種類（${i + 1}件目）：記号が重なっています。` };
    if (seenLabels.has(k.label))
      return { index: i, field: 'label', message: `活動の種類（${i + 1}件目）：名前が重なっています。` };
    seenCodes.add(k.code);
    seenLabels.add(k.label);
  }
  return null;
}
