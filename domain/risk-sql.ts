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

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

function counted(
  col: Column,
  items: readonly string[],
  codes: AnswerCodes,
): { hits: string; missing: string } {
  const hits = items
    .map((k) => {
      const c = codes[k] ?? [];
      return c.length === 0 ? '0' : `(case when ${col(k)} in (${c.map(quote).join(', ')}) then 1 else 0 end)`;
    })
    .join(' + ');
  const missing = items.map((k) => `(case when ${col(k)} is null then 1 else 0 end)`).join(' + ');
  return { hits: `(${hits || '0'})`, missing: `(${missing || '0'})` };
}

/** judgeCount in SQL: the same three outcomes from the known and the possible count. */
function judge(hits: string, missing: string, operator: '>=' | '<=', threshold: number): string {
  const t = Number(threshold);
  if (!Number.isInteger(t)) throw new Error(`threshold must be an integer, got ${threshold}`);
  return operator === '>='
    ? `(case when ${hits} >= ${t} then 1 when ${hits} + ${missing} < ${t} then 0 else 2 end)`
    : `(case when ${hits} + ${missing} <= ${t} then 1 when ${hits} > ${t} then 0 else 2 end)`;
}

/** One rule as a SQL expression giving 1, 0 or 2. */
export function ruleSql(rule: RiskRule, col: Column): string {
  switch (rule.kind) {
    case 'count': {
      const { hits, missing } = counted(col, rule.items, rule.riskAnswers);
      return judge(hits, missing, rule.operator, rule.threshold);
    }
    case 'score': {
      const { hits, missing } = counted(col, rule.items, rule.pointAnswers);
      return judge(hits, missing, rule.operator, rule.threshold);
    }
    case 'bmiAnd': {
      const h = `cast(${col(rule.heightKey)} as numeric)`;
      const w = `cast(${col(rule.weightKey)} as numeric)`;
      const limit = Number(rule.bmiBelow);
      if (!Number.isFinite(limit)) throw new Error('bmiBelow must be a number');
      // kg·10⁴ < limit·cm², in exact decimals: the same boundary as isBmiBelow (18.5 is not below).
      const bmi = `(case when ${col(rule.heightKey)} is null or ${col(rule.weightKey)} is null then 2 when ${w} * 10000 < ${limit} * ${h} * ${h} then 1 else 0 end)`;
      const { hits, missing } = counted(col, rule.items, rule.riskAnswers);
      const rest = judge(hits, missing, '>=', rule.threshold);
      // allOf: 非該当 if either is, 該当 if both are, else 判定不能.
      return `(case when ${bmi} = 0 or ${rest} = 0 then 0 when ${bmi} = 1 and ${rest} = 1 then 1 else 2 end)`;
    }
  }
}
