/*
 * つなぎ (referrals), followed to the end: 提案 → 連絡済 → 受入確認 → 利用開始 → 継続中 → 終了, or
 * 不成立 with a reason. A referral connects a person or a need with a 地域資源, a 担い手 or a
 * 就労的活動 opening; the SC in charge follows it up on a date until it ends.
 */

import { addDays, daysBetween, type IsoDate } from './dates';

export const REFERRAL_STATUSES = [
  { code: 'proposed', label: '提案' },
  { code: 'contacted', label: '連絡済' },
  { code: 'accepted', label: '受入確認' },
  { code: 'started', label: '利用開始' },
  { code: 'ongoing', label: '継続中' },
  { code: 'ended', label: '終了' },
  { code: 'failed', label: '不成立' },
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]['code'];
export const REFERRAL_STATUS_CODES = REFERRAL_STATUSES.map((s) => s.code) as [
  ReferralStatus,
  ...ReferralStatus[],
];
export const referralStatusLabel = (code: string) =>
  REFERRAL_STATUSES.find((s) => s.code === code)?.label ?? code;

/** The loop in order; 不成立 stands beside it. */
const LOOP: ReferralStatus[] = ['proposed', 'contacted', 'accepted', 'started', 'ongoing', 'ended'];

export const TERMINAL_REFERRAL_STATUSES: ReferralStatus[] = ['ended', 'failed'];

/** Reached 利用開始 at some point: what the statistics count as 成立. */
export const ESTABLISHED_REFERRAL_STATUSES: ReferralStatus[] = ['started', 'ongoing', 'ended'];

export function isTerminalReferral(s: ReferralStatus): boolean {
  return TERMINAL_REFERRAL_STATUSES.includes(s);
}

/** What a referral may become next: any later step of the loop, or 不成立 before it started. */
export function nextReferralStatuses(from: ReferralStatus): ReferralStatus[] {
  if (isTerminalReferral(from)) return [];
  const i = LOOP.indexOf(from);
  const later = LOOP.slice(i + 1);
  // Once the person uses the service, it can only go on or end: 不成立 would rewrite what happened.
  return i < LOOP.indexOf('started') ? [...later, 'failed'] : later;
}

export type TransitionProblem =
  | { kind: 'not-allowed'; message: string }
  | { kind: 'reason-needed'; message: string };

/**
 * Why `from → to` may not be recorded as asked, or null. Skipping steps is allowed only with a
 * reason (the SC learned afterwards that it had started), and 不成立 always needs its reason.
 */
export function referralTransitionProblem(
  from: ReferralStatus,
  to: ReferralStatus,
  reason: string,
): TransitionProblem | null {
  if (!nextReferralStatuses(from).includes(to)) {
    if (isTerminalReferral(from))
      return {
        kind: 'not-allowed',
        message: `このつなぎは「${referralStatusLabel(from)}」で終わっています。新しいつなぎとして記録してください。`,
      };
    return {
      kind: 'not-allowed',
      message: `「${referralStatusLabel(from)}」から「${referralStatusLabel(to)}」には戻せません。`,
    };
  }
  const hasReason = reason.trim().length > 0;
  if (to === 'failed' && !hasReason)
    return { kind: 'reason-needed', message: '不成立の理由を選ぶか書いてください。' };
  const skipped = LOOP.indexOf(to) - LOOP.indexOf(from) - 1;
  if (to !== 'failed' && skipped > 0 && !hasReason) {
    const missing = LOOP.slice(LOOP.indexOf(from) + 1, LOOP.indexOf(to)).map(referralStatusLabel);
    return {
      kind: 'reason-needed',
      message: `「${missing.join('」「')}」を飛ばして「${referralStatusLabel(to)}」にするときは、理由を書いてください。`,
    };
  }
  return null;
}

/** Reasons offered when a referral did not come about (free text is allowed too). */
export const FAILURE_REASONS = [
  '本人が希望しなかった',
  '家族が希望しなかった',
  '受け入れ先の都合（定員・人手）',
  '日程・時間が合わなかった',
  '費用が合わなかった',
  '行く手段がなかった',
  '連絡がとれなかった',
  '体調・入院',
  'その他',
] as const;

/** Reasons a referral that started came to an end. */
export const END_REASONS = ['目的を達成した', '本人の希望', '転居', '入院・入所', '逝去', 'その他'] as const;

/** What the follow-up is, as the SC's 今日の確認 says it. */
export const FOLLOW_UP_HINTS: Record<ReferralStatus, string> = {
  proposed: '本人や家族に伝えたか確かめる',
  contacted: '受け入れ先の返事を確かめる',
  accepted: '利用が始まったか確かめる',
  started: '続けられているか様子を聞く',
  ongoing: '続けられているか様子を聞く',
  ended: '',
  failed: '',
};

/** The follow-up date an SC would set after a step, unless she chooses one. */
export function defaultFollowUp(status: ReferralStatus, on: IsoDate): IsoDate | null {
  switch (status) {
    case 'proposed':
    case 'contacted':
      return addDays(on, 7);
    case 'accepted':
      return addDays(on, 7);
    case 'started':
      return addDays(on, 14);
    case 'ongoing':
      return addDays(on, 30);
    default:
      return null;
  }
}

/** Whose voice a note is in: the SC's own, the provider's (受け入れ先) or the person's side. */
export const NOTE_SIDES = [
  { code: 'sc', label: 'コーディネーター' },
  { code: 'provider', label: '受け入れ先' },
  { code: 'resident', label: '本人・家族' },
] as const;
export type NoteSide = (typeof NOTE_SIDES)[number]['code'];
export const NOTE_SIDE_CODES = NOTE_SIDES.map((s) => s.code) as [NoteSide, ...NoteSide[]];
export const noteSideLabel = (code: string) => NOTE_SIDES.find((s) => s.code === code)?.label ?? code;

export const REFERRAL_TARGET_KINDS = [
  { code: 'resource', label: '地域資源' },
  { code: 'helper', label: '担い手' },
  { code: 'opportunity', label: '就労的活動' },
] as const;
export type ReferralTargetKind = (typeof REFERRAL_TARGET_KINDS)[number]['code'];
export const REFERRAL_TARGET_KIND_CODES = REFERRAL_TARGET_KINDS.map((s) => s.code) as [
  ReferralTargetKind,
  ...ReferralTargetKind[],
];
export const referralTargetKindLabel = (code: string) =>
  REFERRAL_TARGET_KINDS.find((s) => s.code === code)?.label ?? code;

/** One referral as the statistics see it. */
export interface ReferralOutcomeRow {
  status: ReferralStatus;
  category: string;
  areaId: string;
  proposedOn: IsoDate;
  startedOn: IsoDate | null;
}

export interface OutcomeCell {
  total: number;
  established: number;
  failed: number;
  pending: number;
  /** established / (established + failed), null when nothing is decided yet. */
  rate: number | null;
  /** Median days from 提案 to 利用開始 among the established. */
  medianDaysToStart: number | null;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * 成立率 and days to start for a set of referrals: 成立 = reached 利用開始 (whatever came after),
 * 不成立 = failed; the rest are still pending and are left out of the rate.
 */
export function outcomeOf(rows: readonly ReferralOutcomeRow[]): OutcomeCell {
  let established = 0;
  let failed = 0;
  const days: number[] = [];
  for (const r of rows) {
    if (ESTABLISHED_REFERRAL_STATUSES.includes(r.status)) {
      established++;
      if (r.startedOn) days.push(daysBetween(r.proposedOn, r.startedOn));
    } else if (r.status === 'failed') failed++;
  }
  const decided = established + failed;
  return {
    total: rows.length,
    established,
    failed,
    pending: rows.length - decided,
    rate: decided ? established / decided : null,
    medianDaysToStart: median(days),
  };
}

/** Outcomes grouped by a key (category, area), with the whole as `total`. */
export function outcomesBy<R extends ReferralOutcomeRow>(
  rows: readonly R[],
  key: (r: R) => string,
): { total: OutcomeCell; groups: Map<string, OutcomeCell> } {
  const buckets = new Map<string, R[]>();
  for (const r of rows) {
    const k = key(r);
    const list = buckets.get(k);
    if (list) list.push(r);
    else buckets.set(k, [r]);
  }
  return {
    total: outcomeOf(rows),
    groups: new Map([...buckets].map(([k, list]) => [k, outcomeOf(list)])),
  };
}
