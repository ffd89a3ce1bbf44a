import type { PortalSearchQuery, PublicResource } from '../../../../contracts/portal';
import { areaForAddress } from '../../../../domain/areas';
import { formatMonthDay, formatWareki } from '../../../../domain/dates';
import { GROUP_LOOK, PORTAL_GROUPS, type PortalGroup } from '../../../../domain/life-support-taxonomy';
import { KANJI_DAYS } from '../../../../domain/schedule-rrule';
import { smallMapSvg } from '../../../../domain/small-map';
import type { AreaRow } from '../../areas';
import type { PublicDirectory, PublicTenant } from '../../resources';
import { type Html, html, page, portalUrl, raw } from '../layout';
import {
  categoryTags,
  groupOf,
  icon,
  phoneLinks,
  resourceCard,
  staleNote,
  statusNote,
  whenText,
  whereText,
} from './parts';
import { searchForm } from './search-form';

export const PER_PAGE = 20;

/** Which groups have at least one category in this tenant's taxonomy (buttons for empty ones mislead). */
function groupsInUse(dir: PublicDirectory) {
  const used = new Set(dir.terms.map((t) => t.portalGroup));
  return PORTAL_GROUPS.filter((g) => used.has(g.code));
}

function groupButtons(dir: PublicDirectory): Html {
  return html`<ul class="categories">${groupsInUse(dir).map((g) => {
    const look = GROUP_LOOK[g.code];
    return html`<li><a href="${portalUrl.search(dir.tenant.code, { group: g.code })}" style="--cat:${look.color}">${icon(look.icon, 36)}<span>${g.label}<small>${g.description}</small></span></a></li>`;
  })}</ul>`;
}

export function homePage(dir: PublicDirectory): Html {
  const t = dir.tenant;
  const layer2 = dir.currentAreas.filter((a) => a.layer === 2);
  return page({
    tenant: t,
    title: 'はじめに',
    current: 'home',
    description: `${t.name}の、集いの場・買い物や移動の助け・見守りなど、暮らしの助け合いをさがせます。`,
    body: html`<h1>${t.name}の暮らしの助け合いをさがす</h1>
<p class="lead">近所の集まり、体操、買い物や通院の助け、見守り、困ったときの相談先を、${t.name}の中からさがせます。</p>
${searchForm(dir, {}, true)}
<h2>何をおさがしですか</h2>
${groupButtons(dir)}
<h2>地区からさがす</h2>
<ul>
${layer2.map(
  (a) =>
    html`<li><a href="${portalUrl.area(t.code, a.id)}">${a.name}</a>${
      dir.currentAreas.filter((s) => s.parentId === a.id).length
        ? html`（${dir.currentAreas
            .filter((s) => s.parentId === a.id)
            .map((s, i) => html`${i ? '・' : ''}<a href="${portalUrl.area(t.code, s.id)}">${s.name}</a>`)}）`
        : ''
    }</li>`,
)}
</ul>
<h2>ほかの見方</h2>
<ul>
  <li><a href="${portalUrl.map(t.code)}">地図で見る</a></li>
  <li><a href="${portalUrl.prints(t.code)}">紙で読む（生活便利帳・月ごとのカレンダー）</a></li>
  <li><a href="${portalUrl.downloads(t.code)}">カレンダーに登録する・データを使う</a></li>
</ul>`,
  });
}

export interface SearchView {
  q: PortalSearchQuery;
  /** The area searched in: picked, or found from the typed address. */
  area: AreaRow | null;
  /** The typed address matched no 町丁. */
  placeNotFound: boolean;
  total: number;
  items: PublicResource[];
}

/** Whether the query asks anything (a bare search page shows the buttons instead of results). */
export const asksSomething = (q: PortalSearchQuery) =>
  Object.entries(q).some(([k, v]) => k !== 'page' && v !== undefined);

/** Turns what was typed or picked into an area, and says when a typed place is not known. */
export function resolveArea(
  dir: PublicDirectory,
  q: PortalSearchQuery,
): { area: AreaRow | null; placeNotFound: boolean } {
  if (q.place) {
    const hit = areaForAddress(q.place, dir.areas);
    if (hit) return { area: hit, placeNotFound: false };
    return { area: q.area ? (dir.areas.find((a) => a.id === q.area) ?? null) : null, placeNotFound: true };
  }
  return { area: q.area ? (dir.areas.find((a) => a.id === q.area) ?? null) : null, placeNotFound: false };
}

function searchTitle(dir: PublicDirectory, v: SearchView): string {
  const parts: string[] = [];
  if (v.area) parts.push(v.area.name);
  const group = v.q.group ? PORTAL_GROUPS.find((g) => g.code === v.q.group)?.label : undefined;
  const category = v.q.category ? dir.terms.find((t) => t.code === v.q.category)?.name : undefined;
  if (group) parts.push(group);
  if (category) parts.push(category);
  if (v.q.q) parts.push(`「${v.q.q}」`);
  if (v.q.when === 'this-week') parts.push('今週');
  else if (v.q.when !== undefined) parts.push(`${KANJI_DAYS[Number(v.q.when)]}曜日`);
  if (v.q.free) parts.push('無料');
  return parts.length ? `${parts.join('・')}でさがした結果` : 'さがす';
}

export function searchPage(dir: PublicDirectory, v: SearchView): Html {
  const t = dir.tenant;
  const searched = asksSomething(v.q);
  const pages = Math.max(1, Math.ceil(v.total / PER_PAGE));
  const link = (p: number) =>
    portalUrl.search(t.code, {
      q: v.q.q,
      group: v.q.group,
      category: v.q.category,
      area: v.area?.id,
      when: v.q.when,
      free: v.q.free,
      page: p,
    });
  const title = searchTitle(dir, v);
  return page({
    tenant: t,
    title,
    current: 'search',
    body: html`<h1>${title}</h1>
${
  v.placeNotFound
    ? html`<p class="notice" role="status">「${v.q.place}」に当たる町名が見つかりませんでした。町名だけ（例：本町）にするか、下の一覧から地区を選んでください。</p>`
    : ''
}
${v.q.group ? html`<p>${categoryLinks(dir, v.q.group as PortalGroup, v)}</p>` : ''}
<details class="no-print"${searched ? '' : ' open'}>
<summary>条件を変えてさがす</summary>
${searchForm(dir, { ...v.q, area: v.area?.id })}
</details>
${
  searched
    ? html`<p role="status" class="lead">${v.total === 0 ? '見つかりませんでした。' : `${v.total}件見つかりました。`}${pages > 1 ? `（${pages}ページ中${v.q.page}ページ目）` : ''}</p>
${
  v.total === 0
    ? html`<p>ことばを短くする、地区を「町全体」にする、曜日を「いつでも」にすると見つかることがあります。わからないときは、下の相談の窓口へお電話ください。</p>`
    : ''
}
<ul class="results">${v.items.map((r) => resourceCard(dir, r))}</ul>
${
  pages > 1
    ? html`<nav aria-label="ページ"><ul class="pager">
  ${v.q.page > 1 ? html`<li><a class="button button--quiet" href="${link(v.q.page - 1)}" rel="prev">前の${PER_PAGE}件</a></li>` : ''}
  ${v.q.page < pages ? html`<li><a class="button button--quiet" href="${link(v.q.page + 1)}" rel="next">次の${PER_PAGE}件</a></li>` : ''}
</ul></nav>`
    : ''
}`
    : html`<h2>何をおさがしですか</h2>${groupButtons(dir)}`
}`,
  });
}

/** Inside a 大分類: its categories as links, to narrow down. */
function categoryLinks(dir: PublicDirectory, group: PortalGroup, v: SearchView): Html {
  const terms = dir.terms.filter((x) => x.portalGroup === group && !x.parentCode);
  return html`${terms.map(
    (x, i) =>
      html`${i ? '　' : ''}<a href="${portalUrl.search(dir.tenant.code, { category: x.code, area: v.area?.id })}">${x.name}</a>`,
  )}`;
}

function smallMapFor(dir: PublicDirectory, r: PublicResource): Html {
  const l = r.location;
  if (!l || l.latitude === null || l.longitude === null) return '' as unknown as Html;
  const area = l.areaId ? dir.areas.find((a) => a.id === l.areaId) : undefined;
  const color = GROUP_LOOK[groupOf(dir, r.categories[0]?.code ?? '')].color;
  const svg = smallMapSvg({
    areas: area?.boundary ? [{ geometry: area.boundary as never, emphasis: true }] : [],
    points: [{ latitude: l.latitude, longitude: l.longitude, color, main: true }],
    width: 480,
    height: 300,
    label: `地図：${area ? `${area.name}の中の、` : ''}${l.name || r.name}の場所（${l.address}）`,
  });
  return html`<figure class="place-map">${raw(svg)}
<figcaption class="small">${area ? `線で囲んだ範囲が${area.name}です。` : ''}<a href="https://maps.gsi.go.jp/#17/${l.latitude}/${l.longitude}/">地理院地図で大きく見る</a>（別のサイトが開きます）</figcaption></figure>`;
}

export function resourcePage(dir: PublicDirectory, r: PublicResource): Html {
  const t = dir.tenant;
  const next = [...new Set(r.schedules.flatMap((s) => s.nextDates))].sort().slice(0, 5);
  return page({
    tenant: t,
    title: r.name,
    description: r.description.slice(0, 120),
    body: html`<p class="no-print small"><a href="${portalUrl.search(t.code)}">さがす</a> ＞ ${r.name}</p>
<h1>${r.name}</h1>
${r.alternateName ? html`<p class="muted">（${r.alternateName}）</p>` : ''}
<p>${categoryTags(dir, r)}</p>
${statusNote(r)}
${staleNote(r)}
${r.description ? html`<p>${r.description}</p>` : ''}
<section aria-labelledby="tel-h"><h2 id="tel-h">お問い合わせ・お申し込み</h2>
<p>${phoneLinks(r)}</p>
${r.applicationProcess ? html`<p>${r.applicationProcess}</p>` : ''}
${r.contacts.map((c) => html`<p>${c.title ? `${c.title} ` : ''}${c.name}${c.phone ? html`　<a href="tel:${c.phone.replace(/[^\d+]/g, '')}">${c.phone}</a>` : ''}</p>`)}
</section>
<section aria-labelledby="facts-h"><h2 id="facts-h">くわしく</h2>
<dl class="facts">
  <dt>いつ</dt><dd>${whenText(r)}</dd>
  ${
    next.length
      ? html`<dt>次の予定</dt><dd><ul class="dates">${next.map((d) => html`<li>${formatMonthDay(d)}</li>`)}</ul></dd>`
      : ''
  }
  <dt>どこで</dt><dd>${whereText(r)}${r.location?.transportation ? html`<br><span class="small">行き方：${r.location.transportation}</span>` : ''}${r.location?.accessibility ? html`<br><span class="small">バリアフリー：${r.location.accessibility}</span>` : ''}</dd>
  <dt>いくら</dt><dd>${r.feeText || 'お問い合わせください'}</dd>
  <dt>だれが</dt><dd>${r.eligibility || 'どなたでも'}</dd>
  ${r.capacity !== null ? html`<dt>定員</dt><dd>${r.capacity}人</dd>` : ''}
  ${r.organizationName ? html`<dt>運営</dt><dd>${r.organizationName}</dd>` : ''}
  ${r.url ? html`<dt>ホームページ</dt><dd><a href="${r.url}">${r.url}</a></dd>` : ''}
  ${r.email ? html`<dt>メール</dt><dd><a href="mailto:${r.email}">${r.email}</a></dd>` : ''}
</dl>
</section>
${smallMapFor(dir, r)}
<div class="actions no-print">
  <button type="button" onclick="window.print()">${icon('Printer', 24)}このページを印刷する</button>
  <a class="button button--quiet" href="${portalUrl.resourceFeed(t.code, r.id)}">${icon('CalendarPlus', 24)}カレンダーに追加する</a>
</div>
<noscript><p class="small no-print">印刷は、ブラウザのメニューの「印刷」からもできます。</p></noscript>
<p class="small muted">最終更新：${formatWareki(r.updatedAt.slice(0, 10))}${r.lastVerifiedAt ? `（内容の確認：${formatWareki(r.lastVerifiedAt.slice(0, 10))}）` : ''}</p>`,
  });
}

export function areaPage(dir: PublicDirectory, area: AreaRow, items: PublicResource[]): Html {
  const t = dir.tenant;
  const parent = area.parentId ? dir.areas.find((a) => a.id === area.parentId) : undefined;
  const children = dir.currentAreas.filter((a) => a.parentId === area.id);
  const byGroup = new Map<PortalGroup | 'other', PublicResource[]>();
  for (const r of items) {
    const g = groupOf(dir, r.categories[0]?.code ?? '');
    byGroup.set(g, [...(byGroup.get(g) ?? []), r]);
  }
  const order = [...PORTAL_GROUPS.map((g) => g.code), 'other'] as (PortalGroup | 'other')[];
  return page({
    tenant: t,
    title: area.name,
    body: html`<p class="small"><a href="${portalUrl.home(t.code)}">はじめに</a>${parent ? html` ＞ <a href="${portalUrl.area(t.code, parent.id)}">${parent.name}</a>` : ''} ＞ ${area.name}</p>
<h1>${area.name}の暮らしの助け合い</h1>
<p class="lead">${area.name}で参加・利用できるものが${items.length}件あります（町全体で行っているものも含みます）。</p>
${children.length ? html`<p>${children.map((c, i) => html`${i ? '　' : ''}<a href="${portalUrl.area(t.code, c.id)}">${c.name}</a>`)}</p>` : ''}
<p class="no-print"><a class="button button--quiet" href="${portalUrl.search(t.code, { area: area.id })}">${area.name}で条件をつけてさがす</a></p>
<nav aria-label="分類"><ul class="legend">${order
      .filter((g) => byGroup.has(g))
      .map(
        (g) => html`<li><a href="#g-${g}">${GROUP_LOOK[g].label}（${byGroup.get(g)!.length}件）</a></li>`,
      )}</ul></nav>
${order
  .filter((g) => byGroup.has(g))
  .map(
    (
      g,
    ) => html`<section aria-labelledby="g-${g}"><h2 id="g-${g}" style="--cat:${GROUP_LOOK[g].color}">${GROUP_LOOK[g].label}</h2>
<ul class="results">${byGroup.get(g)!.map((r) => resourceCard(dir, r, 'h3'))}</ul></section>`,
  )}`,
  });
}

export interface MapPageData {
  points: {
    id: string;
    name: string;
    latitude: number;
    longitude: number;
    color: string;
    categoryLabel: string;
    stale: boolean;
  }[];
}

export function mapPage(
  dir: PublicDirectory,
  items: PublicResource[],
  script: { js: string; css: string[] } | null,
  tiles: { url: string; attribution: string; attributionUrl: string; maxZoom: number } | null,
): Html {
  const t = dir.tenant;
  const located = items.filter((r) => r.location?.latitude != null && r.location?.longitude != null);
  const points = located.map((r) => {
    const g = groupOf(dir, r.categories[0]?.code ?? '');
    return {
      id: r.id,
      name: r.name,
      latitude: r.location!.latitude!,
      longitude: r.location!.longitude!,
      color: GROUP_LOOK[g].color,
      categoryLabel: GROUP_LOOK[g].label,
      stale: r.stale,
    };
  });
  const boundaries = {
    type: 'FeatureCollection',
    features: dir.currentAreas
      .filter((a) => a.boundary && a.layer >= 2)
      .map((a) => ({
        type: 'Feature',
        id: a.id,
        properties: { name: a.name, layer: a.layer },
        geometry: a.boundary,
      })),
  };
  const data = JSON.stringify({ tenant: t.code, points, boundaries, tiles }).replace(/</g, '\\u003c');
  const present = new Set(points.map((p) => p.categoryLabel));
  const used = Object.values(GROUP_LOOK)
    .map((l) => l.label)
    .filter((l) => present.has(l));
  const svg = smallMapSvg({
    areas: boundaries.features.map((f) => ({ geometry: f.geometry as never })),
    points: points.map((p) => ({ latitude: p.latitude, longitude: p.longitude, color: p.color })),
    width: 640,
    height: 420,
    label: `${t.name}の地図。${points.length}か所の印があります。下の一覧でも同じ内容を読めます。`,
  });
  return page({
    tenant: t,
    title: '地図で見る',
    current: 'map',
    head: script
      ? html`${script.css.map((c) => html`<link rel="stylesheet" href="${c}">`)}<script type="module" src="${script.js}"></script>`
      : undefined,
    body: html`<h1>地図で見る</h1>
<p>印の色は分類を表します。地図の下に、同じ内容の一覧があります（地区ごと）。</p>
<ul class="legend" aria-label="印の色">${used.map((label) => {
      const look = Object.values(GROUP_LOOK).find((l) => l.label === label)!;
      return html`<li><span class="swatch" style="background:${look.color}"></span>${label}</li>`;
    })}</ul>
<div id="map" data-map="portal" aria-hidden="true" hidden></div>
<div id="map-static">${raw(svg)}</div>
${
  tiles
    ? html`<p class="small" id="map-credit">地図：<a href="${tiles.attributionUrl}">${tiles.attribution}</a></p>`
    : html`<p class="small">この地図は背景の地図を使わず、地区の境界と印だけで描いています。</p>`
}
<script type="application/json" id="map-data">${raw(data)}</script>
<h2>一覧（地区ごと）</h2>
${listByArea(dir, located)}
${
  items.length > located.length
    ? html`<h2>場所を持たない活動</h2><p>訪問や送迎など、決まった場所のない活動は<a href="${portalUrl.search(t.code)}">さがす</a>から見られます（${items.length - located.length}件）。</p>`
    : ''
}`,
  });
}

function listByArea(dir: PublicDirectory, items: PublicResource[]): Html {
  const groups = new Map<string, PublicResource[]>();
  for (const r of items) {
    const key = r.location?.areaName ?? 'そのほか';
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return html`${[...groups.entries()].map(
    ([name, rs]) =>
      html`<h3>${name}</h3><ul>${rs.map(
        (r) =>
          html`<li><a href="${portalUrl.resource(dir.tenant.code, r.id)}">${r.name}</a>（${r.categories.map((c) => c.name).join('・')}、${r.location?.address ?? ''}）</li>`,
      )}</ul>`,
  )}`;
}

export function tenantsPage(list: PublicTenant[]): Html {
  return page({
    tenant: null,
    title: '市町村をえらぶ',
    body: html`<h1>市町村をえらぶ</h1>
<ul>${list.map((t) => html`<li><a href="${portalUrl.home(t.code)}">${t.prefecture}${t.name}</a>${t.fictional ? '（架空の町・デモ）' : ''}</li>`)}</ul>`,
  });
}
