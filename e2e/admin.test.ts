import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { inspectPage, launchBrowser, loginAs, newPage } from './support';

/*
 * The pages around the main journeys: inviting a new 第2層 SC and her first sign-in through the
 * link, her password page, the 404 pages, and a system administrator registering a municipality.
 */

let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function fresh(): Promise<Page> {
  const page = await newPage(browser, inject('baseUrl'));
  pages.push(page);
  return page;
}

it('招待のリンクから新しいコーディネーターが使い始める', async () => {
  const staff = await fresh();
  await loginAs(staff, 'hokensha@sasae.example');
  await staff.goto('/app/t/019992/members');
  await staff.getByRole('heading', { name: '新しい人を招待する' }).waitFor();
  const invite = staff.getByRole('form', { name: '招待' });
  await invite.getByLabel('メールアドレス').fill('minami.sc@sasae.example');
  await invite
    .getByRole('combobox', { name: /^役割/ })
    .selectOption({ label: '第2層 生活支援コーディネーター' });
  await invite.getByRole('checkbox', { name: '南部圏域' }).check();
  await invite.getByRole('button', { name: '招待のリンクを作る' }).click();
  const link = await staff.getByLabel('招待のリンク').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/invite\/\S{20,}$/);
  await staff
    .getByRole('table', { name: '受け入れを待っている招待' })
    .getByRole('rowheader', { name: 'minami.sc@sasae.example' })
    .waitFor();
  await inspectPage(staff, 'members-invited');

  const newcomer = await fresh();
  await newcomer.goto(link);
  await newcomer.getByRole('heading', { name: '招待の受け入れ' }).waitFor();
  const facts = await newcomer.locator('.facts').textContent();
  expect(facts).toContain('ささえ町');
  expect(facts).toContain('架空の町');
  expect(facts).toContain('第2層 生活支援コーディネーター');
  await inspectPage(newcomer, 'invite');

  // Mismatched confirmation: the form says so and keeps the name.
  await newcomer.getByLabel('お名前').fill('南 ゆかり');
  await newcomer.getByLabel('パスワード', { exact: false }).first().fill('minami-hajimete-2026');
  await newcomer.getByLabel('パスワード（確認）').fill('minami-hajimete-2025');
  await newcomer.getByRole('button', { name: '招待を受けて始める' }).click();
  await newcomer.getByRole('link', { name: /同じパスワードを入力してください/ }).waitFor();
  await expect(newcomer.getByLabel('お名前').inputValue()).resolves.toBe('南 ゆかり');
  await newcomer.getByLabel('パスワード（確認）').fill('minami-hajimete-2026');
  await newcomer.getByRole('button', { name: '招待を受けて始める' }).click();
  await newcomer.waitForURL('**/app/t/019992');
  await newcomer.locator('.shell-header').getByText('第2層 生活支援コーディネーター').waitFor();

  // Password page: a wrong current password is named beside the field.
  await newcomer.getByRole('button', { name: /南 ゆかりさんのメニュー/ }).click();
  await newcomer.getByRole('link', { name: 'パスワード変更' }).click();
  await newcomer.getByRole('heading', { level: 1, name: 'パスワード変更' }).waitFor();
  await inspectPage(newcomer, 'account');
  await newcomer.getByLabel('今のパスワード').fill('chigau-password-123');
  await newcomer.getByLabel('新しいパスワード', { exact: false }).first().fill('atarashii-password-2026');
  await newcomer.getByLabel('新しいパスワード（確認）').fill('atarashii-password-2026');
  await newcomer.getByRole('button', { name: 'パスワードを変更する' }).click();
  await newcomer.getByRole('link', { name: '今のパスワード：正しくありません。' }).waitFor();
  await expect(newcomer.getByLabel('新しいパスワード（確認）').inputValue()).resolves.toBe(
    'atarashii-password-2026',
  );
  await inspectPage(newcomer, 'account-error');

  // 404s inside the shell: an unknown page, and a tenant she does not belong to.
  await newcomer.goto('/app/t/019992/no-such-page');
  await newcomer.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
  await inspectPage(newcomer, 'not-found');
  await newcomer.goto('/app/t/372013');
  await newcomer.getByRole('heading', { level: 1, name: '団体が見つかりません' }).waitFor();
});

it('システム管理者が団体コードから市町村を登録する', async () => {
  const admin = await fresh();
  await loginAs(admin, 'admin@sasae.example');
  await admin.getByRole('heading', { level: 1, name: '団体を選ぶ' }).waitFor();
  await admin.getByRole('link', { name: /香川県 高松市/ }).waitFor();
  await inspectPage(admin, 'tenant-list');

  await admin
    .getByRole('navigation', { name: '主なメニュー' })
    .getByRole('link', { name: '団体の登録' })
    .click();
  const code = admin.getByLabel('団体コード');
  await code.fill('37201');
  await admin.getByText('香川県 高松市（たかまつし）').waitFor();
  await admin.getByText('この団体はすでに登録されています。').waitFor();
  await code.fill('372012');
  await admin.locator('.lookup-result .field__error').waitFor();
  await code.fill('011002');
  await admin.getByText('北海道 札幌市（さっぽろし）').waitFor();
  await inspectPage(admin, 'tenant-new');
  await admin.getByRole('button', { name: '登録する' }).click();
  await admin.waitForURL('**/app/t/011002');
  await admin.locator('.shell-header').getByText('北海道 札幌市').waitFor();
  await expect(admin.title()).resolves.toBe('ホーム | 札幌市 | ささえあい');
});
