import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInTokyo } from '../../../domain/dates';
import { auditLog } from '../../core/audit.tables';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { pdfText, requirePoppler } from '../print/pdf-text.testing';
import { exportStatement } from './balances.service';
import { exportYearEnd } from './year-end.service';

const T = '372013';
const OTHER = '131016';
let t: TestApp;
let staff: TestClient;
let sc1: TestClient;
let sc2: TestClient;
let council: TestClient;
let outsider: TestClient;
let north: { id: string };
let central: { id: string };
let scheme: { id: string; version: number };
let hanako: string; // lives in 峰野 (北部圏域, the 第2層 SC's area)
let taro: string; // lives in 本町 (中央圏域)
let foreign: string; // a helper of another town
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
  await t.f.buildArea(T, { name: '本町地区', parentId: central.id, layer: 3, townNames: ['本町'] });
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'insurer_staff' })).email);
  sc1 = t.client();
  await sc1.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  sc2 = t.client();
  await sc2.login((await t.f.buildUser({ tenant: T, role: 'sc2', areaIds: [north.id] })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);
  outsider = t.client();
  await outsider.login((await t.f.buildUser({ tenant: OTHER, role: 'insurer_staff' })).email);

  const h = (name: string, kana: string, townName: string) =>
    staff.post(`${base}/helpers`, { name, kana, townName, consent: { on: today() } });
  hanako = (await h('山田 花子', 'やまだ はなこ', '峰野')).body.id;
  taro = (await h('本町 太郎', 'ほんまち たろう', '本町')).body.id;
  foreign = (await outsider.post(`/api/t/${OTHER}/helpers`, { name: '他町 次郎', consent: { on: today() } }))
    .body.id;
});
afterAll(() => t.close());

const schemeBody = (over: Record<string, unknown> = {}) => ({
  name: 'ささえ町いきいきポイント',
  pointsPerHour: 100,
  activityKinds: [
    { code: 'salon', label: 'サロンのお手伝い', points: 100 },
    { code: 'mimamori', label: '見守り訪問', points: 50 },
    { code: 'event', label: '行事の運営', points: 300 },
  ],
  yearlyCap: 5000,
  yenPerPoint: 1,
  redemptionNote: '1ポイント1円で交付金として支払います',
  ...over,
});

const activity = (over: Record<string, unknown> = {}) => ({
  schemeId: scheme.id,
  helperId: hanako,
  on: today(),
  kind: 'salon',
  host: '峰野サロン',
  ...over,
});

async function balanceOf(helperId: string) {
  const res = await staff.get(`${base}/point-schemes/${scheme.id}/balances`);
  return res.body.items.find((i: { helperId: string }) => i.helperId === helperId)?.balance ?? 0;
}

async function ledgerRows() {
  const res = await t.database.db.execute(
    sql`select count(*)::int as n, coalesce(sum(amount), 0)::int as total from point_entries where tenant_id = ${T}`,
  );
  return (res as unknown as { rows: { n: number; total: number }[] }).rows[0]!;
}

describe('the scheme', () => {
  it('is set up by the town: 保険者職員 creates it, a 第2層 SC may not, and a bad one is refused in Japanese', async () => {
    const refused = await sc2.post(`${base}/point-schemes`, schemeBody());
    expect(refused.status).toBe(403);
    const none = await staff.post(
      `${base}/point-schemes`,
      schemeBody({ pointsPerHour: null, activityKinds: [] }),
    );
    expect(none.status).toBe(422);
    expect(none.body.error.fields[0].path).toBe('pointsPerHour');
    const twice = await staff.post(
      `${base}/point-schemes`,
      schemeBody({
        activityKinds: [
          { code: 'a', label: 'サロン', points: 100 },
          { code: 'b', label: 'サロン', points: 50 },
        ],
      }),
    );
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toContain('名前が重なっています');
    const negative = await staff.post(`${base}/point-schemes`, schemeBody({ yearlyCap: -1 }));
    expect(negative.status).toBe(422);
    expect(negative.body.error.fields[0].message).toContain('年間の上限');
    const created = await staff.post(`${base}/point-schemes`, schemeBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    scheme = created.body;
    const list = await council.get(`${base}/point-schemes`);
    expect(list.body.schemes.map((s: { name: string }) => s.name)).toEqual(['ささえ町いきいきポイント']);
    expect(list.body).toMatchObject({ canManage: false, canSeeMembers: false });
  });

  it('detects a second editor: the later save gets 409 and the current settings', async () => {
    const first = await staff.patch(`${base}/point-schemes/${scheme.id}`, {
      ...schemeBody(),
      redemptionNote: '一人目',
      version: scheme.version,
    });
    expect(first.status).toBe(200);
    const second = await sc1.patch(`${base}/point-schemes/${scheme.id}`, {
      ...schemeBody(),
      redemptionNote: '二人目',
      version: scheme.version,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.current.redemptionNote).toBe('一人目');
    scheme = first.body;
  });
});

describe('activities recorded by staff for a member', () => {
  it('are 未確認 until an SC confirms them; confirming posts the points and the balance shows them', async () => {
    const rec = await sc2.post(`${base}/point-activities`, activity());
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    expect(rec.body.activity).toMatchObject({
      status: 'pending',
      requestedPoints: 100,
      awardedPoints: null,
      kindLabel: 'サロンのお手伝い',
      helperName: '山田 花子',
    });
    expect(await balanceOf(hanako)).toBe(0);
    const queue = await sc2.get(`${base}/point-activities?status=pending`);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(rec.body.activity.id);
    const ok = await sc2.post(`${base}/point-activities/${rec.body.activity.id}/confirm`, {
      version: rec.body.activity.version,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ activity: { status: 'confirmed', awardedPoints: 100 }, message: null });
    expect(await balanceOf(hanako)).toBe(100);
    const again = await sc2.post(`${base}/point-activities/${rec.body.activity.id}/confirm`, {
      version: ok.body.activity.version,
    });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toContain('すでに「確認済み」');
    expect(await balanceOf(hanako)).toBe(100);
  });

  it('pays time at the hourly rate, and comes confirmed when the host group signed it', async () => {
    const rec = await staff.post(
      `${base}/point-activities`,
      activity({ kind: null, minutes: 90, hostConfirmation: { by: '峰野サロン 代表 佐藤', on: today() } }),
    );
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    expect(rec.body.activity).toMatchObject({
      status: 'confirmed',
      awardedPoints: 150,
      hostConfirmedBy: '峰野サロン 代表 佐藤',
      hostConfirmedOn: today(),
    });
    expect(rec.body.activity.confirmedBy).toContain('受け入れ先の確認：峰野サロン 代表 佐藤');
    expect(await balanceOf(hanako)).toBe(250);
  });

  it('refuses what cannot be: a future day, a kind the scheme lacks, neither kind nor time', async () => {
    const before = await ledgerRows();
    const future = await staff.post(`${base}/point-activities`, activity({ on: '2099-01-01' }));
    expect(future.status).toBe(422);
    expect(future.body.error.fields[0]).toMatchObject({ path: 'on' });
    const kind = await staff.post(`${base}/point-activities`, activity({ kind: 'golf' }));
    expect(kind.body.error.fields[0]).toMatchObject({
      path: 'kind',
      message: '活動の種類：この制度にない種類です。',
    });
    const nothing = await staff.post(`${base}/point-activities`, activity({ kind: null, minutes: null }));
    expect(nothing.body.error.message).toBe('活動の種類か活動した時間を入力してください。');
    expect(await ledgerRows()).toEqual(before);
  });

  it('a 第2層 SC records only for members of her areas; another town’s member is not found', async () => {
    const outside = await sc2.post(`${base}/point-activities`, activity({ helperId: taro }));
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('担当の地域の外');
    const theirs = await staff.post(`${base}/point-activities`, activity({ helperId: foreign }));
    expect(theirs.status).toBe(422);
    expect(theirs.body.error.message).toBe('会員（担い手）：見つかりません。');
    const otherScheme = await outsider.post(
      `/api/t/${OTHER}/point-activities`,
      activity({ helperId: foreign }),
    );
    expect(otherScheme.status).toBe(422);
    expect(otherScheme.body.error.message).toBe('制度：見つかりません。');
    expect((await outsider.get(`/api/t/${OTHER}/point-schemes/${scheme.id}/balances`)).status).toBe(404);
    expect((await outsider.get(`${base}/point-schemes/${scheme.id}/balances`)).status).toBe(404);
  });

  it('a pending record can be corrected once (409 for the second editor) or returned with a reason', async () => {
    const rec = (await staff.post(`${base}/point-activities`, activity({ helperId: taro, kind: 'mimamori' })))
      .body.activity;
    const edit = await staff.patch(`${base}/point-activities/${rec.id}`, {
      ...activity({ helperId: taro, kind: 'event' }),
      version: rec.version,
    });
    expect(edit.status).toBe(200);
    expect(edit.body.requestedPoints).toBe(300);
    const stale = await sc1.patch(`${base}/point-activities/${rec.id}`, {
      ...activity({ helperId: taro, kind: 'salon' }),
      version: rec.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.requestedPoints).toBe(300);
    const back = await sc1.post(`${base}/point-activities/${rec.id}/return`, {
      version: edit.body.version,
      reason: '日付が違う',
    });
    expect(back.body).toMatchObject({
      status: 'returned',
      returnedReason: '日付が違う',
      awardedPoints: null,
    });
    expect(await balanceOf(taro)).toBe(0);
  });

  it('records a form sent twice only once', async () => {
    const clientId = crypto.randomUUID();
    const a = await staff.post(`${base}/point-activities`, activity({ helperId: taro, clientId }));
    const b = await staff.post(`${base}/point-activities`, activity({ helperId: taro, clientId }));
    expect(b.body.activity.id).toBe(a.body.activity.id);
  });
});

describe('the yearly cap', () => {
  it('awards only up to the cap, says so, and keeps the full record', async () => {
    const capped = (
      await staff.post(`${base}/point-schemes`, schemeBody({ name: '上限の試し', yearlyCap: 400 }))
    ).body;
    const post = (kind: string) =>
      staff.post(`${base}/point-activities`, {
        ...activity({ schemeId: capped.id, kind }),
        hostConfirmation: { by: '受付', on: today() },
      });
    expect((await post('salon')).body.activity.awardedPoints).toBe(100);
    const cut = await post('event');
    expect(cut.body.activity).toMatchObject({ requestedPoints: 300, awardedPoints: 300 });
    const over = await post('event');
    expect(over.body.activity).toMatchObject({ requestedPoints: 300, awardedPoints: 0, status: 'confirmed' });
    expect(over.body.message).toContain('年間上限 400 ポイントに達しているため');
    const statement = await staff.get(`${base}/point-schemes/${capped.id}/members/${hanako}/statement`);
    expect(statement.body.closing).toBe(400);
  });

  it('says 「300 ポイントのうち 100 ポイントを付けました」 when the cap cuts an award in part', async () => {
    const capped = (
      await staff.post(`${base}/point-schemes`, schemeBody({ name: '上限5000', yearlyCap: 5000 }))
    ).body;
    for (let i = 0; i < 16; i++)
      await staff.post(`${base}/point-activities`, {
        ...activity({ schemeId: capped.id, kind: 'event' }),
        hostConfirmation: { by: '受付', on: today() },
      });
    await staff.post(`${base}/point-activities`, {
      ...activity({ schemeId: capped.id, kind: 'salon' }),
      hostConfirmation: { by: '受付', on: today() },
    });
    const res = await staff.post(`${base}/point-activities`, {
      ...activity({ schemeId: capped.id, kind: 'event' }),
      hostConfirmation: { by: '受付', on: today() },
    });
    expect(res.body.message).toBe(
      '年間上限 5,000 ポイントに達したため 300 ポイントのうち 100 ポイントを付けました。',
    );
    expect(res.body.activity).toMatchObject({ requestedPoints: 300, awardedPoints: 100 });
    expect(res.body.activity.capNote).toBe(res.body.message);
  });
});

describe('redemption and corrections', () => {
  it('refuses a redemption above the balance in Japanese and changes nothing', async () => {
    const before = await ledgerRows();
    const balance = await balanceOf(hanako);
    const res = await sc2.post(`${base}/point-schemes/${scheme.id}/members/${hanako}/redemptions`, {
      points: balance + 1,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toEqual({
      path: 'points',
      message: `交換するポイント：山田 花子さんの残高は ${balance.toLocaleString('ja-JP')} ポイントです。残高より多くは交換できません。`,
    });
    expect(await ledgerRows()).toEqual(before);
    expect(await balanceOf(hanako)).toBe(balance);
  });

  it('redeems within the balance, and the statement runs the balance line by line', async () => {
    const res = await sc2.post(`${base}/point-schemes/${scheme.id}/members/${hanako}/redemptions`, {
      points: 50,
      note: '商品券',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.balance).toBe(200);
    const s = (await sc2.get(`${base}/point-schemes/${scheme.id}/members/${hanako}/statement`)).body;
    expect(s.lines.map((l: { amount: number; balance: number }) => [l.amount, l.balance])).toEqual([
      [100, 100],
      [150, 250],
      [-50, 200],
    ]);
    expect(s.lines[2].description).toBe('ポイント交換（50円）：商品券');
    expect(s).toMatchObject({
      opening: 0,
      closing: 200,
      balanceNow: 200,
      earnedThisYear: 250,
      redeemedThisYear: 50,
    });
  });

  it('corrects by a new transaction linked to the original, in part or whole, never below zero', async () => {
    const s = (await staff.get(`${base}/point-schemes/${scheme.id}/members/${hanako}/statement`)).body;
    const timed = s.lines.find((l: { amount: number }) => l.amount === 150);
    const part = await staff.post(`${base}/point-transactions/${timed.transactionId}/corrections`, {
      points: 50,
      reason: '時間の記入違い（1時間）',
    });
    expect(part.status, JSON.stringify(part.body)).toBe(201);
    expect(part.body.balance).toBe(150);
    const tooMuch = await staff.post(`${base}/point-transactions/${timed.transactionId}/corrections`, {
      points: 101,
      reason: 'x',
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.message).toContain('あと 100 ポイント');
    const after = (await staff.get(`${base}/point-schemes/${scheme.id}/members/${hanako}/statement`)).body;
    const correction = after.lines.at(-1);
    expect(correction).toMatchObject({
      kind: 'correction',
      amount: -50,
      reverses: timed.transactionId,
      balance: 150,
    });
    expect(correction.description).toContain('訂正：時間の記入違い（1時間）');
    expect(
      after.lines.find((l: { transactionId: string }) => l.transactionId === timed.transactionId),
    ).toMatchObject({
      amount: 150,
      correctable: 100,
    });
    const ofCorrection = await staff.post(
      `${base}/point-transactions/${correction.transactionId}/corrections`,
      {
        points: 1,
        reason: 'x',
      },
    );
    expect(ofCorrection.status).toBe(422);
    // Redeem everything, then taking back an award would leave a debt: refused.
    await staff.post(`${base}/point-schemes/${scheme.id}/members/${hanako}/redemptions`, { points: 150 });
    const negative = await staff.post(`${base}/point-transactions/${timed.transactionId}/corrections`, {
      points: 100,
      reason: 'x',
    });
    expect(negative.status).toBe(422);
    expect(negative.body.error.message).toContain('残高がマイナスになります');
    expect(await balanceOf(hanako)).toBe(0);
  });

  it('writes the changes and the reads of names to the audit log', async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, T), eq(auditLog.entity, 'point_transaction')));
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['redeem', 'correct']));
    const reads = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'point_statement'), eq(auditLog.entityId, hanako)));
    expect(reads.length).toBeGreaterThan(0);
  });
});

describe('who sees what', () => {
  it('協議体委員 see totals without names; names are refused', async () => {
    const sum = await council.get(`${base}/point-schemes/${scheme.id}/summary`);
    expect(sum.status).toBe(200);
    expect(sum.body).toMatchObject({ ledgerTotal: 0 });
    expect(sum.body.awarded).toBe(200);
    expect(JSON.stringify(sum.body)).not.toContain('山田');
    const names = await council.get(`${base}/point-schemes/${scheme.id}/balances`);
    expect(names.status).toBe(403);
    expect(JSON.stringify(names.body)).not.toContain('山田');
    expect((await council.get(`${base}/point-activities`)).status).toBe(403);
    expect((await council.get(`${base}/point-schemes/${scheme.id}/members/${hanako}/statement`)).status).toBe(
      403,
    );
    expect((await outsider.get(`${base}/point-schemes/${scheme.id}/summary`)).status).toBe(404);
  });

  it('a 第2層 SC sees every member but redeems only for hers; another town’s member id is 404', async () => {
    const list = await sc2.get(`${base}/point-schemes/${scheme.id}/balances`);
    const taroRow = list.body.items.find((i: { helperId: string }) => i.helperId === taro);
    expect(taroRow.canChange).toBe(false);
    const redeem = await sc2.post(`${base}/point-schemes/${scheme.id}/members/${taro}/redemptions`, {
      points: 1,
    });
    expect(redeem.status).toBe(403);
    expect((await staff.get(`${base}/point-schemes/${scheme.id}/members/${foreign}/statement`)).status).toBe(
      404,
    );
  });
});

describe('year-end redemption', () => {
  let fresh: { id: string };
  let members: string[];

  beforeAll(async () => {
    fresh = (
      await staff.post(
        `${base}/point-schemes`,
        schemeBody({ name: '年度末の試し', yearlyRedemptionCap: 300 }),
      )
    ).body;
    members = [hanako, taro];
    for (const [i, helperId] of members.entries())
      for (let k = 0; k <= i + 1; k++)
        await staff.post(`${base}/point-activities`, {
          ...activity({ schemeId: fresh.id, helperId, kind: 'event' }),
          hostConfirmation: { by: '受付', on: today() },
        });
  });

  it('previews every member’s redeemable points within the yearly redemption cap, then posts them all', async () => {
    const fy = 2026;
    const preview = await staff.get(`${base}/point-schemes/${fresh.id}/year-end?fy=${fy}`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.posted).toBeNull();
    expect(
      preview.body.rows.map((r: { name: string; points: number; yen: number }) => [r.name, r.points, r.yen]),
    ).toEqual([
      ['本町 太郎', 300, 300],
      ['山田 花子', 300, 300],
    ]);
    expect(preview.body.totalPoints).toBe(600);
    expect(
      (await sc2.post(`${base}/point-schemes/${fresh.id}/year-end`, { fiscalYear: fy, expectedPoints: 600 }))
        .status,
    ).toBe(403);
    const stale = await staff.post(`${base}/point-schemes/${fresh.id}/year-end`, {
      fiscalYear: fy,
      expectedPoints: 500,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.totalPoints).toBe(600);
    const posted = await staff.post(`${base}/point-schemes/${fresh.id}/year-end`, {
      fiscalYear: fy,
      expectedPoints: 600,
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect(posted.body.posted).toMatchObject({ members: 2, points: 600 });
    const s = (await staff.get(`${base}/point-schemes/${fresh.id}/members/${taro}/statement`)).body;
    expect(s.lines.at(-1)).toMatchObject({ kind: 'year_end', amount: -300, balance: 600 });
    const twice = await staff.post(`${base}/point-schemes/${fresh.id}/year-end`, {
      fiscalYear: fy,
      expectedPoints: 0,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toContain('記録済み');
    const future = await staff.get(`${base}/point-schemes/${fresh.id}/year-end?fy=${fy + 1}`);
    expect(future.status).toBe(422);
  });

  it('downloads the payment list as xlsx: 氏名・ポイント・金額 and the total', async () => {
    const res = await staff.get(`${base}/point-schemes/${fresh.id}/year-end/export?fy=2026`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('point-year-end-2026.xlsx');
    const file = await exportYearEnd(t.f.inTenant(T), fresh.id, 2026);
    const bytes = file.body;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]![0]).toContain('年度末の交換　支払い一覧');
    expect(rows).toContainEqual([1, '本町 太郎', 'ほんまち たろう', 300, 300]);
    expect(rows.at(-1)).toEqual(['', '合計', '2人', 600, 600]);
  });

  it('prints a member statement as PDF in Japanese', async () => {
    if (!requirePoppler()) return;
    const res = await staff.get(
      `${base}/point-schemes/${fresh.id}/members/${taro}/statement/export?format=pdf`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = await exportStatement(t.f.inTenant(T), fresh.id, taro, { format: 'pdf' });
    const text = pdfText(file.body);
    expect(text).toContain('本町 太郎 様');
    expect(text).toContain('年度末の交換');
  });
});

describe('the ledger in the database', () => {
  it('refuses to change or delete what was posted, and an unbalanced transaction at commit', async () => {
    const db = t.database.db;
    await expect(db.execute(sql`update point_entries set amount = amount + 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from point_transactions`)).rejects.toThrow();
    await expect(db.execute(sql`delete from point_accounts`)).rejects.toThrow();
    const [acc] = (
      (await db.execute(
        sql`select id, scheme_id from point_accounts where tenant_id = ${T} and kind = 'issuance' limit 1`,
      )) as unknown as { rows: { id: string; scheme_id: string }[] }
    ).rows;
    const id = crypto.randomUUID();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into point_transactions (tenant_id, id, scheme_id, kind, "on", fiscal_year, description, helper_id, recorded_by, recorded_at)
          values (${T}, ${id}, ${acc!.scheme_id}, 'activity', '2026-11-01', 2026, 'x', ${hanako}, 'x', now())`);
        await tx.execute(sql`insert into point_entries (tenant_id, transaction_id, line, account_id, amount)
          values (${T}, ${id}, 0, ${acc!.id}, 5), (${T}, ${id}, 1, ${acc!.id}, -4)`);
      }),
    ).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`insert into point_transactions (tenant_id, id, scheme_id, kind, "on", fiscal_year, description, helper_id, recorded_by, recorded_at)
          values (${T}, ${id}, ${acc!.scheme_id}, 'activity', '2026-11-01', 2026, 'x', ${hanako}, 'x', now())`);
      }),
    ).rejects.toThrow();
    const { total } = await ledgerRows();
    expect(total).toBe(0);
  });
});
