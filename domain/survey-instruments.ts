import { INTEREST_CHECKSHEET } from './interest-checksheet';
import { isBmiBelow, KIHON_BMI_LIMIT, KIHON_CHECKLIST, KIHON_CRITERIA } from './kihon-checklist';
import {
  type CountRule,
  evaluateRisks,
  NEEDS_RISK_RULES,
  NEEDS_SURVEY_RISK,
  type RiskRule,
  withOverrides,
} from './needs-survey';
import { type Answers, anyOf, type Judgement, numberOf, type QuestionnaireDefinition } from './questionnaire';
import { type Column, judgeSqlCount, layeredJudgements, sqlText } from './risk-sql';

/*
 * The instruments a town can run, each with the judgements made from it, in one shape: a
 * questionnaire definition, rules as data (count / score / BMI rules), and optionally a summary that
 * is 該当 when any of some rules is (事業対象者: any one of the seven criteria of 様式第二).
 * The same rules are judged per person in JavaScript and for a whole survey in SQL.
 */

export type InstrumentKey = 'needs-survey-risk' | 'kihon-checklist' | 'interest-checksheet';

export interface Instrument {
  key: InstrumentKey;
  definition: QuestionnaireDefinition;
  rules: readonly RiskRule[];
  summary?: { key: string; label: string; anyOf: readonly string[] };
  /** Answers as the rules read them (derived items filled in). */
  prepare(answers: Answers): Answers;
  /** Column reader for the SQL form of the same rules, given how an item is read. */
  column(read: Column): Column;
}

/**
 * 基本チェックリスト criteria as count rules: an item scores when its code is '1' (the codes are the
 * points printed on 様式第一). No.12 is derived from height and weight when both are given, else the
 * recorded kc12; see scoreKihonChecklist, which this must agree with (tested).
 */
const KIHON_RULES: readonly CountRule[] = KIHON_CRITERIA.map((c) => ({
  key: `criterion${c.no}`,
  label: `基準${'①②③④⑤⑥⑦'[c.no - 1]} ${c.label}`,
  meaning: 'risk',
  kind: 'count',
  items: c.nos.map((no) => `kc${String(no).padStart(2, '0')}`),
  riskAnswers: Object.fromEntries(c.nos.map((no) => [`kc${String(no).padStart(2, '0')}`, ['1']])),
  operator: '>=',
  threshold: c.threshold,
  source: '平成27年厚生労働省告示第197号 様式第二',
  status: 'verified',
}));

export const INSTRUMENTS: Record<InstrumentKey, Instrument> = {
  'needs-survey-risk': {
    key: 'needs-survey-risk',
    definition: NEEDS_SURVEY_RISK,
    rules: NEEDS_RISK_RULES,
    prepare: (a) => a,
    column: (read) => read,
  },
  'kihon-checklist': {
    key: 'kihon-checklist',
    definition: KIHON_CHECKLIST,
    rules: KIHON_RULES,
    summary: {
      key: 'jigyoTaishosha',
      label: '事業対象者（いずれかの基準に該当）',
      anyOf: KIHON_RULES.map((r) => r.key),
    },
    prepare(answers) {
      const h = numberOf(answers, 'heightCm');
      const w = numberOf(answers, 'weightKg');
      if (h === undefined || w === undefined) return answers;
      return { ...answers, kc12: isBmiBelow(h, w) ? '1' : '0' };
    },
    column: (read) => (key) => {
      if (key !== 'kc12') return read(key);
      const h = `cast(${read('heightCm')} as numeric)`;
      const w = `cast(${read('weightKg')} as numeric)`;
      return `(case when ${read('heightCm')} is not null and ${read('weightKg')} is not null then (case when ${w} * 10000 < ${KIHON_BMI_LIMIT} * ${h} * ${h} then ${sqlText('1')} else ${sqlText('0')} end) else ${read('kc12')} end)`;
    },
  },
  'interest-checksheet': {
    key: 'interest-checksheet',
    definition: INTEREST_CHECKSHEET,
    rules: [],
    prepare: (a) => a,
    column: (read) => read,
  },
};

export function isInstrumentKey(key: string): key is InstrumentKey {
  return key in INSTRUMENTS;
}

/** The rules of an instrument with a survey's threshold changes applied ({ iadl: 3 }). */
export function rulesFor(instrument: Instrument, thresholds: Readonly<Record<string, number>>): RiskRule[] {
  return withOverrides(
    instrument.rules,
    Object.fromEntries(Object.entries(thresholds).map(([k, threshold]) => [k, { threshold }])),
  );
}

/** One person's judgements: each rule, then the summary when the instrument has one. */
export function judge(
  instrument: Instrument,
  rules: readonly RiskRule[],
  answers: Answers,
): { key: string; label: string; result: Judgement; detail: string }[] {
  const results = evaluateRisks(rules, instrument.prepare(answers));
  const out = results.map((r) => ({
    key: r.key,
    label: r.label,
    result: r.result,
    detail:
      r.score !== null
        ? `${r.score}点${r.band ? `（${r.band}）` : ''}`
        : r.missing > 0
          ? `該当する回答${r.hits}・未回答${r.missing}`
          : `該当する回答${r.hits}`,
  }));
  if (instrument.summary) {
    const keys = new Set(instrument.summary.anyOf);
    out.push({
      key: instrument.summary.key,
      label: instrument.summary.label,
      result: anyOf(results.filter((r) => keys.has(r.key)).map((r) => r.result)),
      detail: '',
    });
  }
  return out;
}

/**
 * A SELECT giving `pass` columns and j0…jn (1 = 該当, 0 = 非該当, 2 = 判定不能) for every row of `from`,
 * in the order of `judgeKeys`: each rule, then the summary. The form the results page and the
 * bench run (domain/risk-sql `layeredJudgements`).
 */
export function judgeSelect(
  instrument: Instrument,
  rules: readonly RiskRule[],
  read: Column,
  opts: { from: string; pass: readonly { name: string; sql: string }[]; fence?: boolean },
): string {
  return layeredJudgements(rules, instrument.column(read), {
    ...opts,
    summaries: instrument.summary ? [instrument.summary] : [],
  });
}

/** Keys of the j-columns of judgeSelect, in order. */
export function judgeKeys(instrument: Instrument, rules: readonly RiskRule[]): string[] {
  return [...rules.map((r) => r.key), ...(instrument.summary ? [instrument.summary.key] : [])];
}

/** A rule's condition in words, for the screen that lists them: 「5項目中3項目以上」「5点中4点以下」. */
export function conditionText(rule: RiskRule): string {
  const n = rule.items.length;
  switch (rule.kind) {
    case 'count':
      return rule.operator === '>='
        ? n === 1
          ? '該当する回答のとき'
          : `${n}項目中${rule.threshold}項目以上`
        : `${n}項目中${rule.threshold}項目以下`;
    case 'score':
      return `${n}点満点中${rule.threshold}点${rule.operator === '<=' ? '以下' : '以上'}`;
    case 'bmiAnd':
      return n === 1
        ? `BMI ${rule.bmiBelow}未満かつ、該当する回答のとき`
        : `BMI ${rule.bmiBelow}未満かつ、${n}項目中${rule.threshold}項目以上`;
  }
}

/**
 * What a person's answers give each rule before any threshold: [hits, blanks, BMI] per rule (BMI:
 * 1 below the limit, 0 not, 2 unknown; 0 for rules without one). A survey can change thresholds
 * but not items, counted answers or the BMI limit, so these are stored with the answers
 * (`survey_responses.tallies`) and the results page only judges and counts them (decision 0011).
 */
export function tallies(instrument: Instrument, answers: Answers): number[] {
  const a = instrument.prepare(answers);
  const out: number[] = [];
  for (const r of instrument.rules) {
    const counted = r.kind === 'score' ? r.pointAnswers : r.riskAnswers;
    let hits = 0;
    let missing = 0;
    for (const k of r.items) {
      const v = a[k];
      if (v === undefined) missing++;
      else if (typeof v === 'string' && counted[k]?.includes(v)) hits++;
    }
    let bmi = 0;
    if (r.kind === 'bmiAnd') {
      const h = numberOf(a, r.heightKey);
      const w = numberOf(a, r.weightKey);
      bmi = h === undefined || w === undefined ? 2 : isBmiBelow(h, w, r.bmiBelow) ? 1 : 0;
    }
    out.push(hits, missing, bmi);
  }
  return out;
}

/**
 * The judgements from stored tallies as a SELECT over `from`, with `pass` columns and j0…jn in the
 * order of judgeKeys. Reading an element of a smallint[] is a fixed offset, so this costs a few
 * comparisons per rule and row.
 */
export function judgeTalliesSelect(
  instrument: Instrument,
  rules: readonly RiskRule[],
  column: string,
  opts: { from: string; pass: readonly { name: string; sql: string }[] },
): string {
  const t = (x: number, k: number) => `${column}[${x * 3 + k + 1}]`;
  const js = rules.map((r, x) => {
    if (instrument.rules[x]?.key !== r.key) throw new Error(`rule ${r.key} out of order`);
    const count = judgeSqlCount(t(x, 0), t(x, 1), r.kind === 'bmiAnd' ? '>=' : r.operator, r.threshold);
    return r.kind === 'bmiAnd'
      ? `(case when ${t(x, 2)} = 0 or ${count} = 0 then 0 when ${t(x, 2)} = 1 and ${count} = 1 then 1 else 2 end) as j${x}`
      : `${count} as j${x}`;
  });
  const pass = opts.pass.map((p) => `${p.sql} as ${p.name}`);
  const inner = `select ${[...pass, ...js].join(', ')} ${opts.from}`;
  if (!instrument.summary) return inner;
  const parts = instrument.summary.anyOf.map((key) => `j${rules.findIndex((r) => r.key === key)}`);
  const names = [...opts.pass.map((p) => p.name), ...rules.map((_, x) => `j${x}`)];
  return `select ${names.join(', ')}, (case when ${parts.map((p) => `${p} = 1`).join(' or ')} then 1 when ${parts
    .map((p) => `${p} = 0`)
    .join(' and ')} then 0 else 2 end) as j${rules.length} from (${inner} offset 0) t`;
}
