import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../core/audit.tables';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

const T = '372013';
const base = `/api/t/${T}`;
let t: TestApp;
let staff: TestClient;
let sc2: TestClient;
let reader: TestClient;
let council: TestClient;
let mineno: { id: string };
let honmachi: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  const root = await t.f.rootArea(T);
  const north = await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 });
  const central = await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 });
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
  reader = t.client();
  await reader.login((await t.f.buildUser({ tenant: T, role: 'reader' })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);
});
afterAll(() => t.close());

const hanako = {
  name: '峰野 ハナ',
  kana: 'みねの はな',
  birthDate: '1940-04-02',
  townName: '峰野',
  household: 'alone',
  phone: '０１２３－４５－６７８９',
  consent: { scopes: ['sc', 'provider'], on: '2026-10-01' },
};

describe('residents (personal data)', () => {
  it('places a resident by 町丁, computes the age, records who took the consent', async () => {
    const res = await staff.post(`${base}/residents`, hanako);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ areaName: '峰野地区', household: 'alone', phone: '0123-45-6789' });
    expect(res.body.age).toBeGreaterThanOrEqual(85);
    expect(res.body.consent.scopes).toEqual(['sc', 'provider']);
    expect(res.body.consent.recordedBy).toMatch(/^テスト利用者/);
  });

  it('refuses a birth date in the future and a kana that is not hiragana, in Japanese', async () => {
    const future = await staff.post(`${base}/residents`, { ...hanako, birthDate: '2099-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain('生年月日');
    const kana = await staff.post(`${base}/residents`, { ...hanako, kana: 'Mineno' });
    expect(kana.status).toBe(422);
    expect(kana.body.error.fields[0].message).toBe('よみがな：ひらがなで入力してください');
  });

  it('only 保険者職員 and SCs see residents; a 第2層 SC only in her areas', async () => {
    const there = await staff.post(`${base}/residents`, { name: '本町 太郎', townName: '本町' });
    expect((await reader.get(`${base}/residents`)).status).toBe(403);
    const c = await council.get(`${base}/residents/${there.body.id}`);
    expect(c.status).toBe(403);
    expect(c.body.error.message).toContain('保険者職員と生活支援コーディネーター');
    const mine = await sc2.get(`${base}/residents`);
    expect(mine.body.items.map((r: { name: string }) => r.name)).toEqual(['峰野 ハナ']);
    expect((await sc2.get(`${base}/residents/${there.body.id}`)).status).toBe(404);
    const move = await sc2.post(`${base}/residents`, { name: '越境', areaId: honmachi.id });
    expect(move.status).toBe(403);
  });

  it('finds a resident by kana typed in katakana', async () => {
    const res = await staff.get(`${base}/residents?q=${encodeURIComponent('ミネノ')}`);
    expect(res.body.items.map((r: { name: string }) => r.name)).toEqual(['峰野 ハナ']);
  });

  it('logs every read and change, with field names but never the values', async () => {
    const list = await staff.get(`${base}/residents?q=${encodeURIComponent('峰野')}`);
    const id = list.body.items[0].id;
    const one = await staff.get(`${base}/residents/${id}`);
    await staff.patch(`${base}/residents/${id}`, {
      ...hanako,
      phone: '0123-00-0000',
      version: one.body.resident.version,
    });
    const lines = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'resident'), eq(auditLog.entityId, id)));
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['create', 'read', 'update']));
    const update = lines.find((l) => l.action === 'update')!;
    expect(update.detail).toEqual({ fields: ['phone'] });
    expect(JSON.stringify(lines)).not.toContain('0123');
    expect(JSON.stringify(lines)).not.toContain('ハナ');
  });

  it('refuses a second editor’s save and keeps the first', async () => {
    const created = (await staff.post(`${base}/residents`, { name: '競合 テスト', areaId: mineno.id })).body;
    const a = await staff.patch(`${base}/residents/${created.id}`, {
      name: '一人目',
      areaId: mineno.id,
      version: 1,
    });
    expect(a.status).toBe(200);
    const b = await sc2.patch(`${base}/residents/${created.id}`, {
      name: '二人目',
      areaId: mineno.id,
      version: 1,
    });
    expect(b.status).toBe(409);
    expect(b.body.error.current.name).toBe('一人目');
  });

  it('exports everything about a person on request, and erases them keeping anonymous counts', async () => {
    const person = (await staff.post(`${base}/residents`, { name: '消去 希望', townName: '峰野' })).body;
    const need = await staff.post(`${base}/needs`, {
      category: 'kaimono',
      areaId: mineno.id,
      source: 'visit',
      residentId: person.id,
      summary: '消去 希望さんは坂の上',
      note: '電話 0123-11-2222',
    });
    expect(need.status, JSON.stringify(need.body)).toBe(201);
    expect((await staff.get(`${base}/residents/${person.id}`)).body.resident.openNeeds).toBe(1);
    const exported = await staff.get(`${base}/residents/${person.id}/export`);
    expect(exported.status).toBe(200);
    const data = typeof exported.body === 'string' ? JSON.parse(exported.body) : exported.body;
    expect(data.resident.name).toBe('消去 希望');
    expect(data.needs[0].summary).toBe('消去 希望さんは坂の上');
    const before = (await staff.get(`${base}/needs-matrix?layer=3`)).body.cells.find(
      (c: { areaId: string; category: string }) => c.areaId === mineno.id && c.category === 'kaimono',
    );
    const noReason = await staff.post(`${base}/residents/${person.id}/erase`, {
      version: person.version,
      reason: '',
    });
    expect(noReason.status).toBe(422);
    const erased = await staff.post(`${base}/residents/${person.id}/erase`, {
      version: person.version,
      reason: '本人からの消去の求め',
    });
    expect(erased.body).toEqual({ erased: true, needsKept: 1 });
    expect((await staff.get(`${base}/residents/${person.id}`)).status).toBe(404);
    const kept = (await staff.get(`${base}/needs/${need.body.id}`)).body.need;
    expect(kept).toMatchObject({
      residentId: null,
      residentName: null,
      summary: '',
      note: '',
      category: 'kaimono',
    });
    const after = (await staff.get(`${base}/needs-matrix?layer=3`)).body.cells.find(
      (c: { areaId: string; category: string }) => c.areaId === mineno.id && c.category === 'kaimono',
    );
    expect(after.openNeeds).toBe(before.openNeeds);
    const lines = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, person.id));
    expect(JSON.stringify(lines)).not.toContain('消去 希望');
  });
});
