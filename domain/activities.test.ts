import { describe, expect, it } from 'vitest';
import {
  durationText,
  HEADLINES,
  hoursText,
  monthRange,
  SC_FUNCTIONS,
  suggestHeadlines,
  suggestTasks,
  tallyInOrder,
} from './activities';

describe('SC functions ①–⑥, A/B/C and a–e', () => {
  it('suggests the headline and 要綱 task an activity usually counts under', () => {
    expect(suggestHeadlines(['f6', 'f2'])).toEqual(['B', 'C']);
    expect(suggestHeadlines(['f1', 'f5'])).toEqual(['A']);
    expect(suggestHeadlines([])).toEqual([]);
    expect(suggestTasks(['f5', 'f1'])).toEqual(['a', 'b', 'd']);
    expect(suggestTasks(['nonsense'])).toEqual([]);
  });

  it('lists every function in a table, with zeros for those never done', () => {
    const t = tallyInOrder(SC_FUNCTIONS, [{ key: 'f3', count: 2, minutes: 90 }]);
    expect(t.map((r) => r.count)).toEqual([0, 0, 2, 0, 0, 0]);
    expect(t[2]).toMatchObject({ key: 'f3', minutes: 90 });
    expect(tallyInOrder(HEADLINES, []).map((r) => r.label)).toEqual([
      '資源開発',
      'ネットワーク構築',
      'ニーズと取組のマッチング',
    ]);
  });
});

describe('durations and months', () => {
  it('writes durations the way staff say them', () => {
    expect(durationText(45)).toBe('45分');
    expect(durationText(120)).toBe('2時間');
    expect(durationText(95)).toBe('1時間35分');
    expect(hoursText(95)).toBe('1.6');
  });

  it('knows the last day of every month, February of a leap year too', () => {
    expect(monthRange({ year: 2028, month: 2 })).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(monthRange({ year: 2026, month: 11 })).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });
});
