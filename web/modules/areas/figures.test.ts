import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../contracts/areas';
import { sourceLabel, trendSummary } from './figures';

function snap(asOf: string, total: number, aged65: number | null): Snapshot {
  return {
    asOf,
    total,
    male: null,
    female: null,
    aged65,
    aged75: null,
    households: null,
    careCertified: null,
    agingRate: aged65 === null ? null : (aged65 / total) * 100,
    rate75: null,
    source: 'own',
    coveredChildren: 0,
    totalChildren: 0,
  };
}

describe('trendSummary', () => {
  it('says in words how 高齢化率 and 総人口 moved between the first and last snapshot', () => {
    const text = trendSummary([
      snap('2026-04-01', 5732, 2350),
      snap('2024-04-01', 5910, 2317),
      snap('2025-04-01', 5823, 2330),
    ]);
    expect(text).toBe(
      '高齢化率は令和6年4月1日の39.2%から令和8年4月1日の41.0%へ上がっています。' +
        '総人口は令和6年4月1日の5,910人から令和8年4月1日の5,732人へ減っています。',
    );
  });

  it('says a rate went down and a population went up', () => {
    expect(trendSummary([snap('2024-04-01', 1000, 300), snap('2025-04-01', 1100, 300)])).toBe(
      '高齢化率は令和6年4月1日の30.0%から令和7年4月1日の27.3%へ下がっています。' +
        '総人口は令和6年4月1日の1,000人から令和7年4月1日の1,100人へ増えています。',
    );
  });

  it('does not claim a change the displayed figures do not show', () => {
    expect(trendSummary([snap('2024-04-01', 1000, 300), snap('2025-04-01', 1000, 300)])).toBe(
      '高齢化率は令和6年4月1日から令和7年4月1日まで30.0%で変わっていません。' +
        '総人口は令和6年4月1日から令和7年4月1日まで1,000人で変わっていません。',
    );
  });

  it('describes a single snapshot and the lack of any', () => {
    expect(trendSummary([snap('2024-07-01', 418186, 120418)])).toBe(
      '令和6年7月1日の高齢化率は28.8%、総人口は418,186人です。推移を示すには2時点以上の統計が必要です。',
    );
    expect(trendSummary([])).toBe('人口統計はまだありません。');
  });

  it('leaves the rate out when 65歳以上 is unknown', () => {
    expect(trendSummary([snap('2024-04-01', 100, null), snap('2025-04-01', 90, null)])).toBe(
      '総人口は令和6年4月1日の100人から令和7年4月1日の90人へ減っています。',
    );
  });
});

describe('sourceLabel', () => {
  it('names a sum of children with how many of them had figures', () => {
    expect(sourceLabel({ source: 'children', coveredChildren: 3, totalChildren: 4 })).toBe(
      '下位の地域の合計（3/4 地域）',
    );
    expect(sourceLabel({ source: 'own', coveredChildren: 0, totalChildren: 4 })).toBe('この地域の値');
  });
});
