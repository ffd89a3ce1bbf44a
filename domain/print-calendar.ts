// The monthly activity calendar (…月の活動カレンダー) as data: the days of a month with their
// weekday and national holiday, and for one schedule which days it is held and which days it
// would have been held but is closed (祝日・年末年始). The PDF builder only draws what this says.

import { addDays, formatWareki, type IsoDate, isIsoDate } from './dates';
import { nextOccurrences, type ScheduleRule } from './schedule';
import { holidayName } from './schedule-occurrences';
import { KANJI_DAYS } from './schedule-rrule';

export const WEEKDAY_NAMES = KANJI_DAYS;

export interface YearMonth {
  year: number;
  month: number;
}

/** 'YYYY-MM' → the month, or null when it is not one (2026-13, 26-1, '' …). */
export function parseYearMonth(s: string | undefined | null): YearMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s?.trim() ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 ? { year, month } : null;
}

export function formatYearMonth(ym: YearMonth): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
}

export function monthOf(date: IsoDate): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

export function addMonthsTo(ym: YearMonth, n: number): YearMonth {
  const i = ym.year * 12 + (ym.month - 1) + n;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

/** 令和8年12月 */
export function monthLabel(ym: YearMonth): string {
  return formatWareki(firstDay(ym), { day: false });
}

function firstDay(ym: YearMonth): IsoDate {
  return `${formatYearMonth(ym)}-01`;
}

export interface MonthDay {
  date: IsoDate;
  day: number;
  /** 0 = 日曜 … 6 = 土曜 */
  weekday: number;
  /** National holiday (振替休日 included), or null. */
  holiday: string | null;
}

export function monthDays(ym: YearMonth): MonthDay[] {
  const out: MonthDay[] = [];
  for (let d = firstDay(ym); d.startsWith(formatYearMonth(ym)) && isIsoDate(d); d = addDays(d, 1)) {
    out.push({
      date: d,
      day: Number(d.slice(8, 10)),
      weekday: new Date(`${d}T00:00:00Z`).getUTCDay(),
      holiday: holidayName(d),
    });
  }
  return out;
}

export type DayCell = { kind: 'open'; time: string | null } | { kind: 'closed'; reason: string };

export interface ActivityMonth {
  /** Days it is held, and days it would have been held but is closed, by date. */
  cells: Map<IsoDate, DayCell>;
  /** False when a schedule does not say which days (月2回, 随時, 隔週 without a first date). */
  determined: boolean;
}

/** '09:30' → '9:30' (how times are printed), null stays null. */
export function shortTime(t: string | null): string | null {
  return t ? t.replace(/^0(\d)/, '$1') : null;
}

/**
 * Which days of the month the schedules of one activity are held. A day that the rule gives but a
 * holiday or a closure (年末年始) takes away is marked closed with its reason, so the calendar can
 * say 休み instead of leaving a gap that looks like a mistake.
 */
export function activityMonth(rules: readonly ScheduleRule[], days: readonly MonthDay[]): ActivityMonth {
  const cells = new Map<IsoDate, DayCell>();
  const from = days[0]?.date;
  const to = days.at(-1)?.date;
  if (!from || !to || rules.length === 0) return { cells, determined: false };
  const inMonth = (d: IsoDate) => d >= from && d <= to;
  const byDate = new Map(days.map((d) => [d.date, d]));
  let determined = true;
  for (const rule of rules) {
    const everyDay = { ...rule, closedOnHolidays: false, closures: [] };
    // A rule that yields no date at all (no rrule, or 隔週 without a first date) says nothing about days.
    if (rule.rrule === null || nextOccurrences(everyDay, from, 1).length === 0) {
      determined = false;
      continue;
    }
    const open = nextOccurrences(rule, from, 32).filter(inMonth);
    const raw = nextOccurrences(everyDay, from, 32).filter(inMonth);
    for (const d of open) {
      const existing = cells.get(d);
      // Two schedules on one day (朝と午後): the earlier time is shown.
      if (existing?.kind === 'open' && existing.time && rule.opensAt && existing.time <= rule.opensAt)
        continue;
      cells.set(d, { kind: 'open', time: rule.opensAt });
    }
    const openSet = new Set(open);
    for (const d of raw) {
      if (openSet.has(d) || cells.get(d)?.kind === 'open') continue;
      const holiday = byDate.get(d)?.holiday;
      const closure = rule.closures.find((c) => inRange(d.slice(5), c.from, c.to));
      cells.set(d, {
        kind: 'closed',
        reason: holiday && rule.closedOnHolidays ? holiday : closure?.label || '休み',
      });
    }
  }
  return { cells, determined };
}

function inRange(md: string, from: string, to: string): boolean {
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}
