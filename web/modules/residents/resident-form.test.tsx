import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInTokyo } from '../../../domain/dates';
import { Harness, scope, stubApi } from '../../test-support';
import { AREAS, MINENO_ID, RESIDENT_ID, resident, TENANT } from '../needs/test-fixtures';
import { ageText, EMPTY_RESIDENT, inputFromValues, ResidentEditPage, ResidentNewPage } from './resident-form';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;
const today = todayInTokyo();

describe('住民の登録: 同意', () => {
  it('records the ticked scopes with today as the date, and the rest of the person', async () => {
    const posted: Record<string, unknown>[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
      [`POST /api/t/${TENANT}/residents`]: (init) => {
        posted.push(json(init));
        return { status: 201, body: resident() };
      },
    });
    render(
      <Harness
        path={`/t/${TENANT}/residents/new`}
        route="/t/:tenant/residents/new"
        tenant={scope({ role: 'sc1' })}
      >
        <ResidentNewPage />
      </Harness>,
    );
    await screen.findByRole('option', { name: /峰野地区/ });
    fireEvent.change(screen.getByRole('textbox', { name: /^氏名/ }), { target: { value: '峰野 ハナ' } });
    fireEvent.change(screen.getByLabelText(/^よみがな/), { target: { value: 'みねの はな' } });
    fireEvent.change(screen.getByLabelText(/^生年月日/), { target: { value: '1942-05-03' } });
    // The age is shown from the birth date, as of today.
    expect(screen.getByText(new RegExp(`昭和17年5月3日・今日で${ageText('1942-05-03')}`))).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: '地域' }), { target: { value: MINENO_ID } });
    fireEvent.click(screen.getByRole('radio', { name: '独居' }));
    const consent = screen.getByRole('group', { name: '共有してよい相手' });
    const date = screen.getByLabelText(/^同意を得た日/) as HTMLInputElement;
    expect(date.value).toBe('');
    fireEvent.click(within(consent).getByRole('checkbox', { name: '地域包括支援センター' }));
    expect(date.value).toBe(today);
    fireEvent.click(within(consent).getByRole('checkbox', { name: '民生委員' }));
    fireEvent.change(date, { target: { value: '2026-11-02' } });
    fireEvent.click(screen.getByRole('button', { name: '登録する' }));

    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      name: '峰野 ハナ',
      kana: 'みねの はな',
      birthDate: '1942-05-03',
      townName: '',
      areaId: MINENO_ID,
      address: '',
      household: 'alone',
      phone: '',
      note: '',
      consent: { scopes: ['center', 'minsei'], on: '2026-11-02' },
    });
    await screen.findByText('別の画面');
  });

  it('asks for the date of a consent, and sends no consent at all when nothing is ticked', async () => {
    const posted: Record<string, unknown>[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
      [`POST /api/t/${TENANT}/residents`]: (init) => {
        posted.push(json(init));
        return { status: 201, body: resident() };
      },
    });
    render(
      <Harness
        path={`/t/${TENANT}/residents/new`}
        route="/t/:tenant/residents/new"
        tenant={scope({ role: 'sc2' })}
      >
        <ResidentNewPage />
      </Harness>,
    );
    fireEvent.change(await screen.findByRole('textbox', { name: /^氏名/ }), {
      target: { value: '南浜 タロウ' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: '民生委員' }));
    fireEvent.change(screen.getByLabelText(/^同意を得た日/), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '登録する' }));
    const summary = await screen.findByRole('alert', { name: '入力内容を確認してください' });
    const link = within(summary).getByRole('link', { name: '同意を得た日：入力してください' });
    expect(link.getAttribute('href')).toBe('#resident-consent-on');
    expect(posted).toHaveLength(0);

    fireEvent.click(screen.getByRole('checkbox', { name: '民生委員' }));
    fireEvent.click(screen.getByRole('button', { name: '登録する' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.consent).toBeNull();
  });
});

describe('住民の情報の変更: 同意の取り消し', () => {
  it('records a withdrawal (no scopes, dated) instead of dropping the consent', async () => {
    const patched: Record<string, unknown>[] = [];
    stubApi({
      [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
      [`GET /api/t/${TENANT}/residents/${RESIDENT_ID}`]: () => ({
        status: 200,
        body: {
          resident: resident({
            consent: { scopes: ['sc', 'minsei'], on: '2026-04-10', recordedBy: '森田 あゆみ' },
          }),
        },
      }),
      [`PATCH /api/t/${TENANT}/residents/${RESIDENT_ID}`]: (init) => {
        patched.push(json(init));
        return { status: 200, body: resident() };
      },
    });
    render(
      <Harness
        path={`/t/${TENANT}/residents/${RESIDENT_ID}/edit`}
        route="/t/:tenant/residents/:id/edit"
        tenant={scope({ role: 'sc1' })}
      >
        <ResidentEditPage id={RESIDENT_ID} />
      </Harness>,
    );
    expect(
      await screen.findByText(
        /今の記録：生活支援コーディネーター間、民生委員（令和8年4月10日、森田 あゆみ）/,
      ),
    ).toBeTruthy();
    const consent = screen.getByRole('group', { name: '共有してよい相手' });
    expect(
      within(consent)
        .getAllByRole('checkbox')
        .filter((c) => (c as HTMLInputElement).checked)
        .map((c) => c.parentElement?.textContent),
    ).toEqual(['生活支援コーディネーター間', '民生委員']);
    fireEvent.click(within(consent).getByRole('checkbox', { name: '生活支援コーディネーター間' }));
    fireEvent.click(within(consent).getByRole('checkbox', { name: '民生委員' }));
    fireEvent.change(screen.getByLabelText(/^同意を得た日/), { target: { value: '2026-11-24' } });
    fireEvent.click(screen.getByRole('button', { name: '変更を保存する' }));
    await waitFor(() => expect(patched).toHaveLength(1));
    expect(patched[0]).toMatchObject({ consent: { scopes: [], on: '2026-11-24' }, version: 4 });
  });
});

describe('inputFromValues', () => {
  it('keeps the scopes in the order of the list and leaves out empty optional values', () => {
    expect(
      inputFromValues(
        { ...EMPTY_RESIDENT, name: ' 峰野 ハナ ', consentScopes: ['minsei', 'sc'], consentOn: '2026-11-01' },
        false,
        '2026-11-24',
      ),
    ).toMatchObject({
      name: '峰野 ハナ',
      birthDate: null,
      areaId: null,
      consent: { scopes: ['sc', 'minsei'], on: '2026-11-01' },
    });
    expect(inputFromValues(EMPTY_RESIDENT, true, '2026-11-24').consent).toEqual({
      scopes: [],
      on: '2026-11-24',
    });
  });
});
