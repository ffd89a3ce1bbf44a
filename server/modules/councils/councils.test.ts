import { writeFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { pdfInfo, pdfText, requirePoppler } from '../print/pdf-text.testing';

const T = '372013';
const OTHER = '014257';
const base = `/api/t/${T}`;
let t: TestApp;
let staff: TestClient;
let sc2: TestClient;
let council: TestClient;
let outsider: TestClient;
let ids: {
  root: string;
  north: string;
  central: string;
  mineno: string;
  honmachi: string;
  staffUser: string;
  sc2User: string;
  councilUser: string;
};

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  await t.f.buildTenant(OTHER);
  const root = await t.f.rootArea(T);
  const north = await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 });
  const central = await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 });
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
  const staffUser = await t.f.buildUser({ tenant: T, role: 'insurer_staff' });
  const sc2User = await t.f.buildUser({ tenant: T, role: 'sc2', areaIds: [north.id] });
  const councilUser = await t.f.buildUser({ tenant: T, role: 'council_member' });
  staff = t.client();
  await staff.login(staffUser.email);
  sc2 = t.client();
  await sc2.login(sc2User.email);
  council = t.client();
  await council.login(councilUser.email);
  outsider = t.client();
  await outsider.login((await t.f.buildUser({ tenant: OTHER, role: 'insurer_staff' })).email);
  ids = {
    root: root.id,
    north: north.id,
    central: central.id,
    mineno: mineno.id,
    honmachi: honmachi.id,
    staffUser: staffUser.id,
    sc2User: sc2User.id,
    councilUser: councilUser.id,
  };
});
afterAll(() => t.close());

describe('councils (第1層・第2層) and their seats', () => {
  it('registers a 第1層 council for the whole town and a 第2層 one per 圏域, with the seeds’ agenda template', async () => {
    const first = await staff.post(`${base}/councils`, {
      name: '町全体の支え合い協議体',
      layer: 1,
      areaId: ids.root,
      purpose: 'SCを後押しする',
      scUserId: ids.staffUser,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.agendaTemplate.map((s: { title: string }) => s.title)).toEqual([
      '地域課題の提示',
      'SCから協議体へ諮る',
      '情報・意見交換',
      'SCに託す',
      '総評',
      '次回の日程・宿題',
    ]);
    const wrongLayer = await staff.post(`${base}/councils`, { name: '逆さま', layer: 2, areaId: ids.mineno });
    expect(wrongLayer.status).toBe(422);
    expect(wrongLayer.body.error.message).toContain('第2層より下の地域');
    const layer1NotTown = await staff.post(`${base}/councils`, { name: '部分', layer: 1, areaId: ids.north });
    expect(layer1NotTown.status).toBe(422);
    const councilUserAsSc = await staff.post(`${base}/councils`, {
      name: '担当違い',
      layer: 2,
      areaId: ids.north,
      scUserId: ids.councilUser,
    });
    expect(councilUserAsSc.status).toBe(422);
    expect(councilUserAsSc.body.error.fields[0]).toMatchObject({ path: 'scUserId' });
  });

  it('lets a 第2層 SC run her 圏域’s council and refuses the others', async () => {
    const own = await sc2.post(`${base}/councils`, { name: '北部圏域協議体', layer: 2, areaId: ids.north });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.canEdit).toBe(true);
    const other = await sc2.post(`${base}/councils`, {
      name: '中央圏域協議体',
      layer: 2,
      areaId: ids.central,
    });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('担当の地域の外');
  });

  it('refuses a seat whose term ends before it starts, and one with nobody in it, naming the field', async () => {
    const c = (await staff.post(`${base}/councils`, { name: '任期テスト', layer: 2, areaId: ids.central }))
      .body;
    const p = (await staff.post(`${base}/people`, { name: '川村 一郎', kind: '民生委員・児童委員' })).body;
    const backwards = await staff.post(`${base}/councils/${c.id}/members`, {
      personId: p.id,
      termStart: '2026-04-01',
      termEnd: '2025-03-31',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields[0].path).toBe('termEnd');
    expect(backwards.body.error.message).toContain('任期の終わり');
    const nobody = await staff.post(`${base}/councils/${c.id}/members`, { role: 'member' });
    expect(nobody.status).toBe(422);
    expect(nobody.body.error.message).toContain('委員になる人か主体');
    const ok = await staff.post(`${base}/councils/${c.id}/members`, {
      personId: p.id,
      role: 'vice_chair',
      termStart: '2025-04-01',
      termEnd: '2027-03-31',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      personName: '川村 一郎',
      actorKind: '民生委員・児童委員',
      current: true,
    });
    const detail = await staff.get(`${base}/councils/${c.id}`);
    expect(detail.body.members).toHaveLength(1);
    expect(detail.body.council.memberCount).toBe(1);
  });

  it('refuses to delete a council with history and offers archiving; nothing is lost', async () => {
    const c = (
      await staff.post(`${base}/councils`, { name: '消せない協議体', layer: 2, areaId: ids.central })
    ).body;
    const p = (await staff.post(`${base}/people`, { name: '本町 花子' })).body;
    await staff.post(`${base}/councils/${c.id}/members`, { personId: p.id });
    await staff.post(`${base}/councils/${c.id}/meetings`, { heldOn: '2026-10-01' });
    const del = await staff.delete(`${base}/councils/${c.id}`);
    expect(del.status).toBe(409);
    expect(del.body.error.message).toContain('アーカイブ');
    expect(del.body.error.message).toContain('委員1人・会議1回');
    const still = await staff.get(`${base}/councils/${c.id}`);
    expect(still.body.members).toHaveLength(1);
    expect(still.body.meetings).toHaveLength(1);

    const archived = await staff.post(`${base}/councils/${c.id}/archive`, {
      archived: true,
      version: still.body.council.version,
    });
    expect(archived.body.archived).toBe(true);
    const list = await staff.get(`${base}/councils`);
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const withArchived = await staff.get(`${base}/councils?archived=true`);
    expect(withArchived.body.items.map((x: { id: string }) => x.id)).toContain(c.id);
    const noMore = await staff.post(`${base}/councils/${c.id}/meetings`, { heldOn: '2026-12-01' });
    expect(noMore.status).toBe(422);
    expect((await staff.get(`${base}/councils/${c.id}`)).body.meetings).toHaveLength(1);

    const mistake = (
      await staff.post(`${base}/councils`, { name: '入力ミス', layer: 2, areaId: ids.central })
    ).body;
    expect((await staff.delete(`${base}/councils/${mistake.id}`)).status).toBe(200);
    expect((await staff.get(`${base}/councils/${mistake.id}`)).status).toBe(404);
  });

  it('another tenant’s council is not there: 404 through either path, and no meeting can be added to it', async () => {
    const c = (await staff.post(`${base}/councils`, { name: 'よその協議体', layer: 2, areaId: ids.central }))
      .body;
    expect((await outsider.get(`${base}/councils/${c.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/t/${OTHER}/councils/${c.id}`)).status).toBe(404);
    const meeting = await outsider.post(`/api/t/${OTHER}/councils/${c.id}/meetings`, {
      heldOn: '2026-12-01',
    });
    expect(meeting.status).toBe(404);
    expect(meeting.body.error.message).toContain('協議体が見つかりません');
    expect((await staff.get(`${base}/councils/${c.id}`)).body.meetings).toEqual([]);
  });
});

describe('a meeting from the template, minutes, 託す and 宿題', () => {
  let c: { id: string; version: number };
  let first: any;

  beforeAll(async () => {
    c = (await staff.post(`${base}/councils`, { name: '北部の支え合い会議', layer: 2, areaId: ids.north }))
      .body;
    // 峰野: open needs for a 認知症カフェ and nothing of the kind anywhere → 空白.
    const resident = await staff.post(`${base}/residents`, {
      name: '峰野 ハナ',
      kana: 'みねの はな',
      areaId: ids.mineno,
    });
    await staff.post(`${base}/needs`, {
      category: 'ninchisho-cafe',
      areaId: ids.mineno,
      source: 'salon',
      people: 3,
      residentId: resident.body.id,
      summary: '家族と通える場がない',
    });
  });

  it('prepares the agenda from the template with a 空白 cell as 地域課題', async () => {
    const res = await staff.post(`${base}/councils/${c.id}/meetings`, {
      heldOn: '2026-11-10',
      startsAt: '14:00',
      endsAt: '16:00',
      place: '峰野会館',
      theme: '認知症の人と家族の居場所',
      issue: {
        title: '峰野地区に認知症カフェがない',
        cell: { areaId: ids.mineno, category: 'ninchisho-cafe' },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    first = res.body;
    expect(first.items.map((i: { step: string }) => i.step)).toEqual([
      'issue',
      'consult',
      'exchange',
      'entrust',
      'review',
      'next',
    ]);
    expect(first.items[0]).toMatchObject({
      title: '峰野地区に認知症カフェがない',
      cell: { areaName: '峰野地区', openNeeds: 1, resources: 0, gap: true },
    });
    expect(first.number).toBe(1);
  });

  it('refuses an end time before the start, and a cell of an area that is not this town’s', async () => {
    const late = await staff.post(`${base}/councils/${c.id}/meetings`, {
      heldOn: '2026-11-11',
      startsAt: '16:00',
      endsAt: '14:00',
    });
    expect(late.status).toBe(422);
    expect(late.body.error.fields[0].path).toBe('endsAt');
    const foreign = await staff.post(`${base}/councils/${c.id}/meetings`, {
      heldOn: '2026-11-11',
      issue: { cell: { areaId: crypto.randomUUID(), category: 'kaimono' } },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields[0].path).toBe('issue.cell.areaId');
  });

  it('records minutes with two ideas and one item handed to the SC, which shows in her task list', async () => {
    const exchange = first.items.find((i: { step: string }) => i.step === 'exchange');
    const minutes = await staff.patch(`${base}/meetings/${first.id}/items/${exchange.id}`, {
      step: 'exchange',
      title: exchange.title,
      notes: '寺の本堂が使えるかもしれない、という話が出た。',
      ideas: ['お寺の本堂で月1回のカフェ', '郵便局の待合に案内を置く'],
      version: exchange.version,
    });
    expect(minutes.status, JSON.stringify(minutes.body)).toBe(200);
    expect(minutes.body.ideas).toHaveLength(2);

    const entrust = first.items.find((i: { step: string }) => i.step === 'entrust');
    const noOwner = await staff.post(`${base}/tasks`, {
      title: '住職に本堂の利用を相談する',
      dueOn: '2026-11-24',
      meetingId: first.id,
      agendaItemId: entrust.id,
    });
    expect(noOwner.status).toBe(422);
    expect(noOwner.body.error.fields[0]).toMatchObject({ path: 'ownerUserId' });
    expect(noOwner.body.error.fields[0].message).toContain('担当者');
    const notWorker = await staff.post(`${base}/tasks`, {
      title: '住職に本堂の利用を相談する',
      ownerUserId: ids.councilUser,
      dueOn: '2026-11-24',
      meetingId: first.id,
      agendaItemId: entrust.id,
    });
    expect(notWorker.status).toBe(422);
    const handed = await staff.post(`${base}/tasks`, {
      title: '住職に本堂の利用を相談する',
      ownerUserId: ids.sc2User,
      dueOn: '2026-11-24',
      meetingId: first.id,
      agendaItemId: entrust.id,
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(201);
    expect(handed.body).toMatchObject({ council: { id: c.id }, meeting: { id: first.id } });

    const mine = await sc2.get(`${base}/tasks`);
    expect(mine.body.items.map((x: { title: string }) => x.title)).toEqual(['住職に本堂の利用を相談する']);
    const meeting = await staff.get(`${base}/meetings/${first.id}`);
    expect(meeting.body.items.find((i: { id: string }) => i.id === entrust.id).tasks[0]).toMatchObject({
      title: '住職に本堂の利用を相談する',
      status: 'open',
    });

    const done = await sc2.patch(`${base}/tasks/${handed.body.id}`, {
      title: handed.body.title,
      ownerUserId: ids.sc2User,
      dueOn: handed.body.dueOn,
      status: 'done',
      doneNote: '第2・第4木曜なら使えると返事をもらった',
      version: handed.body.version,
    });
    expect(done.body).toMatchObject({ status: 'done', doneOn: '2026-11-24' });
    expect((await sc2.get(`${base}/tasks`)).body.items).toEqual([]);
    expect((await sc2.get(`${base}/tasks?status=closed`)).body.items).toHaveLength(1);
  });

  it('carries 宿題・継続協議 to the next meeting’s agenda — prepared after, or already prepared', async () => {
    const issue = first.items[0];
    const marked = await staff.patch(`${base}/meetings/${first.id}/items/${issue.id}`, {
      step: 'issue',
      title: issue.title,
      cell: { areaId: ids.mineno, category: 'ninchisho-cafe' },
      carryOver: true,
      homework: '各委員が地区で場所の候補を聞いてくる',
      version: issue.version,
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const early = await staff.patch(`${base}/meetings/${first.id}`, {
      heldOn: '2026-12-01',
      status: 'held',
      version: first.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.error.fields[0].path).toBe('status');
    await staff.patch(`${base}/meetings/${first.id}`, {
      heldOn: first.heldOn,
      startsAt: '14:00',
      endsAt: '16:00',
      place: '峰野会館',
      theme: first.theme,
      status: 'held',
      version: first.version,
    });
    const second = await staff.post(`${base}/councils/${c.id}/meetings`, { heldOn: '2026-12-08' });
    const carried = second.body.items.filter((i: { carriedFrom: unknown }) => i.carriedFrom);
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({
      step: 'exchange',
      title: '【継続】峰野地区に認知症カフェがない',
      description: '各委員が地区で場所の候補を聞いてくる',
      carriedFrom: { meetingId: first.id },
      cell: { areaName: '峰野地区', gap: true },
    });
    expect(second.body.number).toBe(2);

    // A 宿題 marked later reaches the meeting already prepared, once.
    const again = (await staff.get(`${base}/meetings/${first.id}`)).body;
    const consult = again.items.find((i: { step: string }) => i.step === 'consult');
    await staff.patch(`${base}/meetings/${first.id}/items/${consult.id}`, {
      step: 'consult',
      title: '送迎をどうするか',
      carryOver: true,
      homework: '社協の車が使えるか確かめる',
      version: consult.version,
    });
    const next = (await staff.get(`${base}/meetings/${second.body.id}`)).body;
    expect(next.items.filter((i: { title: string }) => i.title === '【継続】送迎をどうするか')).toHaveLength(
      1,
    );
    // Taking the mark off takes it off the next agenda again, while nothing was recorded there.
    const consult2 = (await staff.get(`${base}/meetings/${first.id}`)).body.items.find(
      (i: { id: string }) => i.id === consult.id,
    );
    await staff.patch(`${base}/meetings/${first.id}/items/${consult.id}`, {
      step: 'consult',
      title: '送迎をどうするか',
      carryOver: false,
      version: consult2.version,
    });
    const after = (await staff.get(`${base}/meetings/${second.body.id}`)).body;
    expect(after.items.some((i: { title: string }) => i.title === '【継続】送迎をどうするか')).toBe(false);
    expect(
      after.items.some((i: { title: string }) => i.title === '【継続】峰野地区に認知症カフェがない'),
    ).toBe(true);
  });

  it('keeps the first of two concurrent minute-takers and tells the second, losing nothing', async () => {
    const m = (await staff.get(`${base}/meetings/${first.id}`)).body;
    const review = m.items.find((i: { step: string }) => i.step === 'review');
    const one = await staff.patch(`${base}/meetings/${first.id}/items/${review.id}`, {
      step: 'review',
      title: review.title,
      notes: '一人目の記録',
      version: review.version,
    });
    expect(one.status).toBe(200);
    const two = await sc2.patch(`${base}/meetings/${first.id}/items/${review.id}`, {
      step: 'review',
      title: review.title,
      notes: '二人目の記録',
      version: review.version,
    });
    expect(two.status).toBe(409);
    expect(two.body.error.current.notes).toBe('一人目の記録');
  });

  it('shows the minutes to a council member of this council — with no resident’s name — and nothing else', async () => {
    // Not seated yet: the council is not there for them.
    expect((await council.get(`${base}/meetings/${first.id}`)).status).toBe(404);
    const person = await staff.post(`${base}/people`, {
      name: '佐藤 正男',
      kind: '町内会・自治会',
      userId: ids.councilUser,
    });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    await staff.post(`${base}/councils/${c.id}/members`, { personId: person.body.id, role: 'chair' });
    const list = await council.get(`${base}/councils`);
    expect(list.body.items.map((x: { name: string }) => x.name)).toEqual(['北部の支え合い会議']);
    const minutes = await council.get(`${base}/meetings/${first.id}`);
    expect(minutes.status).toBe(200);
    expect(minutes.body.items.find((i: { step: string }) => i.step === 'exchange').ideas).toEqual([
      'お寺の本堂で月1回のカフェ',
      '郵便局の待合に案内を置く',
    ]);
    const text = JSON.stringify(minutes.body);
    expect(text).not.toContain('峰野 ハナ');
    expect(text).not.toContain('家族と通える場がない');
    // Staff linking the need itself: the member sees its category and area, not its words.
    const issue = minutes.body.items[0];
    const need = (await staff.get(`${base}/needs?area=${ids.mineno}`)).body.items[0];
    await staff.patch(`${base}/meetings/${first.id}/items/${issue.id}`, {
      step: 'issue',
      title: issue.title,
      cell: { areaId: ids.mineno, category: 'ninchisho-cafe' },
      needIds: [need.id],
      carryOver: true,
      homework: issue.homework,
      version: issue.version,
    });
    const withNeed = await council.get(`${base}/meetings/${first.id}`);
    expect(withNeed.body.items[0].needs).toEqual([
      { id: need.id, categoryName: '認知症カフェ', areaName: '峰野地区', people: 3, summary: null },
    ]);
    expect(JSON.stringify(withNeed.body)).not.toContain('峰野 ハナ');
    const asStaff = await staff.get(`${base}/meetings/${first.id}`);
    expect(asStaff.body.items[0].needs[0].summary).toBe('家族と通える場がない');

    const otherCouncil = (
      await staff.post(`${base}/councils`, { name: '中央の会議', layer: 2, areaId: ids.central })
    ).body;
    expect((await council.get(`${base}/councils/${otherCouncil.id}`)).status).toBe(404);
    expect((await council.get(`${base}/tasks`)).status).toBe(403);
    expect((await council.get(`${base}/people`)).status).toBe(403);
    expect((await council.get(`${base}/residents`)).status).toBe(403);
    const write = await council.post(`${base}/councils/${c.id}/meetings`, { heldOn: '2027-01-12' });
    expect(write.status).toBe(403);
  });

  it('a seat whose term has ended no longer opens the council', async () => {
    const c2 = (await staff.post(`${base}/councils`, { name: '任期切れの会議', layer: 2, areaId: ids.north }))
      .body;
    const me = (await staff.get(`${base}/people`)).body.items.find(
      (p: { name: string }) => p.name === '佐藤 正男',
    );
    const seat = await staff.post(`${base}/councils/${c2.id}/members`, {
      personId: me.id,
      termStart: '2024-04-01',
      termEnd: '2026-03-31',
    });
    expect(seat.body.current).toBe(false);
    expect((await council.get(`${base}/councils/${c2.id}`)).status).toBe(404);
  });

  it('prints the 次第 and the 議事録 in Japanese, and the meetings as ICS in Japan time', async () => {
    const agenda = await staff.get(`${base}/meetings/${first.id}/print?kind=agenda`);
    expect(agenda.status).toBe(200);
    expect(agenda.headers.get('content-type')).toBe('application/pdf');
    const minutes = await council.get(`${base}/meetings/${first.id}/print?kind=minutes`);
    expect(minutes.status).toBe(200);
    const ics = await council.get(`${base}/councils/${c.id}/meetings.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(ics.body as string));
    const vevents = cal.getAllSubcomponents('vevent');
    const events = vevents.map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary)).toEqual(['北部の支え合い会議 第1回', '北部の支え合い会議 第2回']);
    expect(events[0]!.startDate.toString()).toBe('2026-11-10T14:00:00');
    expect(vevents[0]!.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Tokyo');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Asia/Tokyo');
    expect(events[0]!.endDate.toString()).toBe('2026-11-10T16:00:00');
    expect(events[0]!.location).toBe('峰野会館');
    // Without a time, a meeting is a whole day.
    expect(events[1]!.startDate.isDate).toBe(true);
    if (!requirePoppler()) return;
    const bytesOf = async (path: string, client: TestClient) => {
      const res = await t.app.request(path, { headers: await cookieOf(client) });
      return new Uint8Array(await res.arrayBuffer());
    };
    const agendaPdf = await bytesOf(`${base}/meetings/${first.id}/print?kind=agenda`, staff);
    const agendaText = pdfText(agendaPdf);
    expect(agendaText).toContain('北部の支え合い会議 第1回 次第');
    expect(agendaText).toContain('① 地域課題の提示');
    expect(agendaText).toContain('峰野地区 × 認知症カフェ');
    const minutesPdf = await bytesOf(`${base}/meetings/${first.id}/print?kind=minutes`, council);
    const minutesText = pdfText(minutesPdf);
    expect(minutesText).toContain('議事録');
    expect(minutesText).toContain('お寺の本堂で月1回のカフェ');
    expect(minutesText).toContain('住職に本堂の利用を相談する');
    expect(minutesText).not.toContain('峰野 ハナ');
    expect(minutesText).not.toContain('家族と通える場がない');
    expect(pdfInfo(minutesPdf).width).toBeCloseTo(595.28, 0);
    if (process.env.SASAEAI_KEEP_PDF) {
      writeFileSync(`${process.env.SASAEAI_KEEP_PDF}/agenda.pdf`, agendaPdf);
      writeFileSync(`${process.env.SASAEAI_KEEP_PDF}/minutes.pdf`, minutesPdf);
    }
  });

  it('draws the yearly table with 第1層 before 第2層 and the meetings in their months', async () => {
    const table = await staff.get(`${base}/council-calendar?fy=2026`);
    expect(table.status).toBe(200);
    expect(table.body.rows.map((r: { month: string }) => r.month)).toHaveLength(12);
    expect(table.body.columns[0].layer).toBe(1);
    const col = table.body.columns.findIndex((x: { id: string }) => x.id === c.id);
    const november = table.body.rows.find((r: { month: string }) => r.month === '2026-11');
    expect(november.cells[col]).toEqual([
      expect.objectContaining({ number: 1, theme: '認知症の人と家族の居場所', cancelled: false }),
    ]);
    const december = table.body.rows.find((r: { month: string }) => r.month === '2026-12');
    expect(december.cells[col][0].number).toBe(2);
    // A council member's table has only their councils.
    const theirs = await council.get(`${base}/council-calendar?fy=2026`);
    expect(theirs.body.columns.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });
});

describe('projects (PJ), trials and the 成果報告会 pack', () => {
  it('records 課題, 年度ゴール and trials, counts a resource it gave rise to, and prints the pack', async () => {
    const c = (
      await staff.post(`${base}/councils`, { name: '移動を考える協議体', layer: 1, areaId: ids.root })
    ).body;
    const group = await staff.post(`${base}/councils/${c.id}/groups`, { name: '移動部会', theme: '移動' });
    const p = await staff.post(`${base}/projects`, {
      councilId: c.id,
      groupId: group.body.id,
      name: 'バス乗り方ガイド',
      fiscalYear: 2026,
      issue: '路線バスの乗り方がわからず外出をあきらめる人がいる',
      goal: '動画と紙のガイドをつくり、体験会を開く',
      status: 'trial',
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const future = await staff.post(`${base}/projects/${p.body.id}/trials`, {
      triedOn: '2027-01-10',
      what: '体験会',
    });
    expect(future.status).toBe(422);
    expect(future.body.error.fields[0].path).toBe('triedOn');
    const trial = await staff.post(`${base}/projects/${p.body.id}/trials`, {
      triedOn: '2026-10-20',
      what: 'バス体験会（小学生と高齢者）',
      learned: '乗る前に整理券を取ることが一番の壁だった',
      participants: 18,
    });
    expect(trial.status).toBe(201);
    const r = await staff.post(`${base}/resources`, {
      name: 'バスかんたん乗り方ガイド',
      kind: 'informal',
      categories: ['idou'],
      areaIds: [ids.root],
    });
    const linked = await staff.put(`${base}/projects/${p.body.id}/resources/${r.body.id}`);
    expect(linked.body.developed).toEqual([
      { id: r.body.id, name: 'バスかんたん乗り方ガイド', linkedOn: '2026-11-24' },
    ]);
    const wrongGroup = await staff.post(`${base}/projects`, {
      councilId: (await staff.post(`${base}/councils`, { name: '別の会議', layer: 2, areaId: ids.central }))
        .body.id,
      groupId: group.body.id,
      name: 'ちがう部会',
      fiscalYear: 2026,
    });
    expect(wrongGroup.status).toBe(422);
    expect(wrongGroup.body.error.fields[0].path).toBe('groupId');

    const pack = await t.app.request(`${base}/project-report?fy=2026&council=${c.id}`, {
      headers: await cookieOf(staff),
    });
    expect(pack.status).toBe(200);
    if (!requirePoppler()) return;
    const pdf = new Uint8Array(await pack.arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain('令和8年度 成果報告会');
    expect(text).toContain('バス乗り方ガイド');
    expect(text).toContain('整理券を取ることが一番の壁');
    expect(text).toContain('バスかんたん乗り方ガイド');
    if (process.env.SASAEAI_KEEP_PDF) writeFileSync(`${process.env.SASAEAI_KEEP_PDF}/pack.pdf`, pdf);
  });
});

/** The session cookie of a test client, for requests that read the raw body (PDF bytes). */
async function cookieOf(client: TestClient): Promise<Record<string, string>> {
  return { cookie: (client as unknown as { cookie: string }).cookie };
}
