import { describe, expect, it } from 'vitest';
import {
  agingRate,
  formatCount,
  formatPercent,
  rate75,
  rollupStatistics,
  type StatRow,
  type StatValues,
  sumStats,
} from './population';

const stats = (total: number, rest: Partial<StatValues> = {}): StatValues => ({
  total,
  male: null,
  female: null,
  aged65: null,
  aged75: null,
  households: null,
  careCertified: null,
  ...rest,
});

const row = (areaId: string, asOf: string, total: number, rest: Partial<StatValues> = {}): StatRow => ({
  ...stats(total, rest),
  areaId,
  asOf,
});

describe('rates', () => {
  it('gives 高齢化率 and the 75+ share in percent, unrounded', () => {
    expect(agingRate({ total: 418186, aged65: 120418 })).toBeCloseTo(28.7953, 4);
    expect(rate75({ total: 418186, aged75: 68556 })).toBeCloseTo(16.3937, 4);
    expect(agingRate({ total: 3, aged65: 1 })).toBeCloseTo(33.3333, 4);
  });

  it('is null when the total is 0 or the count unknown', () => {
    expect(agingRate({ total: 0, aged65: 0 })).toBeNull();
    expect(agingRate({ total: 100, aged65: null })).toBeNull();
    expect(rate75({ total: 0, aged75: 0 })).toBeNull();
    expect(rate75({ total: 100, aged75: null })).toBeNull();
  });
});

describe('formatPercent', () => {
  it('shows 高松市 2024-07 as 28.8%', () => {
    expect(formatPercent(agingRate({ total: 418186, aged65: 120418 }))).toBe('28.8%');
  });

  it('rounds halves up, even where binary floating point falls just short', () => {
    expect(formatPercent(28.75)).toBe('28.8%');
    expect(formatPercent(28.85)).toBe('28.9%');
    expect(formatPercent(1.005, 2)).toBe('1.01%');
    expect(formatPercent(28.749)).toBe('28.7%');
  });

  it('honours the number of digits and pads with zeros', () => {
    expect(formatPercent(28.79532, 2)).toBe('28.80%');
    expect(formatPercent(28.79532, 0)).toBe('29%');
    expect(formatPercent(30)).toBe('30.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });

  it('shows unknown as a dash', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(418186)).toBe('418,186');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
  });

  it('shows unknown as a dash', () => {
    expect(formatCount(null)).toBe('—');
  });
});

describe('sumStats', () => {
  it('adds every figure', () => {
    const a = stats(100, { male: 48, female: 52, aged65: 30, aged75: 15, households: 40, careCertified: 5 });
    const b = stats(50, { male: 20, female: 30, aged65: 10, aged75: 4, households: 25, careCertified: 2 });
    expect(sumStats([a, b])).toEqual({
      total: 150,
      male: 68,
      female: 82,
      aged65: 40,
      aged75: 19,
      households: 65,
      careCertified: 7,
    });
  });

  it('keeps unknown unknown: one null makes the sum null', () => {
    const a = stats(100, { male: 48, aged65: 30 });
    const b = stats(50, { male: 20, aged65: null });
    const s = sumStats([a, b]);
    expect(s.total).toBe(150);
    expect(s.male).toBe(68);
    expect(s.aged65).toBeNull();
    expect(s.careCertified).toBeNull();
  });

  it('sums nothing to zeros', () => {
    expect(sumStats([])).toEqual(
      stats(0, { male: 0, female: 0, aged65: 0, aged75: 0, households: 0, careCertified: 0 }),
    );
  });
});

describe('rollupStatistics', () => {
  // 市 → 圏域 A, B → 地区 a1, a2, b1.
  const areas = [
    { id: 'city', parentId: null },
    { id: 'A', parentId: 'city' },
    { id: 'B', parentId: 'city' },
    { id: 'a1', parentId: 'A' },
    { id: 'a2', parentId: 'A' },
    { id: 'b1', parentId: 'B' },
  ];

  it('makes the 第1層 total the sum of the leaves', () => {
    const rows = [
      row('a1', '2024-07-01', 400, { aged65: 100, households: 200 }),
      row('a2', '2024-07-01', 600, { aged65: 200, households: 250 }),
      row('b1', '2024-07-01', 1000, { aged65: 300, households: 500 }),
    ];
    const out = rollupStatistics(areas, rows);
    const city = out.get('city')!;
    expect(city).toHaveLength(1);
    expect(city[0]).toMatchObject({
      asOf: '2024-07-01',
      total: 2000,
      aged65: 600,
      households: 950,
      source: 'children',
      coveredChildren: 2,
      totalChildren: 2,
    });
    expect(out.get('A')![0]).toMatchObject({
      total: 1000,
      aged65: 300,
      coveredChildren: 2,
      totalChildren: 2,
    });
    expect(out.get('a1')![0]).toMatchObject({
      total: 400,
      source: 'own',
      coveredChildren: 0,
      totalChildren: 0,
    });
    // Unknown figures of leaves stay unknown higher up.
    expect(city[0]!.male).toBeNull();
  });

  it('keeps a parent’s own row instead of the children’s sum', () => {
    const rows = [row('a1', '2024-07-01', 400), row('a2', '2024-07-01', 600), row('A', '2024-07-01', 1010)];
    const a = rollupStatistics(areas, rows).get('A')!;
    expect(a).toEqual([
      expect.objectContaining({ total: 1010, source: 'own', coveredChildren: 2, totalChildren: 2 }),
    ]);
    // The city above builds on A's own figure.
    expect(rollupStatistics(areas, rows).get('city')![0]).toMatchObject({ total: 1010, coveredChildren: 1 });
  });

  it('reports partial coverage and gives one snapshot per date, sorted', () => {
    const rows = [
      row('a1', '2024-07-01', 400),
      row('a1', '2023-07-01', 410),
      row('a2', '2023-07-01', 590),
      row('b1', '2024-07-01', 1000),
    ];
    const out = rollupStatistics(areas, rows);
    const city = out.get('city')!;
    expect(city.map((s) => s.asOf)).toEqual(['2023-07-01', '2024-07-01']);
    expect(city[0]).toMatchObject({ total: 1000, coveredChildren: 1, totalChildren: 2 });
    expect(city[1]).toMatchObject({ total: 1400, coveredChildren: 2, totalChildren: 2 });
    expect(out.get('A')![1]).toMatchObject({
      asOf: '2024-07-01',
      total: 400,
      coveredChildren: 1,
      totalChildren: 2,
    });
    expect(out.get('B')!.map((s) => s.asOf)).toEqual(['2024-07-01']);
  });

  it('lists every area, with no snapshots where nothing is known, and ignores rows of unknown areas', () => {
    const out = rollupStatistics(areas, [row('elsewhere', '2024-07-01', 5)]);
    expect([...out.keys()].sort()).toEqual(['A', 'B', 'a1', 'a2', 'b1', 'city']);
    expect([...out.values()].every((s) => s.length === 0)).toBe(true);
  });

  it('refuses a cycle in the hierarchy', () => {
    expect(() =>
      rollupStatistics(
        [
          { id: 'x', parentId: 'y' },
          { id: 'y', parentId: 'x' },
        ],
        [],
      ),
    ).toThrow('循環');
  });

  it('sums a town of 1,000 areas over 20 dates', () => {
    const many: { id: string; parentId: string | null }[] = [{ id: 'root', parentId: null }];
    for (let i = 0; i < 20; i++) many.push({ id: `k${i}`, parentId: 'root' });
    for (let i = 0; many.length < 1000; i++) many.push({ id: `t${i}`, parentId: `k${i % 20}` });
    const leaves = many.filter((a) => a.id.startsWith('t'));
    const dates = Array.from({ length: 20 }, (_, i) => `${2005 + i}-04-01`);
    const rows = leaves.flatMap((a) => dates.map((d) => row(a.id, d, 10, { aged65: 3 })));
    const out = rollupStatistics(many, rows);
    const root = out.get('root')!;
    expect(root).toHaveLength(20);
    expect(root.every((s) => s.total === leaves.length * 10 && s.aged65 === leaves.length * 3)).toBe(true);
  });
});
