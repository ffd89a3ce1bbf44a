import type { FieldError } from '../../../contracts/http';
import { ResponseInput } from '../../../contracts/surveys';
import { type QuestionnaireDefinition, validateAnswers, visibleItems } from '../../../domain/questionnaire';
import { validate } from '../../lib/form';
import { isBlankAnswer, type RawAnswer } from './definition';

/** Answers as validateAnswers takes them: codes, code lists and the text typed; blanks left out. */
export function toRaw(answers: Readonly<Record<string, RawAnswer>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => !isBlankAnswer(v)));
}

/** Whether the questionnaire asks sex and age itself (ニーズ調査) or the screen must (the others). */
export function asksOwn(def: QuestionnaireDefinition): { sex: boolean; age: boolean } {
  const keys = new Set(def.sections.flatMap((s) => s.questions.map((q) => ('key' in q ? q.key : ''))));
  return { sex: !keys.has('sex'), age: !keys.has('age') };
}

export interface Header {
  respondentNo: string;
  residentId: string | null;
  areaId: string;
  townName: string;
  sex: string;
  age: string;
  answeredOn: string | null;
  mode: 'paper' | 'interview';
}

/**
 * The body of createResponse from what a screen holds, checked the way the server will check it:
 * only questions that apply are sent, answers are normalised by the questionnaire engine, and every
 * problem comes back with the path the server would use (`answers.<itemKey>`, `age` …).
 */
export function responseBody(
  def: QuestionnaireDefinition,
  answers: Readonly<Record<string, RawAnswer>>,
  h: Header,
): { body: ResponseInput; problems: FieldError[] } {
  const raw = toRaw(answers);
  const shown = new Set(visibleItems(def, raw));
  const checked = validateAnswers(def, Object.fromEntries(Object.entries(raw).filter(([k]) => shown.has(k))));
  const problems: FieldError[] = checked.ok
    ? []
    : checked.errors.map((e) => ({ path: `answers.${e.itemKey}`, message: e.message }));
  const normalised = checked.ok ? checked.answers : {};
  const ask = asksOwn(def);
  const ageText = h.age.normalize('NFKC').trim();
  let age: number | null = null;
  if (!ask.age) age = typeof normalised.age === 'number' ? normalised.age : null;
  else if (/^\d+$/u.test(ageText)) age = Number(ageText);
  else if (ageText !== '') problems.push({ path: 'age', message: '年齢：40〜120の整数で入力してください' });
  const itemSex = normalised.sex;
  const sex = ask.sex
    ? h.sex === '1' || h.sex === '2'
      ? h.sex
      : null
    : itemSex === '1' || itemSex === '2'
      ? itemSex
      : null;
  const body: ResponseInput = {
    respondentNo: h.respondentNo.trim(),
    residentId: h.residentId,
    areaId: h.areaId || null,
    townName: h.townName.trim(),
    sex,
    age,
    answeredOn: h.answeredOn,
    mode: h.mode,
    answers: { ...normalised },
  };
  const more = validate(ResponseInput, body).filter((p) => !problems.some((q) => q.path === p.path));
  return { body, problems: [...problems, ...more] };
}
