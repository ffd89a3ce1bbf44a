// Reader for 地域・年齢別人口 tables (standards §8.3) as municipalities really publish them: both generations
// of the 自治体標準オープンデータセット, and files such as 高松市's with English headers, space-padded
// quoted numbers, '-' for zero and US-style dates. It never edits the input; it reports, in Japanese,
// everything it could not read so that staff can fix the file or the import can be refused.
//
// Column names of the 正式版 (new generation), as found by searching public code (the official definition
// sheet itself was not obtained):
// * A Laravel importer of 地域・年齢別人口 CSVs maps 「全国地方公共団体コード」 and, as the alternative
//   header, 「都道府県コード又は市区町村コード」 to the municipality code, and 「地方公共団体名」 to its name,
//   with 地域コード, 調査年月日, 地域名, 総人口, 男性, 女性, 「0-4歳の男性」…「85歳以上の女性」, 世帯数, 備考.
// * A dbt macro over the same dataset selects 「全国地方公共団体コード」「地域コード」「地方公共団体名」
//   「調査年月日」「地域名」 and the 36 band columns 「0-4歳の男性」…「85歳以上の女性」.
// So the 正式版 keeps the old band and total names and replaces only the leading block
// (都道府県コード又は市区町村コード, 都道府県名, 市区町村名 → 全国地方公共団体コード, 地方公共団体名).
// Real files also extend the bands: 昭島市 publishes 「85-89歳の男性」…「100歳以上の女性」 plus
// 「年齢不詳の男性／女性」, and 目黒区 「不詳者の男性／女性」; all of these are recognised below.
import { parseJapaneseDate } from './dates';
import { normalizeLocalGovCode } from './local-gov-code';
import { headerKey, normalizeText } from './text';

/** Which sex a band column counts; 'total' is both sexes together. */
export type BandSex = 'male' | 'female' | 'total';

/** An age band in years, inclusive; to null means 「〜歳以上」. */
export interface AgeBand {
  from: number;
  to: number | null;
}

/** The 18 five-year bands of the standard dataset: 0-4 … 80-84 and 85歳以上. */
export const STANDARD_BANDS: AgeBand[] = Array.from({ length: 18 }, (_, i) => ({
  from: i * 5,
  to: i < 17 ? i * 5 + 4 : null,
}));

/**
 * The header of a 推奨データセット「地域・年齢別人口」 file (old generation), which the reader above
 * recognises: what exports and the demo town write, so their files import again as they are.
 */
export const ODS_POPULATION_HEADER: readonly string[] = [
  '都道府県コード又は市区町村コード',
  '地域コード',
  '都道府県名',
  '市区町村名',
  '調査年月日',
  '地域名',
  '総人口',
  '男性',
  '女性',
  ...STANDARD_BANDS.flatMap((b) => {
    const label = b.to === null ? `${b.from}歳以上` : `${b.from}-${b.to}歳`;
    return [`${label}の男性`, `${label}の女性`];
  }),
  '世帯数',
  '備考',
];

/** One area's population at one date, as read from one row. */
export interface PopulationRecord {
  line: number;
  regionName: string;
  regionCode: string | null;
  localGovCode: string | null;
  asOf: string | null;
  isMunicipalityTotal: boolean;
  total: number;
  male: number | null;
  female: number | null;
  households: number | null;
  bands: { band: AgeBand; male: number | null; female: number | null; total: number }[] | null;
  aged65: number | null;
  aged75: number | null;
}

/** A problem for staff; message is complete Japanese text that already names the line and column. */
export interface TableIssue {
  line: number | null;
  column: string | null;
  message: string;
}

/** Everything read from a population table, with the problems that block or qualify its import. */
export interface PopulationTable {
  format: 'ods-new' | 'ods-old' | 'generic';
  formatLabel: string;
  records: PopulationRecord[];
  errors: TableIssue[];
  warnings: TableIssue[];
  columns: { header: string; role: string }[];
  unusedColumns: string[];
  missingColumns: string[];
}

type Field =
  | 'regionName'
  | 'total'
  | 'male'
  | 'female'
  | 'households'
  | 'asOf'
  | 'localGovCode'
  | 'regionCode'
  | 'cityName';

const FIELD_LABELS: Record<Field, string> = {
  regionName: '地域名',
  total: '総人口',
  male: '男性',
  female: '女性',
  households: '世帯数',
  asOf: '調査年月日',
  localGovCode: '全国地方公共団体コード',
  regionCode: '地域コード',
  cityName: '市区町村名',
};

const FIELD_ALIASES: Record<Field, string[]> = {
  regionName: ['地域名', '町丁名', '町名', '町丁字名', '町丁目名', '町字名', '地区名', '字名', 'regionName'],
  total: ['総人口', '人口総数', '総数', '人口', '人口計', '人口合計', '男女計', 'totalPopulation'],
  male: ['男性', '男', '男性人口', '男性計', '男計', 'male'],
  female: ['女性', '女', '女性人口', '女性計', '女計', 'female', 'woman'],
  households: ['世帯数', '世帯', '世帯計', '世帯総数', 'numberOfHouseholds'],
  asOf: ['調査年月日', '基準日', '基準年月日', '調査日', '調査時点', 'surveyDate'],
  // 高松市 calls its 5-digit municipality code "prefCode"; values are accepted only if they are one.
  localGovCode: [
    '全国地方公共団体コード',
    '都道府県コード又は市区町村コード',
    '市区町村コード',
    '団体コード',
    '地方公共団体コード',
    'localgov_code',
    'prefCode',
  ],
  regionCode: ['地域コード', '町字ID', 'regionCode'],
  cityName: ['市区町村名', '地方公共団体名', 'cityName'],
};

// Columns that are understood but carry nothing a population record keeps.
const IGNORED: [string, string[]][] = [
  ['番号', ['#property', 'NO', 'No.', '番号', 'ID']],
  ['都道府県名', ['都道府県名', 'prefName']],
  ['備考', ['備考', 'note']],
  ['位置', ['location', '緯度', '経度', 'latitude', 'longitude']],
];

type Role =
  | { kind: 'field'; field: Field }
  | { kind: 'band'; band: AgeBand; sex: BandSex }
  | { kind: 'ageUnknown'; sex: BandSex }
  | { kind: 'ignored'; label: string };

const ROLE_BY_KEY = new Map<string, Role>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Field, string[]][]) {
  for (const a of aliases) ROLE_BY_KEY.set(headerKey(a), { kind: 'field', field });
}
for (const [label, aliases] of IGNORED) {
  for (const a of aliases) ROLE_BY_KEY.set(headerKey(a), { kind: 'ignored', label });
}

const SEX_WORDS: [RegExp, BandSex][] = [
  [/^(?:男女計|男女|総数|合計|計|総)$/u, 'total'],
  [/^(?:男性|男子|男)$/u, 'male'],
  [/^(?:女性|女子|女)$/u, 'female'],
];

function sexOf(word: string): BandSex | null {
  for (const [re, sex] of SEX_WORDS) if (re.test(word)) return sex;
  return null;
}

function parseAge(part: string): AgeBand | 'unknown' | null {
  const p = part.replace(/の$/u, '').replace(/人口$/u, '');
  if (/^(?:年齢不詳|年齢不明|不詳者|不詳)$/u.test(p)) return 'unknown';
  let m = /^(\d{1,3})(?:歳|才)?-(\d{1,3})(?:歳|才)$/u.exec(p);
  if (m) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    return from <= to ? { from, to } : null;
  }
  m = /^(\d{1,3})(?:(?:歳|才)(?:以上|\+|-)|以上)$/u.exec(p);
  if (m) return { from: Number(m[1]), to: null };
  m = /^(\d{1,3})(?:歳|才)未満$/u.exec(p);
  if (m && Number(m[1]) > 0) return { from: 0, to: Number(m[1]) - 1 };
  // Single-year tables (各歳): 「5歳の男性」.
  m = /^(\d{1,3})(?:歳|才)$/u.exec(p);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  return null;
}

function bandRole(key: string): Role | null {
  // 高松市: man1…man18 / woman1…woman18 are the 18 standard bands.
  const en = /^(man|male|men|woman|female|women)(\d{1,2})$/u.exec(key);
  if (en) {
    const band = STANDARD_BANDS[Number(en[2]) - 1];
    if (!band) return null;
    return { kind: 'band', band, sex: en[1]!.startsWith('m') ? 'male' : 'female' };
  }
  const k = key.replace(/人口$/u, '');
  let sex: BandSex = 'total';
  let age = k;
  const suffix = /^(.*?)の?(男女計|男女|総数|合計|計|男性|男子|男|女性|女子|女)$/u.exec(k);
  const prefix = /^(男女計|男性|男子|男|女性|女子|女)の?(.+)$/u.exec(k);
  if (suffix?.[1]) {
    sex = sexOf(suffix[2]!) ?? 'total';
    age = suffix[1];
  } else if (prefix) {
    sex = sexOf(prefix[1]!) ?? 'total';
    age = prefix[2]!;
  }
  const parsed = parseAge(age);
  if (parsed === null) return null;
  if (parsed === 'unknown') return { kind: 'ageUnknown', sex };
  return { kind: 'band', band: parsed, sex };
}

function classify(header: string): Role | null {
  const key = headerKey(header);
  return ROLE_BY_KEY.get(key) ?? bandRole(key);
}

/** Japanese label of a band column: 「0-4歳の男性」「85歳以上の女性」「0-4歳（男女計）」. */
function bandLabel(band: AgeBand, sex: BandSex): string {
  const age =
    band.to === null
      ? `${band.from}歳以上`
      : band.from === band.to
        ? `${band.from}歳`
        : `${band.from}-${band.to}歳`;
  return sexLabel(age, sex);
}

function sexLabel(age: string, sex: BandSex): string {
  return sex === 'male' ? `${age}の男性` : sex === 'female' ? `${age}の女性` : `${age}（男女計）`;
}

function roleLabel(role: Role): string {
  switch (role.kind) {
    case 'field':
      return FIELD_LABELS[role.field];
    case 'band':
      return bandLabel(role.band, role.sex);
    case 'ageUnknown':
      return sexLabel('年齢不詳', role.sex);
    case 'ignored':
      return `${role.label}（取り込みません）`;
  }
}

function bandKey(b: AgeBand): string {
  return `${b.from}-${b.to ?? ''}`;
}

type Cols = { male?: number; female?: number; total?: number };
type BandGroup = { band: AgeBand; cols: Cols };

// Finds bands that split exactly at `from` and run without gap or overlap to an open-ended top band.
// Files may carry summary columns (65歳以上) beside 5-year bands; any such chain gives the same sum.
function chainFrom(groups: BandGroup[], from: number): BandGroup[] | null {
  const starting = (f: number) => groups.filter((g) => g.band.from === f);
  const seen = new Set<number>();
  const walk = (f: number): BandGroup[] | null => {
    if (seen.has(f)) return null;
    seen.add(f);
    for (const g of starting(f)) {
      if (g.band.to === null) return [g];
      const rest = walk(g.band.to + 1);
      if (rest) return [g, ...rest];
    }
    return null;
  };
  return walk(from);
}

type Cell =
  | { kind: 'value'; value: number }
  | { kind: 'empty' }
  | { kind: 'secret' }
  | { kind: 'bad'; reason: string };

// 統計表 conventions: a dash (in any of the forms people type) means none; these mean 秘匿 (suppressed).
const DASH = /^[-‐‑‒–—―−ー]$/u;
const SECRET = /^(?:\*+|x|×|\.\.\.|…)$/iu;

function readCount(raw: string): Cell {
  const s = raw.normalize('NFKC').replace(/\s+/gu, '').replace(/人$/u, '');
  if (s === '') return { kind: 'empty' };
  if (DASH.test(s)) return { kind: 'value', value: 0 };
  if (SECRET.test(s)) return { kind: 'secret' };
  if (/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/u.test(s)) {
    return { kind: 'value', value: Number(s.replace(/,/gu, '').replace(/\.0+$/u, '')) };
  }
  if (/^-[\d,.]+$/u.test(s)) return { kind: 'bad', reason: '負の数は使えません' };
  if (/^[\d,]+\.\d+$/u.test(s)) return { kind: 'bad', reason: '人数が整数ではありません' };
  return { kind: 'bad', reason: '数値として読めません' };
}

const MUNICIPALITY_TOTAL_NAMES = new Set([
  '合計',
  '総計',
  '総数',
  '計',
  '全体',
  '市計',
  '区計',
  '町計',
  '村計',
  '全市',
  '市全体',
  '区全体',
  '町全体',
  '村全体',
]);

function isTotalName(regionName: string, cityName: string): boolean {
  const r = regionName.replace(/\s/gu, '');
  if (MUNICIPALITY_TOTAL_NAMES.has(r)) return true;
  const c = cityName.replace(/\s/gu, '');
  if (c === '' || r === '') return false;
  if (r === c) return true;
  // 地方公共団体名 is written with the prefecture (北海道札幌市) while the total row says 札幌市.
  return c.endsWith(r) && /[都道府県市郡]$/u.test(c.slice(0, c.length - r.length));
}

const FORMAT_LABELS: Record<PopulationTable['format'], string> = {
  'ods-new': '自治体標準オープンデータセット（正式版）',
  'ods-old': '推奨データセット（旧形式）',
  generic: '列名から判定',
};

// Title rows above the header are common in files saved from Excel; look a little way down for it.
const HEADER_SEARCH_ROWS = 10;

function findHeaderRow(rows: { line: number; cells: string[] }[]): number {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const roles = rows[i]!.cells.map(classify);
    const has = (f: Field) => roles.some((r) => r?.kind === 'field' && r.field === f);
    const bands = roles.filter((r) => r?.kind === 'band').length;
    if (has('regionName') && (has('total') || has('male') || bands > 0)) return i;
  }
  return 0;
}

/**
 * Reads a 地域・年齢別人口 table (rows from parseCsvWithLines, header first) into records. Row problems are
 * reported with line and column; any error means the table must not be imported. `columns` lists the
 * recognised headers (including ones deliberately not imported), `unusedColumns` the ones not understood.
 */
export function readPopulationTable(
  rows: { line: number; cells: string[] }[],
  opts: { defaultAsOf?: string } = {},
): PopulationTable {
  const errors: TableIssue[] = [];
  const warnings: TableIssue[] = [];
  const columns: { header: string; role: string }[] = [];
  const unusedColumns: string[] = [];
  const result = (
    format: PopulationTable['format'],
    records: PopulationRecord[],
    missingColumns: string[],
  ) => ({
    format,
    formatLabel: FORMAT_LABELS[format],
    records,
    errors,
    warnings,
    columns,
    unusedColumns,
    missingColumns,
  });

  if (rows.length === 0) {
    errors.push({ line: null, column: null, message: 'ファイルにデータがありません' });
    return result('generic', [], []);
  }

  const headerIndex = findHeaderRow(rows);
  const headerRow = rows[headerIndex]!;
  if (headerIndex > 0) {
    warnings.push({
      line: headerRow.line,
      column: null,
      message: `${headerRow.line}行目を見出し行とみなし、それより前の行は読み飛ばしました`,
    });
  }

  // Column assignment: the first column for a role wins; a second one is reported, not silently merged.
  const fieldCol = new Map<Field, number>();
  const bandGroups = new Map<string, BandGroup>();
  const unknownAge: Cols = {};
  // Headers are shown to staff as written (only whitespace tidied), so that they can find them in the file.
  const headers = headerRow.cells.map((h) => h.replace(/\s+/gu, ' ').trim());
  // English headers (高松市's totalPopulation, man1) mean little to staff, so messages add the Japanese role.
  const display = (i: number, role: Role) => {
    const h = headers[i]!;
    return /^[\x20-\x7e]+$/u.test(h) ? `${h}（${roleLabel(role)}）` : h;
  };
  const roles: (Role | null)[] = [];
  headers.forEach((header, i) => {
    roles[i] = null;
    if (normalizeText(header) === '') return;
    const role = classify(header);
    if (!role) {
      unusedColumns.push(header);
      return;
    }
    let taken: number | undefined;
    if (role.kind === 'field') {
      taken = fieldCol.get(role.field);
      if (taken === undefined) fieldCol.set(role.field, i);
    } else if (role.kind === 'band') {
      const key = bandKey(role.band);
      const g = bandGroups.get(key) ?? { band: role.band, cols: {} };
      bandGroups.set(key, g);
      taken = g.cols[role.sex];
      if (taken === undefined) g.cols[role.sex] = i;
    } else if (role.kind === 'ageUnknown') {
      taken = unknownAge[role.sex];
      if (taken === undefined) unknownAge[role.sex] = i;
    }
    if (taken !== undefined) {
      unusedColumns.push(header);
      warnings.push({
        line: headerRow.line,
        column: header,
        message: `列「${header}」は列「${headers[taken]}」と同じ「${roleLabel(role)}」のため使いません`,
      });
      return;
    }
    roles[i] = role;
    columns.push({ header, role: roleLabel(role) });
  });

  const keys = new Set(headers.map(headerKey));
  const format: PopulationTable['format'] = keys.has(headerKey('全国地方公共団体コード'))
    ? 'ods-new'
    : keys.has(headerKey('都道府県コード又は市区町村コード'))
      ? 'ods-old'
      : 'generic';

  // A band is usable when its both-sex count can be known: from its own column or from both sexes.
  const groups: BandGroup[] = [];
  for (const g of bandGroups.values()) {
    if (g.cols.total !== undefined || (g.cols.male !== undefined && g.cols.female !== undefined)) {
      groups.push(g);
    } else {
      const only = (g.cols.male ?? g.cols.female)!;
      warnings.push({
        line: headerRow.line,
        column: headers[only]!,
        message: `列「${headers[only]}」は同じ年齢階級の${g.cols.male !== undefined ? '女性' : '男性'}の列がないため、年齢階級としては使いません`,
      });
    }
  }
  groups.sort((a, b) => a.band.from - b.band.from || (a.band.to ?? Infinity) - (b.band.to ?? Infinity));
  const chain0 = chainFrom(groups, 0);
  const chain65 = chainFrom(groups, 65);
  const chain75 = chainFrom(groups, 75);
  const hasUnknownAge = Object.keys(unknownAge).length > 0;

  let defaultAsOf: string | null = null;
  if (opts.defaultAsOf !== undefined) {
    defaultAsOf = parseJapaneseDate(opts.defaultAsOf);
    if (defaultAsOf === null) {
      errors.push({
        line: null,
        column: null,
        message: `指定された基準日が日付として読めません（"${opts.defaultAsOf}"）`,
      });
    }
  }

  const missing: string[] = [];
  if (!fieldCol.has('regionName')) missing.push(FIELD_LABELS.regionName);
  const canTotal =
    fieldCol.has('total') || (fieldCol.has('male') && fieldCol.has('female')) || chain0 !== null;
  if (!canTotal) missing.push(FIELD_LABELS.total);
  const asOfMissing = !fieldCol.has('asOf') && opts.defaultAsOf === undefined;
  if (asOfMissing) missing.push(FIELD_LABELS.asOf);
  if (missing.length > 0) {
    const hint = asOfMissing ? '（調査年月日の列がないため、基準日を指定してください）' : '';
    errors.push({
      line: headerRow.line,
      column: null,
      message: `必須の列がありません：${missing.join('、')}${hint}`,
    });
    return result(format, [], missing);
  }

  const records: PopulationRecord[] = [];
  const seen = new Map<string, number>();
  const dataRows = rows.slice(headerIndex + 1);

  for (const row of dataRows) {
    const line = row.line;
    const raw = (i: number | undefined) => (i === undefined ? '' : (row.cells[i] ?? ''));
    const nonEmpty = row.cells.map(normalizeText).filter((c) => c !== '');
    // Excel saves formatted-but-empty rows as ",,,,"; they carry nothing.
    if (nonEmpty.length === 0) continue;
    if (nonEmpty.length === 1 && /^(?:※|注|\(注|\*)/u.test(nonEmpty[0]!)) {
      warnings.push({
        line,
        column: null,
        message: `${line}行目は注記とみなして読み飛ばしました（${nonEmpty[0]}）`,
      });
      continue;
    }

    const rowErrors: TableIssue[] = [];
    const rowWarnings: TableIssue[] = [];
    let skip = false;
    const where = (i: number) => `${line}行目「${display(i, roles[i]!)}」`;
    // Reads a count; empty means 0 in band cells (statistics tables leave zero cells blank) and unknown elsewhere.
    const count = (i: number | undefined, emptyIsZero: boolean): number | null | undefined => {
      if (i === undefined) return undefined;
      const text = raw(i);
      const c = readCount(text);
      switch (c.kind) {
        case 'value':
          return c.value;
        case 'empty':
          return emptyIsZero ? 0 : null;
        case 'secret':
          rowWarnings.push({
            line,
            column: headers[i]!,
            message: `${where(i)}：秘匿値（"${text.trim()}"）のため人数は不明として扱います`,
          });
          return null;
        case 'bad':
          rowErrors.push({
            line,
            column: headers[i]!,
            message: `${where(i)}：${c.reason}（"${text.trim()}"）`,
          });
          return null;
      }
    };

    const regionIdx = fieldCol.get('regionName')!;
    const regionName = normalizeText(raw(regionIdx));
    if (regionName === '') {
      rowErrors.push({
        line,
        column: headers[regionIdx]!,
        message: `${where(regionIdx)}：地域名がありません`,
      });
    }

    let asOf: string | null = defaultAsOf;
    const asOfIdx = fieldCol.get('asOf');
    if (asOfIdx !== undefined) {
      const text = normalizeText(raw(asOfIdx));
      if (text !== '') {
        asOf = parseJapaneseDate(text);
        if (asOf === null) {
          rowErrors.push({
            line,
            column: headers[asOfIdx]!,
            message: `${where(asOfIdx)}：日付として読めません（"${text}"）`,
          });
        }
      } else if (defaultAsOf === null) {
        rowErrors.push({ line, column: headers[asOfIdx]!, message: `${where(asOfIdx)}：日付がありません` });
      }
    }

    const totalIdx = fieldCol.get('total');
    const maleIdx = fieldCol.get('male');
    const femaleIdx = fieldCol.get('female');
    const totalCell = count(totalIdx, false);
    let male = count(maleIdx, false) ?? null;
    let female = count(femaleIdx, false) ?? null;
    const households = count(fieldCol.get('households'), false) ?? null;

    // Band values: every cell is read (so every bad cell is reported) before deciding what is known.
    const bandValues = new Map<
      BandGroup,
      { male: number | null; female: number | null; total: number | null }
    >();
    for (const g of groups) {
      const m = count(g.cols.male, true) ?? null;
      const f = count(g.cols.female, true) ?? null;
      const t = count(g.cols.total, true);
      bandValues.set(g, {
        male: m,
        female: f,
        total: t !== undefined ? t : m !== null && f !== null ? m + f : null,
      });
    }
    // 年齢不詳 people count in the totals but in no band.
    const unknownMale = count(unknownAge.male, true);
    const unknownFemale = count(unknownAge.female, true);
    const unknownBoth = count(unknownAge.total, true);
    const unknownOf = (v: number | null | undefined) => (!hasUnknownAge ? 0 : (v ?? null));
    const unknownTotal = !hasUnknownAge
      ? 0
      : unknownBoth !== undefined
        ? unknownBoth
        : unknownMale != null && unknownFemale != null
          ? unknownMale + unknownFemale
          : null;
    const plus = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
    const sumChain = (chain: BandGroup[] | null, sex: BandSex): number | null => {
      if (chain === null) return null;
      let s = 0;
      for (const g of chain) {
        const v = bandValues.get(g)![sex];
        if (v === null) return null;
        s += v;
      }
      return s;
    };
    const allBandsKnown = groups.every((g) => bandValues.get(g)!.total !== null);

    // Sexes missing as columns can still be known from complete sets of sex-specific bands.
    if (maleIdx === undefined) male = plus(sumChain(chain0, 'male'), unknownOf(unknownMale));
    if (femaleIdx === undefined) female = plus(sumChain(chain0, 'female'), unknownOf(unknownFemale));

    let total: number | null = totalCell ?? null;
    const bandsTotal = (() => {
      const s = sumChain(chain0, 'total');
      return plus(s, unknownTotal);
    })();
    const totalKind = totalIdx === undefined ? 'absent' : readCount(raw(totalIdx)).kind;
    // An unreadable total is already an error; only an absent, empty or suppressed one may be computed.
    if (total === null && totalKind !== 'bad') {
      const computed = male !== null && female !== null ? male + female : bandsTotal;
      if (computed !== null) {
        total = computed;
        if (totalIdx !== undefined) {
          rowWarnings.push({
            line,
            column: headers[totalIdx]!,
            message: `${where(totalIdx)}：${totalKind === 'empty' ? '空欄' : '秘匿値'}のため、${male !== null && female !== null ? '男性と女性' : '年齢階級'}の合計（${computed}）を使います`,
          });
        }
      } else if (totalIdx !== undefined && totalKind === 'secret') {
        // A suppressed total on a tiny area should not block the rest of the file; the row alone is left out.
        rowWarnings.push({
          line,
          column: headers[totalIdx]!,
          message: `${line}行目：総人口が秘匿されているため、この行は取り込みません`,
        });
        skip = true;
      } else if (rowErrors.length === 0) {
        rowErrors.push(
          totalIdx !== undefined
            ? { line, column: headers[totalIdx]!, message: `${where(totalIdx)}：値がありません` }
            : {
                line,
                column: null,
                message: `${line}行目：総人口を男性・女性または年齢階級から計算できません`,
              },
        );
      }
    }

    if (total !== null && totalCell !== undefined && totalCell !== null) {
      if (male !== null && female !== null && male + female !== total) {
        rowWarnings.push({
          line,
          column: headers[totalIdx!]!,
          message: `${line}行目：総人口（${total}）が男性と女性の合計（${male + female}）と一致しません`,
        });
      }
      if (bandsTotal !== null && bandsTotal !== total) {
        rowWarnings.push({
          line,
          column: headers[totalIdx!]!,
          message: `${line}行目：年齢階級の合計（${bandsTotal}）が総人口（${total}）と一致しません`,
        });
      }
    }

    let localGovCode: string | null = null;
    const codeIdx = fieldCol.get('localGovCode');
    const codeText = normalizeText(raw(codeIdx));
    if (codeIdx !== undefined && codeText !== '') {
      const r = normalizeLocalGovCode(codeText);
      if (!r.ok) {
        rowWarnings.push({
          line,
          column: headers[codeIdx]!,
          message: `${where(codeIdx)}：${r.message}（"${codeText}"）`,
        });
      } else if (r.code.slice(2, 5) !== '000') {
        // Municipality part 000 is the prefecture itself, which old-generation files put in the same column.
        localGovCode = r.code;
      }
    }

    warnings.push(...rowWarnings);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    if (skip || total === null) continue;

    const regionCode = normalizeText(raw(fieldCol.get('regionCode'))) || null;
    const dupKey = `${regionCode ?? ''}\u0000${regionName}\u0000${asOf ?? ''}`;
    const firstLine = seen.get(dupKey);
    if (firstLine !== undefined) {
      warnings.push({
        line,
        column: headers[regionIdx]!,
        message: `${line}行目：地域「${regionName}」（${asOf ?? '日付なし'}）は${firstLine}行目と重複しています`,
      });
    } else {
      seen.set(dupKey, line);
    }

    const bandsKnown = groups.length > 0 && allBandsKnown;
    records.push({
      line,
      regionName,
      regionCode,
      localGovCode,
      asOf,
      isMunicipalityTotal: isTotalName(regionName, normalizeText(raw(fieldCol.get('cityName')))),
      total,
      male,
      female,
      households,
      bands: bandsKnown
        ? groups.map((g) => {
            const v = bandValues.get(g)!;
            return { band: g.band, male: v.male, female: v.female, total: v.total! };
          })
        : null,
      aged65: bandsKnown ? sumChain(chain65, 'total') : null,
      aged75: bandsKnown ? sumChain(chain75, 'total') : null,
    });
  }

  if (records.length === 0 && errors.length === 0) {
    errors.push({ line: null, column: null, message: '見出し行の後に人口のデータがありません' });
  }
  return result(format, records, []);
}
