import { describe, expect, it } from 'vitest';
import { parseCsvWithLines } from './csv';
import { planPopulationImport } from './population-import';
import { readPopulationTable } from './population-table';

const table = (lines: string[]) => readPopulationTable(parseCsvWithLines(lines.join('\n')));
const HEADER = '全国地方公共団体コード,調査年月日,地域名,総人口,65歳以上,75歳以上,0-64歳,世帯数';

const areas = [
  { id: 'root', parentId: null, layer: 1, name: '美唄市', townNames: [] },
  { id: 'north', parentId: 'root', layer: 2, name: '北部圏域', townNames: [] },
  { id: 'mineno', parentId: 'north', layer: 3, name: '峰延地区', townNames: ['峰延町', '光珠内町'] },
];

describe('planPopulationImport', () => {
  it('sums the 町丁 of one 地区 into one row per date and stores the total row on the 第1層', () => {
    const plan = planPopulationImport(
      table([
        HEADER,
        '014257,2024-04-01,峰延町,300,150,80,150,140',
        '014257,2024-04-01,光珠内町,100,40,20,60,50',
        '014257,2024-04-01,合計,400,190,100,210,190',
      ]),
      areas,
      '014257',
    );
    expect(plan.errors).toEqual([]);
    expect(plan.municipalityRows).toBe(1);
    expect(plan.rows).toHaveLength(2);
    expect(plan.rows.find((r) => 'areaId' in r.target && r.target.areaId === 'mineno')).toMatchObject({
      values: { total: 400, aged65: 190, households: 190 },
      lines: [2, 3],
    });
    expect(plan.totals).toEqual([
      { asOf: '2024-04-01', total: 400, aged65: 190, aged75: 100, households: 190 },
    ]);
  });

  it('warns when the total row and the parts disagree', () => {
    const plan = planPopulationImport(
      table([
        HEADER,
        '014257,2024-04-01,峰延町,300,150,80,150,140',
        '014257,2024-04-01,合計,999,150,80,849,140',
      ]),
      areas,
      '014257',
    );
    expect(plan.warnings.map((w) => w.message)).toContain(
      '3行目：合計の行（999人）と各地域の合計（300人）が合いません。',
    );
  });

  it('creates one 地区 per 町丁 only for a tenant that has no areas below the 第1層', () => {
    const rows = table([HEADER, '014257,2024-04-01,茶志内町,50,20,10,30,20']);
    expect(planPopulationImport(rows, [areas[0]!], '014257').toCreate).toEqual(['茶志内町']);
    const plan = planPopulationImport(rows, areas, '014257');
    expect(plan.toCreate).toEqual([]);
    expect(plan.errors[0]!.message).toContain('「茶志内町」はどの地域の町丁一覧にもありません');
  });

  it('refuses rows of another municipality and duplicate rows', () => {
    const plan = planPopulationImport(
      table([
        HEADER,
        '372013,2024-04-01,峰延町,300,150,80,150,140',
        '014257,2024-04-01,峰延町,1,0,0,1,1',
        '014257,2024-04-01,峰延町,1,0,0,1,1',
      ]),
      areas,
      '014257',
    );
    expect(plan.errors.map((e) => e.line)).toEqual([2, 4]);
    expect(plan.errors[0]!.message).toContain('別の団体（団体コード 372013）');
  });
});
