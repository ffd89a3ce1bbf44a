import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TenantScope } from '../../lib/session';
import { Harness, scope, stubApi } from '../../test-support';
import { NeedsMatrixPage } from './needs-matrix-page';
import {
  AREAS,
  BOUNDARIES,
  cellDetail,
  MINENO_ID,
  matrix,
  NEED_ID,
  need,
  RESOURCE_ID,
  TENANT,
} from './test-fixtures';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup(detail: ReturnType<typeof cellDetail>, tenant: TenantScope) {
  const calls = stubApi({
    [`GET /api/t/${TENANT}/needs-matrix`]: () => ({ status: 200, body: matrix() }),
    [`GET /api/t/${TENANT}/needs-matrix/cell`]: () => ({ status: 200, body: detail }),
    [`GET /api/t/${TENANT}/area-boundaries`]: () => ({ status: 200, body: BOUNDARIES }),
    [`GET /api/t/${TENANT}/areas`]: () => ({ status: 200, body: AREAS }),
  });
  render(
    <Harness path={`/t/${TENANT}/needs-matrix?layer=3`} route="/t/:tenant/needs-matrix" tenant={tenant}>
      <NeedsMatrixPage />
    </Harness>,
  );
  return calls;
}

const council = scope({ role: 'council_member' });

async function table() {
  return screen.findByRole('table', { name: /地区ごとの困りごとと地域資源/ });
}

describe('ニーズと地域資源', () => {
  it('says 空白 in words in a 空白 cell, and only there', async () => {
    const calls = setup(cellDetail(), council);
    const grid = await table();
    const gap = within(grid).getByRole('button', { name: /^峰野地区・買い物支援：/ });
    expect(gap.textContent).toContain('空白');
    expect(gap.textContent).toContain('困りごと 2件（5人）');
    expect(gap.textContent).toContain('資源 なし');
    expect(gap.textContent).toContain('千人あたり 困りごと22.3人');
    expect(gap.closest('td')?.className).toContain('nm-cell--gap');
    // Needs with a resource nearby, and a resource with no need: no 空白.
    const served = within(grid).getByRole('button', { name: /^川上地区・買い物支援：/ });
    expect(served.textContent).not.toContain('空白');
    expect(served.textContent).toContain('資源 1（木）');
    expect(within(grid).getByRole('button', { name: /^川上地区・居場所・サロン：/ }).textContent).toContain(
      '資源 2（定員20人・月〜金）',
    );
    // Columns: only categories with something; rows carry the 圏域 and the people aged 65+.
    expect(within(grid).queryByRole('columnheader', { name: /家事援助/ })).toBeNull();
    const mineno = within(grid).getByRole('rowheader', { name: /峰野地区/ });
    expect(mineno.textContent).toContain('北部圏域');
    expect(mineno.textContent).toContain('65歳以上 224人');
    expect(screen.getByText('空白は1件あります。多いのは峰野地区（1件）です。')).toBeTruthy();
    expect(calls.find((c) => c.url.includes('/needs-matrix?'))?.url).toContain('layer=3');
    // The export links follow the choices.
    expect(screen.getByRole('link', { name: /会議資料（PDF）/ }).getAttribute('href')).toBe(
      `/api/t/${TENANT}/needs-matrix/export?layer=3&format=pdf`,
    );
    expect(screen.getByRole('link', { name: /Excel（xlsx）/ }).hasAttribute('download')).toBe(true);
  });

  it('opens a cell for a 協議体委員 with the count only, and gives the focus back when closed', async () => {
    setup(
      cellDetail({
        needs: null,
        openNeeds: 2,
        resources: [],
      }),
      council,
    );
    const grid = await table();
    const gap = within(grid).getByRole('button', { name: /^峰野地区・買い物支援：/ });
    gap.focus();
    fireEvent.click(gap);
    const dialog = await screen.findByRole('dialog', { name: '峰野地区 × 買い物支援' });
    expect(await within(dialog).findByText('困りごと 2件（個人に関わるため件数のみ表示）')).toBeTruthy();
    expect(
      within(dialog).getByText(/上の層（圏域・町全体）にも、この分類の地域資源がありません/),
    ).toBeTruthy();
    expect(within(dialog).queryByRole('link', { name: /坂の上/ })).toBeNull();
    expect(dialog.textContent).not.toContain('峰野 ハナ');
    // The list of resources that reach the area (with those of the town and the 圏域).
    expect(
      within(dialog)
        .getByRole('link', { name: /地域資源の一覧で見る/ })
        .getAttribute('href'),
    ).toBe(`/t/${TENANT}/resources?area=${MINENO_ID}&category=kaimono`);
    expect(document.activeElement?.textContent).toBe('峰野地区 × 買い物支援');

    fireEvent.click(within(dialog).getAllByRole('button', { name: '閉じる' })[0]!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(gap);
  });

  it('lists the needs, without names, for those who may read them', async () => {
    setup(
      cellDetail({
        needs: [need()],
        openNeeds: 3,
        resources: [
          { id: RESOURCE_ID, name: '峰野 移動販売の停留所', areaNames: ['峰野地区'], schedule: '毎週木曜日' },
        ],
      }),
      scope({ role: 'sc1' }),
    );
    fireEvent.click(within(await table()).getByRole('button', { name: /^峰野地区・買い物支援：/ }));
    const dialog = await screen.findByRole('dialog', { name: '峰野地区 × 買い物支援' });
    const link = await within(dialog).findByRole('link', { name: '坂の上で店まで歩けない' });
    expect(link.getAttribute('href')).toBe(`/t/${TENANT}/needs/${NEED_ID}`);
    expect(within(dialog).getByRole('link', { name: '峰野 移動販売の停留所' }).getAttribute('href')).toBe(
      `/t/${TENANT}/resources/${RESOURCE_ID}`,
    );
    expect(dialog.textContent).toContain('新規・1人・');
    expect(dialog.textContent).not.toContain('峰野 ハナ');
    // Three open, one she may read: the other two are counted, not shown.
    expect(within(dialog).getByText(/担当外の地域の困りごとが 2件あります（件数のみ表示）/)).toBeTruthy();
  });

  it('explains a cell with needs and nothing inside that is not 空白 (a resource reaches from above)', async () => {
    setup(cellDetail({ categoryName: '移動支援', openNeeds: 1 }), council);
    const cell = within(await table()).getByRole('button', { name: /^峰野地区・移動支援：/ });
    expect(cell.textContent).not.toContain('空白');
    expect(cell.textContent).toContain('圏域・町全体の資源が届く');
    fireEvent.click(cell);
    const dialog = await screen.findByRole('dialog', { name: '峰野地区 × 移動支援' });
    expect(within(dialog).getByText(/圏域や町全体の地域資源が届くため、空白とはしていません/)).toBeTruthy();
  });

  it('draws the map with words on it and in its legend, with the table behind it and the trend', async () => {
    setup(cellDetail(), council);
    await table();
    const map = await screen.findByRole('img', { name: '地区ごとの空白の数の地図' });
    expect(map.textContent).toContain('峰野地区');
    expect(map.textContent).toContain('空白 1件');
    // 川上地区 has no boundary: said, and in the table.
    expect(screen.getByText(/境界が登録されていないため地図にない地区：川上地区/)).toBeTruthy();
    const legend = screen.getByRole('list', { name: '地図の色の意味' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['空白なし', '1件', '2件', '3件以上']);
    const mapTable = screen.getByRole('table', { name: '地区ごとの空白と困りごと' });
    expect(within(mapTable).getByRole('rowheader', { name: '川上地区' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '困りごとのある人（65歳以上千人あたり）' }));
    expect(
      await screen.findByRole('img', { name: '地区ごとの困りごとのある人（65歳以上千人あたり）の地図' }),
    ).toBeTruthy();

    const trend = screen.getByRole('table', { name: /年度ごとに把握した困りごと/ });
    expect(
      within(trend)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['分類', '令和7年度', '令和8年度']);
    expect(within(trend).getByRole('row', { name: /買い物支援/ }).textContent).toBe('買い物支援13');
  });
});
