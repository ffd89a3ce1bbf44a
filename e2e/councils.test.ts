import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { addDays, formatWareki, todayInTokyo } from '../domain/dates';
import { inspectPage, launchBrowser, loginAs, newPage, PHONE } from './support';

/*
 * 協議体 and the SC's own work. 北部圏域's SC prepares the next meeting of her 第2層 協議体 from the
 * template with a 空白 of ニーズと地域資源 as 地域課題, records minutes (two ideas, one item handed to
 * her, a 宿題), prepares the meeting after and finds the 宿題 on its agenda, and sees the handed
 * item in わたしの仕事. The council's chair then reads the minutes — and no resident's name is on
 * any page he sees. Then the phone quick log of a visit (steps counted), the report and the network.
 */

let browser: Browser;
let sc: Page;

/** The demo town's residents (server/db/seed/demo-needs.ts): never on a council member's screen. */
const RESIDENTS = ['峰野 ハナ', '川上 トメ', '本町 清', '山手 文子'];
const menu = (p: Page) => p.getByRole('navigation', { name: '主なメニュー' });
// Held today (a meeting cannot be recorded as held before its day).
const MEETING_DAY = todayInTokyo();
const NEXT_DAY = addDays(todayInTokyo(), 28);

beforeAll(async () => {
  browser = await launchBrowser();
  sc = await newPage(browser, inject('baseUrl'));
});

afterAll(async () => {
  await browser?.close();
});

/** The menu entry, at desk width (the menu is open) or behind the phone's メニュー button. */
async function go(page: Page, label: string) {
  const button = page.getByRole('button', { name: 'メニュー', exact: true });
  if (await button.isVisible()) await button.click();
  await menu(page).getByRole('link', { name: label, exact: true }).click();
}

it('第2層SCが空白を地域課題にして会議を準備し、議事録（アイデア2つ・SCに託す・宿題）を残し、次回の議題と自分の仕事に入る', async () => {
  await loginAs(sc, 'sc2@sasae.example');
  await go(sc, '協議体');
  await sc.getByRole('heading', { level: 1, name: '協議体' }).waitFor();
  await sc.getByRole('link', { name: '北部圏域 支え合い会議' }).waitFor();
  await inspectPage(sc, 'councils');

  await sc.getByRole('link', { name: '北部圏域 支え合い会議' }).click();
  await sc.getByRole('heading', { level: 1, name: /北部圏域 支え合い会議/ }).waitFor();
  await sc.getByRole('table', { name: '委員' }).getByRole('rowheader', { name: '佐藤 正男' }).waitFor();
  await inspectPage(sc, 'council');

  await sc.getByRole('link', { name: '会議を準備する' }).click();
  await sc.getByRole('heading', { level: 1, name: '会議を準備する' }).waitFor();
  await sc.getByLabel('開催日').fill(MEETING_DAY);
  await sc.getByLabel('場所').fill('峰野会館');
  const gap = sc.getByRole('radio', { name: /空白：峰野地区 × 認知症カフェ/ });
  await gap.waitFor();
  await inspectPage(sc, 'meeting-new');
  await gap.check();
  await sc.getByRole('button', { name: 'ひな型から議事をつくる' }).click();

  await sc.getByRole('heading', { level: 1, name: /北部圏域 支え合い会議 第\d+回/ }).waitFor();
  const issue = sc.getByRole('region', { name: /① 地域課題の提示/ });
  await issue.getByText('峰野地区に認知症カフェがない').first().waitFor();
  await expect(issue.textContent()).resolves.toMatch(
    /峰野地区 × 認知症カフェ（未対応の困りごと\d+件・資源0・空白）/,
  );
  // The seeded last meeting's 宿題 came in by itself.
  await sc
    .getByRole('heading', { level: 4, name: /^【継続】/ })
    .first()
    .waitFor();

  // Minutes of 情報・意見交換: two ideas and a 宿題.
  const exchange = sc.getByRole('form', { name: '「情報・意見交換」の議事録' });
  await exchange.getByLabel('意見交換の記録').fill('光明寺の本堂と郵便局の待合が使えそう、という話が出た。');
  await exchange.getByRole('button', { name: 'アイデアを加える' }).click();
  await exchange.getByLabel('アイデア1').fill('光明寺の本堂で月1回のお茶っこカフェ');
  await exchange.getByRole('button', { name: 'アイデアを加える' }).click();
  await exchange.getByLabel('アイデア2').fill('郵便局の待合に案内を置く');
  await exchange.getByRole('checkbox', { name: /宿題・継続協議にする/ }).check();
  await exchange.getByLabel('宿題の内容').fill('送迎を手伝える人を各町内会で聞いてくる');
  await exchange.getByRole('button', { name: /保存/ }).click();
  await exchange.getByRole('status').getByText('保存しました').waitFor();

  // ④ SCに託す: a task for herself with a due date.
  const entrust = sc.getByRole('form', { name: '「SCに託す」からSCに託す' });
  await entrust.getByLabel('SCに託すこと').fill('光明寺の住職に本堂の利用を相談する');
  await entrust.getByRole('button', { name: 'SCに託す' }).click();
  await entrust.getByText('「光明寺の住職に本堂の利用を相談する」を森田 あゆみさんに託しました。').waitFor();
  await sc.getByText(/光明寺の住職に本堂の利用を相談する（森田 あゆみ・期限/).waitFor();

  // Held, with who came.
  const record = sc.getByRole('form', { name: /開催の記録/ });
  await record.getByRole('radio', { name: '開催済み' }).check();
  await record.getByRole('checkbox', { name: /佐藤 正男/ }).check();
  await record.getByLabel('総評').fill('できることから小さく試す。');
  await record.getByRole('button', { name: '開催の記録を保存する' }).click();
  await record.getByRole('status').getByText('保存しました').waitFor();
  await inspectPage(sc, 'meeting');

  // The next meeting's agenda has the 宿題.
  await sc.getByRole('link', { name: '次回の会議を準備する' }).click();
  await sc.getByRole('heading', { level: 1, name: '会議を準備する' }).waitFor();
  await sc.getByLabel('開催日').fill(NEXT_DAY);
  await sc.getByRole('button', { name: 'ひな型から議事をつくる' }).click();
  await sc.getByRole('heading', { level: 1, name: /北部圏域 支え合い会議 第\d+回/ }).waitFor();
  const carried = sc.getByRole('article', { name: '【継続】情報・意見交換' });
  await carried.getByText('送迎を手伝える人を各町内会で聞いてくる').waitFor();
  await carried.getByRole('link', { name: /前回（/ }).waitFor();

  // わたしの仕事 has the handed item.
  await go(sc, 'わたしの仕事');
  await sc.getByRole('heading', { level: 1, name: 'わたしの仕事' }).waitFor();
  await sc.locator('.task-item__title', { hasText: '光明寺の住職に本堂の利用を相談する' }).waitFor();
  await inspectPage(sc, 'tasks');
  // And on her home page.
  await go(sc, 'ホーム');
  await sc.getByRole('heading', { level: 2, name: /わたしの仕事/ }).waitFor();
  await sc.locator('.task-item__title', { hasText: '光明寺の住職に本堂の利用を相談する' }).waitFor();
});

it('協議体の年間の開催表（第1層と第2層を並べて）とプロジェクト・成果報告会の資料', async () => {
  await go(sc, '協議体');
  await sc.getByRole('link', { name: '年間の開催' }).click();
  await sc.getByRole('heading', { level: 1, name: '協議体の年間の開催' }).waitFor();
  await sc.getByRole('table').locator('tbody tr').first().waitFor();
  const headers = await sc.getByRole('table').locator('thead th').allTextContents();
  expect(headers[1]).toContain('第1層');
  expect(headers.slice(2).every((h) => h.includes('第2層'))).toBe(true);
  await inspectPage(sc, 'council-calendar');

  await go(sc, '協議体');
  await sc.getByRole('link', { name: 'プロジェクト' }).first().click();
  await sc.getByRole('heading', { level: 1, name: 'プロジェクト' }).waitFor();
  const pack = await sc.request.get(
    (await sc.getByRole('link', { name: /成果報告会の資料/ }).getAttribute('href'))!,
  );
  expect(pack.status()).toBe(200);
  expect(pack.headers()['content-type']).toBe('application/pdf');
  await inspectPage(sc, 'projects');
  await sc.getByRole('link', { name: '移動支援の試行' }).click();
  await sc.getByRole('heading', { level: 1, name: '移動支援の試行' }).waitFor();
  await sc.getByRole('table', { name: '試行' }).waitFor();
  await inspectPage(sc, 'project');
});

it('協議体委員は自分の協議体の議事録を読めるが、住民の名前はどこにも出ない', async () => {
  const member = await newPage(browser, inject('baseUrl'));
  const seen: string[] = [];
  const look = async (name: string) => {
    await member.waitForLoadState('networkidle');
    // textContent, not innerText: text hidden from the eye (screen-reader text) counts too.
    seen.push((await member.locator('body').textContent()) ?? '');
    await inspectPage(member, name);
  };
  await loginAs(member, 'kyogitai@sasae.example');
  await member.getByRole('heading', { level: 1 }).waitFor();
  await look('council-member-home');
  await go(member, '協議体');
  await member.getByRole('link', { name: '北部圏域 支え合い会議' }).waitFor();
  await expect(member.getByRole('link', { name: '中央圏域 支え合い会議' }).count()).resolves.toBe(0);
  await member.getByRole('link', { name: '北部圏域 支え合い会議' }).click();
  await member.getByRole('heading', { level: 1, name: /北部圏域 支え合い会議/ }).waitFor();
  await expect(member.getByRole('link', { name: '会議を準備する' }).count()).resolves.toBe(0);
  await look('council-member-council');
  // The meeting the SC just held.
  const row = member.getByRole('row').filter({ hasText: formatWareki(MEETING_DAY) });
  await row.getByRole('link').first().click();
  await member.getByRole('heading', { level: 1, name: /北部圏域 支え合い会議 第\d+回/ }).waitFor();
  await member.getByText('光明寺の本堂で月1回のお茶っこカフェ').waitFor();
  await member.getByText('郵便局の待合に案内を置く').waitFor();
  await member.getByText(/光明寺の住職に本堂の利用を相談する/).waitFor();
  await expect(member.getByRole('button', { name: /保存/ }).count()).resolves.toBe(0);
  await look('council-member-minutes');
  await go(member, '活動の月報・年報');
  await member.getByRole('heading', { level: 1, name: '活動の月報・年報' }).waitFor();
  await look('council-member-report');
  for (const text of seen) for (const name of RESIDENTS) expect(text).not.toContain(name);
  // The needs themselves stay closed.
  await member.goto('/app/t/019992/needs');
  await member.getByText(/困りごとの中身は、保険者職員と生活支援コーディネーターだけ/).waitFor();
  await member.close();
});

it('第2層SCがスマートフォンで訪問を1分以内・4回の操作で記録し、月報に数えられる', async () => {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const phone = await context.newPage();
  phone.setDefaultTimeout(15_000);
  phone.on('pageerror', (error) => {
    throw error;
  });
  await loginAs(phone, 'sc2@sasae.example');
  await phone.getByRole('heading', { level: 1 }).waitFor();
  const before = await phone.request.get(`/api/t/019992/activity-report?month=${todayInTokyo().slice(0, 7)}`);
  const countBefore = (await before.json()).total.count as number;

  let actions = 0;
  const tap = async (target: Locator) => {
    actions++;
    await target.tap();
  };
  const started = Date.now();
  await tap(phone.getByRole('link', { name: /活動を記録/ }));
  // 訪問, her own area (北部圏域) and the time used last are already chosen.
  const area = phone.getByRole('combobox', { name: /^地域/ });
  await expect(area.locator('option:checked').textContent()).resolves.toContain('北部圏域');
  await tap(phone.getByRole('checkbox', { name: /①/ }));
  await tap(phone.getByRole('radio', { name: '45分' }));
  await tap(phone.getByRole('button', { name: '記録する' }));
  await phone.getByRole('heading', { name: '記録しました' }).waitFor();
  const seconds = (Date.now() - started) / 1000;
  console.log(`訪問の記録: ${actions}回の操作、${seconds.toFixed(1)}秒`);
  expect(actions).toBeLessThanOrEqual(4);
  expect(seconds).toBeLessThan(60);
  await phone.getByText(/北部圏域・訪問・①・45分/).waitFor();

  const after = await phone.request.get(`/api/t/019992/activity-report?month=${todayInTokyo().slice(0, 7)}`);
  expect((await after.json()).total.count).toBe(countBefore + 1);

  await phone.getByRole('button', { name: '続けて記録する' }).tap();
  await phone.getByRole('checkbox', { name: /①/ }).waitFor();
  await inspectPage(phone, 'activity-quick');
  await phone.setViewportSize(PHONE);
  await phone.getByRole('button', { name: 'メニュー', exact: true }).tap();
  await menu(phone).getByRole('link', { name: '活動記録', exact: true }).tap();
  await phone.getByRole('heading', { level: 1, name: '活動記録' }).waitFor();
  await inspectPage(phone, 'activities');
  await context.close();
});

it('月報・年報を画面・Excel・PDFで、関係者のつながりを図と表で見る', async () => {
  const staff = await newPage(browser, inject('baseUrl'));
  await loginAs(staff, 'sc1@sasae.example');
  await go(staff, '活動記録');
  await staff.getByRole('link', { name: '月報・年報' }).click();
  await staff.getByRole('heading', { level: 1, name: '活動の月報・年報' }).waitFor();
  await staff.getByRole('table', { name: 'SCの機能（①〜⑥）' }).waitFor();
  await inspectPage(staff, 'activity-report');
  await staff.getByLabel('期間').selectOption('year');
  await staff.getByRole('table', { name: /月別/ }).waitFor();
  const xlsx = await staff.request.get(
    (await staff.getByRole('link', { name: 'Excel' }).getAttribute('href'))!,
  );
  expect(xlsx.status()).toBe(200);
  const pdf = await staff.request.get((await staff.getByRole('link', { name: 'PDF' }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  await go(staff, 'つながり');
  await staff.getByRole('heading', { level: 1, name: '関係者のつながり' }).waitFor();
  const node = staff.getByRole('button', { name: /^佐藤 正男（人/ });
  await node.focus();
  await staff.keyboard.press('Enter');
  await staff.getByRole('heading', { level: 2, name: '佐藤 正男' }).waitFor();
  await staff.getByRole('heading', { level: 2, name: '誰とまだつながっていないか' }).waitFor();
  await staff.getByRole('region', { name: '南部圏域' }).waitFor();
  await inspectPage(staff, 'network');
  await staff.close();
});
