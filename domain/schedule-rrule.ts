// The small part of RFC 5545 that Sasaeai writes and reads itself (FREQ, INTERVAL, BYDAY, BYMONTHDAY).
// Parsing it by hand keeps describeSchedule and the HSDS mapping free of the rrule library's Date handling;
// nextOccurrences still hands the full string to the library so that foreign rules keep their meaning.

import type { Weekday } from './schedule';

/** RRULE day codes indexed by Weekday (0 = SU, as JS getDay). */
export const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** One-character day names indexed by Weekday. */
export const KANJI_DAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** Every day of the week, in Weekday order. */
export const ALL_WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];

/** Monday-first order, the way Japanese timetables and 高松市's availableDate list the days. */
export const WEEK_ORDER: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** The days as a list, Monday first: [5, 1, 3] → 月・水・金 (no 曜日; empty for none). */
export function weekdayList(days: readonly number[]): string {
  return WEEK_ORDER.filter((d) => days.includes(d))
    .map((d) => KANJI_DAYS[d])
    .join('・');
}

/** The frequencies Sasaeai produces (HSDS allows the same three). */
export type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY';

/** A BYDAY entry: n is the ordinal within the month (1..5, -1 = last) or null for every such day. */
export interface ByDay {
  n: number | null;
  wd: Weekday;
}

/** The recurrence a rule string describes, in the subset Sasaeai understands. */
export interface RruleShape {
  freq: Freq;
  interval: number;
  byday: ByDay[];
  bymonthday: number[];
}

/** True for 0..6. */
export function isWeekday(n: unknown): n is Weekday {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 6;
}

/** Unique weekdays in ascending Weekday order. */
export function sortWeekdays(days: Iterable<number>): Weekday[] {
  return [...new Set(days)].filter(isWeekday).sort((a, b) => a - b);
}

/** Unique numbers, ascending, with negative ones (-1 = last) after the positive ones. */
export function sortOrdinals(ns: Iterable<number>): number[] {
  const key = (n: number) => (n < 0 ? 100 - n : n);
  return [...new Set(ns)].sort((a, b) => key(a) - key(b));
}

/** 'MO' → 1, '2WE' → { n: 2, wd: 3 }; null when the token is not a BYDAY value. */
export function parseByDay(token: string): ByDay | null {
  const m = /^([+-]?\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/u.exec(token.trim().toUpperCase());
  if (!m) return null;
  const n = m[1] === undefined ? null : Number(m[1]);
  if (n !== null && (n === 0 || Math.abs(n) > 5)) return null;
  return { n, wd: RRULE_DAYS.indexOf(m[2] as (typeof RRULE_DAYS)[number]) as Weekday };
}

/** '4WE', '-1FR', 'MO'. */
export function formatByDay(d: ByDay): string {
  return `${d.n ?? ''}${RRULE_DAYS[d.wd]}`;
}

/** BYDAY values in a stable order: by ordinal (last after numbered), then Monday-first weekday. */
export function sortByDay(list: ByDay[]): ByDay[] {
  const seen = new Map<string, ByDay>();
  for (const d of list) seen.set(formatByDay(d), d);
  const ord = (n: number | null) => (n === null ? 0 : n < 0 ? 100 - n : n);
  return [...seen.values()].sort(
    (a, b) => ord(a.n) - ord(b.n) || WEEK_ORDER.indexOf(a.wd) - WEEK_ORDER.indexOf(b.wd),
  );
}

/** Reads 'FREQ=…;…' (an 'RRULE:' prefix is allowed); null for anything outside the supported subset. */
export function parseRrule(text: string): RruleShape | null {
  const body = text.trim().replace(/^RRULE:/iu, '');
  if (body === '') return null;
  const fields = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 1) return null;
    fields.set(part.slice(0, eq).trim().toUpperCase(), part.slice(eq + 1).trim());
  }
  const freq = fields.get('FREQ')?.toUpperCase();
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY') return null;
  for (const key of fields.keys()) {
    // WKST changes nothing for the rules we write; any other part would change the dates.
    if (!['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'WKST'].includes(key)) return null;
  }
  const intervalText = fields.get('INTERVAL') ?? '1';
  if (!/^\d{1,3}$/u.test(intervalText) || Number(intervalText) < 1) return null;
  const byday: ByDay[] = [];
  for (const token of (fields.get('BYDAY') ?? '').split(',').filter((t) => t.trim() !== '')) {
    const d = parseByDay(token);
    if (!d || (d.n !== null && freq !== 'MONTHLY')) return null;
    byday.push(d);
  }
  const bymonthday: number[] = [];
  for (const token of (fields.get('BYMONTHDAY') ?? '').split(',').filter((t) => t.trim() !== '')) {
    if (!/^[+-]?\d{1,2}$/u.test(token.trim())) return null;
    const n = Number(token);
    if (n === 0 || Math.abs(n) > 31 || freq !== 'MONTHLY') return null;
    bymonthday.push(n);
  }
  if (byday.length > 0 && bymonthday.length > 0) return null;
  return {
    freq,
    interval: Number(intervalText),
    byday: sortByDay(byday),
    bymonthday: sortOrdinals(bymonthday),
  };
}

/** The canonical rule string, e.g. 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'. */
export function formatRrule(shape: RruleShape): string {
  const parts = [`FREQ=${shape.freq}`];
  if (shape.interval > 1) parts.push(`INTERVAL=${shape.interval}`);
  if (shape.byday.length > 0) parts.push(`BYDAY=${sortByDay(shape.byday).map(formatByDay).join(',')}`);
  if (shape.bymonthday.length > 0) parts.push(`BYMONTHDAY=${sortOrdinals(shape.bymonthday).join(',')}`);
  return parts.join(';');
}

/** The weekdays a rule falls on: all seven for DAILY, those in BYDAY otherwise, [] for BYMONTHDAY. */
export function weekdaysOfShape(shape: RruleShape): Weekday[] {
  if (shape.freq === 'DAILY' && shape.byday.length === 0) return [...ALL_WEEKDAYS];
  return sortWeekdays(shape.byday.map((d) => d.wd));
}

/** 'H:MM', 'HH:MM' or 'HH:MM:SS…' → 'HH:MM'; null when it is not a time of day (24:00 is allowed as a closing time). */
export function normalizeTime(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/u.exec(text.trim());
  if (!m) return null;
  return timeOf(Number(m[1]), Number(m[2]));
}

/** Hours and minutes → 'HH:MM', or null when out of range. */
export function timeOf(h: number, min: number): string | null {
  if (!Number.isInteger(h) || !Number.isInteger(min) || h < 0 || min < 0 || min > 59) return null;
  if (h > 24 || (h === 24 && min !== 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** Month-day 'MM-DD' when it names a day that exists in some year (02-29 included). */
export function monthDayOf(m: number, d: number): string | null {
  const last = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (!Number.isInteger(m) || !Number.isInteger(d) || last === undefined || d < 1 || d > last) return null;
  return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
