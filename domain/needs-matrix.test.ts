import { describe, expect, it } from 'vitest';
import { canMoveNeed, isOpenNeed, nextNeedStatuses } from './needs';
import { needsAgainstResources, topLevelOf } from './needs-matrix';

const areas = [
  { id: 'town', parentId: null, layer: 1, name: '町' },
  { id: 'north', parentId: 'town', layer: 2, name: '北部圏域' },
  { id: 'south', parentId: 'town', layer: 2, name: '南部圏域' },
  { id: 'mineno', parentId: 'north', layer: 3, name: '峰野地区' },
  { id: 'kawakami', parentId: 'north', layer: 3, name: '川上地区' },
  { id: 'minami', parentId: 'south', layer: 3, name: '南浜地区' },
];
const terms = [
  { code: 'kaimono', name: '買い物支援', parentCode: null, portalGroup: 'shopping' },
  { code: 'idou-hanbai', name: '移動販売', parentCode: 'kaimono', portalGroup: 'shopping' },
  { code: 'ibasho', name: '居場所・サロン', parentCode: null, portalGroup: 'gather' },
];
const res = (categories: string[], areaIds: string[], capacity: number | null = null, weekdayMask = 0) => ({
  categories,
  areaIds,
  capacity,
  weekdayMask,
});

describe('needs against resources', () => {
  const run = (resources: ReturnType<typeof res>[], layer = 3) =>
    needsAgainstResources({
      areas,
      layer,
      terms,
      needs: [
        { areaId: 'mineno', category: 'kaimono', people: 3 },
        { areaId: 'mineno', category: 'ibasho', people: 1 },
        { areaId: 'kawakami', category: 'idou-hanbai', people: 2 },
      ],
      resources,
      aged65: new Map([
        ['mineno', 200],
        ['kawakami', null],
      ]),
    });
  const cell = (r: ReturnType<typeof run>, area: string, cat: string) =>
    r.cells.find((c) => c.areaId === area && c.category === cat);

  it('calls a need with nothing in, under or above its area 空白', () => {
    const r = run([res(['idou-hanbai'], ['minami'])]);
    expect(cell(r, 'mineno', 'kaimono')).toMatchObject({ openNeeds: 1, people: 3, resources: 0, gap: true });
    // A sub-term need counts under its top-level term.
    expect(cell(r, 'kawakami', 'kaimono')).toMatchObject({ openNeeds: 1, gap: true });
    expect(cell(r, 'minami', 'kaimono')).toMatchObject({ openNeeds: 0, resources: 1, gap: false });
    expect(r.rows.find((x) => x.id === 'mineno')).toMatchObject({ openNeeds: 2, gaps: 2 });
  });

  it('lets a 圏域-wide or town-wide resource (or one without an area) close the gap below it', () => {
    expect(cell(run([res(['kaimono'], ['north'])]), 'mineno', 'kaimono')!.gap).toBe(false);
    expect(cell(run([res(['ibasho'], [])]), 'mineno', 'ibasho')!.gap).toBe(false);
    // …but a resource in the neighbouring 地区 does not.
    expect(cell(run([res(['kaimono'], ['kawakami'])]), 'mineno', 'kaimono')!.gap).toBe(true);
  });

  it('sums capacity and weekdays, and gives figures per 1,000 people aged 65+', () => {
    const r = run([res(['idou-hanbai'], ['mineno'], 20, 1 << 4), res(['kaimono'], ['mineno'], 10, 1 << 2)]);
    expect(cell(r, 'mineno', 'kaimono')).toMatchObject({
      resources: 2,
      capacity: 30,
      weekdays: [2, 4],
      needsPer1000: 15,
      resourcesPer1000: 10,
      gap: false,
    });
    expect(cell(r, 'kawakami', 'kaimono')!.needsPer1000).toBeNull();
  });

  it('rolls 地区 up to their 圏域 at layer 2', () => {
    const r = run([], 2);
    expect(cell(r, 'north', 'kaimono')).toMatchObject({ openNeeds: 2, people: 5, gap: true });
    expect(r.rows.map((x) => x.name)).toEqual(['北部圏域', '南部圏域']);
  });

  it('maps a sub-term to its top-level term', () => {
    expect(topLevelOf(terms)('idou-hanbai')).toBe('kaimono');
    expect(topLevelOf(terms)('unknown')).toBe('unknown');
  });
});

describe('need statuses', () => {
  it('moves forward, reopens through 対応中, and counts 見守り継続 and 未解決 as still open', () => {
    expect(canMoveNeed('new', 'referred')).toBe(true);
    expect(canMoveNeed('resolved', 'referred')).toBe(false);
    expect(nextNeedStatuses('resolved')).toEqual(['in_progress']);
    expect(['new', 'in_progress', 'watching', 'unresolved'].every((s) => isOpenNeed(s as never))).toBe(true);
    expect(isOpenNeed('referred')).toBe(false);
    expect(isOpenNeed('resolved')).toBe(false);
  });
});
