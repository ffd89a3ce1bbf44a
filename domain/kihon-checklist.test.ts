import { describe, expect, it } from 'vitest';
import { bmiOf, isBmiBelow, KIHON_CHECKLIST, KIHON_ITEMS, scoreKihonChecklist } from './kihon-checklist';
import { type Answers, itemKeys, validateAnswers } from './questionnaire';

const kc = (no: number) => `kc${String(no).padStart(2, '0')}`;

/** Every yes/no item answered the healthy way, BMI 20 (160 cm, 51.2 kg); then the given Nos. score. */
function person(scoring: number[] = [], extra: Record<string, unknown> = {}): Answers {
  const raw: Record<string, unknown> = { heightCm: 160, weightKg: 51.2, ...extra };
  for (const item of KIHON_ITEMS) raw[item.key] = scoring.includes(item.no) ? '1' : '0';
  const r = validateAnswers(KIHON_CHECKLIST, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.answers;
}

describe('基本チェックリスト definition', () => {
  it('has kc01…kc25 and the measurements of No.12', () => {
    const keys = itemKeys(KIHON_CHECKLIST);
    for (let no = 1; no <= 25; no++) expect(keys).toContain(kc(no));
    expect(keys).toContain('heightCm');
    expect(keys).toContain('weightKg');
    expect(keys).toHaveLength(27);
  });

  it('codes answers as the points the form prints, and reads はい/いいえ too', () => {
    const r = validateAnswers(KIHON_CHECKLIST, { kc01: 'いいえ', kc09: 'はい', kc16: '１' });
    expect(r).toMatchObject({ ok: true, answers: { kc01: '1', kc09: '1', kc16: '1' } });
    expect(validateAnswers(KIHON_CHECKLIST, { heightCm: '30' })).toEqual({
      ok: false,
      errors: [{ itemKey: 'heightCm', message: '身長：50〜250の数で入力してください。' }],
    });
  });
});

describe('事業対象者 (様式第二): the test vectors of standards §2.3', () => {
  it('only No.16 いいえ → 該当 by criterion 5', () => {
    const r = scoreKihonChecklist(person([16]));
    expect(r.result).toBe('該当');
    expect(r.metCriteria).toEqual([5]);
  });

  it('only No.17 はい → 非該当 (No.17 alone does not qualify)', () => {
    const r = scoreKihonChecklist(person([17]));
    expect(r.result).toBe('非該当');
    expect(r.domains.housebound.points).toBe(1);
    expect(r.domains.life.points).toBe(1);
  });

  it('Nos. 21 and 22 はい → 該当 by criterion 7', () => {
    const r = scoreKihonChecklist(person([21, 22]));
    expect(r.result).toBe('該当');
    expect(r.metCriteria).toEqual([7]);
    expect(r.domains.life.points).toBe(0);
  });

  it('nine points over No.1–5, 11, 13, 17, 19 → 該当 by criterion 6, not 1', () => {
    const r = scoreKihonChecklist(person([1, 2, 3, 4, 5, 11, 13, 17, 19]));
    expect(r.domains.life.points).toBe(9);
    expect(r.result).toBe('該当');
    expect(r.metCriteria).toEqual([6]);
    expect(r.criteria.find((c) => c.no === 1)!.result).toBe('非該当');
  });

  it('only No.11 はい with BMI 20 → 非該当', () => {
    const r = scoreKihonChecklist(person([11]));
    expect(r.bmiText).toBe('20.0');
    expect(r.result).toBe('非該当');
  });
});

describe('事業対象者: criteria and three-valued logic', () => {
  it('counts ten points in No.1–20 as criterion 1, ignoring No.21–25', () => {
    expect(scoreKihonChecklist(person([1, 2, 3, 4, 5, 6, 8, 11, 13, 17])).metCriteria).toEqual([1]);
    expect(scoreKihonChecklist(person([1, 2, 3, 4, 5, 6, 8, 11, 13, 21])).metCriteria).toEqual([]);
  });

  it('judges 運動器, 栄養 and 口腔 at their thresholds', () => {
    expect(scoreKihonChecklist(person([6, 9, 10])).metCriteria).toEqual([2]);
    expect(scoreKihonChecklist(person([6, 9])).result).toBe('非該当');
    expect(scoreKihonChecklist(person([11], { weightKg: 44 })).metCriteria).toEqual([3]);
    expect(scoreKihonChecklist(person([13, 15])).metCriteria).toEqual([4]);
  });

  it('is 判定不能 when the blanks could still meet a criterion', () => {
    const answers = { ...person() };
    delete (answers as Record<string, unknown>).kc18;
    const r = scoreKihonChecklist(answers);
    expect(r.result).toBe('判定不能');
    expect(r.criteria.find((c) => c.no === 6)!.result).toBe('判定不能');
  });

  it('is 非該当 when no criterion could be met even if every blank were a risk answer', () => {
    // No.21 alone cannot reach two うつ points, and is not part of criterion 1.
    const answers = { ...person() } as Record<string, unknown>;
    delete answers.kc21;
    expect(scoreKihonChecklist(answers as Answers).result).toBe('非該当');
  });

  it('is 該当 as soon as one criterion is met, whatever is missing', () => {
    const r = scoreKihonChecklist({ kc16: '1' });
    expect(r.result).toBe('該当');
    expect(scoreKihonChecklist({}).result).toBe('判定不能');
  });

  it('uses kc12 only when height and weight are missing, and prefers measurements', () => {
    const noMeasures = { ...person([11]) } as Record<string, unknown>;
    delete noMeasures.heightCm;
    delete noMeasures.weightKg;
    expect(scoreKihonChecklist(noMeasures as Answers).criteria[2]!.result).toBe('判定不能');
    expect(scoreKihonChecklist({ ...noMeasures, kc12: '1' } as Answers).metCriteria).toEqual([3]);
    expect(scoreKihonChecklist({ ...person([11]), kc12: '1' }).itemPoints[12]).toBe(0);
    // The form only asks kc12 when no height is recorded; an answer given anyway is dropped.
    expect(validateAnswers(KIHON_CHECKLIST, { heightCm: 160, kc12: '1' })).toMatchObject({
      dropped: ['kc12'],
    });
  });
});

describe('BMI', () => {
  it('is weight / height² and rounded only for display', () => {
    expect(bmiOf(150, 45)).toBe(20);
    const r = scoreKihonChecklist(person([], { heightCm: 155, weightKg: 44.4 }));
    expect(r.bmi).toBeCloseTo(18.4807, 4);
    expect(r.bmiText).toBe('18.5');
    expect(r.itemPoints[12]).toBe(1); // 18.48 scores although it shows as 18.5
  });

  it('counts exactly 18.5 as not below 18.5', () => {
    expect(isBmiBelow(150, 41.625)).toBe(false);
    // 47.36 / 1.6² is 18.4999… in floating point; it is still exactly 18.5.
    expect(isBmiBelow(160, 47.36)).toBe(false);
    expect(isBmiBelow(160, 47.35)).toBe(true);
    expect(scoreKihonChecklist(person([11], { heightCm: 160, weightKg: 47.36 })).result).toBe('非該当');
    expect(scoreKihonChecklist(person([11], { heightCm: 160, weightKg: 47.35 })).result).toBe('該当');
  });
});
