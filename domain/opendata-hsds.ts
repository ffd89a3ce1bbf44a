// The HSDS 3.0 tabular form of a directory: a Frictionless tabular data package (datapackage.json)
// and one CSV per table, flattened from the same JSON the HSDS read API returns, so that the two say
// the same thing. Table names, file names, field names, their order, types and required flags are
// those of the HSDS 3.0 schemas (schema/*.json of openreferral/specification, branch 3.0); the tests
// compare them with the compiled schemas in testdata/standards/hsds-3.0. Deviations are listed in
// PROFILE_DEVIATIONS and docs/hsds-profile.md.

import type { CsvCell } from './csv-write';

type FieldType = 'string' | 'number' | 'date' | 'time' | 'datetime';
type FieldSpec = [
  name: string,
  type: FieldType,
  opts?: { format?: string; required?: true; unique?: true; enum?: string[] },
];

interface TableSpec {
  /** HSDS file name. */
  path: string;
  /** Order of the table in HSDS's own datapackage. */
  order: number;
  fields: FieldSpec[];
  /** [field, table referred to ('' = this table)] */
  foreignKeys?: [string, string][];
  description: string;
}

const uuid = { format: 'uuid' } as const;
const key = { format: 'uuid', required: true, unique: true } as const;
const ref = { format: 'uuid', required: true } as const;

/** The tables Sasaeai exports, in HSDS 3.0's datapackage order. */
export const HSDS_TABLES = {
  organization: {
    path: 'organizations.csv',
    order: 1,
    description: '主体（町内会、社会福祉協議会、NPO、商店など）',
    fields: [
      ['id', 'string', key],
      ['name', 'string', { required: true }],
      ['alternate_name', 'string'],
      ['description', 'string', { required: true }],
      ['email', 'string', { format: 'email' }],
      ['website', 'string', { format: 'uri' }],
      ['tax_status', 'string'],
      ['tax_id', 'string'],
      ['year_incorporated', 'number'],
      ['legal_status', 'string'],
      ['logo', 'string'],
      ['uri', 'string', { format: 'uri' }],
      ['parent_organization_id', 'string', uuid],
    ],
    foreignKeys: [['parent_organization_id', '']],
  },
  service: {
    path: 'services.csv',
    order: 3,
    description: '地域資源（サロン、通いの場、移動販売、見守りなど）',
    fields: [
      ['id', 'string', key],
      ['organization_id', 'string', ref],
      ['program_id', 'string', uuid],
      ['name', 'string', { required: true }],
      ['alternate_name', 'string'],
      ['description', 'string'],
      ['url', 'string', { format: 'uri' }],
      ['email', 'string', { format: 'email' }],
      ['status', 'string', { required: true, enum: ['active', 'inactive', 'defunct', 'temporarily closed'] }],
      ['interpretation_services', 'string'],
      ['application_process', 'string'],
      ['fees_description', 'string'],
      ['wait_time', 'string'],
      ['fees', 'string'],
      ['accreditations', 'string'],
      ['eligibility_description', 'string'],
      ['minimum_age', 'number'],
      ['maximum_age', 'number'],
      ['assured_date', 'date'],
      ['assurer_email', 'string', { format: 'email' }],
      ['licenses', 'string'],
      ['alert', 'string'],
      ['last_modified', 'datetime'],
    ],
    foreignKeys: [['organization_id', 'organization']],
  },
  attribute: {
    path: 'attributes.csv',
    order: 4,
    description:
      'サービスの分類（生活支援の分類）と日本向けの項目（資源の種類、総合事業の類型、利用できる人など）',
    fields: [
      ['id', 'string', key],
      ['link_id', 'string', ref],
      ['taxonomy_term_id', 'string', ref],
      ['link_type', 'string'],
      ['link_entity', 'string', { required: true }],
      ['value', 'string'],
    ],
    foreignKeys: [
      ['link_id', 'service'],
      ['taxonomy_term_id', 'taxonomy_term'],
    ],
  },
  service_at_location: {
    path: 'service_at_location.csv',
    order: 5,
    description: 'サービスと場所の結びつき',
    fields: [
      ['id', 'string', key],
      ['service_id', 'string', ref],
      ['location_id', 'string', ref],
      ['description', 'string'],
    ],
    foreignKeys: [
      ['service_id', 'service'],
      ['location_id', 'location'],
    ],
  },
  location: {
    path: 'locations.csv',
    order: 6,
    description: '場所（会館、集会所、停留所など）と緯度経度',
    fields: [
      ['id', 'string', key],
      ['location_type', 'string', { required: true, enum: ['physical', 'postal', 'virtual'] }],
      ['url', 'string', { format: 'uri' }],
      ['organization_id', 'string', uuid],
      ['name', 'string'],
      ['alternate_name', 'string'],
      ['description', 'string'],
      ['transportation', 'string'],
      ['latitude', 'number'],
      ['longitude', 'number'],
      ['external_identifier', 'string'],
      ['external_identifier_type', 'string'],
    ],
  },
  phone: {
    path: 'phones.csv',
    order: 7,
    description: '公開している電話番号',
    fields: [
      ['id', 'string', key],
      ['location_id', 'string', uuid],
      ['service_id', 'string', uuid],
      ['organization_id', 'string', uuid],
      ['contact_id', 'string', uuid],
      ['service_at_location_id', 'string', uuid],
      ['number', 'string', { required: true }],
      ['extension', 'number'],
      ['type', 'string'],
      ['description', 'string'],
    ],
    foreignKeys: [
      ['service_id', 'service'],
      ['contact_id', 'contact'],
    ],
  },
  contact: {
    path: 'contacts.csv',
    order: 8,
    description: '公開している連絡先（担当の窓口など）',
    fields: [
      ['id', 'string', key],
      ['organization_id', 'string', uuid],
      ['service_id', 'string', uuid],
      ['service_at_location_id', 'string', uuid],
      ['location_id', 'string', uuid],
      ['name', 'string'],
      ['title', 'string'],
      ['department', 'string'],
      ['email', 'string', { format: 'email' }],
    ],
    foreignKeys: [['service_id', 'service']],
  },
  address: {
    path: 'addresses.csv',
    order: 9,
    description: '場所の住所（都道府県と市町村の後ろを address_1 に1行で）',
    fields: [
      ['id', 'string', key],
      ['location_id', 'string', uuid],
      ['attention', 'string'],
      ['address_1', 'string', { required: true }],
      ['address_2', 'string'],
      ['city', 'string', { required: true }],
      ['region', 'string'],
      ['state_province', 'string', { required: true }],
      // Required in HSDS 3.0; see PROFILE_DEVIATIONS.
      ['postal_code', 'string'],
      ['country', 'string', { required: true }],
      ['address_type', 'string', { required: true, enum: ['physical', 'postal', 'virtual'] }],
    ],
    foreignKeys: [['location_id', 'location']],
  },
  schedule: {
    path: 'schedules.csv',
    order: 10,
    description: '日時（RFC 5545 の繰り返し規則と、日本語の読み）',
    fields: [
      ['id', 'string', key],
      ['service_id', 'string', uuid],
      ['location_id', 'string', uuid],
      ['service_at_location_id', 'string', uuid],
      ['valid_from', 'date'],
      ['valid_to', 'date'],
      ['dtstart', 'date'],
      ['timezone', 'number'],
      ['until', 'date'],
      ['count', 'number'],
      ['wkst', 'string', { enum: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] }],
      ['freq', 'string', { enum: ['WEEKLY', 'MONTHLY'] }],
      ['interval', 'number'],
      ['byday', 'string'],
      ['byweekno', 'string'],
      ['bymonthday', 'string'],
      ['byyearday', 'string'],
      ['description', 'string'],
      ['opens_at', 'time'],
      ['closes_at', 'time'],
      ['schedule_link', 'string', { format: 'uri' }],
      ['attending_type', 'string'],
      ['notes', 'string'],
    ],
    foreignKeys: [['service_id', 'service']],
  },
  service_area: {
    path: 'service_areas.csv',
    order: 12,
    description: 'サービスの対象の地域（圏域・地区）',
    fields: [
      ['id', 'string', key],
      ['service_id', 'string', uuid],
      ['name', 'string'],
      ['description', 'string'],
      ['extent', 'string'],
      ['extent_type', 'string'],
      ['uri', 'string'],
    ],
    foreignKeys: [['service_id', 'service']],
  },
  language: {
    path: 'languages.csv',
    order: 14,
    description: 'サービスで使う言語',
    fields: [
      ['id', 'string', key],
      ['service_id', 'string', uuid],
      ['location_id', 'string', uuid],
      ['phone_id', 'string', uuid],
      ['name', 'string'],
      ['code', 'string'],
      ['note', 'string'],
    ],
    foreignKeys: [['service_id', 'service']],
  },
  accessibility: {
    path: 'accessibility.csv',
    order: 15,
    description: '場所のバリアフリー',
    fields: [
      ['id', 'string', key],
      ['location_id', 'string', uuid],
      ['description', 'string'],
      ['details', 'string'],
      ['url', 'string', { format: 'uri' }],
    ],
    foreignKeys: [['location_id', 'location']],
  },
  taxonomy_term: {
    path: 'taxonomy_terms.csv',
    order: 16,
    description: '分類の語（生活支援の分類と、日本向けプロファイルの項目）',
    fields: [
      ['id', 'string', key],
      ['code', 'string', { unique: true }],
      ['name', 'string', { required: true }],
      ['description', 'string', { required: true }],
      ['parent_id', 'string', uuid],
      ['taxonomy', 'string'],
      ['language', 'string'],
      ['taxonomy_id', 'string', uuid],
      ['term_uri', 'string', { format: 'uri' }],
    ],
    foreignKeys: [
      ['parent_id', ''],
      ['taxonomy_id', 'taxonomy'],
    ],
  },
  cost_option: {
    path: 'cost_options.csv',
    order: 19,
    description: '料金（円）',
    fields: [
      ['id', 'string', key],
      ['service_id', 'string', ref],
      ['valid_from', 'date'],
      ['valid_to', 'date'],
      ['option', 'string'],
      ['currency', 'string'],
      ['amount', 'number'],
      ['amount_description', 'string'],
    ],
    foreignKeys: [['service_id', 'service']],
  },
  taxonomy: {
    path: 'taxonomies.csv',
    order: 21,
    description: '分類体系（sasaeai-seikatsu-shien と sasaeai-profile）',
    fields: [
      ['id', 'string', key],
      ['name', 'string', { required: true }],
      ['description', 'string', { required: true }],
      ['uri', 'string', { format: 'uri' }],
      ['version', 'string'],
    ],
  },
} satisfies Record<string, TableSpec>;

export type HsdsTable = keyof typeof HSDS_TABLES;

/** Where the package says less than HSDS 3.0 requires, and why (also in docs/hsds-profile.md). */
export const PROFILE_DEVIATIONS: Record<string, string> = {
  'address.postal_code':
    '日本の地域資源では郵便番号が分からないことが多いため、空欄を許します（HSDS 3.0 では必須）。API では空の文字列です。',
};

export const fieldNames = (t: HsdsTable): string[] => HSDS_TABLES[t].fields.map((f) => f[0]);

type Json = Record<string, unknown>;

export interface PackageMeta {
  /** e.g. 'sasaeai-019992' (lower case, digits, '-', '_', '.'). */
  name: string;
  title: string;
  description: string;
  /** ISO 8601 date-time of the newest change in the data. */
  created: string;
  licence: { name: string; path: string | null; title: string };
  homepage: string;
}

/**
 * datapackage.json (Frictionless Data, tabular-data-package profile). Times and date-times carry
 * `format: "any"`: HSDS writes opens_at as HH:MM and last_modified with milliseconds, which the
 * default formats (HH:MM:SS, no fraction) would refuse.
 */
export function datapackage(meta: PackageMeta): Json {
  const tables = (Object.keys(HSDS_TABLES) as HsdsTable[]).sort(
    (a, b) => HSDS_TABLES[a].order - HSDS_TABLES[b].order,
  );
  return {
    profile: 'tabular-data-package',
    name: meta.name,
    title: meta.title,
    description: meta.description,
    homepage: meta.homepage,
    created: meta.created,
    version: '3.0',
    licenses: [
      {
        name: meta.licence.name,
        title: meta.licence.title,
        ...(meta.licence.path ? { path: meta.licence.path } : {}),
      },
    ],
    sources: [
      {
        title: 'Human Services Data Specification 3.0 (Open Referral)',
        path: 'https://docs.openreferral.org/en/latest/',
      },
    ],
    resources: tables.map((t) => {
      const spec: TableSpec = HSDS_TABLES[t];
      return {
        name: t,
        path: spec.path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: spec.description,
        dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: spec.fields.map(([name, type, opts]) => {
            const constraints = {
              ...(opts?.required ? { required: true } : {}),
              ...(opts?.unique ? { unique: true } : {}),
              ...(opts?.enum ? { enum: opts.enum } : {}),
            };
            const deviation = PROFILE_DEVIATIONS[`${t}.${name}`];
            return {
              name,
              type,
              ...(opts?.format
                ? { format: opts.format }
                : type === 'time' || type === 'datetime'
                  ? { format: 'any' }
                  : {}),
              ...(deviation ? { description: deviation } : {}),
              ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
            };
          }),
          missingValues: [''],
          primaryKey: 'id',
          ...(spec.foreignKeys
            ? {
                foreignKeys: spec.foreignKeys.map(([field, resource]) => ({
                  fields: field,
                  reference: { resource, fields: 'id' },
                })),
              }
            : {}),
        },
      };
    }),
  };
}

export type HsdsRows = Record<HsdsTable, Json[]>;

/** The organization a service without a registered 主体 is linked to: HSDS requires one on every service. */
export interface FallbackOrganization {
  id: string;
  name: string;
  description: string;
}

/**
 * Flattens full HSDS service objects (`/services/{id}`) into table rows. Rows are deduplicated by id
 * (a hall shared by three services is one location); nested objects lose their nested parts.
 */
export function hsdsRows(
  services: readonly Json[],
  taxonomies: readonly Json[],
  terms: readonly Json[],
  fallback: FallbackOrganization,
): HsdsRows {
  const rows = Object.fromEntries(
    Object.keys(HSDS_TABLES).map((t) => [t, new Map<string, Json>()]),
  ) as Record<HsdsTable, Map<string, Json>>;
  const put = (t: HsdsTable, row: Json) => {
    const id = String(row.id);
    if (!rows[t].has(id)) rows[t].set(id, row);
  };
  const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
  let fallbackUsed = false;

  for (const s of services) {
    const org = s.organization as Json | undefined;
    if (org) put('organization', org);
    else fallbackUsed = true;
    put('service', { ...s, organization_id: s.organization_id ?? fallback.id });
    for (const p of list(s.phones)) put('phone', p);
    for (const c of list(s.contacts)) {
      put('contact', c);
      for (const p of list(c.phones)) put('phone', p);
    }
    for (const x of list(s.schedules)) put('schedule', x);
    for (const x of list(s.service_areas)) put('service_area', x);
    for (const x of list(s.languages)) put('language', x);
    for (const x of list(s.cost_options)) put('cost_option', x);
    for (const x of list(s.attributes)) put('attribute', x);
    for (const sal of list(s.service_at_locations)) {
      put('service_at_location', sal);
      const loc = sal.location as Json | undefined;
      if (!loc) continue;
      put('location', loc);
      for (const a of list(loc.addresses)) put('address', a);
      for (const a of list(loc.accessibility)) put('accessibility', a);
    }
  }
  if (fallbackUsed) put('organization', { ...fallback });
  for (const t of taxonomies) put('taxonomy', t);
  for (const t of terms) put('taxonomy_term', t);
  return Object.fromEntries(Object.entries(rows).map(([t, m]) => [t, [...m.values()]])) as HsdsRows;
}

/** One table as CSV cells: the header row (field names) and one row per record, nested parts dropped. */
export function tableCells(t: HsdsTable, records: readonly Json[]): CsvCell[][] {
  const names = fieldNames(t);
  const cell = (v: unknown): CsvCell => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number' || typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    // Objects and arrays are other tables' rows; the field lists here hold no such values.
    return JSON.stringify(v);
  };
  return [names, ...records.map((r) => names.map((n) => cell(r[n])))];
}

/** RFC 4180 CSV without a BOM (for machines; Frictionless and HSDS tools read the header as is). */
export function machineCsv(rows: readonly (readonly CsvCell[])[]): string {
  const quote = (c: CsvCell) => {
    if (c === null || c === undefined) return '';
    const s = String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
