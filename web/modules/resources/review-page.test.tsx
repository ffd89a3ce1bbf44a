import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { ReviewPage } from './review-page';
import { AREAS, OTHER_ID, RESOURCE_ID, resource, summary, TAXONOMY, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const overdue = {
  ...summary({ stale: true, nextCheckDue: '2026-07-12', name: '南部認知症カフェ「オレンジ」', version: 7 }),
  daysOverdue: 135,
  reasons: ['確認期限を135日過ぎています'],
};
const soon = {
  ...summary({ id: OTHER_ID, name: '峰野ふれあいサロン', nextCheckDue: '2026-12-10' }),
  daysOverdue: null,
  reasons: ['30日以内に確認期限が来ます'],
};

describe('ReviewPage', () => {
  it('verifies a row with its version in one click; the row leaves with a spoken message', async () => {
    let verified = false;
    const bodies: unknown[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/taxonomy`]: () => ({ status: 200, body: TAXONOMY }),
      [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
      [`GET /api/t/${TENANT}/resources-review`]: () => ({
        status: 200,
        body: verified
          ? { overdue: 0, dueSoon: 1, items: [soon] }
          : { overdue: 1, dueSoon: 1, items: [overdue, soon] },
      }),
      [`POST /api/t/${TENANT}/resources/${RESOURCE_ID}/verify`]: (init) => {
        bodies.push(JSON.parse(init.body as string));
        verified = true;
        return { status: 200, body: resource({ nextCheckDue: '2027-11-24', version: 8 }) };
      },
    });
    render(
      <Harness path={`/t/${TENANT}/resources/review`} tenant={scope({ role: 'sc1' })}>
        <ReviewPage />
      </Harness>,
    );
    const list = await screen.findByRole('list', { name: '確認する資源' });
    const rows = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(rows.map((r) => within(r).getByRole('heading').textContent)).toEqual([
      '南部認知症カフェ「オレンジ」',
      '峰野ふれあいサロン',
    ]);
    expect(rows[0]!.textContent).toContain('確認期限を135日過ぎています');
    expect(screen.getByText('期限切れ').parentElement?.textContent).toContain('1');

    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^確認済み/ }));
    await screen.findByText(
      '「南部認知症カフェ「オレンジ」」を確認済みにしました。次の確認は令和9年11月24日です。',
    );
    expect(bodies).toEqual([{ version: 7 }]);
    await waitFor(() =>
      expect(screen.queryByRole('heading', { name: '南部認知症カフェ「オレンジ」' })).toBeNull(),
    );
    expect(screen.getByRole('heading', { name: '峰野ふれあいサロン' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('期限切れ').parentElement?.textContent).toContain('0'));
  });

  it('says so when someone else changed the resource first, and reloads', async () => {
    let loads = 0;
    stubApi({
      [`GET /api/t/${TENANT}/taxonomy`]: () => ({ status: 200, body: TAXONOMY }),
      [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
      [`GET /api/t/${TENANT}/resources-review`]: () => {
        loads++;
        return { status: 200, body: { overdue: 1, dueSoon: 0, items: [overdue] } };
      },
      [`POST /api/t/${TENANT}/resources/${RESOURCE_ID}/verify`]: () => ({
        status: 409,
        body: {
          error: { code: 'conflict', message: '先に変更されました', current: resource() },
          requestId: 'r',
        },
      }),
    });
    render(
      <Harness path={`/t/${TENANT}/resources/review`} tenant={scope({ role: 'sc1' })}>
        <ReviewPage />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /^確認済み/ }));
    await screen.findByText(/ほかの人が先に変更しました。一覧を読み込み直しました/);
    await waitFor(() => expect(loads).toBe(2));
  });
});
