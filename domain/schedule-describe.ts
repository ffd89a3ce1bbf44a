// Schedules in the words residents use on flyers and in 生活便利帳: 毎月第4水曜日 10時〜12時. The output is
// also the HSDS description, so every phrase here must read back through parseJapaneseSchedule to the same
// months, holidays and closures (the round-trip tests hold both sides to that).

import { formatWareki } from './dates';
import type { ScheduleRule, Weekday } from './schedule';
import { type ByDay, KANJI_DAYS, parseRrule, type RruleShape, WEEK_ORDER } from './schedule-rrule';

function clock(t: string): string {
  const h = Number(t.slice(0, 2));
  const m = Number(t.slice(3, 5));
  return m === 0 ? `${h}時` : `${h}時${m}分`;
}

function timesText(opensAt: string | null, closesAt: string | null): string {
  if (opensAt && closesAt) return `${clock(opensAt)}〜${clock(closesAt)}`;
  if (opensAt) return `${clock(opensAt)}から`;
  if (closesAt) return `${clock(closesAt)}まで`;
  return '';
}

/** 火・金曜日, 月曜日〜土曜日, 平日（月〜金）, 毎日; the weekly prefix is the caller's. */
function daysText(days: Weekday[]): { text: string; list: boolean } {
  const set = new Set(days);
  const ordered = WEEK_ORDER.filter((d) => set.has(d));
  if (ordered.length === 7) return { text: '毎日', list: false };
  if (ordered.length === 5 && !set.has(0) && !set.has(6)) return { text: '平日（月〜金）', list: false };
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  if (first === undefined || last === undefined) return { text: '', list: false };
  const contiguous = WEEK_ORDER.indexOf(last) - WEEK_ORDER.indexOf(first) === ordered.length - 1;
  if (ordered.length >= 3 && contiguous) {
    return { text: `${KANJI_DAYS[first]}曜日〜${KANJI_DAYS[last]}曜日`, list: false };
  }
  return { text: `${ordered.map((d) => KANJI_DAYS[d]).join('・')}曜日`, list: true };
}

function ordinalText(n: number): string | null {
  if (n === -1) return '最終';
  return n >= 1 && n <= 5 ? `第${n}` : null;
}

function monthlyByDayText(byday: ByDay[]): string | null {
  // Group by weekday so that 2WE,4WE reads 第2・第4水曜日; equal groups merge into 第1・第3火・金曜日.
  const groups = new Map<string, Weekday[]>();
  for (const wd of WEEK_ORDER) {
    const ns = byday.filter((b) => b.wd === wd).map((b) => b.n);
    if (ns.length === 0) continue;
    if (ns.some((n) => n === null)) return null;
    const words = (ns as number[]).map(ordinalText);
    if (words.some((w) => w === null)) return null;
    const key = words.join('・');
    groups.set(key, [...(groups.get(key) ?? []), wd]);
  }
  return [...groups]
    .map(([ords, wds]) => `${ords}${wds.map((d) => KANJI_DAYS[d]).join('・')}曜日`)
    .join('・');
}

function shapeText(shape: RruleShape): string | null {
  if (shape.freq === 'DAILY') {
    if (shape.byday.length > 0) return null;
    return shape.interval === 1 ? '毎日' : `${shape.interval}日ごと`;
  }
  if (shape.freq === 'WEEKLY') {
    const { text, list } = daysText(shape.byday.map((b) => b.wd));
    if (text === '') return null;
    if (shape.interval === 1) return list ? `毎週${text}` : text;
    const prefix = shape.interval === 2 ? '隔週' : `${shape.interval}週ごとの`;
    return list ? `${prefix}${text}` : `${prefix}${text.replace(/（.*）$/u, '')}`;
  }
  const prefix =
    shape.interval === 1 ? '毎月' : shape.interval === 2 ? '隔月' : `${shape.interval}か月ごとの`;
  if (shape.byday.length > 0) {
    const body = monthlyByDayText(shape.byday);
    return body === null ? null : `${prefix}${body}`;
  }
  if (shape.bymonthday.length > 0) {
    if (shape.bymonthday.some((d) => d < -1)) return null;
    return `${prefix}${shape.bymonthday.map((d) => (d === -1 ? '末日' : `${d}日`)).join('・')}`;
  }
  return null;
}

/** Months as contiguous runs in calendar order, wrapping over the new year (11月〜3月). */
function monthsText(months: number[]): string {
  const set = new Set(months);
  const starts = [...set].sort((a, b) => a - b).filter((m) => !set.has(m === 1 ? 12 : m - 1));
  return starts
    .map((start) => {
      let end = start;
      while (set.has((end % 12) + 1) && (end % 12) + 1 !== start) end = (end % 12) + 1;
      if (end === start) return `${start}月`;
      return end === (start % 12) + 1 ? `${start}月・${end}月` : `${start}月〜${end}月`;
    })
    .join('・');
}

function monthDayText(md: string): string {
  return `${Number(md.slice(0, 2))}月${Number(md.slice(3, 5))}日`;
}

function closedText(rule: ScheduleRule): string {
  const items: string[] = [];
  if (rule.closedOnHolidays) items.push('祝日');
  for (const c of rule.closures) {
    const span = c.from === c.to ? monthDayText(c.from) : `${monthDayText(c.from)}〜${monthDayText(c.to)}`;
    items.push(c.label ? `${c.label}（${span}）` : span);
  }
  if (items.length === 0) return '';
  return `${items.length === 2 ? items.join('と') : items.join('・')}は休み`;
}

/** Natural Japanese as residents say it: 「毎月第4水曜日 10時〜12時」「毎週土曜日 9時30分〜11時（6月〜10月）」「第1・第3木曜日」「毎月10日」「隔週水曜日」「月2回 金曜日（日程はお問い合わせください）」「祝日は休み」「年末年始（12月29日〜1月3日）は休み」. */
export function describeSchedule(rule: ScheduleRule): string {
  let days = '';
  let undetermined = false;
  const shape = rule.rrule ? parseRrule(rule.rrule) : null;
  if (shape) {
    days = shapeText(shape) ?? '';
    undetermined = days === '';
  } else {
    const count =
      rule.timesPerMonth !== null
        ? `月${rule.timesPerMonth}回`
        : rule.timesPerWeek !== null
          ? `週${rule.timesPerWeek}日`
          : '';
    days = [count, daysText(rule.weekdays).text].filter((t) => t !== '').join(' ');
    undetermined = days !== '' || rule.opensAt !== null || rule.closesAt !== null || rule.rrule !== null;
  }
  let head = [days, timesText(rule.opensAt, rule.closesAt)].filter((t) => t !== '').join(' ');
  // Brackets only when they qualify something; on its own 「4月〜11月」 reads better.
  const qualify = (text: string) => (head === '' ? text : `（${text}）`);
  if (rule.months && rule.months.length > 0 && rule.months.length < 12) {
    // A group that stops for one or two months says so (8月は休み) rather than listing the other ten.
    const off = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => !rule.months?.includes(m));
    head += qualify(off.length <= 2 ? `${monthsText(off)}は休み` : monthsText(rule.months));
  }
  if (rule.dtstart) head += qualify(`${formatWareki(rule.dtstart)}から`);
  if (undetermined) head += '（日程はお問い合わせください）';
  const parts = [head, closedText(rule)].filter((t) => t !== '');
  if (parts.length === 0) return rule.note ?? '日程はお問い合わせください';
  return parts.join('、');
}
