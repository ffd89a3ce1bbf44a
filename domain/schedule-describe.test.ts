import { describe, expect, it } from 'vitest';
import { buildRule, describeSchedule, parseJapaneseSchedule } from './schedule';

const say = (text: string) => describeSchedule(parseJapaneseSchedule(text));

describe('describeSchedule', () => {
  it('renders the parsed cases in the words residents use', () => {
    const cases: [string, string][] = [
      ['毎月第4水曜日', '毎月第4水曜日'],
      ['毎月第2水曜日 午前10時～12時', '毎月第2水曜日 10時〜12時'],
      ['第1・第3木曜日', '毎月第1・第3木曜日'],
      ['第2・4火曜日', '毎月第2・第4火曜日'],
      ['第1、第3土曜', '毎月第1・第3土曜日'],
      ['最終金曜日', '毎月最終金曜日'],
      ['第2水曜日と第4金曜日', '毎月第2水曜日・第4金曜日'],
      ['月2回金曜日', '月2回 金曜日（日程はお問い合わせください）'],
      ['週4日', '週4日（日程はお問い合わせください）'],
      ['毎週土曜日（6～10月） 9:30〜11:00', '毎週土曜日 9時30分〜11時（6月〜10月）'],
      ['毎週火・金', '毎週火・金曜日'],
      ['隔週水曜日', '隔週水曜日'],
      ['隔週水曜日（2026年4月8日から）', '隔週水曜日（令和8年4月8日から）'],
      ['毎月10日', '毎月10日'],
      ['毎月5日・20日', '毎月5日・20日'],
      ['毎月末日', '毎月末日'],
      ['毎日', '毎日'],
      ['月火水木金土日', '毎日'],
      ['月～金', '平日（月〜金）'],
      ['火水木金土日', '火曜日〜日曜日'],
      ['土日', '毎週土・日曜日'],
      ['毎週月曜日 10時半～', '毎週月曜日 10時30分から'],
      ['毎週月曜日 12時まで', '毎週月曜日 12時まで'],
      ['毎週月曜日 祝日休み', '毎週月曜日、祝日は休み'],
      ['毎週月曜日 年末年始（12/29～1/3）は休み', '毎週月曜日、年末年始（12月29日〜1月3日）は休み'],
      [
        '月火水木金 8:30〜17:15 祝日・年末年始（12/29～1/3）は利用不可',
        '平日（月〜金） 8時30分〜17時15分、祝日と年末年始（12月29日〜1月3日）は休み',
      ],
      ['毎週月曜日 12月～3月は休み', '毎週月曜日（4月〜11月）'],
      ['毎週月曜日 8月は休み', '毎週月曜日（8月は休み）'],
      ['毎週月曜日 11月〜3月', '毎週月曜日（11月〜3月）'],
      ['祝日は休み', '祝日は休み'],
      ['要相談', '要相談'],
      ['', '日程はお問い合わせください'],
    ];
    for (const [text, words] of cases) expect(say(text), text).toBe(words);
  });

  it('describes built rules', () => {
    expect(describeSchedule(buildRule({ freq: 'monthly-weekday', weekdays: [4], ordinals: [1, 3] }))).toBe(
      '毎月第1・第3木曜日',
    );
    expect(describeSchedule(buildRule({ freq: 'monthly-weekday', weekdays: [5], ordinals: [-1] }))).toBe(
      '毎月最終金曜日',
    );
    expect(describeSchedule(buildRule({ freq: 'daily', opensAt: '09:00', closesAt: '17:00' }))).toBe(
      '毎日 9時〜17時',
    );
    expect(describeSchedule(buildRule({ freq: 'weekly', weekdays: [1, 3, 5] }))).toBe('毎週月・水・金曜日');
    expect(describeSchedule(buildRule({ freq: 'biweekly', weekdays: [2, 5] }))).toBe('隔週火・金曜日');
  });

  it('says only the months when nothing else is known', () => {
    expect(say('12月～3月は休み')).toBe('4月〜11月');
    expect(say('10時〜12時')).toBe('10時〜12時（日程はお問い合わせください）');
  });

  it('falls back to asking when a rule string is outside what it can word', () => {
    const rule = { ...parseJapaneseSchedule('毎週水曜日'), rrule: 'FREQ=YEARLY;BYMONTH=5' };
    expect(describeSchedule(rule)).toBe('水曜日（日程はお問い合わせください）');
  });

  it('reads back to the same schedule (parse ∘ describe keeps the meaning)', () => {
    const texts = [
      '毎月第4水曜日 10時〜12時',
      '毎週土曜日（6～10月） 9:30〜11:00',
      '月2回金曜日',
      '月火水木金 08:30～17:00 国民の祝日に関する法律に規定する休日及び年末年始（12月29日から翌年の1月3日）は終日利用不可。',
      '毎月5日・20日 13時〜',
      '毎週月曜日 8月は休み',
      '隔週水曜日（2026年4月8日から）',
      '毎週月曜日 お盆（8/13〜8/16）は休み',
    ];
    for (const text of texts) {
      const rule = parseJapaneseSchedule(text);
      const again = parseJapaneseSchedule(describeSchedule(rule));
      const { source: _a, note: _b, ...meaning } = rule;
      const { source: _c, note: _d, ...meaningAgain } = again;
      expect(meaningAgain, text).toEqual(meaning);
    }
  });
});
