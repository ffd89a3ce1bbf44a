import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  ARTIFACTS,
  checkA11y,
  DESKTOP,
  horizontalOverflow,
  inspectPage,
  launchBrowser,
  loginAs,
  newPage,
  PHONE,
  screenshot,
} from './support';

/*
 * The public portal as residents meet it — on a phone, without JavaScript, at 200 % — and as a
 * ケアマネ and an SC use it from the office: every page passes axe, nothing scrolls sideways.
 */

const T = '019992';
let browser: Browser;
let noScript: BrowserContext;
/** axe is a script: pages walked without JavaScript are checked again in this context. */
let checker: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
  noScript = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: PHONE,
    javaScriptEnabled: false,
  });
  checker = await browser.newContext({ baseURL: inject('baseUrl'), locale: 'ja-JP', viewport: DESKTOP });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * axe at phone and desktop width, and at 200 %: the desktop page zoomed (half the CSS width) and
 * the text alone doubled; never a sideways scroll.
 */
async function inspectPublic(walked: Page, name: string): Promise<void> {
  const scripted = walked.context() !== noScript;
  const page = scripted ? walked : await checker.newPage();
  if (!scripted) await page.goto(walked.url());
  await page.evaluate(() => document.fonts.ready);
  await checkA11y(page, { label: name, widths: [PHONE.width, DESKTOP.width, DESKTOP.width / 2] });
  for (const width of [PHONE.width, DESKTOP.width / 2]) {
    await page.setViewportSize({ width, height: PHONE.height });
    expect(await horizontalOverflow(page), `${name} @ ${width}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(DESKTOP);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  await checkA11y(page, { label: `${name}（文字200%）` });
  expect(await horizontalOverflow(page), `${name} 文字200%`).toBeLessThanOrEqual(0);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '';
  });
  await screenshot(page, `portal-${name}`);
  if (scripted) await page.setViewportSize(DESKTOP);
  else await page.close();
}

it('a resident finds a salon on a Thursday in her 地区 without JavaScript, opens it and prints it', async () => {
  const page = await noScript.newPage();
  await page.goto(`/t/${T}`);
  await expect.poll(() => page.title()).toContain('ささえ町');
  await inspectPublic(page, 'home');

  await page.getByRole('link', { name: /^集う/ }).click();
  await page.getByText('条件を変えてさがす').click();
  await page.getByLabel('どこで（地区）').selectOption({ label: '南浜地区' });
  await page.getByRole('radio', { name: '木曜日' }).check();
  await page.getByRole('button', { name: 'さがす' }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe('南浜地区・集う・木曜日でさがした結果');
  const cards = page.locator('.card');
  expect(await cards.count()).toBeGreaterThan(0);
  for (const text of await cards.locator('dd').allTextContents()) expect(text).not.toContain('undefined');
  // Every card's いつ says Thursday or every day.
  for (const card of await cards.all()) {
    expect(await card.locator('dt:text("いつ") + dd').textContent()).toMatch(/木|毎日/);
  }
  await inspectPublic(page, 'search');

  const first = cards.first().locator('h2 a');
  const name = (await first.textContent())!;
  await first.click();
  await expect.poll(() => page.locator('h1').textContent()).toBe(name);
  expect(await page.locator('a.tel').count()).toBeGreaterThanOrEqual(0);
  await inspectPublic(page, 'resource');

  // Printed, it is one clean page: no navigation, the name and the phone number on it.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.site__nav').isVisible()).toBe(false);
  expect(await page.locator('.actions').isVisible()).toBe(false);
  const pdf = await page.pdf({
    format: 'A4',
    printBackground: true,
    path: `${ARTIFACTS}portal-resource-print.pdf`,
  });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBe(1);
  await page.close();
});

it('the print button prints (with JavaScript), and the map page adds a live map over the list', async () => {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'ja-JP',
    viewport: DESKTOP,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`/t/${T}/search?group=gather`);
  await page.locator('.card h2 a').first().click();
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole('button', { name: 'このページを印刷する' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.goto(`/t/${T}/map`);
  await page.locator('#map .maplibregl-canvas').waitFor();
  expect(await page.locator('#map-static').isHidden()).toBe(true);
  expect(await page.getByRole('heading', { name: '一覧（地区ごと）' }).isVisible()).toBe(true);
  await inspectPublic(page, 'map');
  await context.close();
});

it('an area page, the list of towns and unknown addresses are friendly', async () => {
  const page = await noScript.newPage();
  await page.goto(`/t/${T}`);
  await page.getByRole('link', { name: '北部圏域' }).click();
  await expect.poll(() => page.locator('h1').textContent()).toBe('北部圏域の暮らしの助け合い');
  await inspectPublic(page, 'area');
  await page.goto('/t/');
  expect(new URL(page.url()).pathname).toBe('/t');
  await page.getByRole('link', { name: /ささえ町/ }).waitFor();
  await inspectPublic(page, 'towns');
  const res = await page.goto(`/t/${T}/r/00000000-0000-4000-8000-000000000000`);
  expect(res?.status()).toBe(404);
  expect(await page.locator('h1').textContent()).toBe('ページが見つかりません');
  await inspectPublic(page, 'not-found');
  await page.close();
});

/** The text of a PDF as poppler reads it (installed by .ci/run; its absence fails the journey). */
function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`pdftotext が使えません（apt-get install poppler-utils）: ${r.error ?? r.stderr}`);
  return r.stdout;
}

it('a ケアマネ downloads the 生活便利帳 of one 圏域 from her office PC', async () => {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'ja-JP',
    viewport: DESKTOP,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`/t/${T}`);
  await page
    .getByRole('navigation', { name: 'サイト内のご案内' })
    .getByRole('link', { name: '便利帳・カレンダー' })
    .click();
  await inspectPublic(page, 'prints');
  await page.locator('#booklet-area').selectOption({ label: '北部圏域（圏域全体）' });
  await page.getByRole('radio', { name: /^A4/ }).check();
  await page.getByRole('button', { name: '生活便利帳を作る' }).click();
  // The progress page refreshes itself until the file is ready.
  const link = page.getByRole('link', { name: 'PDFをダウンロードする' });
  await link.waitFor({ timeout: 60_000 });
  await inspectPublic(page, 'booklet-ready');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('生活便利帳_ささえ町_北部圏域_A4.pdf');
  const file = `${ARTIFACTS}portal-booklet-north.pdf`;
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(file);
  expect(text).toContain('生活便利帳');
  expect(text).toContain('北部圏域');
  expect(text).toMatch(/令和\d+年度/);
  expect(text).toContain('さくいん');
  // Only what concerns the 圏域: a 南部圏域 salon is not in it.
  expect(text).not.toContain('南浜ふれあいサロン');
  await context.close();
});

it('an SC subscribes to her 地区’s calendar feed, and the file parses', async () => {
  const page = await noScript.newPage();
  await page.goto(`/t/${T}`);
  await page
    .getByRole('navigation', { name: 'サイト内のご案内' })
    .getByRole('link', { name: 'データの利用' })
    .click();
  await inspectPublic(page, 'downloads');
  const feed = page.locator('a[href$=".ics"]').filter({ hasText: /ファイル/ });
  const hrefs = await feed.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(3);
  const res = await page.request.get(hrefs[0]!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(await res.text()));
  expect(String(calendar.getFirstPropertyValue('x-wr-timezone'))).toBe('Asia/Tokyo');
  const events = calendar.getAllSubcomponents('vevent');
  expect(events.length).toBeGreaterThan(0);
  const event = new ICAL.Event(events[0]!);
  expect(event.summary.length).toBeGreaterThan(0);
  expect(event.isRecurring()).toBe(true);
  // The next occurrence is in the future, in Japanese time.
  const next = event.iterator().next();
  expect(next.zone.tzid === 'Asia/Tokyo' || event.startDate.isDate).toBe(true);
  await page.close();
});

it('保険者職員 sets the contact that every public page shows at its foot', async () => {
  const page = await newPage(browser, inject('baseUrl'));
  await loginAs(page, 'hokensha@sasae.example');
  await page.goto(`/app/t/${T}/settings`);
  await page.getByRole('heading', { name: '団体の設定' }).waitFor();
  await inspectPage(page, 'tenant-settings');
  const contact = '生活支援コーディネーター（ささえ町社会福祉協議会）電話 0126-50-2222（平日 9時〜17時）';
  await page.getByLabel('公開ページの問い合わせ先').fill(contact);
  await page.getByRole('button', { name: '変更を保存する' }).click();
  await page.getByText('保存しました。').waitFor();
  await page.goto(`/t/${T}`);
  expect(await page.locator('.site__foot').textContent()).toContain(contact);
  await page.context().close();
});
