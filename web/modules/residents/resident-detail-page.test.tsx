import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { NEED_ID, need, RESIDENT_ID, resident, TENANT } from '../needs/test-fixtures';
import { ResidentDetailPage } from './resident-detail-page';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

function setup(eraseReply?: () => { status: number; body: unknown }) {
  const erased: Record<string, unknown>[] = [];
  const calls = stubApi({
    [`GET /api/t/${TENANT}/residents/${RESIDENT_ID}`]: () => ({
      status: 200,
      body: {
        resident: resident({
          consent: { scopes: ['center'], on: '2026-11-02', recordedBy: '森田 あゆみ' },
        }),
      },
    }),
    [`GET /api/t/${TENANT}/needs`]: () => ({
      status: 200,
      body: {
        total: 1,
        page: 1,
        perPage: 200,
        items: [need({ residentId: RESIDENT_ID, residentName: '峰野 ハナ' })],
      },
    }),
    [`POST /api/t/${TENANT}/residents/${RESIDENT_ID}/erase`]: (init) => {
      erased.push(json(init));
      return eraseReply?.() ?? { status: 200, body: { erased: true, needsKept: 1 } };
    },
  });
  render(
    <Harness
      path={`/t/${TENANT}/residents/${RESIDENT_ID}`}
      route="/t/:tenant/residents/:id"
      tenant={scope({ role: 'sc2', areaIds: ['11111111-1111-4111-8111-111111111111'] })}
    >
      <ResidentDetailPage id={RESIDENT_ID} />
    </Harness>,
  );
  return { erased, calls };
}

describe('住民の詳細', () => {
  it('shows the person with age, consent, her needs, and the links for her own requests', async () => {
    const { calls } = setup();
    await screen.findByRole('heading', { level: 1, name: '峰野 ハナさん' });
    expect(screen.getByText('この画面の閲覧は記録されます。')).toBeTruthy();
    expect(screen.getByText('昭和17年5月3日').closest('dd')?.textContent).toMatch(/（\d+歳）/);
    expect(screen.getByRole('link', { name: /0126-50-9876/ }).getAttribute('href')).toBe('tel:0126509876');
    expect(screen.getByText('地域包括支援センター')).toBeTruthy();
    const needs = await screen.findByRole('table', { name: /この方の困りごと/ });
    expect(within(needs).getByRole('link', { name: '店まで行けない' }).getAttribute('href')).toBe(
      `/t/${TENANT}/needs/${NEED_ID}`,
    );
    expect(calls.find((c) => c.url.startsWith(`/api/t/${TENANT}/needs`))?.url).toContain(
      `residentId=${RESIDENT_ID}`,
    );
    for (const link of screen.getAllByRole('link', { name: 'この方の困りごとを記録' }))
      expect(link.getAttribute('href')).toBe(`/t/${TENANT}/needs/quick?resident=${RESIDENT_ID}`);
    const download = screen.getByRole('link', { name: '本人の求めによる書き出し（JSON）' });
    expect(download.getAttribute('href')).toBe(`/api/t/${TENANT}/residents/${RESIDENT_ID}/export`);
    expect(download.hasAttribute('download')).toBe(true);
  });
});

describe('本人の求めによる消去', () => {
  it('explains what stays and that it cannot be undone, needs a reason, then erases', async () => {
    const { erased } = setup();
    fireEvent.click(await screen.findByRole('button', { name: '本人の求めによる消去…' }));
    const confirm = screen.getByRole('form', { name: '峰野 ハナさんの情報を消去しますか' });
    expect(document.activeElement).toBe(within(confirm).getByRole('heading'));
    expect(confirm.textContent).toContain('誰のものか分からない形で残り、件数の集計には引き続き使われます');
    expect(confirm.textContent).toContain('元に戻せません。');

    // No reason: said next to the field, nothing sent.
    fireEvent.click(within(confirm).getByRole('button', { name: /消去する/ }));
    expect(await within(confirm).findByText('消去の理由：入力してください')).toBeTruthy();
    expect(erased).toHaveLength(0);

    fireEvent.change(within(confirm).getByLabelText(/^消去の理由/), {
      target: { value: '本人から電話で申し出' },
    });
    fireEvent.click(within(confirm).getByRole('button', { name: /消去する/ }));
    await waitFor(() => expect(erased).toHaveLength(1));
    expect(erased[0]).toEqual({ version: 4, reason: '本人から電話で申し出' });
    await screen.findByText('別の画面');
  });

  it('can be called off, and on 409 keeps the reason and says why', async () => {
    const { erased } = setup(() => ({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'ほかの人が先にこの方の情報を変更しました。',
          current: resident(),
        },
        requestId: 'r',
      },
    }));
    fireEvent.click(await screen.findByRole('button', { name: '本人の求めによる消去…' }));
    fireEvent.click(screen.getByRole('button', { name: 'やめる' }));
    expect(screen.queryByRole('form', { name: /消去しますか/ })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: '本人の求めによる消去…' })),
    );

    fireEvent.click(screen.getByRole('button', { name: '本人の求めによる消去…' }));
    fireEvent.change(screen.getByLabelText(/^消去の理由/), { target: { value: '本人の申し出' } });
    fireEvent.click(screen.getByRole('button', { name: /消去する/ }));
    expect(
      await screen.findByText(/ほかの人が先にこの方の情報を変更しました。 最新の内容を読み込みました/),
    ).toBeTruthy();
    expect(erased).toHaveLength(1);
    expect((screen.getByLabelText(/^消去の理由/) as HTMLTextAreaElement).value).toBe('本人の申し出');
  });
});
