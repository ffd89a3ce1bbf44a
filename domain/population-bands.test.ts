import { describe, expect, it } from 'vitest';
import { type BandCount, bandsOf, sumBands } from './population-bands';

const bands = (m: number, f: number): BandCount[] => [
  { band: { from: 0, to: 64 }, male: m, female: f, total: m + f },
  { band: { from: 65, to: null }, male: m, female: f, total: m + f },
];

describe('age bands', () => {
  it('sum when the layouts agree, and refuse to guess when one is missing', () => {
    expect(sumBands([bands(1, 2), bands(3, 4)])![1]).toEqual({
      band: { from: 65, to: null },
      male: 4,
      female: 6,
      total: 10,
    });
    expect(sumBands([bands(1, 2), null])).toBeNull();
  });

  it('follow the own-row-else-children rule of the totals', () => {
    const children = new Map<string | null, { id: string }[]>([
      ['root', [{ id: 'a' }, { id: 'b' }]],
      ['b', [{ id: 'b1' }]],
    ]);
    const own = new Map([
      ['a', new Map([['2024-04-01', bands(1, 1)]])],
      ['b1', new Map([['2024-04-01', bands(2, 2)]])],
    ]);
    expect(bandsOf('root', '2024-04-01', children, own)![0]!.total).toBe(6);
    expect(bandsOf('root', '2025-04-01', children, own)).toBeNull();
  });
});
