import { describe, expect, it } from 'vitest';
import { INTEREST_CHECKSHEET, INTEREST_GROUPS, interestsOf } from './interest-checksheet';
import { type Answers, itemKeys, validateAnswers } from './questionnaire';

function answers(raw: Record<string, unknown>): Answers {
  const r = validateAnswers(INTEREST_CHECKSHEET, raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.answers;
}

describe('興味・関心チェックシート', () => {
  it('keeps the (unverified) activity list as data with stable keys', () => {
    const activities = INTEREST_GROUPS.flatMap((g) => g.activities);
    expect(activities).toHaveLength(46);
    expect(new Set(activities.map((a) => a.key)).size).toBe(46);
    expect(activities[0]).toMatchObject({ key: 'ic.toilet', label: '自分でトイレへ行く' });
    expect(INTEREST_CHECKSHEET.confidence).toBe('unverified');
    const keys = itemKeys(INTEREST_CHECKSHEET);
    expect(keys).toContain('ic.travel');
    expect(keys).toContain('ic.free1.name');
  });

  it('stores a set of marks per row, with × on its own', () => {
    expect(
      answers({ 'ic.walking': 'してみたい,興味がある', 'ic.cooking': 'doing', 'ic.haiku': '×' }),
    ).toEqual({
      'ic.walking': ['wantToDo', 'interested'],
      'ic.cooking': ['doing'],
      'ic.haiku': ['none'],
    });
    const r = validateAnswers(INTEREST_CHECKSHEET, { 'ic.haiku': 'x,interested' });
    expect(r.ok || r.errors[0]!.message).toBe(
      '俳句：「×（どれにも当てはまらない）」はほかの回答と一緒には選べません。',
    );
  });

  it('lists what the person wants to do or is interested in, free rows included', () => {
    const list = interestsOf(
      answers({
        'ic.walking': ['wantToDo'],
        'ic.cooking': ['doing'],
        'ic.singing': ['doing', 'interested'],
        'ic.free1.name': '手話',
        'ic.free1': 'してみたい',
        'ic.free2': 'interested', // no activity name: the row does not apply
      }),
    );
    expect(list.map((i) => [i.activity, i.wantToDo, i.interested, i.doing])).toEqual([
      ['歌を歌う・カラオケ', false, true, true],
      ['散歩', true, false, false],
      ['手話', true, false, false],
    ]);
    expect(list[1]).toMatchObject({ key: 'ic.walking', group: 'activeLife', portalGroups: ['exercise'] });
    expect(list[2]).toMatchObject({ key: 'ic.free1', group: null });
  });
});
