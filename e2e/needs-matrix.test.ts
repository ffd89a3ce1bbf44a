import { mkdirSync } from 'node:fs';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  checkA11y,
  DESKTOP,
  horizontalOverflow,
  inspectPage,
  launchBrowser,
  loginAs,
  newPage,
} from './support';

/*
 * ニーズと地域資源 (the 協議体's view): a 協議体委員 finds the 空白 at 第3層, opens a cell with the
 * keyboard and sees counts only — no name, no summary; a 第1層 SC opens the same cell and sees the
 * needs listed (without names), each a link to its page.
 *
 * In the demo town a town-wide 買物バス, 買物代行 and 商工会の買い物相談 reach every 地区 for
 * 買い物支援, so 峰野地区 × 買い物支援 is not a 空白; its 認知症カフェ need is (nothing of that kind in
 * the 地区, its 圏域 or the town — server/db/seed/demo-needs.ts). Every cell of 峰野地区's row must
 * say 空白 exactly when the server says so.
 */

const TENANT = '019992';
const SHOTS = '/tmp/shots/';
const SCREEN = { width: 1280, height: 800 };

let browser: Browser;
let page: Page;

interface MatrixBody {
  areas: { id: string; name: string; gaps: number }[];
  categories: { code: string; name: string }[];
  cells: { areaId: string; category: string; gap: boolean; openNeeds: number; people: number }[];
}

async function matrix(request: APIRequestContext, layer: '2' | '3'): Promise<MatrixBody> {
  const res = await request.get(`/api/t/${TENANT}/needs-matrix?layer=${layer}`);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

async function shot(p: Page, name: string, fullPage = false) {
  await p.evaluate(() => document.fonts.ready);
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.screenshot({ path: `${SHOTS}${name}.png`, fullPage });
}

const cellButton = (p: Page, area: string, category: string) =>
  p.getByRole('table', { name: /地区ごとの困りごとと地域資源/ }).getByRole('button', {
    name: new RegExp(`^${area}・${category}：`),
  });

const focusedName = (p: Page) => p.evaluate(() => document.activeElement?.textContent ?? '');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  page = await newPage(browser, inject('baseUrl'));
  await page.setViewportSize(SCREEN);
});

afterAll(async () => {
  await browser?.close();
});

it('協議体委員が第3層で空白を見つけ、マスの中身を件数だけで見る（キーボードだけで、axe 0件）', async () => {
  await loginAs(page, 'kyogitai@sasae.example');
  await page
    .getByRole('navigation', { name: '主なメニュー' })
    .getByRole('link', { name: 'ニーズと地域資源' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'ニーズと地域資源' }).waitFor();
  await expect(page.title()).resolves.toBe('ニーズと地域資源 | ささえ町 | ささえあい');
  await page.getByRole('radio', { name: '第3層（地区）' }).check();
  await page.waitForURL((url) => url.searchParams.get('layer') === '3');
  const table = page.getByRole('table', { name: /地区ごとの困りごとと地域資源/ });
  await table.waitFor();

  // What the server says, for the 協議体委員 (counts only: no summary anywhere in it).
  const m = await matrix(page.request, '3');
  expect(JSON.stringify(m)).not.toContain('summary');
  const mineno = m.areas.find((a) => a.name === '峰野地区')!;
  const total = m.areas.reduce((n, a) => n + a.gaps, 0);
  const seeded = m.cells.find((c) => c.areaId === mineno.id && c.category === 'ninchisho-cafe')!;
  expect(seeded.gap).toBe(true);
  await page.getByText(new RegExp(`^空白は${total}件あります。多いのは.*峰野地区`)).waitFor();

  // The 空白 says so in words, in its cell …
  const gap = cellButton(page, '峰野地区', '認知症カフェ');
  await expect(gap.textContent()).resolves.toContain('空白');
  await expect(gap.textContent()).resolves.toContain(`困りごと ${seeded.openNeeds}件（${seeded.people}人）`);
  // … and every cell of 峰野地区's row says 空白 exactly when the server does (買い物支援 included).
  for (const c of m.cells.filter((x) => x.areaId === mineno.id)) {
    const name = m.categories.find((x) => x.code === c.category)!.name;
    const text = (await cellButton(page, '峰野地区', name).textContent()) ?? '';
    expect(text.includes('空白'), `峰野地区・${name}: ${text}`).toBe(c.gap);
  }

  await inspectPage(page, 'needs-matrix');
  await page.setViewportSize(SCREEN);
  await shot(page, 'needs-matrix-1280');
  await shot(page, 'needs-matrix-1280-full', true);

  // Keyboard only: into the cell, arrows move between cells, Enter opens, Escape closes and returns.
  await gap.focus();
  await page.keyboard.press('ArrowUp');
  await expect(focusedName(page)).resolves.not.toMatch(/^峰野地区・認知症カフェ：/);
  await page.keyboard.press('ArrowDown');
  await expect(focusedName(page)).resolves.toMatch(/^峰野地区・認知症カフェ：/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '峰野地区 × 認知症カフェ' });
  await dialog.waitFor();
  await expect(focusedName(page)).resolves.toBe('峰野地区 × 認知症カフェ');
  await dialog.getByText(`困りごと ${seeded.openNeeds}件（個人に関わるため件数のみ表示）`).waitFor();
  await dialog.getByText(/上の層（圏域・町全体）にも、この分類の地域資源がありません/).waitFor();
  await expect(dialog.textContent()).resolves.not.toContain('認知症の家族と通える場がない');
  await checkA11y(page, { label: 'needs-matrix-dialog', widths: [360, DESKTOP.width] });
  await page.setViewportSize(SCREEN);
  await shot(page, 'needs-matrix-dialog-1280');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await expect(focusedName(page)).resolves.toMatch(/^峰野地区・認知症カフェ：/);

  // 峰野地区 × 買い物支援 has a named resident's need behind it: the 協議体委員 sees the count only.
  const shopping = m.cells.find((c) => c.areaId === mineno.id && c.category === 'kaimono')!;
  await cellButton(page, '峰野地区', '買い物支援').focus();
  await page.keyboard.press('Enter');
  const shoppingDialog = page.getByRole('dialog', { name: '峰野地区 × 買い物支援' });
  await shoppingDialog
    .getByText(`困りごと ${shopping.openNeeds}件（個人に関わるため件数のみ表示）`)
    .waitFor();
  const seen = (await shoppingDialog.textContent()) ?? '';
  expect(seen).not.toContain('峰野 ハナ');
  expect(seen).not.toContain('坂の上で店まで歩けない');
  await shoppingDialog.getByRole('link', { name: '峰野 移動販売の停留所' }).waitFor();
  await page.keyboard.press('Escape');
  await shoppingDialog.waitFor({ state: 'hidden' });

  // 200 % text: still no sideways scrolling of the page, and screenshots to look at.
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await shot(page, 'needs-matrix-200pct-1280');
  await shot(page, 'needs-matrix-200pct-1280-full', true);
  await page.setViewportSize({ width: 360, height: 780 });
  await expect(horizontalOverflow(page)).resolves.toBe(0);
  await shot(page, 'needs-matrix-200pct-360', true);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  await page.setViewportSize(SCREEN);

  // The map by the number of 空白, in words, and by people per 1,000 aged 65+.
  await page.getByRole('img', { name: '地区ごとの空白の数の地図' }).getByText('空白 1件').first().waitFor();
  await page.getByRole('radio', { name: '困りごとのある人（65歳以上千人あたり）' }).check();
  await page.getByRole('img', { name: '地区ごとの困りごとのある人（65歳以上千人あたり）の地図' }).waitFor();
  await checkA11y(page, { label: 'needs-matrix-per1000' });

  // The papers for the meeting.
  const pdf = await page.request.get(
    (await page.getByRole('link', { name: '会議資料（PDF）' }).getAttribute('href'))!,
  );
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const xlsx = await page.request.get(
    (await page.getByRole('link', { name: 'Excel（xlsx）' }).getAttribute('href'))!,
  );
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
});

it('第1層SCは同じマスで困りごとを一覧でき（名前は出さない）、困りごとの画面へ進める', async () => {
  const scPage = await newPage(browser, inject('baseUrl'));
  await scPage.setViewportSize(SCREEN);
  await loginAs(scPage, 'sc1@sasae.example');
  await scPage.goto(`/app/t/${TENANT}/needs-matrix?layer=3`);
  await cellButton(scPage, '峰野地区', '買い物支援').click();
  const dialog = scPage.getByRole('dialog', { name: '峰野地区 × 買い物支援' });
  const need = dialog.getByRole('link', { name: '坂の上で店まで歩けない' });
  await need.waitFor();
  await dialog.getByRole('link', { name: '冬は買い物に出られない' }).waitFor();
  await dialog.getByText('この一覧の閲覧は記録されます。', { exact: false }).waitFor();
  await expect(dialog.textContent()).resolves.not.toContain('峰野 ハナ');
  expect(await need.getAttribute('href')).toMatch(new RegExp(`^/app/t/${TENANT}/needs/[0-9a-f-]+$`));
  await checkA11y(scPage, { label: 'needs-matrix-dialog-sc1' });
  await shot(scPage, 'needs-matrix-dialog-sc1-1280');

  await need.click();
  await scPage.getByRole('heading', { level: 1, name: /坂の上で店まで歩けない/ }).waitFor();
  await scPage.context().close();
});
