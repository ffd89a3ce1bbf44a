import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { NeedMatching } from './suggestions';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TENANT = '019992';
const NEED = '6b1e9e6f-1c6a-4a56-8bac-4d2a1f7e3b22';
const SHOP = '8d30b18b-3e8c-4c78-8dce-6f4c3b9a5d44';
const HELPER = 'ae52d3ad-5fae-4e9a-afe0-8b6e5dbc7f66';

const suggestion = (over: Record<string, unknown>) => ({
  kind: 'resource',
  id: SHOP,
  name: '峰野 移動販売の停留所',
  score: 93,
  distance: 600,
  detail: '峰野公民館前　毎週木曜日 10時〜10時30分',
  referredAs: null,
  reasons: [
    { code: 'category', text: '買い物支援の一つ（移動販売）', tone: 'good', points: 36 },
    { code: 'area', text: '同じ地区（峰野地区）', tone: 'good', points: 30 },
    { code: 'stale', text: '情報の確認期限が過ぎています（最終確認 令和5年6月）', tone: 'bad', points: -12 },
  ],
  ...over,
});

describe('つなぎ先の候補', () => {
  it('shows each candidate with its reasons (signs, not colour alone) and records a つなぎ with them', async () => {
    const posted: Record<string, unknown>[] = [];
    const asked: string[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/referrals`]: () => ({
        status: 200,
        body: { total: 0, page: 1, perPage: 50, items: [] },
      }),
      [`GET /api/t/${TENANT}/needs/${NEED}/suggestions`]: (_init, url) => {
        asked.push(url);
        return {
          status: 200,
          body: {
            needId: NEED,
            category: 'kaimono',
            categoryName: '買い物支援',
            areaName: '峰野地区',
            resources: [suggestion({})],
            helpers: [
              suggestion({
                kind: 'helper',
                id: HELPER,
                name: '峰野 和子',
                detail: '買物代行　木・金曜',
                referredAs: 'proposed',
                reasons: [
                  { code: 'area', text: '同じ地区に住んでいます（峰野地区）', tone: 'good', points: 32 },
                ],
              }),
            ],
            opportunities: [],
          },
        };
      },
      [`POST /api/t/${TENANT}/referrals`]: (init) => {
        posted.push(JSON.parse(init.body as string));
        return {
          status: 201,
          body: {
            id: '11111111-1111-4111-8111-111111111111',
            needId: NEED,
            needSummary: '買い物に行けない',
            residentId: null,
            residentName: null,
            targetKind: 'resource',
            targetId: SHOP,
            targetName: '峰野 移動販売の停留所',
            category: 'kaimono',
            categoryName: '買い物支援',
            areaId: '9e41c29c-4f9d-4d89-9edf-7a5d4cab6e55',
            areaName: '峰野地区',
            status: 'proposed',
            scUserId: null,
            scName: '森田 あゆみ',
            proposedOn: '2026-12-06',
            startedOn: null,
            closedOn: null,
            followUpOn: '2026-12-13',
            followUpHint: '本人や家族に伝えたか確かめる',
            outcomeReason: '',
            reasons: [],
            summary: '木曜に一緒に行く',
            version: 1,
            createdAt: '2026-12-06T01:00:00.000Z',
            updatedAt: '2026-12-06T01:00:00.000Z',
            canEdit: true,
          },
        };
      },
    });
    render(
      <Harness tenant={scope({ role: 'sc2' })}>
        <NeedMatching needId={NEED} canEdit />
      </Harness>,
    );
    const shop = (await screen.findByRole('link', { name: '峰野 移動販売の停留所' })).closest('li')!;
    expect(shop.textContent).toContain('良い点：同じ地区（峰野地区）');
    expect(shop.textContent).toContain('気になる点：情報の確認期限が過ぎています');
    // Already proposed: no second つなぐ for the helper.
    const helper = screen.getByRole('link', { name: '峰野 和子' }).closest('li')!;
    expect(within(helper).queryByRole('button', { name: /つなぐ/ })).toBeNull();
    expect(helper.textContent).toContain('提案');

    fireEvent.click(screen.getByRole('checkbox', { name: '木' }));
    await waitFor(() => expect(asked.at(-1)).toContain('days=4'));

    fireEvent.click(within(shop).getByRole('button', { name: '峰野 移動販売の停留所につなぐ' }));
    fireEvent.change(within(shop).getByLabelText(/メモ/), { target: { value: '木曜に一緒に行く' } });
    fireEvent.click(within(shop).getByRole('button', { name: '提案として記録する' }));
    await screen.findByText(/へのつなぎを提案として記録しました/);
    expect(posted[0]).toMatchObject({
      needId: NEED,
      targetKind: 'resource',
      targetId: SHOP,
      summary: '木曜に一緒に行く',
      // Only the good reasons are kept as "why this one".
      reasons: ['買い物支援の一つ（移動販売）', '同じ地区（峰野地区）'],
    });
  });
});
