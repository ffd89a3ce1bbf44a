import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { inspectPage, launchBrowser, loginAs, newPage } from './support';

/*
 * 第2層 SC (assigned 北部圏域): sees the whole town, changes only her own area; the server refuses
 * a change to another area even when the request does not come from the screen.
 */

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

async function openArea(name: string) {
  await page
    .getByRole('navigation', { name: '主なメニュー' })
    .getByRole('link', { name: '地域と人口' })
    .click();
  await page
    .getByRole('table', { name: /地域と人口/ })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
}

it('第2層SCは北部圏域を変更でき、中央圏域は見るだけ', async () => {
  await loginAs(page, 'sc2@sasae.example');
  await page.getByRole('heading', { level: 2, name: /の人口（/ }).waitFor();
  await expect(page.locator('.shell-header').textContent()).resolves.toContain(
    '第2層 生活支援コーディネーター',
  );
  // No import for a 第2層 SC.
  await expect(
    page
      .getByRole('navigation', { name: '主なメニュー' })
      .getByRole('link', { name: '人口統計の取り込み' })
      .count(),
  ).resolves.toBe(0);

  await openArea('北部圏域');
  await expect(page.getByRole('link', { name: '編集' }).count()).resolves.toBe(1);
  await inspectPage(page, 'sc2-north');

  await openArea('中央圏域');
  await expect(page.getByRole('link', { name: '編集' }).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: '人口を手入力' }).count()).resolves.toBe(0);
  await page.getByText('担当の地域の外にあるため、見ることだけできます').waitFor();
  await inspectPage(page, 'sc2-central-read-only');

  // 北部圏域の地区の名前を変える
  await openArea('峰野地区');
  await page.getByRole('link', { name: '編集' }).click();
  const name = page.getByLabel('名称');
  await expect(name.inputValue()).resolves.toBe('峰野地区');
  await inspectPage(page, 'sc2-edit');
  await name.fill('峰野東地区');
  await page.getByRole('button', { name: '変更を保存する' }).click();
  await page.waitForURL(/\/areas\/[0-9a-f-]+$/);
  await page.getByRole('heading', { level: 1, name: /峰野東地区/ }).waitFor();
  await expect(page.locator('.breadcrumb').textContent()).resolves.toContain('北部圏域');

  // 画面を通さない変更も、担当外なら断られる
  const session = await (await page.request.get('/api/auth/session')).json();
  const list = await (await page.request.get('/api/t/019992/areas')).json();
  const central = list.areas.find((a: { name: string }) => a.name === '中央圏域');
  expect(central.canEdit).toBe(false);
  const res = await page.request.patch(`/api/t/019992/areas/${central.id}`, {
    headers: { 'X-CSRF-Token': session.csrfToken, 'Content-Type': 'application/json' },
    data: {
      name: '中央圏域（書き換え）',
      kana: central.kana,
      layer: central.layer,
      kind: central.kind,
      parentId: central.parentId,
      validFromFy: central.validFromFy,
      validToFy: central.validToFy,
      townNames: central.townNames,
      sortOrder: central.sortOrder,
      version: central.version,
    },
  });
  expect(res.status()).toBe(403);
  const body = await res.json();
  expect(body.error.code).toBe('forbidden');
  expect(body.error.message).toContain('担当の地域の外');
});
