import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvWithLines } from '../../../domain/csv';
import { testdata } from '../../../testdata';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

const T = '372013';
const data = (p: string) => new Uint8Array(readFileSync(testdata(`data/takamatsu/${p}`)));
let t: TestApp;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'insurer_staff' })).email);
});
afterAll(() => t.close());

const upload = (name: string, bytes: Uint8Array, preset?: string) =>
  staff.post(
    `/api/t/${T}/resource-imports?fileName=${encodeURIComponent(name)}${preset ? `&preset=${encodeURIComponent(preset)}` : ''}`,
    bytes,
  );

async function importWith(name: string, bytes: Uint8Array, mappingChange: Record<string, unknown> = {}) {
  const preview = await upload(name, bytes);
  expect(preview.status, JSON.stringify(preview.body)).toBe(201);
  const remap = await staff.put(`/api/t/${T}/resource-imports/${preview.body.id}/mapping`, {
    mapping: { ...preview.body.mapping, ...mappingChange },
  });
  expect(remap.status, JSON.stringify(remap.body)).toBe(200);
  return remap;
}

const total = async (qs = '') => (await staff.get(`/api/t/${T}/resources?perPage=200&${qs}`)).body.total;

describe('the unedited 高松市 lists', () => {
  it('suggests the mapping for the English headers of the CSV and previews every row', async () => {
    const preview = await upload('community_center.csv', data('community_center.csv'));
    expect(preview.body).toMatchObject({ format: 'csv', encoding: 'utf-8', rowCount: 52 });
    expect(preview.body.mapping.columns).toMatchObject({
      '#property': 'sourceId',
      name: 'name',
      address: 'address',
      latitude: 'latitude',
      longitude: 'longitude',
      telephoneNumber: 'phone',
      referenceObject: 'url',
    });
    // No category column: every row says so until a category for the whole file is chosen.
    expect(preview.body.canCommit).toBe(false);
    expect(preview.body.errors[0].message).toContain('分類がありません');
  });

  it('imports the コミュニティセンター list in one go once a category is chosen', async () => {
    const ready = await importWith('community_center.csv', data('community_center.csv'), {
      defaultCategory: 'shisetsu',
    });
    expect(ready.body).toMatchObject({
      canCommit: true,
      counts: { added: 52, changed: 0, unchanged: 0, removed: 0 },
      errors: [],
    });
    const done = await staff.post(`/api/t/${T}/resource-imports/${ready.body.id}/commit`);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('committed');
    expect(await total('category=shisetsu')).toBe(52);
    const found = await staff.get(
      `/api/t/${T}/resources?q=${encodeURIComponent('日新コミュニティセンター')}`,
    );
    expect(found.body.items[0]).toMatchObject({ phone: '087-834-9911' });
    expect(found.body.items[0].location).toMatchObject({
      address: '高松市瀬戸内町22-9',
      latitude: 34.34758361,
    });
  });

  it('recognises a re-import: identical rows are unchanged, edited rows changed, missing rows removed', async () => {
    const text = new TextDecoder()
      .decode(data('community_center.csv'))
      .replace('087-834-9911', '087-834-0000');
    const lines = text.split(/\r?\n/);
    const withoutLast = lines.filter((l) => !l.startsWith('"52",')).join('\n');
    const ready = await importWith('community_center.csv', new TextEncoder().encode(withoutLast), {
      defaultCategory: 'shisetsu',
      markMissingDefunct: true,
    });
    expect(ready.body.counts).toEqual({ added: 0, changed: 1, unchanged: 50, removed: 1 });
    await staff.post(`/api/t/${T}/resource-imports/${ready.body.id}/commit`);
    expect(await total('category=shisetsu')).toBe(51);
    const edited = await staff.get(
      `/api/t/${T}/resources?q=${encodeURIComponent('日新コミュニティセンター')}`,
    );
    expect(edited.body.items[0].phone).toBe('087-834-0000');
    const revisions = await staff.get(`/api/t/${T}/resources/${edited.body.items[0].id}/revisions`);
    expect(revisions.body.revisions[0]).toMatchObject({ actionLabel: '取り込みで更新' });
  });

  it('imports the GeoJSON with free-form properties, schedules parsed where possible and kept verbatim where not', async () => {
    const ready = await importWith('elderly_welfare_center.geojson', data('elderly_welfare_center.geojson'));
    expect(ready.body.format).toBe('geojson');
    expect(ready.body.errors).toEqual([]);
    await staff.post(`/api/t/${T}/resource-imports/${ready.body.id}/commit`);
    const found = await staff.get(
      `/api/t/${T}/resources?q=${encodeURIComponent('ふれあい福祉センター勝賀')}`,
    );
    const detail = await staff.get(`/api/t/${T}/resources/${found.body.items[0].id}`);
    // 「老人福祉センター」 in the service column chose the category.
    expect(detail.body.categories[0].code).toBe('shisetsu');
    const schedule = detail.body.schedules[0];
    expect(schedule.rule.weekdays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(schedule.rule.opensAt).toBe('09:00');
    expect(schedule.rule.closures[0]).toMatchObject({ from: '12-29', to: '01-03' });
    expect(schedule.rule.note).toContain('浴室は10');
    expect(detail.body.description).toContain('定員：大会議室：120名');
  });

  it('maps a GeoJSON of free-form points by default, parsing hours where it can and keeping them where not', async () => {
    const point = (lon: number, lat: number, props: Record<string, string>) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: props,
    });
    const geojson = {
      type: 'FeatureCollection',
      features: [
        point(134.05, 34.34, {
          name: '本町いきいきサロン',
          type: 'サロン',
          address: '高松市本町1-1',
          phone: '087-111-2222',
          hours: '毎月第2水曜日 10:00～12:00',
        }),
        point(134.06, 34.35, {
          name: '屋島の見守り隊',
          type: '見守り',
          address: '高松市屋島西町1',
          phone: '',
          hours: '随時（ご相談ください）',
        }),
      ],
    };
    const preview = await upload('points.geojson', new TextEncoder().encode(JSON.stringify(geojson)));
    expect(preview.body.mapping.columns).toMatchObject({
      name: 'name',
      type: 'category',
      address: 'address',
      phone: 'phone',
      hours: 'schedule',
      緯度: 'latitude',
      経度: 'longitude',
    });
    expect(preview.body).toMatchObject({ canCommit: true, counts: { added: 2 } });
    await staff.post(`/api/t/${T}/resource-imports/${preview.body.id}/commit`);
    const salon = await staff.get(`/api/t/${T}/resources?q=${encodeURIComponent('本町いきいきサロン')}`);
    const detail = await staff.get(`/api/t/${T}/resources/${salon.body.items[0].id}`);
    expect(detail.body.categories[0].code).toBe('ibasho');
    expect(detail.body.schedules[0].description).toBe('毎月第2水曜日 10時〜12時');
    const watch = await staff.get(`/api/t/${T}/resources?q=${encodeURIComponent('屋島の見守り隊')}`);
    const w = await staff.get(`/api/t/${T}/resources/${watch.body.items[0].id}`);
    expect(w.body.schedules[0].rule).toMatchObject({ rrule: null, needsReview: true });
    expect(w.body.schedules[0].rule.note).toContain('随時（ご相談ください）');
    expect(
      (await staff.get(`/api/t/${T}/resources-review`)).body.items.map((i: { id: string }) => i.id),
    ).toContain(w.body.id);
  });

  it('detects Shift_JIS and UTF-16 and reports the encoding', async () => {
    const csv =
      '名称,分類,住所,電話番号,利用可能曜日,開始時間,終了時間\r\n髙松サロン①,サロン,高松市本町1,087-000-0000,水,10:00,12:00\r\n';
    const sjis = await upload('sjis.csv', new Uint8Array(iconv.encode(csv, 'cp932')));
    expect(sjis.body).toMatchObject({
      encoding: 'cp932',
      encodingLabel: 'Shift_JIS（cp932）',
      canCommit: true,
    });
    expect(sjis.body.preview[0].name).toBe('髙松サロン①');
    const utf16 = await upload('utf16.csv', new Uint8Array(iconv.encode(csv, 'utf16-le', { addBOM: true })));
    expect(utf16.body).toMatchObject({ encoding: 'utf-16le', canCommit: true });
  });

  it('reads xlsx and keeps a named mapping preset for next time', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('一覧');
    ws.addRow(['番号', '活動名', '種類', '会場住所', '開催日時']);
    ws.addRow([1, 'ころばん体操の会', '体操', '高松市本町3', '毎週月曜日 10:00～11:00']);
    ws.addRow([2, 'みんなの食堂', '子ども食堂', '高松市本町4', '毎月第3土曜日']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const preview = await upload('活動一覧.xlsx', bytes);
    expect(preview.body.format).toBe('xlsx');
    expect(preview.body.headers).toEqual(['番号', '活動名', '種類', '会場住所', '開催日時']);
    const mapping = {
      ...preview.body.mapping,
      columns: {
        番号: 'sourceId',
        活動名: 'name',
        種類: 'category',
        会場住所: 'address',
        開催日時: 'schedule',
      },
      sourceSystem: '社協の活動一覧',
    };
    const saved = await staff.put(`/api/t/${T}/resource-imports/${preview.body.id}/mapping`, {
      mapping,
      savePresetAs: '社協の活動一覧',
    });
    expect(saved.body).toMatchObject({ canCommit: true, counts: { added: 2 } });
    const presets = await staff.get(`/api/t/${T}/resource-import-presets`);
    expect(presets.body.presets.map((p: { name: string }) => p.name)).toEqual(['社協の活動一覧']);
    const again = await upload('活動一覧.xlsx', bytes, '社協の活動一覧');
    expect(again.body).toMatchObject({ canCommit: true, counts: { added: 2 } });
  });
});

describe('every 高松市 facility list, unedited', () => {
  const lists: [string, string][] = [
    ['community_center', 'shisetsu'],
    ['disabled_welfare_facility', 'kaigo-service'],
    ['elderly_wedding_house', 'shisetsu'],
    ['elderly_welfare_center', 'shisetsu'],
    ['elderly_welfare_facility', 'kaigo-service'],
    ['group_home', 'kaigo-service'],
    ['nursing_home', 'kaigo-service'],
    ['other_welfare_facilities', 'shisetsu'],
    ['regional_comprehensive_support_center', 'soudan'],
    ['regional_exchange_center', 'shisetsu'],
    ['welfare_hall', 'soudan'],
  ];
  it.each(
    lists.flatMap(([name, category]) =>
      [`${name}.csv`, `${name}.geojson`].map((f) => [f, category] as const),
    ),
  )('%s previews without a single error (category for the whole file: %s)', async (file, category) => {
    const ready = await importWith(file, data(file), {
      defaultCategory: category,
      sourceSystem: `test-${file}`,
    });
    const rows = file.endsWith('.csv')
      ? parseCsvWithLines(new TextDecoder().decode(data(file))).length - 1 // quoted cells hold line breaks
      : JSON.parse(new TextDecoder().decode(data(file))).features.length;
    expect(ready.body.errors).toEqual([]);
    expect(ready.body.canCommit).toBe(true);
    expect(ready.body.counts.added).toBe(rows);
  });
});

describe('bad files', () => {
  it('names row and column for every problem, and writes nothing', async () => {
    const csv = [
      'ID,名称,分類,緯度,経度,開始時間,終了時間',
      '1,朝の体操,体操,34.34,134.05,25:00,26:00',
      '2,,サロン,34.34,134.05,10:00,11:00',
      '3,夕方カフェ,サロン,134.05,34.34,15:00,17:00',
      '3,重複カフェ,サロン,34.34,134.05,15:00,17:00',
      '4,謎の会,宇宙旅行,34.34,134.05,10:00,11:00',
    ].join('\n');
    const before = await total();
    const res = await upload('bad.csv', new TextEncoder().encode(csv));
    expect(res.body.canCommit).toBe(false);
    const messages = res.body.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '2行目「開始時間」：「25:00」は時刻として正しくありません（0:00〜23:59）。',
        '2行目「終了時間」：「26:00」は時刻として正しくありません（0:00〜23:59）。',
        '3行目「名称」：名称がありません。',
        expect.stringContaining('4行目 緯度・経度：緯度と経度が逆になっているようです'),
        '5行目：ID「3」が4行目と重複しています。',
        expect.stringContaining('6行目「分類」：「宇宙旅行」に当たる分類がありません'),
      ]),
    );
    const commit = await staff.post(`/api/t/${T}/resource-imports/${res.body.id}/commit`);
    expect(commit.status).toBe(422);
    expect(await total()).toBe(before);
  });

  it('refuses a file without a name column, and a file that is not a table', async () => {
    const res = await upload('x.csv', new TextEncoder().encode('a,b\n1,2\n'));
    expect(res.body.errors[0].message).toContain('「名称」に割り当てた列がありません');
    const broken = await upload('x.json', new TextEncoder().encode('{"type": "FeatureCollection", '));
    expect(broken.body.errors[0].message).toBe('JSON として読めませんでした。');
  });
});
