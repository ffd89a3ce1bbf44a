import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testdata } from '../testdata';
import { CsvSyntaxError, parseCsv, parseCsvWithLines } from './csv';
import { toExcelCsv } from './csv-write';

describe('parseCsvWithLines', () => {
  it('reads CRLF and LF files alike', () => {
    const expected = [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ];
    expect(parseCsvWithLines('a,b\r\n1,2\r\n')).toEqual(expected);
    expect(parseCsvWithLines('a,b\n1,2\n')).toEqual(expected);
    expect(parseCsvWithLines('a,b\n1,2')).toEqual(expected);
  });

  it('keeps quoted commas, doubled quotes and line breaks inside fields', () => {
    expect(parseCsvWithLines('"a,b","say ""hi""","x\r\ny"\r\n')).toEqual([
      { line: 1, cells: ['a,b', 'say "hi"', 'x\r\ny'] },
    ]);
  });

  it('keeps the physical line number of each record across multi-line fields and empty lines', () => {
    const text = 'h1,h2\r\n1,"two\r\nlines"\r\n\r\n   \r\n3,4\r\n,,\r\n5,6\r\n';
    expect(parseCsvWithLines(text)).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['1', 'two\r\nlines'] },
      { line: 6, cells: ['3', '4'] },
      // A row of empty cells is not an empty line: the caller decides what it means.
      { line: 7, cells: ['', '', ''] },
      { line: 8, cells: ['5', '6'] },
    ]);
  });

  it('allows rows of different lengths', () => {
    expect(parseCsv('a,b,c\n1\n1,2,3,4\n')).toEqual([['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']]);
  });

  it('strips a BOM left in the text', () => {
    expect(parseCsv('\uFEFFa,b\n')).toEqual([['a', 'b']]);
  });

  it('keeps a stray quote inside an unquoted field', () => {
    expect(parseCsv('a,b\n1,5"ドア\n')).toEqual([
      ['a', 'b'],
      ['1', '5"ドア'],
    ]);
  });

  it('keeps the space padding of quoted values for the caller to trim', () => {
    expect(parseCsv('"a"," 1,034 ",,"-"\n')).toEqual([['a', ' 1,034 ', '', '-']]);
  });

  it('reports an unclosed quote at the line where the record starts, in Japanese', () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n';
    let error: unknown;
    try {
      parseCsvWithLines(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(3);
    expect((error as CsvSyntaxError).message).toBe('CSVの3行目が読めません（引用符が閉じていません）');
  });

  it('reports an unclosed quote on the first line and after empty lines', () => {
    expect(() => parseCsv('"a,b\n1,2\n')).toThrow('CSVの1行目が読めません（引用符が閉じていません）');
    expect(() => parseCsv('a,b\n\n\n"x\n')).toThrow('CSVの4行目が読めません（引用符が閉じていません）');
  });

  it('keeps text after a closing quote rather than rejecting the whole file', () => {
    expect(parseCsv('a,b\n"1"x,2\n')).toEqual([
      ['a', 'b'],
      ['"1"x', '2'],
    ]);
  });

  it('reads every line of a real file', () => {
    const text = readFileSync(testdata('data/takamatsu/population_0066_202407.csv'), 'utf8');
    const rows = parseCsvWithLines(text);
    expect(rows).toHaveLength(236);
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 236 }, (_, i) => i + 1));
    expect(rows.every((r) => r.cells.length === 49)).toBe(true);
    expect(rows[1]!.cells[6]).toBe('塩屋町');
  });
});

describe('cells guarded against Excel formulas', () => {
  it('reads back what the writer was given', () => {
    const cells = ['=HYPERLINK("x")', '+81', '@SUM(A1)', '-', "'quoted", '\t=1'];
    expect(parseCsv(toExcelCsv([cells]))).toEqual([cells]);
  });
});
