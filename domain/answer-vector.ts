import { type Answers, items, type QuestionnaireDefinition } from './questionnaire';

/*
 * Stored answers: one text per item, in the order of the questionnaire version's items (which never
 * changes within a version), null when unanswered. A multiple choice is its codes joined by ','
 * (no code contains one); a number is its decimal text. About a tenth of the size of the same
 * answers as keyed JSON, and an item is read in SQL as `answers[n]` — which is what lets a whole
 * 100,000-person survey be judged in one scan (decision 0011).
 */

function positions(def: QuestionnaireDefinition) {
  return items(def).map((it) => ({
    key: it.key,
    kind: it.question.kind,
    multi:
      it.question.kind === 'multiple' || (it.question.kind === 'matrix' && it.question.multiple === true),
  }));
}

const cache = new WeakMap<QuestionnaireDefinition, ReturnType<typeof positions>>();
const layout = (def: QuestionnaireDefinition) => {
  let p = cache.get(def);
  if (!p) {
    p = positions(def);
    cache.set(def, p);
  }
  return p;
};

/** Normalised answers (from validateAnswers) as the stored vector. */
export function encodeAnswers(def: QuestionnaireDefinition, answers: Answers): (string | null)[] {
  return layout(def).map(({ key }) => {
    const v = answers[key];
    if (v === undefined) return null;
    if (Array.isArray(v)) return v.length === 0 ? null : v.join(',');
    return String(v);
  });
}

/** The stored vector back as normalised answers. */
export function decodeAnswers(def: QuestionnaireDefinition, stored: readonly (string | null)[]): Answers {
  const out: Record<string, string | number | readonly string[]> = {};
  layout(def).forEach(({ key, kind, multi }, i) => {
    const v = stored[i];
    if (v === null || v === undefined) return;
    out[key] = multi ? v.split(',') : kind === 'number' || kind === 'scale' ? Number(v) : v;
  });
  return out;
}

/** 1-based position of each item in the vector, for SQL (`answers[n]`). */
export function answerIndex(def: QuestionnaireDefinition): Map<string, number> {
  return new Map(layout(def).map((p, i) => [p.key, i + 1]));
}

/** Whether an item holds several codes (for the SQL test of one code among them). */
export function isMultiItem(def: QuestionnaireDefinition, key: string): boolean {
  return layout(def).some((p) => p.key === key && p.multi);
}

/** Reads an item from a stored vector column in SQL: `answers[12]`; unknown keys are a programming error. */
export function vectorColumn(def: QuestionnaireDefinition, column: string): (key: string) => string {
  const index = answerIndex(def);
  return (key) => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`${def.key}: no item "${key}"`);
    return `${column}[${i}]`;
  };
}
