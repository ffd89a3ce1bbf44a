import { describe, expect, it } from 'vitest';
import {
  ancestorsOf,
  areaForAddress,
  isValidInFy,
  placementProblem,
  subtreeIds,
  townIndex,
  townKey,
} from './areas';

const tree = [
  { id: 'root', parentId: null, layer: 1, townNames: [] as string[] },
  { id: 'north', parentId: 'root', layer: 2, townNames: ['峰野', '峰野東'] },
  { id: 'mineno', parentId: 'north', layer: 3, townNames: ['峰野'] },
  { id: 'central', parentId: 'root', layer: 2, townNames: [] as string[] },
  { id: 'a', parentId: 'central', layer: 3, townNames: ['本町１丁目'] },
  { id: 'b', parentId: 'central', layer: 3, townNames: ['本町1丁目'] },
];

describe('area hierarchy', () => {
  it('allows one 第1層 at the top and deeper layers only under shallower ones', () => {
    expect(placementProblem(1, null)).toBeNull();
    expect(placementProblem(1, tree[0]!)).toContain('上位の地域は持てません');
    expect(placementProblem(2, null)).toBe('上位の地域を選んでください。');
    expect(placementProblem(3, tree[1]!)).toBeNull();
    expect(placementProblem(3, tree[0]!)).toBeNull();
    expect(placementProblem(2, tree[1]!)).toContain('より上の層');
  });

  it('finds subtrees and ancestors', () => {
    expect([...subtreeIds(tree, ['north'])].sort()).toEqual(['mineno', 'north']);
    expect(ancestorsOf(tree, 'mineno').map((a) => a.id)).toEqual(['root', 'north']);
  });

  it('checks validity by 年度, open ends included', () => {
    expect(isValidInFy({ validFromFy: 2024, validToFy: null }, 2023)).toBe(false);
    expect(isValidInFy({ validFromFy: 2024, validToFy: null }, 2030)).toBe(true);
    expect(isValidInFy({ validFromFy: null, validToFy: 2020 }, 2021)).toBe(false);
  });

  it('maps a 町丁 to the deepest area listing it, and flags two areas of the same depth', () => {
    const index = townIndex(tree);
    expect(index.get(townKey('峰野'))).toEqual({ area: tree[2] });
    expect(index.get(townKey('峰野東'))).toEqual({ area: tree[1] });
    const honmachi = index.get(townKey('本町1丁目'));
    expect(honmachi && 'ambiguous' in honmachi && honmachi.ambiguous.map((a) => a.id)).toEqual(['a', 'b']);
  });
});

describe('town names', () => {
  it('match whether 丁目 is written in kanji, full-width or ASCII digits', () => {
    expect(townKey('扇町一丁目')).toBe(townKey('扇町１丁目'));
    expect(townKey('扇町十二丁目')).toBe('扇町12丁目');
  });

  it('place an address in the area listing its 町丁, preferring the longest name', () => {
    const areas = [
      { id: 'r', parentId: null, layer: 1, townNames: [] as string[] },
      { id: 'a', parentId: 'r', layer: 3, townNames: ['扇町'] },
      { id: 'b', parentId: 'r', layer: 3, townNames: ['扇町1丁目'] },
      { id: 'c', parentId: 'r', layer: 3, townNames: ['本町'] },
    ];
    expect(areaForAddress('高松市扇町一丁目2-31', areas)?.id).toBe('b');
    expect(areaForAddress('高松市扇町三丁目1', areas)?.id).toBe('a');
    expect(areaForAddress('町田市本町田1-2', areas)).toBeNull();
    expect(areaForAddress('', areas)).toBeNull();
  });
});
