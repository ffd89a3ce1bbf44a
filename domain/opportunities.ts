/*
 * 就労的活動: roles that companies and groups offer older people — paid or not — so that they take
 * part "in a form with a role" (役割がある形での社会参加, 地域支援事業実施要綱; seed 002). Kinds are
 * data; each names the 興味・関心チェックシート activities and the 担い手 skills that suit it, so
 * that a person who marked 「畑仕事：してみたい」 is offered 農作業の手伝い.
 */

export interface OpportunityKind {
  code: string;
  label: string;
  /** Keys of domain/interest-checksheet activities (ic.*) that suit this kind of role. */
  interestKeys: readonly string[];
  /** Codes of domain/helpers skills that suit it. */
  skills: readonly string[];
}

export const OPPORTUNITY_KINDS: readonly OpportunityKind[] = [
  {
    code: 'nougyou',
    label: '農作業の手伝い',
    interestKeys: ['ic.farming', 'ic.houseAndGarden'],
    skills: ['hatake', 'kusakari'],
  },
  {
    code: 'kodomo',
    label: '子どもの見守り・遊び相手',
    interestKeys: ['ic.grandchildren', 'ic.volunteer'],
    skills: ['kodomo', 'mimamori'],
  },
  {
    code: 'seisou',
    label: '施設・公園の清掃',
    interestKeys: ['ic.cleaning', 'ic.volunteer', 'ic.walking'],
    skills: ['souji'],
  },
  {
    code: 'shisetsu',
    label: '介護施設のお手伝い（配膳・話し相手）',
    interestKeys: ['ic.friends', 'ic.volunteer'],
    skills: ['hanashiaite', 'ryouri'],
  },
  { code: 'chouri', label: '調理・食堂の手伝い', interestKeys: ['ic.cooking'], skills: ['ryouri'] },
  { code: 'hanbai', label: '販売・店番', interestKeys: ['ic.paidWork', 'ic.friends'], skills: [] },
  { code: 'jimu', label: '事務・パソコン入力', interestKeys: ['ic.computer'], skills: [] },
  { code: 'unten', label: '送迎の運転', interestKeys: ['ic.driving'], skills: ['sougei'] },
  { code: 'monozukuri', label: '手芸・ものづくり', interestKeys: ['ic.knitting', 'ic.sewing'], skills: [] },
  {
    code: 'denshou',
    label: '講師・伝統や文化の伝承',
    interestKeys: ['ic.lifelongLearning', 'ic.calligraphy', 'ic.teaFlower', 'ic.haiku'],
    skills: [],
  },
  { code: 'other', label: 'その他', interestKeys: ['ic.paidWork', 'ic.volunteer'], skills: [] },
];
export const OPPORTUNITY_KIND_CODES = OPPORTUNITY_KINDS.map((k) => k.code) as [string, ...string[]];
export const opportunityKindLabel = (code: string) =>
  OPPORTUNITY_KINDS.find((k) => k.code === code)?.label ?? code;

export const OPPORTUNITY_STATUSES = [
  { code: 'open', label: '募集中' },
  { code: 'paused', label: '一時停止' },
  { code: 'closed', label: '終了' },
] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number]['code'];
export const OPPORTUNITY_STATUS_CODES = OPPORTUNITY_STATUSES.map((k) => k.code) as [
  OpportunityStatus,
  ...OpportunityStatus[],
];
export const opportunityStatusLabel = (code: string) =>
  OPPORTUNITY_STATUSES.find((k) => k.code === code)?.label ?? code;

/** The 興味・関心 activity keys that suit any of these kinds. */
export function interestKeysOf(kinds: readonly string[]): string[] {
  return [...new Set(OPPORTUNITY_KINDS.filter((k) => kinds.includes(k.code)).flatMap((k) => k.interestKeys))];
}

/** The kinds a person's marked 興味・関心 activities point to. */
export function kindsForInterests(keys: readonly string[]): string[] {
  const wanted = new Set(keys);
  return OPPORTUNITY_KINDS.filter((k) => k.interestKeys.some((i) => wanted.has(i))).map((k) => k.code);
}
