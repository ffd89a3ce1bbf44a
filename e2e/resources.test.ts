import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { testdata } from '../testdata';
import { inspectPage, launchBrowser, loginAs, newPage } from './support';

/*
 * 地域資源 (第1層 SC unless said otherwise): search in any kana, filter, read a resource, rebuild
 * its schedule with the builder, see the change in the history, confirm the most overdue one,
 * import 高松市's community centres, look at the map; a 第2層 SC only reads outside her area; two
 * people editing one resource never lose anything.
 */

const COMMUNITY_CENTRES = testdata('data/takamatsu/community_center.csv');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

const menu = (p: Page, name: string) =>
  p.getByRole('navigation', { name: '主なメニュー' }).getByRole('link', { name, exact: true });

const resultTable = (p: Page) => p.getByRole('table', { name: /地域資源の一覧/ });

/** Names the server finds for a query (the screen must show exactly these). */
async function apiNames(p: Page, query: string): Promise<string[]> {
  const body = await (await p.request.get(`/api/t/019992/resources?${query}`)).json();
  return body.items.map((i: { name: string }) => i.name);
}

/** Waits until the table shows what the server finds for the page's current filters. */
async function shownNames(p: Page): Promise<string[]> {
  const expected = await apiNames(p, new URL(p.url()).searchParams.toString());
  let shown: string[] = [];
  for (let i = 0; i < 50; i++) {
    shown = await resultTable(p).locator('.resource-table__link').allTextContents();
    if (JSON.stringify(shown) === JSON.stringify(expected)) return shown;
    await p.waitForTimeout(200);
  }
  expect(shown).toEqual(expected);
  return shown;
}

async function search(p: Page, q: string): Promise<string[]> {
  await p.getByLabel('キーワード').fill(q);
  await p.getByRole('button', { name: '探す' }).click();
  await p.waitForURL((url) => url.searchParams.get('q') === q);
  return shownNames(p);
}

it('第1層SCが地域資源を探し、日時を作り直し、履歴・要確認・取り込み・地図を使う', async () => {
  await loginAs(page, 'sc1@sasae.example');
  await menu(page, '地域資源').click();
  await page.getByRole('heading', { level: 1, name: '地域資源' }).waitFor();
  await resultTable(page).waitFor();
  await expect(page.title()).resolves.toBe('地域資源 | ささえ町 | ささえあい');
  await inspectPage(page, 'resources-list');

  // かいもの と ｶｲﾓﾉ は同じ資源を見つける（移動販売の停留所を含む）
  const hiragana = await search(page, 'かいもの');
  expect(hiragana.filter((n) => n.includes('移動販売の停留所')).length).toBeGreaterThanOrEqual(5);
  const halfWidth = await search(page, 'ｶｲﾓﾉ');
  expect(halfWidth).toEqual(hiragana);
  await inspectPage(page, 'resources-search');

  // 北部の地区（峰野地区）＋木曜日
  await search(page, '移動販売');
  const mineno = await page.locator('#filter-area option', { hasText: '峰野地区' }).getAttribute('value');
  await page.getByLabel('地域', { exact: true }).selectOption(mineno!);
  await page.waitForURL((url) => url.searchParams.get('area') === mineno);
  await page.getByLabel('曜日').selectOption({ label: '木曜日' });
  await page.waitForURL((url) => url.searchParams.get('weekday') === '4');
  // What the screen shows is exactly what the server finds for the same filters …
  const filtered = await shownNames(page);
  // … and that is the 峰野 stop (Thursdays), not the other districts' stops.
  expect(filtered).toContain('峰野 移動販売の停留所');
  expect(filtered.filter((n) => /南浜|港町|山手|本町|駅前|緑ヶ丘|新町|川上|桜台/.test(n))).toEqual([]);
  const items = (
    await (
      await page.request.get(
        `/api/t/019992/resources?q=${encodeURIComponent('移動販売')}&area=${mineno}&weekday=4`,
      )
    ).json()
  ).items as { scheduleText: string }[];
  for (const item of items) expect(item.scheduleText).toMatch(/木|毎日|平日/);
  await inspectPage(page, 'resources-filtered');

  // 詳細: 次の日程
  await resultTable(page).getByRole('link', { name: '峰野 移動販売の停留所' }).click();
  await page.getByRole('heading', { level: 1, name: /峰野 移動販売の停留所/ }).waitFor();
  const nextDates = page.locator('.next-dates time');
  await expect(nextDates.count()).resolves.toBeGreaterThan(0);
  await expect(nextDates.first().textContent()).resolves.toMatch(/\d+月\d+日（木）/);
  await expect(page.locator('.freshness').textContent()).resolves.toMatch(
    /最終確認：令和\d+年\d+月\d+日（.+）／次の確認：令和/,
  );
  await inspectPage(page, 'resource-detail');

  // 編集: 日時を部品から「毎月第3金曜日 13時〜15時」に
  await page.getByRole('link', { name: '編集', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /を編集$/ }).waitFor();
  await inspectPage(page, 'resource-edit');
  await page.getByLabel('選んで作る').check();
  await page.getByLabel('毎月 第n曜日').check();
  await page.getByRole('checkbox', { name: '木', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: '金', exact: true }).check();
  await page.getByRole('checkbox', { name: '第3', exact: true }).check();
  await page.getByLabel('開始時刻').fill('13:00');
  await page.getByLabel('終了時刻').fill('15:00');
  const reading = page.locator('#resource-schedules-0-reading');
  await reading.getByText('毎月第3金曜日 13時〜15時', { exact: true }).waitFor();
  await expect(reading.locator('time').count()).resolves.toBe(3);
  await expect(reading.locator('time').first().textContent()).resolves.toMatch(/（金）$/);
  await inspectPage(page, 'resource-schedule-builder');
  await page.getByRole('button', { name: '変更を保存する' }).click();
  await page.waitForURL(/\/resources\/[0-9a-f-]+$/);
  await page.getByText('保存しました。').waitFor();
  await expect(page.locator('.schedule-list__reading').first().textContent()).resolves.toBe(
    '毎月第3金曜日 13時〜15時',
  );

  // 履歴: 日時の変更が残っている
  await page.getByRole('link', { name: '履歴', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /の履歴$/ }).waitFor();
  const latest = page.locator('.revision').first();
  await expect(latest.locator('.revision__title').textContent()).resolves.toMatch(/令和.+ 大野 健一 変更/);
  const row = latest.getByRole('row', { name: /^日時/ });
  await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('毎月第3金曜日 13時〜15時');
  await expect(row.getByRole('cell').nth(0).textContent()).resolves.toMatch(/毎週木曜日/);
  await expect(page.getByRole('button', { name: /この内容に戻す/ }).count()).resolves.toBeGreaterThan(0);
  await inspectPage(page, 'resource-history');

  // 元に戻す: 前の内容（毎週木曜日）に戻すと、戻したことも履歴に残る。ささえ町の木曜の停留所は
  // ほかの通し確認（マッチング）も使うので、ここで元どおりにしておく。
  await page
    .locator('.revision')
    .nth(1)
    .getByRole('button', { name: /この内容に戻す/ })
    .click();
  await page.getByRole('button', { name: '戻す', exact: true }).click();
  await page.getByText(/番目の内容に戻しました。/).waitFor();
  const restored = page.locator('.revision').first();
  await restored.locator('.revision__action', { hasText: '以前の内容に戻した' }).waitFor();
  await expect(restored.getByRole('row', { name: /^日時/ }).textContent()).resolves.toMatch(/毎週木曜日/);

  // 要確認: いちばん期限を過ぎたものを確認済みに
  await menu(page, '要確認').click();
  const list = page.getByRole('list', { name: '確認する資源' });
  await list.waitFor();
  await inspectPage(page, 'resources-review');
  const first = list.locator('> li').first();
  const firstName = (await first.getByRole('heading').textContent()) ?? '';
  expect(await first.textContent()).toMatch(/確認期限を\d+日過ぎています/);
  await first.getByRole('button', { name: /^確認済み/ }).click();
  await page.getByText(`「${firstName}」を確認済みにしました。`, { exact: false }).waitFor();
  await expect(list.getByRole('heading', { name: firstName, exact: true }).count()).resolves.toBe(0);

  // 取り込み: 高松市のコミュニティセンター（分類は全行共通で「集会所・公共施設」）
  await menu(page, '資源の取り込み').click();
  await page.getByLabel('資源の一覧ファイル').setInputFiles(COMMUNITY_CENTRES);
  await inspectPage(page, 'resource-import');
  await page.getByRole('button', { name: '読み込んで確認する' }).click();
  const result = page.getByRole('region', { name: '確認の結果' });
  await result.waitFor({ timeout: 60_000 });
  await expect(result.textContent()).resolves.toContain('UTF-8');
  await expect(result.textContent()).resolves.toContain('52行');
  await expect(page.getByRole('button', { name: 'この内容で保存する' }).count()).resolves.toBe(0);
  await page.getByLabel('分類（全行共通）').selectOption({ label: '集会所・公共施設' });
  await page.getByRole('button', { name: '割り当てを反映して確認する' }).click();
  const added = result.locator('.figure').filter({ hasText: '追加' });
  await added.getByText('52', { exact: false }).waitFor({ timeout: 60_000 });
  await expect(added.textContent()).resolves.toBe('追加52件');
  await inspectPage(page, 'resource-import-preview');
  await page.getByRole('button', { name: 'この内容で保存する' }).click();
  await page.getByText('保存しました', { exact: true }).waitFor({ timeout: 60_000 });
  await expect(result.textContent()).resolves.toContain('追加 52件');
  await inspectPage(page, 'resource-import-saved');

  // 地図: 同じ条件の点（境界と印、オフライン）
  await menu(page, '地域資源').click();
  await page.getByRole('link', { name: '地図', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('view') === 'map');
  await page.locator('.maplibregl-canvas').waitFor();
  await page.locator('.map-cluster-count').first().waitFor();
  await expect(page.locator('.map-legend').textContent()).resolves.toContain('集う');
  await expect(page.locator('.map-caption').textContent()).resolves.toContain(
    '地図の背景は表示していません（オフライン）',
  );
  // The list is one click away for keyboard and screen-reader users.
  await expect(page.getByRole('link', { name: '一覧', exact: true }).count()).resolves.toBeGreaterThan(0);
  await page.waitForTimeout(500);
  await inspectPage(page, 'resources-map');

  // 分類と言いかえ、主体、登録の画面
  await page.goto('/app/t/019992/resources/taxonomy');
  await page.getByRole('heading', { level: 1, name: '分類と言いかえ' }).waitFor();
  await inspectPage(page, 'resources-taxonomy');
  await page.goto('/app/t/019992/organizations');
  await page.getByRole('table', { name: /主体の一覧/ }).waitFor();
  await inspectPage(page, 'organizations');
  await page.goto('/app/t/019992/resources/new');
  await page.getByRole('heading', { level: 1, name: '資源を登録' }).waitFor();
  await page.getByRole('checkbox', { name: '居場所・サロン' }).waitFor();
  await inspectPage(page, 'resource-new');
});

it('登録の前に、似た名前で近くにある資源を知らせる', async () => {
  await page.goto('/app/t/019992/resources/new');
  await page.getByLabel('名称').fill('峰野 移動販売の停留所');
  await page.getByRole('checkbox', { name: '移動販売' }).check();
  const existing = await (
    await page.request.get(`/api/t/019992/resources?q=${encodeURIComponent('峰野 移動販売の停留所')}`)
  ).json();
  const loc = existing.items[0].location;
  await page.getByLabel('緯度').fill(String(loc.latitude + 0.0003));
  await page.getByLabel('経度').fill(String(loc.longitude));
  await page.getByRole('button', { name: '登録する', exact: true }).click();
  const warning = page.getByRole('alert').filter({ hasText: '同じ資源がすでに登録されていませんか' });
  await warning.waitFor();
  await expect(warning.textContent()).resolves.toMatch(/峰野 移動販売の停留所.*約30m/);
  await inspectPage(page, 'resource-duplicate-warning');
  await warning.getByRole('button', { name: 'やめて入力に戻る' }).click();
});

it('第2層SC（北部圏域）は、中央圏域の資源を見るだけ', async () => {
  const sc2 = await newPage(browser, inject('baseUrl'));
  await loginAs(sc2, 'sc2@sasae.example');
  await menu(sc2, '地域資源').click();
  await resultTable(sc2).waitFor();
  const names = await search(sc2, 'ちょい加勢（中央）');
  expect(names).toContain('ちょい加勢（中央）');
  await resultTable(sc2).getByRole('link', { name: 'ちょい加勢（中央）' }).click();
  await sc2.getByRole('heading', { level: 1, name: /ちょい加勢（中央）/ }).waitFor();
  await expect(sc2.getByRole('link', { name: '編集', exact: true }).count()).resolves.toBe(0);
  await expect(sc2.getByRole('button', { name: '確認済みにする' }).count()).resolves.toBe(0);
  await sc2.getByText('この資源は担当の地域の外にあるため、見ることだけできます。').waitFor();
  await inspectPage(sc2, 'sc2-resource-read-only');
  // 北部の資源は変えられる
  await resultTable(sc2).waitFor({ state: 'detached' });
  await menu(sc2, '地域資源').click();
  const mine = await search(sc2, '峰野ゴミ出し');
  await resultTable(sc2).getByRole('link', { name: mine[0] }).click();
  await sc2.getByRole('link', { name: '編集', exact: true }).waitFor();
  await sc2.context().close();
});

it('二人が同じ資源を編集すると、後から保存した人に両方の内容を見せ、入力は消さない', async () => {
  const other = await newPage(browser, inject('baseUrl'));
  await loginAs(other, 'hokensha@sasae.example');
  const found = await (
    await page.request.get(`/api/t/019992/resources?q=${encodeURIComponent('いきいき介護予防教室')}`)
  ).json();
  const id = found.items[0].id as string;
  await page.goto(`/app/t/019992/resources/${id}/edit`);
  await other.goto(`/app/t/019992/resources/${id}/edit`);
  await page.getByLabel('名称').waitFor();
  await other.getByLabel('名称').waitFor();

  // 一人目（保険者職員）が先に保存する
  await other
    .getByLabel('内部メモ（住民には表示しません）')
    .fill('会場の鍵は保健福祉センターの受付で借ります');
  await other.getByRole('button', { name: '変更を保存する' }).click();
  await other.waitForURL(/\/resources\/[0-9a-f-]+$/);

  // 二人目（第1層SC）は古い版のまま保存しようとする
  await page.getByLabel('名称').fill('いきいき介護予防教室（保健福祉センター）');
  await page.getByRole('button', { name: '変更を保存する' }).click();
  const compare = page.getByRole('table', { name: /入力した内容と今保存されている内容/ });
  await compare.waitFor();
  await page.getByText('ほかの人が先に保存しました').waitFor();
  const nameRow = compare.getByRole('row', { name: /^名称/ });
  await expect(nameRow.getByRole('cell').allTextContents()).resolves.toEqual([
    'いきいき介護予防教室（保健福祉センター）',
    'いきいき介護予防教室',
  ]);
  const notesRow = compare.getByRole('row', { name: /^内部メモ/ });
  await expect(notesRow.getByRole('cell').nth(1).textContent()).resolves.toBe(
    '会場の鍵は保健福祉センターの受付で借ります',
  );
  await expect(page.getByLabel('名称').inputValue()).resolves.toBe(
    'いきいき介護予防教室（保健福祉センター）',
  );
  await inspectPage(page, 'resource-conflict');

  // 今の内容を読み込んでから直すと、両方の変更が残る
  await page.getByRole('button', { name: /今の内容を読み込む/ }).click();
  await compare.waitFor({ state: 'detached' });
  await expect(page.getByLabel('名称').inputValue()).resolves.toBe('いきいき介護予防教室');
  await page.getByLabel('名称').fill('いきいき介護予防教室（保健福祉センター）');
  await page.getByRole('button', { name: '変更を保存する' }).click();
  await page.waitForURL(/\/resources\/[0-9a-f-]+$/);
  await page.getByRole('heading', { level: 1, name: /いきいき介護予防教室（保健福祉センター）/ }).waitFor();
  await expect(page.locator('.internal-notes').textContent()).resolves.toContain('会場の鍵は');
  await other.context().close();
});
