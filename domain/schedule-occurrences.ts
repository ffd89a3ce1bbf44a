// Concrete dates for "次はいつ？". Dates are handled as UTC midnights standing for Japanese calendar days,
// so the result never depends on the server's time zone.

import * as holidayJp from '@holiday-jp/holiday_jp';
import * as rrule from 'rrule';
import type { IsoDate } from './dates';
import { isIsoDate } from './dates';
import type { ScheduleRule } from './schedule';

// rrule 2.8 ships CommonJS (Node: named exports only via `default`) and ESM (Vite: no default).
// Reading through a namespace import works under both.
const { RRule } = ((rrule as { default?: typeof rrule }).default ?? rrule) as typeof rrule;
const hj = ((holidayJp as { default?: typeof holidayJp }).default ?? holidayJp) as typeof holidayJp;

const SEARCH_YEARS = 3;

const HOLIDAYS = hj.holidays as Record<string, { name: string } | undefined>;

/** National holidays (振替休日 and 国民の休日 included) as 'YYYY-MM-DD'; the table ends in 2050. */
export function isHoliday(date: IsoDate): boolean {
  return HOLIDAYS[date] !== undefined;
}

/** The holiday's name (元日, 振替休日 …), or null. */
export function holidayName(date: IsoDate): string | null {
  return HOLIDAYS[date]?.name ?? null;
}

function utc(date: IsoDate): Date {
  const d = new Date(0);
  d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return d;
}

function iso(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

function inClosure(date: IsoDate, closures: ScheduleRule['closures']): boolean {
  const md = date.slice(5);
  return closures.some((c) => (c.from <= c.to ? md >= c.from && md <= c.to : md >= c.from || md <= c.to));
}

/*
 * Expanding a rule costs ~0.4 ms (rrule), and a page of 20 cards or a booklet of 500 entries asks
 * again and again for the same few patterns (毎月第2水曜日, 毎週木曜日 …) from the same day. The
 * answer depends only on the rule and the day, so it is remembered; the day in the key retires
 * old answers, and the map is bounded.
 */
const memo = new Map<string, IsoDate[]>();
const MEMO_MAX = 5000;

/** The next `count` dates from `from` (inclusive), in Japan, skipping months outside `months`, holidays when closedOnHolidays, and closures. Empty when rrule is null. Never loops forever (cap the search at ~3 years). */
export function nextOccurrences(rule: ScheduleRule, from: IsoDate, count: number): IsoDate[] {
  const key = JSON.stringify([
    from,
    count,
    rule.rrule,
    rule.dtstart,
    rule.months,
    rule.closedOnHolidays,
    rule.closures,
  ]);
  const known = memo.get(key);
  if (known) return [...known];
  const out = expand(rule, from, count);
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value!);
  memo.set(key, out);
  return [...out];
}

function expand(rule: ScheduleRule, from: IsoDate, count: number): IsoDate[] {
  if (rule.rrule === null || count <= 0 || !isIsoDate(from)) return [];
  if (rule.dtstart !== null && !isIsoDate(rule.dtstart)) return [];
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rule.rrule.replace(/^RRULE:/iu, ''));
  } catch {
    return [];
  }
  // Without a first date the phase of 隔週 (or 隔月) is unknown; guessing would send people on the wrong day.
  if ((options.interval ?? 1) > 1 && rule.dtstart === null) return [];
  const start = rule.dtstart !== null && rule.dtstart > from ? rule.dtstart : from;
  const end = utc(from);
  end.setUTCFullYear(end.getUTCFullYear() + SEARCH_YEARS);
  const months = rule.months && rule.months.length > 0 ? new Set(rule.months) : null;
  const out: IsoDate[] = [];
  try {
    const recurrence = new RRule({ ...options, dtstart: utc(rule.dtstart ?? from), tzid: null });
    recurrence.between(utc(start), end, true, (d) => {
      const date = iso(d);
      const open =
        (months === null || months.has(Number(date.slice(5, 7)))) &&
        !(rule.closedOnHolidays && isHoliday(date)) &&
        !inClosure(date, rule.closures);
      if (open) out.push(date);
      return out.length < count;
    });
  } catch {
    return [];
  }
  return out;
}
