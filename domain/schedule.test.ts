import { describe, expect, it } from 'vitest';
import type { ScheduleParts, ScheduleRule, Weekday } from './schedule';
import {
  buildRule,
  describeSchedule,
  fromHsdsSchedule,
  nextOccurrences,
  parseJapaneseSchedule,
  toHsdsSchedule,
} from './schedule';

describe('buildRule', () => {
  it('fills the rule string, weekdays and source for each kind of builder input', () => {
    expect(buildRule({ freq: 'weekly', weekdays: [5, 2], opensAt: '9:30', closesAt: '11:00' })).toEqual({
      rrule: 'FREQ=WEEKLY;BYDAY=TU,FR',
      dtstart: null,
      opensAt: '09:30',
      closesAt: '11:00',
      weekdays: [2, 5],
      timesPerMonth: null,
      timesPerWeek: null,
      months: null,
      closedOnHolidays: false,
      closures: [],
      note: null,
      needsReview: false,
      source: '毎週火・金曜日 9時30分〜11時',
    });
    expect(buildRule({ freq: 'monthly-weekday', weekdays: [4], ordinals: [3, 1] })).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYDAY=1TH,3TH',
      weekdays: [4],
    });
    expect(buildRule({ freq: 'monthly-day', monthDays: [20, 5] })).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYMONTHDAY=5,20',
      weekdays: [],
    });
    expect(buildRule({ freq: 'daily', months: [6, 7, 8, 9, 10], closedOnHolidays: true })).toMatchObject({
      rrule: 'FREQ=DAILY',
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      months: [6, 7, 8, 9, 10],
      closedOnHolidays: true,
      source: '毎日（6月〜10月）、祝日は休み',
    });
  });

  it('treats seven chosen weekdays as 毎日 and twelve chosen months as all year', () => {
    expect(
      buildRule({
        freq: 'weekly',
        weekdays: [0, 1, 2, 3, 4, 5, 6],
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      }),
    ).toMatchObject({ rrule: 'FREQ=DAILY', months: null });
  });

  it('marks 隔週 without a start date for review', () => {
    expect(buildRule({ freq: 'biweekly', weekdays: [3] })).toMatchObject({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
      needsReview: true,
    });
    expect(buildRule({ freq: 'biweekly', weekdays: [3], dtstart: '2026-04-08' }).needsReview).toBe(false);
  });

  it('rejects impossible input with a Japanese message', () => {
    expect(() => buildRule({ freq: 'weekly' })).toThrow('曜日を1つ以上選んでください');
    expect(() => buildRule({ freq: 'monthly-weekday', weekdays: [3] })).toThrow('第何週か');
    expect(() => buildRule({ freq: 'monthly-weekday', weekdays: [3], ordinals: [6] })).toThrow('第1〜第5');
    expect(() => buildRule({ freq: 'monthly-day', monthDays: [32] })).toThrow('1〜31日');
    expect(() => buildRule({ freq: 'weekly', weekdays: [7 as Weekday] })).toThrow('曜日');
    expect(() => buildRule({ freq: 'daily', opensAt: '25:00' })).toThrow('開始時刻');
    expect(() => buildRule({ freq: 'daily', opensAt: '12:00', closesAt: '10:00' })).toThrow('終了時刻');
    expect(() => buildRule({ freq: 'daily', dtstart: '2026-02-30' })).toThrow('開始日');
    expect(() => buildRule({ freq: 'daily', months: [] })).toThrow('開催する月');
    expect(() => buildRule({ freq: 'daily', months: [13] })).toThrow('1〜12');
  });
});

describe('toHsdsSchedule / fromHsdsSchedule', () => {
  it('exports the HSDS fields, with months in the description', () => {
    const rule = parseJapaneseSchedule('毎週土曜日（6～10月） 9:30〜11:00 雨天中止');
    expect(toHsdsSchedule(rule)).toEqual({
      freq: 'WEEKLY',
      interval: 1,
      byday: 'SA',
      bymonthday: null,
      dtstart: null,
      opens_at: '09:30',
      closes_at: '11:00',
      description: '毎週土曜日 9時30分〜11時（6月〜10月）',
      notes: '雨天中止',
    });
  });

  it('exports 毎日 as every day of the week (HSDS 3.0 has no DAILY), and reads it back', () => {
    const daily = parseJapaneseSchedule('毎日 11時〜14時');
    expect(daily.rrule).toMatch(/FREQ=DAILY/);
    const hsds = toHsdsSchedule(daily);
    expect(hsds).toMatchObject({
      freq: 'WEEKLY',
      interval: 1,
      byday: 'MO,TU,WE,TH,FR,SA,SU',
      opens_at: '11:00',
    });
    expect(fromHsdsSchedule(hsds).weekdays).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('exports ordinals, month days and 隔週', () => {
    expect(toHsdsSchedule(parseJapaneseSchedule('毎月第4水曜日'))).toMatchObject({
      freq: 'MONTHLY',
      byday: '4WE',
    });
    expect(toHsdsSchedule(parseJapaneseSchedule('毎月10日'))).toMatchObject({
      freq: 'MONTHLY',
      bymonthday: '10',
    });
    expect(toHsdsSchedule(parseJapaneseSchedule('隔週水曜日（2026年4月8日から）'))).toMatchObject({
      freq: 'WEEKLY',
      interval: 2,
      byday: 'WE',
      dtstart: '2026-04-08',
    });
  });

  it('exports undetermined rules as description only', () => {
    expect(toHsdsSchedule(parseJapaneseSchedule('月2回金曜日'))).toEqual({
      freq: null,
      interval: null,
      byday: null,
      bymonthday: null,
      dtstart: null,
      opens_at: null,
      closes_at: null,
      description: '月2回 金曜日（日程はお問い合わせください）',
      notes: null,
    });
  });

  it('brings back everything for the documented cases', () => {
    const texts = [
      '毎月第4水曜日',
      '毎月第2水曜日 午前10時～12時',
      '第1・第3木曜日',
      '最終金曜日',
      '月2回金曜日',
      '週4日',
      '毎週土曜日（6～10月）',
      '隔週水曜日',
      '隔週水曜日（2026年4月8日から）',
      '毎月5日・20日',
      '月火水木金土日 09:00〜22:00 日曜日は17:00まで。国民の祝日に関する法律に規定する休日及び年末年始（12月29日から翌年の1月3日まで）は利用不可。',
      '毎週月曜日 12月～3月は休み',
      '毎週水曜日 10時〜12時 雨天中止',
      '要相談',
    ];
    for (const text of texts) {
      const rule = parseJapaneseSchedule(text);
      const back = fromHsdsSchedule(toHsdsSchedule(rule));
      const { source: _a, ...meaning } = rule;
      const { source: _b, ...meaningBack } = back;
      expect(meaningBack, text).toEqual(meaning);
    }
  });

  it('reads HSDS from elsewhere: lower case, seconds, a datetime dtstart', () => {
    const rule = fromHsdsSchedule({
      freq: 'weekly',
      interval: 2,
      byday: 'tu',
      dtstart: '2026-04-07T00:00:00+09:00',
      opens_at: '10:00:00',
      closes_at: '11:30:00',
      description: 'Every other Tuesday',
    });
    expect(rule).toMatchObject({
      rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      dtstart: '2026-04-07',
      opensAt: '10:00',
      closesAt: '11:30',
      weekdays: [2],
      note: 'Every other Tuesday',
      needsReview: true,
    });
    expect(nextOccurrences(rule, '2026-04-08', 2)).toEqual(['2026-04-21', '2026-05-05']);
  });

  it('keeps unreadable HSDS values in note and asks a person', () => {
    const rule = fromHsdsSchedule({ freq: 'YEARLY', byday: 'XX', description: '毎月第1月曜日' });
    // The structured fields were there but broken; the description is not trusted over them.
    expect(rule.rrule).toBeNull();
    expect(rule.needsReview).toBe(true);
    expect(rule.note).toContain('freq=YEARLY');
  });

  it('falls back to the description when there are no structured fields', () => {
    expect(fromHsdsSchedule({ description: '毎月第1月曜日 10時〜12時、祝日は休み' })).toMatchObject({
      rrule: 'FREQ=MONTHLY;BYDAY=1MO',
      opensAt: '10:00',
      closesAt: '12:00',
      closedOnHolidays: true,
      needsReview: false,
    });
    expect(fromHsdsSchedule({})).toMatchObject({ rrule: null, needsReview: false, source: '' });
  });
});

// A small deterministic generator, so that a failure names the seed that reproduces it.
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function subset<T>(rand: () => number, items: readonly T[], min = 1): T[] {
  let out = items.filter(() => rand() < 0.35);
  while (out.length < min) out = [...new Set([...out, pick(rand, items)])];
  return out;
}

function randomRule(rand: () => number): ScheduleRule {
  const freq = pick(rand, ['weekly', 'monthly-weekday', 'monthly-day', 'daily', 'biweekly'] as const);
  const hour = 6 + Math.floor(rand() * 10);
  const minute = pick(rand, [0, 0, 15, 30, 45]);
  const pad = (n: number) => String(n).padStart(2, '0');
  const parts: ScheduleParts = {
    freq,
    weekdays: subset(rand, [0, 1, 2, 3, 4, 5, 6] as const),
    ordinals: subset(rand, [1, 2, 3, 4, 5, -1]),
    monthDays: subset(rand, [1, 5, 10, 15, 20, 25, 28, 29, 30, 31, -1]),
    dtstart:
      freq === 'biweekly' || rand() < 0.2
        ? `2026-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`
        : null,
    opensAt: rand() < 0.8 ? `${pad(hour)}:${pad(minute)}` : null,
    closesAt: rand() < 0.7 ? `${pad(hour + 2)}:${pad(pick(rand, [0, 30]))}` : null,
    months: rand() < 0.4 ? subset(rand, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) : null,
    closedOnHolidays: rand() < 0.5,
    note: rand() < 0.2 ? '雨天中止' : null,
  };
  const rule = buildRule(parts);
  const closures = [
    { from: '12-29', to: '01-03', label: '年末年始' },
    { from: '08-13', to: '08-16', label: 'お盆' },
    { from: '05-01', to: '05-01', label: '' },
  ].filter(() => rand() < 0.3);
  return { ...rule, closures };
}

describe('HSDS round trip (property)', () => {
  it('fromHsdsSchedule(toHsdsSchedule(r)) gives the same dates, words and flags as r', () => {
    const rand = mulberry32(20260401);
    for (let i = 0; i < 400; i++) {
      const rule = randomRule(rand);
      const back = fromHsdsSchedule(toHsdsSchedule(rule));
      const from = `202${6 + Math.floor(rand() * 3)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;
      const label = `#${i} ${rule.rrule} ${describeSchedule(rule)}`;
      expect(nextOccurrences(back, from, 12), label).toEqual(nextOccurrences(rule, from, 12));
      expect(describeSchedule(back), label).toBe(describeSchedule(rule));
      expect(back.weekdays, label).toEqual(rule.weekdays);
      expect(back.needsReview, label).toBe(rule.needsReview);
    }
  });

  it('parseJapaneseSchedule(describeSchedule(r)) gives the same dates as r', () => {
    const rand = mulberry32(7);
    for (let i = 0; i < 400; i++) {
      const rule = randomRule(rand);
      const again = parseJapaneseSchedule(describeSchedule(rule));
      const label = `#${i} ${describeSchedule(rule)}`;
      expect(nextOccurrences(again, '2026-06-15', 12), label).toEqual(
        nextOccurrences(rule, '2026-06-15', 12),
      );
      expect(again.rrule, label).toBe(rule.rrule);
    }
  });
});
