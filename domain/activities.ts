import { formatYearMonth, type YearMonth } from './print-calendar';

/*
 * The SC's own work (活動記録): every visit, meeting, consultation, training and event, tagged the
 * three ways the 要綱 and the training texts describe the same work (standards §6): the six
 * coordination functions ①–⑥, the headline functions A/B/C, and the 要綱's tasks a–e.
 */

/** ①–⑥ (standards §6; 長洲町社協・大河原町社協 and others agree). */
export const SC_FUNCTIONS = [
  { code: 'f1', mark: '①', label: '地域のニーズと資源の見える化、問題提起' },
  { code: 'f2', mark: '②', label: '地縁組織など多様な主体への協力依頼などの働きかけ' },
  { code: 'f3', mark: '③', label: '関係者のネットワーク化' },
  { code: 'f4', mark: '④', label: 'めざす地域の姿・方針の共有、意識の統一' },
  { code: 'f5', mark: '⑤', label: '生活支援の担い手の養成、サービスの開発' },
  { code: 'f6', mark: '⑥', label: 'ニーズとサービスのマッチング' },
] as const;
export type ScFunction = (typeof SC_FUNCTIONS)[number]['code'];
export const SC_FUNCTION_CODES = SC_FUNCTIONS.map((f) => f.code) as [ScFunction, ...ScFunction[]];

/** The headline coordination functions (A)(B)(C) of the MHLW scheme (seed 000, 「SCの役割」). */
export const HEADLINES = [
  { code: 'A', label: '資源開発' },
  { code: 'B', label: 'ネットワーク構築' },
  { code: 'C', label: 'ニーズと取組のマッチング' },
] as const;
export type Headline = (typeof HEADLINES)[number]['code'];
export const HEADLINE_CODES = HEADLINES.map((h) => h.code) as [Headline, ...Headline[]];

/** The current 要綱's coordination tasks a–e (seed 000, 「SCの業務内容」). */
export const YOKO_TASKS = [
  { code: 'a', label: 'ニーズ・関心事と多様な主体の活動の情報収集・可視化' },
  { code: 'b', label: 'サービスの企画・立案、実施方法の検討の支援' },
  { code: 'c', label: '住民・多様な主体・市町村の役割の整理、目的の共有' },
  { code: 'd', label: '担い手の養成・組織化・活動とのマッチング' },
  { code: 'e', label: '支援ニーズとサービスのマッチング' },
] as const;
export type YokoTask = (typeof YOKO_TASKS)[number]['code'];
export const YOKO_TASK_CODES = YOKO_TASKS.map((t) => t.code) as [YokoTask, ...YokoTask[]];

/** What kind of work it was. 地域ケア会議 is its own type: its attendance is a 交付金 indicator (standards §5). */
export const ACTIVITY_TYPES = [
  { code: 'visit', label: '訪問' },
  { code: 'consultation', label: '相談' },
  { code: 'meeting', label: '会議・打合せ' },
  { code: 'council', label: '協議体' },
  { code: 'care_meeting', label: '地域ケア会議' },
  { code: 'training', label: '研修・講座' },
  { code: 'event', label: '行事・イベント' },
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number]['code'];
export const ACTIVITY_TYPE_CODES = ACTIVITY_TYPES.map((t) => t.code) as [ActivityType, ...ActivityType[]];

/** 個別支援 (for one person or household) or 地域支援 (for the area). */
export const SUPPORT_KINDS = [
  { code: 'community', label: '地域支援' },
  { code: 'individual', label: '個別支援' },
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number]['code'];
export const SUPPORT_KIND_CODES = SUPPORT_KINDS.map((s) => s.code) as [SupportKind, ...SupportKind[]];

const label = <T extends { code: string; label: string }>(list: readonly T[], code: string) =>
  list.find((x) => x.code === code)?.label ?? code;
export const activityTypeLabel = (code: string) => label(ACTIVITY_TYPES, code);
export const headlineLabel = (code: string) => label(HEADLINES, code);
export const yokoTaskLabel = (code: string) => label(YOKO_TASKS, code);
export const scFunctionLabel = (code: string) => {
  const f = SC_FUNCTIONS.find((x) => x.code === code);
  return f ? `${f.mark}${f.label}` : code;
};
export const scFunctionMark = (code: string) => SC_FUNCTIONS.find((x) => x.code === code)?.mark ?? code;

/*
 * How the grains line up, for suggesting tags (never for counting: what the SC ticked is what is
 * counted). ① feeds 資源開発 (the seed lists ニーズ調査 under 資源開発の実践例), ②–④ are
 * ネットワーク構築, ⑤ is 資源開発, ⑥ is マッチング; a → ①, b → ⑤, c → ④, d → ⑤, e → ⑥.
 */
const HEADLINE_OF: Record<ScFunction, Headline> = { f1: 'A', f2: 'B', f3: 'B', f4: 'B', f5: 'A', f6: 'C' };
const TASK_OF: Record<ScFunction, YokoTask[]> = {
  f1: ['a'],
  f2: ['c'],
  f3: ['c'],
  f4: ['c'],
  f5: ['b', 'd'],
  f6: ['e'],
};

/** The A/B/C an activity with these ①–⑥ is usually counted under, in A, B, C order. */
export function suggestHeadlines(functions: readonly string[]): Headline[] {
  const set = new Set(functions.flatMap((f) => (f in HEADLINE_OF ? [HEADLINE_OF[f as ScFunction]] : [])));
  return HEADLINE_CODES.filter((h) => set.has(h));
}

/** The a–e an activity with these ①–⑥ usually falls under, in order. */
export function suggestTasks(functions: readonly string[]): YokoTask[] {
  const set = new Set(functions.flatMap((f) => (f in TASK_OF ? TASK_OF[f as ScFunction] : [])));
  return YOKO_TASK_CODES.filter((t) => set.has(t));
}

/** 90 → '1時間30分', 45 → '45分', 120 → '2時間'. */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}分`;
  return m === 0 ? `${h}時間` : `${h}時間${m}分`;
}

/** Hours with one decimal, as reports give them (95 minutes → '1.6'). */
export function hoursText(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}

/** One line of a summary table: how many activities and how many minutes. */
export interface Tally {
  key: string;
  label: string;
  count: number;
  minutes: number;
}

/**
 * A summary table in the fixed order of its vocabulary, with a zero line for every code nobody
 * used (a report shows that ⑥ was never done, rather than leaving it out).
 */
export function tallyInOrder(
  vocabulary: readonly { code: string; label: string }[],
  found: readonly { key: string; count: number; minutes: number }[],
  labelOf: (code: string) => string = (c) => vocabulary.find((v) => v.code === c)?.label ?? c,
): Tally[] {
  const byKey = new Map(found.map((f) => [f.key, f]));
  return vocabulary.map((v) => ({
    key: v.code,
    label: labelOf(v.code),
    count: byKey.get(v.code)?.count ?? 0,
    minutes: byKey.get(v.code)?.minutes ?? 0,
  }));
}

/** A month ('YYYY-MM', as `parseYearMonth` reads it) → its first and last day. */
export function monthRange(ym: YearMonth): { start: string; end: string } {
  const month = formatYearMonth(ym);
  const last = new Date(Date.UTC(ym.year, ym.month, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}
