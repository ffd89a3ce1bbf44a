import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInTokyo } from '../../../domain/dates';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { pdfText, requirePoppler } from '../print/pdf-text.testing';
import { exportCompletions } from './courses.service';

const T = '372013';
const OTHER = '131016';
let t: TestApp;
let staff: TestClient;
let sc2: TestClient;
let council: TestClient;
let outsider: TestClient;
let north: { id: string };
let central: { id: string };
let hanako: string;
const base = `/api/t/${T}`;
const today = () => todayInTokyo(t.clock.now());

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  await t.f.buildTenant(OTHER);
  const root = await t.f.rootArea(T);
  north = await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 });
  central = await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 });
  await t.f.buildArea(T, { name: '峰野地区', parentId: north.id, layer: 3, townNames: ['峰野'] });
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  sc2 = t.client();
  await sc2.login((await t.f.buildUser({ tenant: T, role: 'sc2', areaIds: [north.id] })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);
  outsider = t.client();
  await outsider.login((await t.f.buildUser({ tenant: OTHER, role: 'insurer_staff' })).email);
  hanako = (
    await staff.post(`${base}/helpers`, {
      name: '山田 花子',
      kana: 'やまだ はなこ',
      townName: '峰野',
      consent: { on: today() },
    })
  ).body.id;
});
afterAll(() => t.close());

const course = (over: Record<string, unknown> = {}) => ({
  kind: 'seikatsu-supporter',
  title: '生活支援サポーター養成講座（全3回）',
  fiscalYear: 2026,
  place: '北部コミュニティセンター',
  capacity: 20,
  areaId: north.id,
  ...over,
});

describe('a course of three sessions', () => {
  let d: any;

  it('is set up with its sessions, in date order', async () => {
    const created = await sc2.post(`${base}/courses`, course());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    d = created.body;
    for (const [i, days] of [14, 21, 7].entries()) {
      const res = await sc2.post(`${base}/courses/${d.course.id}/sessions`, {
        version: d.course.version,
        on: addDays(today(), -days),
        startsAt: '10:00',
        endsAt: '12:00',
        content: `第${i + 1}回の内容`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      d = res.body;
    }
    expect(d.sessions.map((s: { on: string; number: number }) => [s.number, s.on])).toEqual([
      [1, addDays(today(), -21)],
      [2, addDays(today(), -14)],
      [3, addDays(today(), -7)],
    ]);
    const bad = await sc2.post(`${base}/courses/${d.course.id}/sessions`, {
      version: d.course.version,
      on: today(),
      startsAt: '12:00',
      endsAt: '10:00',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe('終了時刻：開始時刻より後にしてください。');
  });

  it('takes a registered helper and someone not yet registered (name and phone)', async () => {
    let res = await sc2.post(`${base}/courses/${d.course.id}/participants`, {
      version: d.course.version,
      helperId: hanako,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    res = await sc2.post(`${base}/courses/${res.body.course.id}/participants`, {
      version: res.body.course.version,
      name: '川上 一郎',
      kana: 'かわかみ いちろう',
      phone: '0126-55-0000',
    });
    d = res.body;
    expect(
      d.participants.map((p: { name: string; helperId: string | null }) => [p.name, Boolean(p.helperId)]),
    ).toEqual([
      ['川上 一郎', false],
      ['山田 花子', true],
    ]);
    const twice = await sc2.post(`${base}/courses/${d.course.id}/participants`, {
      version: d.course.version,
      helperId: hanako,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toContain('すでに受講者');
    const nobody = await sc2.post(`${base}/courses/${d.course.id}/participants`, {
      version: d.course.version,
    });
    expect(nobody.body.error.fields[0].path).toBe('name');
  });

  it('completes those who attended every session: certificate numbers, and the training in the helper’s record', async () => {
    const everyone = d.participants.map((p: { id: string }) => p.id);
    const ichiro = d.participants.find((p: { name: string }) => p.name === '川上 一郎').id;
    const tick = async (session: number, ids: string[]) => {
      const res = await sc2.put(
        `${base}/courses/${d.course.id}/sessions/${d.sessions[session].id}/attendance`,
        {
          version: d.course.version,
          participantIds: ids,
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      d = res.body;
    };
    await tick(0, everyone);
    await tick(1, everyone);
    expect(d.participants.every((p: { completed: boolean }) => !p.completed)).toBe(true);
    await tick(2, [hanako && d.participants.find((p: { helperId: string }) => p.helperId === hanako).id]);
    const h = d.participants.find((p: { helperId: string }) => p.helperId === hanako);
    expect(h).toMatchObject({
      completed: true,
      certificateNo: 1,
      completedOn: addDays(today(), -7),
      trainingRecorded: true,
    });
    const record = (await staff.get(`${base}/helpers/${hanako}`)).body.helper;
    expect(record.trainings).toEqual([
      expect.objectContaining({
        kindLabel: '生活支援サポーター養成講座',
        title: '生活支援サポーター養成講座（全3回）',
        completedOn: addDays(today(), -7),
      }),
    ]);
    // 一郎 comes to the third session too (late entry): he completes as 第2号, not yet a helper.
    await tick(2, everyone);
    expect(d.participants.find((p: { id: string }) => p.id === ichiro)).toMatchObject({
      completed: true,
      certificateNo: 2,
      trainingRecorded: false,
    });
    // A tick taken back undoes the completion and the training it wrote.
    await tick(0, [ichiro]);
    expect(d.participants.find((p: { helperId: string }) => p.helperId === hanako).completed).toBe(false);
    expect((await staff.get(`${base}/helpers/${hanako}`)).body.helper.trainings).toEqual([]);
    await tick(0, everyone);
    expect(d.participants.find((p: { helperId: string }) => p.helperId === hanako)).toMatchObject({
      completed: true,
      certificateNo: 3,
    });
    expect((await staff.get(`${base}/helpers/${hanako}`)).body.helper.trainings).toHaveLength(1);
  });

  it('registers a participant as a helper from the list, with the course in the new record', async () => {
    const ichiro = d.participants.find((p: { name: string }) => p.name === '川上 一郎');
    const res = await sc2.post(`${base}/courses/${d.course.id}/participants/${ichiro.id}/helper`, {
      version: d.course.version,
      townName: '峰野',
      consentOn: today(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    d = res.body;
    const now = d.participants.find((p: { id: string }) => p.id === ichiro.id);
    expect(now).toMatchObject({ name: '川上 一郎', trainingRecorded: true, phone: '' });
    const helper = (await staff.get(`${base}/helpers/${now.helperId}`)).body.helper;
    expect(helper).toMatchObject({
      name: '川上 一郎',
      phone: '0126-55-0000',
      homeAreaName: '峰野地区',
      available: true,
    });
    expect(helper.trainings[0].completedOn).toBe(addDays(today(), -7));
  });

  it('refuses attendance for a session not yet held, and a stale version (nothing lost)', async () => {
    const future = await sc2.post(`${base}/courses/${d.course.id}/sessions`, {
      version: d.course.version,
      on: addDays(today(), 7),
    });
    d = future.body;
    // A fourth session not yet held: nobody has completed every session any more.
    expect(d.participants.every((p: { completed: boolean }) => !p.completed)).toBe(true);
    const early = await sc2.put(`${base}/courses/${d.course.id}/sessions/${d.sessions[3].id}/attendance`, {
      version: d.course.version,
      participantIds: [d.participants[0].id],
    });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('まだ開かれていない回');
    const stale = await staff.put(`${base}/courses/${d.course.id}/sessions/${d.sessions[0].id}/attendance`, {
      version: d.course.version - 1,
      participantIds: [],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.sessions[0].attended).toBe(2);
    const removed = await sc2.delete(
      `${base}/courses/${d.course.id}/sessions/${d.sessions[3].id}?version=${d.course.version}`,
    );
    d = removed.body;
    expect(d.participants.every((p: { completed: boolean }) => p.completed)).toBe(true);
  });

  it('lists the 修了者 as xlsx and as a Japanese PDF', async () => {
    const file = await exportCompletions(t.f.inTenant(T), d.course.id, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.body) as never);
    const lines: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => lines.push((r.values as unknown[]).slice(1)));
    expect(lines[0]![0]).toBe('修了者一覧　生活支援サポーター養成講座（全3回）');
    // Both completions were withdrawn by the fourth session and given again when it was removed:
    // numbered anew (enrolled at the same moment here, so by よみがな).
    expect(lines.slice(3).map((l) => [l[0], l[1], l[4]])).toEqual([
      ['第1号', '川上 一郎', '登録済み'],
      ['第2号', '山田 花子', '登録済み'],
    ]);
    const http = await sc2.get(`${base}/courses/${d.course.id}/completions/export?format=pdf`);
    expect(http.status).toBe(200);
    expect(http.headers.get('content-type')).toBe('application/pdf');
    if (!requirePoppler()) return;
    const text = pdfText((await exportCompletions(t.f.inTenant(T), d.course.id, 'pdf')).body);
    expect(text).toContain('修了者一覧');
    expect(text).toContain('山田 花子');
    expect(text).toContain('第2号');
  });
});

describe('who may run courses', () => {
  it('a 第2層 SC runs only the courses of her areas; town-wide ones belong to the town', async () => {
    const townWide = await staff.post(
      `${base}/courses`,
      course({ areaId: null, title: '認知症サポーター養成講座' }),
    );
    expect(townWide.status).toBe(201);
    const c = townWide.body.course;
    expect((await sc2.get(`${base}/courses/${c.id}`)).body.course.canEdit).toBe(false);
    const change = await sc2.post(`${base}/courses/${c.id}/sessions`, { version: c.version, on: today() });
    expect(change.status).toBe(403);
    expect((await sc2.post(`${base}/courses`, course({ areaId: central.id }))).status).toBe(403);
    expect((await sc2.post(`${base}/courses`, course({ areaId: null }))).status).toBe(403);
  });

  it('names no one to a 協議体委員, and nothing to another town', async () => {
    expect((await council.get(`${base}/courses`)).status).toBe(403);
    const mine = (await staff.get(`${base}/courses`)).body.items[0];
    expect((await outsider.get(`${base}/courses/${mine.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/t/${OTHER}/courses/${mine.id}`)).status).toBe(404);
    const foreign = (await outsider.post(`/api/t/${OTHER}/helpers`, { name: '他町 次郎' })).body.id;
    const res = await staff.post(`${base}/courses/${mine.id}/participants`, {
      version: mine.version,
      helperId: foreign,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('担い手：見つかりません。');
  });
});
