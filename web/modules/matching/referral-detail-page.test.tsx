import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Referral } from '../../../contracts/matching';
import { Harness, scope, stubApi } from '../../test-support';
import { ReferralDetailPage } from './referral-detail-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TENANT = '019992';
const ID = '5a0d8d5e-0b5f-4f45-9a9b-3c1f0e6d2a11';

const referral = (over: Partial<Referral> = {}): Referral => ({
  id: ID,
  needId: '6b1e9e6f-1c6a-4a56-8bac-4d2a1f7e3b22',
  needSummary: '買い物に行けない',
  residentId: '7c2fa07a-2d7b-4b67-9cbd-5e3b2a8f4c33',
  residentName: '峰野 ハナ',
  targetKind: 'resource',
  targetId: '8d30b18b-3e8c-4c78-8dce-6f4c3b9a5d44',
  targetName: '峰野 移動販売の停留所',
  category: 'kaimono',
  categoryName: '買い物支援',
  areaId: '9e41c29c-4f9d-4d89-9edf-7a5d4cab6e55',
  areaName: '峰野地区',
  status: 'contacted',
  scUserId: null,
  scName: '森田 あゆみ',
  proposedOn: '2026-11-30',
  startedOn: null,
  closedOn: null,
  followUpOn: '2026-12-07',
  followUpHint: '受け入れ先の返事を確かめる',
  outcomeReason: '',
  reasons: ['同じ地区（峰野地区）', '木曜開催'],
  summary: '',
  version: 2,
  createdAt: '2026-11-30T01:00:00.000Z',
  updatedAt: '2026-12-01T01:00:00.000Z',
  canEdit: true,
  ...over,
});

const detail = (r: Referral) => ({
  referral: r,
  events: [
    {
      on: '2026-11-30',
      at: '2026-11-30T01:00:00.000Z',
      actor: '森田 あゆみ',
      side: 'sc',
      fromStatus: null,
      toStatus: 'proposed',
      note: '',
    },
    {
      on: '2026-12-01',
      at: '2026-12-01T01:00:00.000Z',
      actor: '森田 あゆみ',
      side: 'resident',
      fromStatus: 'proposed',
      toStatus: 'contacted',
      note: '木曜に行ってみるとのこと',
    },
  ],
  nextStatuses: ['accepted', 'started', 'ongoing', 'ended', 'failed'],
});

function renderPage() {
  return render(
    <Harness
      path={`/t/${TENANT}/referrals/${ID}`}
      route="/t/:tenant/referrals/:id"
      tenant={scope({ role: 'sc2' })}
    >
      <ReferralDetailPage id={ID} />
    </Harness>,
  );
}

describe('つなぎの画面', () => {
  it('shows where it stands and its history, and asks for a reason before 不成立 is sent', async () => {
    const posted: unknown[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/referrals/${ID}`]: () => ({ status: 200, body: detail(referral()) }),
      [`POST /api/t/${TENANT}/referrals/${ID}/status`]: (init) => {
        const body = JSON.parse(init.body as string);
        posted.push(body);
        if (!body.reason)
          return {
            status: 422,
            body: {
              error: {
                code: 'validation_failed',
                message: '入力内容を確認してください',
                fields: [{ path: 'reason', message: '不成立の理由を選ぶか書いてください。' }],
              },
              requestId: 'x',
            },
          };
        return { status: 200, body: referral({ status: 'failed', version: 3, followUpOn: null }) };
      },
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: /峰野 移動販売の停留所へのつなぎ/ });
    expect(screen.getByText('木曜に行ってみるとのこと')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'つなぎの段階' }).textContent).toContain('連絡済');
    // Only the steps it may take now.
    expect(screen.queryByRole('radio', { name: '提案' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '不成立' }));
    // The reasons offered for 不成立 (a select), not the free "skip" reason.
    const pick = screen.getByRole('combobox', { name: /不成立の理由/ });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    expect(await screen.findByText('不成立の理由を選ぶか書いてください。')).toBeTruthy();
    fireEvent.change(pick, { target: { value: '日程・時間が合わなかった' } });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]).toMatchObject({ status: 'failed', reason: '日程・時間が合わなかった', version: 2 });
  });

  it('says so when someone else recorded a step first, and keeps what was typed', async () => {
    let version = 2;
    stubApi({
      [`GET /api/t/${TENANT}/referrals/${ID}`]: () => ({ status: 200, body: detail(referral({ version })) }),
      [`POST /api/t/${TENANT}/referrals/${ID}/status`]: () => {
        version = 3;
        return {
          status: 409,
          body: {
            error: { code: 'conflict', message: 'ほかの人が先に変更しました。' },
            current: referral({ version: 3 }),
            requestId: 'x',
          },
        };
      },
    });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: /へのつなぎ/ });
    fireEvent.click(screen.getByRole('radio', { name: '受入確認' }));
    fireEvent.change(screen.getByLabelText('メモ（経過に残ります）'), {
      target: { value: '販売員さんが声をかけてくれる' },
    });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    expect(await screen.findByText(/ほかの人が先に変更しました。 最新の内容を読み込みました/)).toBeTruthy();
    expect((screen.getByLabelText('メモ（経過に残ります）') as HTMLTextAreaElement).value).toBe(
      '販売員さんが声をかけてくれる',
    );
  });
});
