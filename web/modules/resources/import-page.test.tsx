import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { ResourceImportPage } from './import-page';
import { importJob, TAXONOMY, TENANT } from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ResourceImportPage', () => {
  it('sends the mapping as changed, then saves only when the preview has no errors, following the progress', async () => {
    const remaps: Record<string, unknown>[] = [];
    let polls = 0;
    const calls = stubApi({
      [`GET /api/t/${TENANT}/taxonomy`]: () => ({ status: 200, body: TAXONOMY }),
      [`GET /api/t/${TENANT}/resource-import-presets`]: () => ({ status: 200, body: { presets: [] } }),
      [`POST /api/t/${TENANT}/resource-imports`]: () => ({ status: 201, body: importJob() }),
      [`PUT /api/t/${TENANT}/resource-imports/${importJob().id}/mapping`]: (init) => {
        const body = JSON.parse(init.body as string);
        remaps.push(body);
        return {
          status: 200,
          body: importJob({
            mapping: body.mapping,
            canCommit: true,
            errors: [],
            counts: { added: 52, changed: 0, unchanged: 0, removed: 0 },
            preview: [
              {
                line: 2,
                change: 'added',
                name: '日新コミュニティセンター',
                category: '集会所・公共施設',
                address: '高松市瀬戸内町22-9',
                schedule: '',
                scheduleNeedsReview: false,
              },
            ],
          }),
        };
      },
      [`POST /api/t/${TENANT}/resource-imports/${importJob().id}/commit`]: () => ({
        status: 200,
        body: importJob({ status: 'running', errors: [], progress: { done: 0, total: 52 } }),
      }),
      [`GET /api/t/${TENANT}/resource-imports/${importJob().id}`]: () => {
        polls++;
        return {
          status: 200,
          body:
            polls < 2
              ? importJob({ status: 'running', errors: [], progress: { done: 26, total: 52 } })
              : importJob({
                  status: 'committed',
                  errors: [],
                  counts: { added: 52, changed: 0, unchanged: 0, removed: 0 },
                  committedAt: '2026-11-24T03:00:00.000Z',
                }),
        };
      },
    });
    render(
      <Harness path={`/t/${TENANT}/resources/import`} tenant={scope({ role: 'sc1' })}>
        <ResourceImportPage />
      </Harness>,
    );
    const file = new File(['name,address\n'], 'community_center.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText(/^資源の一覧ファイル/), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: '読み込んで確認する' }));

    const result = await screen.findByRole('region', { name: '確認の結果' });
    expect(result.textContent).toContain('UTF-8');
    expect(result.textContent).toContain('52行');
    expect(
      within(result).getByText('2行目：分類がありません。全行共通の分類を選んでください。'),
    ).toBeTruthy();
    expect(within(result).queryByRole('button', { name: 'この内容で保存する' })).toBeNull();
    expect((screen.getByLabelText('telephoneNumber') as HTMLSelectElement).value).toBe('phone');

    fireEvent.change(screen.getByLabelText('note'), { target: { value: '' } });
    await screen.findByRole('option', { name: '集会所・公共施設' });
    fireEvent.change(screen.getByLabelText(/^分類（全行共通）/), { target: { value: 'shisetsu' } });
    fireEvent.change(screen.getByLabelText(/^この割り当てを保存する/), {
      target: { value: '高松市の施設一覧' },
    });
    expect(screen.getByText(/割り当てを変えました/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '割り当てを反映して確認する' }));

    await waitFor(() => expect(remaps).toHaveLength(1));
    expect(remaps[0]).toEqual({
      mapping: {
        columns: { name: 'name', address: 'address', telephoneNumber: 'phone' },
        defaultCategory: 'shisetsu',
        defaultKind: 'formal',
        sourceSystem: 'community_center',
        markMissingDefunct: false,
      },
      savePresetAs: '高松市の施設一覧',
    });
    await screen.findByRole('table', { name: /取り込む行/ });
    const added = screen.getAllByText('追加').find((e) => e.tagName === 'DT')!;
    expect(added.parentElement?.textContent).toBe('追加52件');
    expect(screen.getByRole('table', { name: /取り込む行/ }).textContent).toContain(
      '日新コミュニティセンター',
    );

    fireEvent.click(screen.getByRole('button', { name: 'この内容で保存する' }));
    const bar = await screen.findByRole('progressbar');
    expect(bar.getAttribute('max')).toBe('52');
    await screen.findByText('保存しました', {}, { timeout: 5000 });
    expect(screen.getByText(/追加 52件/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST' && c.url.endsWith('/commit'))).toHaveLength(1);
  });
});
