import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HelperInput } from '../../../contracts/helpers';
import { addDays, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import type { TenantContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { createTestApp, type TestApp } from '../../core/testing/test-app';
import { createHelper } from '../helpers';
import { correct, listBalances, redeem } from './balances.service';
import { memberBalance } from './ledger.service';
import { confirmActivity, createActivity, createScheme, returnActivity } from './points.service';
import { postYearEnd, previewYearEnd } from './year-end.service';

/*
 * The ledger's promise, tried on random histories: activities (some over the yearly cap, some
 * confirmed by the host group at entry), confirmations and returns, redemptions (some above the
 * balance, which must change nothing), corrections (some too large, some that would leave a debt)
 * and a year-end run. After every history, on this engine:
 *   – every member's balance equals what the operations' answers add up to, and the sum of their entries;
 *   – every transaction sums to zero, and so does the whole ledger;
 *   – no balance is below zero, and no member earned more than the cap in a 年度.
 */

const T = '372013';
const CAP = 400;
const RUNS = 20;

let t: TestApp;
let ctx: TenantContext;
const members: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.f.buildTenant(T);
  ctx = t.f.inTenant(T);
  for (const name of ['山田 花子', '本町 太郎', '川上 トメ'])
    members.push((await createHelper(ctx, HelperInput.parse({ name, consent: { on: '2024-04-01' } }))).id);
});
afterAll(() => t.close());

type Op =
  | {
      op: 'activity';
      member: number;
      kind: 'salon' | 'event' | null;
      minutes: number;
      daysAgo: number;
      host: boolean;
    }
  | { op: 'confirm'; pick: number }
  | { op: 'return'; pick: number }
  | { op: 'redeem'; member: number; points: number }
  | { op: 'correct'; pick: number; share: number }
  | { op: 'yearEnd' };

const member = fc.integer({ min: 0, max: 2 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('activity' as const),
      member,
      kind: fc.constantFrom('salon' as const, 'event' as const, null),
      minutes: fc.integer({ min: 15, max: 300 }),
      // Two 年度: today (2026-11-24) is in 令和8年度; 560 days back is in 令和7年度.
      daysAgo: fc.integer({ min: 0, max: 560 }),
      host: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('confirm' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('return' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('redeem' as const),
      member,
      points: fc.integer({ min: 1, max: 700 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('correct' as const),
      pick: fc.nat(),
      share: fc.double({ min: 0.01, max: 1.3, noNaN: true }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'yearEnd' as const }) },
);

/** A refusal the user would see (422 with a Japanese message); anything else is a failure. */
async function refusedOrDone<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof AppError && e.status === 422 && /[ぁ-んァ-ン一-龥]/.test(e.message)) return null;
    throw e;
  }
}

type Row = Record<string, unknown>;
const rows = async (q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: Row[] }).rows;

async function entryCount(schemeId: string) {
  const [r] = await rows(sql`select count(*)::int as n from point_entries e
    join point_transactions t on t.tenant_id = e.tenant_id and t.id = e.transaction_id
    where e.tenant_id = ${T} and t.scheme_id = ${schemeId}`);
  return Number(r!.n);
}

const stats = { runs: 0, ops: 0, refused: 0, capped: 0, ms: 0 };

it(`keeps every balance equal to its entries and the ledger at zero over ${RUNS} random histories`, async () => {
  const started = Date.now();
  const today = todayInTokyo(t.clock.now());
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 30 }), async (ops) => {
      stats.runs++;
      const scheme = await createScheme(ctx, {
        name: `試し${stats.runs}`,
        pointsPerHour: 100,
        activityKinds: [
          { code: 'salon', label: 'サロンのお手伝い', points: 100 },
          { code: 'event', label: '行事の運営', points: 300 },
        ],
        yearlyCap: CAP,
        redemptionKind: 'cash',
        yenPerPoint: 1,
        redemptionNote: '',
        yearlyRedemptionCap: null,
        active: true,
      });
      const expected = new Map<string, number>(members.map((m) => [m, 0]));
      const pending: { id: string; version: number }[] = [];
      const posted: { id: string; helperId: string }[] = [];
      const earnedByYear = new Map<string, number>();
      const earn = (helperId: string, on: string, points: number) => {
        const k = `${helperId}:${fiscalYearOf(on)}`;
        earnedByYear.set(k, (earnedByYear.get(k) ?? 0) + points);
      };
      const balanceOf = (helperId: string) => memberBalance(ctx, scheme.id, helperId);

      for (const o of ops) {
        stats.ops++;
        if (o.op === 'activity') {
          const helperId = members[o.member]!;
          const on = addDays(today, -o.daysAgo);
          const res = await createActivity(ctx, {
            schemeId: scheme.id,
            helperId,
            on,
            kind: o.kind,
            minutes: o.kind ? null : o.minutes,
            host: '',
            note: '',
            hostConfirmation: o.host ? { by: '受付', on: today } : null,
          });
          if (res.activity.status === 'pending')
            pending.push({ id: res.activity.id, version: res.activity.version });
          else {
            const award = res.activity.awardedPoints!;
            if (res.message) stats.capped++;
            expect(award).toBeLessThanOrEqual(res.activity.requestedPoints);
            expected.set(helperId, expected.get(helperId)! + award);
            earn(helperId, on, award);
            if (res.activity.transactionId) posted.push({ id: res.activity.transactionId, helperId });
          }
        } else if ((o.op === 'confirm' || o.op === 'return') && pending.length > 0) {
          const [p] = pending.splice(o.pick % pending.length, 1);
          if (o.op === 'return') {
            await returnActivity(ctx, p!.id, { version: p!.version, reason: '記入違い' });
            continue;
          }
          const res = await confirmActivity(ctx, p!.id, p!.version);
          if (res.message) stats.capped++;
          const award = res.activity.awardedPoints!;
          expected.set(res.activity.helperId, expected.get(res.activity.helperId)! + award);
          earn(res.activity.helperId, res.activity.on, award);
          if (res.activity.transactionId)
            posted.push({ id: res.activity.transactionId, helperId: res.activity.helperId });
        } else if (o.op === 'redeem') {
          const helperId = members[o.member]!;
          const before = { entries: await entryCount(scheme.id), balance: await balanceOf(helperId) };
          const res = await refusedOrDone(() =>
            redeem(ctx, scheme.id, helperId, { points: o.points, note: '' }),
          );
          if (res) {
            expect(o.points).toBeLessThanOrEqual(before.balance);
            expected.set(helperId, expected.get(helperId)! - o.points);
            posted.push({ id: res.transactionId, helperId });
          } else {
            stats.refused++;
            // Refused (above the balance): nothing written, nothing changed.
            expect(o.points).toBeGreaterThan(before.balance);
            expect(await entryCount(scheme.id)).toBe(before.entries);
            expect(await balanceOf(helperId)).toBe(before.balance);
          }
        } else if (o.op === 'correct' && posted.length > 0) {
          const target = posted[o.pick % posted.length]!;
          const [orig] = await rows(sql`select e.amount from point_entries e
            join point_accounts a on a.tenant_id = e.tenant_id and a.id = e.account_id and a.kind = 'member'
            where e.tenant_id = ${T} and e.transaction_id = ${target.id}`);
          const size = Math.abs(Number(orig!.amount));
          const points = Math.max(1, Math.round(size * o.share));
          const before = await entryCount(scheme.id);
          const res = await refusedOrDone(() => correct(ctx, target.id, { points, reason: '試し' }));
          if (res) {
            const delta = -Math.sign(Number(orig!.amount)) * points;
            expected.set(target.helperId, expected.get(target.helperId)! + delta);
            // Corrections of awards count against the 年度 of the award (the cap check below).
            const [tx] = await rows(
              sql`select kind, "on" from point_transactions where tenant_id = ${T} and id = ${target.id}`,
            );
            if (tx!.kind === 'activity') earn(target.helperId, String(tx!.on), delta);
          } else {
            stats.refused++;
            expect(await entryCount(scheme.id)).toBe(before);
          }
        } else if (o.op === 'yearEnd') {
          const fy = fiscalYearOf(today) - 1;
          const preview = await previewYearEnd(ctx, scheme.id, fy);
          const res = await refusedOrDone(() =>
            postYearEnd(ctx, scheme.id, { fiscalYear: fy, expectedPoints: preview.totalPoints }),
          );
          if (res) for (const r of res.rows) expected.set(r.helperId, expected.get(r.helperId)! - r.points);
          else stats.refused++;
        }
      }

      // Every member: the balance shown = what the answers added up to = the sum of their entries ≥ 0.
      const shown = await listBalances(ctx, scheme.id, {});
      const sums = await rows(sql`select a.helper_id, sum(e.amount)::int as n from point_entries e
        join point_accounts a on a.tenant_id = e.tenant_id and a.id = e.account_id
        where e.tenant_id = ${T} and a.scheme_id = ${scheme.id} and a.kind = 'member' group by a.helper_id`);
      for (const m of members) {
        const b = shown.items.find((i) => i.helperId === m)?.balance ?? 0;
        expect(b).toBe(expected.get(m));
        expect(b).toBe(Number(sums.find((s) => s.helper_id === m)?.n ?? 0));
        expect(b).toBeGreaterThanOrEqual(0);
      }
      // Every transaction sums to zero with at least two lines; so does the scheme's whole ledger.
      const unbalanced = await rows(sql`select t.id from point_transactions t
        join point_entries e on e.tenant_id = t.tenant_id and e.transaction_id = t.id
        where t.tenant_id = ${T} and t.scheme_id = ${scheme.id}
        group by t.id having sum(e.amount) <> 0 or count(*) < 2`);
      expect(unbalanced).toEqual([]);
      const [total] = await rows(sql`select coalesce(sum(e.amount), 0)::int as n from point_entries e
        join point_accounts a on a.tenant_id = e.tenant_id and a.id = e.account_id
        where e.tenant_id = ${T} and a.scheme_id = ${scheme.id}`);
      expect(Number(total!.n)).toBe(0);
      // Nobody earned more than the cap in a 年度.
      for (const earned of earnedByYear.values()) expect(earned).toBeLessThanOrEqual(CAP);
    }),
    { numRuns: RUNS, seed: Number(process.env.POINTS_PROPERTY_SEED ?? Date.now() % 2 ** 31) },
  );
  stats.ms = Date.now() - started;
  console.log(
    `ledger property (${t.database.engine}): ${stats.runs} histories, ${stats.ops} operations, ${stats.refused} refused, ${stats.capped} cut by the cap, ${(stats.ms / 1000).toFixed(1)} s`,
  );
  // The whole tenant's ledger, across every scheme tried, still sums to zero.
  const [all] = await rows(
    sql`select coalesce(sum(amount), 0)::int as n from point_entries where tenant_id = ${T}`,
  );
  expect(Number(all!.n)).toBe(0);
}, 120_000);
