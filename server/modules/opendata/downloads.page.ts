import type { PublicResource } from '../../../contracts/portal';
import { ancestorsOf, subtreeIds } from '../../../domain/areas';
import { formatWareki, todayInTokyo } from '../../../domain/dates';
import { calendarSkip } from '../../../domain/opendata-ics';
import { licenceInfo } from '../../../domain/opendata-licence';
import { type Html, html, page } from '../portal';
import type { PublicDirectory } from '../resources';
import { opendataUrl } from './urls';

/*
 * データの利用: every file with what it holds in plain words, the licence, the HSDS API, and the
 * calendar feeds per 圏域 and per category with how to add one to a calendar. Readable top to bottom
 * without any script; URLs a resident must paste are shown in full.
 */

export interface DownloadsCounts {
  events: number;
  facilities: number;
  geojson: number;
  services: number;
}

/**
 * How many calendar events (one per schedule with known dates) each running resource gives. Worked
 * out once per page: the same resource counts in its 地区, its 圏域, the town and its categories.
 */
function feedEventCounts(resources: readonly PublicResource[], today: string): Map<string, number> {
  return new Map(
    resources
      .filter((r) => r.status === 'active')
      .map((r) => [r.id, r.schedules.filter((s) => calendarSkip(s.rule, today) === null).length]),
  );
}

/** The newest change among some resources, as a 和暦 date (Japan), or null when there are none. */
function lastUpdate(resources: readonly PublicResource[]): string | null {
  const newest = resources
    .map((r) => r.updatedAt)
    .sort()
    .at(-1);
  return newest ? formatWareki(todayInTokyo(new Date(newest))) : null;
}

/** Resources an area's feed lists: those in it or below it, and those serving it from above. */
function inArea(dir: PublicDirectory, resources: readonly PublicResource[], areaId: string) {
  const ids = new Set([
    ...subtreeIds(dir.areas, [areaId]),
    ...ancestorsOf(dir.areas, areaId).map((a) => a.id),
  ]);
  return resources.filter((r) => r.areas.some((a) => ids.has(a.id)));
}

function inCategory(dir: PublicDirectory, resources: readonly PublicResource[], code: string) {
  const codes = new Set([code, ...dir.terms.filter((t) => t.parentCode === code).map((t) => t.code)]);
  return resources.filter((r) => r.categories.some((c) => codes.has(c.code)));
}

/**
 * One feed: a tap adds it on iPhone and Mac (webcal:); the address Google Calendar and Android need
 * is one more tap away, shown in full so it can be copied.
 */
function feedLinks(origin: string, path: string, label: string, count: number): Html {
  const url = `${origin}${path}`;
  return html`<li>
  <strong>${label}</strong>（${count}件の予定）<br>
  <a href="${url.replace(/^https?:/, 'webcal:')}">iPhone・Mac のカレンダーに追加<span class="visually-hidden">（${label}）</span></a>
  <details><summary>Googleカレンダー・Android 用のアドレス<span class="visually-hidden">（${label}）</span></summary>
  <code class="feed-url">${url}</code><br><a href="${path}">ファイルとして保存<span class="visually-hidden">（${label}）</span></a>
  </details>
</li>`;
}

interface FileEntry {
  href: string;
  title: string;
  what: Html;
  format: string;
  rows: string;
  updated: string | null;
}

function fileSection(f: FileEntry): Html {
  return html`<section class="card">
  <h3><a href="${f.href}">${f.title}</a></h3>
  <p>${f.what}</p>
  <dl class="facts">
    <dt>形式</dt><dd>${f.format}</dd>
    <dt>件数</dt><dd>${f.rows}</dd>
    <dt>最終更新</dt><dd>${f.updated ?? 'まだありません'}</dd>
  </dl>
  <p><a class="button" href="${f.href}">ダウンロード</a></p>
</section>`;
}

export function downloadsPage(
  dir: PublicDirectory,
  resources: readonly PublicResource[],
  counts: DownloadsCounts,
  origin: string,
): Html {
  const t = dir.tenant;
  const town = `${t.prefecture}${t.name}`;
  const u = opendataUrl(t.code);
  const licence = licenceInfo(t.openDataLicence);
  const updated = lastUpdate(resources);
  const active = resources.filter((r) => r.status === 'active');
  const withPlace = resources.filter((r) => r.location !== null);

  const regions = dir.currentAreas
    .filter((a) => a.layer === 2)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ja'));
  const root = dir.currentAreas.find((a) => a.layer === 1);
  const topTerms = dir.terms.filter((x) => !x.parentCode);
  const perResource = feedEventCounts(resources, dir.today);
  const feedEvents = (list: readonly PublicResource[]) =>
    list.reduce((n, r) => n + (perResource.get(r.id) ?? 0), 0);
  const termFeeds = dir.terms
    .map((term) => ({ term, n: feedEvents(inCategory(dir, resources, term.code)) }))
    .filter((x) => x.n > 0);

  const areaFeed = (id: string, name: string) =>
    feedLinks(origin, u.areaFeed(id), name, feedEvents(inArea(dir, resources, id)));

  const body = html`<h1>データの利用</h1>
<p class="lead">${t.name}の暮らしのささえあいの情報（集いの場、通いの場、買い物の手伝い、見守りなど）は、どなたでも自由に使えるデータとして公開しています。町内会のお知らせづくり、地図づくり、カレンダーへの登録などにお使いください。</p>

<nav aria-labelledby="toc-title">
<h2 id="toc-title" class="small">このページの内容</h2>
<ul>
  <li><a href="#licence">使うときの約束（ライセンス）</a></li>
  <li><a href="#files">ダウンロードできるファイル（CSV・地図・HSDS）</a></li>
  <li><a href="#calendar">カレンダーに追加する（地域ごと・分類ごと）</a></li>
  <li><a href="#api">プログラムから使う（HSDS API）</a></li>
</ul>
</nav>

<h2 id="licence">使うときの約束（ライセンス）</h2>
<p>${licence.url ? html`<a href="${licence.url}">${licence.title}</a>` : licence.title}</p>
<p>${licence.summary}</p>
<p>出典の書き方の例：「出典：${town} 暮らしのささえあい案内（${origin}${u.downloads}）」</p>
<p class="small">個人の連絡先や、非公開とされた電話番号、職員のメモは、どのファイルにも入っていません。</p>

<h2 id="files">ダウンロードできるファイル</h2>
<p>CSV ファイルは Excel でそのまま開けます。文字コードは UTF-8（BOM付き）、日付は 2026-12-09 の形です。</p>
${fileSection({
  href: u.eventsCsv,
  title: '集いの場・催しの日程（イベント一覧）',
  what: html`サロン、通いの場、移動販売などの<strong>次の開催日</strong>と時間、場所、料金、問い合わせ先です。日程ひとつにつき1行で、「毎月第2水曜日」のような決まりは言葉でも書いています。国の「自治体標準オープンデータセット」のイベント一覧の形です。`,
  format: 'CSV',
  rows: `${counts.events}行`,
  updated: lastUpdate(active),
})}
${fileSection({
  href: u.facilitiesCsv,
  title: '場所の一覧（公共施設一覧の形）',
  what: html`場所のある地域資源の名前、住所、緯度・経度、電話、開いている曜日と時間です。1つの資源につき1行です。「自治体標準オープンデータセット」の公共施設一覧の形です。`,
  format: 'CSV',
  rows: `${counts.facilities}行`,
  updated: lastUpdate(withPlace),
})}
${fileSection({
  href: u.geojson,
  title: '地図のデータ',
  what: html`緯度・経度の分かる地域資源の位置と、名前・分類・住所・日時・料金・電話です。地図のソフトやウェブ地図にそのまま読み込めます。`,
  format: 'GeoJSON',
  rows: `${counts.geojson}か所`,
  updated: lastUpdate(resources.filter((r) => r.location?.latitude != null)),
})}
${fileSection({
  href: u.hsdsZip,
  title: '地域資源のすべて（HSDS 形式）',
  what: html`公開しているすべての地域資源を、福祉・生活支援の情報の国際的な形式「Open Referral HSDS 3.0」の表（CSV）にまとめた ZIP ファイルです。表の説明は中の datapackage.json にあります。`,
  format: 'ZIP（CSV と datapackage.json）',
  rows: `${counts.services}件`,
  updated,
})}

<h2 id="calendar">カレンダーに追加する</h2>
<p>集いの場や移動販売の日程を、お使いのカレンダーに追加できます。祝日や年末年始のお休みも反映されます。追加したカレンダーは、1日に1回ほど自動で新しくなります。</p>
<details open>
<summary>Googleカレンダーに追加するには</summary>
<ol>
  <li>パソコンで Googleカレンダーを開きます。</li>
  <li>左側の「他のカレンダー」の横の「＋」を押し、「URL で追加」を選びます。</li>
  <li>下の一覧で、ほしいカレンダーの「Googleカレンダー・Android 用のアドレス」を開き、アドレスを写して貼り付け、「カレンダーを追加」を押します。</li>
  <li>しばらくすると、スマートフォンの Googleカレンダーにも表示されます。</li>
</ol>
</details>
<details>
<summary>iPhone・iPad・Mac のカレンダーに追加するには</summary>
<p>一覧の「iPhone・Mac のカレンダーに追加」を押し、「照会」（または「登録」）を押します。</p>
</details>
<p>ひとつの場所だけなら、その場所のページからも追加できます。</p>

<h3>地域ごと</h3>
<ul class="feeds">
  ${root ? areaFeed(root.id, `${t.name}全体`) : ''}
  ${regions.map(
    (region) => html`${areaFeed(region.id, region.name)}
    ${dir.currentAreas
      .filter((a) => a.parentId === region.id)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(
        (d) => html`<li class="feeds__child"><ul>${areaFeed(d.id, `${region.name}　${d.name}`)}</ul></li>`,
      )}`,
  )}
</ul>

<h3>分類ごと</h3>
${
  termFeeds.length === 0
    ? html`<p>いまはカレンダーに載せられる日程がありません。</p>`
    : html`<details>
<summary>分類ごとのカレンダーを見る（${termFeeds.length}種類）</summary>
<ul class="feeds">
  ${topTerms.map((top) => {
    const own = termFeeds.find((x) => x.term.code === top.code);
    const children = termFeeds.filter((x) => x.term.parentCode === top.code);
    if (!own && children.length === 0) return '';
    return html`${own ? feedLinks(origin, u.categoryFeed(top.code), top.name, own.n) : ''}
    ${children.map(
      (x) =>
        html`<li class="feeds__child"><ul>${feedLinks(origin, u.categoryFeed(x.term.code), `${top.name}　${x.term.name}`, x.n)}</ul></li>`,
    )}`;
  })}
</ul>
</details>`
}

<h2 id="api">プログラムから使う（HSDS API）</h2>
<p>同じ情報を、HSDS 3.0 の API でも読めます。登録は要りません。</p>
<p><code class="feed-url">${origin}/api/hsds/v3/${t.code}/</code></p>
<p class="small">サービスの一覧は <code class="feed-url">/api/hsds/v3/${t.code}/services</code>、説明は <a href="/api/docs">API の説明</a>にあります。</p>`;

  return page({
    tenant: t,
    title: 'データの利用',
    description: `${t.name}の地域資源のオープンデータ（CSV・GeoJSON・HSDS）とカレンダー`,
    current: 'downloads',
    // Long addresses must wrap on a phone rather than widen the page.
    head: html`<style>.feed-url{overflow-wrap:anywhere;word-break:break-all}.feeds{padding-left:1.2em}.feeds li{margin:.6em 0}.feeds__child{list-style:none}.feeds__child ul{padding-left:1.2em}details{margin:.8em 0}summary{padding:.4em 0;min-height:44px;cursor:pointer}</style>`,
    body,
  });
}
