import type { Resource, ResourceImport, ResourceSummary } from '../../../contracts/resources';

/* Shapes the server answers with, for component tests (each passes the contract's own schema). */

export const TENANT = '019992';
export const RESOURCE_ID = '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
export const OTHER_ID = '8e2a1d5f-2b3c-4d4e-9f0a-1b2c3d4e5f60';
export const AREA_ID = '11111111-1111-4111-8111-111111111111';

const RULE = {
  rrule: 'FREQ=MONTHLY;BYDAY=2WE',
  dtstart: null,
  opensAt: '10:00',
  closesAt: '12:00',
  weekdays: [3],
  timesPerMonth: null,
  timesPerWeek: null,
  months: null,
  closedOnHolidays: false,
  closures: [],
  note: null,
  needsReview: false,
  source: '毎月第2水曜日 10時〜12時',
};

export function resource(overrides: Partial<Resource> = {}): Resource {
  return {
    id: RESOURCE_ID,
    name: '峰野ふれあいサロン',
    kana: 'みねのふれあいさろん',
    alternateName: '',
    description: 'お茶を飲みながらおしゃべりする集まりです。',
    status: 'active',
    kind: 'informal',
    sogoType: null,
    categories: [{ code: 'ibasho', name: '居場所・サロン' }],
    organization: null,
    eligibility: { kinds: ['anyone'], description: '' },
    capacity: null,
    applicationProcess: '',
    fees: { free: true, description: '', options: [] },
    schedules: [{ rule: RULE, description: '毎月第2水曜日 10時〜12時', nextDates: ['2026-12-09'] }],
    location: {
      id: '22222222-2222-4222-8222-222222222222',
      name: '峰野会館',
      address: '北海道ささえ町峰野1-1',
      postalCode: '',
      latitude: 43.335,
      longitude: 141.865,
      areaId: AREA_ID,
      areaName: '峰野地区',
      accessibility: '',
      transportation: '',
    },
    areas: [{ id: AREA_ID, name: '峰野地区', layer: 3 }],
    phones: [{ number: '0126-50-1234', description: '代表', public: true }],
    contacts: [],
    url: '',
    email: '',
    notes: '',
    lastVerifiedAt: '2026-11-24T01:00:00.000Z',
    lastVerifiedBy: '大野 健一',
    nextCheckDue: '2027-11-24',
    stale: false,
    sourceSystem: null,
    sourceId: null,
    version: 3,
    createdAt: '2026-04-01T00:00:00.000Z',
    updatedAt: '2026-11-24T01:00:00.000Z',
    canEdit: true,
    ...overrides,
  };
}

export function summary(overrides: Partial<ResourceSummary> = {}): ResourceSummary {
  const r = resource();
  return {
    id: r.id,
    name: r.name,
    kana: r.kana,
    status: r.status,
    kind: r.kind,
    sogoType: r.sogoType,
    categories: r.categories,
    organization: r.organization,
    location: r.location,
    capacity: r.capacity,
    lastVerifiedAt: r.lastVerifiedAt,
    nextCheckDue: r.nextCheckDue,
    stale: false,
    version: r.version,
    canEdit: true,
    scheduleText: '毎月第2水曜日 10時〜12時',
    free: true,
    feeText: '無料',
    phone: '0126-50-1234',
    needsReview: false,
    ...overrides,
  };
}

export const TAXONOMY = {
  terms: [
    {
      code: 'ibasho',
      name: '居場所・サロン',
      kana: 'いばしょ・さろん',
      parent: null,
      group: 'gather',
      synonyms: ['サロン'],
      description: '',
      custom: false,
      resourceCount: 24,
      version: 1,
    },
    {
      code: 'shisetsu',
      name: '集会所・公共施設',
      kana: 'しゅうかいじょ・こうきょうしせつ',
      parent: null,
      group: 'gather',
      synonyms: ['公民館'],
      description: '',
      custom: false,
      resourceCount: 10,
      version: 1,
    },
  ],
};

export const AREAS = {
  fiscalYear: 2026,
  asOf: null,
  canCreate: true,
  areas: [
    {
      id: AREA_ID,
      parentId: null,
      layer: 3,
      name: '峰野地区',
      kana: 'みねのちく',
      kind: '地区',
      validFromFy: null,
      validToFy: null,
      townNames: ['峰野'],
      hasBoundary: true,
      sortOrder: 1,
      version: 1,
      canEdit: true,
      latest: null,
    },
  ],
};

export function importJob(overrides: Partial<ResourceImport> = {}): ResourceImport {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    fileName: 'community_center.csv',
    format: 'csv',
    formatLabel: 'CSV',
    encoding: 'utf-8',
    encodingLabel: 'UTF-8',
    status: 'previewed',
    canCommit: false,
    headers: ['name', 'address', 'telephoneNumber', 'note'],
    sample: [['日新コミュニティセンター', '高松市瀬戸内町22-9', '087-834-9911', '']],
    mapping: {
      columns: { name: 'name', address: 'address', telephoneNumber: 'phone', note: 'notes' },
      defaultCategory: null,
      defaultKind: 'formal',
      sourceSystem: 'community_center',
      markMissingDefunct: false,
    },
    rowCount: 52,
    counts: { added: 0, changed: 0, unchanged: 0, removed: 0 },
    preview: [],
    errors: [{ line: 2, column: null, message: '2行目：分類がありません。全行共通の分類を選んでください。' }],
    warnings: [],
    progress: null,
    committedAt: null,
    ...overrides,
  };
}
