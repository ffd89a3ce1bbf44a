import { describe, expect, it } from 'vitest';
import { treeRows } from './area-list';

describe('treeRows', () => {
  it('puts each area under its parent, in the order given, with its depth', () => {
    const areas = [
      { id: 'root', parentId: null, name: '町' },
      { id: 'north', parentId: 'root', name: '北部' },
      { id: 'south', parentId: 'root', name: '南部' },
      { id: 'n1', parentId: 'north', name: '峰野' },
      { id: 's1', parentId: 'south', name: '港町' },
      { id: 'orphan', parentId: 'retired', name: '旧地区' },
    ];
    expect(treeRows(areas).map((r) => `${r.depth}:${r.area.name}`)).toEqual([
      '0:町',
      '1:北部',
      '2:峰野',
      '1:南部',
      '2:港町',
      '0:旧地区',
    ]);
  });
});
