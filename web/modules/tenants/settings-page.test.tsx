import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tenant } from '../../../contracts/tenants';
import { Harness, scope, stubApi } from '../../test-support';
import { bodyFromValues, SettingsPage } from './settings-page';

function tenant(overrides: Partial<Tenant> = {}): Tenant {
  return {
    code: '019992',
    name: 'ささえ町',
    kana: 'ささえちょう',
    prefecture: '北海道',
    insurerNumber: null,
    fictional: true,
    openDataLicence: 'CC BY 4.0',
    portalContact: '',
    version: 2,
    ...overrides,
  };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage(
  onPatch: (body: Record<string, unknown>) => { status: number; body: unknown },
  role = scope(),
) {
  const calls = stubApi({
    'GET /api/t/019992': () => ({ status: 200, body: tenant() }),
    'PATCH /api/t/019992': (init) => onPatch(JSON.parse(init.body as string)),
  });
  render(
    <Harness path="/t/019992/settings" route="/t/:tenant/settings" tenant={role}>
      <SettingsPage />
    </Harness>,
  );
  return calls;
}

describe('SettingsPage', () => {
  it('sends the licence and the contact with the version it read, and says it saved', async () => {
    const bodies: Record<string, unknown>[] = [];
    renderPage((body) => {
      bodies.push(body);
      return { status: 200, body: tenant({ ...body, version: 3 } as Partial<Tenant>) };
    });
    const licence = (await screen.findByLabelText(/オープンデータのライセンス/)) as HTMLSelectElement;
    expect(licence.value).toBe('CC BY 4.0');
    fireEvent.change(licence, { target: { value: 'PDL1.0' } });
    const contact = screen.getByLabelText(/公開ページの問い合わせ先/) as HTMLInputElement;
    fireEvent.change(contact, {
      target: { value: '生活支援コーディネーター（ささえ町社会福祉協議会）電話 0126-50-1111' },
    });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    expect(await screen.findByText(/保存しました/)).toBeTruthy();
    expect(bodies).toEqual([
      {
        insurerNumber: null,
        openDataLicence: 'PDL1.0',
        portalContact: '生活支援コーディネーター（ささえ町社会福祉協議会）電話 0126-50-1111',
        version: 2,
      },
    ]);
    expect(screen.getByRole('link', { name: 'データの利用' }).getAttribute('href')).toBe(
      '/t/019992/downloads',
    );
  });

  it('clears the 保険者番号 when it is left empty', () => {
    expect(bodyFromValues({ insurerNumber: ' ', openDataLicence: 'CC0 1.0', portalContact: '' }, 4)).toEqual({
      insurerNumber: null,
      openDataLicence: 'CC0 1.0',
      portalContact: '',
      version: 4,
    });
  });

  it('checks a contact that is too long before sending, naming the field in Japanese', async () => {
    const calls = renderPage(() => ({ status: 200, body: tenant() }));
    const contact = (await screen.findByLabelText(/公開ページの問い合わせ先/)) as HTMLInputElement;
    fireEvent.change(contact, { target: { value: 'あ'.repeat(201) } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/公開ページの問い合わせ先/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
  });

  it('on 409 shows what was typed beside what is saved now', async () => {
    renderPage(() => ({
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'ほかの人が先にこの情報を変更しました。入力した内容は残っています。',
          current: tenant({ portalContact: '地域包括支援センター 電話 0126-50-2000', version: 5 }),
        },
        requestId: 'r',
      },
    }));
    const contact = (await screen.findByLabelText(/公開ページの問い合わせ先/)) as HTMLInputElement;
    fireEvent.change(contact, { target: { value: '社協 電話 0126-50-1111' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    const table = await screen.findByRole('table', { name: /入力した内容と今保存されている内容/ });
    const row = within(table).getByRole('row', { name: /公開ページの問い合わせ先/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['社協 電話 0126-50-1111', '地域包括支援センター 電話 0126-50-2000']);
    expect(contact.value).toBe('社協 電話 0126-50-1111');
  });

  it('shows the settings without a form to a 第1層 SC', async () => {
    renderPage(() => ({ status: 403, body: {} }), scope({ role: 'sc1' }));
    expect(await screen.findByText('団体の設定は保険者職員だけが変えられます。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '変更を保存する' })).toBeNull();
    expect(screen.getByText('クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）')).toBeTruthy();
  });
});
