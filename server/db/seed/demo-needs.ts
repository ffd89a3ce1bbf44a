import { addDays, todayInTokyo } from '../../../domain/dates';
import type { NeedSource, NeedStatus } from '../../../domain/needs';
import type { TenantContext } from '../../core/context';
import { loadTenantAreas } from '../../modules/areas';
import { changeNeedStatus, createNeed } from '../../modules/needs';
import { createResident } from '../../modules/residents';

/*
 * The demo town's 困りごと and a few residents (all fictional). Spread so that the
 * needs-against-resources view has something to say: shopping and transport are asked for
 * everywhere, and the town-wide 買物バス and 福祉有償運送 reach every 地区 (no 空白 there); but
 * 峰野, 新町 and 山手 ask for a 認知症カフェ and for help in the house (家事援助) that nothing in
 * or above them offers — those are the 空白. Dates fall over three 年度 so the trend has a shape.
 */

interface DemoNeed {
  district: string;
  category: string;
  source: NeedSource;
  people: number;
  summary: string;
  daysAgo: number;
  status?: NeedStatus[];
  resident?: number;
  urgency?: 'high' | 'normal' | 'low';
}

const RESIDENTS = [
  {
    name: '峰野 ハナ',
    kana: 'みねの はな',
    birthDate: '1938-05-12',
    townName: '峰野',
    household: 'alone' as const,
  },
  {
    name: '川上 トメ',
    kana: 'かわかみ とめ',
    birthDate: '1941-11-03',
    townName: '川上',
    household: 'alone' as const,
  },
  {
    name: '本町 清',
    kana: 'ほんまち きよし',
    birthDate: '1944-02-20',
    townName: '本町3丁目',
    household: 'elderly_only' as const,
  },
  {
    name: '山手 文子',
    kana: 'やまて ふみこ',
    birthDate: '1947-08-30',
    townName: '奥山手',
    household: 'alone' as const,
  },
];

const NEEDS: DemoNeed[] = [
  {
    district: '峰野地区',
    category: 'kaimono',
    source: 'visit',
    people: 1,
    summary: '坂の上で店まで歩けない',
    daysAgo: 12,
    resident: 0,
    urgency: 'high',
  },
  {
    district: '峰野地区',
    category: 'kaimono',
    source: 'salon',
    people: 4,
    summary: '冬は買い物に出られない',
    daysAgo: 40,
  },
  {
    district: '峰野地区',
    category: 'idou',
    source: 'care_meeting',
    people: 2,
    summary: '通院の足がない',
    daysAgo: 75,
    status: ['in_progress'],
  },
  {
    district: '川上地区',
    category: 'kaimono',
    source: 'visit',
    people: 1,
    summary: '重い物が持てない',
    daysAgo: 20,
    resident: 1,
  },
  {
    district: '川上地区',
    category: 'idou',
    source: 'phone',
    people: 1,
    summary: 'バス停まで遠い',
    daysAgo: 33,
  },
  {
    district: '川上地区',
    category: 'kusakari',
    source: 'visit',
    people: 2,
    summary: '除雪が追いつかない',
    daysAgo: 300,
    status: ['in_progress', 'unresolved'],
  },
  {
    district: '峰野地区',
    category: 'ninchisho-cafe',
    source: 'care_meeting',
    people: 3,
    summary: '認知症の家族と通える場がない',
    daysAgo: 30,
  },
  {
    district: '峰野地区',
    category: 'kaji',
    source: 'visit',
    people: 2,
    summary: '電球交換や布団干しができない',
    daysAgo: 22,
    resident: 0,
  },
  {
    district: '新町地区',
    category: 'ninchisho-cafe',
    source: 'council',
    people: 4,
    summary: '物忘れの相談と集いの場がほしい',
    daysAgo: 55,
  },
  {
    district: '山手地区',
    category: 'kaji',
    source: 'phone',
    people: 1,
    summary: '台所の片付けを手伝ってほしい',
    daysAgo: 8,
    resident: 3,
  },
  {
    district: '桜台地区',
    category: 'hanashiaite',
    source: 'salon',
    people: 3,
    summary: '話し相手がほしい',
    daysAgo: 15,
  },
  {
    district: '本町地区',
    category: 'gomidashi',
    source: 'counter',
    people: 2,
    summary: 'ゴミ出しが難しい（3丁目）',
    daysAgo: 9,
    resident: 2,
  },
  {
    district: '本町地区',
    category: 'gomidashi',
    source: 'council',
    people: 5,
    summary: 'ゴミ出し支援の声が増えている',
    daysAgo: 60,
  },
  {
    district: '本町地区',
    category: 'ibasho',
    source: 'salon',
    people: 6,
    summary: '男性の居場所がほしい',
    daysAgo: 100,
    status: ['in_progress', 'referred'],
  },
  {
    district: '駅前地区',
    category: 'mimamori',
    source: 'phone',
    people: 1,
    summary: '新聞がたまっていると連絡',
    daysAgo: 5,
    status: ['in_progress', 'resolved'],
    urgency: 'high',
  },
  {
    district: '緑ヶ丘地区',
    category: 'kaji',
    source: 'counter',
    people: 1,
    summary: '電球交換ができない',
    daysAgo: 25,
    status: ['in_progress', 'referred', 'resolved'],
  },
  {
    district: '新町地区',
    category: 'shokuji',
    source: 'survey',
    people: 8,
    summary: '一人の食事が多い',
    daysAgo: 420,
  },
  {
    district: '南浜地区',
    category: 'kaimono',
    source: 'survey',
    people: 6,
    summary: '近くの商店が閉店した',
    daysAgo: 500,
  },
  {
    district: '港町地区',
    category: 'shumi',
    source: 'salon',
    people: 4,
    summary: '手芸の集まりをしたい',
    daysAgo: 45,
    status: ['watching'],
  },
  {
    district: '山手地区',
    category: 'idou',
    source: 'visit',
    people: 1,
    summary: '買い物と通院の送迎',
    daysAgo: 18,
    resident: 3,
    urgency: 'high',
  },
  {
    district: '山手地区',
    category: 'mimamori',
    source: 'visit',
    people: 3,
    summary: '奥山手の独居が心配',
    daysAgo: 140,
    status: ['watching'],
  },
  {
    district: '山手地区',
    category: 'kaimono',
    source: 'survey',
    people: 5,
    summary: '移動販売が来ない',
    daysAgo: 620,
  },
];

/** Seeds the demo needs through the real services (history, audit), as the SC would record them. */
export async function seedDemoNeeds(ctx: TenantContext, now: () => Date): Promise<number> {
  const areas = await loadTenantAreas(ctx);
  const areaId = (name: string) => areas.find((a) => a.name === name)!.id;
  const residents = [];
  for (const r of RESIDENTS)
    residents.push(
      await createResident(ctx, {
        ...r,
        areaId: null,
        address: '',
        phone: '',
        note: '架空の人物（デモ）',
        consent: { scopes: ['sc', 'center', 'provider'], on: addDays(todayInTokyo(now()), -30) },
      }),
    );
  const today = todayInTokyo(now());
  for (const n of NEEDS) {
    let need = await createNeed(ctx, {
      category: n.category,
      areaId: areaId(n.district),
      source: n.source,
      residentId: n.resident === undefined ? null : residents[n.resident]!.id,
      people: n.people,
      urgency: n.urgency ?? 'normal',
      summary: n.summary,
      note: '',
      raisedOn: addDays(today, -n.daysAgo),
      resourceIds: [],
    });
    for (const status of n.status ?? [])
      need = await changeNeedStatus(ctx, need.id, { status, note: '', version: need.version });
  }
  return NEEDS.length;
}
