import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Area } from '../../../contracts/areas';
import { Harness, stubApi } from '../../test-support';
import { AreaEditPage, inputFromValues } from './area-form';

const ROOT_ID = '11111111-1111-4111-8111-111111111111';
const NORTH_ID = '22222222-2222-4222-8222-222222222222';

function area(overrides: Partial<Area>): Area {
  return {
    id: NORTH_ID,
    parentId: ROOT_ID,
    layer: 2,
    name: '北部圏域',
    kana: 'ほくぶけんいき',
    kind: '日常生活圏域',
    validFromFy: null,
    validToFy: null,
    townNames: ['峰野', '川上'],
    hasBoundary: false,
    sortOrder: 2,
    strengths: '',
    concerns: '',
    version: 3,
    canEdit: true,
    ...overrides,
  };
}

const root = area({
  id: ROOT_ID,
  parentId: null,
  layer: 1,
  name: 'ささえ町',
  kana: 'ささえちょう',
  kind: '市町村全域',
  townNames: [],
  version: 1,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEdit(onPatch: (body: Record<string, unknown>) => { status: number; body: unknown }) {
  const calls = stubApi({
    [`GET /api/t/019992/areas/${NORTH_ID}`]: () => ({
      status: 200,
      body: {
        area: area({}),
        ancestors: [{ id: ROOT_ID, name: 'ささえ町', layer: 1 }],
        children: [],
        snapshots: [],
        ageBands: null,
        boundary: null,
      },
    }),
    'GET /api/t/019992/areas': () => ({
      status: 200,
      body: {
        fiscalYear: 2026,
        canCreate: true,
        asOf: null,
        areas: [
          { ...root, latest: null },
          { ...area({}), latest: null },
        ],
      },
    }),
    [`PATCH /api/t/019992/areas/${NORTH_ID}`]: (init) => onPatch(JSON.parse(init.body as string)),
  });
  render(
    <Harness path={`/t/019992/areas/${NORTH_ID}/edit`} route="/t/:tenant/areas/:id/edit">
      <AreaEditPage id={NORTH_ID} />
    </Harness>,
  );
  return calls;
}

describe('AreaEditPage', () => {
  it('sends the version it read and, on 409, shows what was typed beside what is saved now, keeping the input', async () => {
    const bodies: Record<string, unknown>[] = [];
    renderEdit((body) => {
      bodies.push(body);
      if (bodies.length === 1) {
        return {
          status: 409,
          body: {
            error: {
              code: 'conflict',
              message: 'ほかの人が先にこの情報を変更しました。入力した内容は残っています。',
              current: area({ name: '北部圏域（見直し後）', version: 4 }),
            },
            requestId: 'r',
          },
        };
      }
      return { status: 200, body: area({ name: String(body.name), version: 5 }) };
    });
    const name = (await screen.findByLabelText(/^名称/)) as HTMLInputElement;
    expect(name.value).toBe('北部圏域');
    fireEvent.change(name, { target: { value: '北部圏域（峰野・川上）' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));

    const compare = await screen.findByRole('table', { name: /入力した内容と今保存されている内容/ });
    expect(bodies[0]).toMatchObject({
      name: '北部圏域（峰野・川上）',
      version: 3,
      layer: 2,
      parentId: ROOT_ID,
      townNames: ['峰野', '川上'],
    });
    expect(screen.getByText(/ほかの人が先にこの情報を変更しました/)).toBeTruthy();
    const nameRow = within(compare).getByRole('row', { name: /名称/ });
    expect(
      within(nameRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['北部圏域（峰野・川上）', '北部圏域（見直し後）']);
    expect(nameRow.className).toBe('changed');
    // What was typed is still in the form.
    expect((screen.getByLabelText(/^名称/) as HTMLInputElement).value).toBe('北部圏域（峰野・川上）');

    // Overwriting sends the typed values with the version the server reported.
    fireEvent.click(screen.getByRole('button', { name: '自分の入力で上書きする' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toMatchObject({ name: '北部圏域（峰野・川上）', version: 4 });
    await screen.findByText('別の画面');
  });

  it('can load what is saved now instead', async () => {
    renderEdit(() => ({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'ほかの人が先に保存しました',
          current: area({ name: '北部圏域（見直し後）', townNames: ['峰野'], version: 4 }),
        },
        requestId: 'r',
      },
    }));
    fireEvent.change(await screen.findByLabelText(/^名称/), { target: { value: '私の名前' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    fireEvent.click(await screen.findByRole('button', { name: /今の内容を読み込む/ }));
    expect((screen.getByLabelText(/^名称/) as HTMLInputElement).value).toBe('北部圏域（見直し後）');
    expect((screen.getByLabelText(/^含まれる町丁/) as HTMLTextAreaElement).value).toBe('峰野');
    expect(screen.queryByRole('table', { name: /入力した内容と今保存されている内容/ })).toBeNull();
  });

  it('names each wrong field in Japanese from the contract before anything is sent', async () => {
    const calls = renderEdit(() => ({ status: 500, body: {} }));
    fireEvent.change(await screen.findByLabelText(/^名称/), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(/^よみがな/), { target: { value: 'ホクブ' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: '名称：入力してください' }).getAttribute('href')).toBe(
      '#area-name',
    );
    expect(within(summary).getByRole('link', { name: 'よみがな：ひらがなで入力してください' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });
});

describe('inputFromValues', () => {
  it('turns the typed text into the request body, one 町丁 per line', () => {
    expect(
      inputFromValues({
        name: '南部',
        kana: 'なんぶ',
        layer: '2',
        kind: '日常生活圏域',
        parentId: '',
        validFromFy: '2024',
        validToFy: '',
        townNames: '南浜\r\n\n 港町 \n',
        sortOrder: '',
        strengths: '朝市に人が集まる',
        concerns: '',
      }),
    ).toEqual({
      name: '南部',
      kana: 'なんぶ',
      layer: 2,
      kind: '日常生活圏域',
      parentId: null,
      validFromFy: 2024,
      validToFy: null,
      townNames: ['南浜', '港町'],
      sortOrder: 0,
      strengths: '朝市に人が集まる',
      concerns: '',
    });
  });
});
