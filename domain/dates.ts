// Calendar dates in Japan as 'YYYY-MM-DD' strings (standards §9). All arithmetic goes through UTC
// so that the result never depends on the machine's time zone.

import { KANJI_DAYS } from './schedule-rrule';

/** A calendar date 'YYYY-MM-DD' (a day in Japan, not an instant). */
export type IsoDate = string;

// Japan has had no daylight saving time since 1951, so Tokyo is always UTC+9.
const TOKYO_OFFSET_MS = 9 * 3_600_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function toIso(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parts(date: IsoDate): { y: number; m: number; d: number } {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date: "${date}"`);
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parts(date);
  const t = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  t.setUTCFullYear(y, m - 1, d + days);
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The Asia/Tokyo calendar date of an instant (default: now). */
export function todayInTokyo(now: Date = new Date()): IsoDate {
  const t = new Date(now.getTime() + TOKYO_OFFSET_MS);
  return toIso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** True when s is 'YYYY-MM-DD' and names a real day of the Gregorian calendar (no 2023-02-29). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** 会計年度 (April–March, 地方自治法第208条) that contains the date. */
export function fiscalYearOf(date: IsoDate): number {
  const { y, m } = parts(date);
  return m >= 4 ? y : y - 1;
}

/** First and last day of a fiscal year: 1 April of fy to 31 March of fy + 1. */
export function fiscalYearRange(fy: number): { start: IsoDate; end: IsoDate } {
  return { start: toIso(fy, 4, 1), end: toIso(fy + 1, 3, 31) };
}

/** A 和暦 era and the year within it. */
export type Era = {
  name: '明治' | '大正' | '昭和' | '平成' | '令和';
  letter: 'M' | 'T' | 'S' | 'H' | 'R';
  year: number;
};

type EraDef = { name: Era['name']; letter: Era['letter']; start: IsoDate };

// Newest first, so that the first era whose start is on or before a date is the one in force.
const ERAS: readonly EraDef[] = [
  { name: '令和', letter: 'R', start: '2019-05-01' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
  { name: '明治', letter: 'M', start: '1868-01-25' },
];

function eraStartYear(def: EraDef): number {
  return Number(def.start.slice(0, 4));
}

/** The era in force on a date; dates before 明治 began are reported as 明治元年 rather than failing. */
export function eraOf(date: IsoDate): Era {
  const { y } = parts(date);
  const def = ERAS.find((e) => e.start <= date) ?? ERAS[ERAS.length - 1]!;
  return { name: def.name, letter: def.letter, year: Math.max(1, y - eraStartYear(def) + 1) };
}

function yearText(year: number): string {
  return year === 1 ? '元' : String(year);
}

/** '令和6年度' ('令和元年度'), or short 'R6年度' ('R1年度', as offices write it). */
export function fiscalYearLabel(fy: number, style: 'long' | 'short' = 'long'): string {
  // A fiscal year takes the name of its calendar year as that year is known at its end, which is
  // why FY2019 (begun under 平成31年) is 令和元年度 and FY1988 is 昭和63年度.
  const era = eraOf(toIso(fy, 12, 31));
  return style === 'short' ? `${era.letter}${era.year}年度` : `${era.name}${yearText(era.year)}年度`;
}

/** A date in 和暦: long '令和6年7月1日' ('令和元年5月1日'), day:false '令和6年7月', short 'R6.7.1'. */
export function formatWareki(date: IsoDate, opts: { style?: 'long' | 'short'; day?: boolean } = {}): string {
  const { m, d } = parts(date);
  const era = eraOf(date);
  const withDay = opts.day ?? true;
  if (opts.style === 'short') return `${era.letter}${era.year}.${m}${withDay ? `.${d}` : ''}`;
  return `${era.name}${yearText(era.year)}年${m}月${withDay ? `${d}日` : ''}`;
}

function weekdayOf(date: IsoDate): string {
  return KANJI_DAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** '12月10日（水）': how a date is said on a card or a calendar. */
export function formatMonthDay(date: IsoDate): string {
  const { m, d } = parts(date);
  return `${m}月${d}日（${weekdayOf(date)}）`;
}

/** '令和8年12月10日（木）': a meeting's date on its papers. */
export function formatWarekiWithWeekday(date: IsoDate): string {
  return `${formatWareki(date)}（${weekdayOf(date)}）`;
}

/** 介護保険事業計画 period containing a fiscal year: term n covers FY 2000+3(n−1) to +2, label '第9期（令和6〜8年度）'. */
export function planPeriodOf(fy: number): { term: number; fromFy: number; toFy: number; label: string } {
  if (!Number.isInteger(fy) || fy < 2000) {
    throw new RangeError(`介護保険事業計画は2000年度からです（${fy}）`);
  }
  const term = Math.floor((fy - 2000) / 3) + 1;
  const fromFy = 2000 + 3 * (term - 1);
  const toFy = fromFy + 2;
  const from = eraOf(toIso(fromFy, 12, 31));
  const to = eraOf(toIso(toFy, 12, 31));
  const span =
    from.name === to.name
      ? `${from.name}${yearText(from.year)}〜${yearText(to.year)}年度`
      : `${fiscalYearLabel(fromFy)}〜${fiscalYearLabel(toFy)}`;
  return { term, fromFy, toFy, label: `第${term}期（${span}）` };
}

/**
 * Age on a date under 年齢計算ニ関スル法律: an age is reached at the end of the day before the birthday,
 * so the new age already counts on that day (born 1960-04-02 → 65 on 2025-04-01).
 */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parts(birthDate);
  if (on < birthDate) throw new RangeError(`ageOn: ${on} is before the birth date ${birthDate}`);
  // Counting the ordinary way on the following day gives the legal age; for a 29 February birth in a
  // common year the following day of 28 February is 1 March, so the age turns on 28 February as the law says.
  const next = parts(addDays(on, 1));
  const beforeBirthday = next.m < b.m || (next.m === b.m && next.d < b.d);
  return next.y - b.y - (beforeBirthday ? 1 : 0);
}

const ERA_BY_TOKEN: Record<string, EraDef> = Object.fromEntries(
  ERAS.flatMap((e) => [
    [e.name, e],
    [e.letter, e],
  ]),
);

/**
 * Reads the date forms found in municipal files and returns an ISO date, or null when it is not a real date.
 * Accepted: 2024-07-01, 2024/7/1, 2024.7.1, 2024年7月1日, 20240701, US-style M/D/YY and M/D/YYYY
 * (first part ≤ 12; two-digit years are 20YY), 令和6年7月1日, 令和元年5月1日, R6.7.1, R6年7月1日, H31.4.30,
 * with full-width digits, spaces, a trailing 現在 and a trailing time of day (Excel's '2024/7/1 0:00').
 * An era date before the era began (令和元年4月1日) is rejected; one past the era's end (平成32年4月1日,
 * still printed on old forms) is accepted as long as it converts to a real date.
 */
export function parseJapaneseDate(input: string): IsoDate | null {
  let s = input
    .normalize('NFKC')
    .trim()
    .replace(/(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/u, '')
    .replace(/\s+/gu, '')
    .replace(/現在$/u, '');
  if (s === '') return null;

  const ymd = (y: number, m: number, d: number) => (isRealDate(y, m, d) ? toIso(y, m, d) : null);

  let r = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/u.exec(s);
  if (r) return ymd(Number(r[1]), Number(r[2] ?? r[4]), Number(r[3] ?? r[5]));

  r = /^(\d{4})(\d{2})(\d{2})$/u.exec(s);
  if (r) return ymd(Number(r[1]), Number(r[2]), Number(r[3]));

  // US-style exports from spreadsheets (高松市's '7/1/24', '11/1/2018').
  r = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/u.exec(s);
  if (r) {
    const m = Number(r[1]);
    if (m > 12) return null;
    const y = r[3]!.length === 2 ? 2000 + Number(r[3]) : Number(r[3]);
    return ymd(y, m, Number(r[2]));
  }

  s = s.replace(/^[mtshr]/u, (c) => c.toUpperCase());
  r = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})(?:年|[./-])(\d{1,2})(?:月|[./-])(\d{1,2})日?$/u.exec(
    s,
  );
  if (r) {
    const era = ERA_BY_TOKEN[r[1]!]!;
    const eraYear = r[2] === '元' ? 1 : Number(r[2]);
    if (eraYear < 1) return null;
    const iso = ymd(eraStartYear(era) + eraYear - 1, Number(r[3]), Number(r[4]));
    return iso !== null && iso >= era.start ? iso : null;
  }
  return null;
}
