import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Cell, SurveyResults } from '../../../contracts/surveys';
import { vectorColumn } from '../../../domain/answer-vector';
import { subtreeIds } from '../../../domain/areas';
import { fiscalYearLabel, todayInTokyo } from '../../../domain/dates';
import { items } from '../../../domain/questionnaire';
import { AGE_BANDS, ageBandSql, countJudgementsSql, sqlText } from '../../../domain/risk-sql';
import { percent, suppress } from '../../../domain/small-cells';
import { judgeKeys, judgeSelect, judgeTalliesSelect } from '../../../domain/survey-instruments';
import type { TenantContext } from '../../core/context';
import { tenantAreas } from '../areas';
import { printReport } from '../print';
import { surveysPolicy } from './surveys.policy';
import { findSurvey, instrumentInfo, instrumentOf, surveyRules, toSurvey } from './surveys.service';
import type { SurveyRow } from './surveys.tables';

/*
 * Survey results: each judgement (該当 / 非該当 / 判定不能) for every respondent is computed by the
 * database from the stored answers with the survey's current thresholds (domain/risk-sql), counted
 * overall, by area and by age band × sex in one scan (GROUPING SETS), then rolled up to the chosen
 * layer and suppressed for viewers who may not see small cells. Nothing is cached, so a changed
 * threshold shows at once.
 */

const SEX_LABEL: Record<string, string> = { '1': '男性', '2': '女性' };

interface Tally {
  n: number;
  hit: number[];
  non: number[];
}

const emptyTally = (rules: number): Tally => ({ n: 0, hit: Array(rules).fill(0), non: Array(rules).fill(0) });
function add(into: Tally, t: Tally) {
  into.n += t.n;
  t.hit.forEach((v, i) => {
    into.hit[i]! += v;
  });
  t.non.forEach((v, i) => {
    into.non[i]! += v;
  });
}

type Source = (
  instrument: ReturnType<typeof instrumentOf>,
  rules: ReturnType<typeof surveyRules>,
  opts: { from: string; pass: { name: string; sql: string }[] },
) => string;

/**
 * The counting SQL around a judging SELECT over one survey's responses. Tenant and survey go in as
 * parameters; the rest is generated from rule data only.
 */
function countSql(
  judging: Source,
  tenantId: string,
  surveyId: string,
  survey: Pick<SurveyRow, 'instrument' | 'thresholds'>,
) {
  const instrument = instrumentOf(survey as SurveyRow);
  const rules = surveyRules(survey as SurveyRow);
  const marker = '\u0000';
  const select = judging(instrument, rules, {
    from: `from survey_responses where tenant_id = ${marker} and survey_id = ${marker}`,
    pass: [
      { name: 'area', sql: 'area_id' },
      { name: 'sex', sql: "coalesce(sex, '')" },
      { name: 'band', sql: ageBandSql('age') },
    ],
  });
  const [before, middle, after] = countJudgementsSql(select, judgeKeys(instrument, rules).length).split(
    marker,
  );
  return sql.join([sql.raw(before!), sql`${tenantId}`, sql.raw(middle!), sql`${surveyId}`, sql.raw(after!)]);
}

/** The one SQL the results page runs: stored tallies judged with the thresholds, counted (the bench times it). */
export const resultsSql = (
  tenantId: string,
  surveyId: string,
  survey: Pick<SurveyRow, 'instrument' | 'thresholds'>,
) => countSql((i, rules, opts) => judgeTalliesSelect(i, rules, 'tallies', opts), tenantId, surveyId, survey);

/**
 * The same counts judged from the stored answers themselves (every item read and counted in SQL,
 * domain/risk-sql `layeredJudgements`): what a change of counted answers would need, and the
 * like-for-like comparison with DuckDB in the bench.
 */
export const resultsFromAnswersSql = (
  tenantId: string,
  surveyId: string,
  survey: Pick<SurveyRow, 'instrument' | 'thresholds'>,
) =>
  countSql(
    (i, rules, opts) => judgeSelect(i, rules, vectorColumn(i.definition, 'answers'), opts),
    tenantId,
    surveyId,
    survey,
  );

type Row = Record<string, unknown>;
const rowsOf = (r: unknown): Row[] => (r as { rows: Row[] }).rows;

function tallyOf(r: Row, rules: number): Tally {
  const t = emptyTally(rules);
  t.n = Number(r.n);
  for (let i = 0; i < rules; i++) {
    t.hit[i] = Number(r[`h${i}`]);
    t.non[i] = Number(r[`o${i}`]);
  }
  return t;
}

const cell = (c: ReturnType<typeof suppress>): Cell =>
  c.shown ? { shown: true, value: c.value, text: c.text } : { shown: false, value: null, text: c.text };
const plain = (n: number): Cell => ({ shown: true, value: n, text: n.toLocaleString('ja-JP') });

function ruleCells(t: Tally, keys: readonly string[], small: boolean) {
  return keys.map((key, i) => {
    const hits = t.hit[i]!;
    const known = hits + t.non[i]!;
    const und = t.n - known;
    if (small) {
      const rate = known > 0 ? (hits / known) * 100 : null;
      return {
        key,
        hits: plain(hits),
        known: plain(known),
        undetermined: und,
        rate:
          rate === null
            ? { shown: false, value: null, text: '—' }
            : { shown: true, value: rate, text: `${rate.toFixed(1)}%` },
      };
    }
    return {
      key,
      hits: cell(suppress(hits)),
      known: cell(suppress(known)),
      undetermined: und >= 5 ? und : null,
      rate: cell(percent(hits, known)),
    };
  });
}

export async function surveyResults(
  ctx: TenantContext,
  id: string,
  q: { layer: '2' | '3' },
): Promise<SurveyResults> {
  surveysPolicy.read(ctx);
  const row = await findSurvey(ctx, id);
  const rules = surveyRules(row);
  const keys = judgeKeys(instrumentOf(row), rules);
  const small = surveysPolicy.seesSmallCells(ctx);
  const all = await tenantAreas(ctx);

  // Finest grain from the database (area × sex × band); totals are sums of it.
  const grouped = rowsOf(await ctx.db.execute(resultsSql(ctx.tenantId, id, row)));
  const total = emptyTally(keys.length);
  const byAreaId = new Map<string | null, Tally>();
  const bandMap = new Map<string, { band: string; sex: string; t: Tally }>();
  for (const r of grouped) {
    const t = tallyOf(r, keys.length);
    add(total, t);
    const area = (r.area as string | null) ?? null;
    const a = byAreaId.get(area) ?? emptyTally(keys.length);
    add(a, t);
    byAreaId.set(area, a);
    const k = `${r.band}\u0000${r.sex}`;
    const b = bandMap.get(k) ?? { band: String(r.band), sex: String(r.sex), t: emptyTally(keys.length) };
    add(b.t, t);
    bandMap.set(k, b);
  }
  const byBand = [...bandMap.values()];

  // Roll responses up to the areas of the chosen layer; what has no area (or one above) is 地域不明.
  const layer = Number(q.layer);
  const rowsAt = all.filter((a) => a.layer === layer);
  const rowOf = new Map<string, string>();
  for (const a of rowsAt) for (const sub of subtreeIds(all, [a.id])) rowOf.set(sub, a.id);
  const rolled = new Map<string | null, Tally>();
  for (const [areaId, t] of byAreaId) {
    const target = areaId ? (rowOf.get(areaId) ?? null) : null;
    const into = rolled.get(target) ?? emptyTally(keys.length);
    add(into, t);
    rolled.set(target, into);
  }
  const areaRows = [
    ...rowsAt.map((a) => ({ areaId: a.id as string | null, areaName: a.name })),
    ...(rolled.has(null) ? [{ areaId: null, areaName: '地域不明' }] : []),
  ].map(({ areaId, areaName }) => {
    const t = rolled.get(areaId) ?? emptyTally(keys.length);
    return {
      areaId,
      areaName,
      respondents: small ? plain(t.n) : cell(suppress(t.n)),
      rules: ruleCells(t, keys, small),
    };
  });

  const bandOrder = [...AGE_BANDS.map((b) => b.key), 'unknown'];
  const bandLabel = (k: string) => AGE_BANDS.find((b) => b.key === k)?.label ?? '年齢不明';
  const bands = byBand
    .sort((a, b) => bandOrder.indexOf(a.band) - bandOrder.indexOf(b.band) || a.sex.localeCompare(b.sex))
    .map(({ band, sex, t }) => ({
      band: bandLabel(band),
      sex: SEX_LABEL[sex] ?? '不明',
      respondents: small ? plain(t.n) : cell(suppress(t.n)),
      rules: ruleCells(t, keys, small),
    }));

  return {
    // The respondents counted here are the survey's responses: no second count.
    survey: toSurvey(row, total.n),
    respondents: total.n,
    suppressed: !small,
    rules: instrumentInfo(instrumentOf(row), rules).rules,
    overall: ruleCells(total, keys, small),
    byArea: areaRows,
    byBand: bands,
    questions: await questionDistribution(ctx, row, small),
  };
}

/** Answers per option for every choice question, in one scan. */
async function questionDistribution(
  ctx: TenantContext,
  row: Awaited<ReturnType<typeof findSurvey>>,
  small: boolean,
) {
  const def = instrumentOf(row).definition;
  const choice = items(def).filter(
    (i) => i.question.kind === 'single' || i.question.kind === 'matrix' || i.question.kind === 'multiple',
  );
  if (choice.length === 0) return [];
  // Each choice item read once from the stored vector (a fenced subquery), then one filtered count
  // per option: about twice as fast on PGlite as unnesting every vector (bench: surveys).
  const read = vectorColumn(def, 'answers');
  const cols: string[] = [];
  const counts: string[] = [];
  const names = new Map<string, string>();
  choice.forEach((it, i) => {
    cols.push(`${read(it.key)} as c${i}`);
    const q = it.question as { options: readonly { code: string }[]; kind: string; multiple?: boolean };
    const multi = q.kind === 'multiple' || q.multiple === true;
    q.options.forEach((o, j) => {
      names.set(`${it.key}\u0000${o.code}`, `n${i}_${j}`);
      // A multiple choice is its codes joined by ',' (domain/answer-vector).
      const test = multi
        ? `(',' || c${i} || ',') like ${sqlText(`%,${o.code},%`)}`
        : `c${i} = ${sqlText(o.code)}`;
      counts.push(`count(*) filter (where ${test}) as n${i}_${j}`);
    });
    names.set(`${it.key}\u0000`, `m${i}`);
    counts.push(`count(*) filter (where c${i} is null) as m${i}`);
  });
  const [r] = rowsOf(
    await ctx.db.execute(
      sql`select ${sql.raw(counts.join(', '))} from (select ${sql.raw(cols.join(', '))} from survey_responses
          where tenant_id = ${ctx.tenantId} and survey_id = ${row.id} offset 0) x`,
    ),
  );
  const countOf = (key: string, code: string | null) =>
    Number(r?.[names.get(`${key}\u0000${code ?? ''}`)!] ?? 0);
  const layout = choice.map((it) => ({
    itemKey: it.key,
    label: it.name,
    options: (it.question as { options: readonly { code: string; label: string }[] }).options,
  }));
  const show = (n: number) => (small ? plain(n) : cell(suppress(n)));
  return layout.map((l) => ({
    itemKey: l.itemKey,
    label: l.label,
    options: l.options.map((o) => ({
      code: o.code,
      label: o.label,
      count: show(countOf(l.itemKey, o.code)),
    })),
    unanswered: show(countOf(l.itemKey, null)),
  }));
}

/** The results for a report: xlsx (three sheets) or an A4 PDF. Suppression follows the viewer. */
export async function exportSurveyResults(
  ctx: TenantContext,
  id: string,
  q: { layer: '2' | '3'; format: 'xlsx' | 'pdf' },
) {
  const r = await surveyResults(ctx, id, q);
  const today = todayInTokyo(ctx.now());
  const stamp = today.replaceAll('-', '');
  const ruleLabels = r.rules.map((x) => x.label);
  const head = ['', '回答者', ...ruleLabels.map((l) => `${l}（該当%）`)];
  const areaBody = r.byArea.map((a) => [a.areaName, a.respondents.text, ...a.rules.map((c) => c.rate.text)]);
  const bandBody = r.byBand.map((b) => [
    `${b.band} ${b.sex}`,
    b.respondents.text,
    ...b.rules.map((c) => c.rate.text),
  ]);
  const overall = ['全体', r.respondents.toLocaleString('ja-JP'), ...r.overall.map((c) => c.rate.text)];
  const title = `${r.survey.title}　集計結果`;
  const period = `${fiscalYearLabel(r.survey.fiscalYear)}・${r.survey.instrumentTitle}`;
  const note = r.suppressed
    ? '5人未満のマスは表示していません。'
    : '保険者職員向け：5人未満のマスも表示しています（外部に出すときは注意してください）。';
  if (q.format === 'pdf') {
    const pdf = await printReport({
      title,
      subtitle: `${period}　｜　${note}`,
      today,
      sections: [
        // Judgements as rows and areas as columns: a town has more judgements than fit across a page.
        {
          heading: '地域別の該当割合',
          header: ['判定（該当%）', '全体', ...r.byArea.map((a) => a.areaName)],
          rows: [
            ['回答者', r.respondents.toLocaleString('ja-JP'), ...r.byArea.map((a) => a.respondents.text)],
            ...ruleLabels.map((l, k) => [
              l,
              r.overall[k]!.rate.text,
              ...r.byArea.map((a) => a.rules[k]!.rate.text),
            ]),
          ],
        },
        {
          heading: '年齢層・性別の該当割合',
          header: ['判定（該当%）', ...r.byBand.map((b) => `${b.band} ${b.sex}`)],
          rows: [
            ['回答者', ...r.byBand.map((b) => b.respondents.text)],
            ...ruleLabels.map((l, k) => [l, ...r.byBand.map((b) => b.rules[k]!.rate.text)]),
          ],
        },
        {
          heading: '判定の決まり（確からしさ）',
          header: ['判定', '条件', '確からしさ', '出典'],
          rows: r.rules.map((x) => [
            x.label,
            x.condition,
            {
              verified: '確認済み',
              secondary: '二次資料のみ',
              unverified: '未確認',
              conflict: '資料により異なる',
            }[x.status],
            x.source,
          ]),
        },
      ],
    });
    return {
      fileName: `survey-results-${stamp}.pdf`,
      contentType: 'application/pdf',
      body: new Uint8Array(pdf),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ささえあい';
  const sheet = (name: string, rows: (string | number)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([title]);
    ws.addRow([period]);
    ws.addRow([note]);
    ws.addRow(head).font = { bold: true };
    for (const x of rows) ws.addRow(x);
    ws.getColumn(1).width = 20;
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 4 }];
  };
  sheet('地域別', [overall, ...areaBody]);
  sheet('年齢層・性別', bandBody);
  const qs = wb.addWorksheet('設問ごと');
  qs.addRow(['設問', '選択肢', '人数']).font = { bold: true };
  for (const x of r.questions) {
    for (const o of x.options) qs.addRow([x.label, o.label, o.count.text]);
    qs.addRow([x.label, '無回答', x.unanswered.text]);
  }
  return {
    fileName: `survey-results-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: new Uint8Array(await wb.xlsx.writeBuffer()),
  };
}
