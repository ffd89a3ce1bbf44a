import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityPoints,
  applyYearlyCap,
  checkActivityKinds,
  checkRedemption,
  formatMinutes,
  isBalanced,
  type PointRules,
  pointsToYen,
  redeemableNow,
  reversalLines,
  withRunningBalance,
  yearEndRedeemable,
} from './points';

const rules: PointRules = {
  pointsPerHour: 100,
  kinds: [
    { code: 'salon', label: 'サロンのお手伝い', points: 100 },
    { code: 'mimamori', label: '見守り訪問', points: 50 },
  ],
  yearlyCap: 5000,
  yenPerPoint: 1,
  yearlyRedemptionCap: null,
};

describe('points an activity earns', () => {
  it('pays a kind its fixed points and time at the hourly rate, rounded down', () => {
    expect(activityPoints(rules, { kind: 'mimamori', minutes: 240 })).toEqual({
      ok: true,
      points: 50,
      basis: '見守り訪問',
    });
    expect(activityPoints(rules, { kind: null, minutes: 90 })).toMatchObject({ ok: true, points: 150 });
    expect(activityPoints(rules, { kind: null, minutes: 50 })).toMatchObject({ ok: true, points: 83 });
    expect(activityPoints(rules, { kind: null, minutes: 90 })).toMatchObject({
      basis: '1時間30分（1時間100ポイント）',
    });
  });

  it('says what is missing, in Japanese, naming the field', () => {
    expect(activityPoints(rules, { kind: 'nothing', minutes: null })).toMatchObject({
      ok: false,
      field: 'kind',
    });
    expect(activityPoints(rules, { kind: null, minutes: null })).toMatchObject({
      ok: false,
      field: 'minutes',
      message: '活動の種類か活動した時間を入力してください。',
    });
    expect(activityPoints({ ...rules, pointsPerHour: null }, { kind: null, minutes: 60 })).toMatchObject({
      ok: false,
      field: 'kind',
    });
  });

  it('writes durations the way people say them', () => {
    expect(formatMinutes(30)).toBe('30分');
    expect(formatMinutes(120)).toBe('2時間');
    expect(formatMinutes(150)).toBe('2時間30分');
  });
});

describe('the yearly cap', () => {
  it('awards only what is left under the cap and says so', () => {
    expect(applyYearlyCap(300, 4900, 5000)).toEqual({
      award: 100,
      capped: true,
      message: '年間上限 5,000 ポイントに達したため 300 ポイントのうち 100 ポイントを付けました。',
    });
    expect(applyYearlyCap(300, 5000, 5000)).toMatchObject({ award: 0, capped: true });
    expect(applyYearlyCap(300, 5000, 5000).message).toContain('ポイントを付けませんでした');
    expect(applyYearlyCap(300, 100, 5000)).toEqual({ award: 300, capped: false, message: null });
    expect(applyYearlyCap(300, 9_999_999, null)).toEqual({ award: 300, capped: false, message: null });
  });

  it('never awards more than the cap in a year, whatever the order of activities', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 8000 }),
        (reqs, cap) => {
          let earned = 0;
          for (const r of reqs) {
            const { award } = applyYearlyCap(r, earned, cap);
            expect(award).toBeGreaterThanOrEqual(0);
            expect(award).toBeLessThanOrEqual(r);
            earned += award;
          }
          expect(earned).toBeLessThanOrEqual(cap);
          // Nothing is withheld while there is room: the total is min(sum, cap).
          expect(earned).toBe(
            Math.min(
              cap,
              reqs.reduce((s, r) => s + r, 0),
            ),
          );
        },
      ),
    );
  });
});

describe('redemption', () => {
  const state = { name: '山田 花子', balance: 1200, redeemedThisYear: 0, cap: null };

  it('refuses more than the balance, naming the person and the balance', () => {
    expect(checkRedemption(1201, state)).toEqual({
      ok: false,
      message: '交換するポイント：山田 花子さんの残高は 1,200 ポイントです。残高より多くは交換できません。',
    });
    expect(checkRedemption(1200, state)).toEqual({ ok: true });
    expect(checkRedemption(0, state).ok).toBe(false);
    expect(checkRedemption(1.5, state).ok).toBe(false);
  });

  it('keeps to the yearly redemption cap when the town sets one', () => {
    const capped = { ...state, redeemedThisYear: 2500, cap: 3000 };
    expect(checkRedemption(600, capped)).toEqual({
      ok: false,
      message:
        '交換するポイント：この年度に交換できるのはあと 500 ポイントです（年間の交換上限 3,000 ポイント）。',
    });
    expect(checkRedemption(500, capped)).toEqual({ ok: true });
    expect(redeemableNow(1200, 2500, 3000)).toBe(500);
    expect(redeemableNow(-5, 0, null)).toBe(0);
  });

  it('at year end takes what stood at the end of the 年度, never more than the balance now', () => {
    expect(
      yearEndRedeemable({ balanceAtYearEnd: 800, balanceNow: 1000, redeemedThisYear: 0, cap: null }),
    ).toBe(800);
    expect(
      yearEndRedeemable({ balanceAtYearEnd: 800, balanceNow: 300, redeemedThisYear: 0, cap: null }),
    ).toBe(300);
    expect(yearEndRedeemable({ balanceAtYearEnd: 800, balanceNow: 800, redeemedThisYear: 0, cap: 500 })).toBe(
      500,
    );
    expect(pointsToYen(800, 1)).toBe(800);
  });
});

describe('the ledger arithmetic', () => {
  it('calls a transaction balanced only with two or more integer lines summing to zero', () => {
    expect(
      isBalanced([
        { accountId: 'a', amount: 100 },
        { accountId: 'b', amount: -100 },
      ]),
    ).toBe(true);
    expect(
      isBalanced([
        { accountId: 'a', amount: 100 },
        { accountId: 'b', amount: -99 },
      ]),
    ).toBe(false);
    expect(isBalanced([{ accountId: 'a', amount: 0 }])).toBe(false);
    expect(
      isBalanced([
        { accountId: 'a', amount: 0.5 },
        { accountId: 'b', amount: -0.5 },
      ]),
    ).toBe(false);
  });

  it('reverses a transaction fully or in part, and the reversal is itself balanced', () => {
    const original = [
      { accountId: 'member', amount: 300 },
      { accountId: 'issuance', amount: -300 },
    ];
    expect(reversalLines(original, 300)).toEqual([
      { accountId: 'member', amount: -300 },
      { accountId: 'issuance', amount: 300 },
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), (p) => {
        const lines = reversalLines(original, p);
        expect(isBalanced(lines)).toBe(true);
        expect(lines[0]!.amount).toBe(-p);
      }),
    );
    expect(() => reversalLines(original, 301)).toThrow();
  });

  it('runs a statement balance from the opening balance', () => {
    expect(withRunningBalance(100, [{ amount: 50 }, { amount: -120 }]).map((e) => e.balance)).toEqual([
      150, 30,
    ]);
  });

  it('refuses repeated activity kinds in a scheme', () => {
    expect(
      checkActivityKinds([
        { code: 'a', label: 'サロン', points: 100 },
        { code: 'b', label: 'サロン', points: 50 },
      ]),
    ).toMatchObject({ index: 1, field: 'label' });
    expect(checkActivityKinds(rules.kinds)).toBeNull();
  });
});
