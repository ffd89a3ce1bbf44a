import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testdata } from '../../../testdata';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

const TENANT = '372013';
let t: TestApp;
let staff: TestClient;
let sc2: TestClient;
let reader: TestClient;
let rootId: string;
let north: { id: string; version: number };
let central: { id: string; version: number };
let mineno: { id: string; version: number };

const areaBody = (over: Record<string, unknown> = {}) => ({
  name: '新しい地区',
  kana: 'あたらしいちく',
  layer: 3,
  kind: '地区',
  parentId: north.id,
  townNames: [],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(TENANT);
  rootId = (await t.f.rootArea(TENANT)).id;
  north = await t.f.buildArea(TENANT, { name: '北部圏域', parentId: rootId, layer: 2, validFromFy: 2024 });
  central = await t.f.buildArea(TENANT, { name: '中央圏域', parentId: rootId, layer: 2 });
  mineno = await t.f.buildArea(TENANT, {
    name: '峰野地区',
    parentId: north.id,
    layer: 3,
    townNames: ['峰野'],
  });
  await t.f.buildArea(TENANT, { name: '本町地区', parentId: central.id, layer: 3, townNames: ['本町'] });
  await t.f.buildArea(TENANT, {
    name: '旧桜地区',
    parentId: central.id,
    layer: 3,
    validFromFy: 2015,
    validToFy: 2020,
  });
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: TENANT, role: 'insurer_staff' })).email);
  sc2 = t.client();
  await sc2.login((await t.f.buildUser({ tenant: TENANT, role: 'sc2', areaIds: [north.id] })).email);
  reader = t.client();
  await reader.login((await t.f.buildUser({ tenant: TENANT, role: 'reader' })).email);
});
afterAll(() => t.close());

describe('areas by 層', () => {
  it('lists the areas in use this 年度 and hides retired ones unless asked', async () => {
    const res = await staff.get(`/api/t/${TENANT}/areas`);
    expect(res.body.fiscalYear).toBe(2026);
    const names = res.body.areas.map((a: { name: string }) => a.name);
    expect(names[0]).toBe('高松市');
    expect([...names].sort()).toEqual(['中央圏域', '北部圏域', '本町地区', '峰野地区', '高松市'].sort());
    expect(
      (await staff.get(`/api/t/${TENANT}/areas?fy=2018`)).body.areas.map((a: { name: string }) => a.name),
    ).toContain('旧桜地区');
    expect(
      (await staff.get(`/api/t/${TENANT}/areas?fy=2018`)).body.areas.map((a: { name: string }) => a.name),
    ).not.toContain('北部圏域');
    expect((await staff.get(`/api/t/${TENANT}/areas?all=true`)).body.areas).toHaveLength(6);
  });

  it('refuses a second 第1層, a 第2層 under a 第2層, and a parent inside the area itself', async () => {
    const second = await staff.post(
      `/api/t/${TENANT}/areas`,
      areaBody({ layer: 1, parentId: null, kind: '市町村全域' }),
    );
    expect(second.status).toBe(422);
    expect(second.body.error.fields[0]).toEqual({
      path: 'layer',
      message: '層：第1層（市町村全域）はひとつだけです。',
    });
    const nested = await staff.post(`/api/t/${TENANT}/areas`, areaBody({ layer: 2, parentId: north.id }));
    expect(nested.status).toBe(422);
    expect(nested.body.error.fields[0].path).toBe('parentId');
    const detail = await staff.get(`/api/t/${TENANT}/areas/${north.id}`);
    const cycle = await staff.patch(`/api/t/${TENANT}/areas/${north.id}`, {
      ...areaBody({ name: '北部圏域', layer: 2, parentId: mineno.id, kind: '日常生活圏域' }),
      version: detail.body.area.version,
    });
    expect(cycle.status).toBe(422);
  });

  it('names every wrong field in Japanese and keeps nothing', async () => {
    const res = await staff.post(`/api/t/${TENANT}/areas`, {
      name: '',
      kana: 'カタカナ',
      layer: 4,
      kind: '地区',
      parentId: 'not-a-uuid',
      validFromFy: 2030,
      validToFy: 2025,
    });
    expect(res.status).toBe(422);
    const byPath = Object.fromEntries(
      res.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(byPath.name).toBe('名称：入力してください');
    expect(byPath.kana).toBe('よみがな：ひらがなで入力してください');
    expect(byPath.layer).toMatch(/^層：/);
    expect(byPath.parentId).toBe('上位の地域：IDの形式が正しくありません');
  });

  it('detects a concurrent edit: the second save is refused with the current record', async () => {
    const a = await staff.get(`/api/t/${TENANT}/areas/${mineno.id}`);
    const version = a.body.area.version;
    const first = await staff.patch(`/api/t/${TENANT}/areas/${mineno.id}`, {
      ...areaBody({ name: '峰野地区（改）', townNames: ['峰野', '峰野東'] }),
      version,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(version + 1);
    const second = await staff.patch(`/api/t/${TENANT}/areas/${mineno.id}`, {
      ...areaBody({ name: '峰野' }),
      version,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('ほかの人が先にこの情報を変更しました');
    expect(second.body.error.current).toMatchObject({
      name: '峰野地区（改）',
      townNames: ['峰野', '峰野東'],
    });
    expect((await staff.get(`/api/t/${TENANT}/areas/${mineno.id}`)).body.area.name).toBe('峰野地区（改）');
  });

  it('keeps the sheet’s お宝 and 気になること with the same version check, and a save without them keeps them', async () => {
    const cur = (await staff.get(`/api/t/${TENANT}/areas/${central.id}`)).body.area;
    const body = areaBody({ name: '中央圏域', layer: 2, parentId: rootId, kind: '日常生活圏域' });
    const saved = await staff.patch(`/api/t/${TENANT}/areas/${central.id}`, {
      ...body,
      strengths: '朝市に人が集まる。\n商店街の声かけ。',
      concerns: '坂道が多く、冬は外出が減る。',
      version: cur.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      strengths: '朝市に人が集まる。\n商店街の声かけ。',
      concerns: '坂道が多く、冬は外出が減る。',
    });
    const stale = await staff.patch(`/api/t/${TENANT}/areas/${central.id}`, {
      ...body,
      strengths: '',
      version: cur.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.strengths).toBe('朝市に人が集まる。\n商店街の声かけ。');
    const without = await staff.patch(`/api/t/${TENANT}/areas/${central.id}`, {
      ...body,
      version: saved.body.version,
    });
    expect(without.status).toBe(200);
    expect(without.body.concerns).toBe('坂道が多く、冬は外出が減る。');
    const tooLong = await staff.patch(`/api/t/${TENANT}/areas/${central.id}`, {
      ...body,
      concerns: 'あ'.repeat(401),
      version: without.body.version,
    });
    expect(tooLong.status).toBe(422);
    expect(JSON.stringify(tooLong.body.error)).toContain('400文字以内');
  });
});

describe('a 第2層 SC', () => {
  it('reads the whole town, and is told which areas she may change', async () => {
    const res = await sc2.get(`/api/t/${TENANT}/areas`);
    const edit = Object.fromEntries(
      res.body.areas.map((a: { name: string; canEdit: boolean }) => [a.name, a.canEdit]),
    );
    expect(edit).toMatchObject({ 北部圏域: true, 中央圏域: false, 本町地区: false, 高松市: false });
    expect(Object.entries(edit).find(([n]) => n.startsWith('峰野'))?.[1]).toBe(true);
  });

  it('changes her own areas and adds 地区 under them', async () => {
    const cur = await sc2.get(`/api/t/${TENANT}/areas/${north.id}`);
    const res = await sc2.patch(`/api/t/${TENANT}/areas/${north.id}`, {
      ...areaBody({
        name: '北部圏域',
        layer: 2,
        parentId: rootId,
        kind: '日常生活圏域',
        townNames: ['峰野'],
      }),
      version: cur.body.area.version,
    });
    expect(res.status).toBe(200);
    expect((await sc2.post(`/api/t/${TENANT}/areas`, areaBody({ name: '川上地区' }))).status).toBe(201);
  });

  it('cannot change areas outside hers, nor move hers out from under her', async () => {
    const cur = await sc2.get(`/api/t/${TENANT}/areas/${central.id}`);
    const res = await sc2.patch(`/api/t/${TENANT}/areas/${central.id}`, {
      ...areaBody({ name: '乗っ取り', layer: 2, parentId: rootId }),
      version: cur.body.area.version,
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('担当の地域の外');
    expect((await sc2.post(`/api/t/${TENANT}/areas`, areaBody({ parentId: central.id }))).status).toBe(403);
    const child = await sc2.get(`/api/t/${TENANT}/areas/${mineno.id}`);
    const move = await sc2.patch(`/api/t/${TENANT}/areas/${mineno.id}`, {
      ...areaBody({ name: child.body.area.name, parentId: central.id }),
      version: child.body.area.version,
    });
    expect(move.status).toBe(403);
    expect((await staff.get(`/api/t/${TENANT}/areas/${central.id}`)).body.area.name).toBe('中央圏域');
  });

  it('enters statistics only for her areas', async () => {
    const body = { total: 500, aged65: 250, aged75: 150, households: 260 };
    expect((await sc2.put(`/api/t/${TENANT}/areas/${mineno.id}/statistics/2026-04-01`, body)).status).toBe(
      200,
    );
    expect((await sc2.put(`/api/t/${TENANT}/areas/${central.id}/statistics/2026-04-01`, body)).status).toBe(
      403,
    );
  });
});

describe('read-only roles', () => {
  it('閲覧者 reads but changes nothing', async () => {
    expect((await reader.get(`/api/t/${TENANT}/areas/${north.id}`)).status).toBe(200);
    const res = await reader.post(`/api/t/${TENANT}/areas`, areaBody());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('この役割では地域の情報を変更できません。');
  });
});

describe('statistics', () => {
  it('checks figures that cannot be true and names the field', async () => {
    const res = await staff.put(`/api/t/${TENANT}/areas/${central.id}/statistics/2026-04-01`, {
      total: 100,
      aged65: 150,
      aged75: 160,
      male: 40,
      female: 50,
    });
    expect(res.status).toBe(422);
    const messages = res.body.error.fields.map((f: { message: string }) => f.message);
    expect(messages).toContain('65歳以上：65歳以上の人数が総人口を超えています');
    expect(messages).toContain('75歳以上：75歳以上の人数が65歳以上の人数を超えています');
    expect(messages).toContain('総人口：男性と女性の合計が総人口と合いません');
  });

  it('rolls 地区 figures up to 圏域 and 第1層 unless they have their own, and derives 高齢化率', async () => {
    const honmachi = (await staff.get(`/api/t/${TENANT}/areas`)).body.areas.find(
      (a: { name: string }) => a.name === '本町地区',
    );
    await staff.put(`/api/t/${TENANT}/areas/${honmachi.id}/statistics/2026-04-01`, {
      total: 1000,
      aged65: 300,
      aged75: 170,
      households: 480,
      careCertified: 55,
    });
    const list = await staff.get(`/api/t/${TENANT}/areas`);
    const by = Object.fromEntries(
      list.body.areas.map((a: { name: string; latest: unknown }) => [a.name, a.latest]),
    );
    expect(list.body.asOf).toBe('2026-04-01');
    expect(by.中央圏域).toMatchObject({
      total: 1000,
      aged65: 300,
      agingRate: 30,
      source: 'children',
      coveredChildren: 1,
      totalChildren: 2,
    });
    expect(by.高松市).toMatchObject({ total: 1500, aged65: 550, source: 'children' });
    expect(by.高松市.agingRate).toBeCloseTo(36.667, 2);
    expect(by.本町地区).toMatchObject({ careCertified: 55, rate75: 17 });
  });
});

describe('boundaries', () => {
  it('takes the city’s polygons from the national N03 file of the whole prefecture', async () => {
    const geojson = JSON.parse(
      readFileSync(testdata('data/japan-topography/geojson_s0010_N03-21_37_210101.json'), 'utf8'),
    );
    const cur = await staff.get(`/api/t/${TENANT}/areas/${rootId}`);
    const res = await staff.put(`/api/t/${TENANT}/areas/${rootId}/boundary`, {
      geojson,
      version: cur.body.area.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.hasBoundary).toBe(true);
    const detail = await staff.get(`/api/t/${TENANT}/areas/${rootId}`);
    expect(['Polygon', 'MultiPolygon']).toContain(detail.body.boundary.type);
    const count = geojson.features.filter(
      (f: { properties: { N03_007: string } }) => f.properties.N03_007 === '37201',
    ).length;
    expect(
      detail.body.boundary.type === 'MultiPolygon' ? detail.body.boundary.coordinates.length : 1,
    ).toBeGreaterThanOrEqual(count);
  });

  it('gives the maps every boundary in use as one FeatureCollection', async () => {
    const res = await reader.get(`/api/t/${TENANT}/area-boundaries`);
    expect(res.status).toBe(200);
    expect(res.body.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual([
      '高松市',
    ]);
  });

  it('explains swapped coordinates instead of storing a boundary in the sea', async () => {
    const cur = await staff.get(`/api/t/${TENANT}/areas/${central.id}`);
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [34.3, 134.0],
          [34.3, 134.1],
          [34.4, 134.1],
          [34.3, 134.0],
        ],
      ],
    };
    const res = await staff.put(`/api/t/${TENANT}/areas/${central.id}/boundary`, {
      geojson: polygon,
      version: cur.body.area.version,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0].message).toContain('緯度と経度が逆');
  });
});

describe('exports', () => {
  it('writes the areas as CSV for Excel (BOM, CRLF) and population in the 地域・年齢別人口 shape', async () => {
    const res = await t.app.request(`/api/t/${TENANT}/exports/areas?format=csv`, {
      headers: { cookie: (staff as unknown as { cookie: string }).cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''areas-372013-");
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(text).toContain('北部圏域');
    const pop = await staff.get(`/api/t/${TENANT}/exports/population?format=csv`);
    expect(pop.body).toContain('都道府県コード又は市区町村コード');
    expect(pop.body).toContain('2026-04-01');
  });
});
