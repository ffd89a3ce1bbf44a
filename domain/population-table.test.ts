import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testdata } from '../testdata';
import { parseCsvWithLines } from './csv';
import { type PopulationTable, readPopulationTable, STANDARD_BANDS } from './population-table';
import { decodeBytes } from './text-encoding';

const dataFile = (path: string) => new Uint8Array(readFileSync(testdata(`data/${path}`)));
const readFile = (path: string) => readPopulationTable(parseCsvWithLines(decodeBytes(dataFile(path)).text));
const read = (lines: string[], opts?: { defaultAsOf?: string }) =>
  readPopulationTable(parseCsvWithLines(lines.join('\r\n')), opts);
const sum = (t: PopulationTable, f: (r: PopulationTable['records'][number]) => number | null) =>
  t.records.reduce((s, r) => s + (f(r) ?? 0), 0);

const bandName = (i: number) => {
  const b = STANDARD_BANDS[i]!;
  return b.to === null ? `${b.from}歳以上` : `${b.from}-${b.to}歳`;
};
const STANDARD_BAND_HEADERS = STANDARD_BANDS.flatMap((_, i) => [
  `${bandName(i)}の男性`,
  `${bandName(i)}の女性`,
]);
/** 36 band cells: male i+1 and female i+2 for band i, so males total 171+18, females 171+36. */
const bandCells = () => STANDARD_BANDS.flatMap((_, i) => [String(i + 1), String(i + 2)]);
const BAND_MALE = 171; // 1 + … + 18
const BAND_FEMALE = 189; // 2 + … + 19

describe('高松市 population_0066_202407.csv (unedited)', () => {
  const t = readFile('takamatsu/population_0066_202407.csv');

  it('reads all 235 町丁 without errors or warnings', () => {
    expect(t.errors).toEqual([]);
    expect(t.warnings).toEqual([]);
    expect(t.records).toHaveLength(235);
    expect(t.format).toBe('generic');
    expect(t.formatLabel).toBe('列名から判定');
  });

  it('gives the published totals', () => {
    expect(sum(t, (r) => r.total)).toBe(418186);
    expect(sum(t, (r) => r.aged65)).toBe(120418);
    expect(sum(t, (r) => r.aged75)).toBe(68556);
    expect(sum(t, (r) => r.households)).toBe(204735);
    expect(sum(t, (r) => r.male) + sum(t, (r) => r.female)).toBe(418186);
    expect(t.records.every((r) => r.aged65 !== null && r.aged75 !== null)).toBe(true);
  });

  it('reads the US-style survey date and the 5-digit "prefCode" as 団体コード', () => {
    expect(new Set(t.records.map((r) => r.asOf))).toEqual(new Set(['2024-07-01']));
    expect(new Set(t.records.map((r) => r.localGovCode))).toEqual(new Set(['372013']));
    expect(t.records.some((r) => r.isMunicipalityTotal)).toBe(false);
  });

  it('reads space-padded numbers, thousands separators and "-" as 0', () => {
    // Line 4: "塩上町"," 132 "," 71 "," 61 ", … and " - " for women 10-14.
    const r = t.records.find((x) => x.regionName === '塩上町')!;
    expect(r).toMatchObject({ line: 4, total: 132, male: 71, female: 61, households: 91, regionCode: null });
    expect(r.bands![3]).toEqual({ band: { from: 15, to: 19 }, male: 0, female: 1, total: 1 });
    expect(r.bands).toHaveLength(18);
    expect(r.bands![17]!.band).toEqual({ from: 85, to: null });
    expect(t.records.some((x) => x.total >= 1000)).toBe(true);
  });

  it('maps "woman" to the female total and man1…woman18 to the 5-year bands', () => {
    expect(t.columns).toContainEqual({ header: 'woman', role: '女性' });
    expect(t.columns).toContainEqual({ header: 'male', role: '男性' });
    expect(t.columns).toContainEqual({ header: 'man1', role: '0-4歳の男性' });
    expect(t.columns).toContainEqual({ header: 'woman18', role: '85歳以上の女性' });
    expect(t.columns).toContainEqual({ header: 'totalPopulation', role: '総人口' });
    expect(t.unusedColumns).toEqual([]);
    expect(t.missingColumns).toEqual([]);
  });
});

describe('高松市 population_0066_201811.csv (unedited)', () => {
  const t = readFile('takamatsu/population_0066_201811.csv');

  it('reads the M/D/YYYY survey date', () => {
    expect(t.errors).toEqual([]);
    expect(t.records).toHaveLength(235);
    expect(t.records.every((r) => r.asOf === '2018-11-01')).toBe(true);
    expect(sum(t, (r) => r.total)).toBe(428276);
    expect(sum(t, (r) => r.aged65)).toBe(116891);
  });
});

describe('a file that is not a population table (localgovjp, Shift_JIS)', () => {
  it('lists the missing columns in one error and returns no records', () => {
    const t = readFile('localgovjp/2019_localgovjp-sjis.csv');
    expect(t.missingColumns).toContain('地域名');
    expect(t.missingColumns).toContain('総人口');
    expect(t.records).toEqual([]);
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]!.message).toContain('必須の列がありません：地域名、総人口');
    expect(t.errors[0]!.message).toContain('調査年月日の列がないため、基準日を指定してください');
    expect(t.unusedColumns).toContain('city');
  });
});

describe('old generation (推奨データセット)', () => {
  const header = [
    '都道府県コード又は市区町村コード',
    '地域コード',
    '都道府県名',
    '市区町村名',
    '調査年月日',
    '地域名',
    '総人口',
    '男性',
    '女性',
    ...STANDARD_BAND_HEADERS,
    '世帯数',
    '備考',
  ].join(',');
  const line = (code: string, region: string, name: string, households: string) =>
    [
      code,
      region,
      '東京都',
      '昭島市',
      '2025/1/1',
      name,
      BAND_MALE + BAND_FEMALE,
      BAND_MALE,
      BAND_FEMALE,
      ...bandCells(),
      households,
      '',
    ].join(',');
  const t = read([
    header,
    line('132071', '001', '昭和町一丁目', '200'),
    line('132071', '002', '昭和町二丁目', '150'),
    line('132071', '', '合計', '350'),
    line('132071', '', '昭島市', '350'),
  ]);

  it('is recognised as the old generation', () => {
    expect(t.format).toBe('ods-old');
    expect(t.formatLabel).toBe('推奨データセット（旧形式）');
    expect(t.errors).toEqual([]);
    expect(t.warnings).toEqual([]);
    expect(t.unusedColumns).toEqual([]);
  });

  it('reads codes, dates and bands', () => {
    expect(t.records[0]).toMatchObject({
      line: 2,
      regionName: '昭和町一丁目',
      regionCode: '001',
      localGovCode: '132071',
      asOf: '2025-01-01',
      total: 360,
      male: 171,
      female: 189,
      households: 200,
      isMunicipalityTotal: false,
    });
    // 65-69 … 85+ are bands 13–17: males 14…18, females 15…19.
    expect(t.records[0]!.aged65).toBe(14 + 15 + 16 + 17 + 18 + (15 + 16 + 17 + 18 + 19));
    expect(t.records[0]!.aged75).toBe(16 + 17 + 18 + (17 + 18 + 19));
  });

  it('marks 合計 and the row named after the municipality as municipality totals', () => {
    expect(t.records.map((r) => r.isMunicipalityTotal)).toEqual([false, false, true, true]);
  });
});

describe('new generation (正式版)', () => {
  const header = [
    '全国地方公共団体コード',
    'ID',
    '地方公共団体名',
    '地域コード',
    '調査年月日',
    '地域名',
    '総人口',
    '男性',
    '女性',
    ...STANDARD_BAND_HEADERS,
    '世帯数',
    '備考',
  ].join(',');
  const line = (name: string) =>
    [
      '011002',
      'X1',
      '北海道札幌市',
      '',
      '令和6年7月1日',
      name,
      '360',
      '171',
      '189',
      ...bandCells(),
      '"1,200"',
      '',
    ].join(',');
  const t = read([header, line('札幌市'), line('大通西')]);

  it('is recognised as the 正式版 and read the same way', () => {
    expect(t.format).toBe('ods-new');
    expect(t.formatLabel).toBe('自治体標準オープンデータセット（正式版）');
    expect(t.errors).toEqual([]);
    expect(t.records).toHaveLength(2);
    expect(t.records[1]).toMatchObject({
      regionName: '大通西',
      localGovCode: '011002',
      asOf: '2024-07-01',
      total: 360,
      households: 1200,
      aged65: 165,
      isMunicipalityTotal: false,
    });
    expect(t.columns).toContainEqual({ header: '地方公共団体名', role: '市区町村名' });
    expect(t.columns).toContainEqual({ header: 'ID', role: '番号（取り込みません）' });
  });

  it('treats 札幌市 in a file of 北海道札幌市 as the municipality total', () => {
    expect(t.records[0]!.isMunicipalityTotal).toBe(true);
  });
});

describe('cell values', () => {
  const header = '地域名,調査年月日,総人口,男性,女性,世帯数';

  it('reports a non-number with line and column and leaves the row out', () => {
    const t = read([header, 'A町,2024-07-01,100,50,50,40', 'B町,2024-07-01,abc,50,50,40']);
    expect(t.errors).toEqual([
      { line: 3, column: '総人口', message: '3行目「総人口」：数値として読めません（"abc"）' },
    ]);
    expect(t.records.map((r) => r.regionName)).toEqual(['A町']);
  });

  it('names the file’s own header and the role when they differ', () => {
    const t = read(['regionName,surveyDate,totalPopulation', 'A町,2024-07-01,x1']);
    expect(t.errors[0]!.message).toBe('2行目「totalPopulation（総人口）」：数値として読めません（"x1"）');
  });

  it('rejects negative and fractional counts', () => {
    const t = read([header, 'A町,2024-07-01,-5,50,50,40', 'B町,2024-07-01,100,50.5,50,40']);
    expect(t.errors.map((e) => e.message)).toEqual([
      '2行目「総人口」：負の数は使えません（"-5"）',
      '3行目「男性」：人数が整数ではありません（"50.5"）',
    ]);
  });

  it('reads full-width digits, thousands separators, "人" and dashes', () => {
    const t = read([
      header,
      '"A町",2024-07-01,"１，２３４",６００人,"634",－',
      'B町,2024-07-01,"1,000.0",―,1000,ー',
    ]);
    expect(t.errors).toEqual([]);
    expect(t.records[0]).toMatchObject({ total: 1234, male: 600, female: 634, households: 0 });
    expect(t.records[1]).toMatchObject({ total: 1000, male: 0, female: 1000, households: 0 });
  });

  it('treats suppressed values (*, X, …) as unknown with a warning', () => {
    const t = read([header, 'A町,2024-07-01,100,*,X,…']);
    expect(t.errors).toEqual([]);
    expect(t.records[0]).toMatchObject({ total: 100, male: null, female: null, households: null });
    expect(t.warnings).toHaveLength(3);
    expect(t.warnings[0]).toEqual({
      line: 2,
      column: '男性',
      message: '2行目「男性」：秘匿値（"*"）のため人数は不明として扱います',
    });
  });

  it('computes a suppressed or empty total from men and women', () => {
    const t = read([header, 'A町,2024-07-01,*,50,60,40', 'B町,2024-07-01,,30,20,10']);
    expect(t.errors).toEqual([]);
    expect(t.records.map((r) => r.total)).toEqual([110, 50]);
    expect(t.warnings.map((w) => w.message)).toContain(
      '3行目「総人口」：空欄のため、男性と女性の合計（50）を使います',
    );
  });

  it('leaves out, with a warning only, a row whose total is suppressed and cannot be computed', () => {
    const t = read([header, 'A町,2024-07-01,*,*,60,40', 'B町,2024-07-01,10,5,5,4']);
    expect(t.errors).toEqual([]);
    expect(t.records.map((r) => r.regionName)).toEqual(['B町']);
    expect(t.warnings.map((w) => w.message)).toContain(
      '2行目：総人口が秘匿されているため、この行は取り込みません',
    );
  });

  it('errors on an empty total that cannot be computed, and on a missing region name', () => {
    const t = read([header, 'A町,2024-07-01,,,60,40', ',2024-07-01,10,5,5,4']);
    expect(t.errors.map((e) => e.message)).toEqual([
      '2行目「総人口」：値がありません',
      '3行目「地域名」：地域名がありません',
    ]);
  });

  it('warns when the total is not men plus women', () => {
    const t = read([header, 'A町,2024-07-01,101,50,50,40']);
    expect(t.records[0]!.total).toBe(101);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '2行目：総人口（101）が男性と女性の合計（100）と一致しません',
    ]);
  });
});

describe('dates', () => {
  it('reports an unreadable or impossible date as a row error', () => {
    const t = read([
      '地域名,調査年月日,総人口',
      'A町,2024-02-30,10',
      'B町,令和元年4月1日,10',
      'C町,R6.7.1,10',
    ]);
    expect(t.errors.map((e) => e.message)).toEqual([
      '2行目「調査年月日」：日付として読めません（"2024-02-30"）',
      '3行目「調査年月日」：日付として読めません（"令和元年4月1日"）',
    ]);
    expect(t.records.map((r) => r.asOf)).toEqual(['2024-07-01']);
  });

  it('uses the given base date when the file has no date column', () => {
    const t = read(['地域名,総人口', 'A町,10'], { defaultAsOf: '2024-04-01' });
    expect(t.errors).toEqual([]);
    expect(t.missingColumns).toEqual([]);
    expect(t.records[0]!.asOf).toBe('2024-04-01');
  });

  it('fills empty date cells from the base date but keeps dates the file gives', () => {
    const t = read(['地域名,調査年月日,総人口', 'A町,,10', 'B町,2023/10/1,10'], {
      defaultAsOf: '令和6年4月1日',
    });
    expect(t.records.map((r) => r.asOf)).toEqual(['2024-04-01', '2023-10-01']);
  });

  it('asks for a base date when there is no date column', () => {
    const t = read(['地域名,総人口', 'A町,10']);
    expect(t.missingColumns).toEqual(['調査年月日']);
    expect(t.errors).toEqual([
      {
        line: 1,
        column: null,
        message: '必須の列がありません：調査年月日（調査年月日の列がないため、基準日を指定してください）',
      },
    ]);
    expect(t.records).toEqual([]);
  });

  it('rejects an unreadable base date', () => {
    const t = read(['地域名,総人口', 'A町,10'], { defaultAsOf: 'someday' });
    expect(t.errors.map((e) => e.message)).toContain('指定された基準日が日付として読めません（"someday"）');
  });
});

describe('age bands', () => {
  it('computes aged65 from 0-14, 15-64 and 65以上, but aged75 only when bands split at 75', () => {
    const t = read(['地域名,調査年月日,総人口,0-14歳,15-64歳,65歳以上', 'A町,2024-07-01,100,10,60,30']);
    expect(t.errors).toEqual([]);
    expect(t.warnings).toEqual([]);
    expect(t.records[0]).toMatchObject({ aged65: 30, aged75: null });
    expect(t.records[0]!.bands).toEqual([
      { band: { from: 0, to: 14 }, male: null, female: null, total: 10 },
      { band: { from: 15, to: 64 }, male: null, female: null, total: 60 },
      { band: { from: 65, to: null }, male: null, female: null, total: 30 },
    ]);
  });

  it('gives no aged65 when the bands do not split at 65', () => {
    const t = read(['地域名,調査年月日,総人口,0-59歳,60-69歳,70歳以上', 'A町,2024-07-01,100,50,20,30']);
    expect(t.records[0]).toMatchObject({ aged65: null, aged75: null });
    expect(t.records[0]!.bands).toHaveLength(3);
  });

  it('gives no aged65 when there is no open-ended top band', () => {
    const t = read(['地域名,調査年月日,総人口,0-64歳,65-74歳,75-84歳', 'A町,2024-07-01,100,70,20,10']);
    expect(t.records[0]).toMatchObject({ aged65: null, aged75: null });
  });

  it('recognises the header spellings found in the wild', () => {
    const t = read([
      '地域名,調査年月日,総人口,0～4歳男性,0〜4歳女性,5-9歳_男,5-9歳_女,男性10-14歳,女性10～14歳,15歳以上の男性,15歳以上の女性',
      'A町,2024-07-01,100,1,2,3,4,5,6,39,40',
    ]);
    expect(t.unusedColumns).toEqual([]);
    expect(t.warnings).toEqual([]);
    expect(t.records[0]!.bands!.map((b) => [b.band.from, b.band.to, b.male, b.female, b.total])).toEqual([
      [0, 4, 1, 2, 3],
      [5, 9, 3, 4, 7],
      [10, 14, 5, 6, 11],
      [15, null, 39, 40, 79],
    ]);
    expect(t.columns).toContainEqual({ header: '0～4歳男性', role: '0-4歳の男性' });
    expect(t.columns).toContainEqual({ header: '15歳以上の女性', role: '15歳以上の女性' });
  });

  it('reads 昭島市-style bands to 100歳以上 with 年齢不詳, counting 年齢不詳 in the check against the total', () => {
    const ages = [
      '0-64歳',
      '65-69歳',
      '70-74歳',
      '75-79歳',
      '80-84歳',
      '85-89歳',
      '90-94歳',
      '95-99歳',
      '100歳以上',
      '年齢不詳',
    ];
    const header = [
      '地域名',
      '調査年月日',
      '総人口',
      ...ages.flatMap((a) => [`${a}の男性`, `${a}の女性`]),
    ].join(',');
    const cells = ages.flatMap(() => ['1', '1']);
    const t = read([header, ['A町', '2025/1/1', '20', ...cells].join(',')]);
    expect(t.warnings).toEqual([]);
    expect(t.records[0]).toMatchObject({ total: 20, aged65: 16, aged75: 12 });
    expect(t.columns).toContainEqual({ header: '年齢不詳の男性', role: '年齢不詳の男性' });
    expect(t.columns).toContainEqual({ header: '100歳以上の男性', role: '100歳以上の男性' });
  });

  it('does not double-count a 65歳以上 summary column next to 5-year bands', () => {
    const t = read([
      ['地域名', '調査年月日', '総人口', ...STANDARD_BAND_HEADERS, '65歳以上'].join(','),
      ['A町', '2024-07-01', '360', ...bandCells(), '165'].join(','),
    ]);
    expect(t.warnings).toEqual([]);
    expect(t.records[0]).toMatchObject({ aged65: 165, aged75: 105 });
  });

  it('treats empty and dash band cells as 0', () => {
    const t = read([
      '地域名,調査年月日,総人口,0-64歳,65歳以上',
      'A町,2024-07-01,10,10,',
      'B町,2024-07-01,10,10,-',
    ]);
    expect(t.errors).toEqual([]);
    expect(t.records.map((r) => r.aged65)).toEqual([0, 0]);
  });

  it('drops bands and aged65 for a row with a suppressed band cell, with a warning', () => {
    const t = read(['地域名,調査年月日,総人口,0-64歳,65歳以上', 'A町,2024-07-01,10,*,3']);
    expect(t.errors).toEqual([]);
    expect(t.records[0]).toMatchObject({ total: 10, bands: null, aged65: null });
    expect(t.warnings.map((w) => w.message)).toEqual([
      '2行目「0-64歳」：秘匿値（"*"）のため人数は不明として扱います',
    ]);
  });

  it('warns when the bands do not add up to the total', () => {
    const t = read(['地域名,調査年月日,総人口,0-64歳,65歳以上', 'A町,2024-07-01,10,6,3']);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '2行目：年齢階級の合計（9）が総人口（10）と一致しません',
    ]);
  });

  it('computes the total, and men and women, from sex-specific bands when those columns are absent', () => {
    const t = read([
      ['地域名', '調査年月日', ...STANDARD_BAND_HEADERS].join(','),
      ['A町', '2024-07-01', ...bandCells()].join(','),
    ]);
    expect(t.errors).toEqual([]);
    expect(t.records[0]).toMatchObject({ total: 360, male: 171, female: 189 });
  });

  it('computes the total from men and women when there is no total column', () => {
    const t = read(['地域名,調査年月日,男性,女性', 'A町,2024-07-01,40,45']);
    expect(t.records[0]).toMatchObject({ total: 85, male: 40, female: 45, bands: null, aged65: null });
  });

  it('does not use a band that has only one sex', () => {
    const t = read(['地域名,調査年月日,総人口,0-4歳の男性', 'A町,2024-07-01,10,3']);
    expect(t.records[0]!.bands).toBeNull();
    expect(t.warnings.map((w) => w.message)).toEqual([
      '列「0-4歳の男性」は同じ年齢階級の女性の列がないため、年齢階級としては使いません',
    ]);
  });
});

describe('table shape', () => {
  it('finds the header below title rows', () => {
    const t = read([
      '地域・年齢別人口（令和6年7月1日現在）',
      '',
      '地域名,調査年月日,総人口',
      'A町,2024-07-01,10',
    ]);
    expect(t.errors).toEqual([]);
    expect(t.records).toEqual([expect.objectContaining({ line: 4, regionName: 'A町', total: 10 })]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '3行目を見出し行とみなし、それより前の行は読み飛ばしました',
    ]);
  });

  it('skips rows of empty cells and footnotes', () => {
    const t = read(['地域名,調査年月日,総人口', 'A町,2024-07-01,10', ',,', '※住民基本台帳による,,']);
    expect(t.errors).toEqual([]);
    expect(t.records).toHaveLength(1);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '4行目は注記とみなして読み飛ばしました（※住民基本台帳による）',
    ]);
  });

  it('lists columns it does not understand, and uses only the first of two columns for one role', () => {
    const t = read(['地域名,調査年月日,総人口,人口,高齢化率', 'A町,2024-07-01,10,11,20.0']);
    expect(t.unusedColumns).toEqual(['人口', '高齢化率']);
    expect(t.records[0]!.total).toBe(10);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '列「人口」は列「総人口」と同じ「総人口」のため使いません',
    ]);
  });

  it('warns about the same area twice at the same date', () => {
    const t = read([
      '地域名,調査年月日,総人口',
      'A町,2024-07-01,10',
      'A町,2024-07-01,10',
      'A町,2023-07-01,10',
    ]);
    expect(t.records).toHaveLength(3);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '3行目：地域「A町」（2024-07-01）は2行目と重複しています',
    ]);
  });

  it('keeps a prefecture code out of localGovCode, and warns about a code that is not one', () => {
    const t = read([
      '市区町村コード,地域名,調査年月日,総人口',
      '130001,A町,2024-07-01,10',
      '131017,B町,2024-07-01,10',
    ]);
    expect(t.records.map((r) => r.localGovCode)).toEqual([null, null]);
    expect(t.warnings.map((w) => w.message)).toEqual([
      '3行目「市区町村コード」：団体コードの検査数字が正しくありません（正しくは 131016）（"131017"）',
    ]);
  });

  it('errors on an empty file and on a header without data', () => {
    expect(readPopulationTable([]).errors.map((e) => e.message)).toEqual(['ファイルにデータがありません']);
    expect(read(['地域名,調査年月日,総人口']).errors.map((e) => e.message)).toEqual([
      '見出し行の後に人口のデータがありません',
    ]);
  });

  it('reports every missing required column at once', () => {
    const t = read(['NO,備考', '1,x']);
    expect(t.missingColumns).toEqual(['地域名', '総人口', '調査年月日']);
    expect(t.errors).toHaveLength(1);
    expect(t.columns).toEqual([
      { header: 'NO', role: '番号（取り込みません）' },
      { header: '備考', role: '備考（取り込みません）' },
    ]);
  });
});
