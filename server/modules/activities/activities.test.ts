import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit.tables';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { pdfText, requirePoppler } from '../print/pdf-text.testing';
import { activities } from './activities.tables';

const T = '372013';
const base = `/api/t/${T}`;
let t: TestApp;
let staff: TestClient;
let sc1: TestClient;
let sc2: TestClient;
let council: TestClient;
let north: string;
let central: string;
let mineno: string;
let honmachi: string;
let org: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  const root = await t.f.rootArea(T);
  north = (await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 })).id;
  central = (await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 })).id;
  mineno = (await t.f.buildArea(T, { name: '峰野地区', parentId: north, layer: 3 })).id;
  honmachi = (await t.f.buildArea(T, { name: '本町地区', parentId: central, layer: 3 })).id;
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'insurer_staff' })).email);
  sc1 = t.client();
  await sc1.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  sc2 = t.client();
  await sc2.login((await t.f.buildUser({ tenant: T, role: 'sc2', areaIds: [north] })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);
  org = (await staff.post(`${base}/organizations`, { name: '峰野郵便局', kind: '郵便局' })).body.id;
});
afterAll(() => t.close());

const visit = (over: Record<string, unknown> = {}) => ({
  minutes: 45,
  type: 'visit',
  layer: 2,
  functions: ['f1'],
  areaIds: [mineno],
  ...over,
});

describe('logging the SC’s work', () => {
  it('takes the few things a visit needs; the day is today and the SC is whoever logged it', async () => {
    const res = await sc2.post(
      `${base}/activities`,
      visit({ organizationIds: [org], summary: '局長と見守りの話' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      occurredOn: '2026-11-24',
      support: 'community',
      areas: [{ id: mineno, name: '峰野地区' }],
      organizations: [{ id: org, name: '峰野郵便局' }],
      canEdit: true,
    });
    expect(res.body.scName).toMatch(/^テスト利用者/);
  });

  it('refuses what is not a record of work, naming the field in Japanese, and writes nothing', async () => {
    const before = (await staff.get(`${base}/activities`)).body.total;
    const noFunction = await sc2.post(`${base}/activities`, visit({ functions: [] }));
    expect(noFunction.status).toBe(422);
    expect(noFunction.body.error.fields[0].message).toContain('SCの機能（①〜⑥）');
    const noArea = await sc2.post(`${base}/activities`, visit({ areaIds: [] }));
    expect(noArea.status).toBe(422);
    expect(noArea.body.error.fields[0].message).toContain('地域');
    const future = await sc2.post(`${base}/activities`, visit({ occurredOn: '2026-12-01' }));
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain('今日より後');
    const longDay = await sc2.post(`${base}/activities`, visit({ minutes: 2000 }));
    expect(longDay.status).toBe(422);
    expect(longDay.body.error.fields[0].message).toContain('時間（分）');
    const ghost = await sc2.post(`${base}/activities`, visit({ personIds: [crypto.randomUUID()] }));
    expect(ghost.status).toBe(422);
    expect(ghost.body.error.message).toBe('会った人（1件目）：見つかりません。');
    expect((await staff.get(`${base}/activities`)).body.total).toBe(before);
  });

  it('links the つなぎ it was part of, named by where the person was connected, never by the person', async () => {
    const shop = await staff.post(`${base}/resources`, {
      name: '峰野 移動販売の停留所',
      kind: 'formal',
      categories: ['idou-hanbai'],
      location: { name: '峰野公民館前', areaId: mineno },
    });
    const person = await staff.post(`${base}/residents`, { name: '峰野 ハル', areaId: mineno });
    const need = await staff.post(`${base}/needs`, {
      category: 'kaimono',
      areaId: mineno,
      source: 'salon',
      residentId: person.body.id,
    });
    const ref = await sc2.post(`${base}/referrals`, {
      needId: need.body.id,
      targetKind: 'resource',
      targetId: shop.body.id,
    });
    expect(ref.status, JSON.stringify(ref.body)).toBe(201);
    const logged = await sc2.post(
      `${base}/activities`,
      visit({
        functions: ['f6'],
        support: 'individual',
        needIds: [need.body.id],
        referralIds: [ref.body.id],
      }),
    );
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect(logged.body.referrals).toEqual([{ id: ref.body.id, name: '峰野 移動販売の停留所へのつなぎ' }]);
    expect(JSON.stringify(logged.body)).not.toContain('峰野 ハル');
    const other = await sc2.post(`${base}/activities`, visit({ referralIds: [crypto.randomUUID()] }));
    expect(other.status).toBe(422);
    expect(other.body.error.message).toBe('つなぎ（1件目）：見つかりません。');
  });

  it('a 第2層 SC logs in her own areas only and reads her own and her areas’ entries', async () => {
    const outside = await sc2.post(`${base}/activities`, visit({ areaIds: [honmachi] }));
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('担当の地域の外');
    const theirs = await sc1.post(
      `${base}/activities`,
      visit({ areaIds: [honmachi], summary: '本町の会館' }),
    );
    expect((await sc2.get(`${base}/activities/${theirs.body.id}`)).status).toBe(404);
    const change = await sc2.patch(`${base}/activities/${theirs.body.id}`, { ...visit(), version: 1 });
    expect(change.status).toBe(403);
    const list = await sc2.get(`${base}/activities?perPage=200`);
    expect(list.body.items.map((a: { summary: string }) => a.summary)).not.toContain('本町の会館');
    expect((await staff.get(`${base}/activities?area=${central}`)).body.items[0].summary).toBe('本町の会館');
  });

  it('shows a 協議体委員 and a 閲覧者 only the report', async () => {
    expect((await council.get(`${base}/activities`)).status).toBe(403);
    const report = await council.get(`${base}/activity-report?month=2026-11`);
    expect(report.status).toBe(200);
    expect(JSON.stringify(report.body)).not.toContain('局長と見守りの話');
  });

  it('records a resent visit once, keeps the first of two editors, and audits a withdrawn entry', async () => {
    const clientId = crypto.randomUUID();
    const a = await sc2.post(`${base}/activities`, visit({ clientId, summary: '再送' }));
    const b = await sc2.post(`${base}/activities`, visit({ clientId, summary: '再送' }));
    expect(b.body.id).toBe(a.body.id);
    const one = await sc2.patch(`${base}/activities/${a.body.id}`, {
      ...visit(),
      summary: '一人目',
      version: 1,
    });
    expect(one.status).toBe(200);
    const two = await staff.patch(`${base}/activities/${a.body.id}`, {
      ...visit(),
      summary: '二人目',
      version: 1,
    });
    expect(two.status).toBe(409);
    expect(two.body.error.current.summary).toBe('一人目');
    expect((await sc2.delete(`${base}/activities/${a.body.id}`)).status).toBe(200);
    expect((await sc2.get(`${base}/activities/${a.body.id}`)).status).toBe(404);
    const [line] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.body.id), eq(auditLog.action, 'delete')));
    expect(line?.detail).toMatchObject({ minutes: 45, type: 'visit' });
  });
});

describe('the monthly and yearly SC report', () => {
  beforeAll(async () => {
    const log = (client: TestClient, over: Record<string, unknown>) =>
      client.post(`${base}/activities`, visit(over)).then((r) => {
        expect(r.status, JSON.stringify(r.body)).toBe(201);
      });
    await log(sc1, {
      occurredOn: '2026-10-05',
      minutes: 90,
      type: 'council',
      layer: 1,
      functions: ['f3', 'f4'],
      headlines: ['B'],
      yokoTasks: ['c'],
      areaIds: [north, central],
    });
    await log(sc1, {
      occurredOn: '2026-10-20',
      minutes: 60,
      type: 'care_meeting',
      functions: ['f6'],
      support: 'individual',
    });
    await log(sc2, { occurredOn: '2026-11-02', minutes: 30, functions: ['f1', 'f6'], headlines: ['A', 'C'] });
    await log(sc2, {
      occurredOn: '2026-04-01',
      minutes: 120,
      type: 'training',
      functions: ['f5'],
      headlines: ['A'],
    });
    await log(sc2, { occurredOn: '2026-03-31', minutes: 15, functions: ['f2'] }); // the year before
  });

  /** The report recomputed by hand from the raw rows, the way a clerk would with a calculator. */
  async function recompute(start: string, end: string) {
    const rows = (await t.database.db.select().from(activities).where(eq(activities.tenantId, T))).filter(
      (r) => r.occurredOn >= start && r.occurredOn <= end,
    );
    const by = (key: (r: (typeof rows)[number]) => string[]) => {
      const m = new Map<string, { count: number; minutes: number }>();
      for (const r of rows)
        for (const k of key(r)) {
          const x = m.get(k) ?? { count: 0, minutes: 0 };
          x.count++;
          x.minutes += r.minutes;
          m.set(k, x);
        }
      return m;
    };
    return {
      count: rows.length,
      minutes: rows.reduce((s, r) => s + r.minutes, 0),
      fn: by((r) => r.functions),
      headline: by((r) => r.headlines),
      type: by((r) => [r.type]),
      area: by((r) => r.areaIds),
      layer: by((r) => [String(r.layer)]),
      support: by((r) => [r.support]),
    };
  }

  const pick = (rows: { key: string; count: number; minutes: number }[]) =>
    Object.fromEntries(
      rows.filter((r) => r.count > 0).map((r) => [r.key, { count: r.count, minutes: r.minutes }]),
    );

  it('a month: every table matches the rows it is built from', async () => {
    const r = (await staff.get(`${base}/activity-report?month=2026-10`)).body;
    const want = await recompute('2026-10-01', '2026-10-31');
    expect(want.count).toBe(2);
    expect(r.total).toMatchObject({ count: want.count, minutes: want.minutes });
    expect(pick(r.byFunction)).toEqual(Object.fromEntries(want.fn));
    expect(pick(r.byHeadline)).toEqual(Object.fromEntries(want.headline));
    expect(pick(r.byType)).toEqual(Object.fromEntries(want.type));
    expect(pick(r.byArea)).toEqual(Object.fromEntries(want.area));
    expect(pick(r.byLayer)).toEqual(Object.fromEntries(want.layer));
    expect(pick(r.bySupport)).toEqual(Object.fromEntries(want.support));
    // Every function has its line, done or not.
    expect(r.byFunction.map((f: { label: string }) => f.label[0])).toEqual(['①', '②', '③', '④', '⑤', '⑥']);
    expect(r.indicators.careMeetings).toBe(1);
    expect(r.period).toMatchObject({ kind: 'month', label: '令和8年10月' });
  });

  it('a 年度 runs April to March, month by month, and an area counts what touched it', async () => {
    const r = (await staff.get(`${base}/activity-report?fy=2026`)).body;
    const want = await recompute('2026-04-01', '2027-03-31');
    expect(r.total).toMatchObject({ count: want.count, minutes: want.minutes });
    expect(r.byMonth.map((m: { key: string }) => m.key)[0]).toBe('2026-04');
    expect(r.byMonth.find((m: { key: string }) => m.key === '2026-04')).toMatchObject({
      count: 1,
      minutes: 120,
      functions: [0, 0, 0, 0, 1, 0],
    });
    expect(r.byMonth.reduce((s: number, m: { count: number }) => s + m.count, 0)).toBe(want.count);
    const northOnly = (await staff.get(`${base}/activity-report?fy=2026&area=${north}`)).body;
    expect(northOnly.total.count).toBe(
      (await recompute('2026-04-01', '2027-03-31')).count - /* 本町 only */ 1,
    );
    expect(northOnly.byArea.map((a: { label: string }) => a.label)).not.toContain('第3層 本町地区');
    const both = await staff.get(`${base}/activity-report?fy=2026&month=2026-10`);
    expect(both.status).toBe(422);
  });

  it('exports the report as xlsx with numbers and as a PDF in Japanese', async () => {
    const xlsx = await t.app.request(`${base}/activity-report/export?month=2026-10&format=xlsx`, {
      headers: { cookie: (staff as unknown as { cookie: string }).cookie },
    });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const sheet = wb.getWorksheet('SCの機能')!;
    const rows = sheet.getSheetValues().slice(5) as unknown[][];
    const f6 = rows.find((row) => String(row?.[1]).startsWith('⑥'))!;
    expect(f6[2]).toBe(1);
    expect(f6[3]).toBe(1);
    const pdf = await t.app.request(`${base}/activity-report/export?fy=2026&format=pdf`, {
      headers: { cookie: (staff as unknown as { cookie: string }).cookie },
    });
    expect(pdf.status).toBe(200);
    if (!requirePoppler()) return;
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('生活支援コーディネーター 活動年報（令和8年度）');
    expect(text).toContain('①地域のニーズと資源の見える化');
  });
});
