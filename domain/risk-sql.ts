import type { AnswerCodes, RiskRule } from './needs-survey';

/*
 * The risk rules of domain/needs-survey.ts compiled to SQL, so that a whole survey (100,000
 * answers) is judged and counted by area in one scan by the database instead of row by row in
 * JavaScript. The same text runs on PostgreSQL, PGlite and DuckDB: it uses only CASE, IN, numeric
 * casts and arithmetic. `evaluateRisks` stays the reference: a property test checks that both
 * give the same judgement for random answers.
 *
 * Result codes: 1 = 該当, 0 = 非該当, 2 = 判定不能.
 */

export const JUDGEMENT_CODE = { 該当: 1, 非該当: 0, 判定不能: 2 } as const;

/** How to read one item's code as SQL text (null when unanswered): `answers->>'ns.stairs'`, or a CSV column. */
export type Column = (itemKey: string) => string;

/** A text as an SQL string literal (codes and keys come from definitions, never from a request). */
export const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

function counted(
  col: Column,
  items: readonly string[],
  codes: AnswerCodes,
): { hits: string; missing: string } {
  const hits = items
    .map((k) => {
      const c = codes[k] ?? [];
      return c.length === 0
        ? '0'
        : `(case when ${col(k)} in (${c.map(sqlText).join(', ')}) then 1 else 0 end)`;
    })
    .join(' + ');
  const missing = items.map((k) => `(case when ${col(k)} is null then 1 else 0 end)`).join(' + ');
  return { hits: `(${hits || '0'})`, missing: `(${missing || '0'})` };
}

/** judgeCount in SQL: the same three outcomes from the known and the possible count. */
export function judgeSqlCount(
  hits: string,
  missing: string,
  operator: '>=' | '<=',
  threshold: number,
): string {
  const t = Number(threshold);
  if (!Number.isInteger(t)) throw new Error(`threshold must be an integer, got ${threshold}`);
  return operator === '>='
    ? `(case when ${hits} >= ${t} then 1 when ${hits} + ${missing} < ${t} then 0 else 2 end)`
    : `(case when ${hits} + ${missing} <= ${t} then 1 when ${hits} > ${t} then 0 else 2 end)`;
}

/**
 * The rules as nested SELECTs that read each item once, count each rule's hits and blanks once, and
 * only then judge. A flat form (one CASE per rule with the sums inside) repeats those sums in every
 * branch, and an element of a text[] is found by walking the array, so on 100,000 rows it cost about
 * twice as much (bench: surveys). `from` is the FROM clause (with its WHERE); `pass` are columns carried through.
 * Produces columns j0…jn (1 = 該当, 0 = 非該当, 2 = 判定不能) in the order of `rules`, then the
 * summaries (該当 when any of their rules is).
 */
export function layeredJudgements(
  rules: readonly RiskRule[],
  read: Column,
  opts: {
    from: string;
    pass: readonly { name: string; sql: string }[];
    summaries?: readonly { anyOf: readonly string[] }[];
    /** OFFSET 0 between the layers (PostgreSQL/PGlite); DuckDB plans better without. */
    fence?: boolean;
  },
): string {
  const itemNames = new Map<string, string>();
  const keysUsed = new Set<string>();
  for (const r of rules) {
    for (const k of r.items) keysUsed.add(k);
    if (r.kind === 'bmiAnd') keysUsed.add(r.heightKey).add(r.weightKey);
  }
  const item: Column = (k) => {
    const n = itemNames.get(k);
    if (!n) throw new Error(`item ${k} not read`);
    return n;
  };
  // Layer 1: every item once (a derived item, such as No.12 from height and weight, is read as its expression).
  const l1: string[] = [];
  let i = 0;
  for (const k of keysUsed) {
    const name = `i${i++}`;
    itemNames.set(k, name);
    l1.push(`${read(k)} as ${name}`);
  }
  // Layer 2: hits and blanks per rule (and the BMI test).
  const l2: string[] = [];
  const l3: string[] = [];
  rules.forEach((r, x) => {
    const codes = r.kind === 'score' ? r.pointAnswers : r.riskAnswers;
    const { hits, missing } = counted(item, r.items, codes);
    l2.push(`${hits} as h${x}`, `${missing} as m${x}`);
    if (r.kind === 'bmiAnd') {
      const h = `cast(${item(r.heightKey)} as numeric)`;
      const w = `cast(${item(r.weightKey)} as numeric)`;
      const limit = Number(r.bmiBelow);
      if (!Number.isFinite(limit)) throw new Error('bmiBelow must be a number');
      l2.push(
        `(case when ${item(r.heightKey)} is null or ${item(r.weightKey)} is null then 2 when ${w} * 10000 < ${limit} * ${h} * ${h} then 1 else 0 end) as b${x}`,
      );
      const rest = judgeSqlCount(`h${x}`, `m${x}`, '>=', r.threshold);
      l3.push(
        `(case when b${x} = 0 or ${rest} = 0 then 0 when b${x} = 1 and ${rest} = 1 then 1 else 2 end) as j${x}`,
      );
    } else {
      l3.push(`${judgeSqlCount(`h${x}`, `m${x}`, r.operator, r.threshold)} as j${x}`);
    }
  });
  const pass = opts.pass.map((p) => p.name);
  const js = rules.map((_, x) => `j${x}`);
  const summaries = (opts.summaries ?? []).map((sum, y) => {
    const parts = sum.anyOf.map((key) => `j${rules.findIndex((r) => r.key === key)}`);
    return `(case when ${parts.map((p) => `${p} = 1`).join(' or ')} then 1 when ${parts.map((p) => `${p} = 0`).join(' and ')} then 0 else 2 end) as j${rules.length + y}`;
  });
  const list = (cols: readonly string[]) => (cols.length ? cols.join(', ') : '1 as one');
  const l0 = list([...opts.pass.map((p) => `${p.sql} as ${p.name}`), ...l1]);
  // OFFSET 0 keeps PostgreSQL from pulling the subqueries up, which would paste every item read back
  // into every CASE and undo the point of the layers.
  const fence = opts.fence === false ? '' : ' offset 0';
  return `select ${list([...pass, ...js, ...summaries])}
    from (select ${list([...pass, ...l3])}
      from (select ${list([...pass, ...l2])}
        from (select ${l0} ${opts.from}${fence}) l1${fence}) l2${fence}) l3`;
}

/** Age bands of the by-age tables (65歳未満 and 年齢不明 kept apart, so nothing is dropped silently). */
export const AGE_BANDS = [
  { key: 'a65', label: '65〜69歳', min: 65, max: 69 },
  { key: 'a70', label: '70〜74歳', min: 70, max: 74 },
  { key: 'a75', label: '75〜79歳', min: 75, max: 79 },
  { key: 'a80', label: '80〜84歳', min: 80, max: 84 },
  { key: 'a85', label: '85歳以上', min: 85, max: 200 },
  { key: 'u65', label: '65歳未満', min: 0, max: 64 },
] as const;

/** The band key of an age expression, 'unknown' when it is null. */
export function ageBandSql(age: string): string {
  return `case ${AGE_BANDS.map((b) => `when ${age} between ${b.min} and ${b.max} then '${b.key}'`).join(' ')} else 'unknown' end`;
}

/**
 * Counts of judgements from a SELECT with columns area, sex, band and j0…j(n-1), at the finest
 * grain (area × sex × band: a few hundred groups). Totals by area, by sex × band and overall are
 * sums of these, made by the caller: one aggregation per row instead of three (GROUPING SETS
 * measured about a third slower on PGlite).
 */
export function countJudgementsSql(select: string, n: number): string {
  const sums = Array.from(
    { length: n },
    (_, i) => `, count(*) filter (where j${i} = 1) as h${i}, count(*) filter (where j${i} = 0) as o${i}`,
  ).join('');
  return `select area, sex, band, count(*) as n${sums} from (${select}) x group by area, sex, band`;
}
