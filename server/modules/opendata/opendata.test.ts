import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/dates';
import { EVENT_COLUMNS, FACILITY_COLUMNS } from '../../../domain/opendata-csv';
import { nextOccurrences } from '../../../domain/schedule';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { DEMO_PASSWORD, DEMO_TENANT } from '../../db/seed/demo-accounts';
import { DEMO_PORTAL_CONTACT, seedDemoTown } from '../../db/seed/demo-town';

/*
 * What residents and data users get from the demo town ささえ町: calendars that land on the right
 * days in Japanese time, files that open in Excel, a HSDS package whose tables match its own
 * description — and nowhere a private phone, a private contact or a staff note.
 */

const T = DEMO_TENANT.code;
const OTHER = '372013';
const TODAY = '2026-11-24'; // TestClock: 2026-11-24T01:00Z = 10:00 in Japan

// Things staff typed that must never leave the workspace.
const SECRETS = ['0126-99-9999', '会長の自宅', '山田 花子', '0126-88-8888', '鍵は植木鉢の下'];

let t: TestApp;
let sc: TestClient;
let otherStaff: TestClient;
let anon: TestClient;
let mondayId: string;
let otherId: string;
let hall: { name: string; address: string; latitude: number; longitude: number };

/** The raw response, for the bytes (TestClient decodes text, which drops a BOM). */
const raw = (path: string) => t.app.request(path);

async function resourceByName(name: string) {
  const list = await sc.get(`/api/t/${T}/resources?perPage=200&q=${encodeURIComponent(name)}`);
  const hit = list.body.items.find((r: { name: string }) => r.name === name);
  if (!hit) throw new Error(`no resource ${name}`);
  return (await sc.get(`/api/t/${T}/resources/${hit.id}`)).body;
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await seedDemoTown(t.database, t.clock.now);
  sc = t.client();
  await sc.login('sc1@sasae.example', DEMO_PASSWORD);
  anon = t.client();
  // In 峰野地区 (北部圏域), at the same hall as the demo town's own salon there.
  hall = (await resourceByName('峰野ふれあいサロン')).location;
  const created = await sc.post(`/api/t/${T}/resources`, {
    name: '峰野月曜体操',
    kind: 'informal',
    categories: ['kayoinoba'],
    description: '椅子に座ってできる体操です',
    schedules: [{ text: '毎週月曜日 10時～11時（祝日は休み）' }],
    fees: { free: true },
    location: { name: hall.name, address: hall.address, latitude: hall.latitude, longitude: hall.longitude },
    phones: [
      { number: '0126-99-9999', public: false, description: '会長の自宅' },
      { number: '0126-50-7777', description: '体操の係' },
    ],
    contacts: [
      { name: '山田 花子', phone: '0126-88-8888', public: false },
      { name: '社協 受付', public: true },
    ],
    notes: '内部メモ：鍵は植木鉢の下',
  });
  expect(created.status).toBe(201);
  mondayId = created.body.id;

  await t.f.buildTenant(OTHER);
  const staff = t.client();
  otherStaff = staff;
  await staff.login((await t.f.buildUser({ tenant: OTHER, role: 'sc1' })).email);
  otherId = (
    await staff.post(`/api/t/${OTHER}/resources`, {
      name: '高松のサロン',
      kind: 'informal',
      categories: ['ibasho'],
      schedules: [{ text: '毎週火曜日 10時～12時' }],
      fees: { free: true },
    })
  ).body.id;
});
afterAll(() => t.close());

// ---------------------------------------------------------------------------------------------
// Calendars

function parseFeed(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  const tz = cal.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(tz);
  return cal;
}

/** Occurrences of an event up to `until` as a calendar app expands them (RRULE, DTSTART, EXDATE). */
function expand(vevent: ICAL.Component, until: string): { date: string; instant: string }[] {
  const it = new ICAL.Event(vevent).iterator();
  const out: { date: string; instant: string }[] = [];
  for (let next = it.next(); next; next = it.next()) {
    const date = next.toString().slice(0, 10);
    if (date > until) break;
    out.push({ date, instant: next.isDate ? date : next.toJSDate().toISOString() });
  }
  return out;
}

const eventOf = (cal: ICAL.Component, summary: string) => {
  const hit = cal.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('summary') === summary);
  if (!hit) throw new Error(`no event ${summary}`);
  return hit;
};

describe('calendar feeds', () => {
  it('gives the monthly Wednesday salon on the days the domain computes, at 10:00 Japanese time', async () => {
    const salon = await resourceByName('緑ヶ丘ふれあいサロン');
    const rule = salon.schedules[0].rule;
    expect(rule.rrule).toBe('FREQ=MONTHLY;BYDAY=3WE');
    const res = await anon.get(`/t/${T}/calendar/resources/${salon.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`filename="${T}-${salon.id}.ics"`);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('ささえ町_緑ヶ丘ふれあいサロン.ics')}`,
    );
    const cal = parseFeed(res.body);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('ささえ町 緑ヶ丘ふれあいサロン');
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Tokyo');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Tokyo');
    const ev = eventOf(cal, '緑ヶ丘ふれあいサロン');
    expect(ev.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Tokyo');
    expect(ev.getFirstPropertyValue('url')).toBe(`http://localhost/t/${T}/r/${salon.id}`);
    expect(String(ev.getFirstPropertyValue('location'))).toContain('緑ヶ丘会館');
    expect(String(ev.getFirstPropertyValue('description'))).toContain('毎月第3水曜日 10時〜12時');
    const until = addDays(TODAY, 61);
    const got = expand(ev, until);
    const want = nextOccurrences(rule, TODAY, 10).filter((d) => d <= until);
    expect(got.map((o) => o.date)).toEqual(want);
    expect(want.length).toBeGreaterThanOrEqual(2);
    // 10:00 in Japan is 01:00 UTC, whatever zone the server runs in.
    expect(got[0]!.instant).toBe(`${want[0]}T01:00:00.000Z`);
  });

  it('gives the Thursday mobile shop every week for two months', async () => {
    const shop = await resourceByName('本町 移動販売の停留所');
    const res = await anon.get(`/t/${T}/calendar/resources/${shop.id}.ics`);
    const ev = eventOf(parseFeed(res.body), '本町 移動販売の停留所');
    const until = addDays(TODAY, 61);
    const got = expand(ev, until).map((o) => o.date);
    expect(got).toEqual(nextOccurrences(shop.schedules[0].rule, TODAY, 20).filter((d) => d <= until));
    expect(got).toHaveLength(9);
    expect(got.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 4)).toBe(true);
  });

  it('leaves out a national holiday the group does not meet on (成人の日)', async () => {
    const res = await anon.get(`/t/${T}/calendar/resources/${mondayId}.ics`);
    const ev = eventOf(parseFeed(res.body), '峰野月曜体操');
    expect(ev.getFirstProperty('exdate')?.getParameter('tzid')).toBe('Asia/Tokyo');
    const dates = expand(ev, '2027-01-31').map((o) => o.date);
    expect(dates).toContain('2027-01-04');
    expect(dates).not.toContain('2027-01-11');
    expect(dates).toContain('2027-01-18');
  });

  it('has one event per schedule with known dates in the area and category feeds', async () => {
    const areas = await sc.get(`/api/t/${T}/areas`);
    const north = areas.body.areas.find((a: { name: string }) => a.name === '北部圏域');
    const res = await anon.get(`/t/${T}/calendar/areas/${north.id}.ics`);
    expect(res.status).toBe(200);
    const cal = parseFeed(res.body);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('ささえ町 北部圏域の集いの場・活動');
    const summaries = cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'));
    expect(summaries).toContain('峰野月曜体操');
    expect(summaries).toContain('峰野ふれあいサロン');
    expect(summaries).not.toContain('緑ヶ丘ふれあいサロン');
    const uids = cal.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    expect(new Set(uids).size).toBe(uids.length);

    const category = await anon.get(`/t/${T}/calendar/categories/idou-hanbai.ics`);
    expect(category.status).toBe(200);
    const shops = parseFeed(category.body).getAllSubcomponents('vevent');
    expect(shops.length).toBeGreaterThanOrEqual(10);
    expect(shops.every((e) => String(e.getFirstPropertyValue('summary')).includes('移動販売'))).toBe(true);
  });

  it('leaves out schedules without known dates (不定期) but keeps the rest of the resource', async () => {
    const res = await anon.get(`/t/${T}/calendar/categories/hanashiaite.ics`);
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('不定期');
  });

  it('answers a friendly Japanese 404 page for unknown tenants, areas, categories and ids', async () => {
    for (const path of [
      `/t/999999/calendar/resources/${mondayId}.ics`,
      `/t/${T}/calendar/resources/00000000-0000-4000-8000-000000000000.ics`,
      `/t/${T}/calendar/resources/not-an-id.ics`,
      `/t/${T}/calendar/resources/${otherId}.ics`,
      `/t/${T}/calendar/areas/00000000-0000-4000-8000-000000000000.ics`,
      `/t/${T}/calendar/categories/no-such-thing.ics`,
      `/t/${T}/calendar/resources/${mondayId}`,
      `/t/999999/downloads`,
      `/t/999999/downloads/events.csv`,
      `/t/999999/downloads/hsds.zip`,
    ]) {
      const res = await anon.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toContain('text/html');
      expect(res.body, path).toContain('ページが見つかりません');
    }
    // The other tenant's resource is there, in its own tenant.
    expect((await anon.get(`/t/${OTHER}/calendar/resources/${otherId}.ics`)).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Files

function csvRows(text: string): string[][] {
  // The files quote fields with commas, quotes and line breaks (RFC 4180): a small reader for tests.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

async function excelCsv(path: string) {
  const res = await raw(path);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { res, bytes, text, rows: csvRows(text.slice(1)) };
}

describe('open data files', () => {
  it('publishes イベント一覧 that Excel opens: BOM, CRLF, Japanese headers, a Japanese file name', async () => {
    const { res, bytes, text, rows } = await excelCsv(`/t/${T}/downloads/events.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${T}_ささえ町_イベント一覧.csv`)}`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n(?!")/); // every line ends CRLF outside quotes
    expect(rows[0]).toEqual([...EVENT_COLUMNS]);
    expect(rows.every((r) => r.length === EVENT_COLUMNS.length)).toBe(true);
    const col = (name: string) => EVENT_COLUMNS.indexOf(name as never);
    const monday = rows.find((r) => r[col('イベント名')] === '峰野月曜体操')!;
    expect(monday[col('全国地方公共団体コード')]).toBe(T);
    expect(monday[col('地方公共団体名')]).toBe('北海道ささえ町');
    expect(monday[col('開始日')]).toBe('2026-11-30');
    expect(monday[col('開始時間')]).toBe('10:00');
    expect(monday[col('開始日時特記事項')]).toBe('毎週月曜日 10時〜11時、祝日は休み');
    expect(monday[col('連絡先電話番号')]).toBe('0126-50-7777');
    expect(monday[col('URL')]).toBe(`http://localhost/t/${T}/r/${mondayId}`);
  });

  it('publishes 公共施設一覧 with one row per resource that has a place', async () => {
    const { rows } = await excelCsv(`/t/${T}/downloads/facilities.csv`);
    expect(rows[0]).toEqual([...FACILITY_COLUMNS]);
    const col = (name: string) => FACILITY_COLUMNS.indexOf(name as never);
    const monday = rows.find((r) => r[col('名称')] === '峰野月曜体操')!;
    expect(monday[col('建物名等(方書)')]).toBe('峰野会館');
    expect(monday[col('所在地_連結表記')]).toBe(hall.address);
    expect(monday[col('利用可能曜日')]).toBe('月');
    expect([monday[col('緯度')], monday[col('経度')]]).toEqual([
      String(hall.latitude),
      String(hall.longitude),
    ]);
    const ids = rows.slice(1).map((r) => r[col('ID')]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([
    [
      'events.csv',
      ['name', 'kana', 'address', 'latitude', 'longitude', 'phone', 'opensAt', 'closesAt', 'scheduleNote'],
    ],
    [
      'facilities.csv',
      ['name', 'kana', 'address', 'latitude', 'longitude', 'phone', 'weekdays', 'opensAt', 'scheduleNote'],
    ],
  ])('%s reads back through our own importer (given one category for the file)', async (file, fields) => {
    const { bytes, rows } = await excelCsv(`/t/${T}/downloads/${file}`);
    const preview = await otherStaff.post(`/api/t/${OTHER}/resource-imports?fileName=${file}`, bytes);
    expect(preview.status).toBe(201);
    expect(preview.body).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', rowCount: rows.length - 1 });
    expect(Object.values(preview.body.mapping.columns)).toEqual(expect.arrayContaining(fields));
    // The standard has no column for our categories: the importer asks for one for the whole file.
    const remapped = await otherStaff.put(`/api/t/${OTHER}/resource-imports/${preview.body.id}/mapping`, {
      mapping: { ...preview.body.mapping, defaultCategory: 'ibasho' },
    });
    expect(remapped.body.errors).toEqual([]);
    expect(remapped.body.canCommit).toBe(true);
  });

  it('publishes GeoJSON points in [経度, 緯度] with what a map needs to say', async () => {
    const res = await anon.get(`/t/${T}/downloads/resources.geojson`);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const geo = res.body;
    expect(geo.type).toBe('FeatureCollection');
    const monday = geo.features.find((f: any) => f.properties.name === '峰野月曜体操');
    expect(monday.geometry).toEqual({ type: 'Point', coordinates: [hall.longitude, hall.latitude] });
    expect(monday.properties).toMatchObject({
      categories: ['通いの場（体操・運動）'],
      address: hall.address,
      schedules: ['毎週月曜日 10時〜11時、祝日は休み'],
      fee: '無料',
      phone: '0126-50-7777',
      url: `http://localhost/t/${T}/r/${mondayId}`,
    });
    for (const f of geo.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(lat).toBeGreaterThan(43);
      expect(lon).toBeGreaterThan(141);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// HSDS datapackage

async function hsdsZip() {
  const res = await raw(`/t/${T}/downloads/hsds.zip`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  return unzipSync(new Uint8Array(await res.arrayBuffer()));
}

describe('HSDS datapackage', () => {
  it('has a CSV per table whose header is the datapackage’s field list, and every required field filled', async () => {
    const files = await hsdsZip();
    const pkg = JSON.parse(strFromU8(files['datapackage.json']!));
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.licenses[0]).toMatchObject({ name: 'CC-BY-4.0' });
    const tables = new Map<string, { header: string[]; rows: string[][] }>();
    for (const r of pkg.resources) {
      const text = strFromU8(files[r.path]!);
      expect(text.charCodeAt(0), r.path).not.toBe(0xfeff);
      const [header, ...rows] = csvRows(text);
      expect(header, r.path).toEqual(r.schema.fields.map((f: { name: string }) => f.name));
      tables.set(r.name, { header: header!, rows });
      r.schema.fields.forEach((f: any, i: number) => {
        for (const row of rows) {
          if (f.constraints?.required) expect(row[i], `${r.name}.${f.name}`).not.toBe('');
          if (f.constraints?.enum && row[i] !== '')
            expect(f.constraints.enum, `${r.name}.${f.name}`).toContain(row[i]);
          if (f.type === 'number' && row[i] !== '')
            expect(Number.isFinite(Number(row[i])), f.name).toBe(true);
        }
      });
    }
    expect(Object.keys(files).sort()).toEqual(
      ['datapackage.json', ...pkg.resources.map((r: { path: string }) => r.path)].sort(),
    );
    // Every reference points at a row that is there.
    for (const r of pkg.resources) {
      for (const fk of r.schema.foreignKeys ?? []) {
        const target = tables.get(fk.reference.resource || r.name)!;
        const ids = new Set(target.rows.map((row) => row[0]));
        const { header, rows } = tables.get(r.name)!;
        const i = header.indexOf(fk.fields);
        for (const row of rows)
          if (row[i]) expect(ids.has(row[i]!), `${r.name}.${fk.fields}=${row[i]}`).toBe(true);
      }
    }
    // Exactly the resources residents can see (running or 休止中), each once.
    const staffList = (await sc.get(`/api/t/${T}/resources?perPage=200`)).body.items as {
      id: string;
      status: string;
    }[];
    const visible = staffList.filter((r) => r.status === 'active' || r.status === 'temporarily closed');
    const services = tables.get('service')!.rows.map((r) => r[0]);
    expect(services.sort()).toEqual(visible.map((r) => r.id).sort());
    expect(services.length).toBeGreaterThan(100);
  });

  it('says what the HSDS API says', async () => {
    const files = await hsdsZip();
    const [header, ...rows] = csvRows(strFromU8(files['services.csv']!));
    const row = rows.find((r) => r[header!.indexOf('id')] === mondayId)!;
    const api = (await anon.get(`/api/hsds/v3/${T}/services/${mondayId}`)).body;
    for (const k of ['name', 'description', 'status', 'fees_description', 'last_modified'])
      expect(row[header!.indexOf(k)], k).toBe(api[k] ?? '');
    const [sh, ...schedules] = csvRows(strFromU8(files['schedules.csv']!));
    const mine = schedules.filter((r) => r[sh!.indexOf('service_id')] === mondayId);
    expect(mine).toHaveLength(1);
    expect(mine[0]![sh!.indexOf('byday')]).toBe(api.schedules[0].byday);
    expect(mine[0]![sh!.indexOf('opens_at')]).toBe('10:00');
    const [ph, ...phones] = csvRows(strFromU8(files['phones.csv']!));
    expect(
      phones.filter((r) => r[ph!.indexOf('service_id')] === mondayId).map((r) => r[ph!.indexOf('number')]),
    ).toEqual(['0126-50-7777']);
  });
});

// ---------------------------------------------------------------------------------------------
// Downloads page and privacy

describe('downloads page', () => {
  it('lists every file with its contents, format, rows, last update, the licence, the API and the feeds', async () => {
    const res = await anon.get(`/t/${T}/downloads`);
    expect(res.status).toBe(200);
    const page: string = res.body;
    expect(page).toContain('aria-current="page"');
    for (const href of ['events.csv', 'facilities.csv', 'resources.geojson', 'hsds.zip'])
      expect(page).toContain(`/t/${T}/downloads/${href}`);
    expect(page).toContain('https://creativecommons.org/licenses/by/4.0/deed.ja');
    expect(page).toContain(`/api/hsds/v3/${T}/`);
    expect(page).toContain('Googleカレンダーに追加するには');
    expect(page).toContain('令和8年11月');
    expect(page).toMatch(/北部圏域<\/strong>（\d+件の予定）/);
    expect(page).toContain(`/t/${T}/calendar/categories/idou-hanbai.ics`);
    expect(page).toContain('webcal://localhost/t/');
    const { rows } = await excelCsv(`/t/${T}/downloads/events.csv`);
    expect(page).toContain(`${rows.length - 1}行`);
    expect(page).not.toContain('<script');
    // The demo town's contact at the foot of the page (set by the seed).
    expect(page).toContain(DEMO_PORTAL_CONTACT);
  });
});

describe('privacy', () => {
  it('never publishes a private phone, a private contact or a staff note, in any file or feed', async () => {
    const areas = (await sc.get(`/api/t/${T}/areas`)).body.areas as { id: string }[];
    const texts: [string, string][] = [];
    for (const path of [
      `/t/${T}/downloads`,
      `/t/${T}/downloads/events.csv`,
      `/t/${T}/downloads/facilities.csv`,
      `/t/${T}/downloads/resources.geojson`,
      `/t/${T}/calendar/resources/${mondayId}.ics`,
      `/t/${T}/calendar/categories/kayoinoba.ics`,
      ...areas.map((a) => `/t/${T}/calendar/areas/${a.id}.ics`),
    ]) {
      texts.push([path, new TextDecoder().decode(await (await raw(path)).arrayBuffer())]);
    }
    for (const [name, bytes] of Object.entries(await hsdsZip())) texts.push([name, strFromU8(bytes)]);
    for (const [where, text] of texts) {
      for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    }
    // The public phone is there, so the check above is not passing on empty files.
    expect(texts.filter(([, text]) => text.includes('0126-50-7777')).length).toBeGreaterThan(5);
  });
});
