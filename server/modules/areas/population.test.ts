import { readFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testdata } from '../../../testdata';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';
import { areaStatistics, areas } from './areas.tables';

const data = (p: string) => new Uint8Array(readFileSync(testdata(`data/${p}`)));
const TAKAMATSU_2024 = 'takamatsu/population_0066_202407.csv';
const TAKAMATSU_2018 = 'takamatsu/population_0066_201811.csv';

let t: TestApp;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant('372013');
  const user = await t.f.buildUser({ tenant: '372013', role: 'insurer_staff' });
  staff = t.client();
  await staff.login(user.email);
});
afterAll(() => t.close());

const preview = (client: TestClient, file: string, tenant = '372013') =>
  client.post(
    `/api/t/${tenant}/population-imports?fileName=${encodeURIComponent(file.split('/').at(-1)!)}`,
    data(file),
  );

async function statCount(tenant: string) {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(areaStatistics)
    .where(eq(areaStatistics.tenantId, tenant));
  return row!.n;
}

describe('population import of the real 高松市 file', () => {
  it('refuses a file without the needed columns, naming them, and imports nothing', async () => {
    const res = await preview(staff, 'localgovjp/2019_localgovjp-sjis.csv');
    expect(res.status).toBe(201);
    expect(res.body.encoding).toBe('cp932');
    expect(res.body.canCommit).toBe(false);
    expect(res.body.status).toBe('rejected');
    const message = res.body.errors.map((e: { message: string }) => e.message).join('\n');
    expect(message).toContain('必須の列がありません');
    expect(message).toContain('地域名');
    expect(message).toContain('総人口');

    const commit = await staff.post(`/api/t/372013/population-imports/${res.body.id}/commit`);
    expect(commit.status).toBe(422);
    expect(commit.body.error.message).toMatch(/保存できません/);
    expect(await statCount('372013')).toBe(0);
    const [areaCount] = await t.database.db
      .select({ n: count() })
      .from(areas)
      .where(eq(areas.tenantId, '372013'));
    expect(areaCount!.n).toBe(1);
  });

  it('previews 418,186 people, 120,418 aged 65+ and 28.8 % on 2024-07-01 before writing anything', async () => {
    const res = await preview(staff, TAKAMATSU_2024);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      encoding: 'utf-8',
      canCommit: true,
      rowCount: 235,
      asOfDates: ['2024-07-01'],
      errors: [],
    });
    expect(res.body.toCreate).toHaveLength(235);
    expect(res.body.toCreate).toContain('塩屋町');
    expect(res.body.totals).toEqual([
      expect.objectContaining({
        asOf: '2024-07-01',
        total: 418186,
        aged65: 120418,
        aged75: 68556,
        households: 204735,
      }),
    ]);
    expect(res.body.totals[0].agingRate.toFixed(1)).toBe('28.8');
    expect(await statCount('372013')).toBe(0);
  });

  it('commits all rows in one go: one 地区 per 町丁, and the 第1層 shows the city total', async () => {
    const p = await preview(staff, TAKAMATSU_2024);
    const res = await staff.post(`/api/t/372013/population-imports/${p.body.id}/commit`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'committed', createdAreas: 235, savedRows: 235 });

    const list = await staff.get('/api/t/372013/areas');
    expect(list.status).toBe(200);
    expect(list.body.asOf).toBe('2024-07-01');
    const root = list.body.areas.find((a: { layer: number }) => a.layer === 1);
    expect(root.name).toBe('高松市');
    expect(root.latest).toMatchObject({
      total: 418186,
      aged65: 120418,
      source: 'children',
      coveredChildren: 235,
    });
    expect(root.latest.agingRate.toFixed(1)).toBe('28.8');
    const shioya = list.body.areas.find((a: { name: string }) => a.name === '塩屋町');
    expect(shioya).toMatchObject({ layer: 3, kind: '地区', townNames: ['塩屋町'] });
    expect(shioya.latest).toMatchObject({
      total: 400,
      male: 188,
      female: 212,
      households: 237,
      source: 'own',
    });

    const detail = await staff.get(`/api/t/372013/areas/${root.id}`);
    expect(detail.body.ageBands.asOf).toBe('2024-07-01');
    expect(detail.body.ageBands.bands).toHaveLength(18);
    const from65 = detail.body.ageBands.bands.filter((b: { from: number }) => b.from >= 65);
    expect(from65.reduce((s: number, b: { total: number }) => s + b.total, 0)).toBe(120418);

    const again = await staff.post(`/api/t/372013/population-imports/${p.body.id}/commit`);
    expect(again.status).toBe(409);
  });

  it('adds the 2018 snapshot onto the same 地区, so each area shows its trend', async () => {
    const p = await preview(staff, TAKAMATSU_2018);
    expect(p.body.asOfDates).toEqual(['2018-11-01']);
    expect(p.body.toCreate.length).toBeLessThan(5);
    if (p.body.toCreate.length === 0) expect(p.body.canCommit).toBe(true);
    // Once the city has 地区, unknown 町丁 are errors rather than silently created areas.
    const known = p.body.matched.length;
    expect(known).toBeGreaterThan(200);
  });
});

describe('population import against areas that already exist', () => {
  it('maps 町丁 rows onto the 地区 that lists them and sums them', async () => {
    const tenant = '014257'; // 北海道 美唄市
    await t.f.buildTenant(tenant);
    const root = await t.f.rootArea(tenant);
    const north = await t.f.buildArea(tenant, { name: '北部圏域', parentId: root.id, layer: 2 });
    await t.f.buildArea(tenant, {
      name: '峰延地区',
      parentId: north.id,
      layer: 3,
      townNames: ['峰延町', '光珠内町'],
    });
    const csv = [
      '全国地方公共団体コード,調査年月日,地域名,総人口,男性,女性,65-69歳,70-74歳,75-79歳,80-84歳,85歳以上,0-64歳,世帯数',
      `${tenant},2024-04-01,峰延町,300,140,160,40,40,30,20,20,150,150`,
      `${tenant},2024-04-01,光珠内町,100,50,50,10,10,10,10,10,50,50`,
      `${tenant},2024-04-01,茶志内町,50,25,25,5,5,5,5,5,25,20`,
    ].join('\n');
    const user = await t.f.buildUser({ tenant, role: 'sc1' });
    const sc1 = t.client();
    await sc1.login(user.email);
    const res = await sc1.post(
      `/api/t/${tenant}/population-imports?fileName=x.csv`,
      new TextEncoder().encode(csv),
    );
    expect(res.body.canCommit).toBe(false);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        line: 4,
        message: expect.stringContaining('「茶志内町」はどの地域の町丁一覧にもありません'),
      }),
    ]);

    const ok = await sc1.post(
      `/api/t/${tenant}/population-imports?fileName=x.csv`,
      new TextEncoder().encode(csv.split('\n').slice(0, 3).join('\n')),
    );
    expect(ok.body.canCommit).toBe(true);
    expect((await sc1.post(`/api/t/${tenant}/population-imports/${ok.body.id}/commit`)).status).toBe(200);
    const detail = await sc1.get(`/api/t/${tenant}/areas/${north.id}`);
    expect(detail.body.children[0].latest).toMatchObject({ total: 400, aged65: 200, source: 'own' });
    expect(detail.body.snapshots[0]).toMatchObject({
      total: 400,
      aged65: 200,
      agingRate: 50,
      source: 'children',
    });
  });

  it('refuses a file of another municipality row by row', async () => {
    const res = await preview(staff, TAKAMATSU_2024, '014257');
    expect(res.status).toBe(404);
    const sc1 = await t.f.buildUser({ tenant: '014257', role: 'insurer_staff' });
    const c = t.client();
    await c.login(sc1.email);
    const other = await preview(c, TAKAMATSU_2024, '014257');
    expect(other.body.canCommit).toBe(false);
    expect(other.body.errors[0].message).toContain('別の団体（団体コード 372013）');
  });

  it('lets only tenant-wide roles import', async () => {
    const root = await t.f.rootArea('372013');
    const region = await t.f.buildArea('372013', { name: '中央圏域', parentId: root.id, layer: 2 });
    const user = await t.f.buildUser({ tenant: '372013', role: 'sc2', areaIds: [region.id] });
    const sc2 = t.client();
    await sc2.login(user.email);
    const res = await preview(sc2, TAKAMATSU_2024);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('保険者職員と第1層コーディネーター');
  });
});
