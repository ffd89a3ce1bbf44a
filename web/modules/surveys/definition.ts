import { INTEREST_CHECKSHEET } from '../../../domain/interest-checksheet';
import { KIHON_CHECKLIST } from '../../../domain/kihon-checklist';
import { NEEDS_SURVEY_RISK } from '../../../domain/needs-survey';
import {
  type Condition,
  type Item,
  items,
  type Option,
  type Question,
  type QuestionnaireDefinition,
} from '../../../domain/questionnaire';

/*
 * The questionnaire of a survey as the screens use it. The server sends the definition as data
 * (contracts/surveys.ts InstrumentInfo.definition); the copies in domain/ are used only when an
 * answer lacks it, and only for the same key and version.
 */

const LOCAL: readonly QuestionnaireDefinition[] = [KIHON_CHECKLIST, NEEDS_SURVEY_RISK, INTEREST_CHECKSHEET];

function looksLikeDefinition(d: unknown): d is QuestionnaireDefinition {
  if (!d || typeof d !== 'object') return false;
  const def = d as { key?: unknown; sections?: unknown };
  return (
    typeof def.key === 'string' &&
    Array.isArray(def.sections) &&
    def.sections.every(
      (s) => s && typeof s === 'object' && Array.isArray((s as { questions?: unknown }).questions),
    )
  );
}

/** The definition sent by the server, or the built-in one of the same key and version. */
export function definitionOf(info: {
  key: string;
  version: number;
  definition: unknown;
}): QuestionnaireDefinition | null {
  if (looksLikeDefinition(info.definition)) return info.definition;
  return LOCAL.find((d) => d.key === info.key && d.version === info.version) ?? null;
}

/** Options an item is answered with (single, multiple and matrix); none for numbers and text. */
export function optionsOf(q: Question): readonly Option[] {
  return q.kind === 'single' || q.kind === 'multiple' || q.kind === 'matrix' ? q.options : [];
}

/** True when the item takes a set of options (multiple choice, or a row of a multiple matrix). */
export function isMultiple(q: Question): boolean {
  return q.kind === 'multiple' || (q.kind === 'matrix' && q.multiple === true);
}

/** True when the item is answered with one option: one key press picks it. */
export function isSingle(q: Question): boolean {
  return q.kind === 'single' || (q.kind === 'matrix' && !q.multiple);
}

/**
 * The key that picks each option. Codes of one character (「1.はい」「0.いいえ」) are typed as
 * printed on the paper form; otherwise (興味・関心チェックシート: doing, wantToDo …) the options are
 * numbered 1, 2, 3 … in form order.
 */
export function optionKeys(options: readonly Option[]): { key: string; option: Option }[] {
  const asPrinted = options.every((o) => /^[0-9a-z]$/i.test(o.code));
  return options.map((option, i) => ({ key: asPrinted ? option.code : String(i + 1), option }));
}

/** The option a typed character picks (full-width digits count as digits), or undefined. */
export function optionForKey(options: readonly Option[], typed: string): Option | undefined {
  const k = typed.normalize('NFKC').toLowerCase();
  return optionKeys(options).find((o) => o.key.toLowerCase() === k)?.option;
}

/** The key of an option code, for showing what was typed. */
export function keyForCode(options: readonly Option[], code: string): string {
  return optionKeys(options).find((o) => o.option.code === code)?.key ?? code;
}

/** 「0 はい ・ 1 いいえ」: the keys and their options, as printed beside an entry field. */
export function keyHint(options: readonly Option[]): string {
  return optionKeys(options)
    .map(({ key, option }) => `${key} ${option.label}`)
    .join('・');
}

/** The item's number as printed, for the left column: 'No.12', '問2(1)', '①'. */
export function itemNumber(item: Item): string {
  if (item.row) return item.row.number ?? '';
  return item.question.number ?? '';
}

/** The item's wording: the row's label for a matrix row, else the question. */
export function itemLabel(item: Item): string {
  return item.row ? item.row.label : item.question.label;
}

/** Sections with their items, in form order (matrix rows expanded). */
export function sectionsWithItems(def: QuestionnaireDefinition): { title: string; items: Item[] }[] {
  const all = items(def);
  let i = 0;
  return def.sections.map((s) => {
    const count = s.questions.reduce((n, q) => n + (q.kind === 'matrix' ? q.rows.length : 1), 0);
    const part = all.slice(i, i + count);
    i += count;
    return { title: s.title, items: part };
  });
}

/** An id made from an item key ('ns.stairs' → 'ns_stairs'), safe in ids and fragment links. */
export function safeId(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The condition of a showIf in words, for the interview and entry screens. */
export function conditionText(def: QuestionnaireDefinition, cond: Condition | undefined): string | null {
  if (!cond) return null;
  const item = items(def).find((i) => i.key === cond.itemKey);
  const name = item?.name ?? cond.itemKey;
  if ('answered' in cond) return cond.answered ? `${name}に回答があるときだけ` : `${name}が空欄のときだけ`;
  const codes = 'equals' in cond ? [cond.equals] : cond.in;
  const labels = codes.map(
    (c) => optionsOf(item?.question ?? ({ kind: 'text' } as Question)).find((o) => o.code === c)?.label ?? c,
  );
  return `${name}が「${labels.join('」か「')}」のときだけ`;
}

/** A raw answer as the entry screens hold it: a code, codes, or the text typed. */
export type RawAnswer = string | readonly string[];

/** Whether a raw answer is empty. */
export function isBlankAnswer(v: RawAnswer | undefined): boolean {
  if (v === undefined) return true;
  return typeof v === 'string' ? v.trim() === '' : v.length === 0;
}
