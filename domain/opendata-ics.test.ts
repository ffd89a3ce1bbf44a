import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { calendarPlan, calendarSkip, feedRrule, isJapaneseHoliday, rruleDates } from './opendata-ics';
import { buildRule, nextOccurrences, parseJapaneseSchedule, type ScheduleRule } from './schedule';

const FROM = '2026-11-24';

/** What a calendar app shows: RRULE from DTSTART, minus EXDATE, within the horizon. */
type RuleOrText = string | ScheduleRule;
const ruleOf = (r: RuleOrText) => (typeof r === 'string' ? parseJapaneseSchedule(r) : r);

/** 年末年始 as staff set it in the schedule builder (the text parser asks for a review of that phrase). */
const NEW_YEAR = [{ from: '12-29', to: '01-03', label: '年末年始' }];
const weekdaysClosed: ScheduleRule = {
  ...parseJapaneseSchedule('平日 8:30～17:15'),
  closedOnHolidays: true,
  closures: NEW_YEAR,
};
const monToSat: ScheduleRule = { ...parseJapaneseSchedule('月～土 8:30～17:00'), closures: NEW_YEAR };

function shown(text: RuleOrText, from = FROM, days = 365): string[] {
  const r = calendarPlan(ruleOf(text), from, days);
  if (!r.ok) throw new Error(`skipped: ${r.skip}`);
  const ex = new Set(r.plan.exdates);
  return rruleDates(r.plan.rrule, r.plan.start, addDays(from, days)).filter((d) => !ex.has(d));
}

function expected(text: RuleOrText, from = FROM, days = 365): string[] {
  const until = addDays(from, days);
  return nextOccurrences(ruleOf(text), from, 400).filter((d) => d <= until);
}

describe('calendarPlan', () => {
  it.each([
    '毎月第2水曜日 10時～12時',
    '毎週木曜日 10:00～10:30',
    '月・火・木・金 10時～15時（祝日は休み）',
    weekdaysClosed,
    monToSat,
    '毎週土曜日（6～10月）',
    '第1・第3木曜日 13時～15時',
    '毎月10日',
    '毎月末日 9時～12時',
    '毎日',
  ])('gives the same dates as nextOccurrences for a year: %s', (text: RuleOrText) => {
    const dates = shown(text);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual(expected(text));
  });

  it('keeps the phase of 隔週 from its first date, even when that date is long past', () => {
    const rule = buildRule({ freq: 'biweekly', weekdays: [3], dtstart: '2026-01-07', opensAt: '10:00' });
    const r = calendarPlan(rule, FROM);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(r.plan.start).toBe(nextOccurrences(rule, FROM, 1)[0]);
    const until = addDays(FROM, 120);
    expect(rruleDates(r.plan.rrule, r.plan.start, until)).toEqual(
      nextOccurrences(rule, FROM, 20).filter((d) => d <= until),
    );
  });

  it('starts at the rule’s own first date when that is still to come', () => {
    const rule = buildRule({ freq: 'weekly', weekdays: [4], dtstart: '2027-01-14' });
    const r = calendarPlan(rule, FROM);
    expect(r.ok && r.plan.start).toBe('2027-01-14');
  });

  it('writes months of operation as BYMONTH and DTSTART on a date inside them', () => {
    const rule = parseJapaneseSchedule('毎週土曜日（6～10月）');
    expect(feedRrule(rule)).toBe('FREQ=WEEKLY;BYDAY=SA;BYMONTH=6,7,8,9,10');
    const r = calendarPlan(rule, FROM);
    expect(r.ok && r.plan.start).toBe('2027-06-05');
    expect(r.ok && r.plan.opensAt).toBeNull();
  });

  it('excludes national holidays the group does not meet on, and only those', () => {
    // 2027-01-11 is 成人の日 (a Monday).
    expect(isJapaneseHoliday('2027-01-11')).toBe(true);
    const closed = calendarPlan(parseJapaneseSchedule('毎週月曜日 10時～12時（祝日は休み）'), FROM);
    const open = calendarPlan(parseJapaneseSchedule('毎週月曜日 10時～12時'), FROM);
    expect(closed.ok && closed.plan.exdates).toContain('2027-01-11');
    expect(open.ok && open.plan.exdates).toEqual([]);
  });

  it('excludes 年末年始 over the new year', () => {
    const r = calendarPlan(monToSat, FROM);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.exdates).toEqual(expect.arrayContaining(['2026-12-29', '2026-12-30', '2027-01-02']));
    expect(r.plan.exdates.every((d) => d >= '2026-12-29' && d <= '2027-01-03')).toBe(true);
  });

  it('leaves out what cannot be put in a calendar', () => {
    expect(calendarPlan(parseJapaneseSchedule('天気のよい日の午後（不定期）'), FROM)).toEqual({
      ok: false,
      skip: 'no-rule',
    });
    const twice = calendarPlan(parseJapaneseSchedule('月2回 金曜日'), FROM);
    expect(twice.ok).toBe(false);
    const biweekly = calendarPlan(parseJapaneseSchedule('隔週水曜日'), FROM);
    expect(biweekly).toEqual({ ok: false, skip: 'needs-review' });
  });

  it('writes a closing time alone as a whole day', () => {
    const rule = { ...parseJapaneseSchedule('毎週火曜日'), closesAt: '08:00' };
    const r = calendarPlan(rule, FROM);
    expect(r.ok && [r.plan.opensAt, r.plan.closesAt]).toEqual([null, null]);
  });
});

describe('calendarSkip', () => {
  it('agrees with calendarPlan', () => {
    for (const text of [
      '毎月第2水曜日 10時～12時',
      '天気のよい日の午後（不定期）',
      '月2回 金曜日',
      '隔週水曜日',
      '毎日',
    ]) {
      const rule = parseJapaneseSchedule(text);
      const plan = calendarPlan(rule, FROM);
      expect(calendarSkip(rule, FROM), text).toBe(plan.ok ? null : plan.skip);
    }
  });
});
