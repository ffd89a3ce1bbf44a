import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../../domain/dates';
import { auditLog } from '../../core/audit.tables';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

const T = '372013';
const OTHER = '131016';
let t: TestApp;
let staff: TestClient;
let sc2: TestClient;
let council: TestClient;
let outsider: TestClient;
let north: { id: string };
let central: { id: string };
let mineno: { id: string };
let honmachi: { id: string };
const base = `/api/t/${T}`;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  await t.f.buildTenant(OTHER);
  const root = await t.f.rootArea(T);
  north = await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 });
  central = await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 });
  mineno = await t.f.buildArea(T, { name: '峰野地区', parentId: north.id, layer: 3, townNames: ['峰野'] });
  honmachi = await t.f.buildArea(T, {
    name: '本町地区',
    parentId: central.id,
    layer: 3,
    townNames: ['本町'],
  });
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  sc2 = t.client();
  await sc2.login((await t.f.buildUser({ tenant: T, role: 'sc2', areaIds: [north.id] })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);
  outsider = t.client();
  await outsider.login((await t.f.buildUser({ tenant: OTHER, role: 'insurer_staff' })).email);
});
afterAll(() => t.close());

const today = () => todayInTokyo(t.clock.now());
const helper = (over: Record<string, unknown> = {}) => ({
  name: '山田 花子',
  kana: 'やまだ はなこ',
  townName: '峰野',
  skills: ['kaimono-daikou', 'hanashiaite'],
  weekdays: [2, 4],
  consent: { on: today() },
  ...over,
});

describe('registering a helper (担い手)', () => {
  it('finds the home 地区 from the 町丁 and records who took the consent', async () => {
    const res = await sc2.post(`${base}/helpers`, helper());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      homeAreaName: '峰野地区',
      weekdays: [2, 4],
      available: true,
      status: 'active',
      consent: { on: today(), withdrawnOn: null },
    });
    expect(res.body.homeAreaId).toBe(mineno.id);
    expect(res.body.consent.recordedBy).toBeTruthy();
    const list = await staff.get(`${base}/helpers?skill=kaimono-daikou&area=${north.id}`);
    expect(list.body.items.map((h: { name: string }) => h.name)).toContain('山田 花子');
    const elsewhere = await staff.get(`${base}/helpers?area=${central.id}`);
    expect(elsewhere.body.items.map((h: { name: string }) => h.name)).not.toContain('山田 花子');
    const thursday = await staff.get(`${base}/helpers?weekday=4&q=やまだ`);
    expect(thursday.body.total).toBe(1);
    const sunday = await staff.get(`${base}/helpers?weekday=0&q=ヤマダ`);
    expect(sunday.body.total).toBe(0);
  });

  it('keeps the training record with its date, and lets a mistake be taken back', async () => {
    const h = (await staff.post(`${base}/helpers`, helper({ name: '講座 受講者', kana: 'こうざ' }))).body;
    const added = await staff.post(`${base}/helpers/${h.id}/trainings`, {
      kind: 'ninchisho-supporter',
      completedOn: '2025-10-02',
    });
    expect(added.status).toBe(201);
    expect(added.body.trainings).toEqual([
      expect.objectContaining({ kindLabel: '認知症サポーター養成講座', completedOn: '2025-10-02' }),
    ]);
    const future = await staff.post(`${base}/helpers/${h.id}/trainings`, {
      kind: 'seikatsu-supporter',
      completedOn: '2099-01-01',
    });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain('今日より後');
    const removed = await staff.delete(`${base}/helpers/${h.id}/trainings/${added.body.trainings[0].id}`);
    expect(removed.body.trainings).toEqual([]);
  });

  it('refuses a withdrawal before the consent, and a stale save (nothing lost)', async () => {
    const h = (await staff.post(`${base}/helpers`, helper({ name: '同意 テスト', kana: 'どうい' }))).body;
    const bad = await staff.patch(`${base}/helpers/${h.id}`, {
      ...helper({ name: '同意 テスト', kana: 'どうい' }),
      consent: { on: today(), withdrawnOn: '2020-01-01' },
      version: h.version,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe('同意を取り下げた日：同意を得た日より前にはできません。');
    const ok = await staff.patch(`${base}/helpers/${h.id}`, {
      ...helper({ name: '同意 テスト', kana: 'どうい' }),
      consent: { on: today(), withdrawnOn: today() },
      version: h.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.available).toBe(false);
    const stale = await staff.patch(`${base}/helpers/${h.id}`, {
      ...helper({ name: '別の名前', kana: 'どうい' }),
      version: h.version,
    });
    expect(stale.status).toBe(409);
    expect((await staff.get(`${base}/helpers/${h.id}`)).body.helper.name).toBe('同意 テスト');
  });
});

describe('who may see and change the 人材バンク', () => {
  it('lets a 第2層 SC change only helpers of her areas, read them all', async () => {
    const there = (
      await staff.post(`${base}/helpers`, helper({ name: '本町 太郎', kana: 'ほんまち', townName: '本町' }))
    ).body;
    expect((await sc2.get(`${base}/helpers/${there.id}`)).status).toBe(200);
    expect((await sc2.get(`${base}/helpers/${there.id}`)).body.helper.canEdit).toBe(false);
    const change = await sc2.patch(`${base}/helpers/${there.id}`, {
      ...helper({ name: '本町 太郎', kana: 'ほんまち', townName: '本町' }),
      note: 'x',
      version: there.version,
    });
    expect(change.status).toBe(403);
    const create = await sc2.post(`${base}/helpers`, helper({ townName: '本町', homeAreaId: honmachi.id }));
    expect(create.status).toBe(403);
    expect(create.body.error.message).toContain('担当の地域の外');
  });

  it('shows no names to a 協議体委員, and nothing to another town', async () => {
    const list = await council.get(`${base}/helpers`);
    expect(list.status).toBe(403);
    expect(JSON.stringify(list.body)).not.toContain('山田');
    expect((await outsider.get(`${base}/helpers`)).status).toBe(404);
    const mine = (await staff.get(`${base}/helpers?q=山田`)).body.items[0];
    expect((await outsider.get(`${base}/helpers/${mine.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/t/${OTHER}/helpers/${mine.id}`)).status).toBe(404);
  });

  it('writes every read of a helper to the audit log', async () => {
    const mine = (await staff.get(`${base}/helpers?q=山田`)).body.items[0];
    await staff.get(`${base}/helpers/${mine.id}`);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, T), eq(auditLog.entity, 'helper'), eq(auditLog.entityId, mine.id)));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'read']));
  });
});
