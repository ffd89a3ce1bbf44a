import { describe, expect, it } from 'vitest';
import {
  allOf,
  anyOf,
  codesOf,
  defineQuestionnaire,
  itemKeys,
  judgeCount,
  type QuestionnaireDefinition,
  validateAnswers,
  visibleItems,
} from './questionnaire';

const def = defineQuestionnaire({
  key: 'test',
  version: 1,
  title: 'テスト調査',
  source: 'テスト',
  confidence: 'verified',
  sections: [
    {
      title: 'あなたについて',
      questions: [
        {
          kind: 'single',
          key: 'q3',
          number: '問3',
          label: '外出の頻度',
          options: [
            { code: '1', label: 'ほとんど外出しない' },
            { code: '2', label: '週1回' },
            { code: '3', label: '週2回以上' },
          ],
        },
        {
          kind: 'multiple',
          key: 'q4',
          number: '問4',
          label: '外出の手段',
          options: [
            { code: '1', label: '徒歩' },
            { code: '2', label: 'バス' },
            { code: '3', label: '自動車' },
            { code: '9', label: '特にない' },
          ],
          exclusive: ['9'],
          showIf: { itemKey: 'q3', in: ['2', '3'] },
        },
        {
          kind: 'text',
          key: 'q4.bus',
          label: 'よく使うバスの路線',
          maxLength: 10,
          showIf: { itemKey: 'q4', equals: '2' },
        },
        { kind: 'number', key: 'height', short: '身長', label: '身長', unit: 'cm', min: 50, max: 250 },
        {
          kind: 'number',
          key: 'children',
          short: '子どもの人数',
          label: '子どもの人数',
          min: 0,
          max: 20,
          integer: true,
        },
        {
          kind: 'scale',
          key: 'health',
          short: '健康感',
          label: '健康だと思いますか',
          min: 1,
          max: 5,
          minLabel: '思わない',
          maxLabel: '思う',
        },
        {
          kind: 'matrix',
          number: '問5',
          label: '会・グループへの参加',
          options: [
            { code: '1', label: '参加している' },
            { code: '2', label: '参加していない' },
          ],
          rows: [
            { key: 'g.volunteer', number: '①', label: 'ボランティア' },
            { key: 'g.sports', number: '②', label: 'スポーツ' },
          ],
        },
      ],
    },
  ],
});

describe('questionnaire engine', () => {
  it('lists item keys in form order with matrix rows expanded', () => {
    expect(itemKeys(def)).toEqual([
      'q3',
      'q4',
      'q4.bus',
      'height',
      'children',
      'health',
      'g.volunteer',
      'g.sports',
    ]);
  });

  it('normalises answers from CSV: full-width digits, separators, labels, units', () => {
    const r = validateAnswers(def, {
      q3: '２',
      q4: '2；1',
      'q4.bus': ' 駅前線 ',
      height: '１５８．５cm',
      children: 2,
      health: '4',
      'g.volunteer': '参加している',
      'g.sports': '',
    });
    expect(r).toEqual({
      ok: true,
      answers: {
        q3: '2',
        q4: ['1', '2'],
        'q4.bus': '駅前線',
        height: 158.5,
        children: 2,
        health: 4,
        'g.volunteer': '1',
      },
      dropped: [],
    });
    expect(validateAnswers(def, { q3: '3', q4: '1,3' })).toMatchObject({
      ok: true,
      answers: { q4: ['1', '3'] },
    });
  });

  it('leaves blanks unanswered', () => {
    expect(validateAnswers(def, { q3: '  ', height: null, q4: [] })).toEqual({
      ok: true,
      answers: {},
      dropped: [],
    });
  });

  it('reports problems in natural Japanese, one per item', () => {
    const r = validateAnswers(def, {
      q3: '4',
      height: '30',
      children: '1.5',
      health: '6',
      'g.sports': ['1', '2'],
      nickname: 'x',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { itemKey: 'nickname', message: '「nickname」はこの調査票にない項目です。' },
      { itemKey: 'q3', message: '問3：選択肢にない回答です（「4」）。' },
      { itemKey: 'height', message: '身長：50〜250の数で入力してください。' },
      { itemKey: 'children', message: '子どもの人数：0〜20の整数で入力してください。' },
      { itemKey: 'health', message: '健康感：1〜5の整数で選んでください。' },
      { itemKey: 'g.sports', message: '問5 ②スポーツ：回答は1つだけ選んでください。' },
    ]);
  });

  it('refuses an exclusive option combined with others, and overlong text', () => {
    const r = validateAnswers(def, { q3: '3', q4: '2,9', 'q4.bus': 'あ'.repeat(11) });
    expect(r.ok || r.errors).toEqual([
      { itemKey: 'q4', message: '問4：「特にない」はほかの回答と一緒には選べません。' },
      // q4 is invalid and so counts as unanswered: the bus question does not apply and is dropped.
    ]);
    const ok = validateAnswers(def, { q3: '3', q4: '2', 'q4.bus': 'あ'.repeat(11) });
    expect(ok.ok || ok.errors).toEqual([
      { itemKey: 'q4.bus', message: 'よく使うバスの路線：10文字以内で入力してください。' },
    ]);
  });

  it('drops answers to questions that do not apply, and says which', () => {
    const r = validateAnswers(def, { q3: '1', q4: '2', 'q4.bus': '駅前線' });
    expect(r).toEqual({ ok: true, answers: { q3: '1' }, dropped: ['q4', 'q4.bus'] });
  });

  it('decides visibility from earlier answers, including answered and contains', () => {
    expect(visibleItems(def, {})).not.toContain('q4');
    expect(visibleItems(def, { q3: '2', q4: '1,2' })).toContain('q4.bus');
    expect(visibleItems(def, { q3: '2', q4: '1' })).not.toContain('q4.bus');

    const withAnswered = defineQuestionnaire({
      ...def,
      key: 'test-answered',
      sections: [
        {
          title: 'x',
          questions: [
            { kind: 'number', key: 'h', label: '身長', min: 50, max: 250 },
            {
              kind: 'single',
              key: 'low',
              label: 'やせ',
              options: [{ code: '1', label: 'はい' }],
              showIf: { itemKey: 'h', answered: false },
            },
          ],
        },
      ],
    });
    expect(visibleItems(withAnswered, { h: '' })).toEqual(['h', 'low']);
    expect(visibleItems(withAnswered, { h: '160' })).toEqual(['h']);
  });

  it('rejects broken definitions where they are declared', () => {
    const broken = (questions: unknown[]): QuestionnaireDefinition =>
      ({
        key: 'b',
        version: 1,
        title: 'b',
        source: 'b',
        confidence: 'verified',
        sections: [{ title: 'b', questions }],
      }) as QuestionnaireDefinition;
    const yes = [{ code: '1', label: 'はい' }];
    expect(() =>
      defineQuestionnaire(
        broken([
          { kind: 'text', key: 'a', label: 'a' },
          { kind: 'text', key: 'a', label: 'a' },
        ]),
      ),
    ).toThrow(/repeated/);
    expect(() =>
      defineQuestionnaire(
        broken([
          { kind: 'text', key: 'a', label: 'a', showIf: { itemKey: 'b', answered: true } },
          { kind: 'text', key: 'b', label: 'b' },
        ]),
      ),
    ).toThrow(/not an earlier item/);
    expect(() =>
      defineQuestionnaire(
        broken([{ kind: 'multiple', key: 'a', label: 'a', options: yes, exclusive: ['9'] }]),
      ),
    ).toThrow(/exclusive/);
    expect(() =>
      defineQuestionnaire(broken([{ kind: 'single', key: 'a', label: 'a', options: [...yes, ...yes] }])),
    ).toThrow(/repeat/);
  });

  it('reads codes back uniformly', () => {
    expect(codesOf({ a: '1', b: ['1', '2'] }, 'a')).toEqual(['1']);
    expect(codesOf({ a: '1', b: ['1', '2'] }, 'b')).toEqual(['1', '2']);
    expect(codesOf({}, 'c')).toBeUndefined();
  });
});

describe('three-valued judgements', () => {
  it('count towards a threshold with missing answers', () => {
    expect(judgeCount(3, 0, '>=', 3)).toBe('該当');
    expect(judgeCount(2, 1, '>=', 3)).toBe('判定不能');
    expect(judgeCount(1, 1, '>=', 3)).toBe('非該当');
    expect(judgeCount(4, 1, '<=', 4)).toBe('判定不能');
    expect(judgeCount(3, 1, '<=', 4)).toBe('該当');
    expect(judgeCount(5, 0, '<=', 4)).toBe('非該当');
  });

  it('combine with any and all', () => {
    expect(anyOf(['非該当', '判定不能', '該当'])).toBe('該当');
    expect(anyOf(['非該当', '判定不能'])).toBe('判定不能');
    expect(anyOf(['非該当', '非該当'])).toBe('非該当');
    expect(allOf(['該当', '判定不能', '非該当'])).toBe('非該当');
    expect(allOf(['該当', '判定不能'])).toBe('判定不能');
    expect(allOf(['該当', '該当'])).toBe('該当');
  });
});
