import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { PublicTenant } from '../resources';

/*
 * The frame of every public page: one small stylesheet (design tokens + Noto Sans JP shipped with
 * the app), no script. Pages read top to bottom without JavaScript; the map page alone adds one.
 */

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;
export { html, raw };

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('@fontsource/noto-sans-jp/package.json')), 'files');

/** Stylesheet text, built once: tokens, the two weights of Noto Sans JP, the portal's own rules. */
function buildStylesheet(): { css: string; hash: string } {
  const tokens = readFileSync(path.join(here, '../../../web/ui/tokens.css'), 'utf8');
  const fonts = ['400', '700']
    .map((w) => readFileSync(path.join(fontDir, '..', `${w}.css`), 'utf8'))
    .join('\n')
    .replace(/url\(\.\/files\//g, 'url(/t/assets/fonts/');
  const own = readFileSync(path.join(here, 'assets/portal.css'), 'utf8');
  const css = `${tokens}\n${fonts}\n${own}`;
  return { css, hash: createHash('sha1').update(css).digest('hex').slice(0, 10) };
}

let stylesheet: { css: string; hash: string } | undefined;
export function portalStylesheet() {
  stylesheet ??= buildStylesheet();
  return stylesheet;
}
export const FONT_DIR = fontDir;

/** The portal's URLs, in one place so that pages, feeds and PDFs agree. */
export const portalUrl = {
  home: (t: string) => `/t/${t}`,
  search: (t: string, q: Record<string, string | number | undefined> = {}) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
    const s = p.toString();
    return `/t/${t}/search${s ? `?${s}` : ''}`;
  },
  resource: (t: string, id: string) => `/t/${t}/r/${id}`,
  map: (t: string) => `/t/${t}/map`,
  area: (t: string, id: string) => `/t/${t}/areas/${id}`,
  prints: (t: string) => `/t/${t}/prints`,
  downloads: (t: string) => `/t/${t}/downloads`,
  /** A resource's calendar feed (served by the opendata module). */
  resourceFeed: (t: string, id: string) => `/t/${t}/calendar/resources/${id}.ics`,
};

export interface PageOptions {
  tenant: PublicTenant | null;
  title: string;
  body: Html;
  /** Shown under the title in search results. */
  description?: string;
  /** Which item of the navigation is the current page. */
  current?: 'home' | 'search' | 'map' | 'prints' | 'downloads';
  /** Extra tags for <head> (the map page's script and style). */
  head?: Html;
}

const NAV: { key: NonNullable<PageOptions['current']>; label: string; href: (t: string) => string }[] = [
  { key: 'search', label: 'さがす', href: (t) => portalUrl.search(t) },
  { key: 'map', label: '地図で見る', href: portalUrl.map },
  { key: 'prints', label: '便利帳・カレンダー', href: portalUrl.prints },
  { key: 'downloads', label: 'データの利用', href: portalUrl.downloads },
];

export function page(o: PageOptions): Html {
  const t = o.tenant;
  const site = t ? `${t.name} 暮らしのささえあい案内` : '暮らしのささえあい案内';
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title}｜${site}</title>
${o.description ? html`<meta name="description" content="${o.description}">` : ''}
<link rel="stylesheet" href="/t/assets/portal.css?v=${portalStylesheet().hash}">
${o.head ?? ''}
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header class="site">
  <div class="site__inner">
    ${
      t
        ? html`<a class="site__name" href="${portalUrl.home(t.code)}"><span class="site__town">${t.prefecture}${t.name}</span><span class="site__title">暮らしのささえあい案内</span></a>`
        : html`<span class="site__name"><span class="site__title">暮らしのささえあい案内</span></span>`
    }
    ${t?.fictional ? html`<p class="fictional">これは架空の町（デモ）です。実在の場所や団体ではありません。</p>` : ''}
  </div>
  ${
    t
      ? html`<nav class="site__nav" aria-label="サイト内のご案内"><ul>${NAV.map(
          (n) =>
            html`<li><a href="${n.href(t.code)}"${o.current === n.key ? raw(' aria-current="page"') : ''}>${n.label}</a></li>`,
        )}</ul></nav>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
<footer class="site__foot">
  ${
    t?.portalContact
      ? html`<p><strong>わからないこと・ご相談は</strong><br>${t.portalContact}</p>`
      : html`<p><strong>わからないこと・ご相談は</strong><br>お住まいの地域包括支援センター、または市町村の高齢者福祉の窓口へお電話ください。</p>`
  }
  ${t ? html`<p class="small">掲載している情報は ${t.openDataLicence} で自由にお使いいただけます（<a href="${portalUrl.downloads(t.code)}">データの利用</a>）。</p>` : ''}
</footer>
</body>
</html>`;
}

/** A friendly page for what is not there (unknown town, area, resource or address). */
export function notFoundPage(tenant: PublicTenant | null, what: string): Html {
  return page({
    tenant,
    title: 'ページが見つかりません',
    body: html`<h1>ページが見つかりません</h1>
<p class="lead">${what}が見つかりませんでした。住所が変わったか、掲載が終わった可能性があります。</p>
${
  tenant
    ? html`<p><a class="button" href="${portalUrl.home(tenant.code)}">${tenant.name}の案内のはじめに戻る</a></p>`
    : html`<p>市町村の案内は <code>/t/団体コード（6けた）</code> の形のアドレスでご覧いただけます。</p>`
}`,
  });
}
