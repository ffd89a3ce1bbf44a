/*
 * A small questionnaire engine for the surveys a 市町村 runs (ニーズ調査, 基本チェックリスト,
 * 興味・関心チェックシート). A definition is data and carries a version, and every answerable thing
 * has a stable item key, so that scoring rules and stored answers never depend on question numbers:
 * those shift whenever a town adds questions of its own (standards §1.2).
 *
 * Answers come from forms and from CSV files typed up by contractors, so validation also
 * normalises: full-width digits, '1,3' for a multiple choice, a label instead of a code. A blank
 * answer is simply unanswered; surveys always have gaps, and the scoring code decides what a gap
 * means (判定不能 rather than a guess).
 */

/** How far a definition or rule can be trusted; mirrors the status tags of the standards document. */
export type Confidence = 'verified' | 'secondary' | 'unverified' | 'conflict';

/** Japanese label for a confidence level, for the badge the UI shows beside an instrument or rule. */
export const CONFIDENCE_LABEL: Record<Confidence, string> = {
  verified: '確認済み',
  secondary: '二次資料のみ',
  unverified: '未確認',
  conflict: '資料により異なる',
};

/** One choice. The code is what is stored; aliases are other spellings accepted on import ('男'). */
export interface Option {
  code: string;
  label: string;
  aliases?: readonly string[];
}

/** Skip logic: show a question only when an earlier item's answer matches. */
export type Condition =
  | { itemKey: string; equals: string }
  | { itemKey: string; in: readonly string[] }
  | { itemKey: string; answered: boolean };

interface QuestionBase {
  /** Number printed on the form ('問2(1)', 'No.12'); for display only, since it moves between versions. */
  number?: string;
  /** The question as printed. */
  label: string;
  /** Short name for messages ('身長'); otherwise the number, otherwise the label is used. */
  short?: string;
  help?: string;
  showIf?: Condition;
}

/** Pick one option. */
export interface SingleQuestion extends QuestionBase {
  kind: 'single';
  key: string;
  options: readonly Option[];
}

/** Pick any number of options; an exclusive code ('特にない') cannot be combined with others. */
export interface MultipleQuestion extends QuestionBase {
  kind: 'multiple';
  key: string;
  options: readonly Option[];
  exclusive?: readonly string[];
}

/** A number within min..max (inclusive), such as a height in cm. */
export interface NumberQuestion extends QuestionBase {
  kind: 'number';
  key: string;
  min: number;
  max: number;
  unit?: string;
  integer?: boolean;
}

/** Free text. */
export interface TextQuestion extends QuestionBase {
  kind: 'text';
  key: string;
  maxLength?: number;
}

/** A whole number on a scale from min to max, with words for both ends. */
export interface ScaleQuestion extends QuestionBase {
  kind: 'scale';
  key: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
}

/** One row of a matrix; each row is its own item with its own key. */
export interface MatrixRow {
  key: string;
  label: string;
  number?: string;
  short?: string;
  showIf?: Condition;
}

/** Several items sharing one set of options (問5(1)'s eight groups, the interest checksheet). */
export interface MatrixQuestion extends QuestionBase {
  kind: 'matrix';
  rows: readonly MatrixRow[];
  options: readonly Option[];
  /** Each row takes a set of options instead of one. */
  multiple?: boolean;
  exclusive?: readonly string[];
}

/** Any question of a definition. */
export type Question =
  | SingleQuestion
  | MultipleQuestion
  | NumberQuestion
  | TextQuestion
  | ScaleQuestion
  | MatrixQuestion;

/** A titled group of questions (問2 からだを動かすことについて). */
export interface Section {
  title: string;
  questions: readonly Question[];
}

/** A versioned questionnaire: answers are always stored together with key and version. */
export interface QuestionnaireDefinition {
  key: string;
  version: number;
  title: string;
  /** Where the questions come from (a 告示, a manual, a form). */
  source: string;
  confidence: Confidence;
  note?: string;
  sections: readonly Section[];
}

/** A normalised answer: a code (single, text), codes (multiple) or a number (number, scale). */
export type AnswerValue = string | number | readonly string[];

/** Normalised answers by item key; an unanswered item has no entry. */
export type Answers = Readonly<Record<string, AnswerValue>>;

/** One answerable thing, with the question it belongs to (and its row, for a matrix). */
export interface Item {
  key: string;
  question: Question;
  row?: MatrixRow;
  /** How the item is called in messages: '問3', '身長', '問5(1) ①ボランティアのグループ'. */
  name: string;
}

function questionName(q: Question): string {
  return q.short ?? q.number ?? q.label;
}

/** Every answerable item in form order, matrix rows expanded; the basis of all the functions below. */
export function items(def: QuestionnaireDefinition): Item[] {
  const out: Item[] = [];
  for (const section of def.sections) {
    for (const q of section.questions) {
      if (q.kind !== 'matrix') {
        out.push({ key: q.key, question: q, name: questionName(q) });
        continue;
      }
      const base = q.short ?? q.number;
      for (const row of q.rows) {
        const rowName = row.short ?? `${row.number ?? ''}${row.label}`;
        out.push({ key: row.key, question: q, row, name: base ? `${base} ${rowName}` : rowName });
      }
    }
  }
  return out;
}

/** All answerable item keys in form order (matrix rows expand to their own keys). */
export function itemKeys(def: QuestionnaireDefinition): string[] {
  return items(def).map((i) => i.key);
}

/**
 * Checks a definition once, where it is declared, and returns it: keys unique, option codes unique,
 * exclusive codes known, ranges sane, and every showIf pointing at an earlier item. Forward
 * references are refused so that visibility can be decided in a single pass in form order.
 */
export function defineQuestionnaire<T extends QuestionnaireDefinition>(def: T): T {
  const seen = new Set<string>();
  const fail = (msg: string): never => {
    throw new Error(`${def.key} v${def.version}: ${msg}`);
  };
  const checkCondition = (key: string, cond: Condition | undefined) => {
    if (cond && !seen.has(cond.itemKey))
      fail(`showIf of "${key}" refers to "${cond.itemKey}", not an earlier item`);
  };
  for (const item of items(def)) {
    const q = item.question;
    checkCondition(item.key, q.showIf);
    checkCondition(item.key, item.row?.showIf);
    if (item.key.trim() === '' || seen.has(item.key)) fail(`item key "${item.key}" is empty or repeated`);
    seen.add(item.key);
    if (q.kind === 'single' || q.kind === 'multiple' || q.kind === 'matrix') {
      const codes = q.options.map((o) => o.code);
      if (codes.length === 0 || new Set(codes).size !== codes.length)
        fail(`options of "${item.key}" are empty or repeat a code`);
      if (q.kind !== 'single' && q.exclusive?.some((c) => !codes.includes(c))) {
        fail(`exclusive code of "${item.key}" is not an option`);
      }
    }
    if ((q.kind === 'number' || q.kind === 'scale') && !(q.min <= q.max))
      fail(`range of "${item.key}" is empty`);
  }
  return def;
}

/** A problem with one answer, worded for the staff member who typed it or imported the file. */
export interface AnswerError {
  itemKey: string;
  message: string;
}

/** Successful validation: the normalised answers, ready to store and score. */
export interface ValidAnswers {
  ok: true;
  answers: Answers;
  /** Item keys answered although their question did not apply (showIf false); those answers were dropped. */
  dropped: string[];
}

/** Failed validation: every problem found, in form order (unknown keys first). */
export interface InvalidAnswers {
  ok: false;
  errors: AnswerError[];
}

/** Result of validation: normalised answers, or every problem found. */
export type ValidationResult = ValidAnswers | InvalidAnswers;

function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.every(isBlank);
  return false;
}

// NFKC turns '２' into '2' and '，' into ','; CSV files from survey contractors have both.
function asText(v: unknown): string | null {
  if (typeof v === 'string') return v.normalize('NFKC').trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

// Labels are compared after NFKC and with one wave dash: 「週2〜3回」 is typed with 〜, ～ or ~ alike.
function canon(s: string): string {
  return s.normalize('NFKC').replace(/[〜~]/gu, '〜');
}

function findOption(options: readonly Option[], s: string): Option | undefined {
  const c = canon(s);
  return (
    options.find((o) => o.code === s) ??
    options.find((o) => canon(o.label) === c || o.aliases?.some((a) => canon(a) === c))
  );
}

type Normalised = { value: AnswerValue } | { error: string };

function normaliseOne(options: readonly Option[], raw: unknown, name: string): Normalised {
  let v = raw;
  if (Array.isArray(v)) {
    const parts = v.filter((x) => !isBlank(x));
    if (parts.length > 1) return { error: `${name}：回答は1つだけ選んでください。` };
    v = parts[0];
  }
  const s = asText(v);
  if (s === null) return { error: `${name}：回答の形式が正しくありません。` };
  const option = findOption(options, s);
  return option ? { value: option.code } : { error: `${name}：選択肢にない回答です（「${s}」）。` };
}

function normaliseMany(
  options: readonly Option[],
  exclusive: readonly string[] | undefined,
  raw: unknown,
  name: string,
): Normalised {
  // '1,3' '1;3' '1、3' '1 3' all mean options 1 and 3; labels contain none of these separators.
  const pieces: string[] = [];
  for (const x of Array.isArray(raw) ? raw : [raw]) {
    const s = asText(x);
    if (s === null) return { error: `${name}：回答の形式が正しくありません。` };
    pieces.push(...s.split(/[,;、\s]+/u).filter((p) => p !== ''));
  }
  const chosen = new Set<string>();
  for (const p of pieces) {
    const option = findOption(options, p);
    if (!option) return { error: `${name}：選択肢にない回答です（「${p}」）。` };
    chosen.add(option.code);
  }
  const lone = exclusive?.find((c) => chosen.has(c));
  if (lone !== undefined && chosen.size > 1) {
    const label = options.find((o) => o.code === lone)!.label;
    return { error: `${name}：「${label}」はほかの回答と一緒には選べません。` };
  }
  return { value: options.filter((o) => chosen.has(o.code)).map((o) => o.code) };
}

function normaliseNumber(q: NumberQuestion | ScaleQuestion, raw: unknown, name: string): Normalised {
  const integer = q.kind === 'scale' || q.integer === true;
  const range = `${q.min}〜${q.max}`;
  const message =
    q.kind === 'scale'
      ? `${name}：${range}の整数で選んでください。`
      : `${name}：${range}の${integer ? '整数' : '数'}で入力してください。`;
  let s = asText(raw);
  if (s === null) return { error: message };
  // '158cm' and '52.5 kg' are common in typed-up files; the unit adds nothing once it is known.
  const unit = q.kind === 'number' ? q.unit?.normalize('NFKC') : undefined;
  if (unit && s.toLowerCase().endsWith(unit.toLowerCase())) s = s.slice(0, -unit.length).trim();
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/u.test(s)) return { error: message };
  const n = Number(s);
  if (n < q.min || n > q.max || (integer && !Number.isInteger(n))) return { error: message };
  return { value: n };
}

function normalise(item: Item, raw: unknown): Normalised {
  const q = item.question;
  switch (q.kind) {
    case 'single':
      return normaliseOne(q.options, raw, item.name);
    case 'multiple':
      return normaliseMany(q.options, q.exclusive, raw, item.name);
    case 'matrix':
      return q.multiple
        ? normaliseMany(q.options, q.exclusive, raw, item.name)
        : normaliseOne(q.options, raw, item.name);
    case 'number':
    case 'scale':
      return normaliseNumber(q, raw, item.name);
    case 'text': {
      if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
        return { error: `${item.name}：回答の形式が正しくありません。` };
      }
      const s = String(raw).trim();
      if (q.maxLength !== undefined && [...s].length > q.maxLength) {
        return { error: `${item.name}：${q.maxLength}文字以内で入力してください。` };
      }
      return { value: s };
    }
  }
}

function holds(cond: Condition | undefined, answers: Answers): boolean {
  if (!cond) return true;
  const v = answers[cond.itemKey];
  if ('answered' in cond) return (v !== undefined) === cond.answered;
  if (v === undefined) return false;
  const wanted = 'equals' in cond ? [cond.equals] : cond.in;
  const given = Array.isArray(v) ? v : [String(v)];
  return given.some((g) => wanted.includes(g));
}

interface Walk {
  answers: Record<string, AnswerValue>;
  errors: AnswerError[];
  visible: string[];
  dropped: string[];
}

// One pass in form order: an item's visibility depends only on earlier items (defineQuestionnaire
// forbids forward references), and only on their valid, visible answers.
function walk(def: QuestionnaireDefinition, raw: Readonly<Record<string, unknown>>): Walk {
  const result: Walk = { answers: {}, errors: [], visible: [], dropped: [] };
  const all = items(def);
  const known = new Set(all.map((i) => i.key));
  for (const key of Object.keys(raw)) {
    if (!known.has(key))
      result.errors.push({ itemKey: key, message: `「${key}」はこの調査票にない項目です。` });
  }
  for (const item of all) {
    const given = raw[item.key];
    if (!holds(item.question.showIf, result.answers) || !holds(item.row?.showIf, result.answers)) {
      if (!isBlank(given)) result.dropped.push(item.key);
      continue;
    }
    result.visible.push(item.key);
    if (isBlank(given)) continue;
    const n = normalise(item, given);
    if ('error' in n) result.errors.push({ itemKey: item.key, message: n.error });
    else result.answers[item.key] = n.value;
  }
  return result;
}

/** The item keys that apply to this respondent, given the answers so far (invalid answers count as blank). */
export function visibleItems(
  def: QuestionnaireDefinition,
  answers: Readonly<Record<string, unknown>>,
): string[] {
  return walk(def, answers).visible;
}

/**
 * Validates and normalises one respondent's answers. Unknown keys are errors (a mistyped CSV
 * header must not vanish silently); answers to questions that do not apply are dropped; blanks
 * are left unanswered.
 */
export function validateAnswers(
  def: QuestionnaireDefinition,
  answers: Readonly<Record<string, unknown>>,
): ValidationResult {
  const w = walk(def, answers);
  return w.errors.length > 0
    ? { ok: false, errors: w.errors }
    : { ok: true, answers: w.answers, dropped: w.dropped };
}

/** The option code answered for an item, or undefined when unanswered (or not a single choice). */
export function codeOf(answers: Answers, key: string): string | undefined {
  const v = answers[key];
  return typeof v === 'string' ? v : undefined;
}

/** The number answered for an item, or undefined. */
export function numberOf(answers: Answers, key: string): number | undefined {
  const v = answers[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The codes answered for a multiple-choice item or row, or undefined when unanswered. */
export function codesOf(answers: Answers, key: string): readonly string[] | undefined {
  const v = answers[key];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : undefined;
}

/** The three outcomes municipal reports use for every judgement (standards §1.3). */
export type Judgement = '該当' | '非該当' | '判定不能';

/**
 * Three-valued comparison of a count that is only partly known: `hits` answers already count and
 * `missing` might. '>=' asks whether at least `threshold` count, '<=' whether at most `threshold` do.
 * 該当 when no answer to the missing items could change the outcome towards 非該当, and so on.
 */
export function judgeCount(
  hits: number,
  missing: number,
  operator: '>=' | '<=',
  threshold: number,
): Judgement {
  const low = hits;
  const high = hits + missing;
  if (operator === '>=') return low >= threshold ? '該当' : high < threshold ? '非該当' : '判定不能';
  return high <= threshold ? '該当' : low > threshold ? '非該当' : '判定不能';
}

/** 該当 if any part is 該当, 非該当 if all are 非該当, else 判定不能 (事業対象者: any one criterion). */
export function anyOf(parts: readonly Judgement[]): Judgement {
  if (parts.includes('該当')) return '該当';
  return parts.every((p) => p === '非該当') ? '非該当' : '判定不能';
}

/** 非該当 if any part is 非該当, 該当 if all are 該当, else 判定不能 (低栄養: BMI and weight loss). */
export function allOf(parts: readonly Judgement[]): Judgement {
  if (parts.includes('非該当')) return '非該当';
  return parts.every((p) => p === '該当') ? '該当' : '判定不能';
}
