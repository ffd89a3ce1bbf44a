import { describe, expect, it } from 'vitest';
import {
  classOf,
  gapSentence,
  mapClasses,
  needsText,
  perThousandText,
  reachedFromAbove,
  resourcesText,
  trendSentence,
  trendTable,
  usedCategories,
  weekdaysText,
} from './matrix';
import { cell, MINENO_ID, matrix } from './test-fixtures';

describe('what a cell says', () => {
  it('writes weekdays as a schedule is read: ranges of three or more, the week from Monday', () => {
    expect(weekdaysText([])).toBe('');
    expect(weekdaysText([0, 1, 2, 3, 4, 5, 6])).toBe('毎日');
    expect(weekdaysText([1, 2, 3, 4, 5])).toBe('月〜金');
    expect(weekdaysText([1, 2, 3, 4, 5, 6])).toBe('月〜土');
    expect(weekdaysText([2, 5])).toBe('火・金');
    expect(weekdaysText([6, 0])).toBe('土・日');
    expect(weekdaysText([1, 2, 3, 6])).toBe('月〜水・土');
  });

  it('counts needs with people and resources with capacity and days', () => {
    expect(needsText({ openNeeds: 2, people: 5 })).toBe('困りごと 2件（5人）');
    expect(needsText({ openNeeds: 0, people: 0 })).toBe('困りごと なし');
    expect(resourcesText({ resources: 2, capacity: 20, weekdays: [1, 2, 3, 4, 5] })).toBe(
      '資源 2（定員20人・月〜金）',
    );
    expect(resourcesText({ resources: 1, capacity: null, weekdays: [] })).toBe('資源 1');
    expect(resourcesText({ resources: 0, capacity: null, weekdays: [] })).toBe('資源 なし');
    // Only the figures that say something: no 「資源0.0」 beside a 空白, no 「困りごと0.0人」 beside a salon.
    const rate = { needsPer1000: 22.3, resourcesPer1000: 8.9 };
    expect(perThousandText({ openNeeds: 2, resources: 0, ...rate })).toBe('千人あたり 困りごと22.3人');
    expect(perThousandText({ openNeeds: 0, resources: 2, ...rate })).toBe('千人あたり 資源8.9');
    expect(perThousandText({ openNeeds: 2, resources: 2, ...rate })).toBe(
      '千人あたり 困りごと22.3人・資源8.9',
    );
    expect(
      perThousandText({ openNeeds: 2, resources: 1, needsPer1000: null, resourcesPer1000: null }),
    ).toBeNull();
  });

  it('tells a cell reached from above (needs, nothing inside, not 空白) from a 空白', () => {
    expect(reachedFromAbove(cell({ areaId: MINENO_ID, category: 'idou', openNeeds: 1 }))).toBe(true);
    expect(reachedFromAbove(cell({ areaId: MINENO_ID, category: 'idou', openNeeds: 1, gap: true }))).toBe(
      false,
    );
    expect(reachedFromAbove(cell({ areaId: MINENO_ID, category: 'idou', resources: 1 }))).toBe(false);
  });
});

describe('the matrix as a whole', () => {
  it('shows only categories with something in them, in the taxonomy order', () => {
    expect(usedCategories(matrix()).map((c) => c.code)).toEqual(['ibasho', 'kaimono', 'idou']);
    expect(usedCategories(matrix(), true).map((c) => c.code)).toEqual(['kaimono', 'idou']);
  });

  it('sums 空白 and names the areas with most of them', () => {
    expect(gapSentence(matrix())).toBe('空白は1件あります。多いのは峰野地区（1件）です。');
    const m = matrix();
    expect(gapSentence({ areas: m.areas.map((a) => ({ ...a, gaps: 0 })) })).toBe('空白はありません。');
  });

  it('classes the map: 0 alone, then three steps; unknown population is its own class', () => {
    expect(mapClasses([0, 1, 4], 'gaps').map((c) => c.label)).toEqual(['空白なし', '1件', '2件', '3件以上']);
    expect(classOf(4, [0, 1, 4], 'gaps')).toBe(3);
    expect(classOf(0, [0, 1, 4], 'gaps')).toBe(0);
    const values = [0, 10, 30, null];
    expect(mapClasses(values, 'per1000').map((c) => c.label)).toEqual([
      '0人',
      '0.1〜10.0人',
      '10.1〜20.0人',
      '20.1人以上',
      '65歳以上人口が分からない',
    ]);
    expect(values.map((v) => classOf(v, values, 'per1000'))).toEqual([0, 1, 3, -1]);
  });

  it('tabulates the trend by 年度 and category and says it in words', () => {
    const t = trendTable(matrix());
    expect(t.years).toEqual([2025, 2026]);
    expect(t.rows.map((r) => [r.name, ...r.counts])).toEqual([
      ['買い物支援', 1, 3],
      ['移動支援', 0, 2],
    ]);
    expect(t.totals).toEqual([1, 5]);
    expect(trendSentence(t)).toBe(
      '令和8年度に把握した困りごとは5件（令和7年度は1件）。多いのは買い物支援（3件）、移動支援（2件）。',
    );
  });
});
