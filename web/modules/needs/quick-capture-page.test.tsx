import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Harness, scope, stubApi } from '../../test-support';
import { categoryChoices, QuickCapturePage } from './quick-capture-page';
import {
  AREAS,
  CENTRAL_ID,
  MINENO_ID,
  NEED_ID,
  NORTH_ID,
  need,
  RESIDENT_ID,
  resident,
  TAXONOMY,
  TENANT,
} from './test-fixtures';

beforeEach(() => {
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (init: RequestInit) => JSON.parse(init.body as string) as Record<string, unknown>;

function stub(posted: Record<string, unknown>[]) {
  return stubApi({
    [`GET /api/t/${TENANT}/taxonomy`]: () => ({ status: 200, body: TAXONOMY }),
    [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
    [`GET /api/t/${TENANT}/residents/${RESIDENT_ID}`]: () => ({
      status: 200,
      body: { resident: resident() },
    }),
    [`POST /api/t/${TENANT}/needs`]: (init) => {
      const body = json(init);
      posted.push(body);
      const areaName = AREAS.areas.find((a) => a.id === body.areaId)?.name ?? '';
      return {
        status: 201,
        body: need({
          id: NEED_ID,
          category: String(body.category),
          categoryName: TAXONOMY.terms.find((t) => t.code === body.category)?.name ?? '',
          areaId: String(body.areaId),
          areaName,
          source: body.source as 'salon',
          people: Number(body.people),
          summary: String(body.summary ?? ''),
        }),
      };
    },
  });
}

function renderQuick(role: 'sc1' | 'sc2' | 'council_member', path = `/t/${TENANT}/needs/quick`) {
  return render(
    <Harness
      path={path}
      route="/t/:tenant/needs/quick"
      tenant={scope({ role, areaIds: role === 'sc2' ? [NORTH_ID] : [] })}
    >
      <QuickCapturePage />
    </Harness>,
  );
}

describe('困りごとをその場で記録する', () => {
  it('a 第2層 SC records with two taps: her area, サロン, 1人 and ふつう are already chosen', async () => {
    const posted: Record<string, unknown>[] = [];
    stub(posted);
    renderQuick('sc2');
    const shopping = await screen.findByRole('radio', { name: '買い物支援' });
    // Her first assigned area is chosen; only her areas (and those below them) are offered.
    const area = screen.getByRole('combobox', { name: /^地域/ }) as HTMLSelectElement;
    expect(area.value).toBe(NORTH_ID);
    expect([...area.options].map((o) => o.textContent?.trim())).toEqual([
      '地域を選んでください',
      '北部圏域（第2層）',
      '峰野地区（第3層）',
    ]);
    expect((screen.getByRole('radio', { name: 'サロン' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'ふつう' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('人数') as HTMLInputElement).value).toBe('1');
    // Categories are grouped by the portal's groups; sub-terms wait behind 「その他の分類」.
    expect(screen.getByRole('group', { name: '買い物' })).toBeTruthy();
    expect(screen.getByText(/その他の分類/).closest('details')?.open).toBe(false);

    fireEvent.click(shopping);
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));

    await screen.findByRole('heading', { name: '記録しました' });
    expect(posted).toEqual([
      {
        category: 'kaimono',
        areaId: NORTH_ID,
        source: 'salon',
        residentId: null,
        people: 1,
        urgency: 'normal',
        summary: '',
        clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    ]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '記録しました' }));
    expect(screen.getByText(/北部圏域・買い物支援・1人・ふつう/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '記録した困りごとを開く' }).getAttribute('href')).toBe(
      `/t/${TENANT}/needs/${NEED_ID}`,
    );

    // 「続けて記録する」: a fresh form, the same area and source, no category yet.
    fireEvent.click(screen.getByRole('button', { name: '続けて記録する' }));
    const again = await screen.findByRole('radio', { name: '買い物支援' });
    expect((again as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('combobox', { name: /^地域/ }) as HTMLSelectElement).value).toBe(NORTH_ID);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: '居場所・サロン' }));
  });

  it('remembers the last area and source on this device, and sends the stepper, urgency and ひとこと', async () => {
    const posted: Record<string, unknown>[] = [];
    stub(posted);
    localStorage.setItem(`sasaeai:need-area:${TENANT}`, CENTRAL_ID);
    localStorage.setItem(`sasaeai:need-source:${TENANT}`, 'visit');
    renderQuick('sc1');
    await screen.findByRole('radio', { name: '見守り・安否確認' });
    expect((screen.getByRole('combobox', { name: /^地域/ }) as HTMLSelectElement).value).toBe(CENTRAL_ID);
    expect((screen.getByRole('radio', { name: '全戸訪問' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.change(screen.getByRole('combobox', { name: /^地域/ }), { target: { value: MINENO_ID } });
    fireEvent.click(screen.getByRole('radio', { name: '見守り・安否確認' }));
    const fewer = screen.getByRole('button', { name: '人数を1人減らす' }) as HTMLButtonElement;
    expect(fewer.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '人数を1人増やす' }));
    fireEvent.click(screen.getByRole('button', { name: '人数を1人増やす' }));
    expect(fewer.disabled).toBe(false);
    fireEvent.click(screen.getByRole('radio', { name: '窓口相談' }));
    fireEvent.click(screen.getByRole('radio', { name: '急ぎ' }));
    fireEvent.change(screen.getByLabelText(/ひとこと/), { target: { value: '  冬の安否が心配  ' } });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));

    await screen.findByRole('heading', { name: '記録しました' });
    expect(posted[0]).toEqual({
      category: 'mimamori',
      areaId: MINENO_ID,
      source: 'counter',
      residentId: null,
      people: 3,
      urgency: 'high',
      summary: '冬の安否が心配',
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(localStorage.getItem(`sasaeai:need-area:${TENANT}`)).toBe(MINENO_ID);
    expect(localStorage.getItem(`sasaeai:need-source:${TENANT}`)).toBe('counter');
  });

  it('names the missing category in Japanese and sends nothing', async () => {
    const posted: Record<string, unknown>[] = [];
    const calls = stub(posted);
    renderQuick('sc1');
    await screen.findByRole('radio', { name: '買い物支援' });
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    const summary = await screen.findByRole('alert', { name: '入力内容を確認してください' });
    expect(within(summary).getByRole('link', { name: '分類：あてはまる分類を選んでください' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: '地域：地域を選んでください' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('records for a registered resident, in her area, from 「この方の困りごとを記録」', async () => {
    const posted: Record<string, unknown>[] = [];
    stub(posted);
    renderQuick('sc2', `/t/${TENANT}/needs/quick?resident=${RESIDENT_ID}`);
    await screen.findByText(/さんの困りごととして記録します/);
    expect((screen.getByRole('combobox', { name: /^地域/ }) as HTMLSelectElement).value).toBe(MINENO_ID);
    fireEvent.click(screen.getByText(/その他の分類/));
    fireEvent.click(screen.getByRole('radio', { name: '移動販売' }));
    fireEvent.click(screen.getByRole('button', { name: '記録する' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ category: 'idou-hanbai', areaId: MINENO_ID, residentId: RESIDENT_ID });
    expect((await screen.findByRole('link', { name: '住民の画面へ戻る' })).getAttribute('href')).toBe(
      `/t/${TENANT}/residents/${RESIDENT_ID}`,
    );
  });

  it('tells a 協議体委員 that needs are not recorded in this role', async () => {
    stub([]);
    renderQuick('council_member');
    expect(await screen.findByText('この役割では困りごとを記録できません。')).toBeTruthy();
  });
});

describe('categoryChoices', () => {
  it('offers top-level terms by portal group and keeps sub-terms and unknown groups for 「その他の分類」', () => {
    const terms = [
      ...TAXONOMY.terms,
      { ...TAXONOMY.terms[0]!, code: 'machi-jiman', name: 'まちの自慢', group: 'town-own' },
    ];
    const { groups, others } = categoryChoices(terms);
    expect(groups.map((g) => [g.code, g.terms.map((t) => t.code)])).toEqual([
      ['gather', ['ibasho']],
      ['shopping', ['kaimono']],
      ['transport', ['idou']],
      ['watch', ['mimamori']],
      ['chores', ['kusakari']],
    ]);
    expect(others.map((t) => t.code)).toEqual(['idou-hanbai', 'machi-jiman']);
  });
});
