import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInTokyo } from '../../../domain/dates';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { referralEvents, referrals } from './matching.tables';
import { exportReferralStats } from './stats.service';

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
let kawakami: { id: string };
let honmachi: { id: string };
let ids: Record<string, string> = {};
const base = `/api/t/${T}`;
const today = () => todayInTokyo(t.clock.now());
const DAY = 86_400_000;
let emails: Record<'staff' | 'sc2' | 'council' | 'outsider', string>;

async function signIn() {
  // New browsers, as after days away (an expired cookie would be cleared on the way in).
  staff = t.client();
  sc2 = t.client();
  council = t.client();
  outsider = t.client();
  await staff.login(emails.staff);
  await sc2.login(emails.sc2);
  await council.login(emails.council);
  await outsider.login(emails.outsider);
}

/** Days pass: sessions end (at most a week), so everyone signs in again, as they would. */
async function later(days: number) {
  t.clock.advance(days * DAY);
  await signIn();
}

async function resource(client: TestClient, input: Record<string, unknown>, tenant = T) {
  const res = await client.post(`/api/t/${tenant}/resources`, {
    kind: 'formal',
    ...input,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

async function helper(input: Record<string, unknown>) {
  const res = await staff.post(`${base}/helpers`, {
    skills: ['kaimono-daikou'],
    consent: { on: today() },
    ...input,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  await t.f.buildTenant(OTHER);
  const root = await t.f.rootArea(T);
  north = await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 });
  central = await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 });
  mineno = await t.f.buildArea(T, { name: '峰野地区', parentId: north.id, layer: 3, townNames: ['峰野'] });
  kawakami = await t.f.buildArea(T, { name: '川上地区', parentId: north.id, layer: 3, townNames: ['川上'] });
  honmachi = await t.f.buildArea(T, {
    name: '本町地区',
    parentId: central.id,
    layer: 3,
    townNames: ['本町'],
  });
  emails = {
    staff: (await t.f.buildUser({ tenant: T, role: 'sc1' })).email,
    sc2: (await t.f.buildUser({ tenant: T, role: 'sc2', areaIds: [north.id] })).email,
    council: (await t.f.buildUser({ tenant: T, role: 'council_member' })).email,
    outsider: (await t.f.buildUser({ tenant: OTHER, role: 'insurer_staff' })).email,
  };
  await signIn();

  const place = (name: string, areaId: string) => ({ name, areaId });
  ids = {
    minenoShop: await resource(staff, {
      name: '峰野 移動販売の停留所',
      categories: ['idou-hanbai'],
      schedules: [{ text: '毎週木曜日 10:00～10:30' }],
      location: place('峰野公民館前', mineno.id),
      phones: [{ number: '0126-50-3333' }],
    }),
    honmachiShop: await resource(staff, {
      name: '本町 移動販売の停留所',
      categories: ['idou-hanbai'],
      schedules: [{ text: '毎週木曜日 11:00～11:30' }],
      location: place('本町公民館前', honmachi.id),
    }),
    minenoSalon: await resource(staff, {
      name: '峰野ふれあいサロン',
      kind: 'informal',
      categories: ['ibasho'],
      schedules: [{ text: '毎月第2水曜日 10時～12時' }],
      location: place('峰野会館', mineno.id),
      capacity: 20,
    }),
    otherTown: await resource(outsider, { name: '他の町の移動販売', categories: ['idou-hanbai'] }, OTHER),
    neighbour: await helper({ name: '近所 さん', kana: 'きんじょ', townName: '峰野', weekdays: [4] }),
    farHelper: await helper({ name: '本町 さん', kana: 'ほんまち', townName: '本町' }),
    withdrawn: await helper({
      name: '取下げ さん',
      kana: 'とりさげ',
      townName: '峰野',
      consent: { on: addDays(today(), -30), withdrawnOn: today() },
    }),
  };
  const resident = await staff.post(`${base}/residents`, {
    name: '峰野 ハル',
    kana: 'みねの はる',
    birthDate: '1940-05-01',
    townName: '峰野',
    household: 'alone',
  });
  ids.resident = resident.body.id;
  const need = await sc2.post(`${base}/needs`, {
    category: 'kaimono',
    areaId: mineno.id,
    source: 'salon',
    residentId: ids.resident,
    summary: '買い物に行けない',
  });
  ids.need = need.body.id;
});
afterAll(() => t.close());

describe('suggestions for a need', () => {
  it('puts the Thursday 移動販売 of the same 地区 first, the neighbour helper too, each with its reasons', async () => {
    const res = await sc2.get(`${base}/needs/${ids.need}/suggestions`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const first = res.body.resources[0];
    expect(first.name).toBe('峰野 移動販売の停留所');
    expect(first.reasons.map((r: { text: string }) => r.text)).toEqual(
      expect.arrayContaining(['同じ地区（峰野地区）', '木曜開催', '無料', '買い物支援の一つ（移動販売）']),
    );
    expect(first.detail).toContain('峰野公民館前');
    expect(first.detail).toContain('0126-50-3333');
    expect(res.body.resources.map((s: { name: string }) => s.name)).not.toContain('他の町の移動販売');
    const helpers = res.body.helpers.map((s: { name: string }) => s.name);
    expect(helpers[0]).toBe('近所 さん');
    expect(res.body.helpers[0].reasons.map((r: { text: string }) => r.text)).toContain(
      '同じ地区に住んでいます（峰野地区）',
    );
    expect(helpers).toContain('本町 さん');
    expect(helpers).not.toContain('取下げ さん');
  });

  it('puts what fits the person’s days first when she can only go on Mondays', async () => {
    const monday = await resource(staff, {
      name: '北部の月曜買物バス',
      categories: ['kaimono-bus'],
      schedules: [{ text: '毎週月曜日 9:00～12:00' }],
      areaIds: [north.id],
    });
    const res = await sc2.get(`${base}/needs/${ids.need}/suggestions?days=1`);
    expect(res.body.resources[0].id).toBe(monday);
    expect(res.body.resources[0].reasons.map((r: { text: string }) => r.text)).toContain(
      '月曜開催（ご都合の曜日）',
    );
  });

  it('refuses bad days in Japanese', async () => {
    const res = await sc2.get(`${base}/needs/${ids.need}/suggestions?days=8`);
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0].message).toContain('曜日');
  });
});

describe('suggestions follow what was just written', () => {
  const suggested = async () => {
    const res = await sc2.get(`${base}/needs/${ids.need}/suggestions`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as {
      resources: { id: string; reasons: { text: string }[] }[];
      helpers: { id: string }[];
    };
  };

  it('shows a new resource at once, marks it paused at once, and drops it when ended by SQL', async () => {
    await suggested(); // the town's candidates are now held in memory
    const input = {
      name: '川上 買物バス',
      categories: ['idou-hanbai'],
      location: { name: '川上集会所', areaId: kawakami.id },
    };
    const id = await resource(staff, input);
    expect((await suggested()).resources.map((r) => r.id)).toContain(id);

    const cur = await staff.get(`${base}/resources/${id}`);
    const paused = await staff.put(`${base}/resources/${id}`, {
      kind: 'formal',
      ...input,
      status: 'temporarily closed',
      version: cur.body.version,
    });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    const shown = (await suggested()).resources.find((r) => r.id === id);
    expect(shown?.reasons.map((r) => r.text)).toContain('一時休止中');

    // Written around the services (as another process or a hand-run fix would): still followed.
    await t.database.db.execute(sql`update services set status = 'ended' where id = ${id}`);
    expect((await suggested()).resources.map((r) => r.id)).not.toContain(id);
  });

  it('shows a new helper at once, and not once they withdraw their consent', async () => {
    const input = {
      name: '川上 新人',
      kana: 'かわかみ しんじん',
      townName: '川上',
      skills: ['kaimono-daikou'],
    };
    const id = await helper(input);
    expect((await suggested()).helpers.map((h) => h.id)).toContain(id);
    const cur = await staff.get(`${base}/helpers/${id}`);
    const withdrawn = await staff.patch(`${base}/helpers/${id}`, {
      ...input,
      consent: { on: today(), withdrawnOn: today() },
      version: cur.body.helper.version,
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect((await suggested()).helpers.map((h) => h.id)).not.toContain(id);
  });
});

describe('a referral followed to the end', () => {
  let ref: { id: string; version: number };

  it('records the suggestion as 提案 with the SC in charge and a follow-up a week on', async () => {
    const res = await sc2.post(`${base}/referrals`, {
      needId: ids.need,
      targetKind: 'resource',
      targetId: ids.minenoShop,
      reasons: ['同じ地区（峰野地区）', '木曜開催'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'proposed',
      residentName: '峰野 ハル',
      needSummary: '買い物に行けない',
      targetName: '峰野 移動販売の停留所',
      categoryName: '買い物支援',
      areaName: '峰野地区',
      followUpOn: addDays(today(), 7),
      followUpHint: '本人や家族に伝えたか確かめる',
    });
    expect(res.body.scName).toBeTruthy();
    ref = res.body;
    const again = await sc2.post(`${base}/referrals`, {
      needId: ids.need,
      targetKind: 'resource',
      targetId: ids.minenoShop,
    });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toContain('すでにつないでいます');
    const shown = await sc2.get(`${base}/needs/${ids.need}/suggestions`);
    expect(shown.body.resources.find((s: { id: string }) => s.id === ids.minenoShop).referredAs).toBe(
      'proposed',
    );
  });

  it('refuses a jump over steps without a reason, and changes nothing', async () => {
    const res = await sc2.post(`${base}/referrals/${ref.id}/status`, {
      status: 'started',
      version: ref.version,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(
      '「連絡済」「受入確認」を飛ばして「利用開始」にするときは、理由を書いてください。',
    );
    const after = await sc2.get(`${base}/referrals/${ref.id}`);
    expect(after.body.referral).toMatchObject({ status: 'proposed', version: ref.version });
    expect(after.body.events).toHaveLength(1);
  });

  it('shows on 今日の確認 when the day comes, and leaves it when the next step is recorded', async () => {
    const before = await sc2.get(`${base}/today`);

    expect(before.body.due.map((r: { id: string }) => r.id)).not.toContain(ref.id);
    expect(before.body.upcoming.map((r: { id: string }) => r.id)).toContain(ref.id);
    await later(7);
    const due = await sc2.get(`${base}/today`);
    expect(due.body.due.map((r: { id: string }) => r.id)).toContain(ref.id);
    const step = await sc2.post(`${base}/referrals/${ref.id}/status`, {
      status: 'contacted',
      note: 'ご本人に伝えました。木曜に行ってみるとのこと。',
      side: 'resident',
      version: ref.version,
    });
    expect(step.status, JSON.stringify(step.body)).toBe(200);
    expect(step.body.followUpOn).toBe(addDays(today(), 7));
    expect((await sc2.get(`${base}/today`)).body.due.map((r: { id: string }) => r.id)).not.toContain(ref.id);
    ref = step.body;
  });

  it('turns the need into つないだ when the person starts, and the history reads in order', async () => {
    await later(7);
    const accepted = await sc2.post(`${base}/referrals/${ref.id}/status`, {
      status: 'accepted',
      side: 'provider',
      note: '販売員さんが声をかけてくれることに',
      version: ref.version,
    });
    const started = await sc2.post(`${base}/referrals/${ref.id}/status`, {
      status: 'started',
      version: accepted.body.version,
    });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({
      status: 'started',
      startedOn: today(),
      followUpOn: addDays(today(), 14),
    });
    const need = await sc2.get(`${base}/needs/${ids.need}`);
    expect(need.body.need.status).toBe('referred');
    expect(need.body.need.resourceIds).toContain(ids.minenoShop);
    expect(need.body.history.at(-1).note).toContain('峰野 移動販売の停留所');
    const detail = await sc2.get(`${base}/referrals/${ref.id}`);
    expect(detail.body.events.map((e: { toStatus: string | null }) => e.toStatus)).toEqual([
      'proposed',
      'contacted',
      'accepted',
      'started',
    ]);
    expect(detail.body.events.map((e: { side: string }) => e.side)).toEqual([
      'sc',
      'resident',
      'provider',
      'sc',
    ]);
    expect(detail.body.nextStatuses).toEqual(['ongoing', 'ended']);
    const note = await sc2.post(`${base}/referrals/${ref.id}/notes`, {
      side: 'resident',
      note: '毎週楽しみにしているとのこと',
      version: started.body.version,
    });
    expect(note.status).toBe(200);
    const stale = await sc2.post(`${base}/referrals/${ref.id}/notes`, {
      side: 'sc',
      note: '古い画面から',
      version: started.body.version,
    });
    expect(stale.status).toBe(409);
  });

  it('counts it in the outcome statistics, which a 協議体委員 may see without names', async () => {
    const failedOne = await staff.post(`${base}/referrals`, {
      residentId: ids.resident,
      targetKind: 'resource',
      targetId: ids.minenoSalon,
    });
    const noReason = await staff.post(`${base}/referrals/${failedOne.body.id}/status`, {
      status: 'failed',
      version: failedOne.body.version,
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toBe('不成立の理由を選ぶか書いてください。');
    await staff.post(`${base}/referrals/${failedOne.body.id}/status`, {
      status: 'failed',
      reason: '日程・時間が合わなかった',
      version: failedOne.body.version,
    });
    const stats = await council.get(`${base}/referral-stats`);
    expect(stats.status).toBe(200);
    expect(stats.body.total).toMatchObject({
      total: 2,
      established: 1,
      failed: 1,
      rate: 0.5,
      medianDaysToStart: 14,
    });
    expect(stats.body.byCategory.find((c: { label: string }) => c.label === '買い物支援')).toMatchObject({
      established: 1,
      rate: 1,
    });
    expect(stats.body.byArea.map((a: { label: string }) => a.label)).toContain('北部圏域');
    expect(stats.body.failureReasons).toEqual([{ reason: '日程・時間が合わなかった', count: 1 }]);
    expect(JSON.stringify(stats.body)).not.toContain('峰野 ハル');
    expect((await council.get(`${base}/referral-stats/export`)).status).toBe(200);
    const file = await exportReferralStats(t.f.inTenant(T), {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as never);
    const text = wb.worksheets[0]!.getSheetValues().flat().join(' ');
    expect(text).toContain('買い物支援');
    expect(text).toContain('成立率');
  });
});

describe('what is refused, with nothing changed', () => {
  it('a resource of another town, a helper who withdrew consent, an unknown SC', async () => {
    const count = async () => (await t.database.db.select().from(referrals)).length;
    const before = await count();
    const other = await staff.post(`${base}/referrals`, {
      needId: ids.need,
      targetKind: 'resource',
      targetId: ids.otherTown,
    });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toBe('つなぎ先の地域資源：見つかりません。');
    const withdrawn = await staff.post(`${base}/referrals`, {
      needId: ids.need,
      targetKind: 'helper',
      targetId: ids.withdrawn,
    });
    expect(withdrawn.status).toBe(422);
    expect(withdrawn.body.error.message).toContain('同意を取り下げています');
    const nobody = await staff.post(`${base}/referrals`, {
      needId: ids.need,
      targetKind: 'helper',
      targetId: ids.neighbour,
      scUserId: crypto.randomUUID(),
    });
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.fields[0].path).toBe('scUserId');
    const noOne = await staff.post(`${base}/referrals`, { targetKind: 'helper', targetId: ids.neighbour });
    expect(noOne.status).toBe(422);
    expect(await count()).toBe(before);
  });

  it('keeps referrals from those who may not see people, and from other towns', async () => {
    expect((await council.get(`${base}/referrals`)).status).toBe(403);
    expect((await outsider.get(`${base}/referrals`)).status).toBe(404);
    expect((await outsider.get(`${base}/referral-stats`)).status).toBe(404);
    const mine = (await staff.get(`${base}/referrals`)).body.items[0];
    expect((await outsider.get(`/api/t/${OTHER}/referrals/${mine.id}`)).status).toBe(404);
    // A 第2層 SC of 北部圏域 does not see a referral in 本町.
    const honNeed = await staff.post(`${base}/needs`, {
      category: 'kaimono',
      areaId: honmachi.id,
      source: 'counter',
    });
    const honRef = await staff.post(`${base}/referrals`, {
      needId: honNeed.body.id,
      targetKind: 'resource',
      targetId: ids.honmachiShop,
    });
    expect((await sc2.get(`${base}/referrals/${honRef.body.id}`)).status).toBe(404);
    expect((await sc2.get(`${base}/referrals`)).body.items.map((r: { id: string }) => r.id)).not.toContain(
      honRef.body.id,
    );
  });
});

describe('就労的活動', () => {
  it('offers 農作業の手伝い to a person who wants to farm, and lists her for the opening', async () => {
    const op = await staff.post(`${base}/opportunities`, {
      title: '川上農園の収穫の手伝い',
      offeredBy: '川上農園',
      kinds: ['nougyou'],
      areaIds: [kawakami.id],
      weekdays: [2],
      paid: true,
      rewardNote: '1時間800円',
      capacity: 3,
    });
    expect(op.status, JSON.stringify(op.body)).toBe(201);
    const survey = await staff.post(`${base}/surveys`, {
      title: '興味・関心チェックシート',
      instrument: 'interest-checksheet',
      fiscalYear: 2026,
    });
    const answer = await staff.post(`${base}/surveys/${survey.body.id}/responses`, {
      residentId: ids.resident,
      areaId: mineno.id,
      mode: 'interview',
      answeredOn: today(),
      answers: { 'ic.farming': ['wantToDo'], 'ic.exercise': ['interested'] },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const forHer = await staff.get(`${base}/residents/${ids.resident}/suggestions`);
    expect(forHer.status, JSON.stringify(forHer.body)).toBe(200);
    expect(forHer.body.interests).toEqual(expect.arrayContaining([{ label: '畑仕事', mark: 'してみたい' }]));
    const job = forHer.body.forInterests.find((s: { name: string }) => s.name === '川上農園の収穫の手伝い');
    expect(job.reasons.map((r: { text: string }) => r.text)).toEqual(
      expect.arrayContaining([
        '「畑仕事」をしてみたい（興味・関心チェックシート）',
        '報酬あり（1時間800円）',
        '同じ圏域の川上地区',
      ]),
    );
    expect(job.detail).toContain('川上農園');
    const people = await sc2.get(`${base}/opportunities/${op.body.id}/candidates`);
    expect(people.body.residents.map((r: { name: string }) => r.name)).toEqual(['峰野 ハル']);
    const referral = await staff.post(`${base}/referrals`, {
      residentId: ids.resident,
      targetKind: 'opportunity',
      targetId: op.body.id,
    });
    expect(referral.status).toBe(201);
    expect(referral.body.categoryName).toBe('就労的活動');
    const closed = await staff.patch(`${base}/opportunities/${op.body.id}`, {
      ...op.body,
      status: 'closed',
      version: op.body.version,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const late = await staff.post(`${base}/referrals`, {
      needId: ids.need,
      targetKind: 'opportunity',
      targetId: op.body.id,
    });
    expect(late.status).toBe(422);
    expect(late.body.error.message).toContain('募集を終了');
  });
});

describe('erasure on request', () => {
  it('keeps the referrals for the counts, without the person or what was written', async () => {
    const r = (await staff.get(`${base}/residents/${ids.resident}`)).body.resident;
    const erased = await staff.post(`${base}/residents/${ids.resident}/erase`, {
      version: r.version,
      reason: '本人の求め',
    });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    const rows = await t.database.db.select().from(referrals).where(eq(referrals.tenantId, T));
    expect(rows.every((x) => x.residentId !== ids.resident)).toBe(true);
    const notes = await t.database.db
      .select()
      .from(referralEvents)
      .where(and(eq(referralEvents.tenantId, T)));
    expect(notes.map((n) => n.note).join('')).not.toContain('毎週楽しみ');
    expect((await council.get(`${base}/referral-stats`)).body.total.total).toBeGreaterThanOrEqual(2);
  });
});
