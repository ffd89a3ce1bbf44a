/*
 * 基本チェックリスト (25 items) and the 事業対象者 judgement of 平成27年厚生労働省告示第197号
 * (standards §2). The questions are 様式第一; the seven criteria are 様式第二, and a person is a
 * 事業対象者 when any one of them is met.
 *
 * Coding: every yes/no item stores the points its answer scores, exactly as the form prints it.
 * No.1 reads 「0.はい 1.いいえ」 and No.9 reads 「1.はい 0.いいえ」, so the code is '1' for the answer
 * that scores and '0' for the other, and a paper form can be keyed in as printed. Files that say
 * 「はい」「いいえ」 are also accepted (option labels). Files coded 1=はい 2=いいえ must be mapped on
 * import; they cannot be told apart from this coding by looking at the digits.
 *
 * No.12 is the BMI from height (`heightCm`) and weight (`weightKg`). `kc12` holds only the result
 * (「BMI 18.5未満」 はい/いいえ) for records where the judgement was kept but not the measurements; it is
 * asked only when no height is given, and a computed BMI always wins.
 */

import {
  type Answers,
  anyOf,
  codeOf,
  defineQuestionnaire,
  type Judgement,
  judgeCount,
  numberOf,
  type Option,
  type Question,
} from './questionnaire';

/** BMI under this (strictly) scores No.12 (様式第二 注). */
export const KIHON_BMI_LIMIT = 18.5;

/** BMI = weight (kg) / height (m)²; unrounded, so that judgements are never made on a rounded figure. */
export function bmiOf(heightCm: number, weightKg: number): number {
  // Written as kg·10⁴ / cm², which keeps 47.36 kg at 160 cm exactly 18.5 where kg / (cm/100)² gives 18.4999….
  return (weightKg * 10_000) / (heightCm * heightCm);
}

/** True when the BMI is strictly below the limit; a BMI of exactly 18.5 is not. */
export function isBmiBelow(heightCm: number, weightKg: number, limit: number = KIHON_BMI_LIMIT): boolean {
  // Compare without dividing, and treat a difference at the last bits of a double as equality, so that
  // heights and weights with decimals land on the right side of the boundary.
  const lhs = weightKg * 10_000;
  const rhs = limit * heightCm * heightCm;
  return lhs < rhs && rhs - lhs > 1e-9 * rhs;
}

/**
 * Height and weight, the two answers a BMI is taken from (No.12 here, 問3(1) of the ニーズ調査), each
 * within bounds that catch a slip of the pen. `keyPrefix` keeps each instrument's item keys its own.
 */
export function heightAndWeight(keyPrefix: string, number: string): Question[] {
  return [
    {
      kind: 'number',
      key: `${keyPrefix}heightCm`,
      number,
      short: '身長',
      label: '身長',
      unit: 'cm',
      min: 50,
      max: 250,
    },
    {
      kind: 'number',
      key: `${keyPrefix}weightKg`,
      number,
      short: '体重',
      label: '体重',
      unit: 'kg',
      min: 10,
      max: 300,
    },
  ];
}

/** A BMI as shown to people: one decimal place ('18.5'). */
export function formatBmi(bmi: number): string {
  return (Math.round(bmi * 10) / 10).toFixed(1);
}

/** Which answer of a yes/no item scores a point. */
type PointOn = 'yes' | 'no';

/** One yes/no item of 様式第一 (every item except No.12). */
export interface KihonItem {
  no: number;
  key: string;
  text: string;
  pointOn: PointOn;
}

const kc = (no: number) => `kc${String(no).padStart(2, '0')}`;

/** The 24 yes/no items with their form wording and the answer that scores (standards §2.2, VERIFIED). */
export const KIHON_ITEMS: readonly KihonItem[] = (
  [
    [1, 'バスや電車で1人で外出していますか', 'no'],
    [2, '日用品の買物をしていますか', 'no'],
    [3, '預貯金の出し入れをしていますか', 'no'],
    [4, '友人の家を訪ねていますか', 'no'],
    [5, '家族や友人の相談にのっていますか', 'no'],
    [6, '階段を手すりや壁をつたわらずに昇っていますか', 'no'],
    [7, '椅子に座った状態から何もつかまらずに立ち上がっていますか', 'no'],
    [8, '15分位続けて歩いていますか', 'no'],
    [9, 'この1年間に転んだことがありますか', 'yes'],
    [10, '転倒に対する不安は大きいですか', 'yes'],
    [11, '6ヵ月間で2〜3kg以上の体重減少がありましたか', 'yes'],
    [13, '半年前に比べて固いものが食べにくくなりましたか', 'yes'],
    [14, 'お茶や汁物等でむせることがありますか', 'yes'],
    [15, '口の渇きが気になりますか', 'yes'],
    [16, '週に1回以上は外出していますか', 'no'],
    [17, '昨年と比べて外出の回数が減っていますか', 'yes'],
    [18, '周りの人から「いつも同じ事を聞く」などの物忘れがあると言われますか', 'yes'],
    [19, '自分で電話番号を調べて、電話をかけることをしていますか', 'no'],
    [20, '今日が何月何日かわからない時がありますか', 'yes'],
    [21, '（ここ2週間）毎日の生活に充実感がない', 'yes'],
    [22, '（ここ2週間）これまで楽しんでやれていたことが楽しめなくなった', 'yes'],
    [23, '（ここ2週間）以前は楽にできていたことが今ではおっくうに感じられる', 'yes'],
    [24, '（ここ2週間）自分が役に立つ人間だと思えない', 'yes'],
    [25, '（ここ2週間）わけもなく疲れたような感じがする', 'yes'],
  ] as const
).map(([no, text, pointOn]) => ({ no, key: kc(no), text, pointOn }));

// The form prints the options in this order for each kind of item.
const POINT_ON_NO: readonly Option[] = [
  { code: '0', label: 'はい' },
  { code: '1', label: 'いいえ' },
];
const POINT_ON_YES: readonly Option[] = [
  { code: '1', label: 'はい' },
  { code: '0', label: 'いいえ' },
];

function yesNo(no: number): Question {
  const item = KIHON_ITEMS.find((i) => i.no === no)!;
  return {
    kind: 'single',
    key: item.key,
    number: `No.${no}`,
    label: item.text,
    options: item.pointOn === 'no' ? POINT_ON_NO : POINT_ON_YES,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** 基本チェックリスト (様式第一) as a questionnaire: kc01…kc25, heightCm and weightKg. */
export const KIHON_CHECKLIST = defineQuestionnaire({
  key: 'kihon-checklist',
  version: 1,
  title: '基本チェックリスト',
  source:
    '平成27年厚生労働省告示第197号 様式第一（令和元年5月7日 告示第2号による改正後）。文言は複数の公開資料と照合。',
  confidence: 'verified',
  note: '事業対象者の判定に使えるのは第1号被保険者（65歳以上）のみ。第2号被保険者は要介護認定の申請が必要。',
  sections: [
    { title: '生活全般（No.1〜5）', questions: range(1, 5).map(yesNo) },
    { title: '運動（No.6〜10）', questions: range(6, 10).map(yesNo) },
    {
      title: '栄養（No.11〜12）',
      questions: [
        yesNo(11),
        ...heightAndWeight('', 'No.12'),
        {
          kind: 'single',
          key: 'kc12',
          number: 'No.12',
          label: 'BMIが18.5未満（身長・体重の記録がなく、判定結果だけが分かる場合）',
          options: POINT_ON_YES,
          showIf: { itemKey: 'heightCm', answered: false },
        },
      ],
    },
    { title: '口腔（No.13〜15）', questions: range(13, 15).map(yesNo) },
    { title: '外出（No.16〜17）', questions: range(16, 17).map(yesNo) },
    { title: 'もの忘れ（No.18〜20）', questions: range(18, 20).map(yesNo) },
    { title: 'こころ（No.21〜25）', questions: range(21, 25).map(yesNo) },
  ],
});

/** The point groups reported for a checklist. */
export type KihonDomain =
  | 'life'
  | 'iadl'
  | 'motor'
  | 'nutrition'
  | 'oral'
  | 'housebound'
  | 'cognitive'
  | 'depression';

/** Label and item numbers of each point group; 'life' is the No.1–20 total of 様式第二 ①. */
export const KIHON_DOMAINS: Record<KihonDomain, { label: string; nos: readonly number[] }> = {
  life: { label: '生活機能全般（No.1〜20）', nos: range(1, 20) },
  iadl: { label: '日常生活関連動作（No.1〜5）', nos: range(1, 5) },
  motor: { label: '運動器（No.6〜10）', nos: range(6, 10) },
  nutrition: { label: '栄養（No.11〜12）', nos: [11, 12] },
  oral: { label: '口腔（No.13〜15）', nos: range(13, 15) },
  housebound: { label: '閉じこもり（No.16〜17）', nos: [16, 17] },
  cognitive: { label: '認知（No.18〜20）', nos: range(18, 20) },
  depression: { label: 'うつ（No.21〜25）', nos: range(21, 25) },
};

/** One criterion of 様式第二: at least `threshold` points among `nos`. */
export interface KihonCriterion {
  no: number;
  label: string;
  nos: readonly number[];
  threshold: number;
}

/**
 * The seven criteria of 様式第二 exactly (standards §2.3, VERIFIED). No.21–25 do not count towards ①,
 * and No.17 counts towards ① but does not qualify on its own (⑤ is No.16 only).
 */
export const KIHON_CRITERIA: readonly KihonCriterion[] = [
  { no: 1, label: '生活機能全般：No.1〜20のうち10項目以上', nos: range(1, 20), threshold: 10 },
  { no: 2, label: '運動器：No.6〜10のうち3項目以上', nos: range(6, 10), threshold: 3 },
  { no: 3, label: '栄養：No.11〜12の2項目すべて', nos: [11, 12], threshold: 2 },
  { no: 4, label: '口腔：No.13〜15のうち2項目以上', nos: range(13, 15), threshold: 2 },
  { no: 5, label: '閉じこもり：No.16に該当', nos: [16], threshold: 1 },
  { no: 6, label: '認知：No.18〜20のうち1項目以上', nos: range(18, 20), threshold: 1 },
  { no: 7, label: 'うつ：No.21〜25のうち2項目以上', nos: range(21, 25), threshold: 2 },
];

/** Points of one group: what the answered items score, and how many were left blank. */
export interface DomainScore {
  label: string;
  points: number;
  missing: number;
  max: number;
}

/** One criterion judged three-valued. */
export interface CriterionResult extends KihonCriterion {
  points: number;
  missing: number;
  result: Judgement;
}

/** Everything the checklist tells about one person. */
export interface KihonChecklistResult {
  /** Points by item number (1–25); null when unanswered. */
  itemPoints: Record<number, 0 | 1 | null>;
  /** Unrounded BMI when height and weight are both known. */
  bmi: number | null;
  /** The BMI for display ('18.5'). */
  bmiText: string | null;
  domains: Record<KihonDomain, DomainScore>;
  criteria: CriterionResult[];
  /** Numbers of the criteria already met. */
  metCriteria: number[];
  /** 事業対象者: 該当 if a criterion is met, 非該当 if none could be met even were every blank a risk answer. */
  result: Judgement;
}

function points(answers: Answers, no: number): 0 | 1 | null {
  if (no === 12) {
    // Measurements win over a recorded result; kc12 is only for records that kept nothing else.
    const h = numberOf(answers, 'heightCm');
    const w = numberOf(answers, 'weightKg');
    if (h !== undefined && w !== undefined) return isBmiBelow(h, w) ? 1 : 0;
  }
  const code = codeOf(answers, kc(no));
  return code === '1' ? 1 : code === '0' ? 0 : null;
}

function tally(itemPoints: Record<number, 0 | 1 | null>, nos: readonly number[]) {
  let pts = 0;
  let missing = 0;
  for (const no of nos) {
    const p = itemPoints[no];
    if (p === null || p === undefined) missing += 1;
    else pts += p;
  }
  return { points: pts, missing };
}

/** Scores one checklist (normalised answers) and judges 事業対象者 under 様式第二. */
export function scoreKihonChecklist(answers: Answers): KihonChecklistResult {
  const h = numberOf(answers, 'heightCm');
  const w = numberOf(answers, 'weightKg');
  const bmi = h !== undefined && w !== undefined ? bmiOf(h, w) : null;

  const itemPoints: Record<number, 0 | 1 | null> = {};
  for (const no of range(1, 25)) itemPoints[no] = points(answers, no);

  const domains = Object.fromEntries(
    (Object.keys(KIHON_DOMAINS) as KihonDomain[]).map((d) => {
      const { label, nos } = KIHON_DOMAINS[d];
      return [d, { label, ...tally(itemPoints, nos), max: nos.length }];
    }),
  ) as Record<KihonDomain, DomainScore>;

  const criteria = KIHON_CRITERIA.map((c) => {
    const t = tally(itemPoints, c.nos);
    return { ...c, ...t, result: judgeCount(t.points, t.missing, '>=', c.threshold) };
  });

  return {
    itemPoints,
    bmi,
    bmiText: bmi === null ? null : formatBmi(bmi),
    domains,
    criteria,
    metCriteria: criteria.filter((c) => c.result === '該当').map((c) => c.no),
    result: anyOf(criteria.map((c) => c.result)),
  };
}
