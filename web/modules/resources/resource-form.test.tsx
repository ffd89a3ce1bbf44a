import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { emptyValues, inputFromValues, newSchedule, valuesFromResource } from './form-values';
import { ResourceEditPage, ResourceNewPage } from './resource-form';
import { AREAS, OTHER_ID, RESOURCE_ID, resource, TAXONOMY, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const common = {
  [`GET /api/t/${TENANT}/taxonomy`]: () => ({ status: 200, body: TAXONOMY }),
  [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
  [`GET /api/t/${TENANT}/organizations`]: () => ({ status: 200, body: { organizations: [] } }),
};

const json = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

describe('登録: the duplicate warning', () => {
  it('blocks registering until 「別の資源として登録する」 is chosen', async () => {
    const posted: Record<string, unknown>[] = [];
    const calls = stubApi({
      ...common,
      [`GET /api/t/${TENANT}/resources-similar`]: () => ({
        status: 200,
        body: {
          candidates: [
            {
              id: OTHER_ID,
              name: '峰野ふれあいサロン',
              address: '北海道ささえ町峰野1-1',
              distanceMetres: 38,
              similarity: 0.8,
            },
          ],
        },
      }),
      [`POST /api/t/${TENANT}/resources`]: (init) => {
        posted.push(json(init));
        return { status: 201, body: resource({ id: RESOURCE_ID, name: '峰野サロン' }) };
      },
    });
    render(
      <Harness
        path={`/t/${TENANT}/resources/new`}
        route="/t/:tenant/resources/new"
        tenant={scope({ role: 'sc1' })}
      >
        <ResourceNewPage />
      </Harness>,
    );
    fireEvent.change(screen.getByLabelText(/^名称/), { target: { value: '峰野サロン' } });
    fireEvent.click(await screen.findByRole('checkbox', { name: '居場所・サロン' }));
    fireEvent.change(screen.getByLabelText('緯度'), { target: { value: '43.3351' } });
    fireEvent.change(screen.getByLabelText('経度'), { target: { value: '141.8652' } });
    fireEvent.change(screen.getByLabelText('日時（文章）'), {
      target: { value: '毎月第2水曜日 10時〜12時' },
    });
    fireEvent.click(screen.getByRole('button', { name: '登録する' }));

    const warning = await screen.findByRole('alert', { name: '同じ資源がすでに登録されていませんか' });
    expect(
      within(warning)
        .getByRole('link', { name: /峰野ふれあいサロン/ })
        .getAttribute('href'),
    ).toBe(`/app/t/${TENANT}/resources/${OTHER_ID}`);
    expect(warning.textContent).toContain('約40m');
    const similar = calls.find((c) => c.url.includes('resources-similar'))!;
    expect(similar.url).toContain(`name=${encodeURIComponent('峰野サロン')}`);
    expect(similar.url).toContain('latitude=43.3351');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    // Asking again with the same name and place does not slip through either.
    fireEvent.click(screen.getByRole('button', { name: '登録する' }));
    await screen.findByRole('alert', { name: '同じ資源がすでに登録されていませんか' });
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    fireEvent.click(within(warning).getByRole('button', { name: '別の資源として登録する' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      name: '峰野サロン',
      categories: ['ibasho'],
      schedules: [{ text: '毎月第2水曜日 10時〜12時' }],
      location: { latitude: 43.3351, longitude: 141.8652, areaId: null },
    });
    await screen.findByText('別の画面');
  });

  it('names the missing category and a wrong coordinate before anything is sent', async () => {
    const calls = stubApi(common);
    render(
      <Harness
        path={`/t/${TENANT}/resources/new`}
        route="/t/:tenant/resources/new"
        tenant={scope({ role: 'sc1' })}
      >
        <ResourceNewPage />
      </Harness>,
    );
    await screen.findByRole('checkbox', { name: '居場所・サロン' });
    fireEvent.change(screen.getByLabelText(/^名称/), { target: { value: '新しいサロン' } });
    fireEvent.change(screen.getByLabelText('緯度'), { target: { value: '141.86' } });
    fireEvent.change(screen.getByLabelText('経度'), { target: { value: '43.33' } });
    fireEvent.click(screen.getByRole('button', { name: '登録する' }));
    const summary = await screen.findByRole('alert', { name: '入力内容を確認してください' });
    expect(within(summary).getByText('分類：分類を1つ以上選んでください')).toBeTruthy();
    expect(within(summary).getByText(/緯度と経度が逆になっているようです/)).toBeTruthy();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });
});

describe('編集: two people at once', () => {
  it('on 409 shows what was typed beside what is saved now, keeps the input, and can overwrite', async () => {
    const bodies: Record<string, unknown>[] = [];
    stubApi({
      ...common,
      [`GET /api/t/${TENANT}/resources/${RESOURCE_ID}`]: () => ({ status: 200, body: resource() }),
      [`PUT /api/t/${TENANT}/resources/${RESOURCE_ID}`]: (init) => {
        bodies.push(json(init));
        if (bodies.length === 1)
          return {
            status: 409,
            body: {
              error: {
                code: 'conflict',
                message: 'ほかの人が先にこの情報を変更しました。入力した内容は残っています。',
                current: resource({
                  name: '峰野ふれあいサロン（第2会場）',
                  notes: '会場が変わりました',
                  version: 4,
                }),
              },
              requestId: 'r',
            },
          };
        return { status: 200, body: resource({ name: String(bodies[1]!.name), version: 5 }) };
      },
    });
    render(
      <Harness path={`/t/${TENANT}/resources/${RESOURCE_ID}/edit`} route="/t/:tenant/resources/:id/edit">
        <ResourceEditPage id={RESOURCE_ID} />
      </Harness>,
    );
    const name = (await screen.findByLabelText(/^名称/)) as HTMLInputElement;
    expect(name.value).toBe('峰野ふれあいサロン');
    fireEvent.change(name, { target: { value: '峰野サロン「ひだまり」' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));

    const compare = await screen.findByRole('table', { name: /入力した内容と今保存されている内容/ });
    expect(bodies[0]).toMatchObject({ name: '峰野サロン「ひだまり」', version: 3 });
    // An unchanged schedule goes back as the rule it was, not re-read from text.
    expect(bodies[0]!.schedules).toEqual([{ rule: resource().schedules[0]!.rule }]);
    expect(screen.getByText(/ほかの人が先にこの情報を変更しました/)).toBeTruthy();
    const nameRow = within(compare).getByRole('row', { name: /^名称/ });
    expect(
      within(nameRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['峰野サロン「ひだまり」', '峰野ふれあいサロン（第2会場）']);
    expect(nameRow.className).toBe('changed');
    const notesRow = within(compare).getByRole('row', { name: /^内部メモ/ });
    expect(within(notesRow).getAllByRole('cell')[1]!.textContent).toBe('会場が変わりました');
    // What was typed is still in the form.
    expect((screen.getByLabelText(/^名称/) as HTMLInputElement).value).toBe('峰野サロン「ひだまり」');

    fireEvent.click(screen.getByRole('button', { name: '自分の入力で上書きする' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ name: '峰野サロン「ひだまり」', version: 4 });
    await screen.findByText('別の画面');
  });

  it('can load what is saved now instead (read again from the server)', async () => {
    let refused = false;
    const saved = resource({ name: '峰野ふれあいサロン（第2会場）', version: 4 });
    stubApi({
      ...common,
      [`GET /api/t/${TENANT}/resources/${RESOURCE_ID}`]: () => ({
        status: 200,
        body: refused
          ? { ...saved, organization: { id: OTHER_ID, name: '峰野町内会', kind: '町内会・自治会' } }
          : resource(),
      }),
      [`PUT /api/t/${TENANT}/resources/${RESOURCE_ID}`]: () => {
        refused = true;
        return {
          status: 409,
          body: {
            error: {
              code: 'conflict',
              message: 'ほかの人が先に保存しました',
              current: saved,
            },
            requestId: 'r',
          },
        };
      },
    });
    render(
      <Harness path={`/t/${TENANT}/resources/${RESOURCE_ID}/edit`} route="/t/:tenant/resources/:id/edit">
        <ResourceEditPage id={RESOURCE_ID} />
      </Harness>,
    );
    fireEvent.change(await screen.findByLabelText(/^名称/), { target: { value: '私の名前' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    fireEvent.click(await screen.findByRole('button', { name: /今の内容を読み込む/ }));
    await waitFor(() =>
      expect((screen.getByLabelText(/^名称/) as HTMLInputElement).value).toBe(
        '峰野ふれあいサロン（第2会場）',
      ),
    );
    expect(screen.getByText('峰野町内会')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /入力した内容と今保存されている内容/ })).toBeNull();
  });

  it('shows 422 field messages beside the fields and in the summary', async () => {
    stubApi({
      ...common,
      [`GET /api/t/${TENANT}/resources/${RESOURCE_ID}`]: () => ({ status: 200, body: resource() }),
      [`PUT /api/t/${TENANT}/resources/${RESOURCE_ID}`]: () => ({
        status: 422,
        body: {
          error: {
            code: 'validation_failed',
            message: '入力内容を確認してください',
            fields: [{ path: 'schedules.0', message: '日時（1件目）：形式が正しくありません' }],
          },
          requestId: 'r',
        },
      }),
    });
    render(
      <Harness path={`/t/${TENANT}/resources/${RESOURCE_ID}/edit`} route="/t/:tenant/resources/:id/edit">
        <ResourceEditPage id={RESOURCE_ID} />
      </Harness>,
    );
    await screen.findByLabelText(/^名称/);
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    const summary = await screen.findByRole('alert', { name: '入力内容を確認してください' });
    const link = within(summary).getByRole('link', { name: '日時（1件目）：形式が正しくありません' });
    expect(link.getAttribute('href')).toBe('#resource-schedules-0');
    expect(screen.getAllByText('日時（1件目）：形式が正しくありません').length).toBeGreaterThanOrEqual(2);
  });
});

describe('inputFromValues', () => {
  it('leaves out empty rows and an empty place, and keeps numbers typed in full width', () => {
    const v = {
      ...emptyValues(),
      name: 'ちょい加勢',
      categories: ['kaji'],
      free: false,
      capacity: '２０',
      feeOptions: [
        { key: 'a', label: '30分', amount: '300', note: '' },
        { key: 'b', label: '', amount: '', note: '' },
      ],
      phones: [{ key: 'p', number: '0126-50-1111', description: '', public: true }],
      contacts: [{ key: 'c', name: '', title: '', phone: '', email: '', public: false }],
      schedules: [newSchedule()],
    };
    const { body, problems } = inputFromValues(v, '2026-11-24');
    expect(problems).toEqual([]);
    expect(body).toMatchObject({
      capacity: 20,
      fees: { free: false, options: [{ label: '30分', amount: 300, note: '' }] },
      phones: [{ number: '0126-50-1111', public: true }],
      contacts: [],
      schedules: [],
      location: null,
    });
  });

  it('round-trips a saved resource: the place keeps its id and its area is found again', () => {
    const { body } = inputFromValues(valuesFromResource(resource()), '2026-11-24');
    expect(body.location).toMatchObject({
      id: '22222222-2222-4222-8222-222222222222',
      latitude: 43.335,
      areaId: null,
    });
    expect(body.areaIds).toEqual([]);
  });
});
