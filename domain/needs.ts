/*
 * 困りごと (needs) as the SC records them: where they were heard, how they move from 新規 to an end,
 * and which of them still count as "open" when the 協議体 looks at needs against resources.
 */

/** Where the SC heard of the need (the seeds: 全戸訪問, サロン, 窓口, 地域ケア会議, アンケート …). */
export const NEED_SOURCES = [
  { code: 'visit', label: '全戸訪問' },
  { code: 'salon', label: 'サロン' },
  { code: 'counter', label: '窓口相談' },
  { code: 'phone', label: '電話' },
  { code: 'care_meeting', label: '地域ケア会議' },
  { code: 'survey', label: 'アンケート' },
  { code: 'council', label: '協議体' },
  { code: 'other', label: 'その他' },
] as const;
export type NeedSource = (typeof NEED_SOURCES)[number]['code'];
export const NEED_SOURCE_CODES = NEED_SOURCES.map((s) => s.code) as [NeedSource, ...NeedSource[]];

export const NEED_URGENCIES = [
  { code: 'high', label: '急ぎ' },
  { code: 'normal', label: 'ふつう' },
  { code: 'low', label: '急がない' },
] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number]['code'];
export const NEED_URGENCY_CODES = NEED_URGENCIES.map((s) => s.code) as [NeedUrgency, ...NeedUrgency[]];

/**
 * 新規 → 対応中 → つないだ → 解決 / 見守り継続 / 未解決. The last three end the SC's active work on
 * it; 見守り継続 and 未解決 can be reopened (a watched person's situation changes).
 */
export const NEED_STATUSES = [
  { code: 'new', label: '新規' },
  { code: 'in_progress', label: '対応中' },
  { code: 'referred', label: 'つないだ' },
  { code: 'resolved', label: '解決' },
  { code: 'watching', label: '見守り継続' },
  { code: 'unresolved', label: '未解決' },
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number]['code'];
export const NEED_STATUS_CODES = NEED_STATUSES.map((s) => s.code) as [NeedStatus, ...NeedStatus[]];

const NEXT: Record<NeedStatus, NeedStatus[]> = {
  new: ['in_progress', 'referred', 'resolved', 'watching', 'unresolved'],
  in_progress: ['referred', 'resolved', 'watching', 'unresolved'],
  referred: ['in_progress', 'resolved', 'watching', 'unresolved'],
  resolved: ['in_progress'],
  watching: ['in_progress', 'referred', 'resolved', 'unresolved'],
  unresolved: ['in_progress', 'referred', 'resolved', 'watching'],
};

/** The statuses a need may move to from `from` (a closed need is reopened through 対応中). */
export function nextNeedStatuses(from: NeedStatus): NeedStatus[] {
  return NEXT[from];
}

export function canMoveNeed(from: NeedStatus, to: NeedStatus): boolean {
  return NEXT[from].includes(to);
}

/**
 * A need still waiting for something that meets it: 新規, 対応中, 見守り継続 and 未解決. つないだ
 * (connected to a resource or helper) and 解決 are met. This is what the needs-against-resources
 * view counts as 空白 when no resource exists nearby.
 */
export const OPEN_NEED_STATUSES: NeedStatus[] = ['new', 'in_progress', 'watching', 'unresolved'];

export function isOpenNeed(status: NeedStatus): boolean {
  return OPEN_NEED_STATUSES.includes(status);
}

const label = <T extends { code: string; label: string }>(list: readonly T[], code: string) =>
  list.find((x) => x.code === code)?.label ?? code;

export const needStatusLabel = (code: string) => label(NEED_STATUSES, code);
export const needSourceLabel = (code: string) => label(NEED_SOURCES, code);
export const needUrgencyLabel = (code: string) => label(NEED_URGENCIES, code);

/** Households as 地域包括 and 民生委員 count them. */
export const HOUSEHOLDS = [
  { code: 'alone', label: '独居' },
  { code: 'elderly_only', label: '高齢者のみ世帯' },
  { code: 'with_family', label: '家族と同居' },
  { code: 'other', label: 'その他' },
  { code: 'unknown', label: '不明' },
] as const;
export type Household = (typeof HOUSEHOLDS)[number]['code'];
export const HOUSEHOLD_CODES = HOUSEHOLDS.map((s) => s.code) as [Household, ...Household[]];
export const householdLabel = (code: string) => label(HOUSEHOLDS, code);

/**
 * With whom a resident agreed that the SC may share what she knows (個人情報の共有への同意).
 * Recorded with the date and who took the consent; withdrawing it is a new record, not a deletion.
 */
export const CONSENT_SCOPES = [
  { code: 'sc', label: '生活支援コーディネーター間' },
  { code: 'center', label: '地域包括支援センター' },
  { code: 'provider', label: 'サービス・活動の提供者' },
  { code: 'helper', label: '担い手（ボランティア）' },
  { code: 'minsei', label: '民生委員' },
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number]['code'];
export const CONSENT_SCOPE_CODES = CONSENT_SCOPES.map((s) => s.code) as [ConsentScope, ...ConsentScope[]];
export const consentScopeLabel = (code: string) => label(CONSENT_SCOPES, code);
