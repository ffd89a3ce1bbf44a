import { describe, expect, it } from 'vitest';
import {
  actorKindOf,
  buildAgenda,
  carriedOver,
  DEFAULT_AGENDA_TEMPLATE,
  dueState,
  fiscalMonths,
  numberMeetings,
  seatHeldOn,
  termProblem,
  yearTable,
} from './councils';

describe('the agenda flow of the seeds (C町 ①–⑥)', () => {
  it('starts a new council with the six steps in order', () => {
    expect(DEFAULT_AGENDA_TEMPLATE.map((t) => t.title)).toEqual([
      '地域課題の提示',
      'SCから協議体へ諮る',
      '情報・意見交換',
      'SCに託す',
      '総評',
      '次回の日程・宿題',
    ]);
  });

  it('carries 宿題・継続協議 over to the next meeting, discussed in 情報・意見交換, once marked 【継続】', () => {
    const carried = carriedOver([
      { id: 'a', step: 'exchange', title: '移動の足', carryOver: true, homework: '各町内会で聞いてくる' },
      { id: 'b', step: 'exchange', title: 'サロン', carryOver: false, homework: '' },
      { id: 'c', step: 'exchange', title: '【継続】情報の拡散', carryOver: true, homework: '' },
    ]);
    expect(carried.map((c) => [c.fromItemId, c.title, c.step])).toEqual([
      ['a', '【継続】移動の足', 'exchange'],
      ['c', '【継続】情報の拡散', 'exchange'],
    ]);
    const agenda = buildAgenda(DEFAULT_AGENDA_TEMPLATE, carried);
    expect(agenda.map((a) => a.title)).toEqual([
      '地域課題の提示',
      'SCから協議体へ諮る',
      '情報・意見交換',
      '【継続】移動の足',
      '【継続】情報の拡散',
      'SCに託す',
      '総評',
      '次回の日程・宿題',
    ]);
    expect(agenda[3]).toMatchObject({ description: '各町内会で聞いてくる', carriedFrom: 'a' });
  });

  it('keeps a council’s own template order within a step', () => {
    const agenda = buildAgenda(
      [
        { step: 'issue', title: '前回の振り返り' },
        { step: 'issue', title: '参加者からの問題提起' },
        { step: 'review', title: '総括（アドバイザー）' },
      ],
      [],
    );
    expect(agenda.map((a) => a.title)).toEqual([
      '前回の振り返り',
      '参加者からの問題提起',
      '総括（アドバイザー）',
    ]);
  });
});

describe('terms of office (辞令)', () => {
  it('refuses an end before the start and reads open ends as open', () => {
    expect(termProblem('2026-04-01', '2026-03-31')).toContain('任期の終わり');
    expect(termProblem('2026-04-01', '2026-04-01')).toBeNull();
    expect(termProblem(null, '2026-03-31')).toBeNull();
    expect(seatHeldOn({ termStart: '2025-04-01', termEnd: '2027-03-31' }, '2027-03-31')).toBe(true);
    expect(seatHeldOn({ termStart: '2025-04-01', termEnd: '2027-03-31' }, '2027-04-01')).toBe(false);
    expect(seatHeldOn({ termStart: null, termEnd: null }, '2030-01-01')).toBe(true);
  });
});

describe('numbering and the yearly table (C町の開催例)', () => {
  const councils = [
    { id: 'l2', name: '北部圏域協議体', layer: 2 },
    { id: 'l1', name: 'ささえ町協議体', layer: 1 },
  ];
  const meetings = [
    { id: 'm1', councilId: 'l1', heldOn: '2026-05-20', status: 'held', theme: '主な課題の整理' },
    { id: 'm2', councilId: 'l2', heldOn: '2026-06-10', status: 'held', theme: 'サロンの活性化' },
    { id: 'm3', councilId: 'l1', heldOn: '2026-08-19', status: 'cancelled', theme: '台風で中止' },
    { id: 'm4', councilId: 'l1', heldOn: '2026-08-26', status: 'planned', theme: '地域交通・移動' },
    { id: 'm5', councilId: 'l1', heldOn: '2027-03-10', status: 'planned', theme: '次年度の計画' },
    { id: 'old', councilId: 'l1', heldOn: '2026-03-10', status: 'held', theme: '前年度' },
  ];

  it('numbers meetings 第1回… per council and 年度, skipping cancelled ones', () => {
    const n = numberMeetings(meetings);
    expect([n.get('m1'), n.get('m3'), n.get('m4'), n.get('m5'), n.get('old'), n.get('m2')]).toEqual([
      1,
      undefined,
      2,
      3,
      1,
      1,
    ]);
  });

  it('puts months 4月〜3月 down the side and 第1層 before 第2層 across', () => {
    expect(fiscalMonths(2026)[0]).toBe('2026-04');
    expect(fiscalMonths(2026)[11]).toBe('2027-03');
    const t = yearTable(2026, councils, meetings);
    expect(t.columns.map((c) => c.id)).toEqual(['l1', 'l2']);
    expect(t.rows).toHaveLength(12);
    const may = t.rows.find((r) => r.month === '2026-05')!;
    expect(may.cells[0]).toEqual([
      { meetingId: 'm1', heldOn: '2026-05-20', number: 1, theme: '主な課題の整理', cancelled: false },
    ]);
    const june = t.rows.find((r) => r.month === '2026-06')!;
    expect(june.cells[1]![0]).toMatchObject({ number: 1, theme: 'サロンの活性化' });
    const august = t.rows.find((r) => r.month === '2026-08')!;
    expect(august.cells[0]!.map((c) => [c.number, c.cancelled])).toEqual([
      [null, true],
      [2, false],
    ]);
    // The previous 年度's March meeting is not in this year's table.
    expect(t.rows.flatMap((r) => r.cells.flat()).some((c) => c.meetingId === 'old')).toBe(false);
  });
});

describe('kinds of actor and due dates', () => {
  it('maps 主体 kinds onto the kinds the 要綱 names', () => {
    expect(actorKindOf('商店')?.kind).toBe('商工会・商店');
    expect(actorKindOf('地域おこし協力隊')?.kind).toBe('地域おこし協力隊');
    expect(actorKindOf('医療機関')).toBeUndefined();
  });

  it('says when a task is overdue', () => {
    expect(dueState('2026-11-20', '2026-11-24', 'open')).toBe('overdue');
    expect(dueState('2026-11-24', '2026-11-24', 'open')).toBe('today');
    expect(dueState('2026-11-20', '2026-11-24', 'done')).toBe('closed');
  });
});
