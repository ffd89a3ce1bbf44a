import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { addDays, fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../domain/dates';
import { ARTIFACTS, inspectPage, launchBrowser, loginAs, newPage } from './support';

/*
 * ボランティアポイント and 養成講座 in ささえ町. The 第2層 SC of 北部圏域 records an activity for
 * 峰野 和子 (who has no phone for this) from her 活動記録票, confirms it from the 確認待ち queue and
 * sees the balance grow; a redemption above the balance is refused in Japanese and nothing
 * changes. The 保険者 then posts the year-end redemption for everyone and downloads the payment
 * list. Finally the SC runs a two-session course, ticks attendance, and the 修了者一覧 lists the
 * person, whose helper record now holds the course.
 */

const TENANT = '019992';
const base = `/app/t/${TENANT}`;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const menu = (p: Page) => p.getByRole('navigation', { name: '主なメニュー' });

async function balanceOf(
  page: Page,
  name: string,
): Promise<{ schemeId: string; helperId: string; balance: number }> {
  const schemes = await (await page.request.get(`/api/t/${TENANT}/point-schemes`)).json();
  const schemeId = schemes.schemes[0].id;
  const res = await page.request.get(`/api/t/${TENANT}/point-schemes/${schemeId}/balances`);
  const row = (await res.json()).items.find((i: { name: string }) => i.name === name);
  return { schemeId, helperId: row.helperId, balance: row.balance };
}

it('第2層SCが会員に代わって活動を記録・確認すると残高が増え、残高を超える交換は日本語で断られて何も変わらない', async () => {
  const page = await newPage(browser, inject('baseUrl'));
  await loginAs(page, 'sc2@sasae.example');
  await menu(page).getByRole('link', { name: 'ポイント', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'ささえ町いきいきポイント' }).waitFor();
  const before = await balanceOf(page, '峰野 和子');

  // From the 活動記録票: a few letters of the name and Enter pick the member; the rest by keyboard.
  const form = page.getByRole('form', { name: '活動の記録' });
  await form.getByLabel(/会員（担い手）/).fill('峰野');
  await form.getByRole('radio', { name: /峰野 和子/ }).waitFor();
  await form.getByLabel(/会員（担い手）/).press('Enter');
  await form.getByText('峰野 和子').first().waitFor();
  await form.getByLabel('活動の種類').selectOption({ label: 'サロンのお手伝い（100 ポイント）' });
  await form
    .getByLabel(/受け入れ先/)
    .first()
    .fill('峰野サロン');
  await form.getByLabel('メモ').fill('E2Eの記録');
  await expect(form.getByText('この活動は 100 ポイントです（サロンのお手伝い）。').count()).resolves.toBe(1);
  await form.getByRole('button', { name: '記録する' }).click();
  await page
    .getByText(/峰野 和子さんの活動（.*サロンのお手伝い・100 ポイント）を記録しました。確認待ちです。/)
    .waitFor();
  await inspectPage(page, 'points-home');

  // 確認待ち: one click posts the points.
  const row = page.getByRole('row').filter({ hasText: 'E2Eの記録' });
  await row.getByRole('button', { name: /^確認/ }).click();
  await page.getByText(/峰野 和子さんの.*の活動を確認し、100 ポイントを付けました。/).waitFor();
  await page.getByRole('row').filter({ hasText: 'E2Eの記録' }).waitFor({ state: 'detached' });

  await page.getByRole('link', { name: '残高と明細' }).first().click();
  await page.getByRole('heading', { level: 1, name: '残高と明細' }).waitFor();
  await page.getByRole('link', { name: '峰野 和子' }).waitFor();
  await inspectPage(page, 'points-balances');
  await page.getByRole('link', { name: '峰野 和子' }).click();
  await page.getByRole('heading', { level: 1, name: '峰野 和子さんの明細' }).waitFor();
  const shown = page.getByTestId('balance-now');
  await expect(shown.textContent()).resolves.toBe((before.balance + 100).toLocaleString('ja-JP'));
  await page.getByRole('cell', { name: 'サロンのお手伝い（峰野サロン）' }).first().waitFor();

  // More than the balance: refused in words, and the balance is what it was.
  const redeem = page.getByRole('form', { name: '峰野 和子さんのポイントの交換' });
  await redeem.getByLabel('交換するポイント').fill(String(before.balance + 101));
  await redeem.getByRole('button', { name: '交換を記録する' }).click();
  const refusal = `交換するポイント：峰野 和子さんの残高は ${(before.balance + 100).toLocaleString('ja-JP')} ポイントです。残高より多くは交換できません。`;
  await page.getByRole('alert').filter({ hasText: refusal }).waitFor();
  await inspectPage(page, 'points-statement');
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'PDF（本人に渡す）' }).click(),
  ]);
  await pdf.saveAs(`${ARTIFACTS}point-statement.pdf`);
  expect(readFileSync(`${ARTIFACTS}point-statement.pdf`).subarray(0, 5).toString()).toBe('%PDF-');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '峰野 和子さんの明細' }).waitFor();
  await expect(page.getByTestId('balance-now').textContent()).resolves.toBe(
    (before.balance + 100).toLocaleString('ja-JP'),
  );
  expect((await balanceOf(page, '峰野 和子')).balance).toBe(before.balance + 100);
  await page.context().close();
});

it('保険者職員が年度末の交換を確かめて全員分を記録し、支払い一覧（xlsx）を受け取る', async () => {
  const page = await newPage(browser, inject('baseUrl'));
  await loginAs(page, 'hokensha@sasae.example');
  await page.goto(`${base}/points/settings`);
  await page.getByRole('heading', { level: 1, name: '制度の設定' }).waitFor();
  await page.getByLabel('制度の名前').waitFor();
  await inspectPage(page, 'points-settings');

  const fy = fiscalYearOf(todayInTokyo());
  const due = await balanceOf(page, '峰野 和子');
  await page.goto(`${base}/points/year-end`);
  await page.getByRole('heading', { level: 1, name: '年度末の交換' }).waitFor();
  await page.getByLabel('年度', { exact: true }).selectOption(String(fy));
  await page.getByRole('heading', { name: `${fiscalYearLabel(fy)}の交換（確認用）` }).waitFor();
  const member = page.getByRole('row').filter({ hasText: '峰野 和子' });
  await expect(member.getByRole('cell').nth(1).textContent()).resolves.toBe(
    due.balance.toLocaleString('ja-JP'),
  );
  await inspectPage(page, 'points-year-end');
  await page.getByRole('checkbox', { name: /一覧を確かめました/ }).check();
  await page.getByRole('button', { name: '全員分をまとめて記録する' }).click();
  await page.getByRole('heading', { name: `${fiscalYearLabel(fy)}の交換（記録済み）` }).waitFor();
  await page.getByText(/人分・合計/).waitFor();
  expect((await balanceOf(page, '峰野 和子')).balance).toBe(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '支払い一覧（Excel）' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`point-year-end-${fy}.xlsx`);
  const file = `${ARTIFACTS}point-year-end-${fy}.xlsx`;
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  expect(String(rows[0]![0])).toContain('年度末の交換　支払い一覧');
  expect(rows).toContainEqual([expect.any(Number), '峰野 和子', 'みねの かずこ', due.balance, due.balance]);
  expect(rows.at(-1)![1]).toBe('合計');
  await page.context().close();
});

it('第2層SCが2回の養成講座の出席をとると修了者一覧に載り、担い手の記録に講座が残る', async () => {
  const page = await newPage(browser, inject('baseUrl'));
  await loginAs(page, 'sc2@sasae.example');
  await menu(page).getByRole('link', { name: '養成講座', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '養成講座' }).waitFor();
  await page.getByRole('link', { name: '生活支援サポーター養成講座（全3回）' }).waitFor();
  await inspectPage(page, 'courses');

  await page.getByText('講座をつくる', { exact: true }).first().click();
  const create = page.getByRole('form', { name: '講座をつくる' });
  await create.getByLabel('講座の種類').selectOption({ label: '生活支援サポーター養成講座' });
  await create.getByLabel(/^講座名/).fill('E2E 生活支援サポーター養成講座（全2回）');
  await create.getByLabel('会場').fill('峰野会館');
  await create.getByRole('button', { name: '講座をつくる' }).click();
  await page.getByRole('heading', { level: 1, name: 'E2E 生活支援サポーター養成講座（全2回）' }).waitFor();

  const today = todayInTokyo();
  for (const [days, content] of [
    [14, '地域で支え合うとは'],
    [7, 'ちょい加勢の実習'],
  ] as const) {
    const add = page.getByRole('form', { name: '回を加える' });
    await add.getByLabel('日付').fill(addDays(today, -days));
    await add.getByLabel('内容').fill(content);
    await add.getByRole('button', { name: '回を加える' }).click();
    await page.getByText(content).first().waitFor();
  }
  const find = page.getByRole('form', { name: '登録済みの担い手を加える' });
  await find.getByLabel('氏名・よみがな').fill('峰野 和子');
  await find.getByRole('button', { name: '探す' }).click();
  await find.getByRole('button', { name: /^加える.*峰野 和子/ }).click();
  await page.getByRole('row').filter({ hasText: '峰野 和子' }).waitFor();

  // The tick list: choose the session, Space on the name, save — twice.
  for (const n of [1, 2]) {
    await page.getByLabel('回', { exact: true }).selectOption({ index: n - 1 });
    const tick = page.getByRole('checkbox', { name: '峰野 和子' });
    await tick.focus();
    await page.keyboard.press('Space');
    await expect(tick.isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: '出席を保存する' }).click();
    await page.getByText(`第${n}回の出席を保存しました（1人）。`).waitFor();
  }
  const completed = page.getByRole('table', { name: '修了者一覧' });
  await completed.getByRole('row').filter({ hasText: '峰野 和子' }).waitFor();
  await expect(completed.getByRole('row').filter({ hasText: '峰野 和子' }).textContent()).resolves.toContain(
    '受けた講座に記録済み',
  );
  await inspectPage(page, 'course-detail');

  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '修了者一覧（PDF）' }).click(),
  ]);
  await pdf.saveAs(`${ARTIFACTS}course-completions.pdf`);
  expect(readFileSync(`${ARTIFACTS}course-completions.pdf`).subarray(0, 5).toString()).toBe('%PDF-');

  // The helper's record (人材バンク) holds the course with the last session's date. (峰野 和子 is in
  // both this branch's stand-in members and the 人材バンク's own demo helpers.)
  const helpers = await (
    await page.request.get(`/api/t/${TENANT}/helpers?q=${encodeURIComponent('峰野 和子')}`)
  ).json();
  const record = await (await page.request.get(`/api/t/${TENANT}/helpers/${helpers.items[0].id}`)).json();
  expect(record.helper.trainings).toContainEqual(
    expect.objectContaining({
      kindLabel: '生活支援サポーター養成講座',
      title: 'E2E 生活支援サポーター養成講座（全2回）',
      completedOn: addDays(today, -7),
    }),
  );
  await page.context().close();
});
