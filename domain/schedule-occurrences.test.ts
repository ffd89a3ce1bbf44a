import { describe, expect, it } from 'vitest';
import type { ScheduleRule } from './schedule';
import { buildRule, nextOccurrences, parseJapaneseSchedule } from './schedule';

describe('nextOccurrences', () => {
  it('毎月第4水曜日 from 2026-11-24', () => {
    const rule = parseJapaneseSchedule('毎月第4水曜日');
    expect(nextOccurrences(rule, '2026-11-24', 3)).toEqual(['2026-11-25', '2026-12-23', '2027-01-27']);
  });

  it('includes the start day itself', () => {
    const rule = parseJapaneseSchedule('毎月第4水曜日');
    expect(nextOccurrences(rule, '2026-11-25', 1)).toEqual(['2026-11-25']);
  });

  it('skips 成人の日 (2027-01-11) for a Monday group closed on holidays', () => {
    const open = parseJapaneseSchedule('毎週月曜日');
    const closed = parseJapaneseSchedule('毎週月曜日 祝日は休み');
    expect(nextOccurrences(open, '2027-01-04', 3)).toEqual(['2027-01-04', '2027-01-11', '2027-01-18']);
    expect(nextOccurrences(closed, '2027-01-04', 3)).toEqual(['2027-01-04', '2027-01-18', '2027-01-25']);
  });

  it('skips 振替休日 and 国民の休日 too', () => {
    const wednesday = buildRule({
      freq: 'biweekly',
      weekdays: [3],
      dtstart: '2026-04-08',
      closedOnHolidays: true,
    });
    // 2026-05-06 is the 振替休日 for 憲法記念日 (a Sunday).
    expect(nextOccurrences(wednesday, '2026-04-01', 4)).toEqual([
      '2026-04-08',
      '2026-04-22',
      '2026-05-20',
      '2026-06-03',
    ]);
    const daily = buildRule({ freq: 'daily', closedOnHolidays: true });
    // 2026-09-22 is a 国民の休日 between 敬老の日 and 秋分の日.
    expect(nextOccurrences(daily, '2026-09-20', 3)).toEqual(['2026-09-20', '2026-09-24', '2026-09-25']);
  });

  it('skips 年末年始 for a 高松市 facility open every day', () => {
    const rule = parseJapaneseSchedule(
      '月火水木金土日 09:00〜22:00 国民の祝日に関する法律に規定する休日及び年末年始（12月29日から翌年の1月3日まで）は利用不可。',
    );
    expect(nextOccurrences(rule, '2026-12-27', 4)).toEqual([
      '2026-12-27',
      '2026-12-28',
      '2027-01-04',
      '2027-01-05',
    ]);
  });

  it('keeps to the months it runs (毎週土曜日（6～10月）)', () => {
    const rule = parseJapaneseSchedule('毎週土曜日（6～10月）');
    expect(nextOccurrences(rule, '2026-10-20', 4)).toEqual([
      '2026-10-24',
      '2026-10-31',
      '2027-06-05',
      '2027-06-12',
    ]);
  });

  it('handles months over the new year (11月〜3月)', () => {
    const rule = buildRule({ freq: 'monthly-day', monthDays: [1], months: [11, 12, 1, 2, 3] });
    expect(nextOccurrences(rule, '2026-02-15', 3)).toEqual(['2026-03-01', '2026-11-01', '2026-12-01']);
  });

  it('毎月31日 and 末日 follow the length of the month', () => {
    expect(nextOccurrences(parseJapaneseSchedule('毎月31日'), '2027-01-01', 3)).toEqual([
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
    expect(nextOccurrences(parseJapaneseSchedule('毎月末日'), '2028-02-01', 2)).toEqual([
      '2028-02-29',
      '2028-03-31',
    ]);
  });

  it('隔週 follows the phase of its start date, and does not start before it', () => {
    const rule = parseJapaneseSchedule('隔週水曜日（2026年4月8日から）');
    expect(nextOccurrences(rule, '2026-04-09', 3)).toEqual(['2026-04-22', '2026-05-06', '2026-05-20']);
    expect(nextOccurrences(rule, '2026-01-01', 1)).toEqual(['2026-04-08']);
  });

  it('gives nothing when the dates are not determined', () => {
    expect(nextOccurrences(parseJapaneseSchedule('隔週水曜日'), '2026-04-01', 3)).toEqual([]);
    expect(nextOccurrences(parseJapaneseSchedule('月2回金曜日'), '2026-04-01', 3)).toEqual([]);
    expect(nextOccurrences(parseJapaneseSchedule('要相談'), '2026-04-01', 3)).toEqual([]);
  });

  it('gives nothing for a bad request or a broken rule instead of throwing', () => {
    const rule = parseJapaneseSchedule('毎週水曜日');
    expect(nextOccurrences(rule, '2026-04-01', 0)).toEqual([]);
    expect(nextOccurrences(rule, '2026-02-30', 3)).toEqual([]);
    expect(nextOccurrences({ ...rule, rrule: 'FREQ=SOMETIMES' }, '2026-04-01', 3)).toEqual([]);
  });

  it('stops after about three years when a rule never falls on an open day', () => {
    const never: ScheduleRule = { ...buildRule({ freq: 'monthly-day', monthDays: [30] }), months: [2] };
    // It returns (the search is bounded), with nothing.
    expect(nextOccurrences(never, '2026-01-01', 5)).toEqual([]);
    const daily = buildRule({ freq: 'daily' });
    const many = nextOccurrences(daily, '2026-01-01', 100_000);
    expect(many.length).toBeGreaterThan(365 * 3 - 1);
    expect(many.length).toBeLessThanOrEqual(365 * 3 + 2);
  });

  it('does not depend on the machine time zone', () => {
    const rule = parseJapaneseSchedule('毎週月曜日');
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const la = nextOccurrences(rule, '2027-01-04', 2);
      process.env.TZ = 'Asia/Tokyo';
      const tokyo = nextOccurrences(rule, '2027-01-04', 2);
      expect(la).toEqual(['2027-01-04', '2027-01-11']);
      expect(tokyo).toEqual(la);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
