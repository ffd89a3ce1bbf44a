/*
 * 協議体: councils of diverse actors that back the SC with local knowledge and hand her ideas. Not an
 * approval body — the agenda flow below (from the seeds, C町) is built so that nothing is "decided":
 * issues are shown, the SC asks, members exchange, ideas are handed to the SC, homework carries on.
 */

import { addDays, fiscalYearOf, fiscalYearRange, type IsoDate } from './dates';

/** A seat's role on the council (辞令 names). */
export const MEMBER_ROLES = [
  { code: 'chair', label: '会長' },
  { code: 'vice_chair', label: '副会長' },
  { code: 'member', label: '委員' },
  { code: 'observer', label: 'オブザーバー' },
  { code: 'secretariat', label: '事務局' },
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number]['code'];
export const MEMBER_ROLE_CODES = MEMBER_ROLES.map((r) => r.code) as [MemberRole, ...MemberRole[]];

/**
 * Kinds of actor the 要綱 (地域支援事業実施要綱, quoted in seed 000) and the seeds (萩市's SC協議体,
 * C町/D町/E町) name as members of a 協議体. `organizationKinds` are the 主体 kinds (domain/resources
 * ORGANIZATION_KINDS) that count as this kind when the network asks "who is not involved yet".
 */
export const NAMED_ACTOR_KINDS = [
  { kind: '町内会・自治会', source: '要綱（地縁組織）・萩市', organizationKinds: ['町内会・自治会'] },
  { kind: '老人クラブ', source: '要綱', organizationKinds: ['老人クラブ'] },
  { kind: '民生委員・児童委員', source: '要綱', organizationKinds: ['民生委員・児童委員'] },
  { kind: 'NPO法人', source: '要綱', organizationKinds: ['NPO法人'] },
  { kind: '社会福祉協議会', source: '要綱', organizationKinds: ['社会福祉協議会'] },
  { kind: '社会福祉法人', source: '要綱', organizationKinds: ['社会福祉法人'] },
  { kind: '住民主体の活動団体', source: '要綱', organizationKinds: ['住民グループ', 'ボランティア団体'] },
  { kind: '協同組合', source: '要綱', organizationKinds: ['協同組合'] },
  { kind: '民間企業', source: '要綱', organizationKinds: ['民間企業'] },
  { kind: 'シルバー人材センター', source: '要綱', organizationKinds: ['シルバー人材センター'] },
  { kind: '介護サービス事業所', source: '要綱', organizationKinds: ['介護事業所'] },
  { kind: '商工会・商店', source: '要綱（商工会）・萩市（商店）', organizationKinds: ['商工会', '商店'] },
  { kind: '学校', source: 'D町・E町の協議体', organizationKinds: ['学校'] },
  { kind: '寺社', source: '萩市', organizationKinds: ['寺社'] },
  { kind: '郵便局', source: '萩市', organizationKinds: ['郵便局'] },
  { kind: '駐在所・交番', source: '萩市', organizationKinds: ['駐在所・交番'] },
  { kind: '地域おこし協力隊', source: '萩市・E町', organizationKinds: ['地域おこし協力隊'] },
] as const;

/** Every kind a member (a person or a 主体) may be of: the named kinds and the 主体 kinds. */
export function actorKindOf(kind: string): (typeof NAMED_ACTOR_KINDS)[number] | undefined {
  return NAMED_ACTOR_KINDS.find(
    (k) => k.kind === kind || (k.organizationKinds as readonly string[]).includes(kind),
  );
}

/** The six steps of a meeting (seed 000, 「C町第1層協議体 協議体会議の初期の試行錯誤」 ①–⑥). */
export const AGENDA_STEPS = [
  { code: 'issue', label: '地域課題の提示', hint: '実態調査などから分かったことを整理して示す' },
  { code: 'consult', label: 'SCから協議体へ諮る', hint: '解決の知恵を借りたいことを SC から問いかける' },
  { code: 'exchange', label: '情報・意見交換', hint: '決める場ではなく、情報とアイデアを出し合う' },
  {
    code: 'entrust',
    label: 'SCに託す',
    hint: '行政への要求ではなく、自分たちでできそうなアイデアを SC に託す（調整をお願いする）',
  },
  { code: 'review', label: '総評', hint: 'アドバイザーや会長からのまとめ' },
  { code: 'next', label: '次回の日程・宿題', hint: '時間が来たら次回までの宿題（継続協議）にする' },
] as const;
export type AgendaStep = (typeof AGENDA_STEPS)[number]['code'];
export const AGENDA_STEP_CODES = AGENDA_STEPS.map((s) => s.code) as [AgendaStep, ...AgendaStep[]];

/** One line of a council's agenda template: the step it belongs to and the words printed. */
export interface TemplateItem {
  step: AgendaStep;
  title: string;
}

/** The template a new council starts with: the six steps in the seeds' order. */
export const DEFAULT_AGENDA_TEMPLATE: TemplateItem[] = AGENDA_STEPS.map((s) => ({
  step: s.code,
  title: s.label,
}));

export const agendaStepLabel = (code: string) => AGENDA_STEPS.find((s) => s.code === code)?.label ?? code;
export const memberRoleLabel = (code: string) => MEMBER_ROLES.find((r) => r.code === code)?.label ?? code;

/** Why a 辞令 term is not a term, or null. */
export function termProblem(start: IsoDate | null, end: IsoDate | null): string | null {
  if (start && end && end < start) return '任期の終わりが始まりより前になっています。';
  return null;
}

/** Whether a seat is held on a day: from its start (if any) to its end (if any), both inclusive. */
export function seatHeldOn(
  term: { termStart: IsoDate | null; termEnd: IsoDate | null },
  day: IsoDate,
): boolean {
  return (term.termStart === null || term.termStart <= day) && (term.termEnd === null || term.termEnd >= day);
}

/** What the previous meeting's minutes carry over to the next agenda (宿題・継続協議). */
export interface CarriedItem {
  fromItemId: string;
  step: AgendaStep;
  title: string;
  homework: string;
}

/**
 * The items of a held meeting that go on to the next agenda: those marked 宿題・継続協議. They
 * become 情報・意見交換 items of the next meeting (the council talks them over again), titled as
 * before, with the homework as their description.
 */
export function carriedOver(
  items: readonly { id: string; step: string; title: string; carryOver: boolean; homework: string }[],
): CarriedItem[] {
  return items
    .filter((i) => i.carryOver)
    .map((i) => ({
      fromItemId: i.id,
      step: 'exchange' as const,
      title: i.title.startsWith('【継続】') ? i.title : `【継続】${i.title}`,
      homework: i.homework,
    }));
}

/**
 * The agenda of a new meeting: the template's steps in order, with the carried-over items placed
 * after the 地域課題 and SC の問いかけ, so that they are discussed again in 情報・意見交換.
 */
export function buildAgenda(
  template: readonly TemplateItem[],
  carried: readonly CarriedItem[],
): { step: AgendaStep; title: string; description: string; carriedFrom: string | null }[] {
  const order = (step: string) => AGENDA_STEP_CODES.indexOf(step as AgendaStep);
  const fromTemplate = template.map((t) => ({
    step: t.step,
    title: t.title,
    description: '',
    carriedFrom: null as string | null,
  }));
  const fromHomework = carried.map((c) => ({
    step: c.step,
    title: c.title,
    description: c.homework,
    carriedFrom: c.fromItemId as string | null,
  }));
  // Stable: the template's own order within a step, then the homework of that step.
  return [...fromTemplate, ...fromHomework]
    .map((item, i) => ({ item, i }))
    .sort((a, b) => order(a.item.step) - order(b.item.step) || a.i - b.i)
    .map((x) => x.item);
}

/** Meetings numbered 第1回, 第2回 … within their council's 年度, in date order (cancelled ones not counted). */
export function numberMeetings<M extends { id: string; councilId: string; heldOn: IsoDate; status: string }>(
  meetings: readonly M[],
): Map<string, number> {
  const sorted = [...meetings].sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  const counters = new Map<string, number>();
  const out = new Map<string, number>();
  for (const m of sorted) {
    if (m.status === 'cancelled') continue;
    const key = `${m.councilId}:${fiscalYearOf(m.heldOn)}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    out.set(m.id, n);
  }
  return out;
}

/** The twelve months of a 年度 as 'YYYY-MM', April first. */
export function fiscalMonths(fy: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((3 + i) % 12) + 1;
    const y = m >= 4 ? fy : fy + 1;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}

export interface YearTableCouncil {
  id: string;
  name: string;
  layer: number;
}

export interface YearTableMeeting {
  id: string;
  councilId: string;
  heldOn: IsoDate;
  status: string;
  theme: string;
}

/**
 * C町's 「協議体の開催例」 table: one row per month of the 年度 (4月 … 3月), one column per council —
 * 第1層 first, then 第2層 and 第3層 side by side, each 層 in the order given — and in each cell the meetings of that month
 * with their number (第n回) and theme. Cancelled meetings are shown, marked, without a number.
 */
export function yearTable(
  fy: number,
  councils: readonly YearTableCouncil[],
  meetings: readonly YearTableMeeting[],
) {
  const { start, end } = fiscalYearRange(fy);
  // By 層; within a 層 in the order given (the caller's area order: 中央, 北部, 南部 as the town lists them).
  const columns = [...councils].sort((a, b) => a.layer - b.layer);
  const inYear = meetings.filter((m) => m.heldOn >= start && m.heldOn <= end);
  const numbers = numberMeetings(inYear);
  const months = fiscalMonths(fy);
  return {
    fiscalYear: fy,
    columns,
    rows: months.map((month) => ({
      month,
      cells: columns.map((c) =>
        inYear
          .filter((m) => m.councilId === c.id && m.heldOn.startsWith(month))
          .sort((a, b) => a.heldOn.localeCompare(b.heldOn))
          .map((m) => ({
            meetingId: m.id,
            heldOn: m.heldOn,
            number: numbers.get(m.id) ?? null,
            theme: m.theme,
            cancelled: m.status === 'cancelled',
          })),
      ),
    })),
  };
}

/** Project (PJ) states, as towns report them at a 成果報告会. */
export const PROJECT_STATUSES = [
  { code: 'planning', label: '準備中' },
  { code: 'trial', label: '試行中' },
  { code: 'running', label: '実施中' },
  { code: 'done', label: '完了' },
  { code: 'paused', label: '休止' },
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]['code'];
export const PROJECT_STATUS_CODES = PROJECT_STATUSES.map((s) => s.code) as [
  ProjectStatus,
  ...ProjectStatus[],
];
export const projectStatusLabel = (code: string) =>
  PROJECT_STATUSES.find((s) => s.code === code)?.label ?? code;

export const MEETING_STATUSES = [
  { code: 'planned', label: '予定' },
  { code: 'held', label: '開催済み' },
  { code: 'cancelled', label: '中止' },
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number]['code'];
export const MEETING_STATUS_CODES = MEETING_STATUSES.map((s) => s.code) as [
  MeetingStatus,
  ...MeetingStatus[],
];
export const meetingStatusLabel = (code: string) =>
  MEETING_STATUSES.find((s) => s.code === code)?.label ?? code;

export const TASK_STATUSES = [
  { code: 'open', label: '未完了' },
  { code: 'done', label: '完了' },
  { code: 'dropped', label: '取りやめ' },
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number]['code'];
export const TASK_STATUS_CODES = TASK_STATUSES.map((s) => s.code) as [TaskStatus, ...TaskStatus[]];
export const taskStatusLabel = (code: string) => TASK_STATUSES.find((s) => s.code === code)?.label ?? code;

/** A due date an SC can live with when none is given: two weeks after the meeting. */
export function defaultDueDate(meetingDay: IsoDate): IsoDate {
  return addDays(meetingDay, 14);
}

/** How a task's due date reads against today: 期限切れ, 今日まで, or nothing. */
export function dueState(
  due: IsoDate,
  today: IsoDate,
  status: string,
): 'overdue' | 'today' | 'later' | 'closed' {
  if (status !== 'open') return 'closed';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return 'later';
}
