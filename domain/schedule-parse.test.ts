import { describe, expect, it } from 'vitest';
import type { ScheduleRule, Weekday } from './schedule';
import { parseJapaneseSchedule, parseOpenDataSchedule } from './schedule-parse';

const WEEKDAYS_MO_FR: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const NENMATSU = { from: '12-29', to: '01-03', label: '年末年始' };

/** The full rule expected for `source`: everything not named is the empty default. */
function expected(source: string, parts: Partial<ScheduleRule>): ScheduleRule {
  return {
    rrule: null,
    dtstart: null,
    opensAt: null,
    closesAt: null,
    weekdays: [],
    timesPerMonth: null,
    timesPerWeek: null,
    months: null,
    closedOnHolidays: false,
    closures: [],
    note: null,
    needsReview: false,
    source,
    ...parts,
  };
}

function check(text: string, parts: Partial<ScheduleRule>): void {
  expect(parseJapaneseSchedule(text)).toEqual(expected(text, parts));
}

describe('parseJapaneseSchedule: days of the month by weekday', () => {
  it('毎月第4水曜日', () => {
    check('毎月第4水曜日', { rrule: 'FREQ=MONTHLY;BYDAY=4WE', weekdays: [3] });
  });

  it('毎月第2水曜日 午前10時～12時 (午前 does not move 12時)', () => {
    check('毎月第2水曜日 午前10時～12時', {
      rrule: 'FREQ=MONTHLY;BYDAY=2WE',
      weekdays: [3],
      opensAt: '10:00',
      closesAt: '12:00',
    });
  });

  it('第1・第3木曜日', () => {
    check('第1・第3木曜日', { rrule: 'FREQ=MONTHLY;BYDAY=1TH,3TH', weekdays: [4] });
  });

  it('第2・4火曜日 (the second 第 left out)', () => {
    check('第2・4火曜日', { rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU', weekdays: [2] });
  });

  it('第1、第3土曜 (読点 and no 日)', () => {
    check('第1、第3土曜', { rrule: 'FREQ=MONTHLY;BYDAY=1SA,3SA', weekdays: [6] });
  });

  it('最終金曜日', () => {
    check('最終金曜日', { rrule: 'FREQ=MONTHLY;BYDAY=-1FR', weekdays: [5] });
  });

  it('第2・最終金曜日 and 月末の金曜日', () => {
    check('毎月第2・最終金曜日', { rrule: 'FREQ=MONTHLY;BYDAY=2FR,-1FR', weekdays: [5] });
    check('毎月月末の金曜日', { rrule: 'FREQ=MONTHLY;BYDAY=-1FR', weekdays: [5] });
  });

  it('different ordinals on different weekdays (第2水曜日と第4金曜日)', () => {
    check('第2水曜日と第4金曜日', { rrule: 'FREQ=MONTHLY;BYDAY=2WE,4FR', weekdays: [3, 5] });
  });

  it('kanji ordinals (第一・第三木曜日)', () => {
    check('第一・第三木曜日', { rrule: 'FREQ=MONTHLY;BYDAY=1TH,3TH', weekdays: [4] });
  });

  it('月2回 with the dates given is fully determined', () => {
    check('月2回（第1・第3金曜日）', { rrule: 'FREQ=MONTHLY;BYDAY=1FR,3FR', weekdays: [5] });
  });

  it('隔月 needs a start month', () => {
    check('隔月第2水曜日', { rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE', weekdays: [3], needsReview: true });
  });
});

describe('parseJapaneseSchedule: counts without dates', () => {
  it('月2回金曜日 keeps the weekday for filtering but no rule', () => {
    check('月2回金曜日', { weekdays: [5], timesPerMonth: 2, needsReview: true });
  });

  it('月1回水曜日 (as in 美唄市のサロン一覧, full-width digits)', () => {
    check('月1回水曜日', { weekdays: [3], timesPerMonth: 1, needsReview: true });
    check('月１回水曜日', { weekdays: [3], timesPerMonth: 1, needsReview: true });
    check('月二回金曜日', { weekdays: [5], timesPerMonth: 2, needsReview: true });
  });

  it('週4日', () => {
    check('週4日', { timesPerWeek: 4, needsReview: true });
  });

  it('週2回 with the days named is weekly; 週1回 out of 月〜金 is not', () => {
    check('週2回（火・金）', { rrule: 'FREQ=WEEKLY;BYDAY=TU,FR', weekdays: [2, 5] });
    check('週1回 月〜金', { weekdays: WEEKDAYS_MO_FR, timesPerWeek: 1, needsReview: true });
  });

  it('a range of counts is kept for a person (月1〜2回)', () => {
    check('月1〜2回', { note: '月1〜2回', needsReview: true });
  });
});

describe('parseJapaneseSchedule: weekly and daily', () => {
  it('毎週土曜日（6～10月）', () => {
    check('毎週土曜日（6～10月）', {
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      weekdays: [6],
      months: [6, 7, 8, 9, 10],
    });
  });

  it('months written first, as in the 士幌町 seed (ラジオ体操(6~10月の間、毎週土曜日))', () => {
    check('6~10月の間、毎週土曜日', {
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      weekdays: [6],
      months: [6, 7, 8, 9, 10],
    });
    check('ラジオ体操(6~10月の間、毎週土曜日)', {
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      weekdays: [6],
      months: [6, 7, 8, 9, 10],
      note: 'ラジオ体操',
      needsReview: true,
    });
  });

  it('毎週火・金', () => {
    check('毎週火・金', { rrule: 'FREQ=WEEKLY;BYDAY=TU,FR', weekdays: [2, 5] });
  });

  it('毎週火曜日・金曜日 午前9時30分～11時30分', () => {
    check('毎週火曜日・金曜日 午前9時30分～11時30分', {
      rrule: 'FREQ=WEEKLY;BYDAY=TU,FR',
      weekdays: [2, 5],
      opensAt: '09:30',
      closesAt: '11:30',
    });
  });

  it('隔週水曜日 without a start date', () => {
    check('隔週水曜日', { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', weekdays: [3], needsReview: true });
  });

  it('隔週水曜日 with a start date (western and 令和)', () => {
    const rule = { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', weekdays: [3], dtstart: '2026-04-08' } as const;
    check('隔週水曜日（2026年4月8日から）', { ...rule, weekdays: [3] });
    check('隔週水曜日（令和8年4月8日から）', { ...rule, weekdays: [3] });
  });

  it('毎日', () => {
    check('毎日', { rrule: 'FREQ=DAILY', weekdays: EVERY_DAY });
  });

  it('毎日曜日 is every Sunday, not every day', () => {
    check('毎日曜日', { rrule: 'FREQ=WEEKLY;BYDAY=SU', weekdays: [0] });
  });

  it('平日 / 月～金 / 月曜日～金曜日', () => {
    for (const text of ['平日', '月～金', '月曜日～金曜日', '月曜から金曜まで']) {
      check(text, { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', weekdays: WEEKDAYS_MO_FR });
    }
  });

  it('土日祝: the holidays cannot be listed by a rule, so a person checks', () => {
    check('土日祝', {
      rrule: 'FREQ=WEEKLY;BYDAY=SA,SU',
      weekdays: [0, 6],
      note: '土日祝',
      needsReview: true,
    });
  });

  it('高松市 availableDate 「月火水木金土日」 and 「月火水木金」', () => {
    check('月火水木金土日', { rrule: 'FREQ=DAILY', weekdays: EVERY_DAY });
    check('月火水木金', { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', weekdays: WEEKDAYS_MO_FR });
    check('火水木金土日', { rrule: 'FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA,SU', weekdays: [0, 2, 3, 4, 5, 6] });
  });

  it('a single weekday on its own or in brackets ((水)10時〜)', () => {
    check('水曜日', { rrule: 'FREQ=WEEKLY;BYDAY=WE', weekdays: [3] });
    check('(水)10時〜', { rrule: 'FREQ=WEEKLY;BYDAY=WE', weekdays: [3], opensAt: '10:00' });
  });

  it('a lone day between spaces is a day (水 10:00-12:00)', () => {
    check('水 10:00-12:00', {
      rrule: 'FREQ=WEEKLY;BYDAY=WE',
      weekdays: [3],
      opensAt: '10:00',
      closesAt: '12:00',
    });
  });

  it('does not read weekdays out of ordinary words (料金, 毎月)', () => {
    check('料金：無料 毎週金曜日', {
      rrule: 'FREQ=WEEKLY;BYDAY=FR',
      weekdays: [5],
      note: '料金：無料',
      needsReview: true,
    });
  });

  it('weekly and monthly parts that one rule cannot hold keep the whole text', () => {
    check('毎週月曜日と第1土曜日', { weekdays: [1, 6], note: '毎週月曜日と第1土曜日', needsReview: true });
  });
});

describe('parseJapaneseSchedule: days of the month', () => {
  it('毎月10日', () => {
    check('毎月10日', { rrule: 'FREQ=MONTHLY;BYMONTHDAY=10' });
  });

  it('毎月5日・20日', () => {
    check('毎月5日・20日', { rrule: 'FREQ=MONTHLY;BYMONTHDAY=5,20' });
    check('毎月5・20日', { rrule: 'FREQ=MONTHLY;BYMONTHDAY=5,20' });
  });

  it('毎月末日', () => {
    check('毎月末日', { rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1' });
  });
});

describe('parseJapaneseSchedule: times', () => {
  const weekly = { rrule: 'FREQ=WEEKLY;BYDAY=WE', weekdays: [3] } as const;
  const cases: [string, string | null, string | null][] = [
    ['10:00～15:00', '10:00', '15:00'],
    ['１０：００〜１５：００', '10:00', '15:00'],
    ['10時〜12時', '10:00', '12:00'],
    ['10時半～', '10:30', null],
    ['午前10時～午後3時', '10:00', '15:00'],
    ['午後1時〜3時', '13:00', '15:00'],
    ['午後1〜3時', '13:00', '15:00'],
    ['午前10時〜2時', '10:00', '14:00'],
    ['正午〜13時', '12:00', '13:00'],
    ['13:30-15:30', '13:30', '15:30'],
    ['9:30−11:30', '09:30', '11:30'],
    ['9:30ｰ11:30', '09:30', '11:30'],
    ['9:30―11:30', '09:30', '11:30'],
    ['9:30〜11:30', '09:30', '11:30'],
    ['9:30~11:30', '09:30', '11:30'],
    ['10時から12時まで', '10:00', '12:00'],
    ['10〜12時', '10:00', '12:00'],
    ['12時まで', null, '12:00'],
    ['13時30分〜15時', '13:30', '15:00'],
  ];
  for (const [time, opensAt, closesAt] of cases) {
    it(`毎週水曜日 ${time}`, () => {
      check(`毎週水曜日 ${time}`, { ...weekly, weekdays: [3], opensAt, closesAt });
    });
  }

  it('times alone do not fix the days', () => {
    check('10時〜12時', { opensAt: '10:00', closesAt: '12:00', needsReview: true });
  });

  it('an end before the start is moved to the afternoon but flagged (9時〜5時)', () => {
    check('月〜金 9時〜5時', {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      weekdays: WEEKDAYS_MO_FR,
      opensAt: '09:00',
      closesAt: '17:00',
      note: '9時〜5時',
      needsReview: true,
    });
  });

  it('a second session is kept in note (10時〜12時、13時〜15時)', () => {
    check('毎週水曜日 10時〜12時、13時〜15時', {
      ...weekly,
      weekdays: [3],
      opensAt: '10:00',
      closesAt: '12:00',
      note: '13時〜15時',
      needsReview: true,
    });
  });

  it('per-day hours are the rule when nothing else names the days (毎週水曜日は10時から12時まで)', () => {
    check('毎週水曜日は10時から12時まで', { ...weekly, weekdays: [3], opensAt: '10:00', closesAt: '12:00' });
  });

  it('different hours on different days: the days are read, the hours kept as written', () => {
    check('平日は9時〜17時、土曜日は9時〜12時', {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA',
      weekdays: [1, 2, 3, 4, 5, 6],
      note: '平日は9時〜17時、土曜日は9時〜12時',
    });
  });
});

describe('parseJapaneseSchedule: holidays and closures', () => {
  const weekly = { rrule: 'FREQ=WEEKLY;BYDAY=MO', weekdays: [1] } as const;

  it('祝日は休み / 祝日休み / (祝日を除く) / ※祝日の場合は休み', () => {
    for (const tail of [
      '祝日は休み',
      '祝日休み',
      '（祝日を除く）',
      '祝日除く',
      '※祝日の場合は休み',
      '祝日はお休み',
    ]) {
      check(`毎週月曜日 ${tail}`, { ...weekly, weekdays: [1], closedOnHolidays: true });
    }
  });

  it('国民の祝日に関する法律に規定する休日…は利用不可 (高松市)', () => {
    check(
      '月火水木金 08:30～17:00 国民の祝日に関する法律に規定する休日及び年末年始（12月29日から翌年の1月3日）は終日利用不可。',
      {
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        weekdays: WEEKDAYS_MO_FR,
        opensAt: '08:30',
        closesAt: '17:00',
        closedOnHolidays: true,
        closures: [NENMATSU],
      },
    );
  });

  it('年末年始（12月29日から翌年の1月3日まで）は利用不可 / 年末年始（12/29～1/3）', () => {
    check('毎週月曜日 年末年始（12月29日から翌年の1月3日まで）は利用不可', {
      ...weekly,
      weekdays: [1],
      closures: [NENMATSU],
    });
    check('毎週月曜日 年末年始（12/29～1/3）は休み', { ...weekly, weekdays: [1], closures: [NENMATSU] });
    check('毎週月曜日 12月29日から翌年1月3日は休業', { ...weekly, weekdays: [1], closures: [NENMATSU] });
  });

  it('年末年始 without dates assumes 12/29–1/3 and asks a person', () => {
    check('毎週月曜日 年末年始は休み', {
      ...weekly,
      weekdays: [1],
      closures: [NENMATSU],
      note: '年末年始は休み',
      needsReview: true,
    });
  });

  it('other labelled closures (お盆（8/13〜8/16）)', () => {
    check('毎週月曜日 お盆（8/13〜8/16）は休み', {
      ...weekly,
      weekdays: [1],
      closures: [{ from: '08-13', to: '08-16', label: 'お盆' }],
    });
  });

  it('祝日・年末年始 together', () => {
    check('月火水木金 10:00～17:30 祝日・年末年始（12/29～1/3）は利用不可', {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      weekdays: WEEKDAYS_MO_FR,
      opensAt: '10:00',
      closesAt: '17:30',
      closedOnHolidays: true,
      closures: [NENMATSU],
    });
  });

  it('closed weekdays are taken out (土日祝休み, 定休日：月曜日)', () => {
    check('月〜土 土日祝休み', {
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      weekdays: WEEKDAYS_MO_FR,
      closedOnHolidays: true,
    });
    check('定休日：月曜日', { rrule: 'FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA,SU', weekdays: [0, 2, 3, 4, 5, 6] });
  });

  it('冬期休止 without months needs a person', () => {
    check('毎週月曜日 冬期休止', { ...weekly, weekdays: [1], note: '冬期休止', needsReview: true });
  });

  it('12月～3月は休み gives the months it runs', () => {
    check('毎週月曜日 12月～3月は休み', { ...weekly, weekdays: [1], months: [4, 5, 6, 7, 8, 9, 10, 11] });
    check('毎週月曜日 冬期間（12月〜3月）は休み', {
      ...weekly,
      weekdays: [1],
      months: [4, 5, 6, 7, 8, 9, 10, 11],
    });
    check('毎週月曜日（8月は休み）', {
      ...weekly,
      weekdays: [1],
      months: [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12],
    });
  });

  it('an excluded 第n weekday cannot be represented and is kept', () => {
    check('毎週日曜日 第2日曜日は休み', {
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      weekdays: [0],
      note: '第2日曜日は休み',
      needsReview: true,
    });
  });
});

describe('parseJapaneseSchedule: remarks and text that is not a schedule', () => {
  it('雨天中止 is a remark and needs no review', () => {
    check('毎週水曜日 10時〜12時 雨天中止', {
      rrule: 'FREQ=WEEKLY;BYDAY=WE',
      weekdays: [3],
      opensAt: '10:00',
      closesAt: '12:00',
      note: '雨天中止',
    });
  });

  it('要相談 and 不定期 give no rule, ask a person and keep the text', () => {
    check('要相談', { note: '要相談', needsReview: true });
    check('不定期', { note: '不定期', needsReview: true });
  });

  it('keeps unread text verbatim, in its original width', () => {
    const rule = parseJapaneseSchedule('毎週水曜日　お茶会（持ち物：マイカップ）');
    expect(rule.rrule).toBe('FREQ=WEEKLY;BYDAY=WE');
    expect(rule.note).toBe('お茶会（持ち物：マイカップ）');
    expect(rule.needsReview).toBe(true);
  });

  it('drops brackets and ※ around a kept fragment, but never half of a pair inside it', () => {
    expect(parseJapaneseSchedule('毎週水曜日（祝日の場合は翌日）').note).toBe('祝日の場合は翌日');
    expect(parseJapaneseSchedule('毎週火曜日 ※第5週は休み').note).toBe('第5週は休み');
    expect(parseJapaneseSchedule('(要予約)毎週水曜日')).toMatchObject({ note: '要予約', needsReview: false });
    expect(parseJapaneseSchedule('毎週水曜日 10:00〜11:30（受付9:30〜）').note).toBe('受付9:30〜');
  });

  it('reads nothing from an empty text and asks nothing', () => {
    check('', {});
    check('   ', {});
  });

  it('filler words are not "unread" (開催, 日時：)', () => {
    check('日時：毎月第3日曜日開催', { rrule: 'FREQ=MONTHLY;BYDAY=3SU', weekdays: [0] });
  });
});

describe('parseJapaneseSchedule: 高松市 open data, as published', () => {
  it('日曜日は17:00まで stays a remark; holidays and 年末年始 are read', () => {
    const text =
      '月火水木金土日 09:00〜22:00 日曜日は17:00まで。国民の祝日に関する法律に規定する休日及び年末年始（12月29日から翌年の1月3日まで）は利用不可。';
    check(text, {
      rrule: 'FREQ=DAILY',
      weekdays: EVERY_DAY,
      opensAt: '09:00',
      closesAt: '22:00',
      closedOnHolidays: true,
      closures: [NENMATSU],
      note: '日曜日は17:00まで',
    });
  });

  it('a ただし clause is kept whole and is not read as more days', () => {
    const rule = parseOpenDataSchedule({
      availableDate: '火水木金土日',
      startTime: '09:00',
      endTime: '21:00',
      availableDateNote:
        '月曜日と年末年始（１２月２９日から翌年の１月３日まで）は利用不可。ただし月曜日が国民の祝日に関する法律に規定する休日に当たるときは、その日後においてその日に最も近い休日でない日とする。',
    });
    expect(rule).toMatchObject({
      rrule: 'FREQ=WEEKLY;BYDAY=TU,WE,TH,FR,SA,SU',
      opensAt: '09:00',
      closesAt: '21:00',
      closedOnHolidays: false,
      closures: [NENMATSU],
      note: 'ただし月曜日が国民の祝日に関する法律に規定する休日に当たるときは、その日後においてその日に最も近い休日でない日とする',
      needsReview: true,
    });
  });

  it('hours of other rooms are remarks', () => {
    const rule = parseOpenDataSchedule({
      availableDate: '月火水木金土',
      startTime: '09:00',
      endTime: '17:00',
      availableDateNote: '12月29日から翌年1月3日は休業、浴室は10：00～20：00、会議室・研修室は9：00～22：00',
    });
    expect(rule).toMatchObject({
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA',
      opensAt: '09:00',
      closesAt: '17:00',
      closures: [NENMATSU],
      note: '浴室は10：00～20：00、会議室・研修室は9：00～22：00',
      needsReview: false,
    });
  });

  it('24時間対応 and 時間外利用可 are remarks', () => {
    expect(
      parseOpenDataSchedule({ availableDate: '月火水木金土日', availableDateNote: '24時間対応' }),
    ).toMatchObject({
      rrule: 'FREQ=DAILY',
      note: '24時間対応',
      needsReview: false,
    });
    expect(
      parseOpenDataSchedule({
        availableDate: '月火水木金土日',
        startTime: '09:00',
        endTime: '17:00',
        availableDateNote: '年末年始（12/29～1/3）は利用不可、時間外利用可',
      }),
    ).toMatchObject({ rrule: 'FREQ=DAILY', closures: [NENMATSU], note: '時間外利用可', needsReview: false });
  });

  it('an empty row gives an empty rule', () => {
    expect(
      parseOpenDataSchedule({ availableDate: '', startTime: '', endTime: '', availableDateNote: '' }),
    ).toEqual(expected('', {}));
  });
});
