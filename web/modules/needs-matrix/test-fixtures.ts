import type { Need } from '../../../contracts/needs';
import { areaItem, areaList } from '../areas/test-fixtures';
import type { CellDetail, Matrix, MatrixCell } from './matrix';

/* Shapes the server answers with, for component tests (each passes the contract's own schema). */

export const TENANT = '019992';
export const TOWN_ID = '0b6c1f4e-3f1a-4a39-9d4a-1c2b3d4e5f60';
export const NORTH_ID = '11111111-1111-4111-8111-111111111111';
export const MINENO_ID = '22222222-2222-4222-8222-222222222222';
export const KAWAKAMI_ID = '33333333-3333-4333-8333-333333333333';
export const NEED_ID = '44444444-4444-4444-8444-444444444444';
export const RESOURCE_ID = '7d1f0c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';

export function cell(overrides: Partial<MatrixCell> & Pick<MatrixCell, 'areaId' | 'category'>): MatrixCell {
  return {
    openNeeds: 0,
    people: 0,
    resources: 0,
    capacity: null,
    weekdays: [],
    needsPer1000: 0,
    resourcesPer1000: 0,
    gap: false,
    ...overrides,
  };
}

/** 第3層: 峰野地区 has 買い物支援 needs and nothing near (空白); 川上地区 has a salon and a shop. */
export function matrix(overrides: Partial<Matrix> = {}): Matrix {
  return {
    fiscalYear: null,
    layer: 3,
    areas: [
      { id: MINENO_ID, name: '峰野地区', parentId: NORTH_ID, aged65: 224, openNeeds: 2, gaps: 1 },
      { id: KAWAKAMI_ID, name: '川上地区', parentId: NORTH_ID, aged65: null, openNeeds: 1, gaps: 0 },
    ],
    categories: [
      { code: 'ibasho', name: '居場所・サロン', group: 'gather' },
      { code: 'kaimono', name: '買い物支援', group: 'shopping' },
      { code: 'idou', name: '移動支援', group: 'transport' },
      { code: 'kaji', name: '家事援助', group: 'chores' },
    ],
    cells: [
      cell({
        areaId: MINENO_ID,
        category: 'kaimono',
        openNeeds: 2,
        people: 5,
        needsPer1000: 22.3,
        gap: true,
      }),
      cell({ areaId: MINENO_ID, category: 'idou', openNeeds: 1, people: 1, needsPer1000: 4.5 }),
      cell({
        areaId: KAWAKAMI_ID,
        category: 'ibasho',
        resources: 2,
        capacity: 20,
        weekdays: [1, 2, 3, 4, 5],
        needsPer1000: null,
        resourcesPer1000: null,
      }),
      cell({
        areaId: KAWAKAMI_ID,
        category: 'kaimono',
        openNeeds: 1,
        people: 1,
        resources: 1,
        weekdays: [4],
        needsPer1000: null,
        resourcesPer1000: null,
      }),
    ],
    trend: [
      { fiscalYear: 2025, category: 'kaimono', needs: 1 },
      { fiscalYear: 2026, category: 'kaimono', needs: 3 },
      { fiscalYear: 2026, category: 'idou', needs: 2 },
    ],
    ...overrides,
  };
}

export function need(overrides: Partial<Need> = {}): Need {
  return {
    id: NEED_ID,
    category: 'kaimono',
    categoryName: '買い物支援',
    areaId: MINENO_ID,
    areaName: '峰野地区',
    source: 'visit',
    residentId: '55555555-5555-4555-8555-555555555555',
    residentName: '峰野 ハナ',
    people: 1,
    urgency: 'high',
    status: 'new',
    summary: '坂の上で店まで歩けない',
    note: '',
    raisedOn: '2026-11-12',
    resourceIds: [],
    createdBy: '森田 あゆみ',
    version: 1,
    createdAt: '2026-11-12T01:00:00.000Z',
    updatedAt: '2026-11-12T01:00:00.000Z',
    canEdit: true,
    ...overrides,
  };
}

export function cellDetail(overrides: Partial<CellDetail> = {}): CellDetail {
  return {
    areaName: '峰野地区',
    categoryName: '買い物支援',
    needs: null,
    openNeeds: 2,
    resources: [],
    ...overrides,
  };
}

const box = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

export const BOUNDARIES = {
  type: 'FeatureCollection' as const,
  features: [
    {
      type: 'Feature' as const,
      id: NORTH_ID,
      properties: { name: '北部圏域', layer: 2 as const },
      geometry: box(141.85, 43.32, 141.97, 43.35),
    },
    {
      type: 'Feature' as const,
      id: MINENO_ID,
      properties: { name: '峰野地区', layer: 3 as const },
      geometry: box(141.85, 43.32, 141.91, 43.35),
    },
  ],
};

const readOnly = { canEdit: false };

export const AREAS = areaList(
  [
    areaItem(TOWN_ID, null, 1, 'ささえ町', 0, readOnly),
    areaItem(NORTH_ID, TOWN_ID, 2, '北部圏域', 1, readOnly),
    areaItem(MINENO_ID, NORTH_ID, 3, '峰野地区', 2, readOnly),
    areaItem(KAWAKAMI_ID, NORTH_ID, 3, '川上地区', 3, readOnly),
  ],
  { canCreate: false },
);
