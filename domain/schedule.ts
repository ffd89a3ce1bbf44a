// When a resource happens (毎月第4水曜日 10時〜12時, 月火水木金 8:30〜17:15, 祝日・年末年始は休み …).
// Towns write schedules as free Japanese text; a ScheduleRule keeps what could be read from it as an RFC 5545
// rule plus the Japanese extras RFC 5545 has no words for (holidays, 年末年始, seasons), and keeps every word
// it could not read in `note`, so nothing a coordinator typed is ever lost.

import type { IsoDate } from './dates';
import { isIsoDate, parseJapaneseDate } from './dates';
import { describeSchedule } from './schedule-describe';
import { parseScheduleDetailed } from './schedule-parse';
import {
  type ByDay,
  type Freq,
  formatByDay,
  formatRrule,
  isWeekday,
  normalizeTime,
  parseByDay,
  parseRrule,
  type RruleShape,
  sortOrdinals,
  sortWeekdays,
  WEEK_ORDER,
  weekdaysOfShape,
} from './schedule-rrule';

export { describeSchedule } from './schedule-describe';
export { nextOccurrences } from './schedule-occurrences';
export { parseJapaneseSchedule, parseOpenDataSchedule } from './schedule-parse';

/** 0 = 日曜 … 6 = 土曜 (JS getDay). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A recurring schedule read from Japanese text, built in the UI, or imported from HSDS. */
export interface ScheduleRule {
  /** RFC 5545 recurrence without DTSTART, e.g. 'FREQ=MONTHLY;BYDAY=4WE', 'FREQ=WEEKLY;BYDAY=MO,TU', 'FREQ=MONTHLY;BYMONTHDAY=10', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'; null when the dates cannot be determined. */
  rrule: string | null;
  /** First occurrence for rules that need a phase (隔週); ISO date or null. */
  dtstart: IsoDate | null;
  /** 'HH:MM' 24h, or null. */
  opensAt: string | null;
  closesAt: string | null;
  /** Weekdays it happens on, even when the exact dates are unknown (月2回金曜日 → [5]); used for a weekday filter. Empty = unknown. */
  weekdays: Weekday[];
  /** How many times a month / week when the text says so but not which (月2回, 週4日); null otherwise. */
  timesPerMonth: number | null;
  timesPerWeek: number | null;
  /** Months it runs, 1–12 (毎週土曜日（6～10月） → [6,7,8,9,10]); null = all year. */
  months: number[] | null;
  /** Closed on national holidays (祝日休み, 国民の祝日…は利用不可). */
  closedOnHolidays: boolean;
  /** Yearly closures like 年末年始 (12/29–1/3) as month-day ranges 'MM-DD'. */
  closures: { from: string; to: string; label: string }[];
  /** What was not understood, or remarks (雨天中止, 日曜日は17:00まで), kept verbatim. Never drop text. */
  note: string | null;
  /** True when a person should check: something was not understood, or the dates are not fully determined (月2回, 週4日, 隔週 without a start date, 冬期休止 without months). */
  needsReview: boolean;
  /** The text as written. */
  source: string;
}

/** The parts the schedule builder in the UI collects. */
export interface ScheduleParts {
  freq: 'weekly' | 'monthly-weekday' | 'monthly-day' | 'daily' | 'biweekly';
  weekdays?: Weekday[];
  /** 1..5, -1 = 最終. */
  ordinals?: number[];
  /** 1..31, -1 = 末日. */
  monthDays?: number[];
  dtstart?: IsoDate | null;
  opensAt?: string | null;
  closesAt?: string | null;
  months?: number[] | null;
  closedOnHolidays?: boolean;
  note?: string | null;
}

/** The schedule fields of an HSDS 3.0 schedule record. */
export interface HsdsSchedule {
  freq: string | null;
  interval: number | null;
  byday: string | null;
  bymonthday: string | null;
  dtstart: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string;
  notes: string | null;
}

/** HSDS schedule fields as they arrive from an import; every field may be missing. */
export type HsdsScheduleInput = { [K in keyof HsdsSchedule]?: HsdsSchedule[K] | null };

function fail(message: string): never {
  // The builder UI shows this message as is, so it is written for the coordinator.
  throw new RangeError(message);
}

/** Months normalised for a rule: sorted, unique, null when empty input means "all year" or all 12 are chosen. */
function normalizeMonths(months: number[] | null | undefined): number[] | null {
  if (months === null || months === undefined) return null;
  const list = [...new Set(months)].sort((a, b) => a - b);
  if (list.some((m) => !Number.isInteger(m) || m < 1 || m > 12)) fail('月は1〜12で指定してください');
  if (list.length === 0) fail('開催する月を1つ以上選んでください');
  return list.length === 12 ? null : list;
}

/** A rule built in the UI from parts (the schedule builder) — validates and fills weekdays etc. Throws RangeError with a Japanese message for impossible input. */
export function buildRule(parts: ScheduleParts): ScheduleRule {
  const weekdays = sortWeekdays(parts.weekdays ?? []);
  if ((parts.weekdays ?? []).some((d) => !isWeekday(d))) fail('曜日の指定が正しくありません');
  const dtstart = parts.dtstart ?? null;
  if (dtstart !== null && !isIsoDate(dtstart)) fail(`開始日が日付として読めません（${dtstart}）`);
  const opensAt = parts.opensAt ? normalizeTime(parts.opensAt) : null;
  const closesAt = parts.closesAt ? normalizeTime(parts.closesAt) : null;
  if (parts.opensAt && opensAt === null) fail(`開始時刻が読めません（${parts.opensAt}）`);
  if (parts.closesAt && closesAt === null) fail(`終了時刻が読めません（${parts.closesAt}）`);
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt) {
    fail('終了時刻は開始時刻より後にしてください');
  }

  let shape: RruleShape;
  switch (parts.freq) {
    case 'daily':
      shape = { freq: 'DAILY', interval: 1, byday: [], bymonthday: [] };
      break;
    case 'weekly':
    case 'biweekly': {
      if (weekdays.length === 0) fail('曜日を1つ以上選んでください');
      const interval = parts.freq === 'biweekly' ? 2 : 1;
      shape =
        interval === 1 && weekdays.length === 7
          ? { freq: 'DAILY', interval: 1, byday: [], bymonthday: [] }
          : { freq: 'WEEKLY', interval, byday: weekdays.map((wd) => ({ n: null, wd })), bymonthday: [] };
      break;
    }
    case 'monthly-weekday': {
      const ordinals = sortOrdinals(parts.ordinals ?? []);
      if (weekdays.length === 0) fail('曜日を1つ以上選んでください');
      if (ordinals.length === 0) fail('第何週かを1つ以上選んでください');
      if (ordinals.some((n) => !Number.isInteger(n) || !((n >= 1 && n <= 5) || n === -1))) {
        fail('第何週かは第1〜第5または最終で指定してください');
      }
      const byday: ByDay[] = ordinals.flatMap((n) => weekdays.map((wd) => ({ n, wd })));
      shape = { freq: 'MONTHLY', interval: 1, byday, bymonthday: [] };
      break;
    }
    case 'monthly-day': {
      const days = sortOrdinals(parts.monthDays ?? []);
      if (days.length === 0) fail('日付を1つ以上選んでください');
      if (days.some((d) => !Number.isInteger(d) || !((d >= 1 && d <= 31) || d === -1))) {
        fail('日付は1〜31日または末日で指定してください');
      }
      shape = { freq: 'MONTHLY', interval: 1, byday: [], bymonthday: days };
      break;
    }
    default:
      fail('繰り返しの種類が正しくありません');
  }

  const rule: ScheduleRule = {
    rrule: formatRrule(shape),
    dtstart,
    opensAt,
    closesAt,
    weekdays: weekdaysOfShape(shape),
    timesPerMonth: null,
    timesPerWeek: null,
    months: normalizeMonths(parts.months),
    closedOnHolidays: parts.closedOnHolidays ?? false,
    closures: [],
    note: parts.note?.trim() ? parts.note.trim() : null,
    // Without a first date nobody can tell which weeks a 隔週 group meets.
    needsReview: shape.interval > 1 && dtstart === null,
    source: '',
  };
  rule.source = describeSchedule(rule);
  return rule;
}

/** HSDS 3.0 schedule fields (freq 'WEEKLY'|'MONTHLY', interval, byday 'MO,TU' or '4WE', bymonthday '10', dtstart, opens_at 'HH:MM', closes_at, description (describeSchedule), notes (note), valid months are not an HSDS field: put them into description). */
export function toHsdsSchedule(rule: ScheduleRule): HsdsSchedule {
  // A rule outside the supported subset exports only its description; HSDS consumers still get the words.
  const shape = hsdsShape(rule.rrule ? parseRrule(rule.rrule) : null);
  return {
    freq: shape?.freq ?? null,
    interval: shape ? shape.interval : null,
    byday: shape && shape.byday.length > 0 ? shape.byday.map(formatByDay).join(',') : null,
    bymonthday: shape && shape.bymonthday.length > 0 ? shape.bymonthday.join(',') : null,
    dtstart: rule.dtstart,
    opens_at: rule.opensAt,
    closes_at: rule.closesAt,
    description: describeSchedule(rule),
    notes: rule.note,
  };
}

/**
 * HSDS 3.0 knows only WEEKLY and MONTHLY. 毎日 is every weekday of every week; every N days has no
 * HSDS form and leaves the structured fields empty (the description still says it).
 */
function hsdsShape(shape: RruleShape | null): RruleShape | null {
  if (shape?.freq !== 'DAILY') return shape;
  if (shape.interval !== 1 || shape.bymonthday.length > 0) return null;
  const byday: ByDay[] = shape.byday.length > 0 ? shape.byday : WEEK_ORDER.map((wd) => ({ n: null, wd }));
  return { ...shape, freq: 'WEEKLY', byday };
}

function hsdsDate(text: string | null | undefined): IsoDate | null | undefined {
  if (text === null || text === undefined || text.trim() === '') return null;
  const head = text.trim().slice(0, 10);
  if (isIsoDate(head)) return head;
  // undefined marks a value that was present but unreadable, which needs a person.
  return parseJapaneseDate(text) ?? undefined;
}

function shapeFromHsds(s: HsdsScheduleInput): RruleShape | null | undefined {
  const freqText = s.freq?.trim().toUpperCase() ?? '';
  if (freqText === '') return null;
  if (!['DAILY', 'WEEKLY', 'MONTHLY'].includes(freqText)) return undefined;
  const freq = freqText as Freq;
  const interval = s.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1) return undefined;
  const byday: ByDay[] = [];
  for (const token of (s.byday ?? '').split(',').filter((t) => t.trim() !== '')) {
    const d = parseByDay(token);
    if (!d) return undefined;
    byday.push(d);
  }
  const bymonthday = (s.bymonthday ?? '')
    .split(',')
    .filter((t) => t.trim() !== '')
    .map((t) => Number(t.trim()));
  // Reuse the rule-string validation so that both import paths accept exactly the same rules.
  const text = formatRrule({
    freq,
    interval,
    byday,
    bymonthday: bymonthday.map((n) => (Number.isNaN(n) ? 0 : n)),
  });
  const shape = parseRrule(text);
  if (!shape) return undefined;
  // Every day of every week is how HSDS says 毎日 (see hsdsShape); read it back as the daily rule.
  const everyDay =
    shape.freq === 'WEEKLY' &&
    shape.interval === 1 &&
    shape.byday.length === 7 &&
    shape.byday.every((d) => d.n === null) &&
    new Set(shape.byday.map((d) => d.wd)).size === 7;
  return everyDay ? (parseRrule('FREQ=DAILY') ?? shape) : shape;
}

/** Round-trip for import/export: the inverse of toHsdsSchedule as far as possible. */
export function fromHsdsSchedule(s: HsdsScheduleInput): ScheduleRule {
  const description = s.description?.trim() ?? '';
  // The description carries what HSDS has no field for (months, holidays, closures, 月2回); the structured
  // fields win wherever both say something.
  const parsed = parseScheduleDetailed(description);
  const base = parsed.rule;
  const shape = shapeFromHsds(s);
  const dtstart = hsdsDate(s.dtstart);
  const opensAt = s.opens_at ? normalizeTime(s.opens_at) : null;
  const closesAt = s.closes_at ? normalizeTime(s.closes_at) : null;

  const notes = s.notes?.trim() ? s.notes.trim() : null;
  const noteParts: string[] = [];
  if (notes !== null) noteParts.push(notes);
  if (base.note !== null && !(notes ?? '').includes(base.note)) noteParts.push(base.note);
  const unreadable: string[] = [];
  if (shape === undefined) {
    unreadable.push(
      `freq=${s.freq ?? ''} interval=${s.interval ?? ''} byday=${s.byday ?? ''} bymonthday=${s.bymonthday ?? ''}`,
    );
  }
  if (dtstart === undefined) unreadable.push(`dtstart=${s.dtstart ?? ''}`);
  if (s.opens_at && opensAt === null) unreadable.push(`opens_at=${s.opens_at}`);
  if (s.closes_at && closesAt === null) unreadable.push(`closes_at=${s.closes_at}`);
  if (unreadable.length > 0) noteParts.push(`読み取れない項目: ${unreadable.join(' ')}`);

  const rrule = shape ? formatRrule(shape) : shape === null ? base.rrule : null;
  const weekdays = shape ? weekdaysOfShape(shape) : base.weekdays;
  const start = dtstart ?? base.dtstart;
  const interval = rrule ? (parseRrule(rrule)?.interval ?? 1) : 1;
  // With structured fields present, the description only matters where it holds words nobody read.
  const descriptionUnread = parsed.unknown && base.note !== null && !(notes ?? '').includes(base.note);
  return {
    rrule,
    dtstart: start,
    opensAt: opensAt ?? (s.opens_at ? null : base.opensAt),
    closesAt: closesAt ?? (s.closes_at ? null : base.closesAt),
    weekdays: weekdays.length > 0 ? weekdays : base.weekdays,
    timesPerMonth: shape ? null : base.timesPerMonth,
    timesPerWeek: shape ? null : base.timesPerWeek,
    months: base.months,
    closedOnHolidays: base.closedOnHolidays,
    closures: base.closures,
    note: noteParts.length > 0 ? noteParts.join(' ') : null,
    needsReview:
      unreadable.length > 0 ||
      (shape ? descriptionUnread : parsed.unknown || parsed.undetermined) ||
      (rrule === null && notes !== null) ||
      (interval > 1 && start === null),
    source: description,
  };
}
