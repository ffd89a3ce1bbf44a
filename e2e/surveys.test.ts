import { mkdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
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
 * アンケート (保険者職員 at a desk): she sets up a 基本チェックリスト survey, types one paper form with
 * the keyboard only — every key press counted —, imports a contractor's Shift_JIS file with a
 * two-row header (first with a mistake, then corrected), and reads the results by area and on the map.
 */

const SHOTS = '/tmp/shots/';
const TOWN = '019992';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newPage(browser, inject('baseUrl'));
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Full-page screenshots to look at: desktop, and desktop with the text at 200 %. */
async function shots(name: string) {
  await page.setViewportSize(DESKTOP);
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `${SHOTS}${name}-1280.png`, fullPage: true });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `${SHOTS}${name}-200pct.png`, fullPage: true });
  const overflow = await horizontalOverflow(page);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  return overflow;
}

const menu = (p: Page) => p.getByRole('navigation', { name: '主なメニュー' });

let surveyUrl = '';

it('保険者職員が基本チェックリストの調査を作る（調査票の出典と確かさが見える）', async () => {
  await loginAs(page, 'hokensha@sasae.example');
  await page.goto(`/app/t/${TOWN}`);
  await menu(page).getByRole('link', { name: 'アンケート' }).click();
  await page.getByRole('heading', { level: 1, name: 'アンケート' }).waitFor();
  const kihon = page.getByRole('radio', { name: /基本チェックリスト/ });
  await kihon.waitFor();
  // Each instrument shows where it comes from and how sure we are of it.
  const needs = page.locator('.instrument-choice', { hasText: 'ニーズ調査' });
  await expect(needs.textContent()).resolves.toContain('未確認');
  await inspectPage(page, 'surveys-list');
  await kihon.check();
  await expect(page.getByLabel(/調査の名前/).inputValue()).resolves.toMatch(
    /^令和\d+年度 基本チェックリスト$/,
  );
  await page.getByRole('button', { name: '調査を作る' }).click();
  await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
  surveyUrl = new URL(page.url()).pathname;
  await page.getByRole('heading', { name: '判定の決まり' }).waitFor();
  await expect(
    page.getByRole('table', { name: '判定の決まりと、その確かさ' }).locator('tbody tr').count(),
  ).resolves.toBeGreaterThan(0);
  await inspectPage(page, 'surveys-detail');
  await shots('surveys-detail');
});

it('紙の調査票1枚をキーボードだけで入力し、キーを押した回数を数える', async () => {
  await page.getByRole('link', { name: /紙の調査票を入力する/ }).click();
  await page.getByRole('heading', { level: 1, name: /紙の調査票の入力/ }).waitFor();
  const sex = page.getByLabel('性別', { exact: true });
  await sex.waitFor();
  // The screen opens on the first answer.
  await expect(sex.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

  let setup = 0;
  let keys = 0;
  const batch = async (key: string) => {
    setup++;
    await page.keyboard.press(key);
  };
  const press = async (key: string) => {
    keys++;
    await page.keyboard.press(key);
  };
  const typeDigits = async (text: string) => {
    for (const ch of text) await press(ch);
  };

  // Once per bundle of forms: the area (two fields up, a select moved with the arrow keys).
  await batch('Shift+Tab');
  await batch('Shift+Tab');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('entry-areaId');
  await batch('ArrowDown');
  await batch('ArrowDown');
  await expect(page.locator('#entry-areaId option:checked').textContent()).resolves.toContain('中央圏域');
  await batch('Tab');
  await batch('Tab');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('entry-sex');

  // One form: 女性, 78歳, No.1–11, 158 cm, 52 kg (No.12 then skips itself), No.13–25, Enter.
  const codes: Record<number, string> = { 1: '1', 6: '1', 9: '1', 10: '1', 16: '1', 21: '1', 22: '1' };
  await press('2');
  await typeDigits('78');
  await press('Enter');
  for (let no = 1; no <= 25; no++) {
    if (no === 12) {
      await typeDigits('158');
      await press('Enter');
      await typeDigits('52');
      await press('Enter');
      continue;
    }
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      `entry-item-kc${String(no).padStart(2, '0')}`,
    );
    await press(codes[no] ?? '0');
  }
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('entry-save');
  // Before saving: the current question was highlighted all along; look at a filled form.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}surveys-entry-filled-1280.png`, fullPage: true });
  await press('Enter');
  await page.getByText('調査票番号 1 を保存しました（この画面で1件目）。').waitFor();
  console.log(
    `紙の調査票1枚（基本チェックリスト25問＋性別・年齢）: ${keys}回のキー操作（地域の指定は束ごとに${setup}回）`,
  );
  expect(keys).toBe(36);

  // Ready for the next form: number counted on, answers cleared, focus on the first answer.
  await expect(page.getByLabel('調査票番号').inputValue()).resolves.toBe('2');
  await expect(sex.inputValue()).resolves.toBe('');
  await expect(sex.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  // A key that is no option is refused in words.
  await page.keyboard.press('5');
  await page.getByText(/「5」は選択肢にありません/).waitFor();
  await page.keyboard.press('Backspace');

  await inspectPage(page, 'surveys-entry');
  // The highlighted question, at 200 % text.
  await page.getByLabel(/バスや電車で1人で外出/).focus();
  await page.keyboard.press('1');
  const overflow = await shots('surveys-entry');
  expect(overflow).toBe(0);
});

it('聞き取り：タブレットで住民を選び、大きなボタンで答えて保存する', async () => {
  await page.goto(surveyUrl);
  await page.getByRole('link', { name: /聞き取りながら入力する/ }).click();
  await page.getByRole('heading', { level: 1, name: /聞き取り/ }).waitFor();
  await page.setViewportSize({ width: 1024, height: 768 });
  // The resident, found by name; her area and age fill in.
  await page.getByLabel(/^住民/).fill('本町');
  await page.getByRole('button', { name: '探す' }).click();
  await page.getByRole('button', { name: /本町 清/ }).click();
  await page.getByText(/本町 清さん（.*）の回答として記録します/).waitFor();
  await page.getByRole('radio', { name: '男性' }).check();
  if ((await page.getByLabel('年齢').inputValue()) === '') await page.getByLabel('年齢').fill('81');
  await page.getByRole('button', { name: /^次へ/ }).click();
  await page.getByRole('heading', { level: 2, name: '生活全般（No.1〜5）' }).waitFor();
  const q1 = page.getByRole('group', { name: /バスや電車で1人で外出/ });
  await q1.getByRole('radio', { name: 'いいえ' }).check();
  await checkA11y(page, { label: 'surveys-interview' });
  await page.screenshot({ path: `${SHOTS}surveys-interview-1024.png`, fullPage: true });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await expect(horizontalOverflow(page)).resolves.toBe(0);
  const choice = await q1.locator('.big-choice').first().boundingBox();
  expect(choice!.height).toBeGreaterThanOrEqual(56);
  await page.screenshot({ path: `${SHOTS}surveys-interview-200pct.png` });
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  // On to the end, and save.
  for (let i = 0; i < 10; i++) {
    const next = page.getByRole('button', { name: /^次へ/ });
    if ((await next.count()) === 0) break;
    await next.click();
  }
  await page.getByRole('button', { name: '回答を保存する' }).click();
  await page.getByRole('heading', { name: '保存しました' }).waitFor();
  await expect(page.getByText(/本町 清さんの回答を保存しました/).count()).resolves.toBe(1);
  await page.setViewportSize(DESKTOP);
});

/** A contractor's file: two header rows (section over item number), Shift_JIS, one person a row. */
function contractorCsv(opts: { mistake: boolean }): Buffer {
  const top = ['調査票番号', '地域', '性別', '年齢', '基本チェックリスト'];
  const sub = ['', '', '', '', 'No.1'];
  for (let no = 2; no <= 25; no++) {
    top.push('');
    sub.push(no === 12 ? '身長' : `No.${no}`);
  }
  top.push('');
  sub.push('体重');
  const lines = [top.join(','), sub.join(',')];
  const districts = ['本町地区', '駅前地区', '峰野地区', '南浜地区'];
  for (let i = 0; i < 16; i++) {
    const row = [
      `F${String(i + 1).padStart(3, '0')}`,
      districts[i % 4]!,
      String((i % 2) + 1),
      String(66 + i),
    ];
    for (let no = 1; no <= 25; no++) {
      if (no === 12) row.push(String(150 + (i % 10)));
      // About one answer in eight scores a point, as in a town where most people are well.
      else row.push(String((i * 7 + no * 3) % 8 === 0 ? 1 : 0));
    }
    row.push(String(i % 5 === 0 ? 40 : 55));
    if (opts.mistake && i === 3) row[7] = '5'; // No.4 (column 8) answered 5: not an option
    lines.push(row.join(','));
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}

it('2行見出しの Shift_JIS のファイルを取り込む（誤りがあれば何も保存しない）', async () => {
  await page.goto(surveyUrl);
  await page.getByRole('link', { name: /ファイルから取り込む/ }).click();
  await page.getByRole('heading', { level: 1, name: /回答の取り込み/ }).waitFor();

  await page.getByLabel('回答のファイル').setInputFiles({
    name: 'kihon-contractor.csv',
    mimeType: 'text/csv',
    buffer: contractorCsv({ mistake: true }),
  });
  await page.getByRole('button', { name: '読み込んで確かめる' }).click();
  const result = page.getByRole('region', { name: '確かめた結果' });
  await result.waitFor();
  const facts = await result.locator('.facts').textContent();
  expect(facts).toContain('Shift_JIS');
  expect(facts).toContain('見出しの行数2行');
  expect(facts).toContain('回答の行数16行');
  // Every column found its item from the two header rows.
  await expect(page.locator('#map-col-4 option:checked').textContent()).resolves.toContain('No.1');
  await expect(page.locator('#map-col-0 option:checked').textContent()).resolves.toBe('調査票番号');
  const errors = page.getByRole('table', { name: /誤りのある行/ });
  await expect(errors.textContent()).resolves.toContain('選択肢にない回答です');
  await expect(errors.textContent()).resolves.toContain('6行目');
  await expect(page.getByRole('button', { name: '保存する', exact: true }).count()).resolves.toBe(0);
  await page.getByText(/1件でも誤りがあると何も保存しません/).waitFor();
  await inspectPage(page, 'surveys-import-errors');
  expect(await shots('surveys-import-errors')).toBe(0);

  // The corrected file goes in whole.
  await page.getByLabel('回答のファイル').setInputFiles({
    name: 'kihon-contractor.csv',
    mimeType: 'text/csv',
    buffer: contractorCsv({ mistake: false }),
  });
  await page.getByRole('button', { name: '読み込んで確かめる' }).click();
  await page.getByText('誤りはありません。16人分をまとめて保存できます。').waitFor();
  await page.getByRole('button', { name: '保存する', exact: true }).click();
  await page.getByText('16人分の回答を取り込みました。').waitFor();
  await checkA11y(page, { label: 'surveys-import-done' });
});

it('集計：判定ごと・地域別・年齢層×性別・設問ごと、地図と書き出し', async () => {
  await page.getByRole('link', { name: '集計を見る' }).click();
  await page.getByRole('heading', { name: '判定ごとの該当割合（全体）' }).waitFor();
  await expect(page.locator('.figure').first().textContent()).resolves.toContain('18');
  const area = page.getByRole('table', { name: /の地域別の該当割合$/ }).first();
  await expect(area.textContent()).resolves.toContain('中央圏域');
  await page.getByRole('img', { name: /地域別該当割合の地図/ }).waitFor();
  await expect(page.getByRole('link', { name: /Excel/ }).getAttribute('href')).resolves.toMatch(
    /format=xlsx/,
  );
  await expect(page.getByRole('link', { name: /PDF/ }).getAttribute('href')).resolves.toMatch(/format=pdf/);
  await inspectPage(page, 'surveys-results');
  expect(await shots('surveys-results')).toBe(0);

  // 第3層 by keyboard.
  await page.getByRole('radio', { name: /第3層/ }).check();
  await page
    .getByRole('row', { name: /本町地区/ })
    .first()
    .waitFor();
  await shots('surveys-results-layer3');
});

it('第2層SCには5人未満のマスが「—（5人未満）」と見え、その旨が書いてある', async () => {
  const sc = await newPage(browser, inject('baseUrl'));
  await loginAs(sc, 'sc2@sasae.example');
  await sc.goto(`${surveyUrl}/results`);
  await sc.getByRole('heading', { name: '判定ごとの該当割合（全体）' }).waitFor();
  await sc.getByText('5人未満のマスは表示していません').waitFor();
  await expect(sc.getByText('—（5人未満）').count()).resolves.toBeGreaterThan(0);
  await checkA11y(sc, { label: 'surveys-results-sc2' });
  await sc.screenshot({ path: `${SHOTS}surveys-results-sc2-1280.png`, fullPage: true });
  await sc.context().close();
});
