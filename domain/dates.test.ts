import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ageOn,
  eraOf,
  fiscalYearLabel,
  fiscalYearOf,
  fiscalYearRange,
  formatWareki,
  formatWarekiWithWeekday,
  isIsoDate,
  parseJapaneseDate,
  planPeriodOf,
  todayInTokyo,
} from './dates';

describe('todayInTokyo', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is already the next day in Tokyo at 15:00 UTC', () => {
    expect(todayInTokyo(new Date('2024-03-31T15:00:00Z'))).toBe('2024-04-01');
    expect(todayInTokyo(new Date('2024-03-31T14:59:59.999Z'))).toBe('2024-03-31');
  });

  it('handles the year boundary and leap days', () => {
    expect(todayInTokyo(new Date('2023-12-31T15:00:00Z'))).toBe('2024-01-01');
    expect(todayInTokyo(new Date('2024-02-28T15:00:00Z'))).toBe('2024-02-29');
  });

  it('defaults to now', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-06-30T20:00:00Z'));
    expect(todayInTokyo()).toBe('2025-07-01');
  });
});

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
  });

  it('accepts only the zero-padded YYYY-MM-DD form', () => {
    expect(isIsoDate('2024-7-1')).toBe(false);
    expect(isIsoDate('2024/07/01')).toBe(false);
    expect(isIsoDate('2024-07-01T00:00')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('fiscal years', () => {
  it('runs April to March', () => {
    expect(fiscalYearOf('2024-04-01')).toBe(2024);
    expect(fiscalYearOf('2025-03-31')).toBe(2024);
    expect(fiscalYearOf('2024-03-31')).toBe(2023);
    expect(fiscalYearOf('2024-12-31')).toBe(2024);
  });

  it('rejects an invalid date', () => {
    expect(() => fiscalYearOf('2023-02-29')).toThrow(RangeError);
  });

  it('gives the first and last day', () => {
    expect(fiscalYearRange(2024)).toEqual({ start: '2024-04-01', end: '2025-03-31' });
  });

  it('labels FY2019 as 令和元年度 and writes R1 in the short form', () => {
    expect(fiscalYearLabel(2019)).toBe('令和元年度');
    expect(fiscalYearLabel(2019, 'short')).toBe('R1年度');
    expect(fiscalYearLabel(2024)).toBe('令和6年度');
    expect(fiscalYearLabel(2024, 'short')).toBe('R6年度');
    expect(fiscalYearLabel(2018)).toBe('平成30年度');
    expect(fiscalYearLabel(1989)).toBe('平成元年度');
    expect(fiscalYearLabel(1988)).toBe('昭和63年度');
  });
});

describe('eraOf', () => {
  it.each([
    ['2019-04-30', '平成', 'H', 31],
    ['2019-05-01', '令和', 'R', 1],
    ['1989-01-07', '昭和', 'S', 64],
    ['1989-01-08', '平成', 'H', 1],
    ['1926-12-24', '大正', 'T', 15],
    ['1926-12-25', '昭和', 'S', 1],
    ['1912-07-29', '明治', 'M', 45],
    ['1912-07-30', '大正', 'T', 1],
    ['1868-01-25', '明治', 'M', 1],
    ['2024-07-01', '令和', 'R', 6],
  ])('%s is %s%i', (date, name, letter, year) => {
    expect(eraOf(date)).toEqual({ name, letter, year });
  });

  it('reports dates before 明治 as 明治元年', () => {
    expect(eraOf('1850-01-01')).toEqual({ name: '明治', letter: 'M', year: 1 });
  });
});

describe('formatWareki', () => {
  it('writes the long form with 元年', () => {
    expect(formatWareki('2024-07-01')).toBe('令和6年7月1日');
    expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
    expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
  });

  it('can leave the day out', () => {
    expect(formatWareki('2024-07-01', { day: false })).toBe('令和6年7月');
  });

  it('writes the short form with the era letter and number 1', () => {
    expect(formatWareki('2024-07-01', { style: 'short' })).toBe('R6.7.1');
    expect(formatWareki('2019-05-01', { style: 'short' })).toBe('R1.5.1');
    expect(formatWareki('1960-04-02', { style: 'short', day: false })).toBe('S35.4');
  });
});

describe('planPeriodOf', () => {
  it('puts FY2024–2026 in 第9期 and FY2027–2029 in 第10期', () => {
    for (const fy of [2024, 2025, 2026]) {
      expect(planPeriodOf(fy)).toEqual({ term: 9, fromFy: 2024, toFy: 2026, label: '第9期（令和6〜8年度）' });
    }
    expect(planPeriodOf(2027)).toEqual({
      term: 10,
      fromFy: 2027,
      toFy: 2029,
      label: '第10期（令和9〜11年度）',
    });
  });

  it('starts with 第1期 in FY2000', () => {
    expect(planPeriodOf(2000)).toEqual({
      term: 1,
      fromFy: 2000,
      toFy: 2002,
      label: '第1期（平成12〜14年度）',
    });
  });

  it('names both eras when a period spans the change', () => {
    expect(planPeriodOf(2019).label).toBe('第7期（平成30年度〜令和2年度）');
  });

  it('refuses years before 介護保険 began', () => {
    expect(() => planPeriodOf(1999)).toThrow(RangeError);
  });
});

describe('ageOn (年齢計算ニ関スル法律)', () => {
  it('counts the new age from the day before the birthday', () => {
    expect(ageOn('1960-04-02', '2025-03-31')).toBe(64);
    expect(ageOn('1960-04-02', '2025-04-01')).toBe(65);
    expect(ageOn('1960-04-02', '2025-04-02')).toBe(65);
  });

  it('puts April-1 births in the school year above, as the law intends', () => {
    expect(ageOn('1960-04-01', '2025-03-30')).toBe(64);
    expect(ageOn('1960-04-01', '2025-03-31')).toBe(65);
  });

  it('turns a 29 February birth a year older on 28 February of a common year', () => {
    expect(ageOn('1960-02-29', '2025-02-27')).toBe(64);
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(65);
    expect(ageOn('1960-02-29', '2024-02-27')).toBe(63);
    expect(ageOn('1960-02-29', '2024-02-28')).toBe(64);
  });

  it('crosses the year end for 1 January births', () => {
    expect(ageOn('1960-01-01', '2024-12-30')).toBe(64);
    expect(ageOn('1960-01-01', '2024-12-31')).toBe(65);
  });

  it('is 0 on the day of birth and refuses earlier dates', () => {
    expect(ageOn('2024-07-01', '2024-07-01')).toBe(0);
    expect(() => ageOn('2024-07-01', '2024-06-30')).toThrow(RangeError);
  });
});

describe('parseJapaneseDate', () => {
  it.each([
    ['2024-07-01', '2024-07-01'],
    ['2024/7/1', '2024-07-01'],
    ['2024.7.1', '2024-07-01'],
    ['2024年7月1日', '2024-07-01'],
    ['20240701', '2024-07-01'],
    ['7/1/24', '2024-07-01'],
    ['11/1/2018', '2018-11-01'],
    ['令和6年7月1日', '2024-07-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['R6.7.1', '2024-07-01'],
    ['r6.7.1', '2024-07-01'],
    ['R6年7月1日', '2024-07-01'],
    ['H31.4.30', '2019-04-30'],
    ['平成31年4月30日', '2019-04-30'],
    ['昭和40年1月1日', '1965-01-01'],
    ['昭和64年1月7日', '1989-01-07'],
    ['大正15年12月24日', '1926-12-24'],
    ['２０２４／７／１', '2024-07-01'],
    ['令和６年７月１日', '2024-07-01'],
    [' 令和 6年 7月 1日 ', '2024-07-01'],
    ['　R６．７．１　', '2024-07-01'],
    ['令和6年4月1日現在', '2024-04-01'],
    ['2024/7/1 0:00', '2024-07-01'],
    ['2024-07-01T00:00:00', '2024-07-01'],
    // Pre-printed forms keep an era after it ended; accepted because it names a real day.
    ['平成32年4月1日', '2020-04-01'],
  ])('reads %s', (input, expected) => {
    expect(parseJapaneseDate(input)).toBe(expected);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2024/13/1',
    '20241301',
    '13/1/24',
    '7/32/24',
    '7/1/024',
    '令和元年4月1日', // before 令和 began
    '平成元年1月7日', // before 平成 began
    '令和0年5月1日',
    '令和6年2月30日',
    '令和6年',
    '令和6年度',
    'R6',
    'abc',
    '',
    '   ',
    '2024-07',
  ])('rejects %j', (input) => {
    expect(parseJapaneseDate(input)).toBeNull();
  });
});

describe('formatWarekiWithWeekday', () => {
  it('gives the 和暦 date with its weekday', () => {
    expect(formatWarekiWithWeekday('2026-12-10')).toBe('令和8年12月10日（木）');
  });
});
