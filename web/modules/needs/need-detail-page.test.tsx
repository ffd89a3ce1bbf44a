import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { NeedDetailPage } from './need-detail-page';
import { NeedEditPage } from './need-form';
import { AREAS, NEED_ID, need, RESOURCE_ID, TAXONOMY, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

const detail = (overrides: Parameters<typeof need>[0] = {}) => ({
  need: need({ status: 'referred', resourceIds: [RESOURCE_ID], ...overrides }),
  history: [
    { at: '2026-11-20T01:00:00.000Z', actor: '森田 あゆみ', fromStatus: null, toStatus: 'new', note: '' },
    {
      at: '2026-11-22T05:30:00.000Z',
      actor: '森田 あゆみ',
      fromStatus: 'new',
      toStatus: 'referred',
      note: '移動販売の停留所を紹介した',
    },
  ],
  resources: [{ id: RESOURCE_ID, name: '移動販売の停留所（峰野）' }],
  nextStatuses: ['in_progress', 'resolved', 'watching', 'unresolved'],
});

const common = {
  [`GET /api/t/${TENANT}/taxonomy`]: () => ({ status: 200, body: TAXONOMY }),
  [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
};

function renderDetail() {
  return render(
    <Harness
      path={`/t/${TENANT}/needs/${NEED_ID}`}
      route="/t/:tenant/needs/:id"
      tenant={scope({ role: 'sc1' })}
    >
      <NeedDetailPage id={NEED_ID} />
    </Harness>,
  );
}

describe('困りごとの詳細', () => {
  it('shows the history and links the resources, and offers only the statuses the need may move to', async () => {
    const posted: Record<string, unknown>[] = [];
    let current = detail();
    stubApi({
      ...common,
      [`GET /api/t/${TENANT}/needs/${NEED_ID}`]: () => ({ status: 200, body: current }),
      [`POST /api/t/${TENANT}/needs/${NEED_ID}/status`]: (init) => {
        posted.push(json(init));
        current = { ...detail({ status: 'resolved', version: 3 }), nextStatuses: ['in_progress'] };
        return { status: 200, body: current.need };
      },
    });
    renderDetail();
    await screen.findByRole('heading', { level: 1, name: /店まで行けない/ });
    expect(screen.getByText('この画面の閲覧は記録されます。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '移動販売の停留所（峰野）' }).getAttribute('href')).toBe(
      `/t/${TENANT}/resources/${RESOURCE_ID}`,
    );
    const history = screen.getByRole('table', { name: /状況の履歴/ });
    expect(within(history).getByText('移動販売の停留所を紹介した')).toBeTruthy();
    expect(within(history).getAllByRole('row')[2]!.textContent).toContain('新規からつないだ');

    const form = screen.getByRole('form', { name: '状況を変える' });
    expect(
      within(form)
        .getAllByRole('radio')
        .map((r) => r.parentElement?.textContent),
    ).toEqual(['対応中', '解決', '見守り継続', '未解決']);
    // Not the status it already has, nor one the rules do not allow.
    expect(within(form).queryByRole('radio', { name: 'つないだ' })).toBeNull();
    expect(within(form).queryByRole('radio', { name: '新規' })).toBeNull();

    // Nothing chosen: said in words, nothing sent.
    fireEvent.click(within(form).getByRole('button', { name: '状況を変える' }));
    expect(await within(form).findByText('変えたあとの状況を選んでください。')).toBeTruthy();
    expect(posted).toHaveLength(0);

    fireEvent.click(within(form).getByRole('radio', { name: '解決' }));
    fireEvent.change(within(form).getByLabelText(/メモ/), { target: { value: '週1回買い物に行けている' } });
    fireEvent.click(within(form).getByRole('button', { name: '状況を変える' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ status: 'resolved', note: '週1回買い物に行けている', version: 2 });
    expect(await screen.findByText(/状況を「解決」にしました/)).toBeTruthy();
    // After the change the choices are those of the new status.
    await waitFor(() =>
      expect(
        within(screen.getByRole('form', { name: '状況を変える' }))
          .getAllByRole('radio')
          .map((r) => r.parentElement?.textContent),
      ).toEqual(['対応中']),
    );
  });

  it('on 409 says so, reloads the need and keeps the note', async () => {
    let reads = 0;
    stubApi({
      ...common,
      [`GET /api/t/${TENANT}/needs/${NEED_ID}`]: () => {
        reads++;
        return { status: 200, body: detail({ version: reads > 1 ? 5 : 2 }) };
      },
      [`POST /api/t/${TENANT}/needs/${NEED_ID}/status`]: () => ({
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'ほかの人が先にこの困りごとを変更しました。',
            current: need({ version: 5 }),
          },
          requestId: 'r',
        },
      }),
    });
    renderDetail();
    const form = await screen.findByRole('form', { name: '状況を変える' });
    fireEvent.click(within(form).getByRole('radio', { name: '対応中' }));
    fireEvent.change(within(form).getByLabelText(/メモ/), { target: { value: '本人に電話する' } });
    fireEvent.click(within(form).getByRole('button', { name: '状況を変える' }));
    expect(
      await screen.findByText(/ほかの人が先にこの困りごとを変更しました。 最新の内容を読み込みました/),
    ).toBeTruthy();
    await waitFor(() => expect(reads).toBe(2));
    expect((screen.getByRole('textbox', { name: /メモ/ }) as HTMLTextAreaElement).value).toBe(
      '本人に電話する',
    );
  });
});

describe('困りごとを編集', () => {
  it('sends the whole need with its version (keeping the resident) and keeps the input on 409', async () => {
    const bodies: Record<string, unknown>[] = [];
    stubApi({
      ...common,
      [`GET /api/t/${TENANT}/needs/${NEED_ID}`]: () => ({
        status: 200,
        body: detail({ residentId: '55555555-5555-4555-8555-555555555555', residentName: '峰野 ハナ' }),
      }),
      [`PATCH /api/t/${TENANT}/needs/${NEED_ID}`]: (init) => {
        bodies.push(json(init));
        return bodies.length === 1
          ? {
              status: 409,
              body: {
                error: {
                  code: 'conflict',
                  message: 'ほかの人が先にこの困りごとを変更しました。',
                  current: need({ version: 7, people: 5, status: 'referred' }),
                },
                requestId: 'r',
              },
            }
          : { status: 200, body: need({ version: 8, people: 4 }) };
      },
    });
    render(
      <Harness
        path={`/t/${TENANT}/needs/${NEED_ID}/edit`}
        route="/t/:tenant/needs/:id/edit"
        tenant={scope({ role: 'sc1' })}
      >
        <NeedEditPage id={NEED_ID} />
      </Harness>,
    );
    const people = (await screen.findByLabelText(/^人数/)) as HTMLInputElement;
    fireEvent.change(people, { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));

    const conflict = await screen.findByRole('alert', { name: 'ほかの人が先に保存しました' });
    expect(bodies[0]).toMatchObject({
      category: 'kaimono',
      people: 4,
      residentId: '55555555-5555-4555-8555-555555555555',
      resourceIds: [RESOURCE_ID],
      raisedOn: '2026-11-20',
      version: 2,
    });
    expect((screen.getByLabelText(/^人数/) as HTMLInputElement).value).toBe('4');
    const row = within(conflict).getByRole('row', { name: /人数/ });
    expect(row.textContent).toContain('4');
    expect(row.textContent).toContain('5');

    fireEvent.click(within(conflict).getByRole('button', { name: '自分の入力で上書きする' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ people: 4, version: 7 });
    await screen.findByText('別の画面');
  });
});
