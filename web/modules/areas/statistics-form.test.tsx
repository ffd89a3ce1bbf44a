import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Area } from '../../../contracts/areas';
import { Harness, stubApi } from '../../test-support';
import { parseCount, StatisticsForm } from './statistics-form';

const area: Area = {
  id: '0b6c1f4e-3f1a-4a39-9d4a-1c2b3d4e5f60',
  parentId: null,
  layer: 3,
  name: '峰野地区',
  kana: 'みねのちく',
  kind: '地区',
  validFromFy: null,
  validToFy: null,
  townNames: [],
  hasBoundary: false,
  sortOrder: 0,
  strengths: '',
  concerns: '',
  version: 1,
  canEdit: true,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
}

describe('StatisticsForm', () => {
  it('checks with the contract before sending: a non-number names the field and nothing is sent', async () => {
    const calls = stubApi({});
    render(
      <Harness>
        <StatisticsForm tenant="019992" area={area} latest={null} />
      </Harness>,
    );
    fill('基準日', '2025-04-01');
    fill('総人口', '四百');
    fireEvent.click(screen.getByRole('button', { name: '保存する' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('総人口：数値を入力してください');
    expect(document.activeElement).toBe(summary);
    expect(screen.getByLabelText(/^総人口/).getAttribute('aria-invalid')).toBe('true');
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s field errors beside the fields and keeps everything typed', async () => {
    const calls = stubApi({
      [`PUT /api/t/019992/areas/${area.id}/statistics/2025-04-01`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'validation_failed',
            message: '入力内容を確認してください',
            fields: [{ path: 'aged75', message: '75歳以上の人数が65歳以上の人数を超えています' }],
          },
          requestId: 'r',
        },
      }),
    });
    render(
      <Harness>
        <StatisticsForm tenant="019992" area={area} latest={null} />
      </Harness>,
    );
    fill('基準日', '2025-04-01');
    fill('総人口', '1,000');
    fill('65歳以上', '300');
    fill('75歳以上', '250');
    fill('要介護認定者数', '１２０');
    // 75+ ≤ 65+ holds here, so only the server can refuse: make it do so.
    fireEvent.click(screen.getByRole('button', { name: '保存する' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      total: 1000,
      male: null,
      female: null,
      aged65: 300,
      aged75: 250,
      households: null,
      careCertified: 120,
    });
    const field = await screen.findByText('75歳以上の人数が65歳以上の人数を超えています', {
      selector: '.field__error',
    });
    expect(field).toBeTruthy();
    expect(screen.getByRole('link', { name: '75歳以上の人数が65歳以上の人数を超えています' })).toBeTruthy();
    expect((screen.getByLabelText(/^総人口/) as HTMLInputElement).value).toBe('1,000');
    expect((screen.getByLabelText(/^75歳以上/) as HTMLInputElement).value).toBe('250');
    expect((screen.getByLabelText(/^要介護認定者数/) as HTMLInputElement).value).toBe('１２０');
  });
});

describe('parseCount', () => {
  it('reads counts as staff type them', () => {
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('１２３')).toBe(123);
    expect(parseCount(' ')).toBeNull();
    expect(parseCount('12人')).toBe('12人');
  });
});
