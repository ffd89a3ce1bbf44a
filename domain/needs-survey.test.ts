import { describe, expect, it } from 'vitest';
import {
  evaluateRisks,
  NEEDS_GROUPS,
  NEEDS_RISK_RULES,
  NEEDS_SURVEY_RISK,
  type RiskResult,
  type RiskRule,
  withOverrides,
} from './needs-survey';
import { type Answers, itemKeys, validateAnswers } from './questionnaire';

function answers(raw: Record<string, unknown>): Answers {
  const r = validateAnswers(NEEDS_SURVEY_RISK, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.answers;
}

function judge(
  key: string,
  raw: Record<string, unknown>,
  rules: readonly RiskRule[] = NEEDS_RISK_RULES,
): RiskResult {
  return evaluateRisks(rules, answers(raw)).find((r) => r.key === key)!;
}

const motorFine = {
  'ns.stairs': '1',
  'ns.chairRise': '1',
  'ns.walk15': '2',
  'ns.fallPastYear': '3',
  'ns.fearOfFalling': '4',
};

describe('ニーズ調査 definition', () => {
  it('has the stable item keys the rules use, and nothing else unexplained', () => {
    const keys = new Set(itemKeys(NEEDS_SURVEY_RISK));
    for (const rule of NEEDS_RISK_RULES) {
      const used = rule.kind === 'bmiAnd' ? [...rule.items, rule.heightKey, rule.weightKey] : rule.items;
      for (const k of used) expect(keys, `${rule.key}: ${k}`).toContain(k);
      const counted = rule.kind === 'score' ? rule.pointAnswers : rule.riskAnswers;
      expect(Object.keys(counted).sort()).toEqual([...rule.items].sort());
    }
    expect(keys).toContain('sex');
    expect(keys).toContain('age');
    expect(NEEDS_GROUPS).toHaveLength(8);
  });

  it('keeps the status and source of every rule as data', () => {
    for (const rule of NEEDS_RISK_RULES) {
      expect(['unverified', 'conflict']).toContain(rule.status);
      expect(rule.source).not.toBe('');
    }
    expect(new Set(NEEDS_RISK_RULES.map((r) => r.key)).size).toBe(NEEDS_RISK_RULES.length);
  });

  it('reads the national form numbering and 男/女', () => {
    expect(answers({ sex: '女', age: '７８', 'ns.goOutWeekly': '２', 'ns.group.hobby': '4' })).toEqual({
      sex: '2',
      age: 78,
      'ns.goOutWeekly': '2',
      'ns.group.hobby': '4',
    });
    // Labels typed with any wave dash (〜 ～ ~) match.
    expect(answers({ 'ns.group.sports': '週2～3回', 'ns.group.study': '月1~3回' })).toEqual({
      'ns.group.sports': '2',
      'ns.group.study': '4',
    });
  });
});

describe('risk rules', () => {
  it('運動器: 3 of 5 risk answers → 該当; 2 risk + 1 missing → 判定不能; 2 risk + 3 fine → 非該当', () => {
    expect(
      judge('motor', { ...motorFine, 'ns.stairs': '3', 'ns.fallPastYear': '2', 'ns.fearOfFalling': '1' })
        .result,
    ).toBe('該当');
    const unsure = { 'ns.stairs': '3', 'ns.chairRise': '3', 'ns.fallPastYear': '3', 'ns.fearOfFalling': '4' };
    expect(judge('motor', unsure)).toMatchObject({ result: '判定不能', hits: 2, missing: 1 });
    expect(judge('motor', { ...unsure, 'ns.walk15': '2' }).result).toBe('非該当');
    expect(judge('motor', { 'ns.walk15': '1', 'ns.fallPastYear': '3', 'ns.fearOfFalling': '3' }).result).toBe(
      '非該当',
    );
  });

  it('転倒 and 閉じこもり follow one item', () => {
    expect(judge('fall', { 'ns.fallPastYear': '2' }).result).toBe('該当');
    expect(judge('fall', { 'ns.fallPastYear': '3' }).result).toBe('非該当');
    expect(judge('fall', {}).result).toBe('判定不能');
    expect(judge('housebound', { 'ns.goOutWeekly': '2' }).result).toBe('該当');
    expect(judge('housebound', { 'ns.goOutWeekly': '3' }).result).toBe('非該当');
  });

  it('低栄養 needs BMI < 18.5 and weight loss together', () => {
    const bmi17 = { 'ns.heightCm': '150', 'ns.weightKg': '38.25' };
    expect(judge('undernutrition', { ...bmi17, 'ns.weightLoss': '1' })).toMatchObject({
      result: '該当',
      bmi: 17,
    });
    expect(judge('undernutrition', { ...bmi17, 'ns.weightLoss': '2' }).result).toBe('非該当');
    expect(judge('undernutrition', { ...bmi17 }).result).toBe('判定不能');
    expect(
      judge('undernutrition', { 'ns.heightCm': '150', 'ns.weightKg': '45', 'ns.weightLoss': '1' }).result,
    ).toBe('非該当');
    expect(judge('undernutrition', { 'ns.weightLoss': '1' })).toMatchObject({
      result: '判定不能',
      bmi: null,
    });
    expect(judge('undernutrition', { 'ns.weightLoss': '2' }).result).toBe('非該当');
    // Exactly 18.5 is not below 18.5.
    expect(
      judge('undernutrition', { 'ns.heightCm': '160', 'ns.weightKg': '47.36', 'ns.weightLoss': '1' }).result,
    ).toBe('非該当');
  });

  it('口腔 needs 2 of 3; 認知 and うつ one item', () => {
    expect(judge('oral', { 'ns.chewing': '1', 'ns.choking': '1' }).result).toBe('該当');
    expect(judge('oral', { 'ns.chewing': '1', 'ns.choking': '2' }).result).toBe('判定不能');
    expect(judge('oral', { 'ns.chewing': '1', 'ns.choking': '2', 'ns.dryMouth': '2' }).result).toBe('非該当');
    expect(judge('cognitive', { 'ns.forgetful': '1' }).result).toBe('該当');
    expect(judge('depression', { 'ns.depressed': '2', 'ns.lostInterest': '1' }).result).toBe('該当');
    expect(judge('depression', { 'ns.depressed': '2' }).result).toBe('判定不能');
    expect(judge('depression', { 'ns.depressed': '2', 'ns.lostInterest': '2' }).result).toBe('非該当');
  });

  it('IADL scores 1 point per できる and flags ≤ 4', () => {
    const full = {
      'ns.iadlBus': '1',
      'ns.iadlShopping': '2',
      'ns.iadlMeals': '1',
      'ns.iadlBills': '1',
      'ns.iadlSavings': '1',
    };
    expect(judge('iadl', full)).toMatchObject({ result: '非該当', score: 5, band: '高い' });
    expect(judge('iadl', { ...full, 'ns.iadlMeals': '3' })).toMatchObject({
      result: '該当',
      score: 4,
      band: 'やや低い',
    });
    expect(judge('iadl', { ...full, 'ns.iadlMeals': '3', 'ns.iadlBills': '3' })).toMatchObject({
      score: 3,
      band: '低い',
    });
    // Four points known and one blank: 4 or 5, so it cannot be told.
    const partial: Record<string, unknown> = { ...full };
    delete partial['ns.iadlSavings'];
    expect(judge('iadl', partial)).toMatchObject({ result: '判定不能', score: null, band: null });
    // One できない already caps the score at 4.
    expect(judge('iadl', { 'ns.iadlBus': '3' })).toMatchObject({ result: '該当', score: null });
  });

  it('知的能動性 and 社会的役割 score 4 items', () => {
    expect(
      judge('intellectual', { 'ns.forms': '1', 'ns.newspaper': '1', 'ns.books': '1', 'ns.healthInfo': '1' }),
    ).toMatchObject({
      result: '非該当',
      score: 4,
      band: '高い',
    });
    expect(
      judge('socialRole', {
        'ns.visitFriends': '2',
        'ns.advise': '2',
        'ns.visitSick': '1',
        'ns.talkYoung': '1',
      }),
    ).toMatchObject({
      result: '該当',
      score: 2,
      band: '低い',
    });
  });

  it('社会参加 is any group at least monthly, also per group', () => {
    const none = Object.fromEntries(NEEDS_GROUPS.map((g) => [g.key, '6']));
    expect(judge('socialParticipation', none).result).toBe('非該当');
    expect(judge('socialParticipation', { ...none, 'ns.group.kayoinoba': '4' })).toMatchObject({
      result: '該当',
      meaning: 'positive',
    });
    expect(judge('socialParticipation', { 'ns.group.hobby': '5' }).result).toBe('判定不能');
    expect(judge('socialParticipation.kayoinoba', { 'ns.group.kayoinoba': '3' }).result).toBe('該当');
    expect(judge('socialParticipation.volunteer', { 'ns.group.volunteer': '5' }).result).toBe('非該当');
  });

  it('参加意向 counts 是非 / 参加してもよい / 既に参加している', () => {
    expect(judge('intentParticipant', { 'ns.intentParticipant': '2' }).result).toBe('該当');
    expect(judge('intentParticipant', { 'ns.intentParticipant': '4' }).result).toBe('該当');
    expect(judge('intentParticipant', { 'ns.intentParticipant': '3' }).result).toBe('非該当');
    expect(judge('intentOrganiser', { 'ns.intentOrganiser': '1' }).result).toBe('該当');
    expect(judge('intentOrganiser', {}).result).toBe('判定不能');
  });
});

describe('overrides per questionnaire version', () => {
  it('changes a threshold without touching the defaults, and records what changed', () => {
    const local = withOverrides(NEEDS_RISK_RULES, { iadl: { threshold: 3 } });
    const four = {
      'ns.iadlBus': '1',
      'ns.iadlShopping': '1',
      'ns.iadlMeals': '3',
      'ns.iadlBills': '1',
      'ns.iadlSavings': '1',
    };
    expect(judge('iadl', four, local).result).toBe('非該当');
    expect(judge('iadl', four).result).toBe('該当');
    expect(local.find((r) => r.key === 'iadl')!.overridden).toEqual(['threshold']);
    expect(NEEDS_RISK_RULES.find((r) => r.key === 'iadl')!.overridden).toBeUndefined();
  });

  it('can change the answers counted and the BMI limit', () => {
    const local = withOverrides(NEEDS_RISK_RULES, {
      intentParticipant: { riskAnswers: { 'ns.intentParticipant': ['1', '2'] } },
      undernutrition: { bmiBelow: 20 },
    });
    expect(judge('intentParticipant', { 'ns.intentParticipant': '4' }, local).result).toBe('非該当');
    expect(
      judge('undernutrition', { 'ns.heightCm': '150', 'ns.weightKg': '43', 'ns.weightLoss': '1' }, local)
        .result,
    ).toBe('該当');
  });

  it('refuses unknown rules and fields a rule does not have', () => {
    expect(() => withOverrides(NEEDS_RISK_RULES, { iadll: { threshold: 3 } })).toThrow(/no rule "iadll"/);
    expect(() => withOverrides(NEEDS_RISK_RULES, { motor: { pointAnswers: {} } })).toThrow(
      /cannot override "pointAnswers"/,
    );
    expect(() => withOverrides(NEEDS_RISK_RULES, { undernutrition: { operator: '<=' } })).toThrow(
      /cannot override "operator"/,
    );
  });
});
