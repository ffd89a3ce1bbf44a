import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { testdata } from '../testdata';
import { inspectPage, launchBrowser, newPage } from './support';

/*
 * The municipality's journey (保険者職員): sign in, switch to 高松市, import its published
 * 町丁別人口 file, check the figures on the areas pages, look at the members.
 */

const TAKAMATSU_FILE = testdata('data/takamatsu/population_0066_202407.csv');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

it('保険者職員が高松市の人口統計を取り込み、地域の高齢化率を確かめる', async () => {
  // ログイン
  await page.goto('/app/login');
  await page.getByRole('heading', { name: 'デモ用アカウント（架空の町）' }).waitFor();
  await expect(page.title()).resolves.toBe('ログイン | ささえあい');
  await inspectPage(page, 'login');
  await page.getByLabel('メールアドレス').fill('hokensha@sasae.example');
  await page.getByLabel('パスワード').fill('sasaeai-demo-2026');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();

  // ホーム（最初の団体）
  await page.getByRole('heading', { level: 2, name: /の人口（/ }).waitFor();
  await inspectPage(page, 'home');

  // 団体を高松市に切り替える
  await page.getByRole('button', { name: '団体を切り替える' }).click();
  await page.getByRole('link', { name: /高松市/ }).click();
  await page.waitForURL('**/app/t/372013');
  await page.locator('.shell-header').getByText('香川県 高松市').waitFor();
  await expect(page.locator('.shell-header .badge--fictional').count()).resolves.toBe(0);
  await page.getByText('人口統計はまだありません。').waitFor();
  await expect(page.title()).resolves.toBe('ホーム | 高松市 | ささえあい');

  // 人口統計の取り込み: 確認
  await page
    .getByRole('navigation', { name: '主なメニュー' })
    .getByRole('link', { name: '人口統計の取り込み' })
    .click();
  await page.getByLabel('人口統計のファイル').setInputFiles(TAKAMATSU_FILE);
  await page.getByRole('button', { name: '読み込んで確認する' }).click();
  const preview = page.getByRole('region', { name: '確認の結果' });
  await preview.waitFor({ timeout: 60_000 });
  const totals = page.getByRole('table', { name: /基準日ごとの合計/ });
  await expect(totals.getByRole('cell', { name: '418,186' }).count()).resolves.toBe(1);
  await expect(totals.getByRole('cell', { name: '28.8%' }).count()).resolves.toBe(1);
  await expect(preview.textContent()).resolves.toContain('令和6年7月1日');
  await expect(preview.textContent()).resolves.toContain('UTF-8');
  await inspectPage(page, 'import-preview');

  // 保存
  await page.getByRole('button', { name: 'この内容で保存する' }).click();
  await page.getByText('保存しました', { exact: true }).waitFor({ timeout: 60_000 });
  await inspectPage(page, 'import-saved');

  // 地域と人口
  await page
    .getByRole('navigation', { name: '主なメニュー' })
    .getByRole('link', { name: '地域と人口' })
    .click();
  const list = page.getByRole('table', { name: /地域と人口/ });
  await list.getByRole('link', { name: '塩屋町', exact: true }).waitFor();
  await expect(page.title()).resolves.toBe('地域と人口 | 高松市 | ささえあい');
  await inspectPage(page, 'areas');

  // 高松市（第1層）の詳細: 高齢化率 28.8%
  await list.getByRole('link', { name: '高松市', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /高松市/ }).waitFor();
  const stats = page.getByRole('table', { name: /高松市の人口統計/ });
  const row = stats.getByRole('row', { name: /令和6年7月1日/ });
  await expect(row.getByRole('cell', { name: '28.8%' }).count()).resolves.toBe(1);
  await expect(row.getByRole('cell', { name: '418,186' }).count()).resolves.toBe(1);
  await expect(page.locator('.facts').textContent()).resolves.toContain('28.8%');
  await inspectPage(page, 'area-detail');

  // 地区（塩屋町）
  await page
    .getByRole('table', { name: /下位の地域/ })
    .getByRole('link', { name: '塩屋町', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: /塩屋町/ }).waitFor();
  const town = page.getByRole('table', { name: /塩屋町の人口統計/ });
  await expect(town.getByRole('cell', { name: '400' }).count()).resolves.toBeGreaterThan(0);
  await inspectPage(page, 'area-town');

  // 人口統計の取り込み（確認前の画面）
  await page
    .getByRole('navigation', { name: '主なメニュー' })
    .getByRole('link', { name: '人口統計の取り込み' })
    .click();
  await page.getByLabel('人口統計のファイル').waitFor();
  await inspectPage(page, 'import');

  // 利用者
  await page.getByRole('navigation', { name: '主なメニュー' }).getByRole('link', { name: '利用者' }).click();
  await page.getByRole('table', { name: /利用者/ }).waitFor();
  await expect(page.getByRole('table', { name: /利用者/ }).textContent()).resolves.toContain(
    'hokensha@sasae.example',
  );
  await inspectPage(page, 'members');

  // 操作記録
  await page
    .getByRole('navigation', { name: '主なメニュー' })
    .getByRole('link', { name: '操作記録' })
    .click();
  await page.getByRole('table', { name: /操作記録/ }).waitFor();
  await expect(page.getByRole('table', { name: /操作記録/ }).textContent()).resolves.toContain(
    '人口統計の取り込み',
  );
  await inspectPage(page, 'audit');
});
