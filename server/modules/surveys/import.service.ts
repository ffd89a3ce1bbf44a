import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RESPONDENT_COLUMNS, SurveyImportPreview } from '../../../contracts/surveys';
import { encodeAnswers } from '../../../domain/answer-vector';
import { areaForAddress } from '../../../domain/areas';
import { CsvSyntaxError, parseCsvWithLines } from '../../../domain/csv';
import { isIsoDate, parseJapaneseDate } from '../../../domain/dates';
import { type Answers, items, validateAnswers } from '../../../domain/questionnaire';
import { tallies } from '../../../domain/survey-instruments';
import { decodeBytes, ENCODING_LABELS } from '../../../domain/text-encoding';
import { recordAudit } from '../../core/audit';
import { actorLabel, inTransaction, type TenantContext } from '../../core/context';
import { badRequest, notFound, validationFailed } from '../../core/errors';
import { looksLikeXlsx, readXlsxLines } from '../../core/spreadsheet';
import { type AreaRow, tenantAreas } from '../areas';
import { surveysPolicy } from './surveys.policy';
import { attributes, findSurvey, instrumentOf } from './surveys.service';
import { type SurveyRow, surveyImports, surveyResponses } from './surveys.tables';

/*
 * Survey answers from a file (a contractor's CSV or the town's own xlsx): read whole, headers of
 * one or two rows (「問2」 over 「(1)」), columns matched to item keys by what the header says,
 * every row validated with the questionnaire engine, and only a file without a single error is
 * written — in one transaction. The file's cells are kept with the preview, so a commit writes
 * exactly what was checked.
 */

type Line = { line: number; cells: string[] };

/** Columns that describe the respondent rather than answer a question. */
// The names a header may use for each of RESPONDENT_COLUMNS (contracts/surveys.ts).
const META: { key: (typeof RESPONDENT_COLUMNS)[number]['key']; label: string; names: string[] }[] = [
  {
    key: '@respondentNo',
    label: '調査票番号',
    names: ['調査票番号', '回答者番号', '整理番号', '通し番号', 'id', '番号'],
  },
  { key: '@town', label: '町丁', names: ['町丁', '町丁名', '町名', '住所'] },
  { key: '@area', label: '地域', names: ['地域', '地区', '圏域', '日常生活圏域', '地区名'] },
  { key: '@sex', label: '性別', names: ['性別'] },
  { key: '@age', label: '年齢', names: ['年齢'] },
  { key: '@answeredOn', label: '回答日', names: ['回答日', '記入日', '調査日'] },
];

// NFKC, no spaces or brackets variety: 「問２（１）」「問2(1)」「問2 (1)」 all become 問2(1).
const norm = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[［【〔]/gu, '(')
    .replace(/[］】〕]/gu, ')')
    .toLowerCase();

/** Every name a column may carry for each item: its key, number, short name and label. */
function nameIndex(survey: SurveyRow): Map<string, string> {
  const index = new Map<string, string>();
  const put = (name: string | undefined, key: string) => {
    if (!name) return;
    const n = norm(name);
    if (n && !index.has(n)) index.set(n, key);
  };
  for (const it of items(instrumentOf(survey).definition)) {
    put(it.key, it.key);
    const q = it.question;
    if (it.row) {
      put(`${q.number ?? ''}${it.row.number ?? ''}`, it.key);
      put(it.row.number ? `${q.number ?? ''}${it.row.number}` : undefined, it.key);
      put(it.row.short, it.key);
      put(it.row.label, it.key);
    } else {
      put(q.number, it.key);
      put(q.short, it.key);
      put(q.label, it.key);
    }
    // 「No.1」 is also written 「No1」「1」 on checklists.
    const m = /^no\.?(\d+)$/u.exec(norm(q.number ?? ''));
    if (m) {
      put(`no${m[1]}`, it.key);
      put(`no.${m[1]}`, it.key);
    }
  }
  for (const m of META) for (const n of m.names) put(n, m.key);
  return index;
}

/**
 * What each column's header may mean, best first. With two header rows the upper row carries forward
 * over merged (blank) cells: 「問2」 over 「(1)」 reads 問2(1); 「問3」 over 「身長」 reads 身長 too.
 */
function headerCandidates(grid: Line[], headerRows: 1 | 2): string[][] {
  const width = Math.max(0, ...grid.slice(0, 3).map((l) => l.cells.length));
  const top = grid[0]?.cells ?? [];
  if (headerRows === 1) return Array.from({ length: width }, (_, i) => [(top[i] ?? '').trim()]);
  const sub = grid[1]?.cells ?? [];
  let carry = '';
  return Array.from({ length: width }, (_, i) => {
    const t = (top[i] ?? '').trim();
    if (t) carry = t;
    const s = (sub[i] ?? '').trim();
    return s ? [`${t || carry}${s}`, s, t || carry] : [t];
  });
}

function headers(grid: Line[], headerRows: 1 | 2): string[] {
  return headerCandidates(grid, headerRows).map((c) => c[0] ?? '');
}

function guessColumns(survey: SurveyRow, grid: Line[], headerRows: 1 | 2): (string | null)[] {
  const index = nameIndex(survey);
  const used = new Set<string>();
  return headerCandidates(grid, headerRows).map((names) => {
    for (const name of names) {
      const key = index.get(norm(name));
      if (key && !used.has(key)) {
        used.add(key);
        return key;
      }
    }
    return null;
  });
}

/**
 * A PostgreSQL array literal of texts and NULLs: {1,NULL,"1,3"}. Elements are quoted only when they
 * must be (a multiple choice holds commas): unquoted elements are what PGlite parses fastest.
 */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values
    .map((v) =>
      v === null
        ? 'NULL'
        : /^[\w.-]+$/u.test(v) && v.toUpperCase() !== 'NULL'
          ? v
          : `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`,
    )
    .join(',')}}`;
}

/** Sheet rows as CSV text with blank lines where the sheet had none, so that row numbers stay the same. */
function asCsv(grid: Line[]): string {
  const out: string[] = [];
  for (const { line, cells } of grid) {
    while (out.length < line - 1) out.push('');
    out.push(cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(','));
  }
  return out.join('\n');
}

async function readGrid(fileName: string, bytes: Uint8Array) {
  if (looksLikeXlsx(fileName, bytes)) {
    try {
      const grid = await readXlsxLines(bytes);
      return { encoding: 'xlsx', grid, content: asCsv(grid) };
    } catch {
      throw badRequest('Excel ファイルとして読めませんでした（xlsx 形式で保存し直してください）。');
    }
  }
  const { text, encoding } = decodeBytes(bytes);
  try {
    return { encoding: ENCODING_LABELS[encoding], grid: parseCsvWithLines(text), content: text };
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw badRequest(`${e.line}行目：${e.message}`);
    throw e;
  }
}

interface Planned {
  respondentNo: string;
  areaId: string | null;
  sex: '1' | '2' | null;
  age: number | null;
  answeredOn: string | null;
  answers: Answers;
}

const SEX: Record<string, '1' | '2'> = { '1': '1', '2': '2', 男: '1', 男性: '1', 女: '2', 女性: '2' };

/** Validates every row against the questionnaire; returns the rows ready to write and the problems. */
async function plan(
  ctx: TenantContext,
  survey: SurveyRow,
  grid: Line[],
  headerRows: 1 | 2,
  columns: (string | null)[],
  all: readonly AreaRow[],
) {
  const heads = headers(grid, headerRows);
  const def = instrumentOf(survey).definition;
  const itemHead = new Map(columns.flatMap((k, i) => (k ? [[k, heads[i] ?? `${i + 1}列目`] as const] : [])));
  const errors: { row: number; column: string; message: string }[] = [];
  const rows: Planned[] = [];
  const seenNo = new Map<string, number>();
  const today = new Date(ctx.now()).toISOString().slice(0, 10);
  const byName = new Map(all.map((a) => [norm(a.name), a.id]));
  for (const { line, cells } of grid.slice(headerRows)) {
    if (cells.every((c) => c.trim() === '')) continue;
    const raw: Record<string, unknown> = {};
    const meta: Record<string, string> = {};
    columns.forEach((k, i) => {
      if (!k) return;
      const v = (cells[i] ?? '').trim();
      if (k.startsWith('@')) meta[k] = v.normalize('NFKC');
      else if (v !== '') raw[k] = v;
    });
    const err = (column: string, message: string) => errors.push({ row: line, column, message });
    const v = validateAnswers(def, raw);
    if (!v.ok)
      for (const e of v.errors)
        err(itemHead.get(e.itemKey) ?? e.itemKey, e.message.replace(/^[^：]*：/u, ''));
    const no = meta['@respondentNo'] ?? '';
    if (no) {
      const first = seenNo.get(no);
      if (first !== undefined) err('調査票番号', `「${no}」が${first}行目と重なっています。`);
      else seenNo.set(no, line);
    }
    let areaId: string | null = null;
    if (meta['@area']) {
      areaId = byName.get(norm(meta['@area'])) ?? byName.get(norm(`${meta['@area']}地区`)) ?? null;
      if (!areaId) err('地域', `「${meta['@area']}」という地域は登録されていません。`);
    } else if (meta['@town']) {
      areaId = areaForAddress(meta['@town'], all)?.id ?? null;
      if (!areaId) err('町丁', `「${meta['@town']}」はどの地域にも登録されていません。`);
    }
    let sex: '1' | '2' | null = null;
    if (meta['@sex']) {
      sex = SEX[meta['@sex']] ?? null;
      if (!sex) err('性別', `「${meta['@sex']}」は性別として読めません（1・2・男・女）。`);
    }
    let age: number | null = null;
    if (meta['@age']) {
      age = /^\d+$/u.test(meta['@age']) ? Number(meta['@age']) : null;
      if (age === null || age < 40 || age > 120)
        err('年齢', `「${meta['@age']}」は年齢として読めません（40〜120）。`);
    }
    let answeredOn: string | null = null;
    if (meta['@answeredOn']) {
      const d = isIsoDate(meta['@answeredOn']) ? meta['@answeredOn'] : parseJapaneseDate(meta['@answeredOn']);
      if (!d || d > today)
        err('回答日', `「${meta['@answeredOn']}」は日付として読めないか、今日より後です。`);
      else answeredOn = d;
    }
    if (v.ok)
      rows.push({
        respondentNo: no,
        areaId,
        answeredOn,
        answers: v.answers,
        ...attributes(v.answers, sex, age),
      });
  }
  // Numbers already in the survey (an earlier file, or typed in by hand) are duplicates too.
  const numbers = [...seenNo.keys()];
  for (let i = 0; i < numbers.length; i += 1000) {
    const chunk = numbers.slice(i, i + 1000);
    const existing = await ctx.db
      .select({ no: surveyResponses.respondentNo })
      .from(surveyResponses)
      .where(
        and(
          eq(surveyResponses.tenantId, ctx.tenantId),
          eq(surveyResponses.surveyId, survey.id),
          inArray(surveyResponses.respondentNo, chunk),
        ),
      );
    for (const e of existing)
      errors.push({
        row: seenNo.get(e.no)!,
        column: '調査票番号',
        message: `「${e.no}」はもう入力されています。`,
      });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, heads };
}

function preview(
  id: string,
  fileName: string,
  encoding: string,
  headerRows: 1 | 2,
  heads: string[],
  columns: (string | null)[],
  survey: SurveyRow,
  p: { rows: Planned[]; errors: { row: number; column: string; message: string }[] },
  status: 'previewed' | 'committed',
): SurveyImportPreview {
  const mapped = new Set(columns.filter(Boolean));
  return {
    id,
    fileName,
    encoding,
    headerRows,
    rowCount: p.rows.length + new Set(p.errors.map((e) => e.row)).size,
    columns: heads.map((header, index) => ({ index, header, itemKey: columns[index] ?? null })),
    unmapped: items(instrumentOf(survey).definition)
      .map((i) => i.key)
      .filter((k) => !mapped.has(k)),
    errors: p.errors.slice(0, 200),
    errorCount: p.errors.length,
    canCommit: p.errors.length === 0 && p.rows.length > 0 && status === 'previewed',
    status,
  };
}

export async function previewSurveyImport(
  ctx: TenantContext,
  surveyId: string,
  input: { fileName: string; headerRows: 'auto' | '1' | '2'; bytes: Uint8Array },
) {
  surveysPolicy.manage(ctx);
  const survey = await findSurvey(ctx, surveyId);
  const { encoding, grid, content } = await readGrid(input.fileName, input.bytes);
  if (grid.length === 0) throw badRequest('ファイルに行がありません。');
  // Automatic: the header depth under which more columns are recognised as questions.
  const tries = (input.headerRows === 'auto' ? [1, 2] : [Number(input.headerRows)]) as (1 | 2)[];
  const best = tries
    .map((h) => ({ h, columns: guessColumns(survey, grid, h) }))
    .sort((a, b) => b.columns.filter(Boolean).length - a.columns.filter(Boolean).length)[0]!;
  const all = await tenantAreas(ctx);
  const p = await plan(ctx, survey, grid, best.h, best.columns, all);
  const id = crypto.randomUUID();
  await ctx.db.insert(surveyImports).values({
    tenantId: ctx.tenantId,
    id,
    surveyId,
    fileName: input.fileName,
    encoding,
    status: 'previewed',
    content,
    planned: plannedText(survey, p),
    headerRows: best.h,
    columns: best.columns,
    createdBy: actorLabel(ctx.actor),
    createdAt: ctx.now(),
  });
  return preview(id, input.fileName, encoding, best.h, p.heads, best.columns, survey, p, 'previewed');
}

type PlannedRow = [
  no: string,
  area: string | null,
  sex: string | null,
  age: number | null,
  answered: string | null,
  answers: string,
  tallies: string,
];

/** The rows to write, as stored with the preview: the answer vector is already an array literal. */
function plannedText(survey: SurveyRow, p: { rows: Planned[]; errors: unknown[] }): string | null {
  if (p.errors.length > 0 || p.rows.length === 0) return null;
  const instrument = instrumentOf(survey);
  const def = instrument.definition;
  return JSON.stringify(
    p.rows.map(
      (r): PlannedRow => [
        r.respondentNo,
        r.areaId,
        r.sex,
        r.age,
        r.answeredOn,
        arrayLiteral(encodeAnswers(def, r.answers)),
        `{${tallies(instrument, r.answers).join(',')}}`,
      ],
    ),
  );
}

async function loadImport(ctx: TenantContext, surveyId: string, importId: string) {
  const [row] = await ctx.db
    .select()
    .from(surveyImports)
    .where(
      and(
        eq(surveyImports.tenantId, ctx.tenantId),
        eq(surveyImports.surveyId, surveyId),
        eq(surveyImports.id, importId),
      ),
    );
  if (!row) throw notFound('取り込み');
  return row;
}

export async function remapSurveyImport(
  ctx: TenantContext,
  surveyId: string,
  importId: string,
  input: { headerRows: 1 | 2; columns: Record<string, string> },
) {
  surveysPolicy.manage(ctx);
  const survey = await findSurvey(ctx, surveyId);
  const row = await loadImport(ctx, surveyId, importId);
  if (row.status !== 'previewed') throw badRequest('この取り込みはもう保存されています。');
  const grid = parseCsvWithLines(row.content);
  const heads = headers(grid, input.headerRows);
  const known = new Set([
    ...items(instrumentOf(survey).definition).map((i) => i.key),
    ...META.map((m) => m.key),
  ]);
  const columns = heads.map((_, i) => {
    const k = input.columns[String(i)];
    return k && known.has(k) ? k : null;
  });
  const bad = Object.entries(input.columns).find(([, k]) => k && !known.has(k));
  if (bad)
    throw validationFailed(
      [{ path: `columns.${bad[0]}`, message: `列の対応：「${bad[1]}」という設問はこの調査票にありません。` }],
      `列の対応：「${bad[1]}」という設問はこの調査票にありません。`,
    );
  const twice = columns.find((k, i) => k && columns.indexOf(k) !== i);
  if (twice)
    throw validationFailed([
      { path: 'columns', message: `列の対応：「${twice}」に2つの列が割り当てられています。` },
    ]);
  const p = await plan(ctx, survey, grid, input.headerRows, columns, await tenantAreas(ctx));
  await ctx.db
    .update(surveyImports)
    .set({ headerRows: input.headerRows, columns, planned: plannedText(survey, p) })
    .where(and(eq(surveyImports.tenantId, ctx.tenantId), eq(surveyImports.id, importId)));
  return preview(
    importId,
    row.fileName,
    row.encoding,
    input.headerRows,
    p.heads,
    columns,
    survey,
    p,
    'previewed',
  );
}

/**
 * All rows or none: writes the rows the preview checked, in batches inside one transaction. A
 * respondent number typed in by hand since the preview, or an area removed meanwhile, makes the
 * database refuse the whole file, and the staff member is told which.
 */
export async function commitSurveyImport(ctx: TenantContext, surveyId: string, importId: string) {
  surveysPolicy.manage(ctx);
  await findSurvey(ctx, surveyId);
  const row = await loadImport(ctx, surveyId, importId);
  if (row.status !== 'previewed') throw badRequest('この取り込みはもう保存されています。');
  if (!row.planned)
    throw validationFailed(
      [],
      '誤りのある行があるため、何も保存していません。確認画面で誤りを直してから保存してください。',
    );
  const rows = JSON.parse(row.planned) as PlannedRow[];
  return inTransaction(ctx, async (tx) => {
    const by = actorLabel(tx.actor);
    const now = tx.now();
    // Columns as parallel arrays, 5,000 rows a statement: a handful of parameters instead of 70,000,
    // which is what makes 100,000 rows fit in seconds on PGlite (bench: surveys). Each answer vector
    // travels as an array literal and is cast back per row.
    try {
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        const col = (n: number) => sql.param(chunk.map((r) => r[n]));
        await tx.db.execute(sql`
          insert into survey_responses
            (tenant_id, id, survey_id, respondent_no, area_id, sex, age, answered_on, mode, answers, tallies, import_id, entered_by, created_at)
          select ${tx.tenantId}, gen_random_uuid(), ${surveyId}, r.no, r.area, r.sex, r.age, r.answered, 'import', r.answers::text[],
                 r.tallies::smallint[], ${importId}, ${by}, ${now.toISOString()}::timestamptz
          from unnest(${col(0)}::text[], ${col(1)}::uuid[], ${col(2)}::text[], ${col(3)}::int[], ${col(4)}::date[], ${col(5)}::text[], ${col(6)}::text[])
            as r(no, area, sex, age, answered, answers, tallies)`);
      }
    } catch (e) {
      const code =
        (e as { code?: string; cause?: { code?: string } }).code ??
        (e as { cause?: { code?: string } }).cause?.code;
      if (code === '23505')
        throw validationFailed(
          [],
          '確認のあとで同じ調査票番号の回答が入力されたため、何も保存していません。もう一度ファイルを読み込んでください。',
        );
      if (code === '23503')
        throw validationFailed(
          [],
          '確認のあとで地域の登録が変わったため、何も保存していません。もう一度ファイルを読み込んでください。',
        );
      throw e;
    }
    await tx.db
      .update(surveyImports)
      .set({ status: 'committed', committedAt: now, content: '', planned: null })
      .where(and(eq(surveyImports.tenantId, tx.tenantId), eq(surveyImports.id, importId)));
    await recordAudit(tx, {
      entity: 'survey_import',
      entityId: importId,
      action: 'commit',
      detail: { surveyId, added: rows.length, fileName: row.fileName },
    });
    return { added: rows.length };
  });
}
