import { describe, expect, it } from 'vitest';
import { type Cell, percent, seesSmallCells, suppress, suppressRow, suppressTable } from './small-cells';

const texts = (cells: Cell[]) => cells.map((c) => c.text);

describe('small cells', () => {
  it('hide counts below five, zero included', () => {
    expect(suppress(4)).toEqual({ shown: false, reason: 'small', text: '—（5人未満）' });
    expect(suppress(0).shown).toBe(false);
    expect(suppress(5)).toEqual({ shown: true, value: 5, text: '5' });
    expect(suppress(1234).text).toBe('1,234');
    expect(suppress(9, 10).text).toBe('—（10人未満）');
    expect(() => suppress(-1)).toThrow(RangeError);
    expect(() => suppress(2.5)).toThrow(RangeError);
  });

  it('are shown only to 保険者 staff', () => {
    expect(seesSmallCells('insurer_staff')).toBe(true);
    expect(seesSmallCells('sc1')).toBe(false);
    expect(seesSmallCells('council_member')).toBe(false);
  });

  it('hide percentages over a small denominator or of a small numerator', () => {
    expect(percent(3, 4).text).toBe('—（5人未満）');
    expect(percent(3, 120).shown).toBe(false);
    expect(percent(3, 120, { numeratorIsPublic: true }).text).toBe('2.5%');
    expect(percent(30, 120)).toEqual({ shown: true, value: 25, text: '25.0%' });
    expect(percent(1, 3, { numeratorIsPublic: true, minimum: 3, digits: 0 }).text).toBe('33%');
    expect(() => percent(5, 4)).toThrow(RangeError);
  });
});

describe('secondary suppression', () => {
  it('hides the next smallest cell when a row would have only one hidden', () => {
    const { cells, total } = suppressRow([3, 40, 12, 25]);
    expect(texts(cells)).toEqual(['—（5人未満）', '40', '—（秘匿）', '25']);
    expect(total.text).toBe('80');
  });

  it('leaves a row alone when two cells are already hidden or none is', () => {
    expect(texts(suppressRow([3, 2, 40]).cells)).toEqual(['—（5人未満）', '—（5人未満）', '40']);
    expect(texts(suppressRow([10, 20]).cells)).toEqual(['10', '20']);
  });

  it('hides the total when nothing else is left to hide', () => {
    expect(suppressRow([3]).total.shown).toBe(false);
    const { cells, total } = suppressRow([3, 10]);
    expect(texts(cells)).toEqual(['—（5人未満）', '—（秘匿）']);
    expect(total.text).toBe('13');
    expect(suppressRow([]).total.text).toBe('—（5人未満）');
  });

  it('protects rows and columns of a table until no total gives a cell away', () => {
    // 圏域 × 年齢階級; the 3 forces the 8 in its row to hide, then each needs a partner in its column (the smallest: 25, 35).
    const t = suppressTable([
      [3, 8, 20],
      [30, 40, 50],
      [25, 35, 45],
    ]);
    const hidden = t.cells.map((row) =>
      row.map((c) => (c.shown ? '.' : c.reason === 'small' ? 'S' : 's')).join(''),
    );
    expect(hidden).toEqual(['Ss.', '...', 'ss.']);
    expect(t.rowTotals.every((c) => c.shown)).toBe(true);
    expect(t.columnTotals.map((c) => c.text)).toEqual(['58', '83', '115']);
    expect(t.total.text).toBe('256');
    // Every published sum now has zero or at least two hidden members.
    for (let r = 0; r < 3; r++) expect(t.cells[r]!.filter((c) => !c.shown).length).not.toBe(1);
    for (let c = 0; c < 3; c++) expect(t.cells.filter((row) => !row[c]!.shown).length).not.toBe(1);
  });

  it('refuses ragged tables', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
  });
});
