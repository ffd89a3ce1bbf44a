import { addDays, fiscalYearLabel, fiscalYearOf, todayInTokyo } from '../../../domain/dates';
import type { ReferralStatus } from '../../../domain/referrals';
import type { TenantContext } from '../../core/context';
import { tenantUsers } from '../../modules/accounts';
import { loadTenantAreas } from '../../modules/areas';
import { changeReferralStatus, createOpportunity, createReferral } from '../../modules/matching';
import { listNeeds } from '../../modules/needs';
import { listResidents } from '../../modules/residents';
import { resourceCandidates } from '../../modules/resources';
import { createResponse, createSurvey } from '../../modules/surveys';
import type { DemoHelperIds } from './demo-helpers';

/*
 * The demo town's つなぎ and 就労的活動, recorded through the real services with past dates, so
 * that 今日の確認 has something due, the statistics have a 成立率, and a person's history reads
 * like an SC's year: 川上 トメ's shopping met by the Thursday 移動販売, 本町 清's ゴミ出し by a
 * neighbour, one that did not come about (日程が合わなかった), and two waiting on the SC today.
 * The 空白 of the demo (認知症カフェ, 家事援助) are left alone: nothing in the town meets them.
 */

interface Step {
  status: ReferralStatus;
  daysAgo: number;
  note?: string;
  reason?: string;
  side?: 'sc' | 'provider' | 'resident';
}

interface DemoReferral {
  district: string;
  category: string;
  target: { kind: 'resource'; category: string } | { kind: 'helper'; skill: string } | { kind: 'shopper' };
  proposedDaysAgo: number;
  steps: Step[];
  /** Days from today of the next check (negative: overdue), for those still under way. */
  followUp?: number;
  reasons: string[];
  sc: '大野 健一' | '森田 あゆみ';
}

const REFERRALS: DemoReferral[] = [
  {
    district: '川上地区',
    category: 'kaimono',
    target: { kind: 'resource', category: 'idou-hanbai' },
    proposedDaysAgo: 60,
    steps: [
      { status: 'contacted', daysAgo: 57, side: 'resident', note: 'ご本人に伝え、木曜に行ってみるとのこと' },
      { status: 'accepted', daysAgo: 52, side: 'provider', note: '販売員さんが声をかけてくれることに' },
      { status: 'started', daysAgo: 46, note: '初回利用。重い物は玄関まで運んでもらえた' },
      { status: 'ongoing', daysAgo: 16, side: 'resident', note: '毎週楽しみにしている' },
    ],
    followUp: 14,
    reasons: ['同じ地区（川上地区）', '木曜開催', '無料'],
    sc: '森田 あゆみ',
  },
  {
    district: '本町地区',
    category: 'gomidashi',
    target: { kind: 'helper', skill: 'gomidashi' },
    proposedDaysAgo: 40,
    steps: [
      { status: 'contacted', daysAgo: 38 },
      { status: 'accepted', daysAgo: 35, side: 'provider', note: '火曜と金曜の朝に出してくださる' },
      { status: 'started', daysAgo: 33 },
    ],
    followUp: 0,
    reasons: ['ゴミ出しができます', '近くに住んでいます'],
    sc: '大野 健一',
  },
  {
    district: '南浜地区',
    category: 'kaimono',
    target: { kind: 'resource', category: 'idou-hanbai' },
    proposedDaysAgo: 90,
    steps: [
      { status: 'contacted', daysAgo: 88 },
      { status: 'failed', daysAgo: 80, reason: '日程・時間が合わなかった', note: '木曜は通院日' },
    ],
    reasons: ['同じ地区（南浜地区）'],
    sc: '大野 健一',
  },
  {
    district: '桜台地区',
    category: 'hanashiaite',
    target: { kind: 'helper', skill: 'hanashiaite' },
    proposedDaysAgo: 7,
    steps: [],
    followUp: 0,
    reasons: ['話し相手ができます', '同じ圏域'],
    sc: '森田 あゆみ',
  },
  {
    district: '川上地区',
    category: 'idou',
    target: { kind: 'resource', category: 'idou' },
    proposedDaysAgo: 12,
    steps: [{ status: 'contacted', daysAgo: 10, side: 'sc', note: '社協の運転ボランティアに相談中' }],
    followUp: -3,
    reasons: ['町内全域が対象'],
    sc: '森田 あゆみ',
  },
  {
    district: '峰野地区',
    category: 'kaimono',
    target: { kind: 'shopper' },
    proposedDaysAgo: 20,
    steps: [
      { status: 'contacted', daysAgo: 19 },
      { status: 'accepted', daysAgo: 15, side: 'provider', note: '木曜の午前に一緒に' },
    ],
    followUp: 2,
    reasons: ['買物代行ができます', '同じ地区に住んでいます（峰野地区）'],
    sc: '森田 あゆみ',
  },
];

export async function seedDemoMatching(ctx: TenantContext, now: () => Date, helpers: DemoHelperIds) {
  const today = todayInTokyo(now());
  const areas = await loadTenantAreas(ctx);
  const areaOf = (name: string) => areas.find((a) => a.name === name)!;
  const staff = await tenantUsers(ctx);
  const sc = (name: string) => staff.find((s) => s.name === name)!.userId;

  const kawakami = areaOf('川上地区');
  for (const o of [
    {
      title: '川上農園の収穫の手伝い',
      offeredBy: '川上農園（農業法人）',
      kinds: ['nougyou'],
      areaIds: [kawakami.id],
      weekdays: [2, 4],
      timeNote: '9時〜11時（6月〜10月）',
      paid: true,
      rewardNote: '1時間800円',
      capacity: 4,
      description: 'じゃがいも・かぼちゃの収穫と選別。座ってできる作業もあります。',
      conditions: '長靴と帽子をご持参ください。送迎あり。',
    },
    {
      title: 'ささえ保育園の見守り・絵本の読み聞かせ',
      offeredBy: 'ささえ保育園',
      kinds: ['kodomo'],
      areaIds: [areaOf('中央圏域').id],
      weekdays: [3],
      timeNote: '10時〜11時半',
      paid: false,
      rewardNote: 'ボランティアポイントの対象',
      capacity: 3,
      description: '園庭での見守りと、絵本の読み聞かせ。',
      conditions: '',
    },
    {
      title: '港町公園の花壇の手入れと清掃',
      offeredBy: 'ささえ町 建設課',
      kinds: ['seisou', 'nougyou'],
      areaIds: [areaOf('南部圏域').id],
      weekdays: [1],
      timeNote: '月2回 午前',
      paid: true,
      rewardNote: '1回1,000円（シルバー人材センター経由）',
      capacity: 6,
      description: '',
      conditions: '',
    },
    {
      title: 'デイサービスの配膳とお話し相手',
      offeredBy: 'ささえ福祉会 デイサービスみどり',
      kinds: ['shisetsu'],
      areaIds: [areaOf('緑ヶ丘地区').id],
      weekdays: [1, 3, 5],
      timeNote: '11時半〜13時',
      paid: true,
      rewardNote: '1回500円',
      capacity: 2,
      description: '昼食の配膳と、食後のお話し相手。',
      conditions: '',
    },
  ])
    await createOpportunity(ctx, { ...o, organizationId: null, contact: '', status: 'open' });

  // Two people's 興味・関心チェックシート, taken at home by the SC: what their pages suggest from.
  const survey = await createSurvey(ctx, {
    title: `${fiscalYearLabel(fiscalYearOf(today))} 興味・関心チェックシート（個別の聞き取り）`,
    instrument: 'interest-checksheet',
    fiscalYear: fiscalYearOf(today),
    thresholds: {},
  });
  const people = await listResidents(ctx, { page: 1, perPage: 50 });
  for (const [name, answers] of [
    [
      '峰野 ハナ',
      { 'ic.farming': ['doing', 'wantToDo'], 'ic.exercise': ['interested'], 'ic.friends': ['wantToDo'] },
    ],
    [
      '山手 文子',
      { 'ic.singing': ['wantToDo'], 'ic.knitting': ['doing'], 'ic.grandchildren': ['interested'] },
    ],
  ] as const) {
    const person = people.items.find((p) => p.name === name);
    if (!person) throw new Error(`demo interests: no resident ${name}`);
    await createResponse(ctx, survey.id, {
      respondentNo: '',
      residentId: person.id,
      areaId: person.areaId,
      townName: '',
      sex: '2',
      age: null,
      answeredOn: addDays(today, -25),
      mode: 'interview',
      answers,
    });
  }

  const needs = (await listNeeds(ctx, { open: 'true', page: 1, perPage: 200 })).items;
  const helperPool = [...helpers.all];
  let made = 0;
  for (const r of REFERRALS) {
    const area = areaOf(r.district);
    const need = needs.find((n) => n.areaId === area.id && n.category === r.category);
    if (!need) throw new Error(`demo referral: no open ${r.category} need in ${r.district}`);
    let targetId: string;
    if (r.target.kind === 'resource') {
      const wanted = r.target.category;
      const candidates = (await resourceCandidates(ctx, [wanted])).filter(
        (c) => c.status === 'active' && c.categories.includes(wanted),
      );
      const here = candidates.find((c) => c.areaIds.includes(area.id)) ?? candidates[0];
      if (!here) throw new Error(`demo referral: no ${wanted} resource`);
      targetId = here.id;
    } else if (r.target.kind === 'shopper') {
      targetId = helpers.minenoShoppers[0]!;
    } else {
      targetId = helperPool.shift()!;
    }
    const proposedOn = addDays(today, -r.proposedDaysAgo);
    let ref = await createReferral(ctx, {
      needId: need.id,
      residentId: null,
      targetKind: r.target.kind === 'resource' ? 'resource' : 'helper',
      targetId,
      scUserId: sc(r.sc),
      proposedOn,
      followUpOn: r.steps.length === 0 && r.followUp !== undefined ? addDays(today, r.followUp) : undefined,
      reasons: r.reasons,
      summary: '',
    });
    for (const [i, s] of r.steps.entries()) {
      const last = i === r.steps.length - 1;
      ref = await changeReferralStatus(ctx, ref.id, {
        status: s.status,
        on: addDays(today, -s.daysAgo),
        reason: s.reason ?? '',
        note: s.note ?? '',
        side: s.side ?? 'sc',
        followUpOn: last && r.followUp !== undefined ? addDays(today, r.followUp) : undefined,
        version: ref.version,
      });
    }
    made++;
  }
  return made;
}
