import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testdata } from '../../../testdata';
import { createTestApp, type TestApp, type TestClient } from '../../core/testing/test-app';

/*
 * Real responses of the HSDS read API, validated against the official compiled schemas of
 * HSDS 3.0 (../shared/standards/hsds-3.0/schema/compiled/).
 */

const schema = (name: string) =>
  JSON.parse(readFileSync(testdata(`standards/hsds-3.0/schema/compiled/${name}.json`), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = Object.fromEntries(
  [
    'service',
    'service_list',
    'organization',
    'organization_list',
    'service_at_location',
    'service_at_location_list',
  ].map((n) => [n, ajv.compile(schema(n))]),
);
// The per-object schemas refer to each other by file name.
const objectSchema = (name: string) =>
  JSON.parse(readFileSync(testdata(`standards/hsds-3.0/schema/${name}.json`), 'utf8'));
for (const name of ['taxonomy', 'metadata']) ajv.addSchema(objectSchema(name), `${name}.json`);
const taxonomyTerm = ajv.compile(objectSchema('taxonomy_term'));
const taxonomy = ajv.getSchema('taxonomy.json')!;

function valid(name: string, value: unknown) {
  const v = validators[name]!;
  const ok = v(value);
  expect(ok, `${name}: ${JSON.stringify(v.errors?.slice(0, 5), null, 1)}`).toBe(true);
}

const T = '372013';
let t: TestApp;
let staff: TestClient;
let anon: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  await t.f.buildTenant('014257');
  staff = t.client();
  await staff.login((await t.f.buildUser({ tenant: T, role: 'sc1' })).email);
  anon = t.client();
  const org = await staff.post(`/api/t/${T}/organizations`, { name: '峰野町内会', kind: '町内会・自治会' });
  await staff.post(`/api/t/${T}/resources`, {
    name: '峰野ふれあいサロン',
    kind: 'informal',
    sogoType: 'general-prevention',
    categories: ['ibasho'],
    organizationId: org.body.id,
    description: '月に一度のサロン',
    capacity: 20,
    eligibility: { kinds: ['aged65'], description: '' },
    schedules: [{ text: '毎月第2水曜日 10時～12時' }, { text: '隔週水曜日' }],
    fees: { free: false, description: '', options: [{ label: '1回', amount: 100 }] },
    location: { name: '峰野会館', address: '香川県高松市峰野1-2', latitude: 34.35, longitude: 134.05 },
    phones: [{ number: '087-000-1111', public: false, description: '会長宅' }, { number: '087-000-2222' }],
    contacts: [
      { name: '山田 花子', public: false },
      { name: '社協 受付', public: true },
    ],
    notes: '内部メモ：会長は耳が遠い',
  });
  await staff.post(`/api/t/${T}/resources`, {
    name: 'まごころ弁当',
    kind: 'formal',
    categories: ['shokuji'],
    fees: { free: true },
  });
});
afterAll(() => t.close());

describe('HSDS 3.0 read API', () => {
  it('lists services in the schema’s page shape, with valid items', async () => {
    const res = await anon.get(`/api/hsds/v3/${T}/services?per_page=1`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total_items: 2,
      total_pages: 2,
      page_number: 1,
      size: 1,
      first_page: true,
      last_page: false,
      empty: false,
    });
    for (const s of res.body.contents) valid('service_list', s);
    const page2 = await anon.get(`/api/hsds/v3/${T}/services?per_page=1&page=2`);
    expect(page2.body).toMatchObject({ page_number: 2, last_page: true });
    expect(page2.body.contents[0].id).not.toBe(res.body.contents[0].id);
  });

  it('returns a full service that validates, with the Japanese profile as attributes and nothing private', async () => {
    const list = await anon.get(`/api/hsds/v3/${T}/services?search=${encodeURIComponent('さろん')}`);
    expect(list.body.total_items).toBe(1);
    const res = await anon.get(`/api/hsds/v3/${T}/services/${list.body.contents[0].id}`);
    valid('service', res.body);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('内部メモ');
    expect(text).not.toContain('山田');
    expect(text).not.toContain('087-000-1111');
    expect(res.body.phones.map((p: { number: string }) => p.number)).toEqual(['087-000-2222']);
    expect(res.body.schedules[0]).toMatchObject({
      freq: 'MONTHLY',
      byday: '2WE',
      opens_at: '10:00',
      closes_at: '12:00',
      timezone: 9,
    });
    const attr = (code: string) =>
      res.body.attributes.filter((a: any) => a.taxonomy_term.code === code).map((a: any) => a.value);
    expect(attr('kind')).toEqual(['informal']);
    expect(attr('sogo-type')).toEqual(['general-prevention']);
    expect(attr('eligibility')).toEqual(['aged65']);
    expect(attr('ibasho')).toEqual(['ibasho']);
    expect(res.body.service_at_locations[0].location.addresses[0]).toMatchObject({
      city: '高松市',
      state_province: '香川県',
      country: 'JP',
    });
  });

  it('filters by taxonomy term, modification time and proximity', async () => {
    const terms = await anon.get(`/api/hsds/v3/${T}/taxonomy_terms?per_page=100`);
    for (const term of terms.body.contents)
      expect(taxonomyTerm(term), JSON.stringify(taxonomyTerm.errors)).toBe(true);
    const shokuji = terms.body.contents.find((x: { code: string }) => x.code === 'shokuji');
    const byTerm = await anon.get(`/api/hsds/v3/${T}/services?taxonomy_term_id=${shokuji.id}`);
    expect(byTerm.body.contents.map((s: { name: string }) => s.name)).toEqual(['まごころ弁当']);
    expect(
      (await anon.get(`/api/hsds/v3/${T}/services?modified_after=2030-01-01T00:00:00Z`)).body.total_items,
    ).toBe(0);
    const near = await anon.get(`/api/hsds/v3/${T}/services?proximity=34.351,134.051,500`);
    expect(near.body.contents.map((s: { name: string }) => s.name)).toEqual(['峰野ふれあいサロン']);
    const bad = await anon.get(`/api/hsds/v3/${T}/services?proximity=here`);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].message).toContain('緯度,経度,メートル');
  });

  it('serves organizations, service_at_locations and taxonomies that validate', async () => {
    const staffOrgs = await staff.get(`/api/t/${T}/organizations`);
    expect(staffOrgs.body.organizations).toEqual([
      expect.objectContaining({ name: '峰野町内会', resourceCount: 1 }),
    ]);
    const orgs = await anon.get(`/api/hsds/v3/${T}/organizations`);
    for (const o of orgs.body.contents) valid('organization_list', o);
    const org = await anon.get(`/api/hsds/v3/${T}/organizations/${orgs.body.contents[0].id}`);
    valid('organization', org.body);
    const sals = await anon.get(`/api/hsds/v3/${T}/service_at_locations`);
    expect(sals.body.total_items).toBe(1);
    for (const s of sals.body.contents) valid('service_at_location_list', s);
    const one = await anon.get(`/api/hsds/v3/${T}/service_at_locations/${sals.body.contents[0].id}`);
    valid('service_at_location', one.body);
    const taxonomies = await anon.get(`/api/hsds/v3/${T}/taxonomies`);
    for (const x of taxonomies.body.contents) expect(taxonomy(x), JSON.stringify(taxonomy.errors)).toBe(true);
  });

  it('is scoped per tenant and answers 404 for what is not there', async () => {
    expect((await anon.get('/api/hsds/v3/014257/services')).body.total_items).toBe(0);
    expect((await anon.get('/api/hsds/v3/999999/services')).status).toBe(404);
    const id = (await anon.get(`/api/hsds/v3/${T}/services`)).body.contents[0].id;
    expect((await anon.get(`/api/hsds/v3/014257/services/${id}`)).status).toBe(404);
  });
});

describe('exports', () => {
  it('writes CSV for Excel, xlsx, GeoJSON and HSDS; the HSDS file imports again', async () => {
    const csv = await t.app.request(`/api/t/${T}/resource-export?format=csv`, {
      headers: { cookie: (staff as any).cookie },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('\r\n');
    expect(text).toContain('峰野ふれあいサロン');
    const geo = await staff.get(`/api/t/${T}/resource-export?format=geojson`);
    expect(geo.body.features).toHaveLength(1);
    const xlsx = await t.app.request(`/api/t/${T}/resource-export?format=xlsx`, {
      headers: { cookie: (staff as any).cookie },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const hsds = await staff.get(`/api/t/${T}/resource-export?format=hsds`);
    const services = hsds.body;
    for (const s of services) valid('service', s);

    const other = t.client();
    await other.login((await t.f.buildUser({ tenant: '014257', role: 'insurer_staff' })).email);
    const preview = await other.post(
      `/api/t/014257/resource-imports?fileName=hsds.json`,
      new TextEncoder().encode(JSON.stringify(hsds.body)),
    );
    expect(preview.body).toMatchObject({ format: 'hsds', canCommit: true, counts: { added: 2 } });
  });
});
