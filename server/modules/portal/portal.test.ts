import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

/*
 * The public portal as a resident meets it: plain HTML pages, no account, no script needed.
 * The test clock stands on 2026-11-24 (a Tuesday).
 */

const T = '372013';
const OTHER = '122190';
let t: TestApp;
let staff: TestClient;
let ids: Record<'root' | 'north' | 'mineno' | 'honmachi', string>;
const made: Record<string, string> = {};

const salon = (over: Record<string, unknown> = {}) => ({
  name: '峰野ふれあいサロン',
  kana: 'みねのふれあいさろん',
  kind: 'informal',
  categories: ['ibasho'],
  description: 'お茶を飲みながらおしゃべり。血圧測定もあります。',
  schedules: [{ text: '毎週木曜日 午前10時～12時' }],
  fees: { free: false, description: 'お茶代', options: [{ label: '1回', amount: 100 }] },
  location: {
    name: '峰野会館',
    address: '高松市峰野1-2',
    latitude: 34.35,
    longitude: 134.05,
    areaId: ids.mineno,
  },
  phones: [
    { number: '087-000-1111', description: '会長 自宅', public: false },
    { number: '087-000-2222', description: '', public: true },
  ],
  contacts: [{ name: '山田 花子', title: '会長', public: false }],
  notes: '会長は耳が遠いので電話は大きな声で',
  ...over,
});

async function make(client: TestClient, tenant: string, key: string, body: Record<string, unknown>) {
  const res = await client.post(`/api/t/${tenant}/resources`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  made[key] = res.body.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  await t.f.buildTenant(OTHER);
  const root = (await t.f.rootArea(T)).id;
  const north = await t.f.buildArea(T, { name: '北部圏域', parentId: root, layer: 2 });
  const central = await t.f.buildArea(T, { name: '中央圏域', parentId: root, layer: 2 });
  const mineno = await t.f.buildArea(T, {
    name: '峰野地区',
    parentId: north.id,
    layer: 3,
    townNames: ['峰野'],
  });
  const honmachi = await t.f.buildArea(T, {
    name: '本町地区',
    parentId: central.id,
    layer: 3,
    townNames: ['本町'],
  });
  ids = { root, north: north.id, mineno: mineno.id, honmachi: honmachi.id };
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  await make(staff, T, 'thursday', salon());
  await make(
    staff,
    T,
    'wednesday',
    salon({
      name: '本町いきいきサロン',
      kana: 'ほんまちいきいきさろん',
      schedules: [{ text: '毎月第2水曜日 10時〜12時' }],
      fees: { free: true, description: '', options: [] },
      location: {
        name: '本町公民館',
        address: '高松市本町3-1',
        latitude: 34.34,
        longitude: 134.04,
        areaId: ids.honmachi,
      },
    }),
  );
  await make(
    staff,
    T,
    'stale',
    salon({
      name: '峰野朝市',
      kana: 'みねのあさいち',
      categories: ['idou-hanbai'],
      schedules: [{ text: '毎週土曜日 7時〜9時' }],
      nextCheckDue: '2026-04-01',
    }),
  );
  await make(
    staff,
    T,
    'ended',
    salon({ name: '閉じた体操教室', kana: 'とじたたいそうきょうしつ', status: 'defunct' }),
  );
  const other = t.client();
  await other.login((await t.f.buildUser({ tenant: OTHER, role: 'sc1' })).email);
  await make(other, OTHER, 'otherTown', {
    name: '市原の集い',
    kind: 'informal',
    categories: ['ibasho'],
    schedules: [{ text: '毎週木曜日 10時〜12時' }],
  });
});
afterAll(() => t.close());

const get = async (path: string) => {
  const res = await t.app.request(path);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};
/** The result cards' titles, in order. */
const titles = (html: string) =>
  [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

describe('portal pages', () => {
  it('the front page needs no script and offers the big category buttons and the areas', async () => {
    const home = await get(`/t/${T}`);
    expect(home.status).toBe(200);
    expect(home.type).toContain('text/html');
    expect(home.text).not.toContain('<script');
    expect(home.text).toContain('香川県高松市');
    for (const word of ['集う', '体を動かす', '買い物', '見守り', '相談']) expect(home.text).toContain(word);
    expect(home.text).toContain(`/t/${T}/areas/${ids.north}`);
  });

  it('a resident finds the Thursday salon in her 地区, and not the Wednesday one', async () => {
    const res = await get(`/t/${T}/search?q=${encodeURIComponent('さろん')}&area=${ids.mineno}&when=4`);
    expect(res.status).toBe(200);
    expect(titles(res.text)).toEqual(['峰野ふれあいサロン']);
    expect(res.text).toContain('1件見つかりました');
    expect(res.text).toContain('毎週木曜日');
    expect(res.text).toContain('次は 11月26日（木）');
    expect(res.text).toContain('href="tel:0870002222"');
    expect(res.text).not.toContain('<script');
    const anyDay = await get(`/t/${T}/search?q=${encodeURIComponent('サロン')}`);
    expect(titles(anyDay.text).sort()).toEqual(['峰野ふれあいサロン', '本町いきいきサロン']);
  });

  it('"this week" keeps what really takes place in the next seven days', async () => {
    // 2026-11-24 (Tue): Thursday 26th and Saturday 28th fall in the week; 第2水曜日 is 12月9日.
    const res = await get(`/t/${T}/search?when=this-week`);
    expect(titles(res.text).sort()).toEqual(['峰野ふれあいサロン', '峰野朝市']);
  });

  it('an address or 町名 typed instead of picking an area finds the 地区', async () => {
    const res = await get(`/t/${T}/search?place=${encodeURIComponent('高松市本町3丁目')}`);
    expect(res.text).toContain('<h1>本町地区でさがした結果</h1>');
    expect(titles(res.text)).toEqual(['本町いきいきサロン']);
    const unknown = await get(`/t/${T}/search?place=${encodeURIComponent('どこにもない町')}`);
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('「どこにもない町」に当たる町名が見つかりませんでした');
  });

  it('無料だけ and the 大分類 buttons narrow the results', async () => {
    expect(titles((await get(`/t/${T}/search?free=1`)).text)).toEqual(['本町いきいきサロン']);
    expect(titles((await get(`/t/${T}/search?group=shopping`)).text)).toEqual(['峰野朝市']);
  });

  it('absurd query strings are ignored safely and what was typed is shown escaped', async () => {
    const res = await get(
      `/t/${T}/search?page=-4&when=yesterday&area=not-a-uuid&free=yes&group=../../etc&q=${encodeURIComponent('<script>alert(1)</script>')}`,
    );
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const huge = await get(`/t/${T}/search?q=${'あ'.repeat(5000)}&page=99999999999`);
    expect(huge.status).toBe(200);
  });

  it('the detail page shows only public fields, with the phone as a large tel: link', async () => {
    const res = await get(`/t/${T}/r/${made.thursday}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>峰野ふれあいサロン</h1>');
    expect(res.text).toContain('<a class="tel" href="tel:0870002222">');
    expect(res.text).toContain('1回 100円');
    expect(res.text).toContain('role="img" aria-label="地図：峰野地区の中の、峰野会館の場所');
    for (const secret of ['087-000-1111', '会長 自宅', '山田 花子', '耳が遠い'])
      expect(res.text).not.toContain(secret);
  });

  it('a stale entry says when it was last confirmed', async () => {
    const res = await get(`/t/${T}/r/${made.stale}`);
    expect(res.text).toMatch(/この情報は令和8年\d+月\d+日に確認したものです。/);
    const fresh = await get(`/t/${T}/r/${made.thursday}`);
    expect(fresh.text).not.toContain('確認したものです');
  });

  it('ended, unknown and other towns’ resources are a friendly 404 page', async () => {
    for (const path of [
      `/t/${T}/r/${made.ended}`,
      `/t/${T}/r/${made.otherTown}`,
      `/t/${T}/r/00000000-0000-4000-8000-000000000000`,
      `/t/${T}/r/nonsense`,
      `/t/${T}/areas/00000000-0000-4000-8000-000000000000`,
      `/t/999999`,
      `/t/abc/search`,
      `/t/${T}/no-such-page`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.type, path).toContain('text/html');
      expect(res.text, path).toContain('ページが見つかりません');
    }
    const ended = await get(`/t/${T}/r/${made.ended}`);
    expect(ended.text).toContain(`/t/${T}`);
  });

  it('an area page lists what is there and what serves it from above', async () => {
    const res = await get(`/t/${T}/areas/${ids.mineno}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('峰野地区の暮らしの助け合い');
    expect(res.text).toContain('峰野ふれあいサロン');
    expect(res.text).not.toContain('本町いきいきサロン');
  });

  it('the map page draws the map without a script and lists every place for keyboards and screen readers', async () => {
    const res = await get(`/t/${T}/map`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<svg[^>]+role="img" aria-label="[^"]*3か所の印があります/);
    expect(res.text).toContain('<h2>一覧（地区ごと）</h2>');
    expect(res.text).toContain('<h3>峰野地区</h3>');
    expect(res.text).not.toContain('閉じた体操教室');
    expect(res.text).toContain('地理院タイル');
  });

  it('the list of towns is at /t (and /t/)', async () => {
    const list = await get('/t');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`<a href="/t/${T}">香川県高松市</a>`);
    const slash = await t.app.request('/t/');
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe('/t');
  });

  it('the stylesheet and fonts are served by the app itself', async () => {
    const home = await get(`/t/${T}`);
    const href = /href="(\/t\/assets\/portal\.css\?v=\w+)"/.exec(home.text)?.[1];
    const css = await get(href!);
    expect(css.status).toBe(200);
    // Most of the stylesheet is the font's character ranges: it travels compressed.
    const zipped = await t.app.request(href!, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect((await zipped.arrayBuffer()).byteLength).toBeLessThan(css.text.length / 3);
    const font = /url\((\/t\/assets\/fonts\/noto-sans-jp-[\w-]+\.woff2)\)/.exec(css.text)?.[1];
    const res = await t.app.request(font!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('font/woff2');
    expect((await get('/t/assets/fonts/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
