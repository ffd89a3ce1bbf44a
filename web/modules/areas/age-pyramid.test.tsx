import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgeBands } from '../../../contracts/areas';
import { AgePyramid, bandLabel, pyramidSummary } from './age-pyramid';

afterEach(cleanup);

const data: AgeBands = {
  asOf: '2024-07-01',
  bands: [
    { from: 0, to: 4, male: 10, female: 12, total: 22 },
    { from: 60, to: 64, male: 30, female: 31, total: 61 },
    { from: 65, to: 69, male: 40, female: 45, total: 85 },
    { from: 85, to: null, male: 5, female: 27, total: 32 },
  ],
};

describe('AgePyramid', () => {
  it('names the bands as people say them', () => {
    expect(bandLabel({ from: 70, to: 74 })).toBe('70〜74歳');
    expect(bandLabel({ from: 85, to: null })).toBe('85歳以上');
  });

  it('sums up the pyramid in a sentence', () => {
    expect(pyramidSummary(data)).toBe(
      '令和6年7月1日現在、人数が最も多い年齢層は65〜69歳（85人）です。65歳以上は117人で、年齢別の合計200人のうちの割合は58.5%です。',
    );
  });

  it('keeps the table behind the chart', () => {
    render(<AgePyramid data={data} />);
    const table = screen.getByRole('table', { name: '令和6年7月1日現在の5歳階級別人口' });
    const last = within(table).getByRole('row', { name: /85歳以上/ });
    expect(
      within(last)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['5', '27', '32']);
  });
});
