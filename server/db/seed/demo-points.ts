import { PointActivityInput, PointSchemeInput } from '../../../contracts/points';
import { addDays, todayInTokyo } from '../../../domain/dates';
import type { TenantContext } from '../../core/context';
import {
  confirmActivity,
  correct,
  createActivity,
  createScheme,
  redeem,
  returnActivity,
} from '../../modules/points';

/*
 * The demo town's ボランティアポイント: ささえ町いきいきポイント (1時間100pt, サロン手伝い100pt,
 * 見守り訪問50pt, 年間上限5,000pt, 1pt=1円) with about nine months of activities of its members —
 * most confirmed (by the host group on the 活動記録票, or by an SC), a few 確認待ち, one returned —
 * one correction and one redemption. Everything goes through the services staff use.
 */

interface DemoActivity {
  member: number;
  daysAgo: number;
  kind?: 'salon' | 'mimamori' | 'gomi' | 'event';
  minutes?: number;
  host: string;
  /** 'host' = the host group signed the 活動記録票; 'sc' = confirmed by an SC; 'pending'; 'returned'. */
  how: 'host' | 'sc' | 'pending' | 'returned';
}

const HOSTS = {
  mineno: '峰野サロン',
  kawakami: '川上いきいき体操',
  honmachi: '本町会館サロン',
  mimamori: '社協 見守りネットワーク',
  matsuri: 'ささえ町夏まつり実行委員会',
  minami: '南浜ふれあいサロン',
};

/** A steady rhythm per member (a salon every two weeks, visits every week …), spread over months. */
function demoActivities(members: number): DemoActivity[] {
  const out: DemoActivity[] = [];
  const rhythm: { kind: DemoActivity['kind']; every: number; host: string; minutes?: number }[] = [
    { kind: 'salon', every: 14, host: HOSTS.mineno },
    { kind: 'mimamori', every: 10, host: HOSTS.mimamori },
    { kind: 'salon', every: 21, host: HOSTS.honmachi },
    { kind: undefined, every: 28, host: HOSTS.kawakami, minutes: 90 },
    { kind: 'gomi', every: 7, host: HOSTS.mimamori },
    { kind: 'salon', every: 30, host: HOSTS.minami },
  ];
  for (let m = 0; m < Math.min(members, rhythm.length); m++) {
    const r = rhythm[m]!;
    for (let d = 270 - m * 5; d >= 20; d -= r.every)
      out.push({
        member: m,
        daysAgo: d,
        kind: r.kind,
        minutes: r.minutes,
        host: r.host,
        how: d % 3 === 0 ? 'sc' : 'host',
      });
  }
  // The summer festival: three members ran it.
  for (const m of [0, 2, 4].filter((i) => i < members))
    out.push({ member: m, daysAgo: 130, kind: 'event', host: HOSTS.matsuri, how: 'host' });
  // Waiting for an SC: the last fortnight's records, each at the member's usual place.
  for (const [m, d] of [
    [0, 6],
    [1, 4],
    [3, 3],
    [5, 2],
  ] as const)
    if (m < members) {
      const r = rhythm[m]!;
      out.push({ member: m, daysAgo: d, kind: r.kind, minutes: r.minutes, host: r.host, how: 'pending' });
    }
  if (members > 2)
    out.push({ member: 2, daysAgo: 9, kind: 'mimamori', host: HOSTS.mimamori, how: 'returned' });
  return out;
}

/** Loads the scheme and its history for the given members (helpers of the demo town). */
export async function seedDemoPoints(ctx: TenantContext, now: () => Date, helperIds: readonly string[]) {
  const today = todayInTokyo(now());
  const scheme = await createScheme(
    ctx,
    PointSchemeInput.parse({
      name: 'ささえ町いきいきポイント',
      pointsPerHour: 100,
      activityKinds: [
        { code: 'salon', label: 'サロンのお手伝い', points: 100 },
        { code: 'mimamori', label: '見守り訪問', points: 50 },
        { code: 'gomi', label: 'ゴミ出しの手伝い', points: 50 },
        { code: 'event', label: '行事の運営', points: 300 },
      ],
      yearlyCap: 5000,
      redemptionKind: 'cash',
      yenPerPoint: 1,
      yearlyRedemptionCap: 5000,
      redemptionNote:
        '年度末にためたポイントを1ポイント1円の交付金として口座に振り込みます（年間5,000円まで）。',
    }),
  );
  const posted: string[] = [];
  for (const a of demoActivities(helperIds.length)) {
    const on = addDays(today, -a.daysAgo);
    const res = await createActivity(
      ctx,
      PointActivityInput.parse({
        schemeId: scheme.id,
        helperId: helperIds[a.member],
        on,
        kind: a.kind ?? null,
        minutes: a.kind ? null : (a.minutes ?? 60),
        host: a.host,
        hostConfirmation: a.how === 'host' ? { by: `${a.host} 代表`, on } : null,
      }),
    );
    let activity = res.activity;
    if (a.how === 'sc') activity = (await confirmActivity(ctx, activity.id, activity.version)).activity;
    if (a.how === 'returned')
      await returnActivity(ctx, activity.id, {
        version: activity.version,
        reason: '同じ日の訪問が二重に記録されていました',
      });
    if (activity.transactionId && a.kind === 'event') posted.push(activity.transactionId);
  }
  // The festival ran 2 hours shorter than recorded for one member: 100 points taken back.
  if (posted[1]) await correct(ctx, posted[1], { points: 100, reason: '運営に入った時間の記入違い' });
  if (helperIds[1]) await redeem(ctx, scheme.id, helperIds[1], { points: 500, note: '商品券に交換' });
  return scheme.id;
}
