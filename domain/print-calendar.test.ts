import { describe, expect, it } from 'vitest';
import { activityMonth, addMonthsTo, monthDays, monthLabel, parseYearMonth } from './print-calendar';
import { parseJapaneseSchedule } from './schedule';

describe('the month of a calendar', () => {
  it('reads YYYY-MM and nothing else', () => {
    expect(parseYearMonth('2026-12')).toEqual({ year: 2026, month: 12 });
    for (const bad of ['2026-13', '2026-1', '26-01', '', null, undefined, '2026-00', 'abc'])
      expect(parseYearMonth(bad)).toBeNull();
    expect(addMonthsTo({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(monthLabel({ year: 2026, month: 12 })).toBe('令和8年12月');
    expect(monthLabel({ year: 2019, month: 5 })).toBe('令和元年5月');
  });

  it('lists every day with its weekday and national holiday', () => {
    const days = monthDays({ year: 2027, month: 1 });
    expect(days).toHaveLength(31);
    expect(days[0]).toMatchObject({ date: '2027-01-01', weekday: 5, holiday: '元日' });
    expect(days[10]).toMatchObject({ date: '2027-01-11', weekday: 1, holiday: '成人の日' });
    expect(monthDays({ year: 2028, month: 2 })).toHaveLength(29);
  });
});

describe('when an activity is held in a month', () => {
  const days = monthDays({ year: 2027, month: 1 });

  it('marks the days it is held with the time it starts', () => {
    const salon = parseJapaneseSchedule('毎月第2水曜日 10時～12時');
    const m = activityMonth([salon], days);
    expect(m.determined).toBe(true);
    expect(Object.fromEntries(m.cells)).toEqual({ '2027-01-13': { kind: 'open', time: '10:00' } });
  });

  it('says 休 with the holiday’s name when it is closed on holidays, and the closure’s name at 年末年始', () => {
    const cafe = parseJapaneseSchedule('月・火・木・金 10時～15時（祝日は休み）');
    const m = activityMonth([cafe], days);
    expect(m.cells.get('2027-01-01')).toEqual({ kind: 'closed', reason: '元日' });
    expect(m.cells.get('2027-01-11')).toEqual({ kind: 'closed', reason: '成人の日' });
    expect(m.cells.get('2027-01-12')).toEqual({ kind: 'open', time: '10:00' });
    const office = parseJapaneseSchedule('平日 8:30～17:15（祝日・年末年始は休み）');
    const o = activityMonth([office], days);
    expect(o.cells.get('2027-01-04')?.kind).toBe('open');
    expect(o.cells.get('2027-01-01')?.kind).toBe('closed');
  });

  it('knows when the schedule does not say which days', () => {
    expect(activityMonth([parseJapaneseSchedule('月2回 金曜日')], days).determined).toBe(false);
    expect(activityMonth([], days).determined).toBe(false);
  });
});
