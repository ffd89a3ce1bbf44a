import type { Need } from '../../../contracts/needs';
import type { Resident } from '../../../contracts/residents';
import { areaItem, areaList } from '../areas/test-fixtures';

/* Shapes the server answers with, for component tests (each passes the contract's own schema). */

export const TENANT = '019992';
export const TOWN_ID = '0b6c1f4e-3f1a-4a39-9d4a-1c2b3d4e5f60';
export const NORTH_ID = '11111111-1111-4111-8111-111111111111';
export const MINENO_ID = '22222222-2222-4222-8222-222222222222';
export const CENTRAL_ID = '33333333-3333-4333-8333-333333333333';
export const NEED_ID = '44444444-4444-4444-8444-444444444444';
export const RESIDENT_ID = '55555555-5555-4555-8555-555555555555';
export const RESOURCE_ID = '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

export const AREAS = areaList([
  areaItem(TOWN_ID, null, 1, 'ささえ町', 0),
  areaItem(NORTH_ID, TOWN_ID, 2, '北部圏域', 1),
  areaItem(MINENO_ID, NORTH_ID, 3, '峰野地区', 2),
  areaItem(CENTRAL_ID, TOWN_ID, 2, '中央圏域', 3),
]);

const term = (code: string, name: string, group: string, parent: string | null = null) => ({
  code,
  name,
  kana: '',
  parent,
  group,
  synonyms: [],
  description: '',
  custom: false,
  resourceCount: 0,
  version: 1,
});

export const TAXONOMY = {
  terms: [
    term('ibasho', '居場所・サロン', 'gather'),
    term('kaimono', '買い物支援', 'shopping'),
    term('idou-hanbai', '移動販売', 'shopping', 'kaimono'),
    term('idou', '移動支援', 'transport'),
    term('mimamori', '見守り・安否確認', 'watch'),
    term('kusakari', '草刈り・除雪', 'chores'),
  ],
};

export function need(overrides: Partial<Need> = {}): Need {
  return {
    id: NEED_ID,
    category: 'kaimono',
    categoryName: '買い物支援',
    areaId: MINENO_ID,
    areaName: '峰野地区',
    source: 'salon',
    residentId: null,
    residentName: null,
    people: 3,
    urgency: 'normal',
    status: 'new',
    summary: '店まで行けない',
    note: '',
    raisedOn: '2026-11-20',
    resourceIds: [],
    createdBy: '森田 あゆみ',
    version: 2,
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
    canEdit: true,
    ...overrides,
  };
}

export function resident(overrides: Partial<Resident> = {}): Resident {
  return {
    id: RESIDENT_ID,
    name: '峰野 ハナ',
    kana: 'みねの はな',
    age: 84,
    areaId: MINENO_ID,
    areaName: '峰野地区',
    townName: '峰野',
    household: 'alone',
    openNeeds: 1,
    birthDate: '1942-05-03',
    address: '北海道ささえ町峰野2-3',
    phone: '0126-50-9876',
    note: '',
    consent: null,
    version: 4,
    updatedAt: '2026-11-20T01:00:00.000Z',
    canEdit: true,
    ...overrides,
  };
}
