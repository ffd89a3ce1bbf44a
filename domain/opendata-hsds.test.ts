import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testdata } from '../testdata';
import {
  datapackage,
  fieldNames,
  HSDS_TABLES,
  type HsdsTable,
  hsdsRows,
  machineCsv,
  PROFILE_DEVIATIONS,
  tableCells,
} from './opendata-hsds';

type Schema = {
  name?: string;
  path?: string;
  properties: Record<string, Schema & { type?: string; datapackage_type?: string; enum?: string[] }>;
  required?: string[];
  tabular_required?: string[];
  items?: Schema;
};

// Every table Sasaeai exports appears inside the compiled service schema of HSDS 3.0.
const service = JSON.parse(
  readFileSync(testdata('standards/hsds-3.0/schema/compiled/service.json'), 'utf8'),
) as Schema;
const p = service.properties;
const item = (s: Schema) => s.items ?? s;
const location = item(p.service_at_locations!).properties.location!;
const term = item(p.attributes!).properties.taxonomy_term!;
const official: Record<HsdsTable, Schema> = {
  service,
  organization: p.organization!,
  phone: item(p.phones!),
  contact: item(p.contacts!),
  schedule: item(p.schedules!),
  service_area: item(p.service_areas!),
  language: item(p.languages!),
  cost_option: item(p.cost_options!),
  attribute: item(p.attributes!),
  service_at_location: item(p.service_at_locations!),
  location,
  address: item(location.properties.addresses!),
  accessibility: item(location.properties.accessibility!),
  taxonomy_term: term,
  taxonomy: term.properties.taxonomy_detail!,
};

/** Columns of a table: the properties that are not nested objects or lists. */
const columns = (s: Schema) =>
  Object.entries(s.properties).filter(
    ([, v]) => v.type !== undefined && v.type !== 'array' && v.type !== 'object',
  );

describe('HSDS 3.0 tables', () => {
  it.each(Object.keys(HSDS_TABLES) as HsdsTable[])(
    '%s has the official file name and fields in order',
    (t) => {
      const s = official[t];
      expect(s.name).toBe(t);
      expect(HSDS_TABLES[t].path).toBe(s.path);
      expect(fieldNames(t)).toEqual(columns(s).map(([k]) => k));
    },
  );

  it.each(Object.keys(HSDS_TABLES) as HsdsTable[])(
    '%s has the official types, required fields and enums',
    (t) => {
      const s = official[t];
      const required = new Set([...(s.required ?? []), ...(s.tabular_required ?? [])]);
      const fields = (datapackage(meta).resources as { name: string; schema: { fields: any[] } }[]).find(
        (r) => r.name === t,
      )!.schema.fields;
      for (const [name, prop] of columns(s)) {
        const f = fields.find((x) => x.name === name);
        expect(f.type, `${t}.${name}`).toBe(prop.datapackage_type ?? prop.type);
        const deviates = `${t}.${name}` in PROFILE_DEVIATIONS;
        expect(Boolean(f.constraints?.required), `${t}.${name} required`).toBe(
          required.has(name) && !deviates,
        );
        expect(f.constraints?.enum, `${t}.${name} enum`).toEqual(prop.enum);
      }
    },
  );
});

const meta = {
  name: 'sasaeai-019992',
  title: 'ささえ町の地域資源',
  description: 'テスト',
  created: '2026-11-24T01:00:00.000Z',
  licence: { name: 'CC-BY-4.0', title: 'CC BY 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' },
  homepage: 'https://example.test/t/019992',
};

describe('datapackage', () => {
  it('is a tabular data package with one resource per exported table, each keyed by id', () => {
    const d = datapackage(meta) as any;
    expect(d.profile).toBe('tabular-data-package');
    expect(d.licenses[0]).toMatchObject({ name: 'CC-BY-4.0' });
    expect(d.resources.map((r: { name: string }) => r.name)).toHaveLength(Object.keys(HSDS_TABLES).length);
    for (const r of d.resources) {
      expect(r.profile).toBe('tabular-data-resource');
      expect(r.schema.primaryKey).toBe('id');
      for (const fk of r.schema.foreignKeys ?? []) {
        expect(fk.reference.resource === '' || fk.reference.resource in HSDS_TABLES).toBe(true);
      }
    }
  });
});

describe('hsdsRows', () => {
  const fallback = { id: '00000000-0000-4000-8000-000000000001', name: '主体の登録なし', description: 'x' };
  const svc = (id: string, org?: Record<string, unknown>) => ({
    id,
    name: `s${id}`,
    status: 'active',
    ...(org ? { organization_id: org.id, organization: org } : {}),
    phones: [{ id: `p${id}`, service_id: id, number: '0126-50-1111', languages: [] }],
    contacts: [
      {
        id: `c${id}`,
        service_id: id,
        name: '受付',
        phones: [{ id: `cp${id}`, contact_id: `c${id}`, number: '1' }],
      },
    ],
    service_at_locations: [
      {
        id: `sal${id}`,
        service_id: id,
        location_id: 'L1',
        location: {
          id: 'L1',
          location_type: 'physical',
          addresses: [{ id: 'A1', location_id: 'L1' }],
          accessibility: [],
        },
      },
    ],
  });

  it('links a service without a 主体 to the fallback organization, and shares a hall between services', () => {
    const rows = hsdsRows(
      [svc('1'), svc('2', { id: 'O1', name: '町内会', description: 'd', phones: [{ id: 'op' }] })],
      [],
      [],
      fallback,
    );
    expect(rows.service.map((s) => s.organization_id)).toEqual([fallback.id, 'O1']);
    expect(rows.organization.map((o) => o.id)).toEqual(['O1', fallback.id]);
    expect(rows.location).toHaveLength(1);
    expect(rows.address).toHaveLength(1);
    // Service phones and contact phones; an organization's own phone is not a public resource field.
    expect(rows.phone.map((x) => x.id)).toEqual(['p1', 'cp1', 'p2', 'cp2']);
  });

  it('writes CSV with the field names as header, CRLF and quotes where needed, no BOM', () => {
    const text = machineCsv(
      tableCells('service', [{ id: '1', name: 'お茶会, 午後', status: 'active', x: 1 }]),
    );
    expect(text.startsWith('id,organization_id,program_id,name,')).toBe(true);
    expect(text).toContain('"お茶会, 午後"');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]!.split(',')).toEqual(fieldNames('service'));
  });
});
