// What a calendar feed says about one schedule rule: an RFC 5545 recurrence (RRULE, DTSTART, EXDATE)
// that a calendar app expands to exactly the dates nextOccurrences gives for the same rule. The
// Japanese extras RFC 5545 has no words for become plain RFC 5545: months of operation → BYMONTH,
// 祝日は休み and 年末年始 → EXDATE for each affected date in the coming months.

import * as rrule from 'rrule';
import { addDays, type IsoDate, isIsoDate } from './dates';
import { nextOccurrences, type ScheduleRule } from './schedule';
import { isHoliday } from './schedule-occurrences';
import { formatRrule, parseRrule } from './schedule-rrule';

// rrule ships CommonJS; the namespace import works under Node and Vite alike.
const { RRule } = ((rrule as { default?: typeof rrule }).default ?? rrule) as typeof rrule;

/** How far ahead EXDATEs are written. Subscribed calendars fetch the feed again, which moves it on. */
export const EXDATE_HORIZON_DAYS = 365;

/** The longest search for a first date (as nextOccurrences: about three years). */
const SEARCH_DAYS = 3 * 366;

export interface CalendarPlan {
  /** RRULE value without DTSTART, e.g. 'FREQ=MONTHLY;BYDAY=2WE' or 'FREQ=WEEKLY;BYDAY=SA;BYMONTH=6,7,8'. */
  rrule: string;
  /** DTSTART date: the rule's first date on or after the day asked about (or its own start date). */
  start: IsoDate;
  /** 'HH:MM' in Japan; null = an all-day event. */
  opensAt: string | null;
  /** 'HH:MM' ('24:00' = midnight at the end of the day); null when only the start is known. */
  closesAt: string | null;
  /** Dates the RRULE gives but the group does not meet (holidays, closures), within the horizon. */
  exdates: IsoDate[];
}

/** Why a rule has no place in a feed. The pages still show its words. */
export type CalendarSkip = 'no-rule' | 'needs-review' | 'unsupported-rule' | 'no-dates';

/**
 * A rule as stored and sent (contracts say `number[]` for weekdays, the domain `Weekday[]`); only the
 * recurrence, times, months, holidays and closures matter here.
 */
export type FeedRule = Omit<ScheduleRule, 'weekdays'> & { weekdays: readonly number[] };

export type CalendarPlanResult = { ok: true; plan: CalendarPlan } | { ok: false; skip: CalendarSkip };

function utc(date: IsoDate): Date {
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return d;
}

const iso = (d: Date): IsoDate => d.toISOString().slice(0, 10);

/** National holidays, exactly as nextOccurrences reads them. */
export { isHoliday as isJapaneseHoliday };

// The same reading of 'MM-DD' ranges as nextOccurrences (a range may wrap over the new year).
function inClosure(date: IsoDate, closures: FeedRule['closures']): boolean {
  const md = date.slice(5);
  return closures.some((c) => (c.from <= c.to ? md >= c.from && md <= c.to : md >= c.from || md <= c.to));
}

/** The RRULE a feed writes for a rule: the stored one, with its months of operation as BYMONTH. */
export function feedRrule(rule: FeedRule): string | null {
  const shape = rule.rrule ? parseRrule(rule.rrule) : null;
  if (!shape) return null;
  const months = rule.months && rule.months.length > 0 && rule.months.length < 12 ? rule.months : null;
  return `${formatRrule(shape)}${months ? `;BYMONTH=${[...months].sort((a, b) => a - b).join(',')}` : ''}`;
}

function recurrence(rruleText: string, start: IsoDate) {
  return new RRule({ ...RRule.parseString(rruleText), dtstart: utc(start), tzid: null });
}

/**
 * Dates the feed's RRULE alone gives from `start` up to `until` (both inclusive), before EXDATE:
 * what a calendar app computes from RRULE + DTSTART.
 */
export function rruleDates(rruleText: string, start: IsoDate, until: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  recurrence(rruleText, start).between(utc(start), utc(until), true, (d) => {
    out.push(iso(d));
    return true;
  });
  return out;
}

/**
 * Why a rule cannot go into a calendar, or null when it can. Rules whose dates are not known (no
 * RRULE, 要確認, 隔週 without a first date, a rule outside the subset Sasaeai writes) are left out: a
 * wrong date in someone's calendar is worse than none. Cheap enough to count events for a page.
 */
export function calendarSkip(rule: FeedRule, from: IsoDate): CalendarSkip | null {
  if (!isIsoDate(from)) throw new RangeError(`Not an ISO calendar date: "${from}"`);
  if (rule.rrule === null) return 'no-rule';
  if (rule.needsReview) return 'needs-review';
  const text = feedRrule(rule);
  if (text === null) return 'unsupported-rule';
  if (rule.dtstart !== null && !isIsoDate(rule.dtstart)) return 'unsupported-rule';
  // Without a first date the phase of 隔週 is unknown (nextOccurrences gives nothing either).
  if ((parseRrule(text)?.interval ?? 1) > 1 && rule.dtstart === null) return 'needs-review';
  if (nextOccurrences(rule as ScheduleRule, from, 1).length === 0) return 'no-dates';
  return null;
}

/** The recurrence a calendar feed writes for one rule, seen from `from` (today in Japan). */
export function calendarPlan(
  rule: FeedRule,
  from: IsoDate,
  horizonDays = EXDATE_HORIZON_DAYS,
): CalendarPlanResult {
  const skip = calendarSkip(rule, from);
  if (skip !== null) return { ok: false, skip };
  const text = feedRrule(rule)!;

  // DTSTART must itself be a date of the rule, or RFC 5545 counts it as one extra occurrence. Starting
  // from the series' own first date keeps the phase of 隔週・隔月 rules.
  const anchor = rule.dtstart ?? from;
  const begin = anchor > from ? anchor : from;
  const after = recurrence(text, anchor).after(utc(begin), true);
  const first = after ? iso(after) : undefined;
  if (first === undefined || first > addDays(begin, SEARCH_DAYS)) return { ok: false, skip: 'no-dates' };

  const until = addDays(from, horizonDays);
  // Expanding a year of dates is the slow part; most rules have nothing to exclude.
  const exdates =
    rule.closedOnHolidays || rule.closures.length > 0
      ? rruleDates(text, first, until).filter(
          (d) => (rule.closedOnHolidays && isHoliday(d)) || inClosure(d, rule.closures),
        )
      : [];
  const opensAt = rule.opensAt;
  return {
    ok: true,
    plan: {
      rrule: text,
      start: first,
      // A closing time alone cannot place an event in the day: it is written as a whole day.
      opensAt,
      closesAt: opensAt === null ? null : rule.closesAt,
      exdates,
    },
  };
}
