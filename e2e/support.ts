import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/*
 * Shared pieces of the browser journeys: a real Chromium (the one Debian ships), axe-core for
 * accessibility and screenshots at phone and desktop widths.
 */

export const CHROMIUM = '/usr/bin/chromium';

/** The flags that work headless in our containers (see shared/stack-notes.md). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium が ${CHROMIUM} にありません（apt-get install -y chromium fonts-noto-cjk）。`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh page (own cookies) in Japanese, at desktop width. */
export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    viewport: DESKTOP,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Any script error on a page is a failure of the journey, not noise.
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

const AXE_SOURCE = readFileSync(
  fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Readable text of axe's findings, one rule and its elements per block. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact ?? '-'}] ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 8)
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now and fails with a
 * readable list when anything is found. `widths` also checks the page at those viewport widths.
 */
export async function checkA11y(page: Page, opts: { label?: string; widths?: number[] } = {}): Promise<void> {
  const original = page.viewportSize() ?? DESKTOP;
  const widths = opts.widths ?? [original.width];
  const problems: string[] = [];
  for (const width of widths) {
    if (width !== page.viewportSize()?.width) {
      await page.setViewportSize({ width, height: width < 600 ? PHONE.height : DESKTOP.height });
    }
    const hasAxe = await page.evaluate(() => 'axe' in window);
    if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });
    const violations = (await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const result = await axe.run(document, {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
        },
        resultTypes: ['violations'],
      });
      return result.violations;
    })) as AxeViolation[];
    if (violations.length > 0) {
      problems.push(`${opts.label ?? page.url()} @ ${width}px:\n${formatViolations(violations)}`);
    }
  }
  if (page.viewportSize()?.width !== original.width) await page.setViewportSize(original);
  if (problems.length > 0) {
    throw new Error(`アクセシビリティの問題が見つかりました:\n${problems.join('\n\n')}`);
  }
}

/** Full-page PNGs at 360 px and 1280 px in e2e/artifacts/<name>-360.png / -1280.png. */
export async function screenshot(page: Page, name: string): Promise<string[]> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const original = page.viewportSize() ?? DESKTOP;
  const files: string[] = [];
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.evaluate(() => document.fonts.ready);
    // Let the page lay out and paint at the new width before capturing it.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const file = `${ARTIFACTS}${name}-${size.width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    files.push(file);
  }
  await page.setViewportSize(original);
  return files;
}

/** The page is wider than the viewport: something overflows at phone width. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Logs in through the login form, as a person would. */
export async function loginAs(page: Page, email: string, password = 'sasaeai-demo-2026'): Promise<void> {
  await page.goto('/app/login');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/login'));
}

/**
 * What every visited page gets: axe at phone and desktop width, no sideways scrolling on a phone,
 * and screenshots for people to look at.
 */
export async function inspectPage(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await checkA11y(page, { label: name, widths: [PHONE.width, DESKTOP.width] });
  await page.setViewportSize(PHONE);
  const overflow = await horizontalOverflow(page);
  await page.setViewportSize(DESKTOP);
  if (overflow > 0) throw new Error(`${name}: 幅 360px で横に ${overflow}px はみ出しています`);
  await screenshot(page, name);
}
