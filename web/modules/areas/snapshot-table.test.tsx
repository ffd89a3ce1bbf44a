import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../contracts/areas';
import { SnapshotTable } from './snapshot-table';

const takamatsu: Snapshot = {
  asOf: '2024-07-01',
  total: 418186,
  male: 201350,
  female: 216836,
  aged65: 120418,
  aged75: 68556,
  households: 204735,
  careCertified: null,
  agingRate: (120418 / 418186) * 100,
  rate75: (68556 / 418186) * 100,
  source: 'children',
  coveredChildren: 233,
  totalChildren: 235,
};

afterEach(cleanup);

describe('SnapshotTable', () => {
  it('shows each snapshot with its date in 和暦 (ISO on hover) and the rates rounded as on paper', () => {
    render(<SnapshotTable snapshots={[takamatsu]} caption="高松市の人口統計" />);
    const table = screen.getByRole('table', { name: '高松市の人口統計' });
    const row = within(table).getAllByRole('row')[1]!;
    const date = within(row).getByRole('rowheader');
    expect(date.textContent).toBe('令和6年7月1日');
    expect(date.querySelector('time')?.getAttribute('title')).toBe('2024-07-01');
    expect(date.querySelector('time')?.getAttribute('datetime')).toBe('2024-07-01');
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      '418,186',
      '201,350',
      '216,836',
      '120,418',
      '68,556',
      '28.8%',
      '16.4%',
      '204,735',
      '—',
      '下位の地域の合計（233/235 地域）',
    ]);
  });

  it('names every column a planner looks for', () => {
    render(<SnapshotTable snapshots={[]} caption="空" />);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      '基準日',
      '総人口',
      '男性',
      '女性',
      '65歳以上',
      '75歳以上',
      '高齢化率',
      '75歳以上の割合',
      '世帯数',
      '要介護認定者数',
      '値のもと',
    ]);
  });
});
