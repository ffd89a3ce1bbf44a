/*
 * The Japanese profile of a 地域資源 on top of HSDS 3.0: vocabularies kept as data so that forms,
 * imports, exports and the HSDS attributes all use the same words.
 */

/** HSDS service.status, with the words staff use. */
export const RESOURCE_STATUSES = {
  active: '活動中',
  'temporarily closed': '一時休止',
  inactive: '休止中',
  defunct: '終了',
} as const;
export type ResourceStatus = keyof typeof RESOURCE_STATUSES;

/** フォーマル: anyone meeting conditions may use it (制度・事業所). インフォーマル: rooted in personal relations. */
export const RESOURCE_KINDS = {
  formal: 'フォーマル（制度・事業所など）',
  informal: 'インフォーマル（住民の支え合い・近所づきあいなど）',
} as const;
export type ResourceKind = keyof typeof RESOURCE_KINDS;

/** 総合事業 type where it applies (standards §4.1), 制度外 for everything outside it. */
export const SOGO_TYPES = {
  'visit-equivalent': '訪問型サービス（従前相当）',
  'visit-a': '訪問型サービスA',
  'visit-b': '訪問型サービスB',
  'visit-c': '訪問型サービスC',
  'visit-d': '訪問型サービスD（移動支援）',
  'day-equivalent': '通所型サービス（従前相当）',
  'day-a': '通所型サービスA',
  'day-b': '通所型サービスB',
  'day-c': '通所型サービスC',
  'other-life-support': 'その他の生活支援サービス',
  'general-prevention': '一般介護予防事業',
  'non-system': '制度外',
} as const;
export type SogoType = keyof typeof SOGO_TYPES;

/** Who may use it. */
export const ELIGIBILITY_KINDS = {
  anyone: '誰でも',
  aged65: '65歳以上',
  'support-needed': '要支援・事業対象者',
  'care-needed': '要介護の人',
  members: '会員',
  residents: '地域の住民',
  family: '介護している家族',
  other: 'その他（説明を参照）',
} as const;
export type EligibilityKind = keyof typeof ELIGIBILITY_KINDS;

/** Kinds of 主体 (organization) the 要綱 and the seeds name. */
export const ORGANIZATION_KINDS = [
  '町内会・自治会',
  '老人クラブ',
  'NPO法人',
  '社会福祉協議会',
  '社会福祉法人',
  '民間企業',
  '商店',
  '協同組合',
  '学校',
  '寺社',
  '医療機関',
  '介護事業所',
  '行政',
  // Named by the 要綱 and the seeds as members of a 協議体 (issue 7): people and places a council
  // brings in that are not service providers.
  '民生委員・児童委員',
  'シルバー人材センター',
  '商工会',
  '郵便局',
  '駐在所・交番',
  '地域おこし協力隊',
  'ボランティア団体',
  '住民グループ',
  '個人',
  'その他',
] as const;

/** How long a confirmation stays fresh before the entry goes into the 要確認 queue. */
export const DEFAULT_CHECK_MONTHS = 12;

/** The date `months` after an ISO date (end-of-month safe: 1/31 + 1 → 2/28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/** Distance in metres between two WGS84 points (haversine; plenty for "near the same place"). */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Japan, generously; used to refuse coordinates that cannot be in a Japanese town. */
export function inJapan(lat: number, lon: number): boolean {
  return lat >= 20 && lat <= 46 && lon >= 122 && lon <= 154;
}

/** Why a coordinate pair is wrong, in Japanese, or null. Detects the common swap of lat and lon. */
export function coordinateProblem(lat: number | null, lon: number | null): string | null {
  if (lat === null && lon === null) return null;
  if (lat === null || lon === null) return '緯度と経度は両方そろえて入力してください。';
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return '緯度・経度が数値ではありません。';
  if (inJapan(lat, lon)) return null;
  if (inJapan(lon, lat))
    return '緯度と経度が逆になっているようです（緯度は20〜46、経度は122〜154の範囲です）。';
  return '緯度・経度が日本の範囲外です。';
}
