import { describe, expect, it } from 'vitest';
import {
  defaultFollowUp,
  nextReferralStatuses,
  outcomeOf,
  outcomesBy,
  type ReferralOutcomeRow,
  referralTransitionProblem,
} from './referrals';

describe('the referral loop', () => {
  it('moves forward one step at a time without a reason', () => {
    expect(referralTransitionProblem('proposed', 'contacted', '')).toBeNull();
    expect(referralTransitionProblem('accepted', 'started', '')).toBeNull();
    expect(referralTransitionProblem('ongoing', 'ended', '')).toBeNull();
  });

  it('asks for a reason to skip steps, naming what was skipped', () => {
    expect(referralTransitionProblem('proposed', 'started', '')).toEqual({
      kind: 'reason-needed',
      message: '「連絡済」「受入確認」を飛ばして「利用開始」にするときは、理由を書いてください。',
    });
    expect(referralTransitionProblem('proposed', 'started', '本人から始めたと電話があった')).toBeNull();
  });

  it('needs a reason for 不成立, and refuses it once the person has started', () => {
    expect(referralTransitionProblem('contacted', 'failed', '')?.kind).toBe('reason-needed');
    expect(referralTransitionProblem('contacted', 'failed', '連絡がとれなかった')).toBeNull();
    expect(referralTransitionProblem('started', 'failed', '体調')?.kind).toBe('not-allowed');
    expect(nextReferralStatuses('started')).toEqual(['ongoing', 'ended']);
  });

  it('never goes back, and an ended referral stays ended', () => {
    expect(referralTransitionProblem('accepted', 'contacted', 'まちがい')).toEqual({
      kind: 'not-allowed',
      message: '「受入確認」から「連絡済」には戻せません。',
    });
    expect(nextReferralStatuses('ended')).toEqual([]);
    expect(referralTransitionProblem('failed', 'proposed', '再挑戦')?.message).toContain('新しいつなぎ');
  });

  it('proposes the next follow-up a week or two ahead, none once ended', () => {
    expect(defaultFollowUp('proposed', '2026-12-01')).toBe('2026-12-08');
    expect(defaultFollowUp('started', '2026-12-01')).toBe('2026-12-15');
    expect(defaultFollowUp('ended', '2026-12-01')).toBeNull();
  });
});

describe('outcome statistics', () => {
  const row = (
    status: ReferralOutcomeRow['status'],
    over: Partial<ReferralOutcomeRow> = {},
  ): ReferralOutcomeRow => ({
    status,
    category: 'kaimono',
    areaId: 'a',
    proposedOn: '2026-04-01',
    startedOn: ['started', 'ongoing', 'ended'].includes(status) ? '2026-04-15' : null,
    ...over,
  });

  it('counts 成立 as reaching 利用開始, leaves pending ones out of the rate', () => {
    const cell = outcomeOf([
      row('started'),
      row('ended', { startedOn: '2026-04-11' }),
      row('failed'),
      row('proposed'),
      row('ongoing', { startedOn: '2026-05-01' }),
    ]);
    expect(cell).toEqual({
      total: 5,
      established: 3,
      failed: 1,
      pending: 1,
      rate: 0.75,
      medianDaysToStart: 14,
    });
  });

  it('has no rate while nothing is decided', () => {
    expect(outcomeOf([row('proposed'), row('contacted')]).rate).toBeNull();
    expect(outcomeOf([]).medianDaysToStart).toBeNull();
  });

  it('groups by category with the whole beside it', () => {
    const { total, groups } = outcomesBy(
      [row('started'), row('failed', { category: 'ibasho' }), row('started', { category: 'ibasho' })],
      (r) => r.category,
    );
    expect(total.rate).toBeCloseTo(2 / 3);
    expect(groups.get('kaimono')?.rate).toBe(1);
    expect(groups.get('ibasho')?.rate).toBe(0.5);
  });
});
