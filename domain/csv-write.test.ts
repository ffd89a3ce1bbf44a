import { describe, expect, it } from 'vitest';
import { toExcelCsv } from './csv-write';

describe('toExcelCsv', () => {
  it('writes a BOM, CRLF line ends and quotes only where needed', () => {
    const csv = toExcelCsv([
      ['名称', '人数', '備考'],
      ['本町, 1丁目', 1034, 'いう"こと"'],
      ['空欄', null, ' 前後に空白 '],
    ]);
    expect(csv.startsWith('\uFEFF名称,人数,備考\r\n')).toBe(true);
    expect(csv).toContain('"本町, 1丁目",1034,"いう""こと"""\r\n');
    expect(csv).toContain('空欄,," 前後に空白 "\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps Excel from running a text cell as a formula, and leaves numbers and a lone dash alone', () => {
    const csv = toExcelCsv([['=HYPERLINK("http://example.com")', '+81', '@SUM(A1)', '-', -5, '\t=1']]);
    expect(csv).toBe(`\uFEFF"'=HYPERLINK(""http://example.com"")",'+81,'@SUM(A1),-,-5,'\t=1\r\n`);
  });
});
