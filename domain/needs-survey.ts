/*
 * 介護予防・日常生活圏域ニーズ調査: the questions behind the risk judgements, and the judgements
 * themselves as data (standards §1.3). The MHLW 実施の手引き was not seen as text, so every rule is
 * UNVERIFIED or CONFLICT and carries its source, status and a note; the UI shows them, and a town
 * can override thresholds per questionnaire version without touching code.
 *
 * Coding: option codes are the numbers printed on the national form (「1.できるし、している」 → '1'),
 * so a contractor's CSV of circled numbers goes in unchanged. Question numbers (問2(1) …) follow the
 * 第9期 form and are for display only; rules refer to stable item keys (ns.stairs …), because towns
 * that add questions shift the numbering (§1.2).
 *
 * Respondent attributes for banding: `sex` ('1' 男性 / '2' 女性, the coding of 住民基本台帳 extracts)
 * and `age` in whole years on the survey's reference date (調査基準日). Age rather than birth year,
 * because reports band by the age on that date and a birth year alone is off by one for part of the year.
 */

import { bmiOf, heightAndWeight, isBmiBelow, KIHON_BMI_LIMIT } from './kihon-checklist';
import {
  type Answers,
  allOf,
  type Confidence,
  codeOf,
  defineQuestionnaire,
  type Judgement,
  judgeCount,
  numberOf,
  type Option,
} from './questionnaire';

const CAN: readonly Option[] = [
  { code: '1', label: 'できるし、している' },
  { code: '2', label: 'できるけどしていない' },
  { code: '3', label: 'できない' },
];

const YES_NO: readonly Option[] = [
  { code: '1', label: 'はい' },
  { code: '2', label: 'いいえ' },
];

const FREQUENCY: readonly Option[] = [
  { code: '1', label: '週4回以上' },
  { code: '2', label: '週2〜3回' },
  { code: '3', label: '週1回' },
  { code: '4', label: '月1〜3回' },
  { code: '5', label: '年に数回' },
  { code: '6', label: '参加していない' },
];

// 「4.既に参加している」 is on recent forms only; an older file simply never uses the code.
const INTENT: readonly Option[] = [
  { code: '1', label: '是非参加したい' },
  { code: '2', label: '参加してもよい' },
  { code: '3', label: '参加したくない' },
  { code: '4', label: '既に参加している' },
];

/** The eight kinds of group in 問5(1), in form order, with their item keys. */
export const NEEDS_GROUPS: readonly { key: string; number: string; label: string }[] = [
  { key: 'ns.group.volunteer', number: '①', label: 'ボランティアのグループ' },
  { key: 'ns.group.sports', number: '②', label: 'スポーツ関係のグループやクラブ' },
  { key: 'ns.group.hobby', number: '③', label: '趣味関係のグループ' },
  { key: 'ns.group.study', number: '④', label: '学習・教養サークル' },
  { key: 'ns.group.kayoinoba', number: '⑤', label: '介護予防のための通いの場' },
  { key: 'ns.group.seniorClub', number: '⑥', label: '老人クラブ' },
  { key: 'ns.group.neighbourhood', number: '⑦', label: '町内会・自治会' },
  { key: 'ns.group.paidWork', number: '⑧', label: '収入のある仕事' },
];

const single = (key: string, number: string, label: string, options: readonly Option[]) =>
  ({ kind: 'single', key, number, label, options }) as const;

/** The risk-related part of the national ニーズ調査 (第9期 numbering), plus sex and age for banding. */
export const NEEDS_SURVEY_RISK = defineQuestionnaire({
  key: 'needs-survey-risk',
  version: 1,
  title: '介護予防・日常生活圏域ニーズ調査（リスク判定に使う設問）',
  source: '介護予防・日常生活圏域ニーズ調査 全国共通の調査票（第9期）。設問番号と文言は未照合。',
  confidence: 'unverified',
  note: '市町村が独自の設問を加えると番号がずれる。判定は設問番号ではなく項目キーで行う。',
  sections: [
    {
      title: 'あなたについて',
      questions: [
        single('sex', '性別', '性別', [
          { code: '1', label: '男性', aliases: ['男'] },
          { code: '2', label: '女性', aliases: ['女'] },
        ]),
        {
          kind: 'number',
          key: 'age',
          short: '年齢',
          label: '年齢（調査基準日時点）',
          unit: '歳',
          min: 40,
          max: 120,
          integer: true,
        },
      ],
    },
    {
      title: '問2 からだを動かすことについて',
      questions: [
        single('ns.stairs', '問2(1)', '階段を手すりや壁をつたわらずに昇っていますか', CAN),
        single('ns.chairRise', '問2(2)', '椅子に座った状態から何もつかまらずに立ち上がっていますか', CAN),
        single('ns.walk15', '問2(3)', '15分位続けて歩いていますか', CAN),
        single('ns.fallPastYear', '問2(4)', '過去1年間に転んだ経験がありますか', [
          { code: '1', label: '何度もある' },
          { code: '2', label: '1度ある' },
          { code: '3', label: 'ない' },
        ]),
        single('ns.fearOfFalling', '問2(5)', '転倒に対する不安は大きいですか', [
          { code: '1', label: 'とても不安である' },
          { code: '2', label: 'やや不安である' },
          { code: '3', label: 'あまり不安でない' },
          { code: '4', label: '不安でない' },
        ]),
        single('ns.goOutWeekly', '問2(6)', '週に1回以上は外出していますか', [
          { code: '1', label: 'ほとんど外出しない' },
          { code: '2', label: '週1回' },
          { code: '3', label: '週2〜4回' },
          { code: '4', label: '週5回以上' },
        ]),
      ],
    },
    {
      title: '問3 食べることについて',
      questions: [
        ...heightAndWeight('ns.', '問3(1)'),
        single('ns.chewing', '問3(2)', '半年前に比べて固いものが食べにくくなりましたか', YES_NO),
        single('ns.choking', '問3(3)', 'お茶や汁物等でむせることがありますか', YES_NO),
        single('ns.dryMouth', '問3(4)', '口の渇きが気になりますか', YES_NO),
        single('ns.weightLoss', '問3(7)', '6か月間で2〜3kg以上の体重減少がありましたか', YES_NO),
      ],
    },
    {
      title: '問4 毎日の生活について',
      questions: [
        single('ns.forgetful', '問4(1)', '物忘れが多いと感じますか', YES_NO),
        single('ns.iadlBus', '問4(4)', 'バスや電車を使って1人で外出していますか（自家用車でも可）', CAN),
        single('ns.iadlShopping', '問4(5)', '自分で食品・日用品の買物をしていますか', CAN),
        single('ns.iadlMeals', '問4(6)', '自分で食事の用意をしていますか', CAN),
        single('ns.iadlBills', '問4(7)', '自分で請求書の支払いをしていますか', CAN),
        single('ns.iadlSavings', '問4(8)', '自分で預貯金の出し入れをしていますか', CAN),
        single('ns.forms', '問4(9)', '年金などの書類（役所や病院などに出す書類）が書けますか', YES_NO),
        single('ns.newspaper', '問4(10)', '新聞を読んでいますか', YES_NO),
        single('ns.books', '問4(11)', '本や雑誌を読んでいますか', YES_NO),
        single('ns.healthInfo', '問4(12)', '健康についての記事や番組に関心がありますか', YES_NO),
        single('ns.visitFriends', '問4(13)', '友人の家を訪ねていますか', YES_NO),
        single('ns.advise', '問4(14)', '家族や友人の相談にのっていますか', YES_NO),
        single('ns.visitSick', '問4(15)', '病人を見舞うことができますか', YES_NO),
        single('ns.talkYoung', '問4(16)', '若い人に自分から話しかけることがありますか', YES_NO),
      ],
    },
    {
      title: '問5 地域での活動について',
      questions: [
        {
          kind: 'matrix',
          number: '問5(1)',
          label: '以下のような会・グループ等にどのくらいの頻度で参加していますか',
          options: FREQUENCY,
          rows: NEEDS_GROUPS,
        },
        single(
          'ns.intentParticipant',
          '問5(2)',
          '地域住民の有志によって、健康づくり活動や趣味等のグループ活動を行って、いきいきした地域づくりを進めるとしたら、あなたはその活動に参加者として参加してみたいと思いますか',
          INTENT,
        ),
        single(
          'ns.intentOrganiser',
          '問5(3)',
          '地域住民の有志によって、健康づくり活動や趣味等のグループ活動を行って、いきいきした地域づくりを進めるとしたら、あなたはその活動に企画・運営（お世話役）として参加してみたいと思いますか',
          INTENT,
        ),
      ],
    },
    {
      title: '問7 健康について',
      questions: [
        single(
          'ns.depressed',
          '問7(3)',
          'この1か月間、気分が沈んだり、ゆううつな気持ちになったりすることがありましたか',
          YES_NO,
        ),
        single(
          'ns.lostInterest',
          '問7(4)',
          'この1か月間、どうしても物事に対して興味がわかない、あるいは心から楽しめない感じがよくありましたか',
          YES_NO,
        ),
      ],
    },
  ],
});

/** Answer codes by item key. */
export type AnswerCodes = Readonly<Record<string, readonly string[]>>;

interface RuleBase {
  key: string;
  label: string;
  /** 'risk': 該当 is a concern (運動器機能の低下). 'positive': 該当 is a strength (社会参加あり). */
  meaning: 'risk' | 'positive';
  source: string;
  status: Confidence;
  note?: string;
  /** Fields a town has changed with withOverrides, so the UI can say the rule is a local setting. */
  overridden?: readonly string[];
}

/** 該当 when the number of items with one of `riskAnswers` compares to the threshold (運動器: 3 of 5). */
export interface CountRule extends RuleBase {
  kind: 'count';
  items: readonly string[];
  /** Answers that count; for a positive rule, the answers that show the strength. */
  riskAnswers: AnswerCodes;
  operator: '>=' | '<=';
  threshold: number;
}

/** A score of one point per item answered with one of `pointAnswers`; 該当 when it compares to the threshold (IADL ≤ 4). */
export interface ScoreRule extends RuleBase {
  kind: 'score';
  items: readonly string[];
  pointAnswers: AnswerCodes;
  operator: '>=' | '<=';
  threshold: number;
  /** Words for score ranges, highest first: a score takes the first band whose min it reaches. */
  bands: readonly { min: number; label: string }[];
}

/** BMI below a limit and, at the same time, enough risk answers among `items` (低栄養). */
export interface BmiAndRule extends RuleBase {
  kind: 'bmiAnd';
  heightKey: string;
  weightKey: string;
  bmiBelow: number;
  items: readonly string[];
  riskAnswers: AnswerCodes;
  operator: '>=';
  threshold: number;
}

/** A risk or participation judgement kept as data. */
export type RiskRule = CountRule | ScoreRule | BmiAndRule;

const SOURCE_STANDARD = 'ニーズ調査 実施の手引き（第7期以降）の標準的な読み方（本文は未入手。標準資料 §1.3）';

const same = (keys: readonly string[], codes: readonly string[]): AnswerCodes =>
  Object.fromEntries(keys.map((k) => [k, codes]));

const IADL_ITEMS = ['ns.iadlBus', 'ns.iadlShopping', 'ns.iadlMeals', 'ns.iadlBills', 'ns.iadlSavings'];
const INTELLECT_ITEMS = ['ns.forms', 'ns.newspaper', 'ns.books', 'ns.healthInfo'];
const ROLE_ITEMS = ['ns.visitFriends', 'ns.advise', 'ns.visitSick', 'ns.talkYoung'];
const GROUP_ITEMS = NEEDS_GROUPS.map((g) => g.key);
const MONTHLY_OR_MORE = ['1', '2', '3', '4'];
const FOUR_POINT_BANDS = [
  { min: 4, label: '高い' },
  { min: 3, label: 'やや低い' },
  { min: 0, label: '低い' },
];

/** The standard risk and participation rules of the ニーズ調査 (version 1 of the questionnaire above). */
export const NEEDS_RISK_RULES: readonly RiskRule[] = [
  {
    key: 'motor',
    label: '運動器機能の低下',
    meaning: 'risk',
    kind: 'count',
    items: ['ns.stairs', 'ns.chairRise', 'ns.walk15', 'ns.fallPastYear', 'ns.fearOfFalling'],
    riskAnswers: {
      'ns.stairs': ['3'],
      'ns.chairRise': ['3'],
      'ns.walk15': ['3'],
      'ns.fallPastYear': ['1', '2'],
      'ns.fearOfFalling': ['1', '2'],
    },
    operator: '>=',
    threshold: 3,
    source: SOURCE_STANDARD,
    status: 'conflict',
    note: '5項目中3項目以上。公開されている別の実装は問2(1)〜(3)の「できない」2項目以上としている。',
  },
  {
    key: 'fall',
    label: '転倒リスク',
    meaning: 'risk',
    kind: 'count',
    items: ['ns.fallPastYear'],
    riskAnswers: { 'ns.fallPastYear': ['1', '2'] },
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'unverified',
  },
  {
    key: 'housebound',
    label: '閉じこもり傾向',
    meaning: 'risk',
    kind: 'count',
    items: ['ns.goOutWeekly'],
    riskAnswers: { 'ns.goOutWeekly': ['1', '2'] },
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'unverified',
  },
  {
    key: 'undernutrition',
    label: '低栄養状態',
    meaning: 'risk',
    kind: 'bmiAnd',
    heightKey: 'ns.heightCm',
    weightKey: 'ns.weightKg',
    bmiBelow: KIHON_BMI_LIMIT,
    items: ['ns.weightLoss'],
    riskAnswers: { 'ns.weightLoss': ['1'] },
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'conflict',
    note: 'BMI 18.5未満かつ体重減少あり。公開されている別の実装は「BMI 18.5以下 または 体重減少」としている。',
  },
  {
    key: 'oral',
    label: '口腔機能の低下',
    meaning: 'risk',
    kind: 'count',
    items: ['ns.chewing', 'ns.choking', 'ns.dryMouth'],
    riskAnswers: same(['ns.chewing', 'ns.choking', 'ns.dryMouth'], ['1']),
    operator: '>=',
    threshold: 2,
    source: SOURCE_STANDARD,
    status: 'unverified',
  },
  {
    key: 'cognitive',
    label: '認知機能の低下',
    meaning: 'risk',
    kind: 'count',
    items: ['ns.forgetful'],
    riskAnswers: { 'ns.forgetful': ['1'] },
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'conflict',
    note: '問4(1)のみ。公開されている別の実装は基本チェックリスト型の問4(2)(3)も加えている。',
  },
  {
    key: 'depression',
    label: 'うつ傾向',
    meaning: 'risk',
    kind: 'count',
    items: ['ns.depressed', 'ns.lostInterest'],
    riskAnswers: same(['ns.depressed', 'ns.lostInterest'], ['1']),
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'unverified',
  },
  {
    key: 'iadl',
    label: '手段的自立度（IADL）の低下',
    meaning: 'risk',
    kind: 'score',
    items: IADL_ITEMS,
    pointAnswers: same(IADL_ITEMS, ['1', '2']),
    operator: '<=',
    threshold: 4,
    bands: [
      { min: 5, label: '高い' },
      { min: 4, label: 'やや低い' },
      { min: 0, label: '低い' },
    ],
    source: `${SOURCE_STANDARD}。老研式活動能力指標の手段的自立5項目。`,
    status: 'conflict',
    note: '5点満点で4点以下を低下とするのが一般的。3点以下とする市町村もあるので閾値は設定で変えられる。公開されている別の実装は「できない」が1つでもあれば低下としている。',
  },
  {
    key: 'intellectual',
    label: '知的能動性の低下',
    meaning: 'risk',
    kind: 'score',
    items: INTELLECT_ITEMS,
    pointAnswers: same(INTELLECT_ITEMS, ['1']),
    operator: '<=',
    threshold: 3,
    bands: FOUR_POINT_BANDS,
    source: `${SOURCE_STANDARD}。老研式活動能力指標の知的能動性4項目。`,
    status: 'conflict',
    note: '4点満点（4点 高い、3点 やや低い、2点以下 低い）。低下の線はIADLにならい3点以下としたが未確認で、2点以下とする読み方もある。公開されている別の実装は問4(10)〜(12)がすべて「いいえ」の場合としている。',
  },
  {
    key: 'socialRole',
    label: '社会的役割の低下',
    meaning: 'risk',
    kind: 'score',
    items: ROLE_ITEMS,
    pointAnswers: same(ROLE_ITEMS, ['1']),
    operator: '<=',
    threshold: 3,
    bands: FOUR_POINT_BANDS,
    source: `${SOURCE_STANDARD}。老研式活動能力指標の社会的役割4項目。`,
    status: 'conflict',
    note: '4点満点（4点 高い、3点 やや低い、2点以下 低い）。低下の線はIADLにならい3点以下としたが未確認で、2点以下とする読み方もある。公開されている別の実装は4項目すべて「いいえ」の場合としている。',
  },
  {
    key: 'socialParticipation',
    label: '社会参加（いずれかの会・グループに月1回以上）',
    meaning: 'positive',
    kind: 'count',
    items: GROUP_ITEMS,
    riskAnswers: same(GROUP_ITEMS, MONTHLY_OR_MORE),
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'unverified',
    note: '8種類のうち1つでも月1回以上なら該当。参加していない行を空欄のまま返す人が多く、空欄は判定不能の原因になる。厚生労働省の総合事業ワークシートは週1回以上（月1〜3回が2項目以上なら週1回以上とみなす）で社会参加率を数える。',
  },
  ...NEEDS_GROUPS.map(
    (g): CountRule => ({
      key: `socialParticipation.${g.key.slice('ns.group.'.length)}`,
      label: `社会参加：${g.label}（月1回以上）`,
      meaning: 'positive',
      kind: 'count',
      items: [g.key],
      riskAnswers: { [g.key]: MONTHLY_OR_MORE },
      operator: '>=',
      threshold: 1,
      source: SOURCE_STANDARD,
      status: 'unverified',
    }),
  ),
  {
    key: 'intentParticipant',
    label: '地域づくりへの参加意向（参加者として）',
    meaning: 'positive',
    kind: 'count',
    items: ['ns.intentParticipant'],
    riskAnswers: { 'ns.intentParticipant': ['1', '2', '4'] },
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'unverified',
    note: '「既に参加している」は選択肢がある版のみ。',
  },
  {
    key: 'intentOrganiser',
    label: '地域づくりへの参加意向（企画・運営（お世話役）として）',
    meaning: 'positive',
    kind: 'count',
    items: ['ns.intentOrganiser'],
    riskAnswers: { 'ns.intentOrganiser': ['1', '2', '4'] },
    operator: '>=',
    threshold: 1,
    source: SOURCE_STANDARD,
    status: 'unverified',
    note: '「既に参加している」は選択肢がある版のみ。',
  },
];

/** What a town may change in a rule for its questionnaire version. */
export interface RuleOverride {
  threshold?: number;
  operator?: '>=' | '<=';
  riskAnswers?: AnswerCodes;
  pointAnswers?: AnswerCodes;
  bmiBelow?: number;
  status?: Confidence;
  source?: string;
  note?: string;
}

const COMMON_FIELDS = ['status', 'source', 'note'];
// A BMI rule is a conjunction, so its comparison stays '>='; its limit and counted answers may change.
const OVERRIDABLE: Record<RiskRule['kind'], readonly string[]> = {
  count: [...COMMON_FIELDS, 'threshold', 'operator', 'riskAnswers'],
  score: [...COMMON_FIELDS, 'threshold', 'operator', 'pointAnswers'],
  bmiAnd: [...COMMON_FIELDS, 'threshold', 'riskAnswers', 'bmiBelow'],
};

/**
 * Rules with a town's changes applied (`{ iadl: { threshold: 3 } }`), leaving the originals untouched.
 * An unknown rule key or a field the rule does not have is an error, so a typo cannot silently keep
 * the default.
 */
export function withOverrides(
  rules: readonly RiskRule[],
  overrides: Readonly<Record<string, RuleOverride>>,
): RiskRule[] {
  const known = new Set(rules.map((r) => r.key));
  for (const key of Object.keys(overrides)) {
    if (!known.has(key)) throw new Error(`withOverrides: no rule "${key}"`);
  }
  return rules.map((rule) => {
    const o = overrides[rule.key];
    if (!o) return rule;
    const fields = Object.keys(o).filter((f) => o[f as keyof RuleOverride] !== undefined);
    for (const f of fields) {
      if (!OVERRIDABLE[rule.kind].includes(f)) {
        throw new Error(`withOverrides: rule "${rule.key}" (${rule.kind}) cannot override "${f}"`);
      }
    }
    const overridden = [...new Set([...(rule.overridden ?? []), ...fields])];
    return { ...rule, ...o, overridden } as RiskRule;
  });
}

/** The outcome of one rule for one respondent. */
export interface RiskResult {
  key: string;
  label: string;
  meaning: 'risk' | 'positive';
  status: Confidence;
  result: Judgement;
  /** Items answered with a counted answer (count rules) or points earned (score rules). */
  hits: number;
  /** Items of the rule left unanswered. */
  missing: number;
  /** Score rules: the score when every item is answered, else null. */
  score: number | null;
  /** Score rules: the band word for the score ('やや低い'), when the score is known. */
  band: string | null;
  /** BMI rules: the unrounded BMI when height and weight are known. */
  bmi: number | null;
}

function tally(answers: Answers, itemKeys: readonly string[], counted: AnswerCodes) {
  let hits = 0;
  let missing = 0;
  for (const key of itemKeys) {
    const code = codeOf(answers, key);
    if (code === undefined) missing += 1;
    else if (counted[key]?.includes(code)) hits += 1;
  }
  return { hits, missing };
}

function evaluateRule(rule: RiskRule, answers: Answers): RiskResult {
  const base = { key: rule.key, label: rule.label, meaning: rule.meaning, status: rule.status };
  switch (rule.kind) {
    case 'count': {
      const { hits, missing } = tally(answers, rule.items, rule.riskAnswers);
      const result = judgeCount(hits, missing, rule.operator, rule.threshold);
      return { ...base, result, hits, missing, score: null, band: null, bmi: null };
    }
    case 'score': {
      const { hits, missing } = tally(answers, rule.items, rule.pointAnswers);
      const score = missing === 0 ? hits : null;
      const band = score === null ? null : (rule.bands.find((b) => score >= b.min)?.label ?? null);
      const result = judgeCount(hits, missing, rule.operator, rule.threshold);
      return { ...base, result, hits, missing, score, band, bmi: null };
    }
    case 'bmiAnd': {
      const h = numberOf(answers, rule.heightKey);
      const w = numberOf(answers, rule.weightKey);
      const known = h !== undefined && w !== undefined;
      const bmiPart: Judgement = !known ? '判定不能' : isBmiBelow(h, w, rule.bmiBelow) ? '該当' : '非該当';
      const { hits, missing } = tally(answers, rule.items, rule.riskAnswers);
      const rest = judgeCount(hits, missing, '>=', rule.threshold);
      return {
        ...base,
        result: allOf([bmiPart, rest]),
        hits,
        missing: missing + (h === undefined ? 1 : 0) + (w === undefined ? 1 : 0),
        score: null,
        band: null,
        bmi: known ? bmiOf(h, w) : null,
      };
    }
  }
}

/**
 * Judges every rule for one respondent: 該当 when the counted answers already reach the threshold,
 * 非該当 when they could not even if every blank were counted, else 判定不能. The answers must come
 * from validateAnswers: any code present is taken as a real answer, so a contractor's 9=無回答 left in
 * raw data would count as a healthy answer instead of a blank.
 */
export function evaluateRisks(rules: readonly RiskRule[], answers: Answers): RiskResult[] {
  return rules.map((r) => evaluateRule(r, answers));
}
