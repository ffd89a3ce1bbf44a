import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { horizontalOverflow, inspectPage, launchBrowser, loginAs } from './support';

/*
 * 困りごと and 住民 (第2層 SC of 北部圏域 on a phone): she records a need at a salon with one thumb
 * — counted in taps and typed fields, and timed — finds it in the list under her own area, moves it
 * on, registers a resident with consent, records a need for her, and erases her on request.
 */

const PHONE_390 = { width: 390, height: 844 };
const SHOTS = '/tmp/shots/';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: PHONE_390,
    hasTouch: true,
    isMobile: true,
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => {
    throw error;
  });
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A screenshot for people to look at, at the phone size the SCs carry (and at a desk). */
async function shot(name: string, size = PHONE_390) {
  const before = page.viewportSize();
  await page.setViewportSize(size);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `${SHOTS}${name}-${size.width}.png`, fullPage: true });
  if (before) await page.setViewportSize(before);
}

const menu = (p: Page) => p.getByRole('navigation', { name: '主なメニュー' });

it('第2層SCがスマートフォンで困りごとを6回以内の操作・30秒以内に記録し、一覧で自分の地域に見える', async () => {
  await loginAs(page, 'sc2@sasae.example');
  await page.getByRole('heading', { level: 1 }).waitFor();

  // Every tap and every typed field counts; scrolling does not.
  let actions = 0;
  const tap = async (target: Locator) => {
    actions++;
    await target.tap();
  };
  const type = async (target: Locator, text: string) => {
    actions++;
    await target.fill(text);
  };

  const started = Date.now();
  await tap(page.getByRole('button', { name: 'メニュー', exact: true }));
  await tap(menu(page).getByRole('link', { name: '困りごと', exact: true }));
  await tap(page.getByRole('link', { name: '困りごとを記録' }));
  // Her own area (北部圏域, her first assigned one) is already chosen; so are サロン, 1人, ふつう.
  const area = page.getByRole('combobox', { name: /^地域/ });
  await expect(area.locator('option:checked').textContent()).resolves.toContain('北部圏域');
  await tap(page.getByRole('radio', { name: '買い物支援' }));
  await type(page.getByLabel(/ひとこと/), '坂の上の3軒、店まで行けない');
  await tap(page.getByRole('button', { name: '記録する' }));
  await page.getByRole('heading', { name: '記録しました' }).waitFor();
  const seconds = (Date.now() - started) / 1000;

  console.log(`困りごとの記録: ${actions}回の操作、${seconds.toFixed(1)}秒`);
  expect(actions).toBeLessThanOrEqual(6);
  expect(seconds).toBeLessThan(30);
  await expect(page.getByText(/北部圏域・買い物支援・1人・ふつう/).count()).resolves.toBe(1);
  await shot('needs-quick-done');

  // The form again for the next one: checked with axe, at 200 % text too.
  await page.getByRole('button', { name: '続けて記録する' }).tap();
  await page.getByRole('radio', { name: '買い物支援' }).waitFor();
  await shot('needs-quick');
  await inspectPage(page, 'needs-quick');
  await page.setViewportSize(PHONE_390);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await shot('needs-quick-200pct');
  await expect(horizontalOverflow(page)).resolves.toBe(0);
  const submit = await page.getByRole('button', { name: '記録する' }).boundingBox();
  expect(submit!.height).toBeGreaterThanOrEqual(48);
  const tile = await page.locator('.tile__body').first().boundingBox();
  expect(tile!.height).toBeGreaterThanOrEqual(48);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });

  // In the list, under her area.
  await page.getByRole('link', { name: '困りごと', exact: true }).first().tap();
  await page.getByRole('heading', { level: 1, name: '困りごと' }).waitFor();
  const card = page.locator('.need-card', { hasText: '坂の上の3軒、店まで行けない' });
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain('北部圏域');
  await expect(card.textContent()).resolves.toContain('新規');
  await shot('needs-list');
  await inspectPage(page, 'needs-list');
  await shot('needs-list', { width: 1280, height: 900 });
  await page.setViewportSize(PHONE_390);
});

it('困りごとの状況を変えると履歴に残り、編集画面と住民の画面も読み上げ・キーボードで使える', async () => {
  await page.locator('.need-card', { hasText: '坂の上の3軒' }).getByRole('link').tap();
  await page.getByRole('heading', { level: 1, name: /坂の上の3軒/ }).waitFor();
  await page.getByText('この画面の閲覧は記録されます。').waitFor();
  const form = page.getByRole('form', { name: '状況を変える' });
  // 新規 may go anywhere but 新規.
  await expect(form.getByRole('radio').count()).resolves.toBe(5);
  await form.getByRole('radio', { name: '対応中' }).check();
  await form.getByLabel(/メモ/).fill('移動販売の停留所を紹介する');
  await form.getByRole('button', { name: '状況を変える' }).tap();
  await page.getByText('状況を「対応中」にしました。履歴に残りました。').waitFor();
  const history = page.getByRole('table', { name: /状況の履歴/ });
  await history.getByText('移動販売の停留所を紹介する').waitFor();
  await shot('need-detail');
  await inspectPage(page, 'need-detail');
  await shot('need-detail', { width: 1280, height: 900 });

  await page.setViewportSize(PHONE_390);
  await page.getByRole('link', { name: '編集', exact: true }).first().tap();
  await page.getByRole('heading', { level: 1, name: /を編集$/ }).waitFor();
  await page.getByLabel('地域資源を探して加える').fill('移動販売');
  await page.getByRole('button', { name: '探す' }).tap();
  await page.getByRole('list', { name: /で見つかった地域資源/ }).waitFor();
  await page
    .getByRole('button', { name: /^つなぐ/ })
    .first()
    .tap();
  await shot('need-edit');
  await inspectPage(page, 'need-edit');
  await page.setViewportSize(PHONE_390);
  await page.getByRole('button', { name: '変更を保存する' }).tap();
  await page.getByText('保存しました。').waitFor();
  const linked = page.getByRole('region', { name: 'つながる地域資源' }).getByRole('link');
  await expect(linked.count()).resolves.toBe(1);
  const resourceHref = await linked.getAttribute('href');
  expect(resourceHref).toMatch(/\/app\/t\/019992\/resources\/[0-9a-f-]+$/);
});

it('住民を同意つきで登録し、その方の困りごとを記録し、本人の求めで消去する（件数は匿名で残る）', async () => {
  await page.setViewportSize(PHONE_390);
  await page.getByRole('button', { name: 'メニュー', exact: true }).tap();
  await menu(page).getByRole('link', { name: '住民', exact: true }).tap();
  await page.getByRole('heading', { level: 1, name: '住民' }).waitFor();
  await page.getByText('この画面の閲覧は記録されます。').waitFor();
  // She sees the residents of her own areas (峰野 ハナ lives in 峰野, 北部圏域).
  await page.locator('.need-card', { hasText: '峰野 ハナ' }).waitFor();
  await shot('residents');
  await inspectPage(page, 'residents');
  await shot('residents', { width: 1280, height: 900 });

  await page.setViewportSize(PHONE_390);
  await page.getByRole('link', { name: '住民を登録' }).tap();
  await page.getByRole('heading', { level: 1, name: '住民を登録' }).waitFor();
  await page.getByRole('textbox', { name: /^氏名/ }).fill('坂上 キヨ');
  await page.getByRole('textbox', { name: /^よみがな/ }).fill('さかうえ きよ');
  await page.getByLabel(/^生年月日/).fill('1940-02-11');
  await page.getByLabel(/^町丁/).fill('峰野');
  const north = await page.locator('#resident-areaId option', { hasText: '峰野地区' }).getAttribute('value');
  await page.getByRole('combobox', { name: '地域' }).selectOption(north!);
  await page.getByRole('radio', { name: '独居' }).check();
  await page.getByRole('checkbox', { name: '地域包括支援センター' }).check();
  await page.getByRole('checkbox', { name: '民生委員' }).check();
  await shot('resident-new');
  await inspectPage(page, 'resident-new');
  await page.setViewportSize(PHONE_390);
  await page.getByRole('button', { name: '登録する' }).tap();
  await page.getByRole('heading', { level: 1, name: '坂上 キヨさん' }).waitFor();
  await page.getByText('登録しました。').waitFor();
  await expect(page.getByText(/（\d+歳）/).count()).resolves.toBe(1);
  await page.getByText('民生委員').first().waitFor();

  // This person's need, from her page.
  await page.getByRole('link', { name: 'この方の困りごとを記録' }).first().tap();
  await page.getByText(/坂上 キヨさんの困りごととして記録します/).waitFor();
  await expect(
    page.getByRole('combobox', { name: /^地域/ }).locator('option:checked').textContent(),
  ).resolves.toContain('峰野地区');
  await page.getByRole('radio', { name: '見守り・安否確認' }).tap();
  await page.getByRole('button', { name: '記録する' }).tap();
  await page.getByRole('heading', { name: '記録しました' }).waitFor();
  await page.getByRole('link', { name: '住民の画面へ戻る' }).tap();
  await page.getByRole('heading', { level: 1, name: '坂上 キヨさん' }).waitFor();
  // On a phone her needs are cards; at a desk, a table.
  const needs = page.getByRole('list', { name: 'この方の困りごと' });
  await needs.getByText('見守り・安否確認').first().waitFor();
  const needHref = await needs.getByRole('link').first().getAttribute('href');
  const needId = needHref!.split('/').pop()!;
  await shot('resident-detail');
  await inspectPage(page, 'resident-detail');
  await shot('resident-detail', { width: 1280, height: 900 });

  // The export is a JSON file of everything about her.
  const exportHref = await page
    .getByRole('link', { name: '本人の求めによる書き出し（JSON）' })
    .getAttribute('href');
  const exported = await page.request.get(exportHref!);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toContain('坂上 キヨ');

  // 消去: a second step with the reason; afterwards the need stays, without her name.
  await page.setViewportSize(PHONE_390);
  await page.getByRole('button', { name: '本人の求めによる消去…' }).tap();
  const confirm = page.getByRole('form', { name: '坂上 キヨさんの情報を消去しますか' });
  await confirm.getByText('元に戻せません。').waitFor();
  await confirm.getByRole('button', { name: /消去する/ }).tap();
  await confirm.getByText('消去の理由：入力してください').waitFor();
  await confirm.getByLabel(/^消去の理由/).fill('本人から電話で申し出');
  await shot('resident-erase');
  await inspectPage(page, 'resident-erase');
  await page.setViewportSize(PHONE_390);
  await confirm.getByRole('button', { name: /消去する/ }).tap();
  await page.getByRole('heading', { level: 1, name: '住民' }).waitFor();
  await page.getByText(/消去しました。困りごと1件は、誰のものか分からない形で残しました。/).waitFor();
  await expect(page.locator('.need-card', { hasText: '坂上 キヨ' }).count()).resolves.toBe(0);
  const kept = await (await page.request.get(`/api/t/019992/needs/${needId}`)).json();
  expect(kept.need).toMatchObject({ category: 'mimamori', areaName: '峰野地区', residentName: null });
});
