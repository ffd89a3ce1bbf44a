import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

const T = '372013';
const base = `/api/t/${T}`;
let t: TestApp;
let staff: TestClient;
let council: TestClient;
let north: string;
let central: string;
let mineno: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  const root = await t.f.rootArea(T);
  north = (await t.f.buildArea(T, { name: '北部圏域', parentId: root.id, layer: 2 })).id;
  central = (await t.f.buildArea(T, { name: '中央圏域', parentId: root.id, layer: 2 })).id;
  mineno = (await t.f.buildArea(T, { name: '峰野地区', parentId: north, layer: 3 })).id;
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  council = t.client();
  await council.login((await t.f.buildUser({ tenant: T, role: 'council_member' })).email);

  // 北部: a 町内会 and a 民生委員 on the 北部 council, who met at a meeting; a shop in a project;
  // the SC met the 郵便局 and the 民生委員 together on a visit.
  const post = async (path: string, body: unknown) => {
    const r = await staff.post(`${base}${path}`, body);
    expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  ids.chounaikai = (await post('/organizations', { name: '峰野町内会', kind: '町内会・自治会' })).id;
  ids.shop = (await post('/organizations', { name: '峰野商店', kind: '商店' })).id;
  ids.post = (await post('/organizations', { name: '峰野郵便局', kind: '郵便局' })).id;
  ids.minsei = (await post('/people', { name: '北 民生', kind: '民生委員・児童委員', areaId: mineno })).id;
  ids.chair = (await post('/people', { name: '北 会長', organizationId: ids.chounaikai })).id;
  const c = await post('/councils', { name: '北部協議体', layer: 2, areaId: north });
  ids.council = c.id;
  const s1 = await post(`/councils/${c.id}/members`, { personId: ids.chair, role: 'chair' });
  const s2 = await post(`/councils/${c.id}/members`, { personId: ids.minsei });
  const m = await post(`/councils/${c.id}/meetings`, { heldOn: '2026-11-01' });
  const patched = await staff.patch(`${base}/meetings/${m.id}`, {
    heldOn: '2026-11-01',
    status: 'held',
    attendeeIds: [s1.id, s2.id],
    version: m.version,
  });
  expect(patched.status).toBe(200);
  ids.project = (
    await post('/projects', {
      councilId: c.id,
      name: '買い物支援PJ',
      fiscalYear: 2026,
      organizationIds: [ids.shop],
    })
  ).id;
  await post('/activities', {
    minutes: 60,
    type: 'visit',
    layer: 2,
    functions: ['f2'],
    areaIds: [mineno],
    organizationIds: [ids.post],
    personIds: [ids.minsei],
  });
  // 中央: a council with nobody yet.
  await post('/councils', { name: '中央協議体', layer: 2, areaId: central });
});
afterAll(() => t.close());

const edge = (g: { edges: { source: string; target: string; kind: string }[] }, a: string, b: string) =>
  g.edges
    .filter((e) => (e.source === a && e.target === b) || (e.source === b && e.target === a))
    .map((e) => e.kind);

describe('the network of actors', () => {
  it('ties people and 主体 through seats, meetings, projects, visits and affiliation', async () => {
    const g = (await staff.get(`${base}/network`)).body;
    const c = `c:${ids.council}`;
    expect(edge(g, `p:${ids.chair}`, c)).toEqual(['member']);
    expect(edge(g, `p:${ids.chair}`, `p:${ids.minsei}`)).toEqual(['meeting']);
    expect(edge(g, `o:${ids.shop}`, `j:${ids.project}`)).toEqual(['project']);
    expect(edge(g, `j:${ids.project}`, c)).toEqual(['project']);
    expect(edge(g, `o:${ids.post}`, `p:${ids.minsei}`)).toEqual(['activity']);
    expect(edge(g, `p:${ids.chair}`, `o:${ids.chounaikai}`)).toEqual(['affiliation']);
    const chair = g.nodes.find((n: { id: string }) => n.id === `p:${ids.chair}`);
    // A person without a kind of their own is of their 主体's kind.
    expect(chair.actorKind).toBe('町内会・自治会');
    expect(g.nodes.some((n: { label: string }) => n.label === '中央協議体')).toBe(true);
  });

  it('filters by area and by kind', async () => {
    const inCentral = (await staff.get(`${base}/network?area=${central}`)).body;
    expect(inCentral.nodes.map((n: { label: string }) => n.label)).toEqual(['中央協議体']);
    const shops = (await staff.get(`${base}/network?kinds=${encodeURIComponent('商店')}`)).body;
    expect(
      shops.nodes
        .filter((n: { kind: string }) => n.kind === 'organization')
        .map((n: { label: string }) => n.label),
    ).toEqual(['峰野商店']);
  });

  it('says which kinds the 要綱 names are not involved yet, per 圏域', async () => {
    const g = (await staff.get(`${base}/network`)).body;
    const northGap = g.missing.find((m: { areaName: string }) => m.areaName === '北部圏域');
    const kinds = northGap.kinds.map((k: { kind: string }) => k.kind);
    expect(kinds).not.toContain('町内会・自治会');
    expect(kinds).not.toContain('民生委員・児童委員');
    expect(kinds).not.toContain('郵便局');
    expect(kinds).not.toContain('商工会・商店');
    expect(kinds).toContain('老人クラブ');
    expect(kinds).toContain('地域おこし協力隊');
    expect(northGap.involved).toBe(4);
    const centralGap = g.missing.find((m: { areaName: string }) => m.areaName === '中央圏域');
    expect(centralGap.involved).toBe(0);
    expect(centralGap.kinds.map((k: { kind: string }) => k.kind)).toContain('町内会・自治会');
  });

  it('ties a provider that took a person in through つなぎ to the area’s 協議体, once accepted', async () => {
    const ops = await staff.post(`${base}/organizations`, { name: 'ささえ配食', kind: '民間企業' });
    const meals = await staff.post(`${base}/resources`, {
      name: '峰野の配食',
      kind: 'formal',
      categories: ['shokuji'],
      organizationId: ops.body.id,
      location: { name: '峰野', areaId: mineno },
    });
    const need = await staff.post(`${base}/needs`, { category: 'shokuji', areaId: mineno, source: 'visit' });
    const ref = await staff.post(`${base}/referrals`, {
      needId: need.body.id,
      targetKind: 'resource',
      targetId: meals.body.id,
    });
    expect(ref.status, JSON.stringify(ref.body)).toBe(201);
    const before = (await staff.get(`${base}/network`)).body;
    // Only proposed: the provider has not agreed to anything yet.
    expect(edge(before, `o:${ops.body.id}`, `c:${ids.council}`)).toEqual([]);
    let r = ref.body;
    for (const status of ['contacted', 'accepted'])
      r = (await staff.post(`${base}/referrals/${r.id}/status`, { status, version: r.version })).body;
    const after = (await staff.get(`${base}/network`)).body;
    expect(edge(after, `o:${ops.body.id}`, `c:${ids.council}`)).toEqual(['referral']);
    const node = after.nodes.find((n: { id: string }) => n.id === `o:${ops.body.id}`);
    expect(node.areaIds).toContain(mineno);
    expect(JSON.stringify(after)).not.toContain(need.body.id);
  });

  it('is not shown to a 協議体委員', async () => {
    const res = await council.get(`${base}/network`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('協議体の画面');
  });
});
