import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { HistoryPage } from './history-page';
import { RESOURCE_ID, resource, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const revisions = [
  {
    revision: 2,
    action: 'update',
    actionLabel: '変更',
    at: '2026-11-24T05:05:00.000Z',
    by: '大野 健一',
    changes: [
      {
        field: 'schedules',
        label: '日時',
        from: '毎週木曜日 10時〜10時30分',
        to: '毎月第3金曜日 13時〜15時',
      },
    ],
  },
  {
    revision: 1,
    action: 'create',
    actionLabel: '登録',
    at: '2026-04-01T00:00:00.000Z',
    by: '森田 あゆみ',
    changes: [{ field: 'name', label: '名称', from: '（なし）', to: '峰野ふれあいサロン' }],
  },
];

describe('HistoryPage', () => {
  it('lists changes newest first and puts an earlier state back after asking, with the current version', async () => {
    const restores: { url: string; body: unknown }[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/resources/${RESOURCE_ID}`]: () => ({
        status: 200,
        body: resource({ version: 9 }),
      }),
      [`GET /api/t/${TENANT}/resources/${RESOURCE_ID}/revisions`]: () => ({
        status: 200,
        body: { revisions },
      }),
      [`POST /api/t/${TENANT}/resources/${RESOURCE_ID}/revisions/1/restore`]: (init, url) => {
        restores.push({ url, body: JSON.parse(init.body as string) });
        return { status: 200, body: resource({ version: 10 }) };
      },
    });
    render(
      <Harness path={`/t/${TENANT}/resources/${RESOURCE_ID}/history`} tenant={scope({ role: 'sc1' })}>
        <HistoryPage id={RESOURCE_ID} />
      </Harness>,
    );
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual([
      '令和8年11月24日 14:05 大野 健一 変更今の内容',
      '令和8年4月1日 09:00 森田 あゆみ 登録',
    ]);
    const table = screen.getByRole('table', { name: /14:05 大野 健一 変更/ });
    const row = within(table).getByRole('row', { name: /日時/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['毎週木曜日 10時〜10時30分', '毎月第3金曜日 13時〜15時']);
    // Only earlier states can be put back, and only after confirming.
    const buttons = screen.getAllByRole('button', { name: /この内容に戻す/ });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    expect(restores).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: '戻す' }));
    await waitFor(() => expect(restores).toHaveLength(1));
    expect(restores[0]!.body).toEqual({ version: 9 });
    await screen.findByText('1番目の内容に戻しました。戻したことも履歴に残っています。');
  });
});
