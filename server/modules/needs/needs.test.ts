import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../../domain/dates';
import { auditLog } from '../../core/audit.tables';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { POPPLER, pdfText, requirePoppler } from '../print/pdf-text.testing';
import { exportNeedsMatrix } from './matrix.service';

const T = '372013';
let t: TestApp;
let staff: TestClient;
let sc2: TestClient;
let council: TestClient;
let north: { id: string };
let central: { id: string };
let mineno: { id: string };
let honmachi: { id: string };
let staffUserEmail: string;

const base = `/api/t/${T}`;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
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
  staffUserEmail = (await t.f.buildUser({ tenant: T, role: 'insurer_staff' })).email;
  await staff.login(staffUserEmail);
  sc2 = t.client();
  await sc2.login((await t.f.buildUser({ tenant: T, role: 'sc2', areaIds: [north.id] })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);
});
afterAll(() => t.close());

const need = (over: Record<string, unknown> = {}) => ({
  category: 'kaimono',
  areaId: mineno.id,
  source: 'salon',
  ...over,
});

describe('recording a need (困りごと)', () => {
  it('takes only category, area and source; the rest defaults the way an SC expects', async () => {
    const res = await sc2.post(`${base}/needs`, need());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      categoryName: '買い物支援',
      areaName: '峰野地区',
      people: 1,
      urgency: 'normal',
      status: 'new',
      residentId: null,
      raisedOn: todayInTokyo(t.clock.now()),
    });
    const detail = await sc2.get(`${base}/needs/${res.body.id}`);
    expect(detail.body.history).toHaveLength(1);
    expect(detail.body.history[0]).toMatchObject({ fromStatus: null, toStatus: 'new' });
    expect(detail.body.nextStatuses).toContain('in_progress');
  });

  it('refuses what does not exist, in Japanese, and writes nothing', async () => {
    const before = (await staff.get(`${base}/needs`)).body.total;
    const bad = await staff.post(`${base}/needs`, need({ category: 'nothing' }));
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe('分類：見つかりません。');
    const future = await staff.post(`${base}/needs`, need({ raisedOn: '2099-01-01' }));
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain('今日より後');
    const noPeople = await staff.post(`${base}/needs`, need({ people: 0 }));
    expect(noPeople.status).toBe(422);
    expect(noPeople.body.error.fields[0].message).toContain('人数');
    const ghost = await staff.post(`${base}/needs`, need({ resourceIds: [crypto.randomUUID()] }));
    expect(ghost.status).toBe(422);
    expect(ghost.body.error.message).toContain('つながる地域資源');
    expect((await staff.get(`${base}/needs`)).body.total).toBe(before);
  });

  it('records a need sent twice (a retry on a weak connection) only once', async () => {
    const clientId = crypto.randomUUID();
    const before = (await sc2.get(`${base}/needs`)).body.total;
    const first = await sc2.post(`${base}/needs`, need({ clientId, summary: '再送' }));
    const again = await sc2.post(`${base}/needs`, need({ clientId, summary: '再送' }));
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect((await sc2.get(`${base}/needs`)).body.total).toBe(before + 1);
    const other = await staff.post(`${base}/needs`, need({ clientId, category: 'ibasho' }));
    expect(other.status).toBe(422);
  });

  it('a 第2層 SC records and sees only in her areas', async () => {
    const outside = await sc2.post(`${base}/needs`, need({ areaId: honmachi.id }));
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('担当の地域の外');
    const there = await staff.post(`${base}/needs`, need({ areaId: honmachi.id, summary: '本町の買い物' }));
    expect((await sc2.get(`${base}/needs/${there.body.id}`)).status).toBe(404);
    const list = await sc2.get(`${base}/needs?perPage=200`);
    expect(list.body.items.map((n: { areaName: string }) => n.areaName)).not.toContain('本町地区');
    expect((await staff.get(`${base}/needs?area=${central.id}`)).body.items[0].summary).toBe('本町の買い物');
  });

  it('a 協議体委員 is told where to look instead of seeing needs one by one', async () => {
    const res = await council.get(`${base}/needs`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('ニーズと地域資源');
  });

  it('every list and read of needs is in the audit log, with who read it', async () => {
    const created = await staff.post(`${base}/needs`, need({ summary: '監査' }));
    await staff.get(`${base}/needs/${created.body.id}`);
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'need'), eq(auditLog.entityId, created.body.id)));
    expect(reads.map((r) => r.action).sort()).toEqual(['create', 'read']);
    expect(reads.every((r) => r.actorLabel === staffUserEmail)).toBe(true);
    const lists = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'need'), eq(auditLog.action, 'list')));
    expect(lists.length).toBeGreaterThan(0);
  });
});

describe('status: 新規 → 対応中 → つないだ → 解決 / 見守り継続 / 未解決', () => {
  it('keeps a dated history with notes, and refuses a move that makes no sense', async () => {
    const n = (await staff.post(`${base}/needs`, need({ summary: '移動販売を知らない' }))).body;
    const a = await staff.post(`${base}/needs/${n.id}/status`, { status: 'in_progress', version: n.version });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const b = await staff.post(`${base}/needs/${n.id}/status`, {
      status: 'referred',
      note: '木曜の移動販売を紹介',
      version: a.body.version,
    });
    const c = await staff.post(`${base}/needs/${n.id}/status`, {
      status: 'resolved',
      version: b.body.version,
    });
    expect(c.body.status).toBe('resolved');
    const jump = await staff.post(`${base}/needs/${n.id}/status`, {
      status: 'referred',
      version: c.body.version,
    });
    expect(jump.status).toBe(422);
    expect(jump.body.error.message).toContain('「解決」から「つないだ」には変えられません');
    const detail = await staff.get(`${base}/needs/${n.id}`);
    expect(detail.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'new',
      'in_progress',
      'referred',
      'resolved',
    ]);
    expect(detail.body.history[2].note).toBe('木曜の移動販売を紹介');
    expect(detail.body.nextStatuses).toEqual(['in_progress']);
  });

  it('detects a second editor: the later save is refused and nothing is lost', async () => {
    const n = (await staff.post(`${base}/needs`, need({ summary: '元の文' }))).body;
    const first = await staff.patch(`${base}/needs/${n.id}`, {
      ...need(),
      summary: '一人目',
      version: n.version,
    });
    expect(first.status).toBe(200);
    const second = await staff.patch(`${base}/needs/${n.id}`, {
      ...need(),
      summary: '二人目',
      version: n.version,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.current.summary).toBe('一人目');
    const stale = await staff.post(`${base}/needs/${n.id}/status`, {
      status: 'in_progress',
      version: n.version,
    });
    expect(stale.status).toBe(409);
    expect((await staff.get(`${base}/needs/${n.id}`)).body.need).toMatchObject({
      summary: '一人目',
      status: 'new',
    });
  });
});

describe('needs against resources (the 協議体 view)', () => {
  let shopping: string;
  beforeAll(async () => {
    // 峰野: 2 open shopping needs (3 people) and no shopping resource anywhere near → 空白.
    // 本町: shopping needs, and a 移動販売 in 本町 → not 空白. Salons: a town-wide one covers everyone.
    await staff.post(`${base}/needs`, need({ areaId: mineno.id, people: 2, source: 'visit' }));
    const r = await staff.post(`${base}/resources`, {
      name: '本町の移動販売',
      kind: 'formal',
      categories: ['idou-hanbai'],
      location: { name: '本町公民館', address: '本町1', areaId: honmachi.id },
      schedules: [{ text: '毎週木曜日 10時〜11時' }],
      capacity: 20,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    shopping = r.body.id;
    await staff.post(`${base}/resources`, {
      name: '町全体のサロン案内',
      kind: 'informal',
      categories: ['ibasho'],
      areaIds: [(await t.f.rootArea(T)).id],
    });
    await staff.post(`${base}/needs`, need({ areaId: mineno.id, category: 'ibasho' }));
    await staff.post(`${base}/needs`, need({ areaId: honmachi.id, resourceIds: [shopping] }));
  });

  it('flags 空白 where needs have nothing near, and not where something is there or reaches from above', async () => {
    const res = await council.get(`${base}/needs-matrix?layer=3`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cell = (area: string, cat: string) =>
      res.body.cells.find(
        (c: { areaId: string; category: string }) => c.areaId === area && c.category === cat,
      );
    const minenoShopping = cell(mineno.id, 'kaimono');
    expect(minenoShopping.gap).toBe(true);
    expect(minenoShopping.resources).toBe(0);
    expect(minenoShopping.openNeeds).toBeGreaterThanOrEqual(2);
    const honmachiShopping = cell(honmachi.id, 'kaimono');
    expect(honmachiShopping).toMatchObject({ gap: false, resources: 1, capacity: 20, weekdays: [4] });
    expect(cell(mineno.id, 'ibasho').gap).toBe(false);
    expect(res.body.areas.find((a: { id: string }) => a.id === mineno.id).gaps).toBeGreaterThanOrEqual(1);
    // Counts only: no names, no notes anywhere in the payload.
    expect(JSON.stringify(res.body)).not.toContain('summary');
  });

  it('rolls 地区 up to 圏域 at layer 2', async () => {
    const res = await staff.get(`${base}/needs-matrix?layer=2`);
    const northShopping = res.body.cells.find(
      (c: { areaId: string; category: string }) => c.areaId === north.id && c.category === 'kaimono',
    );
    expect(northShopping.gap).toBe(true);
    expect(res.body.trend.some((x: { category: string }) => x.category === 'kaimono')).toBe(true);
  });

  it('drills down: needs for those who may read them, only the count for a council member', async () => {
    const q = `area=${honmachi.id}&category=kaimono`;
    const asStaff = await staff.get(`${base}/needs-matrix/cell?${q}`);
    expect(asStaff.body.resources.map((r: { name: string }) => r.name)).toEqual(['本町の移動販売']);
    expect(asStaff.body.needs.length).toBe(asStaff.body.openNeeds);
    const asCouncil = await council.get(`${base}/needs-matrix/cell?${q}`);
    expect(asCouncil.body.needs).toBeNull();
    expect(asCouncil.body.openNeeds).toBe(asStaff.body.openNeeds);
  });

  it('exports the table for a meeting as xlsx with the same figures', async () => {
    const ctx = { ...t.f.inTenant(T), actor: { kind: 'system' as const, label: 'test' as const } };
    const file = await exportNeedsMatrix(ctx, { layer: '3', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as Uint8Array<ArrayBuffer> as never);
    const sheet = wb.getWorksheet('対比表')!;
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    const minenoRow = (sheet.getRow(5).values as unknown[]).slice(1);
    const col = header.indexOf('買い物支援 空白');
    expect(col).toBeGreaterThan(0);
    expect(minenoRow[0]).toBe('峰野地区');
    expect(minenoRow[col]).toBe('空白');
    const gaps = wb.getWorksheet('空白')!;
    expect((gaps.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['峰野地区', '買い物支援']);
  });

  it.skipIf(!requirePoppler())('exports it as a PDF whose Japanese reads back', async () => {
    expect(POPPLER).toBe(true);
    const ctx = { ...t.f.inTenant(T), actor: { kind: 'system' as const, label: 'test' as const } };
    const file = await exportNeedsMatrix(ctx, { layer: '3', format: 'pdf' });
    const text = pdfText(file.body as Uint8Array);
    expect(text).toContain('ニーズと地域資源の対比');
    expect(text).toContain('峰野地区');
    expect(text).toContain('空白');
  });
});
