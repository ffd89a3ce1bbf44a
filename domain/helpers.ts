/*
 * 担い手 (volunteer helpers and groups) and the 人材バンク: what they can do, when, where, and the
 * courses they took. Kept as data so that forms, matching and exports say the same words.
 *
 * The skill list comes from the seeds (ちょい加勢: 草取り・草刈り, 買物代行, 話し相手・見守り, 電球の
 *交換・簡単な修理, ゴミ出し; 庵治支援隊: 買い物・ゴミ出し・整理整頓・草抜き; 送迎, 除雪 in 北海道).
 * Each skill names the life-support categories (domain/life-support-taxonomy.ts) a need may have for
 * the skill to meet it — so a 「買い物支援」 need finds a helper who does 買物代行.
 */

import type { Weekday } from './schedule';

export interface HelperSkill {
  code: string;
  label: string;
  /** Taxonomy codes whose needs this skill can meet (a need's sub-categories are matched too). */
  categories: readonly string[];
}

export const HELPER_SKILLS: readonly HelperSkill[] = [
  { code: 'kusakari', label: '草刈り・草取り', categories: ['kusakari'] },
  { code: 'josetsu', label: '除雪・雪かき', categories: ['kusakari'] },
  { code: 'kaimono-daikou', label: '買物代行', categories: ['kaimono', 'kaimono-daikou'] },
  { code: 'kaimono-dokou', label: '買い物の付き添い', categories: ['kaimono', 'idou'] },
  { code: 'hanashiaite', label: '話し相手', categories: ['hanashiaite', 'mimamori'] },
  { code: 'mimamori', label: '見守り・声かけ', categories: ['mimamori'] },
  { code: 'denkyu', label: '電球交換・簡単な修理', categories: ['kaji'] },
  { code: 'gomidashi', label: 'ゴミ出し', categories: ['gomidashi'] },
  { code: 'souji', label: '掃除・片付け', categories: ['kaji'] },
  { code: 'sentaku', label: '洗濯・布団干し', categories: ['kaji'] },
  { code: 'ryouri', label: '調理・配食の手伝い', categories: ['shokuji'] },
  { code: 'sougei', label: '送迎・通院の付き添い', categories: ['idou'] },
  { code: 'salon', label: 'サロン・カフェの運営', categories: ['ibasho', 'ninchisho-cafe'] },
  { code: 'taisou', label: '体操の指導・お手伝い', categories: ['kayoinoba', 'yobo-kyoshitsu'] },
  { code: 'hatake', label: '畑仕事・花壇の手入れ', categories: ['kusakari', 'shurou'] },
  { code: 'kodomo', label: '子どもの見守り', categories: ['shurou', 'volunteer'] },
];
export const HELPER_SKILL_CODES = HELPER_SKILLS.map((s) => s.code) as [string, ...string[]];

export const helperSkillLabel = (code: string) => HELPER_SKILLS.find((s) => s.code === code)?.label ?? code;

/** The skills that can meet a need of one of these categories (the need's term and its ancestors). */
export function skillsForCategories(categories: readonly string[]): string[] {
  const wanted = new Set(categories);
  return HELPER_SKILLS.filter((s) => s.categories.some((c) => wanted.has(c))).map((s) => s.code);
}

export const HELPER_KINDS = [
  { code: 'person', label: '個人' },
  { code: 'group', label: '団体・グループ' },
] as const;
export type HelperKind = (typeof HELPER_KINDS)[number]['code'];
export const HELPER_KIND_CODES = HELPER_KINDS.map((k) => k.code) as [HelperKind, ...HelperKind[]];

/**
 * 活動中 / 休止中 (resting: still registered, not asked for now) / 退会 (withdrew; kept for the
 * record and the point ledger, never suggested).
 */
export const HELPER_STATUSES = [
  { code: 'active', label: '活動中' },
  { code: 'resting', label: '休止中' },
  { code: 'withdrawn', label: '退会' },
] as const;
export type HelperStatus = (typeof HELPER_STATUSES)[number]['code'];
export const HELPER_STATUS_CODES = HELPER_STATUSES.map((k) => k.code) as [HelperStatus, ...HelperStatus[]];
export const helperStatusLabel = (code: string) =>
  HELPER_STATUSES.find((s) => s.code === code)?.label ?? code;

/** Courses a town runs for its 担い手 (the seeds: 生活・介護支援サポーター養成, 認知症サポーター …). */
export const TRAINING_KINDS = [
  { code: 'seikatsu-supporter', label: '生活支援サポーター養成講座' },
  { code: 'ninchisho-supporter', label: '認知症サポーター養成講座' },
  { code: 'yobo-supporter', label: '介護予防サポーター養成講座' },
  { code: 'keichou', label: '傾聴ボランティア講座' },
  { code: 'unten', label: '移動支援（運転）ボランティア講習' },
  { code: 'volunteer-intro', label: 'ボランティア入門講座' },
  { code: 'other', label: 'その他の講座' },
] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number]['code'];
export const TRAINING_KIND_CODES = TRAINING_KINDS.map((k) => k.code) as [TrainingKind, ...TrainingKind[]];
export const trainingKindLabel = (code: string) => TRAINING_KINDS.find((s) => s.code === code)?.label ?? code;

/** Bit mask of weekdays (bit 0 = 日曜), the same encoding resources use for their schedules. */
export function weekdayMask(days: readonly number[]): number {
  return days.reduce((m, d) => m | (1 << d), 0);
}

export function weekdaysOfMask(mask: number): Weekday[] {
  return ([0, 1, 2, 3, 4, 5, 6] as const).filter((d) => (mask & (1 << d)) !== 0);
}

/**
 * A course is completed (修了) when every session of it was attended. Courses of one session are the
 * common case (認知症サポーター養成講座 is 90 minutes); 生活支援サポーター養成 runs over several days.
 */
export function completedCourse(sessionIds: readonly string[], attended: ReadonlySet<string>): boolean {
  return sessionIds.length > 0 && sessionIds.every((id) => attended.has(id));
}
